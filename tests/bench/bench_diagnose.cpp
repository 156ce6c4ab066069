// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnose speed on big real logs (issue 3): two ~50 MB level-4 logs built from real handshakes
// (tlsclient on Debian's mbedTLS against openssl s_server), diagnosed as a pair.
// Targets: no slower than GNU diff on the same two files (timestamps stripped), timed in the
// same run (ratio <= 1.0), and peak memory under half the input.
#include "core/tls/diagnosisengine.h"
#include "tests/tlslogs/tlslogfactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

namespace {

qint64 statusKb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Resets the kernel's peak-RSS counter so the figure covers only the diagnosis.
void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Appends `pieces` in turn until the file reaches `target` bytes; `last` (if any) closes it.
qint64 assemble(const QString &path, const QList<QByteArray> &pieces, const QByteArray &last,
                qint64 target)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    qint64 size = 0;
    for (int i = 0; size + last.size() < target; i = (i + 1) % pieces.size())
        size += out.write(pieces.at(i));
    size += out.write(last);
    return size;
}

void stripTimestamps(const QString &in, const QString &out)
{
    QFile src(in);
    QFile dst(out);
    if (!src.open(QIODevice::ReadOnly) || !dst.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    while (!src.atEnd()) {
        QByteArray line = src.readLine();
        if (line.size() > 4 && line.at(1) == ' ' && line.at(2) == '(') {
            const qsizetype close = line.indexOf(") ");
            if (close > 0)
                line.remove(1, close + 1 - 1);
        }
        dst.write(line);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    using namespace Forgeline;
    using Forgeline::TestSupport::TlsLogFactory;

    const QString buildDir = QFileInfo(QStringLiteral(FORGELINE_CLI_PATH))
                                 .absoluteDir()
                                 .absoluteFilePath(QStringLiteral(".."));
    const QString client
        = QDir(buildDir).absoluteFilePath(QStringLiteral("tests/tlslogs/tlsclient"));
    const QString peer = QDir(buildDir).absoluteFilePath(QStringLiteral("tests/tlslogs/rawpeer"));
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (!QFile::exists(client) || openssl.isEmpty()) {
        std::printf(
            "bench_diagnose: skipped (needs %s and openssl; build the tests/tlslogs targets)\n",
            qPrintable(client));
        return 0;
    }
    QTemporaryDir temporary;
    // FORGELINE_BENCH_DIAGNOSE_DIR keeps the logs there (for a profiler: forgeline-cli diagnose).
    const QString keep = qEnvironmentVariable("FORGELINE_BENCH_DIAGNOSE_DIR");
    if (!keep.isEmpty())
        QDir().mkpath(keep);
    TlsLogFactory factory(keep.isEmpty() ? temporary.path() : keep, openssl, client, peer);
    if (!factory.prepareCertificates()) {
        std::printf("bench_diagnose: cannot make certificates: %s\n",
                    qPrintable(factory.lastError()));
        return 1;
    }
    // A handful of real handshakes of each kind, so repeated pieces are not all byte-identical.
    QList<QByteArray> working;
    for (int i = 0; i < 4; ++i) {
        const QString name = QStringLiteral("working-%1.log").arg(i);
        if (!factory.run(TlsLogFactory::scenarios().first(), name)) {
            std::printf("bench_diagnose: handshake failed: %s\n", qPrintable(factory.lastError()));
            return 1;
        }
        working << readFile(factory.path(name));
    }
    TestSupport::TlsScenario failing;
    for (const auto &s : TlsLogFactory::scenarios()) {
        if (s.name == QLatin1String("peerclose"))
            failing = s;
    }
    if (!factory.run(failing, QStringLiteral("failing.log"))) {
        std::printf("bench_diagnose: failing handshake not produced: %s\n",
                    qPrintable(factory.lastError()));
        return 1;
    }
    constexpr qint64 Target = 50ll * 1024 * 1024;
    const QString goodPath = factory.path(QStringLiteral("good-50MB.log"));
    const QString badPath = factory.path(QStringLiteral("bad-50MB.log"));
    const qint64 goodSize = assemble(goodPath, working, {}, Target);
    const qint64 badSize
        = assemble(badPath, working, readFile(factory.path(QStringLiteral("failing.log"))), Target);
    const qint64 inputKb = (goodSize + badSize) / 1024;

    resetPeak();
    const qint64 baseKb = statusKb("VmRSS:");
    QElapsedTimer timer;
    timer.start();
    const auto report = Tls::DiagnosisEngine::diagnoseFiles(badPath, goodPath);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 peakKb = statusKb("VmHWM:");
    if (!report || report->diagnoses.isEmpty()
        || report->diagnoses.first().id != QLatin1String("peer-closed-during-handshake")) {
        std::printf("bench_diagnose: wrong answer on the big pair\n");
        return 1;
    }
    const qint64 usedKb = qMax<qint64>(0, peakKb - baseKb);

    // Reference: GNU diff on the same logs without timestamps.
    const QString goodPlain = factory.path(QStringLiteral("good-plain.log"));
    const QString badPlain = factory.path(QStringLiteral("bad-plain.log"));
    stripTimestamps(goodPath, goodPlain);
    stripTimestamps(badPath, badPlain);
    QProcess diff;
    diff.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer diffTimer;
    diffTimer.start();
    diff.start(QStringLiteral("diff"), {goodPlain, badPlain});
    diff.waitForFinished(-1);
    const double diffSeconds = double(diffTimer.nsecsElapsed()) / 1e9;

    std::printf(
        "Diagnose pair: %.2f MB + %.2f MB level-4 logs (%d + %d handshakes) in %.3f s (target 1.5 s: %.2fx of budget); "
        "peak memory %.1f MB for %.1f MB of input (%.2fx, target < 0.5x); GNU diff on the same files %.3f s "
        "(ratio diagnose/diff %.2f, target <= 1.0); first divergence at failing line %lld\n",
        double(badSize) / 1048576.0, double(goodSize) / 1048576.0, report->bad.tracesSeen,
        report->good ? report->good->tracesSeen : 0, seconds, seconds / 1.5,
        double(usedKb) / 1024.0, double(inputKb) / 1024.0,
        double(usedKb) / double(qMax<qint64>(1, inputKb)), diffSeconds,
        seconds / qMax(1e-9, diffSeconds),
        report->diff && report->diff->first() ? report->diff->first()->badLine : -1ll);
    return 0;
}
