// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Forgeline::Tls {

// What the record dissector found in one input: TLS records, the handshake messages inside
// them, alerts and the holes in the data. Shared by the CLI, the Records view and the
// diagnosis of device logs.

enum class RecordDirection : unsigned char { ClientToServer, ServerToClient };
QString directionId(RecordDirection d); // "c2s" / "s2c"

// Where a handshake message sits relative to one record (RFC 5246 §6.2.1 allows both
// several messages per record and one message over several records).
enum class FragmentKind : unsigned char { Whole, First, Middle, Last };
QString fragmentId(FragmentKind f); // "whole" / "first" / "middle" / "last"

// A tree of decoded fields for the details pane; offset/length point into the record bytes
// (offset -1 when the field is not at one place, e.g. a message reassembled from fragments).
struct DetailNode
{
    QString name;
    QString value;
    int offset = -1;
    int length = 0;
    QList<DetailNode> children;

    DetailNode &add(QString childName, QString childValue = {}, int at = -1, int size = 0)
    {
        children.append(DetailNode{std::move(childName), std::move(childValue), at, size, {}});
        return children.last();
    }
};

// The part of one handshake message that lies in one record.
struct MessagePiece
{
    int message = -1;   // index into TlsStream::messages
    int type = -1;      // HandshakeType
    QString name;       // "ClientHello"
    quint32 length = 0; // the whole message body length from its header
    FragmentKind fragment = FragmentKind::Whole;
    int offset = 0; // where this piece starts in the record (header included)
    int size = 0;   // bytes of the record it covers
};

struct TlsRecord
{
    int index = 0;
    RecordDirection dir = RecordDirection::ClientToServer;
    qint64 position = 0; // frame number (captures) or line number (logs and text dumps), 1-based
    quint64 streamOffset = 0; // offset of the header in this direction's byte stream
    int type = 0;             // ContentType; 0x80 for an SSLv2-style ClientHello
    quint16 version = 0;
    quint32 length = 0;     // fragment length from the header
    bool encrypted = false; // after ChangeCipherSpec (TLS 1.2) or ServerHello (TLS 1.3)
    bool sslv2 = false;
    bool truncated = false;   // the input ended inside this record
    quint32 missingBytes = 0; // bytes of this record absent from the input (zero-filled)
    QByteArray bytes;         // header + fragment (empty when the memory budget was spent)
    bool clipped = false;     // ciphertext: only the first bytes are in `bytes`
    QList<MessagePiece> pieces;
    int alertLevel = -1; // plaintext alerts only
    int alertDescription = -1;
};

struct HandshakeMessage
{
    int index = 0;
    RecordDirection dir = RecordDirection::ClientToServer;
    int type = 0;
    QString name;
    quint32 length = 0;
    QList<int> records; // every record holding a piece of it
    bool complete = false;
    bool missingBytes = false; // some of its bytes were absent from the input: not decoded
    DetailNode details;        // decoded fields; empty when incomplete or too large
    // Facts the findings need, decoded once with the details.
    int maxFragmentCode = -1;  // max_fragment_length extension (1..4), -1 when absent
    int recordSizeLimit = -1;  // record_size_limit extension, -1 when absent
    int selectedVersion = 0;   // ServerHello: supported_versions, else legacy_version
    bool helloRetry = false;   // a ServerHello that is a TLS 1.3 HelloRetryRequest
    int certificateCount = -1; // Certificate: entries in the list
};

struct TlsAlert
{
    RecordDirection dir = RecordDirection::ClientToServer;
    int record = -1;
    qint64 position = 0;
    int level = 0;
    int description = 0;
};

struct StreamGap
{
    RecordDirection dir = RecordDirection::ClientToServer;
    quint64 offset = 0; // in this direction's byte stream
    quint64 bytes = 0;
    qint64 position = 0; // frame after which the data is missing
};

struct TlsStream
{
    int id = 0;
    QString client; // "10.57.10.145:4585", or "device" / "peer" for logs
    QString server;
    bool midStream = false; // no SYN seen: the capture started after the connection did
    bool tls13 = false;
    int serverVersion = 0; // the version the ServerHello selected
    QList<TlsRecord> records;
    QList<HandshakeMessage> messages;
    QList<TlsAlert> alerts;
    QList<StreamGap> gaps;
    QStringList notes;         // what could not be understood, in words
    quint64 bytes[2] = {0, 0}; // payload bytes per direction
};

} // namespace Forgeline::Tls
