// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/errordecoder.h"

#include "core/tls/codeparser.h"
#include "core/tls/errordatabase.h"
#include "core/tls/readingbuilder.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace Forgeline::Tls {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::ErrorDecoder)
};

} // namespace

struct ErrorDecoder::Data
{
    ErrorDatabase db;
};

namespace {

// Plausibility bonuses on top of the parser's base weight. Defined values beat inferences,
// values matching the pinned version beat the others.
constexpr int ExactInVersion = 40;
constexpr int ExactOtherVersion = 5;
constexpr int PsaMatch = 45;
constexpr int CompositeMatch = 25;
constexpr int EspTlsMatching = 40;
constexpr int EspTlsCurrent = 35;
constexpr int EspTlsOld = 30;
constexpr int EspTlsOtherIdf = 5;
constexpr int EspErrMatch = 30;
constexpr int WicedMatch = 35;
constexpr int LegacyMatch = 15;
constexpr int FlagsHinted = 60;
constexpr int FlagsFallback = 5;
constexpr int MissingSignPenalty = 5;
constexpr int Wrap16Penalty = 10;

// Numbers used only before the ESP-IDF v4.4 renumbering (docs/dev/tls.md, "ESP-IDF esp-tls codes").
bool oldEspTlsNumbering(const EspTlsEntry &e)
{
    const auto to = IdfVersion::parse(e.idfTo);
    return !e.idfTo.isEmpty() && to && to->compare(IdfVersion{4, 4, 0}) < 0;
}

// With the device's IDF known, its numbering wins; without it the current numbering ranks first.
int espTlsBonus(const ReadingBuilder &b, const EspTlsEntry &e)
{
    if (b.idf())
        return b.idfMatches(e) ? EspTlsMatching : EspTlsOtherIdf;
    return oldEspTlsNumbering(e) ? EspTlsOld : EspTlsCurrent;
}

class Collector
{
public:
    Collector(const ErrorDatabase &db, const ReadingBuilder &builder) : m_db(db), m_b(builder) {}

    void add(Reading r, int score, const QString &interpretation)
    {
        const QString key = QString::number(int(r.kind)) + r.canonical + r.name;
        for (Reading &existing : m_out) {
            if (QString::number(int(existing.kind)) + existing.canonical + existing.name == key) {
                existing.score = std::max(existing.score, score);
                return;
            }
        }
        r.score = score;
        if (r.interpretation.isEmpty())
            r.interpretation = interpretation;
        m_out << r;
    }

    // A negative value as mbedTLS / PSA / legacy code.
    void negative(qint64 code, int weight, const QString &how, bool wrapped16)
    {
        if (code >= 0 || code < -0x7FFF)
            return;
        const int m = int(-code);
        if (code == -1) {
            if (const SimpleEntry *fail = m_db.espErr(-1))
                add(m_b.espErr(*fail), weight + EspErrMatch - 10, how);
        }
        if (m >= 128 && m <= 255) { // PSA first: these are never high+low pairs
            if (const SimpleEntry *p = m_db.psa(code))
                add(m_b.psa(*p), weight + PsaMatch, how);
            return;
        }
        const auto exact = m_db.mbedtlsByValue(int(code));
        for (const MbedtlsEntry *e : exact)
            add(m_b.mbedtls(*e), weight + (m_b.inPinned(*e) ? ExactInVersion : ExactOtherVersion),
                how);
        if (exact.isEmpty() && !wrapped16)
            compositeOf(m, weight, how);
        if (const SimpleEntry *l = m_db.legacy(code))
            add(m_b.legacy(*l), weight + LegacyMatch + (wrapped16 ? 10 : 0), how);
    }

    void compositeOf(int magnitude, int weight, const QString &how)
    {
        const int high = magnitude & 0xFF80;
        const int low = magnitude & 0x7F;
        if (high == 0 || low == 0)
            return;
        const auto highs = m_db.mbedtlsByValue(-high);
        const auto lows = m_db.mbedtlsByValue(-low);
        for (const MbedtlsEntry *h : highs) {
            for (const MbedtlsEntry *l : lows) {
                bool shared = false;
                for (MbedtlsVersion v : h->versions)
                    shared = shared || l->versions.contains(v);
                if (!shared)
                    continue;
                int score = weight + CompositeMatch;
                if (!m_b.inPinned(*h) || !m_b.inPinned(*l))
                    score -= CompositeMatch;
                if (h->module == QStringLiteral("SSL"))
                    continue; // the SSL layer passes lower codes through instead of adding them
                add(m_b.composite(*h, *l), score, how);
            }
        }
    }

