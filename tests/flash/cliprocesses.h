// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The two real processes the CLI flash tests drive: forgeline-sim as the board (over a pty or
// TCP) and forgeline-cli as the user types it. Needs FORGELINE_SIM_PATH and FORGELINE_CLI_PATH.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace FlashTest {

struct CliRun
{
    int exitCode = -1; // -1: did not finish within the timeout (killed)
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline CliRun runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(FORGELINE_CLI_PATH), args);
    CliRun r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Starts the board without byte pacing; returns the address it prints first (a pty path or
// host:port), empty when it did not start.
inline QString startSim(QProcess &sim, const QStringList &extra)
{
    sim.setProcessChannelMode(QProcess::SeparateChannels);
    sim.start(QStringLiteral(FORGELINE_SIM_PATH),
              QStringList{QStringLiteral("--no-timing")} + extra);
    if (!sim.waitForStarted(10000) || !sim.waitForReadyRead(10000))
        return {};
    return QString::fromUtf8(sim.readLine()).trimmed();
}

inline QString writeTestFile(const QDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qWarning("could not write %s", qPrintable(path));
    return path;
}

} // namespace FlashTest
