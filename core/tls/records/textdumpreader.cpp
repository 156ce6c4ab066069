// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/records/textdumpreader.h"

#include "core/tls/logline.h"

#include <QCoreApplication>
#include <QList>

#include <utility>

namespace Forgeline::Tls {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Forgeline::Tls::TextDumpReader", text, disambiguation, n);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

qsizetype hexRun(QByteArrayView v, qsizetype at)
{
    qsizetype n = 0;
    while (at + n < v.size() && hexValue(v[at + n]) >= 0)
        ++n;
    return n;
}

qsizetype spaceRun(QByteArrayView v, qsizetype at)
{
    qsizetype n = 0;
    while (at + n < v.size() && (v[at + n] == ' ' || v[at + n] == '\t'))
        ++n;
    return n;
}

void appendHex(QByteArray &out, QByteArrayView digits)
{
    for (qsizetype i = 0; i + 1 < digits.size(); i += 2)
        out.append(char((hexValue(digits[i]) << 4) | hexValue(digits[i + 1])));
}

bool startsWith(QByteArrayView v, const char *prefix)
{
    return v.startsWith(QByteArrayView(prefix));
}

constexpr int kMaxDumpBytes = 0x10000 + 64; // one record and its header, whatever the dump claims
constexpr int kMaxLogStreams = 256;

} // namespace

struct TextDumpReader::LogStream
{
    QByteArray context;
    TlsStream stream;
    std::unique_ptr<RecordDissector> dissector;
    int role = 0; // 0 unknown, 1 the device is the client, 2 the device is the server
};

struct TextDumpReader::Pending
{
    // mbedTLS debug dumps
    std::vector<std::unique_ptr<LogStream>> logStreams;
    int droppedLogStreams = 0;
    bool dumpActive = false;
    bool dumpOutput = false;
    qint64 dumpLine = 0;
    qint64 dumpWant = 0;
    QByteArray dumpBytes;
    QByteArray dumpContext;
    bool serverSide = false;
    int dumps = 0;
    // openssl -msg
    int opensslEntries = 0;
    bool entryActive = false;
    bool entrySent = false;
    bool entryHeader = false;
    qint64 entryLine = 0;
    QByteArray entryBytes;
    int programIsClient = -1;
    struct OpenRecord
    {
        bool open = false;
        QByteArray header;
        QByteArray content;
        qint64 line = 0;
    } records[2];
    // rows
    int rows = 0;
    QHash<int, int> styles;
    QList<std::pair<quint64, QByteArray>> runs; // the packet being read, by offset
    quint64 packetNext = 0;
    qint64 packetLine = 0;
    bool packetIsRows = false;
    quint64 streamNext[2] = {0, 0};
    std::unique_ptr<TcpReassembler> tcp;
    qint64 packets = 0;
    TlsStream direct;
    std::unique_ptr<RecordDissector> directDissector;
    int directFirstDir = -1;
    QByteArray bare; // bare hex, read to the end before deciding what it is
    qint64 bareLine = 0;
    int notUnderstood = 0;
    QStringList notes;
};

TextDumpReader::TextDumpReader(const DissectLimits &limits, qint64 &keptBytes)
    : m_limits(limits), m_keptBytes(keptBytes), m_p(std::make_unique<Pending>())
{}

TextDumpReader::~TextDumpReader() = default;

