// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/diagnosisrules.h"

#include "core/tls/traceview.h"

#include <QCoreApplication>

#include <limits>

namespace Forgeline::Tls {

using T = HandshakeEvent::Type;

namespace {

// A class, so that lupdate files these texts under the context tr() uses.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::DiagnosisRules)
};

// docs/dev/tls.md, "X.509 verification flags": flag bits.
constexpr quint32 kExpired = 0x01, kCnMismatch = 0x04, kNotTrusted = 0x08, kFuture = 0x200,
                  kBadMd = 0x4000, kBadPk = 0x8000, kBadKey = 0x10000;

bool isFatalAlert(const HandshakeEvent &e)
{
    return e.type == T::AlertReceived && (e.a == 2 || e.b == 116) && e.b != 0;
}

class RuleSet
{
public:
    RuleSet(const RuleInput &input) : m_in(input), m_view(input.trace) {}

    QList<Finding> run()
    {
        collectVerifyFlags();
        txBuffer();
        rxBuffer();
        peerClosed();
        connectionReset();
        timeout();
        certificateChecks();
        unsupportedAlgorithm();
        parseErrors();
        outOfMemory();
        alertRules();
        sessionLost();
        misleadingVerified();
        framing();
        return m_out;
    }

private:
    Finding &add(const QString &id, double confidence,
                 std::initializer_list<const HandshakeEvent *> evidence)
    {
        Finding f;
        f.id = id;
        f.confidence = confidence;
        for (const HandshakeEvent *e : evidence) {
            if (e)
                f.evidence.append(*e);
        }
        if (const HandshakeEvent *ret = m_view.handshakeReturned()) {
            bool present = false;
            for (const HandshakeEvent &e : f.evidence)
                present = present || e.line == ret->line;
            if (!present && id != QLatin1String("secure-session-not-established"))
                f.evidence.append(*ret);
        }
        m_out.append(f);
        return m_out.last();
    }

    void collectVerifyFlags()
    {
        for (const HandshakeEvent &e : m_view.events()) {
            if (e.type == T::VerifyFlags && e.a != 0) {
                m_flags |= quint32(e.a);
                if (!m_flagsEvent)
                    m_flagsEvent = &e;
            } else if (e.type == T::VerifyInfo) {
                const quint32 bits = verifyFlagsFromText(e.text);
                m_flags |= bits;
                if (bits && !m_flagsEvent)
                    m_flagsEvent = &e;
            }
        }
    }

    const HandshakeEvent *verifyEvidenceFor(quint32 bit) const
    {
        return m_view.first([bit](const HandshakeEvent &e) {
            return (e.type == T::VerifyInfo && (verifyFlagsFromText(e.text) & bit))
                   || (e.type == T::VerifyFlags && (quint32(e.a) & bit));
        });
    }

