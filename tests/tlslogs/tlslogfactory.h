// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Makes real mbedTLS debug logs: certificates from the openssl CLI, servers from
// `openssl s_server` (or rawpeer for what s_server will not do), and tlsclient (Debian's
// libmbedtls 2.28) printing its debug output as ESP-IDF or raw mbedTLS does.
// Header-only so the tests and bench_diagnose share it without another library.

#include <QDir>
#include <QFile>
#include <QHash>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace Forgeline::TestSupport {

struct TlsScenario
{
    enum class Peer { OpenSsl, RawPeer, None };
    QString name;
    Peer peer = Peer::OpenSsl;
    QStringList serverArgs; // extra s_server options, or the rawpeer mode + args
    QStringList clientArgs; // replaces the defaults given to tlsclient (port is added)
    QString expectedId;     // diagnosis id that must come first ("" for the working case)
    QString divergenceText; // regex the failing log's first-divergence line must match
};

class TlsLogFactory
{
public:
    TlsLogFactory(QString workDir, QString openssl, QString client, QString rawPeer)
        : m_dir(std::move(workDir)), m_openssl(std::move(openssl)), m_client(std::move(client)),
          m_rawPeer(std::move(rawPeer))
    {}

    QString path(const QString &name) const { return m_dir + QLatin1Char('/') + name; }
    QString lastError() const { return m_error; }