bool TextDumpReader::parseRow(QByteArrayView line, Row &row)
{
    row = Row{};
    qsizetype at = spaceRun(line, 0);
    row.indent = int(at);
    if (at >= line.size())
        return false;
    // Offset column: "0x0000:" (tcpdump), "0000:" / "00000000:" (mbedTLS, xxd),
    // "0000   " (Wireshark) or "00000000  " (Follow TCP Stream).
    bool tcpdump = false;
    if (startsWith(line.sliced(at), "0x")) {
        tcpdump = true;
        at += 2;
    }
    const qsizetype offsetStart = at;
    const qsizetype first = hexRun(line, at);
    if (first == 0)
        return false;
    const qsizetype afterFirst = at + first;
    if (afterFirst < line.size() && line[afterFirst] == ':' && first >= 4) {
        row.hasOffset = true;
        row.style = tcpdump ? Row::Tcpdump : Row::Colon;
        at = afterFirst + 1;
    } else if (!tcpdump && (first == 4 || first == 8) && spaceRun(line, afterFirst) >= 2
               && afterFirst + spaceRun(line, afterFirst) < line.size()) {
        row.hasOffset = true;
        row.style = first == 8 ? Row::Follow : Row::Wide;
        at = afterFirst;
    } else if (tcpdump) {
        return false;
    }
    if (row.hasOffset) {
        bool ok = false;
        row.offset = line.sliced(offsetStart, first).toULongLong(&ok, 16);
        if (!ok)
            return false;
    }
    // Byte groups: "16", "1603", "16030300" separated by single spaces; two spaces after
    // exactly eight bytes is Follow TCP Stream's middle gap; other wide spacing starts the text column.
    bool firstGroup = true;
    while (at < line.size()) {
        const qsizetype spaces = spaceRun(line, at);
        if (!firstGroup && spaces == 0)
            break;
        if (!firstGroup && spaces >= 2
            && !(spaces == 2 && row.bytes.size() == 8 && row.style == Row::Follow))
            break;
        if (firstGroup && row.hasOffset && spaces == 0)
            return false;
        const qsizetype digits = hexRun(line, at + spaces);
        if (digits == 0 || digits % 2 != 0)
            break;
        const qsizetype end = at + spaces + digits;
        if (end < line.size() && line[end] != ' ' && line[end] != '\t')
            break; // "4f10abcZ": text, not hex
        if (!row.hasOffset || digits <= 8 || firstGroup)
            appendHex(row.bytes, line.sliced(at + spaces, digits));
        else
            break;
        at = end;
        firstGroup = false;
    }
    if (row.bytes.isEmpty())
        return false;
    if (!row.hasOffset) {
        // A bare row must be nothing but hex: anything after it means prose.
        if (spaceRun(line, at) + at < line.size())
            return false;
    }
    return true;
}

void TextDumpReader::addLine(qint64 number, QByteArrayView line)
{
    Pending &p = *m_p;
    QByteArray scratch;
    if (line.contains(QByteArrayView("\xc2\xa0"))) {
        // Dumps copied from web pages and forums carry no-break spaces between the columns.
        scratch = line.toByteArray().replace("\xc2\xa0", " ");
        line = scratch;
    }
    if (line.trimmed().isEmpty())
        return; // ESP-IDF puts a blank line after every mbedTLS debug line
    const LogLine log = parseLogLine(line);
    const QByteArrayView message = log.message;
    if (startsWith(message, "dumping '") || (p.dumpActive && isHexDumpRow(message))) {
        mbedtlsLine(number, message, log.context);
        return;
    }
    if (p.dumpActive)
        flushDump();
    if (log.isMbedtlsDebug()) {
        if (startsWith(message, "server state") || startsWith(message, "tls13 server state"))
            p.serverSide = true;
        return;
    }
    if (startsWith(line, ">>> ") || startsWith(line, "<<< ")
        || (p.entryActive && line.startsWith(' '))) {
        opensslLine(number, line);
        return;
    }
    if (p.entryActive)
        flushOpensslEntry();
    Row row;
    if (parseRow(line, row)) {
        rowLine(number, row);
        return;
    }
    // A tcpdump header line ("12:00:01.000 IP a.1 > b.2: Flags ...") ends the previous packet.
    if (line.contains(QByteArrayView(" > "))
        && (line.contains(QByteArrayView("IP ")) || line.contains(QByteArrayView("IP6 ")))) {
        flushPacket();
        return;
    }
    // "." or "..." on a line of its own marks rows left out of a pasted dump.
    const QByteArrayView trimmed = line.trimmed();
    if (!trimmed.isEmpty() && trimmed.count('.') != trimmed.size())
        notUnderstood(number, line);
}

void TextDumpReader::addMbedtlsDebugLine(qint64 number, QByteArrayView message,
                                         QByteArrayView context)
{
    Pending &p = *m_p;
    if (startsWith(message, "dumping '") || (p.dumpActive && isHexDumpRow(message))) {
        mbedtlsLine(number, message, context);
        return;
    }
    if (p.dumpActive)
        flushDump();
    if (startsWith(message, "server state") || startsWith(message, "tls13 server state"))
        p.serverSide = true;
}

void TextDumpReader::notUnderstood(qint64 number, QByteArrayView line)
{
    Pending &p = *m_p;
    if (p.dumps > 0 || !p.logStreams.empty())
        return; // a device log: most lines are not dumps, and that is fine
    if (++p.notUnderstood <= 3) {
        QString text = QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 60)));
        p.notes << tr("line %1 is neither a hex row nor a header: \"%2\"").arg(number).arg(text);
    }
}

