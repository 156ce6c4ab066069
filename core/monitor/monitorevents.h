// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/diagnosis.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <variant>

namespace Forgeline::Monitor {

// What the monitor reports, one struct per kind. The JSON shapes are the ones
// `forgeline-cli monitor --json` prints (docs/cli.md); handshake results carry the same
// `final_error` and `diagnoses` objects as `diagnose --json`.

struct LineEvent
{
    qint64 number = 0;  // 1-based, as the log reader numbers the capture file
    QString text;       // colour codes and CR removed, secrets redacted
    char level = 0;     // ESP-IDF level letter E W I D V, 0 when the line has none
    bool noise = false; // mostly bytes that cannot be text (wrong baud rate, ROM replies)
    bool cut = false;   // a piece of a line longer than the splitter's limit
    QJsonObject toJson() const;
};

// An error code seen anywhere in the output, decoded.
struct CodeEvent
{
    qint64 line = 0;
    QString spelled; // as printed: "-0x2700", "(FFFFD900)", "ESP_ERR_NVS_NOT_FOUND"
    QString code;    // canonical: "-0x2700", "0x801A", "0x1102"
    QString name;    // MBEDTLS_ERR_X509_CERT_VERIFY_FAILED
    QString meaning;
    QJsonObject toJson() const;
};

// A TLS connection began at `line` ("=> handshake", or the first line about it).
struct TlsStartEvent
{
    qint64 line = 0;
    QJsonObject toJson() const;
};

// A TLS connection ended: succeeded or failed, with the diagnosis of that connection.
struct HandshakeResultEvent
{
    bool ok = false;
    qint64 firstLine = 0;
    qint64 lastLine = 0;
    std::optional<Tls::FinalError> finalError;
    QList<Tls::Diagnosis> diagnoses;
    // The whole report of this connection (for Diagnose this / Compare), shared because
    // events are copied through queued signals.
    std::shared_ptr<const Tls::DiagnosisReport> report;
    QString topDiagnosisId() const
    {
        return diagnoses.isEmpty() ? QString() : diagnoses.first().id;
    }
    QJsonObject toJson() const;
};

// Port state: opened, reset, lost, back, refused; `kind` is a stable word, `message` words.
struct StatusEvent
{
    QString kind; // "opened", "reset", "no-reset", "lost", "reopened", "noise", "error"
    QString message;
    QJsonObject toJson() const;
};

// The monitor stopped: "until" (the pattern matched), "handshake", "timeout", "port-lost",
// "stopped", "error".
struct EndEvent
{
    QString reason;
    QString message;
    QJsonObject toJson() const;
};

using MonitorEvent = std::variant<LineEvent, CodeEvent, TlsStartEvent, HandshakeResultEvent,
                                  StatusEvent, EndEvent>;

QJsonObject eventToJson(const MonitorEvent &event);

} // namespace Forgeline::Monitor

Q_DECLARE_METATYPE(Forgeline::Monitor::MonitorEvent)
