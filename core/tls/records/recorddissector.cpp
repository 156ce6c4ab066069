// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/records/recorddissector.h"

#include "core/common/translations.h"

#include "core/tls/handshaketrace.h"
#include "core/tls/records/handshakedetails.h"
#include "core/tls/records/handshakefacts.h"

#include <QCoreApplication>

namespace Forgeline::Tls {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return Translations::translateFirst({"Forgeline::Tls::RecordDissector", "Forgeline::Tls"}, text,
                                        disambiguation, n);
}

constexpr int kHeader = 5;
// Ciphertext says nothing byte by byte: its header and first bytes are kept for the hex pane,
// the rest is only counted (copying every application-data record cost more than parsing).
constexpr qsizetype kKeptCiphertext = 64;
// RFC 5246 §6.2.3 caps TLSCiphertext.length at 2^14 + 2048; a larger length with a valid type
// and version is still taken as a record (reported as record-too-large), not as "not TLS".

bool knownContentType(quint8 t) { return t >= 20 && t <= 25; }

quint32 be16(QByteArrayView v, qsizetype at)
{
    return (quint32(quint8(v[at])) << 8) | quint8(v[at + 1]);
}

QString preview(QByteArrayView head)
{
    QString text;
    for (char c : head.first(std::min<qsizetype>(head.size(), 24)))
        text += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QChar(u'.');
    return text;
}

QString sideName(RecordDirection d)
{
    return d == RecordDirection::ClientToServer ? tr("client→server") : tr("server→client");
}

} // namespace

QString directionId(RecordDirection d)
{
    return d == RecordDirection::ClientToServer ? QStringLiteral("c2s") : QStringLiteral("s2c");
}

QString fragmentId(FragmentKind f)
{
    switch (f) {
    case FragmentKind::Whole: return QStringLiteral("whole");
    case FragmentKind::First: return QStringLiteral("first");
    case FragmentKind::Middle: return QStringLiteral("middle");
    case FragmentKind::Last: return QStringLiteral("last");
    }
    return {};
}

bool looksLikeTlsRecord(QByteArrayView head)
{
    if (head.size() >= 3 && (quint8(head[0]) & 0x80) && head[2] == 1)
        return true; // SSLv2-compatible ClientHello
    return head.size() >= 3 && knownContentType(quint8(head[0])) && head[1] == 3
           && quint8(head[2]) <= 4;
}

RecordDissector::RecordDissector(TlsStream &stream, const DissectLimits &limits, qint64 &keptBytes)
    : m_stream(stream), m_limits(limits), m_keptBytes(keptBytes)
{}

void RecordDissector::startsMidway(RecordDirection dir)
{
    Side &s = side(dir);
    if (!s.sawData)
        s.resync = true;
}

qsizetype RecordDissector::recordSize(RecordDirection dir, const Side &s, QByteArrayView head,
                                      bool &notTls) const
{
    notTls = false;
    if (head.isEmpty())
        return 0;
    const quint8 first = quint8(head[0]);
    if ((first & 0x80) && dir == RecordDirection::ClientToServer && s.offset == 0) {
        // SSLv2 record header: 2-byte length with the top bit set, then msg_type 1 (CLIENT-HELLO).
        if (head.size() < 3)
            return 0;
        if (head[2] != 1) {
            notTls = true;
            return -1;
        }
        return 2 + qsizetype(((first & 0x7f) << 8) | quint8(head[1]));
    }
    if (!knownContentType(first) || (head.size() >= 2 && head[1] != 3)
        || (head.size() >= 3 && quint8(head[2]) > 4)) {
        notTls = true;
        return -1;
    }
    if (head.size() < kHeader)
        return 0;
    return kHeader + qsizetype(be16(head, 3));
}

