// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/flasher/romprotocol.h"
#include "core/flasher/slip.h"

#include <QObject>

#include <functional>

class QTimer;

namespace Forgeline::Flasher {

class SerialLink;

// One ROM command at a time over a SerialLink: SLIP-frames the request, matches the reply
// by opcode (skipping stray frames such as the 7 extra SYNC replies), turns status bytes
// into errors, and times out. Boot banners seen on the line mean the chip reset.
class RomClient : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<RomResponse>)>;

    explicit RomClient(SerialLink *link, QObject *parent = nullptr);

    // A ROM error reply becomes an Error (code "rom.error"); `acceptFailure` hands it back
    // as a response instead (GET_SECURITY_INFO "unsupported" is an answer, not a failure).
    void command(quint8 op, const QByteArray &data, quint32 checksum, int timeoutMs, Done done,
                 bool acceptFailure = false);
    bool busy() const { return bool(m_done); }
    // Fails the command in flight (cancel, link lost) without waiting for its timeout.
    void abort(const Error &error);
    void resetDecoder() { m_decoder.reset(); }

    qint64 bytesSent() const { return m_bytesSent; }

Q_SIGNALS:
    void chipReset(const QByteArray &banner);

private:
    void onData(const QByteArray &bytes);
    void complete(Result<RomResponse> result);

    SerialLink *m_link;
    SlipDecoder m_decoder;
    QTimer *m_timer;
    quint8 m_op = 0;
    bool m_acceptFailure = false;
    bool m_staleUnsupported = false; // skipping the repeats of an opcode-0 "unsupported" reply
    Done m_done;
    QByteArray m_banner;
    qint64 m_bytesSent = 0;
};

} // namespace Forgeline::Flasher
