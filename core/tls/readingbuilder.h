// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/errordatabase.h"
#include "core/tls/idfversions.h"

#include <optional>

namespace Forgeline::Tls {

// Turns table rows into user-facing Readings: names, versions, advice. No parsing, no ranking.
class ReadingBuilder
{
public:
    ReadingBuilder(const ErrorDatabase &db, std::optional<MbedtlsVersion> pinned,
                   std::optional<IdfVersion> idf);

    static QString hexCode(qint64 value, int width = 4); // -0x7500, 0x801A

    Reading mbedtls(const MbedtlsEntry &entry) const;
    bool inPinned(const MbedtlsEntry &entry) const;
    Reading composite(const MbedtlsEntry &high, const MbedtlsEntry &low) const;
    Reading psa(const SimpleEntry &entry) const;
    Reading espTls(const EspTlsEntry &entry) const;
    bool idfMatches(const EspTlsEntry &entry) const; // false when no IDF version was given
    Reading espErr(const SimpleEntry &entry) const;
    Reading wiced(const SimpleEntry &entry) const;
    Reading legacy(const SimpleEntry &entry) const;
    Reading flags(quint32 bits) const; // parts: one per set bit
    Reading success() const;

    std::optional<MbedtlsVersion> pinned() const { return m_pinned; }
    std::optional<IdfVersion> idf() const { return m_idf; }

private:
    void applyKnowledge(Reading &r, const QString &key) const;

    const ErrorDatabase &m_db;
    std::optional<MbedtlsVersion> m_pinned;
    std::optional<IdfVersion> m_idf;
};

} // namespace Forgeline::Tls
