// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Real peers for the monitor tests: certificates from the openssl CLI, `openssl s_server`
// as the board's server, and the virtual board (forgeline-sim) running its mbedTLS firmware.

#include "../tlslogs/tlslogfactory.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <memory>

namespace Forgeline::TestSupport {

// `openssl s_server` on 127.0.0.1 and a free port; stdin stays open so it keeps serving.
class TlsServer
{
public:
    ~TlsServer() { stop(); }

    bool start(const QStringList &args, QString *error)
    {
        m_process.setProgram(QStringLiteral(OPENSSL_PATH));
        m_process.setArguments(QStringList{QStringLiteral("s_server"), QStringLiteral("-accept"),
                                           QStringLiteral("127.0.0.1:0")}
                               + args);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
        if (!m_process.waitForStarted(5000)) {
            *error = QStringLiteral("openssl s_server did not start");
            return false;
        }
        const QRegularExpression re(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)"));
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            m_process.waitForReadyRead(100);
            m_output += m_process.readAll();
            const auto m = re.match(QString::fromUtf8(m_output));
            if (m.hasMatch()) {
                m_port = m.captured(1).toUShort();
                return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
        }
        *error = QStringLiteral("s_server did not listen: ") + QString::fromUtf8(m_output);
        return false;
    }
    quint16 port() const { return m_port; }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(5000);
    }

private:
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

struct FirmwareSetup
{
    quint16 port = 0;
    QByteArray caPem;
    bool sendClientCertificate = true;
    int debugLevel = 3;
    int bootDelayMs = 100;
    int wifiDelayMs = 200;
    int retryMs = 2000;
    int maxAttempts = 0;
    QString certFile; // preloaded into the cert/key partitions when set
    QString keyFile;
};

inline QJsonObject boardProfileJson(const FirmwareSetup &s)
{
    QJsonObject firmware{{QStringLiteral("server"),
                          QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                      {QStringLiteral("port"), s.port},
                                      {QStringLiteral("hostname"), QStringLiteral("localhost")}}},
                         {QStringLiteral("ca"), QString::fromUtf8(s.caPem)},
                         {QStringLiteral("sendClientCertificate"), s.sendClientCertificate},
                         {QStringLiteral("debugLevel"), s.debugLevel},
                         {QStringLiteral("bootDelayMs"), s.bootDelayMs},
                         {QStringLiteral("wifiDelayMs"), s.wifiDelayMs},
                         {QStringLiteral("retryMs"), s.retryMs},
                         {QStringLiteral("maxAttempts"), s.maxAttempts}};
    QJsonObject profile{{QStringLiteral("name"), QStringLiteral("monitor test board")},
                        {QStringLiteral("chip"), QStringLiteral("esp32")},
                        {QStringLiteral("mac"), QStringLiteral("24:0a:c4:f1:00:42")},
                        {QStringLiteral("firmware"), firmware}};
    if (!s.certFile.isEmpty()) {
        QJsonArray contents{
            QJsonObject{{QStringLiteral("offset"), 0x110000}, {QStringLiteral("file"), s.certFile}},
            QJsonObject{{QStringLiteral("offset"), 0x112000}, {QStringLiteral("file"), s.keyFile}}};
        profile.insert(QStringLiteral("flash"),
                       QJsonObject{{QStringLiteral("contents"), contents}});
    }
    return profile;
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// forgeline-sim with a profile; the serial address is the first /dev/ or socket:// line.
class SimProcess
{
public:
    ~SimProcess() { stop(); }

    bool start(const QString &profilePath, const QStringList &extra, QString *error)
    {
        m_process.setProgram(QStringLiteral(FORGELINE_SIM_PATH));
        m_process.setArguments(QStringList{QStringLiteral("--profile"), profilePath,
                                           QStringLiteral("--serial"), QStringLiteral("pty"),
                                           QStringLiteral("--no-timing")}
                               + extra);
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("forgeline-sim did not start");
            return false;
        }
        QElapsedTimer t;
        t.start();
        QByteArray out;
        while (t.elapsed() < 30000) {
            m_process.waitForReadyRead(100);
            out += m_process.readAllStandardOutput();
            for (const QByteArray &line : out.split('\n')) {
                if (line.startsWith("/dev/") || line.startsWith("socket://")) {
                    m_address = QString::fromUtf8(line.trimmed());
                    return true;
                }
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
        }
        *error = QStringLiteral("forgeline-sim printed no address: ")
                 + QString::fromUtf8(out + m_process.readAllStandardError());
        return false;
    }
    QString address() const { return m_address; }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(5000);
    }

private:
    QProcess m_process;
    QString m_address;
};

} // namespace Forgeline::TestSupport
