// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

namespace Forgeline::Cli {

int runDecode(const QStringList &arguments);
int runDiagnose(const QStringList &arguments);
int runProvision(const QStringList &arguments);
int runScan(const QStringList &arguments);
int runEndpoint(const QStringList &arguments);
int runProvCtrl(const QStringList &arguments);
int runPreflight(const QStringList &arguments);
int runFlash(const QStringList &arguments);
int runPartitions(const QStringList &arguments);
int runReadFlash(const QStringList &arguments);
int runRestore(const QStringList &arguments);
int runPorts(const QStringList &arguments);
int runChipInfo(const QStringList &arguments);
int runStation(const QStringList &arguments);
int runRecords(const QStringList &arguments);
int runMonitor(const QStringList &arguments);

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {QStringLiteral("decode"), QStringLiteral("Explain mbedTLS / ESP-IDF / PSA / X.509 error codes"), &runDecode},
        {QStringLiteral("diagnose"), QStringLiteral("Explain a failed TLS handshake from mbedTLS debug logs"), &runDiagnose},
        {QStringLiteral("provision"), QStringLiteral("Provision Wi-Fi into an ESP device over protocomm (SoftAP/HTTP)"), &runProvision},
        {QStringLiteral("scan"), QStringLiteral("List the Wi-Fi networks a device in provisioning mode sees"), &runScan},
        {QStringLiteral("endpoint"), QStringLiteral("Send data to a protocomm endpoint and print the reply"), &runEndpoint},
        {QStringLiteral("prov-ctrl"), QStringLiteral("Reset or re-provision a device's provisioning state"), &runProvCtrl},
        {QStringLiteral("preflight"), QStringLiteral("Predict a device's TLS failure from its certificate, chain and key before flashing"), &runPreflight},
        {QStringLiteral("flash"), QStringLiteral("Write a certificate/key/file into a partition (backup, MD5 verify)"), &runFlash},
        {QStringLiteral("partitions"), QStringLiteral("Show a board's partition table (or a .bin/.csv)"), &runPartitions},
        {QStringLiteral("read-flash"), QStringLiteral("Read a partition or flash region to a file"), &runReadFlash},
        {QStringLiteral("restore"), QStringLiteral("Write a backup back where it came from"), &runRestore},
        {QStringLiteral("ports"), QStringLiteral("List serial ports with their USB bridge"), &runPorts},
        {QStringLiteral("chip-info"), QStringLiteral("Identify the chip, MAC and flash on a port"), &runChipInfo},
        {QStringLiteral("station"), QStringLiteral("Flash, verify, provision and record many boards at once from a recipe"), &runStation},
        {QStringLiteral("records"), QStringLiteral("List or export station records (CSV/JSON)"), &runRecords},
        {QStringLiteral("monitor"), QStringLiteral("Watch a board's serial log; diagnose TLS handshakes live"), &runMonitor},
    };
    return list;
}

} // namespace Forgeline::Cli