qsizetype RecordDissector::findBoundary(QByteArrayView data) const
{
    for (qsizetype i = 0; i + kHeader <= data.size(); ++i) {
        const quint8 t = quint8(data[i]);
        if (t < 20 || t > 23 || data[i + 1] != 3 || quint8(data[i + 2]) > 4)
            continue;
        const quint32 len = be16(data, i + 3);
        if (len == 0 || len > 16384 + 2048)
            continue;
        const qsizetype next = i + kHeader + qsizetype(len);
        // When the following header is in view it must be plausible too.
        if (next + 3 <= data.size() && !looksLikeTlsRecord(data.sliced(next, 3)))
            continue;
        return i;
    }
    return -1;
}

void RecordDissector::noteNotTls(RecordDirection dir, Side &s, QByteArrayView head)
{
    s.stopped = true;
    m_stream.notes << tr("%1 data at byte %2 is not TLS (starts with \"%3\"); the rest of that "
                         "direction is skipped.")
                          .arg(sideName(dir))
                          .arg(s.offset)
                          .arg(preview(head));
}

void RecordDissector::feed(RecordDirection dir, QByteArrayView data, qint64 position)
{
    Side &s = side(dir);
    if (data.isEmpty() || s.stopped)
        return;
    s.sawData = true;
    consume(dir, s, data, position);
}

bool RecordDissector::bodyNotNeeded(const Side &s, QByteArrayView head) const
{
    if (head.size() < kHeader || (quint8(head[0]) & 0x80))
        return false;
    const quint8 type = quint8(head[0]);
    // Same rule as TlsRecord::encrypted in addRecord.
    return type == 23 || (s.encrypted && type != 20 && !(type == 21 && be16(head, 3) == 2));
}

void RecordDissector::appendPending(Side &s, QByteArrayView data, bool clip)
{
    if (!clip || s.pendingSkipped == 0) {
        const qsizetype room
            = clip ? std::max<qsizetype>(0, kKeptCiphertext - s.pending.size()) : data.size();
        const qsizetype kept = std::min(room, data.size());
        s.pending.append(data.first(kept));
        data = data.sliced(kept);
    }
    s.pendingSkipped += quint64(data.size());
}

void RecordDissector::takePending(Side &s, QByteArray &bytes, quint64 &notKept)
{
    bytes = std::move(s.pending);
    notKept = s.pendingSkipped;
    s.pending.clear();
    s.pendingSkipped = 0;
}

void RecordDissector::consume(RecordDirection dir, Side &s, QByteArrayView data, qint64 position)
{
    while (!data.isEmpty() && !s.stopped) {
        if (s.resync) {
            s.pending.append(data);
            data = {};
            const qsizetype at = findBoundary(s.pending);
            if (at < 0) {
                // Keep the tail in case a header straddles the next chunk.
                const qsizetype drop = std::max<qsizetype>(0, s.pending.size() - (kHeader + 2));
                s.skipped += quint64(drop);
                s.offset += quint64(drop);
                s.pending.remove(0, drop);
                return;
            }
            s.skipped += quint64(at);
            s.offset += quint64(at);
            if (s.skipped > 0)
                m_stream.notes << tr("%1: skipped %n bytes to find the next record boundary.",
                                     nullptr, int(s.skipped))
                                      .arg(sideName(dir));
            s.skipped = 0;
            s.resync = false;
            const QByteArray rest = s.pending.mid(at);
            s.pending.clear();
            consume(dir, s, rest, position);
            return;
        }
        if (s.pending.isEmpty()) {
            // Fast path: whole records straight from the caller's buffer.
            bool notTls = false;
            const qsizetype size = recordSize(dir, s, data, notTls);
            if (notTls)
                return noteNotTls(dir, s, data);
            if (size > 0 && size <= data.size()) {
                addRecord(dir, s, data.first(size), position, false);
                data = data.sliced(size);
                continue;
            }
            s.pending.clear();
            s.pendingSkipped = 0;
            appendPending(s, data, size > 0 && bodyNotNeeded(s, data));
            s.pendingPosition = position;
            return;
        }
        // Complete the buffered record: first its header, then its body.
        bool notTls = false;
        qsizetype size = recordSize(dir, s, s.pending, notTls);
        if (notTls) {
            const QByteArray head = s.pending;
            s.pending.clear();
            return noteNotTls(dir, s, head);
        }
        if (size == 0) {
            const qsizetype take = std::min<qsizetype>(data.size(), kHeader - s.pending.size());
            s.pending.append(data.first(take));
            data = data.sliced(take);
            continue;
        }
        const qsizetype take = std::min<qsizetype>(data.size(), size - pendingSize(s));
        appendPending(s, data.first(take), bodyNotNeeded(s, s.pending));
        data = data.sliced(take);
        if (pendingSize(s) == size) {
            QByteArray record;
            quint64 notKept = 0;
            takePending(s, record, notKept);
            addRecord(dir, s, record, position, false, notKept);
        }
    }
}

