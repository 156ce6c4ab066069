// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

namespace Forgeline::Cli {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Cli::Commands)
};

} // namespace

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
int runDissect(const QStringList &arguments);
int runImage(const QStringList &arguments);
int runNvs(const QStringList &arguments);
int runSecureCert(const QStringList &arguments);
int runMonitor(const QStringList &arguments);

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {QStringLiteral("decode"), Tr::tr("Explain mbedTLS / ESP-IDF / PSA / X.509 error codes"),
         &runDecode},
        {QStringLiteral("diagnose"),
         Tr::tr("Explain a failed TLS handshake from mbedTLS debug logs"), &runDiagnose},
        {QStringLiteral("provision"),
         Tr::tr("Provision Wi-Fi into an ESP device over protocomm (SoftAP/HTTP)"), &runProvision},
        {QStringLiteral("scan"),
         Tr::tr("List the Wi-Fi networks a device in provisioning mode sees"), &runScan},
        {QStringLiteral("endpoint"),
         Tr::tr("Send data to a protocomm endpoint and print the reply"), &runEndpoint},
        {QStringLiteral("prov-ctrl"), Tr::tr("Reset or re-provision a device's provisioning state"),
         &runProvCtrl},
        {QStringLiteral("preflight"),
         Tr::tr(
             "Predict a device's TLS failure from its certificate, chain and key before flashing"),
         &runPreflight},
        {QStringLiteral("flash"),
         Tr::tr("Write a certificate/key/file into a partition (backup, MD5 verify)"), &runFlash},
        {QStringLiteral("partitions"), Tr::tr("Show a board's partition table (or a .bin/.csv)"),
         &runPartitions},
        {QStringLiteral("read-flash"), Tr::tr("Read a partition or flash region to a file"),
         &runReadFlash},
        {QStringLiteral("restore"), Tr::tr("Write a backup back where it came from"), &runRestore},
        {QStringLiteral("ports"), Tr::tr("List serial ports with their USB bridge"), &runPorts},
        {QStringLiteral("chip-info"), Tr::tr("Identify the chip, MAC and flash on a port"),
         &runChipInfo},
        {QStringLiteral("station"),
         Tr::tr("Flash, verify, provision and record many boards at once from a recipe"),
         &runStation},
        {QStringLiteral("records"), Tr::tr("List or export station records (CSV/JSON)"),
         &runRecords},
        {QStringLiteral("dissect"),
         Tr::tr("Show the TLS records in a capture, hex dump or device log"), &runDissect},
        {QStringLiteral("image"),
         Tr::tr("Inspect firmware files; flash encryption and pre-encrypted OTA images"),
         &runImage},
        {QStringLiteral("nvs"),
         Tr::tr("Generate or dump NVS partition images (plain or encrypted)"), &runNvs},
        {QStringLiteral("secure-cert"), Tr::tr("Generate or dump esp_secure_cert partitions (TLV)"),
         &runSecureCert},
        {QStringLiteral("monitor"),
         Tr::tr("Watch a board's serial log; diagnose TLS handshakes live"), &runMonitor},
    };
    return list;
}

} // namespace Forgeline::Cli