    void txBuffer()
    {
        if (const HandshakeEvent *limit = m_view.firstOf(T::BufferLimit)) {
            Finding &f = add(QStringLiteral("tx-buffer-too-small"), 0.95, {limit});
            const qint64 suggested = qMin<qint64>(16384, ((limit->a + 100 + 1023) / 1024) * 1024);
            f.values.insert(QStringLiteral("needed"), Tr::tr("%1 bytes").arg(limit->a));
            f.values.insert(QStringLiteral("limit"), Tr::tr("%1 bytes").arg(limit->b));
            f.values.insert(QStringLiteral("suggested"), QString::number(suggested));
            return;
        }
        // TLS 1.3 in 3.x writes the Certificate body with a bounds check that logs nothing:
        // -0x6A00 SSL_BUFFER_TOO_SMALL right after "=> write certificate" is the same cause.
        if (const HandshakeEvent *small = m_view.withCode({-0x6A00})) {
            const HandshakeEvent *written = m_view.lastBefore(T::MessageWritten, small->line);
            const HandshakeEvent *parsed = m_view.lastBefore(T::MessageParsed, small->line);
            const bool writing = written && (!parsed || parsed->line < written->line);
            if (writing && written->text == QLatin1String("certificate")) {
                const HandshakeEvent *own = m_view.first([&](const HandshakeEvent &e) {
                    return e.type == T::Certificate && e.line > written->line
                           && e.line < small->line && m_in.trace->certificates.value(e.a).own;
                });
                Finding &f = add(QStringLiteral("tx-buffer-too-small"), own ? 0.9 : 0.75,
                                 {written, own, small});
                f.values.insert(QStringLiteral("needed"), Tr::tr("size not logged on this path"));
                f.values.insert(QStringLiteral("limit"),
                                Tr::tr("CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN"));
                f.values.insert(QStringLiteral("suggested"), QStringLiteral("16384"));
                return;
            }
            // Without the level-2 "=> write"/"=> parse" lines the place is unknown, but on a
            // client BUFFER_TOO_SMALL comes from writing; the own chain is the usual reason.
            if (!written && !parsed) {
                Finding &f = add(QStringLiteral("tx-buffer-too-small"), 0.6, {small});
                f.values.insert(QStringLiteral("needed"), Tr::tr("size not logged"));
                f.values.insert(QStringLiteral("limit"),
                                Tr::tr("CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN"));
                f.values.insert(QStringLiteral("suggested"), QStringLiteral("16384"));
                return;
            }
        }
        // -0x7500 is CERTIFICATE_TOO_LARGE only in 2.x; in 3.x it means UNSUPPORTED_EXTENSION.
        if (m_view.generation() != MbedtlsGeneration::V3) {
            if (const HandshakeEvent *e = m_view.withCode({-0x7500})) {
                Finding &f
                    = add(QStringLiteral("tx-buffer-too-small"),
                          m_view.generation() == MbedtlsGeneration::Unknown ? 0.7 : 0.8, {e});
                f.values.insert(QStringLiteral("needed"), Tr::tr("size not logged"));
                f.values.insert(
                    QStringLiteral("limit"),
                    Tr::tr("CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN, 4096 bytes by default"));
                f.values.insert(QStringLiteral("suggested"), QStringLiteral("8192"));
            }
        }
    }

    void rxBuffer()
    {
        const HandshakeEvent *notice = m_view.first([](const HandshakeEvent &e) {
            return e.type == T::Notice
                   && (e.text.contains(QLatin1String("bad message length"))
                       || e.text.contains(QLatin1String("requesting more data than fits"))
                       || e.text.contains(QLatin1String("record is too large")));
        });
        if (notice) {
            const HandshakeEvent *record = m_view.lastBefore(T::RecordIn, notice->line + 1);
            Finding &f = add(QStringLiteral("rx-buffer-too-small"), 0.85, {record, notice});
            f.values.insert(
                QStringLiteral("detail"),
                record ? Tr::tr("a record of %1 bytes, \"%2\"").arg(record->b).arg(notice->text)
                       : notice->text);
        } else if (const HandshakeEvent *e = m_view.withCode({-0x7100})) {
            Finding &f = add(QStringLiteral("rx-buffer-too-small"), 0.5, {e});
            f.values.insert(QStringLiteral("detail"), Tr::tr("-0x7100 BAD_INPUT_DATA"));
        }
    }

    QString whereInHandshake(qint64 line) const
    {
        const HandshakeEvent *written = m_view.lastBefore(T::MessageWritten, line);
        const HandshakeEvent *parsed = m_view.lastBefore(T::MessageParsed, line);
        if (parsed && (!written || parsed->line > written->line))
            return Tr::tr("while the device was reading the server's %1").arg(parsed->text);
        if (written)
            return Tr::tr("right after the device sent its %1").arg(written->text);
        return Tr::tr("before any handshake message was exchanged");
    }

    void peerClosed()
    {
        if (m_view.succeeded())
            return;
        const HandshakeEvent *eof = m_view.first(
            [](const HandshakeEvent &e) { return e.type == T::Received && e.a == 0; });
        const HandshakeEvent *code = m_view.withCode({-0x7280});
        if (!eof && !code)
            return;
        Finding &f
            = add(QStringLiteral("peer-closed-during-handshake"), eof ? 0.9 : 0.8, {eof, code});
        f.values.insert(QStringLiteral("where"), whereInHandshake((eof ? eof : code)->line));
    }