TextDumpReader::LogStream &TextDumpReader::logStreamFor(QByteArrayView context, bool newConnection)
{
    Pending &p = *m_p;
    for (auto it = p.logStreams.rbegin(); it != p.logStreams.rend(); ++it) {
        if ((*it)->context == context) {
            if (!newConnection)
                return **it;
            break;
        }
    }
    // A long device log can hold thousands of connections: keep the latest ones (the failure
    // is usually the last), so memory stays bounded.
    if (int(p.logStreams.size()) >= kMaxLogStreams) {
        p.logStreams.erase(p.logStreams.begin());
        ++p.droppedLogStreams;
    }
    auto s = std::make_unique<LogStream>();
    s->context = context.toByteArray();
    s->stream.id = int(p.logStreams.size()) + p.droppedLogStreams;
    s->dissector = std::make_unique<RecordDissector>(s->stream, m_limits, m_keptBytes);
    p.logStreams.push_back(std::move(s));
    return *p.logStreams.back();
}

void TextDumpReader::mbedtlsLine(qint64 number, QByteArrayView message, QByteArrayView context)
{
    Pending &p = *m_p;
    if (startsWith(message, "dumping '")) {
        if (p.dumpActive)
            flushDump();
        const bool input = startsWith(message, "dumping 'input record from network'");
        const bool output = startsWith(message, "dumping 'output record sent to network'");
        if (!input && !output)
            return; // secrets, randoms and other buffers: not records
        const qsizetype open = message.lastIndexOf('(');
        bool ok = false;
        qint64 want = 0;
        if (open >= 0) {
            const QByteArrayView count = message.sliced(open + 1);
            const qsizetype space = count.indexOf(' ');
            want = count.first(space > 0 ? space : count.size()).toLongLong(&ok);
        }
        p.dumpActive = true;
        p.dumpOutput = output;
        p.dumpLine = number;
        p.dumpWant = ok ? std::min<qint64>(want, kMaxDumpBytes) : kMaxDumpBytes;
        p.dumpBytes.clear();
        p.dumpContext = context.toByteArray();
        return;
    }
    Row row;
    if (parseRow(message, row) && row.hasOffset) {
        if (row.offset != quint64(p.dumpBytes.size())) {
            p.notes << tr("line %1: dump row at offset %2 where %3 was expected")
                           .arg(number)
                           .arg(row.offset)
                           .arg(p.dumpBytes.size());
            p.dumpBytes.append(QByteArray(
                qsizetype(std::min<quint64>(
                    row.offset - std::min<quint64>(row.offset, p.dumpBytes.size()), kMaxDumpBytes)),
                '\0'));
        }
        p.dumpBytes.append(row.bytes);
        if (p.dumpBytes.size() >= p.dumpWant)
            flushDump();
    }
}

void TextDumpReader::flushDump()
{
    Pending &p = *m_p;
    if (!p.dumpActive)
        return;
    p.dumpActive = false;
    if (p.dumpBytes.isEmpty())
        return;
    ++p.dumps;
    const QByteArray bytes = p.dumpBytes.left(p.dumpWant);
    const bool clientHello = bytes.size() > 5 && bytes[0] == 0x16 && bytes[5] == 1;
    LogStream *s = &logStreamFor(p.dumpContext, false);
    // A new ClientHello from the device after records were exchanged is a new connection.
    if (clientHello && p.dumpOutput && !s->stream.records.isEmpty() && s->role != 2)
        s = &logStreamFor(p.dumpContext, true);
    if (s->role == 0) {
        if (clientHello)
            s->role = p.dumpOutput ? 1 : 2;
        else
            s->role = p.serverSide ? 2 : 1;
        s->stream.client = s->role == 1 ? tr("device") : tr("peer");
        s->stream.server = s->role == 1 ? tr("peer") : tr("device");
    }
    const bool fromClient = (s->role == 1) == p.dumpOutput;
    s->dissector->feed(fromClient ? RecordDirection::ClientToServer
                                  : RecordDirection::ServerToClient,
                       bytes, p.dumpLine);
    if (bytes.size() < p.dumpWant)
        s->stream.notes << tr("line %1: the dump ends after %2 of %3 bytes")
                               .arg(p.dumpLine)
                               .arg(bytes.size())
                               .arg(p.dumpWant);
}

void TextDumpReader::opensslLine(qint64 number, QByteArrayView line)
{
    Pending &p = *m_p;
    if (startsWith(line, ">>> ") || startsWith(line, "<<< ")) {
        flushOpensslEntry();
        p.entryActive = true;
        p.entrySent = line[0] == '>';
        p.entryHeader = line.contains(QByteArrayView("RecordHeader"));
        p.entryLine = number;
        p.entryBytes.clear();
        ++p.opensslEntries;
        if (p.programIsClient < 0)
            p.programIsClient = p.entrySent ? 1 : 0; // the client speaks first
        return;
    }
    Row row;
    if (parseRow(line, row) && !row.hasOffset)
        p.entryBytes.append(row.bytes);
}

