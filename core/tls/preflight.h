// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/tls/targetprofile.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Forgeline::Tls {

// The device's clock when it opens its first TLS connection: a board without SNTP starts at
// 1970-01-01, which makes every certificate "not yet valid" once dates are checked.
enum class DeviceClock { Unset, Synced };

// What the technician is about to flash. Either certFile + keyFile (PEM or DER) or p12File
// (certificate, key and any chain inside); the password only ever lives in memory.
struct PreflightInputs
{
    QString certFile;
    QByteArray certData; // the certificate itself (PEM or DER) instead of certFile
    QString chainFile;   // intermediates, sent after the device certificate
    QString keyFile;
    // The private key itself instead of keyFile, for keys that live only in memory (a station's
    // pair from the database): it is never written to a file to be checked.
    QByteArray keyData;
    QStringList caFiles; // the CA(s) that issued the device certificate (what the server trusts)
    QString p12File;
    QByteArray password; // PKCS#12 or encrypted-key password; empty = none
    QString targetId = TargetProfiles::defaultId();
    QStringList overrides; // "out_content_len=16384"
    DeviceClock deviceClock = DeviceClock::Unset;
    std::optional<qint64> partitionSize;    // the certificate partition
    std::optional<qint64> keyPartitionSize; // the key partition
    QDateTime now;                          // invalid = the current time (tests pin it)
};

// One check, as the CLI prints it and the panel shows it (one row each).
struct PreflightCheck
{
    enum class Status { Pass, Warn, Fail };

    QString id;    // "certificate-message-size"
    QString title; // "Certificate message fits the TX buffer"
    Status status = Status::Pass;
    QString predictedError; // the code the device would report, "-0x7500"; empty when none
    QString predictedName;  // from the decoder: MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE
    QString predictedMeaning;
    QString diagnosisId; // id from resources/data/diagnoses/diagnoses.json ("tx-buffer-too-small")
    QString message;     // what was found, in plain words
    QString fix;         // what to change; empty when nothing is needed
};

QString statusName(PreflightCheck::Status status); // "pass", "warn", "fail"

struct PreflightReport
{
    TargetProfile target;
    DeviceClock deviceClock = DeviceClock::Unset;
    QStringList inputs; // one line per loaded item: "device certificate: CN=dev1 (EC secp256r1)"
    QList<PreflightCheck> checks;

    bool hasFail() const;
    bool hasWarn() const;
    const PreflightCheck *find(const QString &id) const;
};

} // namespace Forgeline::Tls
