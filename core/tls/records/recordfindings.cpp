// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/records/recordfindings.h"

#include "core/common/translations.h"

#include "core/tls/diagnosisvocabulary.h"
#include "core/tls/handshaketrace.h"

#include <QCoreApplication>
#include <QHash>

namespace Forgeline::Tls {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return Translations::translateFirst({"Forgeline::Tls::Rules", "Forgeline::Tls"}, text,
                                        disambiguation, n);
}

QString sender(RecordDirection d)
{
    return d == RecordDirection::ClientToServer ? tr("client") : tr("server");
}
QString receiver(RecordDirection d)
{
    return d == RecordDirection::ClientToServer ? tr("server") : tr("client");
}

// AEAD expansion of an encrypted record: explicit nonce + tag in TLS 1.2 GCM, tag + inner
// content type in TLS 1.3. Used to estimate the plaintext an encrypted record carries.
int protectionOverhead(bool tls13) { return tls13 ? 17 : 24; }

class Rules
{
public:
    Rules(const TlsStream &s, const FindingContext &c) : m_s(s), m_c(c) {}

    QList<RecordFinding> run()
    {
        coalesced();
        fragmented();
        tooLarge();
        maxFragmentIgnored();
        clientCertificateRequired();
        return m_out;
    }

private:
    QString where(const TlsRecord &r) const
    {
        return m_c.positionsAreLines ? tr("line %1").arg(r.position)
                                     : tr("frame %1").arg(r.position);
    }

    void add(const QString &id, const QHash<QString, QString> &values,
             QList<FindingEvidence> evidence)
    {
        RecordFinding f;
        f.id = id;
        f.stream = m_s.id;
        f.evidence = std::move(evidence);
        f.values = values;
        if (const DiagnosisVocabulary::Entry *e = DiagnosisVocabulary::instance().find(id)) {
            f.title = e->title;
            f.explanation = DiagnosisVocabulary::fill(e->explanation, values);
            for (const QString &fix : e->fixes)
                f.fixes << DiagnosisVocabulary::fill(fix, values);
        } else {
            f.title = id;
        }
        m_out.append(std::move(f));
    }

    void coalesced()
    {
        QList<FindingEvidence> evidence;
        QString first;
        QString side;
        for (const TlsRecord &r : m_s.records) {
            if (r.pieces.size() < 2)
                continue;
            QStringList names;
            for (const MessagePiece &p : r.pieces)
                names << p.name;
            const QString text = tr("%1 → %2: one record of %3 bytes holds %4")
                                     .arg(sender(r.dir), receiver(r.dir))
                                     .arg(r.length)
                                     .arg(names.join(QStringLiteral(", ")));
            if (first.isEmpty()) {
                first = tr("%1 at %2").arg(text, where(r));
                side = sender(r.dir);
            }
            if (evidence.size() < 4)
                evidence.append({r.position, text});
        }
        if (!evidence.isEmpty())
            add(QStringLiteral("coalesced-handshake-messages"),
                {{QStringLiteral("detail"), first}, {QStringLiteral("sender"), side}}, evidence);
    }

    void fragmented()
    {
        QList<FindingEvidence> evidence;
        QString first;
        for (const HandshakeMessage &m : m_s.messages) {
            bool split = m.records.size() > 1;
            if (!split && !m.complete && !m.records.isEmpty()) {
                // A first fragment whose rest never came (the device stopped at it).
                // A record cut short by the input proves nothing about the sender's framing.
                const TlsRecord &r = m_s.records.at(m.records.first());
                for (const MessagePiece &p : r.pieces)
                    split = split
                            || (p.message == m.index && p.fragment == FragmentKind::First
                                && !r.truncated);
            }
            if (!split)
                continue;
            const TlsRecord &firstRecord = m_s.records.at(m.records.first());
            const QString text = m.complete ? tr("%1 → %2: %3 (%4 bytes) is split over %5 records")
                                                  .arg(sender(m.dir), receiver(m.dir), m.name)
                                                  .arg(m.length + 4)
                                                  .arg(m.records.size())
                                            : tr("%1 → %2: %3 (%4 bytes) starts in a record of %5 "
                                                 "bytes and continues in the next")
                                                  .arg(sender(m.dir), receiver(m.dir), m.name)
                                                  .arg(m.length + 4)
                                                  .arg(firstRecord.length);
            if (first.isEmpty())
                first = tr("%1 at %2").arg(text, where(firstRecord));
            if (evidence.size() < 4)
                evidence.append({firstRecord.position, text});
        }
        if (!evidence.isEmpty())
            add(QStringLiteral("handshake-fragmentation-unsupported"),
                {{QStringLiteral("detail"), first}}, evidence);
    }