void TextDumpReader::flushOpensslEntry()
{
    Pending &p = *m_p;
    if (!p.entryActive)
        return;
    p.entryActive = false;
    const bool c2s = p.entrySent == (p.programIsClient != 0);
    const int side = c2s ? 0 : 1;
    Pending::OpenRecord &r = p.records[side];
    if (p.entryHeader && p.entryBytes.size() == 5) {
        // OpenSSL prints a record's header, then its contents: a new header closes both sides.
        flushOpensslRecord(0);
        flushOpensslRecord(1);
        r.open = true;
        r.header = p.entryBytes;
        r.content.clear();
        r.line = p.entryLine;
        return;
    }
    if (r.open) {
        r.content.append(p.entryBytes);
        const quint32 length = (quint32(quint8(r.header[3])) << 8) | quint8(r.header[4]);
        if (quint32(r.content.size()) >= length)
            flushOpensslRecord(side);
    }
}

void TextDumpReader::flushOpensslRecord(int side)
{
    Pending &p = *m_p;
    Pending::OpenRecord &r = p.records[side];
    if (!r.open)
        return;
    r.open = false;
    const quint32 length = (quint32(quint8(r.header[3])) << 8) | quint8(r.header[4]);
    // Plaintext records arrive as their messages; for protected ones OpenSSL shows the
    // decrypted contents, which are not the record's bytes: those are left as zeros.
    QByteArray record = r.header;
    if (quint32(r.content.size()) == length)
        record.append(r.content);
    else
        record.append(QByteArray(qsizetype(length), '\0'));
    feedStream(side == 0 ? RecordDirection::ClientToServer : RecordDirection::ServerToClient,
               record, r.line);
}

void TextDumpReader::feedStream(RecordDirection dir, QByteArrayView bytes, qint64 number)
{
    Pending &p = *m_p;
    if (!p.directDissector) {
        p.direct.id = 0;
        p.direct.client = tr("client");
        p.direct.server = tr("server");
        p.directDissector = std::make_unique<RecordDissector>(p.direct, m_limits, m_keptBytes);
    }
    p.directDissector->feed(dir, bytes, number);
}

void TextDumpReader::rowLine(qint64 number, const Row &row)
{
    Pending &p = *m_p;
    ++p.rows;
    p.styles[row.style]++;
    if (!row.hasOffset) {
        if (p.bare.isEmpty())
            p.bareLine = number;
        p.bare.append(row.bytes);
        return;
    }
    if (row.style == Row::Follow || row.style == Row::Colon) {
        // Byte-stream dumps: xxd, Follow TCP Stream (the server's rows indented).
        const int side = row.style == Row::Follow && row.indent > 0 ? 1 : 0;
        quint64 &next = p.streamNext[side];
        const RecordDirection dir
            = side == 0 ? RecordDirection::ClientToServer : RecordDirection::ServerToClient;
        if (row.offset > next && p.directDissector)
            p.directDissector->gap(dir, row.offset - next, number);
        if (row.offset < next) {
            const quint64 overlap = next - row.offset;
            if (overlap >= quint64(row.bytes.size()))
                return;
            feedStream(dir, QByteArrayView(row.bytes).sliced(qsizetype(overlap)), number);
        } else {
            feedStream(dir, row.bytes, number);
        }
        next = row.offset + quint64(row.bytes.size());
        return;
    }
    // Packet dumps: a row at offset 0 starts a new frame; rows left out leave a hole.
    if (row.offset == 0 || row.offset < p.packetNext)
        flushPacket();
    if (p.runs.isEmpty())
        p.packetLine = number;
    if (!p.runs.isEmpty() && row.offset == p.packetNext)
        p.runs.last().second.append(row.bytes);
    else
        p.runs.append({row.offset, row.bytes});
    p.packetNext = row.offset + quint64(row.bytes.size());
}

