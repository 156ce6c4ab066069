// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sim/boardprofile.h"
#include "core/sim/protocommdevice.h"
#include "core/sim/protocommvirtualboard.h"
#include "core/sim/romdevice.h"
#include "core/sim/romserialserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

#include <memory>

namespace StationTest {

using namespace Forgeline;

// Per-device pairs made with the openssl tool at test time (EC P-256, signed by a test CA),
// never committed. One shell run for all of them: spawning per pair would dominate.
inline bool makePool(const QString &dir, int count, const QString &prefix = QStringLiteral("dev"))
{
    QDir().mkpath(dir);
    const QString script = QStringLiteral(
        "set -e; cd \"$1\"; "
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=TestCA "
        "  -keyout ca.key.pem -out ca.pem -days 30 2>/dev/null; "
        "i=0; while [ $i -lt $2 ]; do id=$(printf '%s%04d' \"$3\" $i); "
        "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=$id -keyout $id.key -out $id.csr 2>/dev/null; "
        "openssl x509 -req -in $id.csr -CA ca.pem -CAkey ca.key.pem -set_serial $((1000+i)) -days 30 -out $id.crt 2>/dev/null; "
        "rm $id.csr; i=$((i+1)); done");
    QProcess p;
    p.start(QStringLiteral("sh"), {QStringLiteral("-c"), script, QStringLiteral("sh"), dir,
                                   QString::number(count), prefix});
    if (!p.waitForFinished(300000) || p.exitCode() != 0) {
        qWarning("openssl failed: %s", p.readAllStandardError().constData());
        return false;
    }
    return true;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QByteArray macFor(int index)
{
    return QByteArray::fromHex("24ac57000000").left(4) + QByteArray(1, char(index >> 8))
           + QByteArray(1, char(index & 0xff));
}

// One virtual board: the ROM loader on a pty or TCP port plus its firmware's protocomm over HTTP.
struct VirtualBoard
{
    std::unique_ptr<Sim::RomSerialServer> rom;
    std::unique_ptr<Sim::ProtocommVirtualBoard> net;
    QString port;

    const QByteArray &flash() { return rom->device().flash().contents(); }
};

struct BoardOptions
{
    bool pty = false;
    bool timing = false;
    QString partitionCsv; // empty = default table
    std::optional<quint32> disconnectAt;
    QString wifiPassphrase = QStringLiteral("factory-pass-123"); // what the network really wants
    QString profile; // a board profile file or resource; empty = the default board
    std::optional<int> securityPatch;
};

inline std::unique_ptr<VirtualBoard> makeBoard(int index, const BoardOptions &options = {})
{
    auto b = std::make_unique<VirtualBoard>();
    Sim::RomBoardConfig cfg;
    cfg.mac = macFor(index);
    cfg.timing = options.timing;
    cfg.image = Sim::RomBoardConfig::imageWithPartitionTable(
        options.partitionCsv.isEmpty() ? Sim::RomBoardConfig::defaultPartitionCsv()
                                       : options.partitionCsv);
    cfg.faults.disconnectAt = options.disconnectAt;
    b->rom = std::make_unique<Sim::RomSerialServer>(cfg);
    auto addr = options.pty ? b->rom->listenPty() : b->rom->listenTcp(0);
    if (!addr)
        return nullptr;
    b->port = *addr;
    QObject::connect(b->rom.get(), &Sim::RomSerialServer::addressChanged, b->rom.get(),
                     [p = &b->port](const QString &a) { *p = a; });

    Sim::BoardProfile profile = Sim::BoardProfile::defaultProfile();
    if (!options.profile.isEmpty()) {
        auto loaded = Sim::BoardProfile::load(options.profile);
        if (!loaded)
            return nullptr;
        profile = *loaded;
    }
    if (options.securityPatch)
        profile.protocomm.securityPatch = *options.securityPatch;
    profile.mac = cfg.mac;
    profile.removeDelays();
    profile.protocomm.autoStopDelayMs = 200;
    profile.wifi.connectDelayMs = 50;
    for (auto &n : profile.wifi.networks)
        if (n.ssid == QStringLiteral("FactoryNet"))
            n.passphrase = options.wifiPassphrase;
    b->net = std::make_unique<Sim::ProtocommVirtualBoard>(profile);
    if (!b->net->start(0))
        return nullptr;
    return b;
}

// Several boards for one station run: who owns them, and their ports in order.
struct BoardLine
{
    std::vector<std::unique_ptr<VirtualBoard>> owned;
    QList<VirtualBoard *> raw;
    QStringList ports;

    bool add(int index, const BoardOptions &options = {})
    {
        auto board = makeBoard(index, options);
        if (!board)
            return false;
        raw << board.get();
        ports << board->port;
        owned.push_back(std::move(board));
        return true;
    }
};

// Boards on a line known by udev's stable names: each board's pseudo-terminal stays where the
// sim made it, and `port` becomes "<byId>/usb-Silicon_Labs_CP2102_<i>-if00-port0", a name that
// exists only once the test "plugs it in" with plugUsbBoard().
struct UsbBoards
{
    std::vector<std::unique_ptr<VirtualBoard>> owned;
    QList<VirtualBoard *> boards;
    QStringList ptys;

    bool plug(int i) const { return QFile::link(ptys[i], boards[i]->port); }
    bool unplug(int i) const { return QFile::remove(boards[i]->port); }
};

inline bool makeUsbBoards(UsbBoards &out, int count, int firstIndex, const QString &byId)
{
    if (!QDir().mkpath(byId))
        return false;
    for (int i = 0; i < count; ++i) {
        BoardOptions o;
        o.pty = true;
        auto board = makeBoard(firstIndex + i, o);
        if (!board)
            return false;
        out.ptys << board->port;
        board->port = byId + QStringLiteral("/usb-Silicon_Labs_CP2102_%1-if00-port0").arg(i);
        out.boards << board.get();
        out.owned.push_back(std::move(board));
    }
    return true;
}

// The recipe every station test uses: cert + key into their partitions, verify, provision
// with custom data, protocomm address per port.
inline QJsonObject recipeJson(const QList<VirtualBoard *> &boards, int baud = 921600)
{
    QJsonObject addresses;
    for (VirtualBoard *b : boards)
        addresses.insert(b->port, b->net->address());
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("test line")},
        {QStringLiteral("baud"), baud},
        {QStringLiteral("retries"),
         QJsonObject{{QStringLiteral("identify"), 1}, {QStringLiteral("provision"), 0}}},
        {QStringLiteral("flash"),
         QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("certificate")},
                                {QStringLiteral("partition"), QStringLiteral("cert")}},
                    QJsonObject{{QStringLiteral("source"), QStringLiteral("key")},
                                {QStringLiteral("partition"), QStringLiteral("key")}}}},
        {QStringLiteral("verify"), true},
        {QStringLiteral("provision"),
         QJsonObject{{QStringLiteral("ssid"), QStringLiteral("FactoryNet")},
                     {QStringLiteral("passphrase"), QStringLiteral("factory-pass-123")},
                     {QStringLiteral("pop"), QStringLiteral("abcd1234")},
                     {QStringLiteral("addresses"), addresses},
                     {QStringLiteral("timeoutMs"), 20000},
                     {QStringLiteral("pollIntervalMs"), 100},
                     {QStringLiteral("customData"),
                      QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("custom-data")},
                                  {QStringLiteral("data"), QStringLiteral("serial={mac}")}}}}},
    };
}

} // namespace StationTest