    void espTls(qint64 value, int weight, const QString &how)
    {
        for (const EspTlsEntry *e : m_db.espTlsByValue(int(value)))
            add(m_b.espTls(*e), weight + espTlsBonus(m_b, *e), how);
    }

    QList<Reading> take()
    {
        std::stable_sort(m_out.begin(), m_out.end(),
                         [](const Reading &a, const Reading &b) { return a.score > b.score; });
        return m_out;
    }
    bool empty() const { return m_out.isEmpty(); }
    qsizetype size() const { return m_out.size(); }
    void appendToInterpretations(const QString &text)
    {
        for (Reading &r : m_out)
            r.interpretation += text;
    }

private:
    const ErrorDatabase &m_db;
    const ReadingBuilder &m_b;
    QList<Reading> m_out;
};

QString describe(const NumberReading &n)
{
    const QString base
        = n.base == NumberReading::Base::Hex ? QStringLiteral("hex") : QStringLiteral("decimal");
    return QStringLiteral("%1 %2").arg(base, n.base == NumberReading::Base::Hex
                                                 ? ReadingBuilder::hexCode(n.value, 1)
                                                 : QString::number(n.value));
}

bool allBitsAreFlags(const ErrorDatabase &db, quint64 v)
{
    quint64 known = 0;
    for (const SimpleEntry &f : db.x509Flags())
        known |= quint64(f.value);
    return v != 0 && (v & ~known) == 0;
}

void decodeNumber(const ErrorDatabase &db, const ReadingBuilder &b, Collector &c,
                  const ParsedCode &parsed, const NumberReading &n)
{
    const qint64 v = n.value;
    const int w = n.weight;
    const QString as = describe(n);
    const bool flagsPreferred = parsed.flagsHint || n.zeroPadded8;
    if (flagsPreferred && v >= 0 && v <= 0xFFFFFFFFLL)
        c.add(b.flags(quint32(v)), w + FlagsHinted,
              Tr::tr("read as X.509 verify-result flags (%1)").arg(as));
    if (parsed.flagsHint)
        return;
    if (v == 0) {
        c.add(b.success(), w + 20, QStringLiteral("zero"));
        return;
    }
    if (v < 0) {
        c.negative(v, w, Tr::tr("read as %1").arg(as), false);
        return;
    }
    if (v >= 0x8000 && v <= 0x80FF)
        c.espTls(v, w, Tr::tr("read as esp_err_t %1").arg(ReadingBuilder::hexCode(v)));
    if (const SimpleEntry *e = db.espErr(v))
        c.add(b.espErr(*e), w + EspErrMatch,
              Tr::tr("read as esp_err_t %1").arg(ReadingBuilder::hexCode(v, 1)));
    if (n.base == NumberReading::Base::Decimal) {
        if (const SimpleEntry *e = db.wiced(v))
            c.add(b.wiced(*e), w + WicedMatch,
                  Tr::tr("read as a WICED result code (decimal %1)").arg(v));
    }
    if (v <= 0x7FFF) {
        c.negative(
            -v, w - MissingSignPenalty,
            Tr::tr(
                "read as %1 with the minus sign restored (%2); esp-tls stores the mbedTLS code positive")
                .arg(as, ReadingBuilder::hexCode(-v)),
            false);
    } else if (v <= 0xFFFF) {
        c.negative(v - 0x10000, w - Wrap16Penalty,
                   Tr::tr("read as %1 truncated to 16 bits: %2 as int16 is %3 (%4)")
                       .arg(as, ReadingBuilder::hexCode(v))
                       .arg(v - 0x10000)
                       .arg(ReadingBuilder::hexCode(v - 0x10000)),
                   true);
    } else if (v >= 0x80000000LL && v <= 0xFFFFFFFFLL) {
        c.negative(v - 0x100000000LL, w,
                   Tr::tr("read as %1, a negative 32-bit int printed unsigned: %2 (%3)")
                       .arg(as)
                       .arg(v - 0x100000000LL)
                       .arg(ReadingBuilder::hexCode(v - 0x100000000LL)),
                   false);
        if (v == 0xFFFFFFFFLL)
            c.add(b.flags(0xFFFFFFFFu), w + 10,
                  Tr::tr("read as the value of mbedtls_ssl_get_verify_result()"));
    }
}

QStringList matchingNames(const ErrorDatabase &db, const QString &name)
{
    QString wanted = name;
    if (wanted.startsWith(QStringLiteral("WICED_TLS_")))
        wanted = wanted.mid(6);
    if (db.allNames().contains(wanted))
        return {wanted};
    QStringList out;
    const QString suffix = QLatin1Char('_') + wanted;
    for (const QString &n : db.allNames()) {
        if (n.endsWith(suffix))
            out << n;
    }
    return out;
}

void decodeName(const ErrorDatabase &db, const ReadingBuilder &b, Collector &c, const QString &name)
{
    const QStringList names = matchingNames(db, name);
    const int w = names.size() == 1 ? 100 : 80;
    for (const QString &full : names) {
        const QString how = full == name ? Tr::tr("read as the name %1").arg(full)
                                         : Tr::tr("short name %1 matches %2").arg(name, full);
        for (const MbedtlsEntry *e : db.mbedtlsByName(full))
            c.add(b.mbedtls(*e), w + (b.inPinned(*e) ? ExactInVersion : ExactOtherVersion), how);
        if (b.pinned() == MbedtlsVersion::V4_0 || db.mbedtlsByName(full).isEmpty()) {
            const QString alias = db.psaAliasOf(full);
            for (const SimpleEntry &p : db.psaEntries()) {
                if (!alias.isEmpty() && p.name == alias)
                    c.add(b.psa(p),
                          w
                              + (b.pinned() == MbedtlsVersion::V4_0 ? ExactInVersion + 5
                                                                    : ExactOtherVersion),
                          Tr::tr("%1 is %2 in mbedTLS 4.0").arg(full, alias));
            }
        }
        for (const EspTlsEntry *e : db.espTlsByName(full))
            c.add(b.espTls(*e), w + espTlsBonus(b, *e), how);
        for (const SimpleEntry &e : db.psaEntries())
            if (e.name == full)
                c.add(b.psa(e), w + PsaMatch, how);
        for (const SimpleEntry &e : db.espErrEntries())
            if (e.name == full)
                c.add(b.espErr(e), w + EspErrMatch, how);
        for (const SimpleEntry &e : db.wicedEntries())
            if (e.name == full)
                c.add(b.wiced(e), w + WicedMatch, how);
        for (const SimpleEntry &e : db.legacyEntries())
            if (e.name == full)
                c.add(b.legacy(e), w + LegacyMatch, how);
        for (const SimpleEntry &e : db.x509Flags())
            if (e.name == full)
                c.add(b.flags(quint32(e.value)), w + FlagsHinted, how);
    }
}

// Nearby known codes for the "not a known code" answer.
QStringList closestNumbers(const ErrorDatabase &db, const QList<NumberReading> &numbers)
{
    // Rank by distance first and spell out only the winners: this runs on every unknown input.
    struct Candidate
    {
        qint64 distance;
        qint64 value;
        const QString *name;
    };
    QList<Candidate> scored;
    for (const NumberReading &n : numbers) {
        if (n.value >= 0x8000 && n.value <= 0x80FF) { // the esp-tls block: nearest esp-tls codes
            for (const EspTlsEntry &e : db.espTlsEntries())
                scored.append({std::llabs(e.value - n.value), e.value, &e.name});
            continue;
        }
        qint64 target = n.value;
        if (target > 0 && target <= 0x7FFF)
            target = -target;
        else if (target > 0x7FFF && target <= 0xFFFF)
            target -= 0x10000;
        else if (target >= 0x80000000LL && target <= 0xFFFFFFFFLL)
            target -= 0x100000000LL;
        if (target < -0x7FFF || target >= 0)
            continue;
        for (const MbedtlsEntry &e : db.mbedtlsEntries())
            scored.append({std::llabs(e.value - target), e.value, &e.name});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Candidate &a, const Candidate &b) {
        return a.distance < b.distance;
    });
    QStringList out;
    for (const Candidate &c : std::as_const(scored)) {
        const QString text = ReadingBuilder::hexCode(c.value) + QLatin1Char(' ') + *c.name;
        if (!out.contains(text))
            out << text;
        if (out.size() == 3)
            break;
    }
    return out;
}