void TextDumpReader::flushPacket()
{
    Pending &p = *m_p;
    if (p.runs.isEmpty())
        return;
    const auto runs = std::exchange(p.runs, {});
    p.packetNext = 0;
    const QByteArray &head = runs.first().second;
    std::optional<TcpSegment> seg;
    if (runs.first().first == 0 && !head.isEmpty()) {
        const int nibble = quint8(head[0]) >> 4;
        seg = decodeTcpFrame(nibble == 4 || nibble == 6 ? LinkRaw : LinkEthernet, head);
    }
    if (!seg) {
        // Not a frame: the rows are TLS bytes (a dump of one record, say).
        quint64 next = 0;
        for (const auto &run : runs) {
            if (run.first > next && p.directDissector)
                p.directDissector->gap(RecordDirection::ClientToServer, run.first - next,
                                       p.packetLine);
            feedStream(RecordDirection::ClientToServer, run.second, p.packetLine);
            next = run.first + quint64(run.second.size());
        }
        return;
    }
    if (!p.tcp)
        p.tcp = std::make_unique<TcpReassembler>(m_limits, m_keptBytes);
    ++p.packets;
    p.tcp->addSegment(*seg, p.packetLine);
    const quint64 payloadStart = quint64(seg->payload.data() - head.data());
    for (qsizetype i = 1; i < runs.size(); ++i) {
        if (runs[i].first < payloadStart)
            continue;
        TcpSegment more = *seg;
        more.syn = false;
        more.seq = seg->seq + quint32(runs[i].first - payloadStart);
        more.payload = runs[i].second;
        p.tcp->addSegment(more, p.packetLine);
    }
}

bool TextDumpReader::finish(DissectReport &report)
{
    Pending &p = *m_p;
    flushDump();
    flushOpensslEntry();
    flushOpensslRecord(0);
    flushOpensslRecord(1);
    flushPacket();
    if (!p.bare.isEmpty()) {
        const int nibble = quint8(p.bare[0]) >> 4;
        std::optional<TcpSegment> seg
            = decodeTcpFrame(nibble == 4 || nibble == 6 ? LinkRaw : LinkEthernet, p.bare);
        if (seg && !looksLikeTlsRecord(p.bare)) {
            if (!p.tcp)
                p.tcp = std::make_unique<TcpReassembler>(m_limits, m_keptBytes);
            p.tcp->addSegment(*seg, p.bareLine);
            ++p.packets;
        } else {
            // One direction of bytes: a ServerHello first means the server's side.
            const bool server = p.bare.size() > 5 && p.bare[0] == 0x16 && p.bare[5] == 2;
            feedStream(server ? RecordDirection::ServerToClient : RecordDirection::ClientToServer,
                       p.bare, p.bareLine);
        }
    }
    report.positionsAreLines = true;
    if (p.opensslEntries > 0 && p.notUnderstood > 0) {
        // openssl prints session details around the messages; they are expected, not errors.
        p.notes
            = QStringList{tr("%n line(s) of openssl output other than -msg entries were skipped.",
                             nullptr, p.notUnderstood)};
        p.notUnderstood = 0;
    }
    report.notes += p.notes;
    if (p.notUnderstood > 3)
        report.notes << tr("%n more lines were not understood.", nullptr, p.notUnderstood - 3);
    if (!p.logStreams.empty()) {
        report.kind = DissectInputKind::MbedtlsLog;
        report.form = tr("mbedTLS debug dumps");
        if (p.droppedLogStreams > 0)
            report.notes
                << tr("Only the last %1 connections are shown; %2 earlier ones were not kept.")
                       .arg(kMaxLogStreams)
                       .arg(p.droppedLogStreams);
        for (auto &s : p.logStreams) {
            s->dissector->finish();
            report.streams.append(std::move(s->stream));
        }
        return true;
    }
    if (p.opensslEntries > 0) {
        report.kind = DissectInputKind::OpensslMsg;
        report.form = p.programIsClient != 0 ? QStringLiteral("openssl s_client -msg")
                                             : QStringLiteral("openssl s_server -msg");
    } else if (p.tcp) {
        report.kind = DissectInputKind::HexDump;
        report.form = p.styles.value(Row::Tcpdump) > 0 ? QStringLiteral("tcpdump -X")
                      : p.styles.value(Row::Wide) > 0  ? QStringLiteral("Wireshark hex dump")
                                                       : tr("hex packet");
    } else if (p.rows > 0 && p.rows > p.styles.value(Row::Bare)) {
        report.kind = DissectInputKind::HexDump;
        report.form = p.styles.value(Row::Follow) > 0  ? QStringLiteral("Follow TCP Stream")
                      : p.styles.value(Row::Colon) > 0 ? QStringLiteral("xxd")
                                                       : tr("hex dump");
    } else if (p.rows > 0) {
        report.kind = DissectInputKind::Hex;
    } else {
        return false;
    }
    if (p.tcp) {
        report.units = p.packets;
        report.streams += p.tcp->finish();
    }
    if (p.directDissector) {
        p.directDissector->finish();
        p.direct.id = int(report.streams.size());
        report.streams.append(std::move(p.direct));
    }
    return true;
}

} // namespace Forgeline::Tls