    void connectionReset()
    {
        const HandshakeEvent *reset = m_view.withCode({-0x0050});
        const HandshakeEvent *other = m_view.withCode({-0x004C, -0x004E});
        if (!reset && !other)
            return;
        Finding &f
            = add(QStringLiteral("connection-reset"), reset ? 0.85 : 0.6, {reset ? reset : other});
        f.values.insert(
            QStringLiteral("detail"),
            reset ? Tr::tr("-0x0050 NET_CONN_RESET, %1").arg(whereInHandshake(reset->line))
                  : Tr::tr("%1 from the socket layer").arg(formatCode(other->code)));
    }

    void timeout()
    {
        const HandshakeEvent *code = m_view.withCode({-0x6800});
        const HandshakeEvent *app = m_view.firstOf(T::Timeout);
        if (!code && !app)
            return;
        Finding &f = add(QStringLiteral("handshake-timeout"), code ? 0.85 : 0.75, {code, app});
        f.values.insert(QStringLiteral("detail"),
                        code ? Tr::tr("-0x6800 SSL_TIMEOUT %1").arg(whereInHandshake(code->line))
                             : app->text);
    }

    void certificateChecks()
    {
        const HandshakeEvent *sentAlert = m_view.first(
            [](const HandshakeEvent &e) { return e.type == T::AlertSent && e.b != 0; });
        auto alertIs = [&](int d) { return sentAlert && sentAlert->b == d ? sentAlert : nullptr; };
        const HandshakeEvent *verifyCall = m_view.first(
            [](const HandshakeEvent &e) { return e.code == -0x2700 || e.code == -0x3000; });

        struct Check
        {
            quint32 bit;
            int alert;
            const char *id;
        };
        static const Check checks[] = {
            {kNotTrusted, 48, "untrusted-certificate"},
            {kExpired, 45, "certificate-expired"},
            {kFuture, 0, "certificate-not-yet-valid"},
            {kCnMismatch, 42, "hostname-mismatch"},
        };
        for (const Check &c : checks) {
            const HandshakeEvent *flagEvent = verifyEvidenceFor(c.bit);
            const HandshakeEvent *alert = c.alert ? alertIs(c.alert) : nullptr;
            if (!(m_flags & c.bit) && !alert)
                continue;
            Finding &f = add(QString::fromLatin1(c.id), (m_flags & c.bit) ? 0.9 : 0.7,
                             {flagEvent, verifyCall, alert});
            f.values.insert(QStringLiteral("detail"),
                            flagEvent ? describeEvent(*flagEvent)
                                      : Tr::tr("the device sent alert %1 (%2)")
                                            .arg(c.alert)
                                            .arg(alertDescriptionName(c.alert)));
        }

        if (!(m_flags & kNotTrusted)) {
            const HandshakeEvent *bundle = m_view.first([](const HandshakeEvent &e) {
                return e.type == T::AppVerifyFailed
                       && (e.text.contains(QLatin1String("trusted root"))
                           || e.text.contains(QLatin1String("bundle")));
            });
            const HandshakeEvent *noCa = m_view.first([](const HandshakeEvent &e) {
                return e.code == -0x7680
                       || (e.type == T::Notice
                           && e.text.contains(QLatin1String("got no CA chain")));
            });
            if (bundle || noCa) {
                Finding &f = add(QStringLiteral("untrusted-certificate"), bundle ? 0.8 : 0.7,
                                 {bundle, noCa});
                f.values.insert(
                    QStringLiteral("detail"),
                    bundle ? bundle->text
                           : Tr::tr("no CA certificate was configured (got no CA chain, -0x7680)"));
            } else if (verifyCall && m_flags == 0 && !m_view.firstOf(T::AppVerified)) {
                Finding &f = add(QStringLiteral("untrusted-certificate"), 0.4, {verifyCall});
                f.values.insert(
                    QStringLiteral("detail"),
                    Tr::tr(
                        "%1 without the verify flags; an untrusted chain is the most common reason")
                        .arg(formatCode(verifyCall->code)));
            }
        }
    }