// Levenshtein distance, abandoned as soon as it must exceed `limit` (returns limit + 1 then).
// Stack buffers only: this runs against every known name for each unknown one.
int boundedEditDistance(QStringView a, QStringView b, int limit)
{
    constexpr int MaxLength = 72;
    if (a.size() >= MaxLength || b.size() >= MaxLength)
        return limit + 1;
    std::array<int, MaxLength> prev{}, cur{};
    for (int j = 0; j <= b.size(); ++j)
        prev[size_t(j)] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= b.size(); ++j) {
            const int substitution = prev[size_t(j - 1)] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            cur[size_t(j)] = std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, substitution});
            rowMin = std::min(rowMin, cur[size_t(j)]);
        }
        if (rowMin > limit)
            return limit + 1;
        std::swap(prev, cur);
    }
    return prev[size_t(b.size())];
}

QStringList closestNames(const ErrorDatabase &db, const QString &name)
{
    const int limit = std::max(3, int(name.size()) / 4);
    // Only names sharing a distinctive word are worth an edit distance ("CONN" in CONN_EOFF).
    QList<QStringView> words;
    for (QStringView w : QStringView(name).split(QLatin1Char('_'), Qt::SkipEmptyParts)) {
        if (w.size() >= 3 && w != u"MBEDTLS" && w != u"ERR" && w != u"ESP" && w != u"ERROR")
            words << w;
    }
    QList<QPair<int, QString>> scored;
    for (const QString &n : db.allNames()) {
        if (n.contains(name)) {
            scored.append({0, n});
            continue;
        }
        if (!words.isEmpty() && std::none_of(words.cbegin(), words.cend(), [&n](QStringView w) {
                return n.contains(w);
            }))
            continue;
        // Compare with the same-length tail, so a missing prefix (MBEDTLS_ERR_) costs nothing.
        const QStringView tail = QStringView(n).right(std::min(n.size(), name.size() + 2));
        const int distance = boundedEditDistance(tail, name, limit);
        if (distance <= limit)
            scored.append({distance, n});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList out;
    for (const auto &s : scored) {
        out << s.second;
        if (out.size() == 3)
            break;
    }
    return out;
}

} // namespace