void RecordDissector::addRecord(RecordDirection dir, Side &s, QByteArrayView bytes, qint64 position,
                                bool truncated, quint64 notKept)
{
    const bool stored = m_stream.records.size() < m_limits.maxRecordsPerStream;
    if (!stored && m_droppedRecords++ == 0)
        m_stream.notes << tr("Only the first %1 records of this stream are listed.")
                              .arg(m_limits.maxRecordsPerStream);
    TlsRecord &r = stored ? m_stream.records.emplace_back() : (m_scratch = TlsRecord{}, m_scratch);
    r.index = stored ? int(m_stream.records.size() - 1) : -1;
    r.dir = dir;
    r.position = position;
    r.streamOffset = s.offset;
    r.truncated = truncated;
    r.missingBytes = s.pendingMissing;
    s.pendingMissing = 0;
    const quint8 first = quint8(bytes[0]);
    QByteArrayView payload;
    if ((first & 0x80) && bytes.size() >= 3 && bytes[2] == 1 && s.offset == 0) {
        r.sslv2 = true;
        r.type = 0x80;
        r.length = ((first & 0x7f) << 8) | quint8(bytes[1]);
        r.version = bytes.size() >= 5 ? quint16(be16(bytes, 3)) : 0;
        payload = bytes.sliced(2);
    } else {
        r.type = first;
        r.version = bytes.size() >= 3 ? quint16(be16(bytes, 1)) : 0;
        r.length = bytes.size() >= kHeader ? be16(bytes, 3) : 0;
        payload = bytes.size() >= kHeader ? bytes.sliced(kHeader) : QByteArrayView();
        // Application data is always protected; after a key change everything but CCS is.
        r.encrypted
            = r.type == 23 || (s.encrypted && r.type != 20 && !(r.type == 21 && r.length == 2));
    }
    const quint64 fullSize = quint64(bytes.size()) + notKept;
    s.offset += fullSize;
    m_stream.bytes[dir == RecordDirection::ClientToServer ? 0 : 1] += fullSize;
    const QByteArrayView kept
        = r.encrypted ? bytes.first(std::min(bytes.size(), kKeptCiphertext)) : bytes;
    if (stored && m_keptBytes + kept.size() <= m_limits.keptRecordBytes) {
        r.bytes = kept.toByteArray();
        r.clipped = quint64(kept.size()) < fullSize;
        m_keptBytes += kept.size();
    }

    if (r.sslv2) {
        HandshakeMessage &m = m_stream.messages.emplace_back();
        m.index = int(m_stream.messages.size() - 1);
        m.dir = dir;
        m.type = 1;
        m.name = tr("ClientHello (SSLv2 format)");
        m.length = quint32(payload.size());
        m.complete = !truncated;
        m.records << r.index;
        m.details.name = m.name;
        if (payload.size() >= 9) {
            m.details.add(tr("version"),
                          QStringLiteral("0x%1").arg(be16(payload, 1), 4, 16, QLatin1Char('0')));
            m.details.add(tr("cipher specs"), tr("%n entries", nullptr, int(be16(payload, 3) / 3)));
        }
        r.pieces.append(MessagePiece{m.index, 1, m.name, m.length, FragmentKind::Whole, 2,
                                     int(payload.size())});
        return;
    }
    if (r.type == 22 && !r.encrypted) {
        handshakeRecord(dir, s, r, payload);
    } else if (r.type == 21 && !r.encrypted) {
        for (qsizetype i = 0; i + 2 <= payload.size(); i += 2) {
            if (i == 0) {
                r.alertLevel = quint8(payload[0]);
                r.alertDescription = quint8(payload[1]);
            }
            m_stream.alerts.append(
                TlsAlert{dir, r.index, position, quint8(payload[i]), quint8(payload[i + 1])});
        }
    } else if (r.type == 20 && !m_stream.tls13) {
        s.encrypted = true; // TLS 1.2: every later record this side sends is protected
    }
}