    void unsupportedAlgorithm()
    {
        const quint32 bits = m_flags & (kBadMd | kBadPk | kBadKey);
        const HandshakeEvent *flagEvent = bits ? verifyEvidenceFor(bits) : nullptr;
        const HandshakeEvent *code
            = m_view.withCode({-0x262E, -0x3C80, -0x3A00, -0x4E80, -0x2080, -0x428E, -0x4290});
        const HandshakeEvent *curve = m_view.first([](const HandshakeEvent &e) {
            return e.type == T::Notice
                   && e.text.contains(QLatin1String("bad certificate (EC key curve)"));
        });
        const HandshakeEvent *alert = m_view.first(
            [](const HandshakeEvent &e) { return e.type == T::AlertSent && e.b == 43; });
        if (!flagEvent && !code && !curve && !alert)
            return;
        const double confidence = flagEvent || curve ? 0.9 : code ? 0.8 : 0.65;
        Finding &f = add(QStringLiteral("unsupported-key-algorithm"), confidence,
                         {flagEvent, curve, code, alert});
        const HandshakeEvent *main = flagEvent ? flagEvent : curve ? curve : code ? code : alert;
        f.values.insert(QStringLiteral("detail"), describeEvent(*main));
    }

    void parseErrors()
    {
        for (const HandshakeEvent &e : m_view.events()) {
            if (e.type != T::AppError && e.type != T::ErrorReturned)
                continue;
            const bool keyLine = e.text.contains(QLatin1String("pk_parse"))
                                 || e.text.contains(QLatin1String("PK_PARSE_KEY"));
            const bool certLine = e.text.contains(QLatin1String("x509_crt_parse"))
                                  || e.text.contains(QLatin1String("X509_CRT_PARSE"));
            const int c = e.code;
            const bool unsupported
                = c == -0x262E || c == -0x3C80 || c == -0x3A00 || c == -0x4E80 || c == -0x2080;
            const bool alloc = c == -0x2880 || c == -0x3F80 || c == -0x1180 || c == -0x0010;
            if (unsupported || alloc)
                continue;
            const int magnitude = -c;
            const bool keyCode = (magnitude >= 0x3880 && magnitude <= 0x3F80)
                                 || (magnitude >= 0x1080 && magnitude <= 0x1480);
            if (keyLine || (e.type == T::AppError && keyCode && !certLine)) {
                Finding &f = add(QStringLiteral("key-parse-error"), keyLine ? 0.9 : 0.6, {&e});
                f.values.insert(QStringLiteral("detail"), e.text);
                return;
            }
            if (certLine || e.text.contains(QLatin1String("partly successful"))) {
                Finding &f
                    = add(QStringLiteral("certificate-parse-error"), certLine ? 0.9 : 0.6, {&e});
                f.values.insert(QStringLiteral("detail"), e.text);
                return;
            }
        }
    }

    void outOfMemory()
    {
        const HandshakeEvent *alloc = m_view.firstOf(T::AllocFailed);
        // -0x008D is PSA_ERROR_INSUFFICIENT_MEMORY: some 3.x debug lines print a PSA status
        // as it comes (MBEDTLS_SSL_DEBUG_RET(1, "psa_hash_update", status)) before converting it.
        const HandshakeEvent *code
            = m_view.withCode({-0x7F00, -0x0010, -0x5180, -0x4D80, -0x2880, -0x3F80, -0x6180,
                               -0x4290, -0x4310, -0x1180, -0x008D});
        if (!alloc && !code)
            return;
        Finding &f = add(QStringLiteral("out-of-memory"), alloc ? 0.9 : 0.75, {alloc, code});
        f.values.insert(QStringLiteral("detail"),
                        alloc ? describeEvent(*alloc) : formatCode(code->code));
    }

