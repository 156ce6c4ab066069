// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/romclient.h"

#include "core/flasher/seriallink.h"

#include <QRegularExpression>
#include <QTimer>

namespace Forgeline::Flasher {

RomClient::RomClient(SerialLink *link, QObject *parent)
    : QObject(parent), m_link(link), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        complete(Error::make(QStringLiteral("rom.timeout"),
                             tr("The chip did not answer %1.").arg(opName(m_op)),
                             QStringLiteral("no reply to %1 within %2 ms")
                                 .arg(opName(m_op))
                                 .arg(m_timer->interval())));
    });
    connect(link, &SerialLink::dataReceived, this, &RomClient::onData);
}

void RomClient::command(quint8 op, const QByteArray &data, quint32 checksum, int timeoutMs,
                        Done done, bool acceptFailure)
{
    if (m_done) {
        done(Error::make(QStringLiteral("rom.busy"),
                         tr("Internal error: a command is already in flight."),
                         QStringLiteral("%1 while %2 pending").arg(opName(op), opName(m_op))));
        return;
    }
    m_op = op;
    m_acceptFailure = acceptFailure;
    m_done = std::move(done);
    const QByteArray wire = Slip::encode(encodeCommand(op, data, checksum));
    m_bytesSent += wire.size();
    m_link->write(wire);
    m_timer->start(timeoutMs);
}

void RomClient::abort(const Error &error)
{
    if (m_done)
        complete(error);
}

void RomClient::complete(Result<RomResponse> result)
{
    m_timer->stop();
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(std::move(result));
}

void RomClient::onData(const QByteArray &bytes)
{
    m_decoder.feed(bytes);
    const QByteArray noise = m_decoder.takeNoise();
    if (!noise.isEmpty()) {
        m_banner.append(noise);
        if (m_banner.size() > 4096)
            m_banner = m_banner.right(4096);
        // esptool's boot-log pattern; a reset mid-operation loses the ROM's state.
        static const QRegularExpression boot(QStringLiteral("boot:(0x[0-9a-fA-F]+)"));
        if (boot.match(QString::fromLatin1(m_banner)).hasMatch()) {
            const QByteArray banner = m_banner;
            m_banner.clear();
            Q_EMIT chipReset(banner);
            if (m_done)
                complete(Error::make(QStringLiteral("rom.reset"),
                                     tr("The chip reset during %1.").arg(opName(m_op)),
                                     QString::fromLatin1(banner).simplified()));
        }
    }
    for (const QByteArray &frame : m_decoder.takeFrames()) {
        if (!m_done)
            continue;
        const auto resp = parseResponse(frame);
        if (!resp)
            continue;
        // esptool-js also reads an opcode-0 reply carrying status 1 / error 5 as "unsupported".
        // The ROM repeats that reply about eight times: the repeats that arrive after the
        // next command went out belong to the old one and are skipped until a reply with a
        // real opcode shows the line is in step again.
        const bool unsupportedZero = resp->op == 0 && !resp->ok() && resp->error == 0x05;
        if (unsupportedZero && m_staleUnsupported)
            continue;
        if (resp->op != 0)
            m_staleUnsupported = false;
        if (resp->op != m_op && !unsupportedZero)
            continue;
        if (unsupportedZero)
            m_staleUnsupported = true;
        if (!resp->ok() && !m_acceptFailure) {
            complete(romError(m_op, resp->error));
            continue;
        }
        RomResponse r = *resp;
        r.op = m_op;
        complete(r);
    }
}

} // namespace Forgeline::Flasher