void RecordDissector::handshakeRecord(RecordDirection dir, Side &s, TlsRecord &record,
                                      QByteArrayView payload)
{
    qsizetype pos = 0;
    while (pos < payload.size()) {
        if (s.message >= 0) {
            HandshakeMessage &m = m_stream.messages[s.message];
            const qsizetype take = std::min<qsizetype>(s.remaining, payload.size() - pos);
            s.remaining -= quint32(take);
            if (s.keepBody)
                s.body.append(payload.sliced(pos, take));
            s.bodyHoles = s.bodyHoles || record.missingBytes > 0;
            record.pieces.append(
                MessagePiece{m.index, m.type, m.name, m.length,
                             s.remaining == 0 ? FragmentKind::Last : FragmentKind::Middle,
                             kHeader + int(pos), int(take)});
            if (record.index >= 0)
                m.records << record.index;
            pos += take;
            if (s.remaining == 0)
                completeMessage(dir, s);
            continue;
        }
        const qsizetype headerStart = pos;
        const qsizetype needHeader = 4 - s.header.size();
        const qsizetype takeHeader = std::min<qsizetype>(needHeader, payload.size() - pos);
        const bool headerWasSplit = !s.header.isEmpty();
        s.header.append(payload.sliced(pos, takeHeader));
        pos += takeHeader;
        if (s.header.size() < 4) {
            m_stream.notes
                << tr("A handshake message header is split over two records (record %1).")
                       .arg(record.index + 1);
            break;
        }
        HandshakeMessage &m = m_stream.messages.emplace_back();
        m.index = int(m_stream.messages.size() - 1);
        m.dir = dir;
        m.type = quint8(s.header[0]);
        m.name = handshakeTypeName(m.type);
        m.length = (quint32(quint8(s.header[1])) << 16) | (quint32(quint8(s.header[2])) << 8)
                   | quint8(s.header[3]);
        if (record.index >= 0)
            m.records << record.index;
        s.header.clear();
        s.bodyHoles = record.missingBytes > 0;
        const qsizetype available = payload.size() - pos;
        if (available >= qsizetype(m.length)) {
            record.pieces.append(
                MessagePiece{m.index, m.type, m.name, m.length,
                             headerWasSplit ? FragmentKind::Last : FragmentKind::Whole,
                             kHeader + int(headerStart), int(pos - headerStart) + int(m.length)});
            s.message = m.index;
            s.remaining = 0;
            s.keepBody = true;
            s.body = payload.sliced(pos, m.length).toByteArray();
            pos += m.length;
            completeMessage(dir, s);
        } else {
            record.pieces.append(MessagePiece{m.index, m.type, m.name, m.length,
                                              FragmentKind::First, kHeader + int(headerStart),
                                              int(payload.size() - headerStart)});
            s.message = m.index;
            s.remaining = m.length - quint32(available);
            s.keepBody = m.length <= m_limits.maxMessageBytes;
            s.body = s.keepBody ? payload.sliced(pos).toByteArray() : QByteArray();
            pos = payload.size();
        }
    }
}

