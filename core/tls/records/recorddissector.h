// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/records/tlsrecord.h"

#include <QByteArrayView>

namespace Forgeline::Tls {

// Limits that keep a huge capture in bounded memory: past them records are still followed
// (state, findings) but their bytes or entries are no longer kept.
struct DissectLimits
{
    qint64 keptRecordBytes = 64ll << 20; // record bytes kept for the hex pane, all streams together
    int maxRecordsPerStream = 200000;
    quint32 maxMessageBytes = 1u << 20; // larger handshake messages are listed, not decoded
    bool decodeDetails = true;          // false: only the facts the findings read (no details tree)
};

// Cuts the two byte streams of one TLS connection into records and the handshake messages
// inside them, incrementally: data arrives in any chunking (TCP segments, log dump rows) and
// only the unfinished record and message are buffered.
class RecordDissector
{
public:
    RecordDissector(TlsStream &stream, const DissectLimits &limits, qint64 &keptBytes);

    // `position` is the frame or line the bytes came from.
    void feed(RecordDirection dir, QByteArrayView data, qint64 position);
    // `bytes` of this direction are missing (a capture gap): the next record is found again by
    // looking for a plausible header.
    void gap(RecordDirection dir, quint64 bytes, qint64 position);
    // The direction's data does not start at the beginning of the connection.
    void startsMidway(RecordDirection dir);
    // End of input: records and messages still open are reported as truncated.
    void finish();

private:
    struct Side
    {
        QByteArray pending; // an unfinished record (header first)
        // Bytes of the unfinished record counted but not kept: an encrypted record keeps only
        // its first kKeptCiphertext bytes, nothing reads the rest (no copy of bulk data).
        quint64 pendingSkipped = 0;
        qint64 pendingPosition = 0;
        quint32 pendingMissing = 0; // zero-filled bytes in `pending` (a gap inside a record)
        quint64 offset = 0;         // bytes of this direction consumed so far
        bool encrypted = false;
        bool resync = false;  // looking for a record boundary after a gap
        quint64 skipped = 0;  // bytes passed over while resynchronising
        bool stopped = false; // not TLS: the rest of this direction is ignored
        bool sawData = false;
        // Handshake reassembly
        QByteArray header;     // a handshake header split over records (< 4 bytes)
        int message = -1;      // the message being reassembled
        quint32 remaining = 0; // body bytes it still needs
        QByteArray body;
        bool keepBody = false;
        bool bodyHoles = false; // the message includes zero-filled bytes
    };

    Side &side(RecordDirection dir)
    {
        return m_sides[dir == RecordDirection::ClientToServer ? 0 : 1];
    }
    void consume(RecordDirection dir, Side &s, QByteArrayView data, qint64 position);
    qsizetype recordSize(RecordDirection dir, const Side &s, QByteArrayView head,
                         bool &notTls) const;
    qsizetype findBoundary(QByteArrayView data) const;
    void addRecord(RecordDirection dir, Side &s, QByteArrayView bytes, qint64 position,
                   bool truncated, quint64 notKept = 0);
    bool bodyNotNeeded(const Side &s, QByteArrayView head) const;
    static qint64 pendingSize(const Side &s) { return s.pending.size() + qint64(s.pendingSkipped); }
    void appendPending(Side &s, QByteArrayView data, bool clip);
    void takePending(Side &s, QByteArray &bytes, quint64 &notKept);
    void handshakeRecord(RecordDirection dir, Side &s, TlsRecord &record, QByteArrayView payload);
    void completeMessage(RecordDirection dir, Side &s);
    void noteNotTls(RecordDirection dir, Side &s, QByteArrayView head);

    TlsStream &m_stream;
    const DissectLimits &m_limits;
    qint64 &m_keptBytes;
    Side m_sides[2];
    int m_droppedRecords = 0;
    TlsRecord m_scratch; // used for records past the per-stream limit
};

// Whether the bytes start like a TLS record or an SSLv2-style ClientHello.
bool looksLikeTlsRecord(QByteArrayView head);

} // namespace Forgeline::Tls
