// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The two real processes the provisioning CLI tests drive: forgeline-sim serving protocomm over
// HTTP on 127.0.0.1, and forgeline-cli talking to it. Every byte either prints goes into `seen`,
// which the tests search for secrets at the end.

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ProvisionTest {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

struct SimProcess
{
    QProcess *process = nullptr;
    quint16 port = 0;
};

// Starts `forgeline-sim --http 0 --profile PROFILE EXTRA...` and reads the port it announces
// on its first line (127.0.0.1, or ::1 with --http-bind ::1); port stays 0 if it did not start.
inline SimProcess startSim(QObject *parent, const QString &profile, const QStringList &extra,
                           QStringList &seen)
{
    SimProcess sim;
    sim.process = new QProcess(parent);
    sim.process->start(QStringLiteral(FORGELINE_SIM_PATH),
                       QStringList{QStringLiteral("--http"), QStringLiteral("0"),
                                   QStringLiteral("--profile"), profile}
                           + extra);
    if (!sim.process->waitForStarted(10000))
        return sim;
    QByteArray first;
    while (!first.contains('\n') && sim.process->waitForReadyRead(10000))
        first
            += sim.process->read(64); // only the first line is needed now; the rest stays buffered
    const QByteArray line = first.left(first.indexOf('\n'));
    if (line.startsWith("http://127.0.0.1:") || line.startsWith("http://[::1]:"))
        sim.port = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
    seen << QString::fromUtf8(first);
    return sim;
}

// Stops the board and returns what it printed (its device log).
inline QString stopSim(SimProcess &sim, QStringList &seen)
{
    sim.process->terminate();
    sim.process->waitForFinished(5000);
    const QString out = QString::fromUtf8(sim.process->readAllStandardOutput()
                                          + sim.process->readAllStandardError());
    seen << out;
    delete sim.process;
    sim.process = nullptr;
    return out;
}

// Runs forgeline-cli with tracing on; the PoP (or Security 2 password) and the Wi-Fi passphrase
// travel in FL_POP / FL_PASS, as a careful operator would pass them.
inline CliRun runCli(const QStringList &args, const QString &pop, const QString &passphrase,
                     QStringList &seen)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FL_POP"), pop);
    env.insert(QStringLiteral("FL_PASS"), passphrase);
    env.insert(QStringLiteral("FORGELINE_TRACE"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FORGELINE_CLI_PATH), args);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
    }
    CliRun r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    seen << r.out << r.err;
    return r;
}

} // namespace ProvisionTest
