// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace Forgeline::Flasher {

class SerialLink;

// How to put the chip into download mode (docs §5). RTS drives EN, DTR drives GPIO0.
enum class ResetKind { Auto, Classic, UnixTight, UsbJtag, NoReset };

QString resetKindName(ResetKind kind);
bool resetKindFromName(const QString &name, ResetKind *kind);

struct ResetStep
{
    enum class Kind { Dtr, Rts, Both, Wait } kind = Kind::Wait;
    bool dtr = false;
    bool rts = false;
    int ms = 0;
};

QList<ResetStep> resetSequence(ResetKind kind, int releaseDelayMs = 50);
QList<ResetStep> hardResetSequence();

struct ResetAttempt
{
    ResetKind kind = ResetKind::NoReset;
    int delayMs = 50;
};
// Attempts in the order esptool cycles them: tight then classic with 50/550 ms on POSIX,
// USB-Serial/JTAG when the port is Espressif's own; ports without modem lines get one
// "no reset" attempt (straight to SYNC).
QList<ResetAttempt> resetAttempts(ResetKind requested, bool usbJtag, bool modemLines);

// Plays a sequence on the event loop (no sleeping).
class ResetRunner : public QObject
{
    Q_OBJECT
public:
    explicit ResetRunner(QObject *parent = nullptr) : QObject(parent) {}
    void run(SerialLink *link, const QList<ResetStep> &steps, std::function<void()> done);
    void stop();

private:
    void next();
    SerialLink *m_link = nullptr;
    QList<ResetStep> m_steps;
    int m_index = 0;
    std::function<void()> m_done;
    int m_generation = 0;
};

} // namespace Forgeline::Flasher
