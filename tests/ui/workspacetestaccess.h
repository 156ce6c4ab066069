// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What only tests change in a workspace, kept out of the workspaces' public API: the workspaces
// name this class their friend.

#include "core/protocomm/provisioncontroller.h"
#include "ui/flash/flashworkspace.h"
#include "ui/provision/provisionworkspace.h"

namespace Forgeline::Ui {

class WorkspaceTestAccess
{
public:
    // Without pacing the virtual board answers at once instead of at the baud rate.
    static void setVirtualBoardTiming(FlashWorkspace &w, bool on) { w.m_virtualTiming = on; }
    // The board "Start a virtual board" creates.
    static void setVirtualBoardProfile(ProvisionWorkspace &w, const Sim::BoardProfile &profile)
    {
        w.m_virtualProfile = profile;
    }
    static void setPollInterval(ProvisionWorkspace &w, int ms)
    {
        w.m_controller->setPollInterval(ms);
    }
};

} // namespace Forgeline::Ui
