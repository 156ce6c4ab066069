// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Forgeline::Tls {

// The mbedTLS releases whose error sets we know exactly (see resources/data/errors/).
enum class MbedtlsVersion { V2_16, V2_28, V3_0, V3_6, V4_0 };

QString mbedtlsVersionName(MbedtlsVersion v);                        // "2.28"
std::optional<MbedtlsVersion> parseMbedtlsVersion(QStringView text); // "2.28", "2.28.10", "v3.6.2"
QList<MbedtlsVersion> allMbedtlsVersions();
// ESP-IDF release -> the mbedTLS it ships ("4.3" -> 2.16, "4.4.1" -> 2.28, "5.2" -> 3.6 family).
std::optional<MbedtlsVersion> mbedtlsForIdf(QStringView idfVersion);

struct DecodeOptions
{
    std::optional<MbedtlsVersion> mbedtls; // pin one version; unset = consider all
    QString idfVersion;                    // "" = unknown; otherwise also selects esp-tls numbering
};

// One plausible meaning of what the user pasted. An input can have several
// (0x8010 is an esp-tls code and, read as -0x8010, nothing in mbedTLS; 7500 may be hex or decimal).
struct Reading
{
    enum class Kind {
        Mbedtls,          // a single legacy MBEDTLS_ERR_* value
        MbedtlsComposite, // high-level + low-level sum, `parts` holds both
        Psa,              // PSA_ERROR_* status
        EspTls,           // ESP_ERR_ESP_TLS_* / ESP_ERR_MBEDTLS_* (esp_err_t 0x8000 block)
        EspErr,           // other esp_err_t (generic, HTTP client, httpd, tcp_transport...)
        X509Flags,        // verify-result bit set, `parts` holds one entry per bit
        Vendor,           // WICED result codes and other vendor numbering
        LegacyNumbering,  // XySSL/TropicSSL-era numbering (always an inference)
    };

    Kind kind = Kind::Mbedtls;
    QString interpretation; // how the input was read, in words: "read as negative hex -0x7500"
    qint64 value = 0;   // the code this reading is about, as the library defines it (e.g. -29952)
    QString canonical;  // the conventional spelling: "-0x7500", "0x801A", "0x00000208"
    QString name;       // MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE
    QString module;     // "SSL", "X509", "esp-tls", "PSA", "WICED"
    QString meaning;    // plain words
    QStringList causes; // likely causes on embedded devices
    QStringList fixes;  // concrete: Kconfig option and value, or the server-side change
    QStringList
        versions; // versions defining this value with this meaning ("2.16", "2.28", or IDF ranges)
    QString versionNote;    // how the meaning changed across versions, if it did
    QStringList references; // where to read more
    QString
        diagnosisId; // stable diagnosis id from resources/data/diagnoses/diagnoses.json, when one applies
    bool inference = false; // true when the reading is our inference rather than a defined value
    QList<Reading> parts;   // composite halves / individual X.509 flags
    int score = 0;          // higher = more plausible; readings are sorted by it
};

struct DecodeResult
{
    QString input;           // as given, trimmed
    QList<Reading> readings; // best first; empty when nothing matched
    QString message;         // when empty readings: the clear answer ("not a known code; ...")
    QStringList closest;     // nearby known codes when nothing matched exactly

    bool known() const { return !readings.isEmpty(); }
};

// Decodes every form users paste (see docs/cli.md). Loads the embedded error database once;
// safe to call from any thread after construction.
class ErrorDecoder
{
public:
    static const ErrorDecoder &instance();

    DecodeResult decode(QStringView input, const DecodeOptions &options = {}) const;

private:
    ErrorDecoder();
    struct Data;
    const Data *d;
};

} // namespace Forgeline::Tls