void RecordDissector::completeMessage(RecordDirection dir, Side &s)
{
    HandshakeMessage &m = m_stream.messages[s.message];
    m.complete = true;
    m.missingBytes = s.bodyHoles;
    if (s.bodyHoles) {
        m.details.name = m.name;
        m.details.add(tr("body"),
                      tr("not decoded: bytes of its record are missing from the input"));
    } else if (s.keepBody && m_limits.decodeDetails) {
        decodeHandshakeBody(m, s.body, m_stream.tls13);
    } else if (s.keepBody) {
        decodeHandshakeFacts(m, s.body, m_stream.tls13);
    } else {
        m.details.add(tr("body"), tr("too large to decode (%1 bytes)").arg(m.length));
    }
    s.message = -1;
    s.body.clear();
    s.keepBody = false;
    if (m.type == 2 && dir == RecordDirection::ServerToClient && !m.helloRetry) {
        m_stream.serverVersion = m.selectedVersion;
        if (m.selectedVersion == 0x0304) {
            // RFC 8446 §2: everything after ServerHello is protected, in both directions.
            m_stream.tls13 = true;
            m_sides[0].encrypted = true;
            m_sides[1].encrypted = true;
        }
    }
}

void RecordDissector::gap(RecordDirection dir, quint64 bytes, qint64 position)
{
    Side &s = side(dir);
    if (s.stopped)
        return;
    m_stream.gaps.append(StreamGap{dir, s.offset + quint64(pendingSize(s)), bytes, position});
    if (!s.resync && s.pending.size() >= kHeader) {
        // A hole inside a record whose header we have: keep the framing, fill the hole, so the
        // messages after it in the same record are still found (a pasted dump with rows left out).
        bool notTls = false;
        const qsizetype size = recordSize(dir, s, s.pending, notTls);
        if (!notTls && size > 0 && pendingSize(s) + qint64(bytes) < size) {
            if (bodyNotNeeded(s, s.pending))
                s.pendingSkipped += bytes;
            else
                s.pending.append(QByteArray(qsizetype(bytes), '\0'));
            s.pendingMissing += quint32(bytes);
            return;
        }
    }
    if (!s.pending.isEmpty() && !s.resync) {
        QByteArray partial;
        quint64 notKept = 0;
        takePending(s, partial, notKept);
        addRecord(dir, s, partial, s.pendingPosition, true, notKept);
    }
    s.pending.clear();
    s.pendingSkipped = 0;
    if (s.message >= 0) {
        m_stream.notes << tr("%1 is incomplete: data is missing from the capture.")
                              .arg(m_stream.messages[s.message].name);
        s.message = -1;
        s.body.clear();
    }
    s.header.clear();
    s.offset += bytes;
    s.resync = true;
}

void RecordDissector::finish()
{
    for (int i = 0; i < 2; ++i) {
        const RecordDirection dir
            = i == 0 ? RecordDirection::ClientToServer : RecordDirection::ServerToClient;
        Side &s = m_sides[i];
        if (!s.pending.isEmpty() && !s.resync && !s.stopped) {
            QByteArray partial;
            quint64 notKept = 0;
            takePending(s, partial, notKept);
            addRecord(dir, s, partial, s.pendingPosition, true, notKept);
            m_stream.notes << tr("%1: the input ends inside a record (%n bytes of it present).",
                                 nullptr, int(partial.size() + qsizetype(notKept)))
                                  .arg(sideName(dir));
        } else if (s.resync && s.pending.size() + qsizetype(s.skipped) > 0) {
            m_stream.notes << tr("%1: %n bytes without a recognisable record boundary.", nullptr,
                                 int(s.pending.size() + qsizetype(s.skipped)))
                                  .arg(sideName(dir));
        }
        s.pending.clear();
        if (s.message >= 0) {
            HandshakeMessage &m = m_stream.messages[s.message];
            m_stream.notes << tr("%1 (%2) is incomplete: %n bytes of it never arrived.", nullptr,
                                 int(s.remaining))
                                  .arg(m.name, sideName(dir));
            s.message = -1;
        }
    }
}

} // namespace Forgeline::Tls
