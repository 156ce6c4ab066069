// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the tlslogs cases with any tlsclient build, so logs from an mbedTLS the machine does
// not carry (3.6 for tests/data/logs/mbedtls-3.6) come from exactly the servers, certificates
// and client options the 2.28 tests use. Also writes cases.tsv: how each log was made.
//   make_tlslogs --client PATH --out DIR [--set 2.28|3.x] [--format esp|raw] [--debug 0-4]
//   [NAME...]
// Raw-format logs are named <case>-raw.log, logs below debug level 4 <case>-debugN.log.
#include "tests/tlslogs/tlslogfactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

using Forgeline::TestSupport::TlsLogFactory;
using Forgeline::TestSupport::TlsScenario;

namespace {

QString peerName(TlsScenario::Peer p)
{
    switch (p) {
    case TlsScenario::Peer::OpenSsl: return QStringLiteral("openssl s_server");
    case TlsScenario::Peer::RawPeer: return QStringLiteral("rawpeer");
    case TlsScenario::Peer::None: break;
    }
    return QStringLiteral("none");
}

int usage(const QString &why)
{
    QTextStream(stderr) << "make_tlslogs: " << why << "\n"
                        << "usage: make_tlslogs --client PATH --out DIR [--set 2.28|3.x]"
                           " [--format esp|raw] [--debug 0-4] [NAME...]\n";
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString client, out;
    QString set = QStringLiteral("3.x");
    QString format = QStringLiteral("esp");
    QString debug = QStringLiteral("4");
    QStringList only;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--client") || a == QLatin1String("--out")
            || a == QLatin1String("--set") || a == QLatin1String("--format")
            || a == QLatin1String("--debug")) {
            if (i + 1 >= args.size())
                return usage(QStringLiteral("%1 needs a value").arg(a));
            QString &target = a == QLatin1String("--client")   ? client
                              : a == QLatin1String("--out")    ? out
                              : a == QLatin1String("--set")    ? set
                              : a == QLatin1String("--format") ? format
                                                               : debug;
            target = args.at(++i);
        } else if (a.startsWith(QLatin1String("--"))) {
            return usage(QStringLiteral("unknown option %1").arg(a));
        } else {
            only << a;
        }
    }
    if (client.isEmpty() || out.isEmpty())
        return usage(QStringLiteral("--client and --out are required"));
    if (set != QLatin1String("2.28") && set != QLatin1String("3.x"))
        return usage(QStringLiteral("--set is 2.28 or 3.x"));
    if (format != QLatin1String("esp") && format != QLatin1String("raw"))
        return usage(QStringLiteral("--format is esp or raw"));
    if (debug.size() != 1 || debug.at(0) < QLatin1Char('0') || debug.at(0) > QLatin1Char('4'))
        return usage(QStringLiteral("--debug is 0 to 4"));

    QTemporaryDir work;
    TlsLogFactory factory(work.path(), QStringLiteral(OPENSSL_PATH), QDir(client).absolutePath(),
                          QStringLiteral(RAWPEER_PATH));
    if (!factory.prepareCertificates()) {
        QTextStream(stderr) << "make_tlslogs: " << factory.lastError() << "\n";
        return 1;
    }
    QDir().mkpath(out);
    // Appends, so several runs (formats, single cases) describe one directory.
    QFile manifest(QDir(out).filePath(QStringLiteral("cases.tsv")));
    const bool fresh = !manifest.exists();
    if (!manifest.open(QIODevice::WriteOnly | QIODevice::Append)) {
        QTextStream(stderr) << "make_tlslogs: cannot write " << manifest.fileName() << "\n";
        return 3;
    }
    QTextStream tsv(&manifest);
    if (fresh)
        tsv << "# log\texpected diagnosis id\tpeer\tpeer arguments\ttlsclient arguments (besides "
               "--port, --ca {dir}/ca.crt, --format esp)\n";
    const QList<TlsScenario> list = set == QLatin1String("2.28")
                                        ? TlsLogFactory::scenarios()
                                        : TlsLogFactory::mbedtls3Scenarios();
    int failures = 0;
    for (TlsScenario s : list) {
        if (!only.isEmpty() && !only.contains(s.name))
            continue;
        QString log = s.name;
        if (debug != QLatin1String("4")) {
            s.clientArgs << QStringLiteral("--debug") << debug;
            log += QStringLiteral("-debug") + debug;
        }
        log += format == QLatin1String("raw") ? QStringLiteral("-raw.log") : QStringLiteral(".log");
        if (!factory.run(s, log, format)) {
            QTextStream(stderr) << "make_tlslogs: " << s.name << ": " << factory.lastError()
                                << "\n";
            ++failures;
            continue;
        }
        QFile::remove(QDir(out).filePath(log));
        if (!QFile::copy(factory.path(log), QDir(out).filePath(log))) {
            QTextStream(stderr) << "make_tlslogs: cannot copy " << log << "\n";
            ++failures;
            continue;
        }
        tsv << log << '\t' << (s.expectedId.isEmpty() ? QStringLiteral("-") : s.expectedId) << '\t'
            << peerName(s.peer) << '\t' << s.serverArgs.join(QLatin1Char(' ')) << '\t'
            << s.clientArgs.join(QLatin1Char(' '))
            << (format == QLatin1String("raw") ? " --format raw" : "") << '\n';
        QTextStream(stdout) << s.name << "\n";
    }
    return failures == 0 ? 0 : 1;
}
