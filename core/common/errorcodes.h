// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1String>
#include <QStringView>

// The registry of error codes (Error::code). Codes are a contract: they appear in `--json`
// output, in station records (diagnosisId) and in scripts that read them, so their spelling
// never changes. Every code is "<family>.<what>"; the families are listed here once, and
// tests/core/tst_sourcerules.cpp fails on a code in the sources whose family is not.
namespace Forgeline::ErrorCode {

// The operator (or the caller) stopped the work. Four spellings reached JSON outputs before
// this registry existed and are kept byte for byte; Error::isCancelled() treats them as one.
inline constexpr QLatin1String Cancelled("cancelled"); // serial ROM loader, flash jobs
inline constexpr QLatin1String ProtocommCancelled("protocomm.cancelled");
inline constexpr QLatin1String StationCancelled("station.cancelled");
inline constexpr QLatin1String DiagnoseCancelled("diagnose.cancelled");

// Codes more than one module produces or tests on.
inline constexpr QLatin1String EndpointInvalid("endpoint.invalid");
inline constexpr QLatin1String StationNoPool("station.no-pool");
inline constexpr QLatin1String PoolEmpty("pool.empty");

// Every family in use, one line each with its owner.
inline constexpr QLatin1String Families[] = {
    QLatin1String("address"),    // flasher: flash addresses typed by the user
    QLatin1String("backup"),     // flasher/backupstore
    QLatin1String("chip"),       // flasher/chipdatabase
    QLatin1String("connect"),    // station: the connect step (monitor after provisioning)
    QLatin1String("db"),         // station/stationdatabase (driver text in detail)
    QLatin1String("demo"),       // sim/demopool
    QLatin1String("diagnose"),   // tls: log reading and diagnosis
    QLatin1String("dissect"),    // tls/records: TLS record dissector inputs
    QLatin1String("endpoint"),   // common/endpoint
    QLatin1String("file"),       // generic file reads
    QLatin1String("flash"),      // flasher jobs
    QLatin1String("flashcrypt"), // image/flashencryption: flash encryption by address
    QLatin1String("image"),      // image/imageinspector, encryptedimage
    QLatin1String("inflate"),    // flasher/compression
    QLatin1String("lang"),       // common/translations: --lang and the language setting
    QLatin1String("nvs"),        // image/nvs*: NVS partitions and their CSV
    QLatin1String("otadata"),    // image/otadata, flasher: which app partition boots
    QLatin1String("partition"),  // image/partitiontable, partitioncsv
    QLatin1String("payload"),    // image/certpayload
    QLatin1String("pool"),       // station/certpool
    QLatin1String("preflight"),  // tls/preflight*
    QLatin1String("protocomm"),  // protocomm client, transport, security
    QLatin1String("provision"),  // protocomm/provisionjob
    QLatin1String("read"),       // flasher reads
    QLatin1String("recipe"),     // station/recipe
    QLatin1String("records"),    // station/records
    QLatin1String("restore"),    // flasher/backupstore
    QLatin1String("rom"),        // flasher/romclient, romprotocol
    QLatin1String("securecert"), // image/securecert*: esp_secure_cert TLV
    QLatin1String("serial"),     // flasher/seriallink
    QLatin1String("sim"),        // sim: the virtual board
    QLatin1String("station"),    // station: jobs and boards
    QLatin1String("usage"),      // app/cli: command-line mistakes
    QLatin1String("write"),      // flasher: partial writes ("write.partial:<cause>")
};

inline bool isCancellation(QStringView code)
{
    return code == Cancelled || code == ProtocommCancelled || code == StationCancelled
           || code == DiagnoseCancelled;
}

// The family of a code: the text before the first '.', or the whole code ("cancelled").
inline QStringView familyOf(QStringView code)
{
    const qsizetype dot = code.indexOf(QLatin1Char('.'));
    return dot < 0 ? code : code.left(dot);
}

inline bool isRegistered(QStringView code)
{
    if (code == Cancelled)
        return true;
    const QStringView family = familyOf(code);
    for (const QLatin1String &f : Families)
        if (family == f)
            return true;
    return false;
}

} // namespace Forgeline::ErrorCode
