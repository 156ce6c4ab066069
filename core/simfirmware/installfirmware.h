// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Forgeline::SimFirmware {

// Registers MqttFirmware as the application of the in-process virtual boards
// (core/sim/virtualfirmware.h): what forgeline's main() calls when built with mbedTLS, and
// what a test calls to get the GUI's boards as the user gets them.
void installVirtualBoardFirmware();

} // namespace Forgeline::SimFirmware