    void tooLarge()
    {
        QList<FindingEvidence> evidence;
        QString first;
        for (const TlsRecord &r : m_s.records) {
            const qint64 content
                = r.encrypted ? qint64(r.length) - protectionOverhead(m_s.tls13) : qint64(r.length);
            if (content <= m_c.inputBufferBytes || r.sslv2)
                continue;
            const QString text = tr("%1 → %2: a %3 record of %4 bytes (about %5 bytes of content) "
                                    "exceeds an input buffer of %6")
                                     .arg(sender(r.dir), receiver(r.dir), contentTypeName(r.type))
                                     .arg(r.length)
                                     .arg(content)
                                     .arg(m_c.inputBufferBytes);
            if (first.isEmpty())
                first = tr("%1 at %2").arg(text, where(r));
            if (evidence.size() < 4)
                evidence.append({r.position, text});
        }
        if (evidence.isEmpty())
            return;
        const QString target
            = m_c.target.isEmpty() ? tr("the TLS maximum of 16384 bytes") : m_c.target;
        add(QStringLiteral("record-too-large"),
            {{QStringLiteral("detail"), first},
             {QStringLiteral("limit"), QString::number(m_c.inputBufferBytes)},
             {QStringLiteral("target"), target}},
            evidence);
    }

    void maxFragmentIgnored()
    {
        const HandshakeMessage *hello = nullptr;
        const HandshakeMessage *serverHello = nullptr;
        for (const HandshakeMessage &m : m_s.messages) {
            if (m.type == 1 && m.dir == RecordDirection::ClientToServer && m.complete && !hello)
                hello = &m;
            if (m.type == 2 && m.dir == RecordDirection::ServerToClient && m.complete
                && !m.helloRetry)
                serverHello = &m;
        }
        if (!hello || hello->maxFragmentCode < 1 || hello->maxFragmentCode > 4 || !serverHello)
            return;
        const int limit = 1 << (8 + hello->maxFragmentCode);
        QList<FindingEvidence> evidence;
        const TlsRecord &helloRecord = m_s.records.at(hello->records.first());
        evidence.append({helloRecord.position,
                         tr("the ClientHello asks for max_fragment_length %1").arg(limit)});
        QString detail;
        if (!m_s.tls13 && serverHello->maxFragmentCode < 0) {
            detail = tr("the ServerHello does not echo the extension");
            evidence.append({m_s.records.at(serverHello->records.first()).position, detail});
        }
        for (const TlsRecord &r : m_s.records) {
            if (r.dir != RecordDirection::ServerToClient)
                continue;
            const qint64 content
                = r.encrypted ? qint64(r.length) - protectionOverhead(m_s.tls13) : qint64(r.length);
            if (content > limit) {
                const QString text = tr("the server sends a %1 record of %2 bytes")
                                         .arg(contentTypeName(r.type))
                                         .arg(r.length);
                if (detail.isEmpty())
                    detail = text;
                evidence.append({r.position, text});
                break;
            }
        }
        if (detail.isEmpty())
            return;
        add(QStringLiteral("max-fragment-length-ignored"),
            {{QStringLiteral("detail"), detail}, {QStringLiteral("limit"), QString::number(limit)}},
            evidence);
    }

    void clientCertificateRequired()
    {
        const HandshakeMessage *empty = nullptr;
        for (const HandshakeMessage &m : m_s.messages) {
            if (m.type == 11 && m.dir == RecordDirection::ClientToServer && m.complete
                && m.certificateCount == 0) {
                empty = &m;
                break;
            }
        }
        if (!empty)
            return;
        const TlsRecord &certRecord = m_s.records.at(empty->records.first());
        for (const TlsAlert &a : m_s.alerts) {
            if (a.dir != RecordDirection::ServerToClient || a.level != 2
                || a.record < certRecord.index
                || (a.description != 40 && a.description != 42 && a.description != 116))
                continue;
            const QString alert = alertDescriptionName(a.description);
            const QString detail = tr("the client sent an empty Certificate and the server "
                                      "answered with the fatal alert %1 (%2)")
                                       .arg(alert)
                                       .arg(a.description);
            add(QStringLiteral("client-certificate-required"), {{QStringLiteral("detail"), detail}},
                {{certRecord.position,
                  tr("client → server: Certificate with no certificate in it")},
                 {a.position,
                  tr("server → client: fatal alert %1 (%2)").arg(alert).arg(a.description)}});
            return;
        }
    }

    const TlsStream &m_s;
    const FindingContext &m_c;
    QList<RecordFinding> m_out;
};

} // namespace

QList<RecordFinding> findRecordProblems(const TlsStream &stream, const FindingContext &context)
{
    return Rules(stream, context).run();
}

} // namespace Forgeline::Tls
