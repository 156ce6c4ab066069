// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/simfirmware/installfirmware.h"

#include "core/sim/virtualfirmware.h"
#include "core/simfirmware/mqttfirmware.h"

namespace Forgeline::SimFirmware {

void installVirtualBoardFirmware()
{
    Sim::setBoardApplicationFactory(
        [](const Sim::FirmwareProfile &profile, const QString &chip, QObject *parent) {
            return new MqttFirmware(profile, chip, parent);
        });
}

} // namespace Forgeline::SimFirmware
