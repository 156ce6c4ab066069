// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocomm/messages.h"
#include "core/sim/boardprofile.h"

#include <QList>

#include <optional>

namespace Forgeline::Sim {

// The radio environment of the virtual board: what a scan finds and what a connection
// attempt with given credentials leads to.
class WifiWorld
{
public:
    explicit WifiWorld(WifiWorldProfile profile) : m_profile(std::move(profile)) {}

    // Strongest first and capped, as the firmware keeps them.
    QList<Protocomm::ScanEntry> scan(int maxEntries) const;

    struct Attempt
    {
        bool connected = false;
        Protocomm::FailReason reason = Protocomm::FailReason::NetworkNotFound;
        WifiNetwork network;
    };
    Attempt connect(const Protocomm::WifiConfig &config) const;

    const WifiWorldProfile &profile() const { return m_profile; }

private:
    WifiWorldProfile m_profile;
};

} // namespace Forgeline::Sim
