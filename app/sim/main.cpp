// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/buildinfo.h"
#include "core/sim/boardprofile.h"
#include "core/sim/firmwareprofile.h"
#include "core/sim/protocommdevice.h"
#include "core/sim/protocommhttpserver.h"
#include "core/sim/romboardprofile.h"
#include "core/sim/romserialserver.h"

#ifdef FORGELINE_HAVE_SIM_FIRMWARE
#include "core/simfirmware/mqttfirmware.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>

#include <cstdio>

using namespace Forgeline;
using namespace Forgeline::Sim;

// forgeline-sim: the virtual board. Each side (protocomm over HTTP here; the serial ROM
// loader joins later) adds its options, reads its section of the same board profile and
// starts if asked. Output: the first line names each address, then the device log.
namespace {

void printLine(FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

struct HttpSide
{
    QCommandLineOption http{
        QStringList{QStringLiteral("http"), QStringLiteral("http-port")},
        QStringLiteral("Serve protocomm over HTTP on 127.0.0.1:<port> (0 picks a free port)."),
        QStringLiteral("port")};
    QCommandLineOption fault{
        QStringLiteral("fault"),
        QStringLiteral(
            "Inject an HTTP fault (repeatable): close-between, close-after:N, drop-response:N, corrupt-response:N, restart-at:N, slow:MS."),
        QStringLiteral("name")};
    QCommandLineOption sessionMode{
        QStringLiteral("session-mode"),
        QStringLiteral(
            "cookie (ESP-IDF >= 4.3) or socket (older firmware: the session dies with the connection)."),
        QStringLiteral("mode")};
    QCommandLineOption noDelays{QStringLiteral("no-delays"),
                                QStringLiteral("Set every simulated delay to zero.")};
    QCommandLineOption bind{
        QStringLiteral("http-bind"),
        QStringLiteral("Loopback address to serve on: 127.0.0.1 (default) or ::1 (IPv6)."),
        QStringLiteral("address")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({http, fault, sessionMode, noDelays, bind});
    }
    bool requested(const QCommandLineParser &parser) const { return parser.isSet(http); }

    // Returns false after printing why.
    bool start(const QCommandLineParser &parser, BoardProfile &profile, QObject *owner)
    {
        for (const QString &f : parser.values(fault)) {
            Result<void> r = profile.applyFault(f);
            if (!r) {
                printLine(stderr, QStringLiteral("forgeline-sim: ") + r.error().message);
                return false;
            }
        }
        if (parser.isSet(sessionMode)) {
            const QString mode = parser.value(sessionMode);
            if (mode != QLatin1String("cookie") && mode != QLatin1String("socket")) {
                printLine(stderr,
                          QStringLiteral("forgeline-sim: --session-mode is cookie or socket"));
                return false;
            }
            profile.protocomm.sessionMode = mode;
        }
        if (parser.isSet(noDelays))
            profile.removeDelays();
        bool ok = false;
        const uint port = parser.value(http).toUInt(&ok);
        if (!ok || port > 65535) {
            printLine(stderr, QStringLiteral("forgeline-sim: --http needs a port number"));
            return false;
        }
        // Loopback only: a virtual board is never reachable from another machine.
        QHostAddress address(QHostAddress::LocalHost);
        if (parser.isSet(bind)) {
            address = QHostAddress(parser.value(bind));
            if (!address.isLoopback()) {
                printLine(stderr, QStringLiteral("forgeline-sim: --http-bind is 127.0.0.1 or ::1"));
                return false;
            }
        }
        auto *device = new ProtocommDevice(profile, owner);
        auto *server = new ProtocommHttpServer(device, profile.httpFaults, owner);
        QObject::connect(device, &ProtocommDevice::logLine, owner,
                         [](const QString &line) { printLine(stdout, line); });
        QObject::connect(server, &ProtocommHttpServer::faultInjected, owner,
                         [](const QString &what) {
                             printLine(stderr, QStringLiteral("forgeline-sim: fault: ") + what);
                         });
        Result<quint16> bound = server->listen(quint16(port), address);
        if (!bound) {
            printLine(stderr, QStringLiteral("forgeline-sim: %1 (%2)")
                                  .arg(bound.error().message, bound.error().detail));
            return false;
        }
        printLine(stdout, server->url());
        device->printBootLog();
        return true;
    }
};

// The serial side: the ESP ROM loader on a pseudo-terminal or a TCP port (ser2net style).
struct SerialSide
{
    QCommandLineOption serial{
        QStringLiteral("serial"),
        QStringLiteral(
            "Serve the ROM loader: \"pty\" (prints the pty path) or \"tcp:PORT\" (prints socket://127.0.0.1:PORT; 0 picks a free port)."),
        QStringLiteral("pty|tcp:PORT")};
    QCommandLineOption chip{
        QStringLiteral("chip"),
        QStringLiteral(
            "Chip for the serial side (esp32, esp32s2, esp32s3, esp32c2, esp32c3, esp32c6, esp32h2)."),
        QStringLiteral("name")};
    QCommandLineOption serialFault{
        QStringLiteral("serial-fault"),
        QStringLiteral(
            "Inject a serial fault (repeatable): drop:RATE, corrupt:RATE, reset-at:ADDR, disconnect-at:ADDR, slow-flash:FACTOR."),
        QStringLiteral("spec")};
    QCommandLineOption noTiming{
        QStringLiteral("no-timing"),
        QStringLiteral("Serial side: do not pace bytes at the baud rate or charge flash time.")};
    QCommandLineOption boot{
        QStringLiteral("boot"),
        QStringLiteral(
            "Power on into \"download\" mode (default) or into the \"app\" of the profile's firmware section."),
        QStringLiteral("download|app")};
    QString profileDir;

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({serial, chip, serialFault, noTiming, boot});
    }
    bool requested(const QCommandLineParser &parser) const { return parser.isSet(serial); }

    bool start(const QCommandLineParser &parser, BoardProfile profile, bool noDelays,
               QObject *owner)
    {
        if (parser.isSet(chip))
            profile.chip = parser.value(chip);
        Result<RomBoardConfig> config = romBoardConfigFromProfile(profile);
        if (!config) {
            printLine(stderr, QStringLiteral("forgeline-sim: ") + config.error().message);
            return false;
        }
        for (const QString &f : parser.values(serialFault)) {
            if (Result<void> r = applyRomFault(config->faults, f); !r) {
                printLine(stderr, QStringLiteral("forgeline-sim: ") + r.error().message);
                return false;
            }
        }
        if (parser.isSet(noTiming) || noDelays)
            config->timing = false;
        const QString mode = parser.value(serial);
        auto *server = new RomSerialServer(*config, owner);
        Result<QString> address = Error::make(QStringLiteral("sim.serial"),
                                              QStringLiteral("--serial is pty or tcp:PORT"));
        if (mode == QLatin1String("pty")) {
            address = server->listenPty();
        } else if (mode.startsWith(QLatin1String("tcp:"))) {
            bool ok = false;
            const uint port = mode.mid(4).toUInt(&ok);
            if (ok && port <= 65535)
                address = server->listenTcp(quint16(port));
        }
        if (!address) {
            printLine(stderr, QStringLiteral("forgeline-sim: %1 %2")
                                  .arg(address.error().message, address.error().detail));
            return false;
        }
        printLine(stdout, *address);
        if (!startFirmware(parser, profile, server, owner))
            return false;
        QObject::connect(server, &RomSerialServer::addressChanged, owner,
                         [](const QString &a) { printLine(stdout, a); });
        QObject::connect(server, &RomSerialServer::disconnectedByFault, owner, [] {
            printLine(stderr, QStringLiteral("forgeline-sim: fault: serial disconnect"));
        });
        return true;
    }

    // The application in flash (the profile's "firmware" section): started by a reboot
    // after flashing, or at power-on with --boot app.
    bool startFirmware(const QCommandLineParser &parser, const BoardProfile &profile,
                       RomSerialServer *server, QObject *owner)
    {
        const QString mode = parser.value(boot);
        if (!mode.isEmpty() && mode != QLatin1String("app") && mode != QLatin1String("download")) {
            printLine(stderr, QStringLiteral("forgeline-sim: --boot is download or app"));
            return false;
        }
        Result<FirmwareProfile> firmware = FirmwareProfile::fromJson(
            profile.json.value(QLatin1String("firmware")).toObject(), profileDir);
        if (!firmware) {
            printLine(stderr, QStringLiteral("forgeline-sim: ") + firmware.error().message);
            return false;
        }
        if (!firmware->enabled) {
            if (mode == QLatin1String("app")) {
                printLine(
                    stderr,
                    QStringLiteral(
                        "forgeline-sim: --boot app needs a \"firmware\" section in the profile"));
                return false;
            }
            return true;
        }
#ifdef FORGELINE_HAVE_SIM_FIRMWARE
        auto *app = new SimFirmware::MqttFirmware(*firmware, profile.chip, owner);
        server->setApplication(app, firmware->bootAfterReset);
        if (mode == QLatin1String("app"))
            server->bootApplication();
        return true;
#else
        Q_UNUSED(server);
        Q_UNUSED(owner);
        printLine(stderr,
                  QStringLiteral(
                      "forgeline-sim: built without mbedTLS: the profile's firmware cannot run"));
        return false;
#endif
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("forgeline-sim"));
    QCoreApplication::setApplicationVersion(BuildInfo::applicationVersion());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Forgeline virtual board (ESP ROM loader and protocomm device)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QStringLiteral("Board profile JSON (default: the built-in PROV_FL0001 board)."),
        QStringLiteral("file"));
    parser.addOption(profileOption);
    HttpSide httpSide;
    httpSide.addTo(parser);
    SerialSide serialSide;
    serialSide.addTo(parser);
    parser.process(app);

    BoardProfile profile = BoardProfile::defaultProfile();
    if (parser.isSet(profileOption)) {
        Result<BoardProfile> loaded = BoardProfile::load(parser.value(profileOption));
        if (!loaded) {
            printLine(stderr, QStringLiteral("forgeline-sim: %1 %2")
                                  .arg(loaded.error().message, loaded.error().detail));
            return 2;
        }
        profile = loaded.value();
        serialSide.profileDir = QFileInfo(parser.value(profileOption)).absolutePath();
    }

    bool anySide = false;
    if (httpSide.requested(parser)) {
        if (!httpSide.start(parser, profile, &app))
            return 2;
        anySide = true;
    }
    if (serialSide.requested(parser)) {
        if (!serialSide.start(parser, profile, parser.isSet(httpSide.noDelays), &app))
            return 2;
        anySide = true;
    }
    if (!anySide) {
        printLine(
            stderr,
            QStringLiteral(
                "forgeline-sim: nothing to serve; give --http PORT and/or --serial pty|tcp:PORT (see --help)"));
        return 2;
    }
    return app.exec();
}