    void alertRules()
    {
        const HandshakeEvent *alert = m_view.first(isFatalAlert);
        const HandshakeEvent *certReq = m_view.firstOf(T::CertificateRequested);
        const HandshakeEvent *noCert = m_view.firstOf(T::NoCertificateToSend);
        if (!noCert && certReq) {
            // TLS 1.2 clients send an empty Certificate silently: a "write certificate" step
            // after the request with no "own certificate" dump in it.
            const bool ownSent = m_view.first([&](const HandshakeEvent &e) {
                return e.type == T::Certificate && m_in.trace->certificates.value(e.a).own;
            }) != nullptr;
            if (!ownSent) {
                noCert = m_view.first([&](const HandshakeEvent &e) {
                    return e.type == T::MessageWritten && e.text == QLatin1String("certificate")
                           && e.line > certReq->line;
                });
            }
        }
        const HandshakeEvent *eof = m_view.first([](const HandshakeEvent &e) {
            return (e.type == T::Received && e.a == 0) || e.code == -0x7280 || e.code == -0x0050;
        });
        bool specific = false;

        // Alert 40 (or a silent close) right after our empty Certificate: the server wanted one.
        if (noCert
            && ((alert && alert->line > noCert->line) || (eof && eof->line > noCert->line))) {
            Finding &f = add(QStringLiteral("client-certificate-required"), 0.92,
                             {certReq, noCert, alert ? alert : eof});
            f.values.insert(QStringLiteral("detail"),
                            alert ? describeEvent(*alert) : describeEvent(*eof));
            specific = true;
        } else if (alert && alert->b == 116) {
            add(QStringLiteral("client-certificate-required"), 0.85, {alert})
                .values.insert(QStringLiteral("detail"), describeEvent(*alert));
            specific = true;
        } else if (const HandshakeEvent *required = m_view.withCode({-0x7480})) {
            add(QStringLiteral("client-certificate-required"), 0.8, {required})
                .values.insert(QStringLiteral("detail"),
                               Tr::tr("the server side reports -0x7480 NO_CLIENT_CERTIFICATE"));
            specific = true;
        } else if (m_view.generation() != MbedtlsGeneration::V3) {
            if (const HandshakeEvent *own = m_view.withCode({-0x7580})) {
                add(QStringLiteral("client-certificate-required"), 0.7, {certReq, own})
                    .values.insert(QStringLiteral("detail"),
                                   Tr::tr("-0x7580: no own certificate is configured"));
                specific = true;
            }
        }

        if (alert && !specific) {
            // "=> parse server hello" is logged before the record is read, so only a received
            // ServerHello message (handshake type 2) counts.
            const bool helloOnly
                = m_view.sawBefore(T::MessageWritten, QStringLiteral("client hello"), alert->line)
                  && !m_view.first([&](const HandshakeEvent &e) {
                         return e.type == T::HandshakeMessage && e.a == 2 && e.line < alert->line;
                     })
                  // Below debug level 3 there are no message headers: any later step means the
                  // ServerHello had arrived.
                  && !m_view.first([&](const HandshakeEvent &e) {
                         return e.line < alert->line
                                && ((e.type == T::MessageParsed
                                     && e.text != QLatin1String("server hello"))
                                    || (e.type == T::MessageWritten
                                        && e.text != QLatin1String("client hello")));
                     });
            const bool sentOwnCertificate
                = m_view.first([&](const HandshakeEvent &e) {
                      return e.type == T::Certificate && e.line < alert->line
                             && m_in.trace->certificates.value(e.a).own;
                  }) != nullptr
                  || (certReq && !noCert
                      && m_view.sawBefore(T::MessageWritten, QStringLiteral("certificate"),
                                          alert->line));
            const int d = int(alert->b);
            if (d == 70) {
                add(QStringLiteral("protocol-version-mismatch"), 0.9, {alert})
                    .values.insert(QStringLiteral("detail"), describeEvent(*alert));
                specific = true;
            } else if (d == 40 && helloOnly) {
                add(QStringLiteral("no-shared-cipher"), 0.9, {alert})
                    .values.insert(QStringLiteral("detail"), describeEvent(*alert));
                specific = true;
            } else if (sentOwnCertificate
                       && (d == 42 || d == 43 || d == 44 || d == 45 || d == 46 || d == 48
                           || d == 49)) {
                add(QStringLiteral("client-certificate-rejected"), 0.9, {certReq, alert})
                    .values.insert(QStringLiteral("detail"), describeEvent(*alert));
                specific = true;
            } else if (const HandshakeEvent *over = tls13HandshakeOverBefore(alert->line);
                       over
                       && (d == 42 || d == 43 || d == 44 || d == 45 || d == 46 || d == 48 || d == 49
                           || d == 51)) {
                // TLS 1.3: the server checks the client's Certificate, CertificateVerify and
                // Finished after the client's handshake is over; a certificate alert on the
                // first read can only be about the client's certificate.
                add(QStringLiteral("client-certificate-rejected"), 0.8, {over, alert})
                    .values.insert(QStringLiteral("detail"), describeEvent(*alert));
                specific = true;
            }
        }
        if (!specific) {
            const HandshakeEvent *version = m_view.first([](const HandshakeEvent &e) {
                return (e.type == T::Notice && e.text.contains(QLatin1String("version mismatch")))
                       || e.code == -0x6E80;
            });
            if (version) {
                add(QStringLiteral("protocol-version-mismatch"), 0.8, {version})
                    .values.insert(QStringLiteral("detail"), describeEvent(*version));
                specific = true;
            }
            const HandshakeEvent *noCipher = m_view.first([](const HandshakeEvent &e) {
                return e.code == -0x7380 || e.code == -0x6980
                       || (e.type == T::Notice
                           && e.text.contains(QLatin1String("ciphersuites in common")));
            });
            if (noCipher) {
                add(QStringLiteral("no-shared-cipher"), 0.85, {noCipher})
                    .values.insert(QStringLiteral("detail"), describeEvent(*noCipher));
                specific = true;
            }
        }

        const HandshakeEvent *fatalCode = m_view.withCode({-0x7780});
        if (alert || fatalCode) {
            Finding &f
                = add(QStringLiteral("fatal-alert"), specific ? 0.35 : 0.7, {alert, fatalCode});
            f.values.insert(
                QStringLiteral("alert"),
                alert ? QStringLiteral("%1 (%2)").arg(alert->b).arg(
                    alertDescriptionName(int(alert->b)))
                      : Tr::tr("(number not in the log; enable CONFIG_MBEDTLS_DEBUG to see it)"));
        }
    }