    // CA, a second CA nobody trusts, server certificates (good, untrusted, expired, not yet
    // valid), client certificates (good, from the other CA, too large for any TLS record),
    // an Ed25519 CA, a damaged CA file and a damaged key.
    bool prepareCertificates()
    {
        QDir().mkpath(m_dir);
        const QString ec = QStringLiteral("ec_paramgen_curve:P-256");
        auto key = [&](const QString &name) {
            return openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                            QStringLiteral("EC"), QStringLiteral("-pkeyopt"), ec,
                            QStringLiteral("-out"), path(name)});
        };
        auto selfSigned = [&](const QString &keyName, const QString &crt, const QString &cn) {
            return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-key"),
                            path(keyName), QStringLiteral("-subj"), QStringLiteral("/CN=") + cn,
                            QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-out"),
                            path(crt)});
        };
        auto csr = [&](const QString &keyName, const QString &out, const QString &cn,
                       const QString &san) {
            QStringList args{QStringLiteral("req"),   QStringLiteral("-new"),
                             QStringLiteral("-key"),  path(keyName),
                             QStringLiteral("-subj"), QStringLiteral("/CN=") + cn,
                             QStringLiteral("-out"),  path(out)};
            if (!san.isEmpty())
                args << QStringLiteral("-addext") << QStringLiteral("subjectAltName=") + san;
            return openssl(args);
        };
        auto sign = [&](const QString &csrName, const QString &ca, const QString &out,
                        const QString &start, const QString &end) {
            QStringList args{QStringLiteral("ca"),       QStringLiteral("-batch"),
                             QStringLiteral("-config"),  path(QStringLiteral("ca.cnf")),
                             QStringLiteral("-cert"),    path(ca + QStringLiteral(".crt")),
                             QStringLiteral("-keyfile"), path(ca + QStringLiteral(".key")),
                             QStringLiteral("-in"),      path(csrName),
                             QStringLiteral("-out"),     path(out)};
            if (!start.isEmpty())
                args << QStringLiteral("-startdate") << start << QStringLiteral("-enddate") << end;
            else
                args << QStringLiteral("-days") << QStringLiteral("30");
            return openssl(args);
        };
        // `openssl ca` is the OpenSSL 3.0 way to choose validity dates in the past or future.
        write(
            QStringLiteral("ca.cnf"),
            "[ ca ]\ndefault_ca = testca\n[ testca ]\ndir = .\ndatabase = "
                + path(QStringLiteral("index.txt")).toUtf8() + "\nnew_certs_dir = " + m_dir.toUtf8()
                + "\nserial = " + path(QStringLiteral("serial")).toUtf8()
                + "\ndefault_md = sha256\npolicy = anything\ncopy_extensions = copy\nunique_subject = no\n"
                  "[ anything ]\ncommonName = supplied\n");
        write(QStringLiteral("index.txt"), "");
        write(QStringLiteral("serial"), "1000\n");

        const QString hugeSan = [] {
            QStringList names;
            for (int i = 0; i < 900; ++i)
                names << QStringLiteral("DNS:device-%1.fleet.forgeline.example").arg(i);
            return names.join(QLatin1Char(','));
        }();
        const bool ok
            = key(QStringLiteral("ca.key"))
              && selfSigned(QStringLiteral("ca.key"), QStringLiteral("ca.crt"),
                            QStringLiteral("Forgeline Test CA"))
              && key(QStringLiteral("other.key"))
              && selfSigned(QStringLiteral("other.key"), QStringLiteral("other.crt"),
                            QStringLiteral("Unknown Test CA"))
              && key(QStringLiteral("server.key"))
              && csr(QStringLiteral("server.key"), QStringLiteral("server.csr"),
                     QStringLiteral("localhost"), QStringLiteral("DNS:localhost"))
              && sign(QStringLiteral("server.csr"), QStringLiteral("ca"),
                      QStringLiteral("server.crt"), {}, {})
              && sign(QStringLiteral("server.csr"), QStringLiteral("other"),
                      QStringLiteral("server-untrusted.crt"), {}, {})
              && sign(QStringLiteral("server.csr"), QStringLiteral("ca"),
                      QStringLiteral("server-expired.crt"), QStringLiteral("20200101000000Z"),
                      QStringLiteral("20210101000000Z"))
              && sign(QStringLiteral("server.csr"), QStringLiteral("ca"),
                      QStringLiteral("server-future.crt"), QStringLiteral("20990101000000Z"),
                      QStringLiteral("20991231000000Z"))
              && key(QStringLiteral("client.key"))
              && csr(QStringLiteral("client.key"), QStringLiteral("client.csr"),
                     QStringLiteral("device-0001"), {})
              && sign(QStringLiteral("client.csr"), QStringLiteral("ca"),
                      QStringLiteral("client.crt"), {}, {})
              && sign(QStringLiteral("client.csr"), QStringLiteral("other"),
                      QStringLiteral("client-untrusted.crt"), {}, {})
              && csr(QStringLiteral("client.key"), QStringLiteral("client-huge.csr"),
                     QStringLiteral("device-0002"), hugeSan)
              && sign(QStringLiteral("client-huge.csr"), QStringLiteral("ca"),
                      QStringLiteral("client-huge.crt"), {}, {})
              && openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                          QStringLiteral("ed25519"), QStringLiteral("-out"),
                          path(QStringLiteral("ed.key"))})
              && selfSigned(QStringLiteral("ed.key"), QStringLiteral("ed-ca.crt"),
                            QStringLiteral("Ed25519 Test CA"));
        if (!ok)
            return false;
        // A CA file whose base64 was damaged in transit, and a key cut in half.
        QByteArray ca = read(QStringLiteral("ca.crt"));
        const qsizetype mid = ca.indexOf('\n') + 20;
        ca.replace(mid, 8, "@@@@!!!!");
        write(QStringLiteral("ca-damaged.crt"), ca);
        const QByteArray keyPem = read(QStringLiteral("client.key"));
        write(QStringLiteral("client-damaged.key"),
              keyPem.left(keyPem.size() / 2) + "\n-----END PRIVATE KEY-----\n");
        return true;
    }

    // Every case tst_tlslogs checks; the working one comes first.
    static QList<TlsScenario> scenarios()
    {
        using P = TlsScenario::Peer;
        QList<TlsScenario> list;
        list << TlsScenario{QStringLiteral("working"), P::OpenSsl, {}, {}, {}, {}};
        list << TlsScenario{QStringLiteral("untrusted"),
                            P::OpenSsl,
                            {QStringLiteral("-cert"), QStringLiteral("{dir}/server-untrusted.crt")},
                            {},
                            QStringLiteral("untrusted-certificate"),
                            QStringLiteral("peer certificate|issuer name")};
        list << TlsScenario{
            QStringLiteral("hostname"),
            P::OpenSsl,
            {},
            {QStringLiteral("--hostname"), QStringLiteral("wrong.forgeline.example")},
            QStringLiteral("hostname-mismatch"),
            QStringLiteral("x509_verify_cert|verification flags")};
        list << TlsScenario{QStringLiteral("expired"),
                            P::OpenSsl,
                            {QStringLiteral("-cert"), QStringLiteral("{dir}/server-expired.crt")},
                            {},
                            QStringLiteral("certificate-expired"),
                            QStringLiteral("x509_verify_cert|verification flags")};
        list << TlsScenario{QStringLiteral("notyetvalid"),
                            P::OpenSsl,
                            {QStringLiteral("-cert"), QStringLiteral("{dir}/server-future.crt")},
                            {},
                            QStringLiteral("certificate-not-yet-valid"),
                            QStringLiteral("x509_verify_cert|verification flags")};
        list << TlsScenario{
            QStringLiteral("nocipher"),
            P::OpenSsl,
            {},
            {QStringLiteral("--ciphers"), QStringLiteral("TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256")},
            QStringLiteral("no-shared-cipher"),
            QStringLiteral("add ciphersuite")};
        list << TlsScenario{QStringLiteral("clientcertrequired"),
                            P::OpenSsl,
                            {QStringLiteral("-Verify"), QStringLiteral("1"),
                             QStringLiteral("-verify_return_error")},
                            {},
                            QStringLiteral("client-certificate-required"),
                            QStringLiteral("type = 13|certificate request")};
        list << TlsScenario{QStringLiteral("clientcertrejected"),
                            P::OpenSsl,
                            {QStringLiteral("-Verify"), QStringLiteral("1"),
                             QStringLiteral("-verify_return_error")},
                            {QStringLiteral("--cert"), QStringLiteral("{dir}/client-untrusted.crt"),
                             QStringLiteral("--key"), QStringLiteral("{dir}/client.key")},
                            QStringLiteral("client-certificate-rejected"),
                            QStringLiteral("type = 13|certificate request")};
        list << TlsScenario{QStringLiteral("tls13only"),
                            P::OpenSsl,
                            {QStringLiteral("-tls1_3")},
                            {},
                            QStringLiteral("protocol-version-mismatch"),
                            QStringLiteral("msgtype = 21|alert")};
        list << TlsScenario{QStringLiteral("snifatal"),
                            P::OpenSsl,
                            {QStringLiteral("-servername"),
                             QStringLiteral("other.forgeline.example"),
                             QStringLiteral("-servername_fatal"), QStringLiteral("-cert2"),
                             QStringLiteral("{dir}/server.crt"), QStringLiteral("-key2"),
                             QStringLiteral("{dir}/server.key")},
                            {},
                            QStringLiteral("fatal-alert"),
                            QStringLiteral("msgtype = 21|alert")};
        list << TlsScenario{QStringLiteral("peerclose"),
                            P::RawPeer,
                            {QStringLiteral("close")},
                            {},
                            QStringLiteral("peer-closed-during-handshake"),
                            QStringLiteral("f_recv.*returned 0")};
        list << TlsScenario{QStringLiteral("reset"),
                            P::RawPeer,
                            {QStringLiteral("reset")},
                            {},
                            QStringLiteral("connection-reset"),
                            QStringLiteral("f_recv.*returned -80")};
        list << TlsScenario{QStringLiteral("timeout"),
                            P::RawPeer,
                            {QStringLiteral("silent"), QStringLiteral("3")},
                            {QStringLiteral("--read-timeout"), QStringLiteral("1000")},
                            QStringLiteral("handshake-timeout"),
                            QStringLiteral("returned -26624|timeout")};
        list << TlsScenario{
            QStringLiteral("oversize"),
            P::RawPeer,
            {QStringLiteral("oversize")},
            {},
            QStringLiteral("rx-buffer-too-small"),
            QStringLiteral("msglen = 18432|bad message length|requesting more data than fits")};
        list << TlsScenario{QStringLiteral("certtoolarge"),
                            P::OpenSsl,
                            {QStringLiteral("-Verify"), QStringLiteral("1"),
                             QStringLiteral("-verify_return_error")},
                            {QStringLiteral("--cert"), QStringLiteral("{dir}/client-huge.crt"),
                             QStringLiteral("--key"), QStringLiteral("{dir}/client.key")},
                            QStringLiteral("tx-buffer-too-small"),
                            QStringLiteral("type = 13|certificate request")};
        list << TlsScenario{QStringLiteral("outofmemory"),
                            P::None,
                            {},
                            {QStringLiteral("--fail-alloc-above"), QStringLiteral("10000")},
                            QStringLiteral("out-of-memory"),
                            QStringLiteral("alloc\\(")};
        list << TlsScenario{QStringLiteral("keyparse"),
                            P::None,
                            {},
                            {QStringLiteral("--cert"), QStringLiteral("{dir}/client.crt"),
                             QStringLiteral("--key"), QStringLiteral("{dir}/client-damaged.key")},
                            QStringLiteral("key-parse-error"),
                            QStringLiteral("pk_parse")};
        list << TlsScenario{QStringLiteral("certparse"),
                            P::None,
                            {},
                            {QStringLiteral("--ca"), QStringLiteral("{dir}/ca-damaged.crt")},
                            QStringLiteral("certificate-parse-error"),
                            QStringLiteral("x509_crt_parse")};
        list << TlsScenario{QStringLiteral("ed25519ca"),
                            P::None,
                            {},
                            {QStringLiteral("--ca"), QStringLiteral("{dir}/ed-ca.crt")},
                            QStringLiteral("unsupported-key-algorithm"),
                            QStringLiteral("x509_crt_parse")};
        return list;
    }

    // The same cases for a tlsclient built on mbedTLS 3.x (tests/data/logs/mbedtls-3.6): every
    // case above held to TLS 1.2 under its own name, plus "<name>-tls13" runs for the cases a
    // TLS 1.3 handshake takes down another path. Each keeps the expected id of its 2.28 case.
    static QList<TlsScenario> mbedtls3Scenarios()
    {
        const QString tls = QStringLiteral("--tls");
        const QString v12 = QStringLiteral("1.2");
        const QString v13 = QStringLiteral("1.3");
        // A TLS 1.3 server judges the client certificate after the client's Finished, so the
        // client sends a request and reads to learn the verdict, as an HTTP client does.
        const QStringList request{QStringLiteral("--request"), QStringLiteral("yes")};
        const QStringList www{QStringLiteral("-www")};
        const QStringList verify{QStringLiteral("-Verify"), QStringLiteral("1"),
                                 QStringLiteral("-verify_return_error")};
        QList<TlsScenario> list;
        QHash<QString, TlsScenario> base;
        for (TlsScenario s : scenarios()) {
            base.insert(s.name, s);
            s.clientArgs << tls << v12;
            list << s;
        }
        auto variant
            = [&](const QString &name, const QStringList &server, const QStringList &client) {
                  TlsScenario s = base.value(name);
                  s.name = name + QStringLiteral("-tls13");
                  s.serverArgs = server;
                  s.clientArgs = client;
                  list << s;
              };
        auto same = [&](const QString &name) {
            const TlsScenario &s = base[name];
            variant(name, s.serverArgs, s.clientArgs + QStringList{tls, v13});
        };
        variant(QStringLiteral("working"), www, QStringList{tls, v13} + request);
        for (const char *name :
             {"untrusted", "hostname", "expired", "notyetvalid", "snifatal", "certtoolarge"})
            same(QString::fromLatin1(name));
        // openssl s_server leaves TLS_AES_128_CCM_SHA256 out of its TLS 1.3 suites.
        variant(
            QStringLiteral("nocipher"), {},
            {QStringLiteral("--ciphers"), QStringLiteral("TLS1-3-AES-128-CCM-SHA256"), tls, v13});
        variant(QStringLiteral("clientcertrequired"), verify + www,
                QStringList{tls, v13} + request);
        variant(QStringLiteral("clientcertrejected"), verify + www,
                QStringList{QStringLiteral("--cert"), QStringLiteral("{dir}/client-untrusted.crt"),
                            QStringLiteral("--key"), QStringLiteral("{dir}/client.key"), tls, v13}
                    + request);
        // The versions miss the other way round: a TLS 1.3-only client, a 1.2-only server.
        variant(QStringLiteral("tls13only"), {QStringLiteral("-tls1_2")}, {tls, v13});
        for (const char *name : {"peerclose", "reset", "timeout", "oversize"})
            same(QString::fromLatin1(name));
        // Heap exhausted inside the handshake: TLS 1.3 creates its key share through PSA
        // (psa_generate_key), whose INSUFFICIENT_MEMORY reaches the caller converted.
        variant(QStringLiteral("outofmemory"), {},
                {QStringLiteral("--fail-alloc-in"), QStringLiteral("handshake"),
                 QStringLiteral("--fail-alloc-above"), QStringLiteral("300"), tls, v13});
        list.last().peer = TlsScenario::Peer::OpenSsl;
        // For a library built with MBEDTLS_USE_PSA_CRYPTO ("-usepsa"): the same over TLS 1.2,
        // where the handshake hash runs in PSA and INSUFFICIENT_MEMORY comes back as
        // MD_ALLOC_FAILED, and the working case to compare it with.
        TlsScenario psa = list.last();
        psa.name = QStringLiteral("outofmemory-usepsa");
        psa.clientArgs.replace(psa.clientArgs.size() - 1, v12);
        TlsScenario working = list.first();
        working.name = QStringLiteral("working-usepsa");
        list << working << psa;
        return list;
    }

    // Runs one scenario and writes the client's output to `logName`. format: "esp" or "raw".
    bool run(const TlsScenario &s, const QString &logName,
             const QString &format = QStringLiteral("esp"))
    {
        QProcess server;
        QString port = QStringLiteral("1"); // unused port for cases that fail before connecting
        if (s.peer == TlsScenario::Peer::OpenSsl) {
            QStringList args{
                QStringLiteral("s_server"), QStringLiteral("-accept"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("-naccept"), QStringLiteral("1"),
                QStringLiteral("-cert"), path(QStringLiteral("server.crt")), QStringLiteral("-key"),
                path(QStringLiteral("server.key")),
                // The same chain (leaf + CA) in every case, so only the cause differs from the working run.
                QStringLiteral("-CAfile"), path(QStringLiteral("ca.crt"))};
            args += expand(s.serverArgs);
            server.setProgram(m_openssl);
            server.setArguments(args);
            server.setProcessChannelMode(QProcess::MergedChannels);
            server.start();
            if (!waitForPort(server,
                             QRegularExpression(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)")),
                             port))
                return false;
        } else if (s.peer == TlsScenario::Peer::RawPeer) {
            server.setProgram(m_rawPeer);
            server.setArguments(s.serverArgs);
            server.start();
            if (!waitForPort(server, QRegularExpression(QStringLiteral("^(\\d+)")), port))
                return false;
        }
        QStringList args{QStringLiteral("--port"),   port,
                         QStringLiteral("--format"), format,
                         QStringLiteral("--ca"),     path(QStringLiteral("ca.crt"))};
        const QStringList extra = expand(s.clientArgs);
        for (int i = 0; i + 1 < extra.size(); i += 2) {
            const qsizetype at = args.indexOf(extra.at(i));
            if (at >= 0)
                args[at + 1] = extra.at(i + 1);
            else
                args << extra.at(i) << extra.at(i + 1);
        }
        QProcess client;
        client.setStandardOutputFile(path(logName));
        client.start(m_client, args);
        const bool finished = client.waitForFinished(30000);
        if (!finished)
            client.kill();
        if (server.state() != QProcess::NotRunning) {
            server.terminate();
            if (!server.waitForFinished(3000))
                server.kill();
            server.waitForFinished(1000);
        }
        if (!finished) {
            m_error = QStringLiteral("tlsclient did not finish for %1").arg(s.name);
            return false;
        }
        if (s.expectedId.isEmpty() && client.exitCode() != 0) {
            m_error
                = QStringLiteral("the working handshake failed (exit %1)").arg(client.exitCode());
            return false;
        }
        return true;
    }

private:
    QStringList expand(QStringList args) const
    {
        for (QString &a : args)
            a.replace(QStringLiteral("{dir}"), m_dir);
        return args;
    }

    bool waitForPort(QProcess &server, const QRegularExpression &re, QString &port)
    {
        if (!server.waitForStarted(5000)) {
            m_error = QStringLiteral("cannot start %1").arg(server.program());
            return false;
        }
        QByteArray seen;
        for (int i = 0; i < 100; ++i) {
            server.waitForReadyRead(100);
            seen += server.readAll();
            const auto m = re.match(QString::fromUtf8(seen));
            if (m.hasMatch()) {
                port = m.captured(1);
                return true;
            }
            if (server.state() == QProcess::NotRunning)
                break;
        }
        m_error = QStringLiteral("%1 did not start listening: %2")
                      .arg(server.program(), QString::fromUtf8(seen));
        return false;
    }

    bool openssl(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(m_openssl, args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            m_error
                = QStringLiteral("openssl %1 failed: %2")
                      .arg(args.join(QLatin1Char(' ')).left(200), QString::fromUtf8(p.readAll()));
            return false;
        }
        return true;
    }

    void write(const QString &name, const QByteArray &data) const
    {
        QFile f(path(name));
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(data);
    }

    QByteArray read(const QString &name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QString m_dir;
    QString m_openssl;
    QString m_client;
    QString m_rawPeer;
    QString m_error;
};

} // namespace Forgeline::TestSupport
