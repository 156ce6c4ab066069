// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/monitor/monitorevents.h"
#include "core/tls/handshaketrace.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>

namespace Forgeline::Monitor {

// Finds error codes anywhere in a board's output and decodes them: mbedTLS codes as esp-tls
// and the debug callback print them ("returned -0x7500", "(-0x2700)"), ESP-IDF's
// "(FFFFD900): X509 - ..." form, esp_err_t names ("ESP_ERR_NVS_NOT_FOUND") and the esp-tls
// numbers of "Last error code reported from esp-tls: 0x8006". The same code repeated within
// a few lines (a library and its caller both logging it) is reported once.
class CodeSpotter
{
public:
    static constexpr qint64 RepeatWindowLines = 32;

    QList<CodeEvent> scan(qint64 lineNumber, QByteArrayView cleanedLine,
                          Tls::MbedtlsGeneration generation = Tls::MbedtlsGeneration::Unknown);

private:
    bool seenRecently(const QString &code, qint64 line);
    QHash<QString, qint64> m_lastSeen;
};

} // namespace Forgeline::Monitor