    // The event showing a 3.x TLS 1.3 client finished its handshake before `line`: "handshake:
    // done" (level 2) or the level-1 switch to application keys; null otherwise.
    const HandshakeEvent *tls13HandshakeOverBefore(qint64 line) const
    {
        if (m_view.generation() != MbedtlsGeneration::V3 || !m_in.trace || m_in.trace->serverSide)
            return nullptr;
        const bool tls13 = m_view.first([&](const HandshakeEvent &e) {
            return e.line < line
                   && ((e.type == T::Notice
                        && e.text.contains(QLatin1String("Switch to application keys")))
                       || (e.type == T::StateChange
                           && e.text == QLatin1String("ENCRYPTED_EXTENSIONS")));
        }) != nullptr;
        if (!tls13)
            return nullptr;
        return m_view.first([&](const HandshakeEvent &e) {
            return e.line < line
                   && (e.type == T::HandshakeDone
                       || (e.type == T::Notice
                           && e.text.contains(
                               QLatin1String("Switch to application keys for outbound"))));
        });
    }

    void sessionLost()
    {
        const HandshakeEvent *lost = nullptr;
        const HandshakeEvent *decrypt = nullptr;
        for (const HandshakeEvent &e : m_in.bad.sessionEvents) {
            if (!lost && e.text.contains(QLatin1String("Secure session not established")))
                lost = &e;
            if (!decrypt
                && (e.text.contains(QLatin1String("Decryption of response failed"))
                    || e.text.contains(QLatin1String("Session not found"))))
                decrypt = &e;
        }
        if (!lost && !decrypt)
            return;
        Finding &f = add(QStringLiteral("secure-session-not-established"), lost ? 0.95 : 0.8,
                         {lost, decrypt});
        for (const HandshakeEvent &e : m_in.bad.sessionEvents) {
            if (f.evidence.size() >= 6)
                break;
            if (&e != lost && &e != decrypt)
                f.evidence.append(e);
        }
        f.values.insert(QStringLiteral("detail"), (lost ? lost : decrypt)->text);
    }

    void misleadingVerified()
    {
        const HandshakeEvent *ret = m_view.handshakeReturned();
        if (!ret)
            return;
        const HandshakeEvent *verified = m_view.first([&](const HandshakeEvent &e) {
            return e.type == T::AppVerified && e.line > ret->line;
        });
        if (!verified)
            return;
        Finding &f = add(QStringLiteral("misleading-certificate-verified"), 0.5, {verified, ret});
        f.values.insert(
            QStringLiteral("detail"),
            Tr::tr("printed at line %1 right after mbedtls_ssl_handshake returned %2 at line %3")
                .arg(verified->line)
                .arg(formatCode(ret->code))
                .arg(ret->line));
    }

