// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/demoline.h"

#include "core/common/logger.h"
#include "core/sim/boardprofile.h"
#include "core/sim/demopool.h"
#include "core/sim/protocommvirtualboard.h"
#include "core/sim/romboardprofile.h"
#include "core/sim/romserialserver.h"
#include "core/sim/virtualfirmware.h"

#include <QJsonArray>

namespace Forgeline::Sim {

DemoLine::DemoLine() = default;
DemoLine::~DemoLine() = default;

Result<void> DemoLine::start(const QString &poolDir, int count)
{
    // Enough pairs for a long demo: every virtual board keeps its pair across re-runs.
    auto ids = writeDemoPool(poolDir, DefaultDemoPoolSize);
    if (!ids)
        return ids.error();
    if (m_roms.empty()) {
        for (int i = 0; i < count; ++i) {
            BoardProfile profile = BoardProfile::defaultProfile();
            profile.mac[5] = char(0x20 + i);
            auto config = romBoardConfigFromProfile(profile);
            if (!config)
                return config.error();
            config->timing = true; // a demo should move at a real board's pace
            auto rom = std::make_unique<RomSerialServer>(*config);
            if (auto address = rom->listenPty(); !address)
                return address.error();
            // The station flashes a pool pair onto each board; with firmware the boards then
            // connect to the demo server when reset into their app (Monitor, a connect step).
            // Without its firmware a board still flashes and provisions: a warning, not a stop.
            if (boardApplicationAvailable())
                if (auto r = VirtualFirmware::instance()->attach(*rom, profile.chip); !r)
                    Logger::instance().warning(
                        QStringLiteral("virtual-board"),
                        QStringList{r.error().message, r.error().detail, r.error().fix}.join(
                            QLatin1Char(' ')));
            auto net = std::make_unique<ProtocommVirtualBoard>(profile);
            if (auto port = net->start(0); !port)
                return port.error();
            m_roms.push_back(std::move(rom));
            m_nets.push_back(std::move(net));
        }
    }
    return {};
}

QStringList DemoLine::ports() const
{
    QStringList ports;
    for (const auto &rom : m_roms)
        ports << rom->address();
    return ports;
}

QJsonObject DemoLine::recipe() const
{
    const BoardProfile profile = BoardProfile::defaultProfile();
    QString ssid;
    QString passphrase;
    for (const auto &network : profile.wifi.networks)
        if (!network.passphrase.isEmpty()) {
            ssid = network.ssid;
            passphrase = network.passphrase;
            break;
        }
    QJsonObject addresses;
    for (size_t i = 0; i < m_roms.size(); ++i)
        addresses.insert(m_roms[i]->address(), m_nets[i]->address());
    QJsonObject provision{
        {QStringLiteral("ssid"), ssid},
        {QStringLiteral("passphrase"), passphrase},
        {QStringLiteral("addresses"), addresses},
        {QStringLiteral("customData"),
         QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("custom-data")},
                     {QStringLiteral("data"), QStringLiteral("serial={mac};cert={pair}")}}}};
    if (profile.protocomm.security != 0)
        provision.insert(QStringLiteral("pop"), profile.protocomm.pop);
    const QJsonObject recipe{
        {QStringLiteral("name"), QStringLiteral("Virtual line (demo)")},
        {QStringLiteral("baud"), 921600},
        {QStringLiteral("retries"),
         QJsonObject{{QStringLiteral("identify"), 1}, {QStringLiteral("provision"), 1}}},
        {QStringLiteral("flash"),
         QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("certificate")},
                                {QStringLiteral("partition"), QStringLiteral("cert")}},
                    QJsonObject{{QStringLiteral("source"), QStringLiteral("key")},
                                {QStringLiteral("partition"), QStringLiteral("key")}}}},
        {QStringLiteral("verify"), true},
        {QStringLiteral("provision"), provision}};
    return recipe;
}

} // namespace Forgeline::Sim
