// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace Forgeline::Station {

// Polls the serial ports on the event loop so a station can start a board the
// moment it is plugged in; the first scan is the baseline and emits nothing.
class PortWatcher : public QObject
{
    Q_OBJECT
public:
    explicit PortWatcher(QObject *parent = nullptr);

    // Tests inject a lister because ptys are not listed as serial ports.
    void setPortLister(std::function<QStringList()> lister);
    // Watch the paths matching a file-name pattern instead of every serial port, e.g.
    // "/dev/serial/by-id/usb-Silicon_Labs*" (udev's stable names for the line's USB bridges,
    // leaving out the PC's own ports) or "/dev/ttyUSB*". An empty pattern means every serial port.
    void setPattern(const QString &pattern);
    static std::function<QStringList()> patternLister(const QString &pattern);
    static std::function<QStringList()> serialPortLister();
    void setInterval(int ms);
    void start();
    void stop();
    bool isActive() const;
    // One poll now (also what the timer calls).
    void scan();

Q_SIGNALS:
    void portAppeared(const QString &port);
    void portDisappeared(const QString &port);

private:
    std::function<QStringList()> m_lister;
    QTimer m_timer;
    QSet<QString> m_known;
    bool m_hasBaseline = false;
};

} // namespace Forgeline::Station