const ErrorDecoder &ErrorDecoder::instance()
{
    static const ErrorDecoder decoder;
    return decoder;
}

ErrorDecoder::ErrorDecoder() : d(new Data) {}

DecodeResult ErrorDecoder::decode(QStringView input, const DecodeOptions &options) const
{
    DecodeResult result;
    result.input = input.trimmed().toString();
    if (result.input.size() > 200)
        result.input = result.input.left(200);

    std::optional<IdfVersion> idf;
    std::optional<MbedtlsVersion> pinned = options.mbedtls;
    if (!options.idfVersion.isEmpty()) {
        idf = IdfVersion::parse(options.idfVersion);
        if (!pinned)
            pinned = mbedtlsForIdf(options.idfVersion);
    }
    const ReadingBuilder builder(d->db, pinned, idf);
    Collector collector(d->db, builder);

    const ParsedCode parsed = parseCode(input);
    switch (parsed.kind) {
    case ParsedCode::Kind::Empty:
        result.message = Tr::tr(
            "Nothing to decode: paste an error code such as -0x7500, -29952, FFFF8B00 or MBEDTLS_ERR_SSL_CONN_EOF.");
        return result;
    case ParsedCode::Kind::Invalid:
        result.message
            = Tr::tr(
                  "Not a known code: %1. Paste the number as printed (e.g. -0x7500, -29952, (FFFFD900)) or a macro name.")
                  .arg(parsed.problem);
        return result;
    case ParsedCode::Kind::Name: decodeName(d->db, builder, collector, parsed.name); break;
    case ParsedCode::Kind::Number: {
        QStringList barren; // bases that explained nothing, said so on the readings of the others
        for (const NumberReading &n : parsed.numbers) {
            const qsizetype before = collector.size();
            decodeNumber(d->db, builder, collector, parsed, n);
            if (collector.size() == before && parsed.numbers.size() > 1)
                barren << describe(n);
        }
        if (!barren.isEmpty() && !collector.empty())
            collector.appendToInterpretations(Tr::tr("; read as %1 it matches no known code")
                                                  .arg(barren.join(QStringLiteral(" or "))));
        if (collector.empty()) {
            // Last resort: a positive value made only of verify-flag bits.
            for (const NumberReading &n : parsed.numbers) {
                const bool espTlsBlock
                    = n.value >= 0x8000 && n.value <= 0x80FF; // an esp-tls code we lack
                if (n.value > 0 && n.base == NumberReading::Base::Hex && !espTlsBlock
                    && allBitsAreFlags(d->db, quint64(n.value)))
                    collector.add(
                        builder.flags(quint32(n.value)), n.weight + FlagsFallback,
                        Tr::tr(
                            "read as X.509 verify-result flags (%1), because no error code has this value")
                            .arg(describe(n)));
            }
        }
        break;
    }
    }

    result.readings = collector.take();
    if (result.readings.isEmpty()) {
        result.closest = parsed.kind == ParsedCode::Kind::Name
                             ? closestNames(d->db, parsed.name)
                             : closestNumbers(d->db, parsed.numbers);
        result.message
            = Tr::tr(
                  "Not a known code: no mbedTLS, PSA, esp-tls, ESP-IDF, WICED or X.509 value matches \"%1\".")
                  .arg(parsed.cleaned);
        if (!result.closest.isEmpty())
            result.message
                += Tr::tr(" Closest readings: %1.").arg(result.closest.join(QStringLiteral("; ")));
    }
    return result;
}

} // namespace Forgeline::Tls