    bool has(const QString &id) const
    {
        for (const Finding &f : m_out) {
            if (f.id == id)
                return true;
        }
        return false;
    }

    // What the record dumps of a level-4 log prove about framing (the record dissector's
    // findings), and mbedTLS's own word when it could not reassemble a handshake message.
    void framing()
    {
        const QString fragmentation = QStringLiteral("handshake-fragmentation-unsupported");
        const qint64 first = m_in.trace ? m_in.trace->firstLine() : 0;
        const qint64 last
            = m_in.trace ? m_in.trace->lastLine() : std::numeric_limits<qint64>::max();
        auto inTrace = [&](const RecordFinding &rf) {
            return !rf.evidence.isEmpty() && rf.evidence.first().position >= first
                   && rf.evidence.first().position <= last;
        };
        const RecordFinding *dumped = nullptr;
        for (const RecordFinding &rf : m_in.bad.records.findings) {
            if (rf.id == fragmentation && inTrace(rf))
                dumped = &rf;
        }
        // mbedTLS before 3.6.3 (ssl_msg.c): "TLS handshake fragmentation not supported", -0x7080.
        const HandshakeEvent *notice = m_view.first([](const HandshakeEvent &e) {
            return e.type == T::Notice
                   && e.text.contains(QLatin1String("handshake fragmentation not supported"));
        });
        const HandshakeEvent *code = m_view.withCode({-0x7080});
        if (notice || (code && dumped)) {
            Finding &f = add(fragmentation, 0.97, {notice, code});
            if (dumped) {
                for (const FindingEvidence &e : dumped->evidence) {
                    HandshakeEvent ev;
                    ev.type = T::Notice;
                    ev.line = e.position;
                    ev.text = e.text;
                    f.evidence.append(ev);
                }
                f.values = dumped->values;
            } else {
                f.values.insert(
                    QStringLiteral("detail"),
                    Tr::tr(
                        "mbedTLS reports it at line %1; with debug level 4 the record dumps show "
                        "which message was split")
                        .arg(notice->line));
            }
        }
        // The other framing facts, as context unless the log's error is theirs.
        for (const RecordFinding &rf : m_in.bad.records.findings) {
            if (rf.id == fragmentation || has(rf.id) || !inTrace(rf))
                continue;
            double confidence = 0.35;
            if (rf.id == QLatin1String("record-too-large") && m_view.withCode({-0x7200, -0x7100}))
                confidence = 0.9;
            else if (rf.id == QLatin1String("max-fragment-length-ignored"))
                confidence = 0.6;
            Finding &f = add(rf.id, confidence, {});
            for (const FindingEvidence &e : rf.evidence) {
                HandshakeEvent ev;
                ev.type = T::Notice;
                ev.line = e.position;
                ev.text = e.text;
                f.evidence.append(ev);
            }
            f.values = rf.values;
        }
    }

    const RuleInput &m_in;
    TraceView m_view;
    QList<Finding> m_out;
    quint32 m_flags = 0;
    const HandshakeEvent *m_flagsEvent = nullptr;
};

} // namespace

quint32 verifyFlagsFromText(QStringView text)
{
    struct Phrase
    {
        const char *text;
        quint32 bit;
    };
    static const Phrase phrases[] = {
        {"validity has expired", kExpired},
        {"has been revoked", 0x02},
        {"Common Name (CN) does not match", kCnMismatch},
        {"not correctly signed by the trusted CA", kNotTrusted},
        {"Certificate was missing", 0x40},
        {"verification was skipped", 0x80},
        {"Other reason", 0x100},
        {"validity starts in the future", kFuture},
        {"does not match the keyUsage", 0x800},
        {"does not match the extendedKeyUsage", 0x1000},
        {"does not match the nsCertType", 0x2000},
        {"unacceptable hash", kBadMd},
        {"unacceptable PK alg", kBadPk},
        {"unacceptable key", kBadKey},
    };
    quint32 bits = 0;
    for (const Phrase &p : phrases) {
        if (text.contains(QLatin1String(p.text)))
            bits |= p.bit;
    }
    return bits;
}

QList<Finding> runDiagnosisRules(const RuleInput &input)
{
    RuleSet rules(input);
    return rules.run();
}

} // namespace Forgeline::Tls
