// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/tracediff.h"

#include <QCoreApplication>

#include <vector>

namespace Forgeline::Tls {

using T = HandshakeEvent::Type;

namespace {

// A class, so that lupdate files these texts under the context tr() uses.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Tls::TraceDiff)
};

// Digits vary (lengths, sizes, addresses); the wording does not.
QString withoutNumbers(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool lastDigit = false;
    for (QChar c : text) {
        if (c.isDigit()) {
            if (!lastDigit)
                out += QLatin1Char('#');
            lastDigit = true;
        } else {
            out += c;
            lastDigit = false;
        }
    }
    return out;
}

struct Step
{
    QString key;
    int event = 0; // first event of a run of identical keys
};

std::vector<Step> skeleton(const HandshakeTrace &trace)
{
    std::vector<Step> steps;
    for (int i = 0; i < trace.events.size() && int(steps.size()) < TraceDiff::MaxSteps; ++i) {
        QString key = TraceDiff::skeletonKey(trace.events.at(i), trace);
        if (key.isEmpty())
            continue;
        // TCP decides how many reads a record takes; runs of the same step count once.
        if (!steps.empty() && steps.back().key == key)
            continue;
        steps.push_back({std::move(key), i});
        // Application data after the handshake is not what the diff is about.
        if (trace.events.at(i).type == T::HandshakeDone)
            break;
    }
    return steps;
}

QString contextFor(const HandshakeTrace &trace, qint64 line)
{
    const QString state = trace.stateAt(line);
    if (!state.isEmpty())
        return Tr::tr("In handshake state %1").arg(state);
    const QString written = trace.lastMessageBefore(line, T::MessageWritten);
    if (!written.isEmpty())
        return Tr::tr("After writing the %1").arg(written);
    return Tr::tr("At the start of the handshake");
}

QString summarise(const Divergence &d, const HandshakeTrace &good, const HandshakeTrace &bad)
{
    const QString context = contextFor(bad, d.badLine > 0 ? d.badLine : bad.lastLine());
    switch (d.kind) {
    case Divergence::Kind::Changed:
        return Tr::tr(
                   "%1, the working log shows %2 (line %3) but the failing log shows %4 (line %5).")
            .arg(context, describeEvent(good.events.at(d.goodEvent), &good))
            .arg(d.goodLine)
            .arg(describeEvent(bad.events.at(d.badEvent), &bad))
            .arg(d.badLine);
    case Divergence::Kind::OnlyInFailing:
        return Tr::tr("%1, the failing log shows %2 (line %3), which the working log never does.")
            .arg(context, describeEvent(bad.events.at(d.badEvent), &bad))
            .arg(d.badLine);
    case Divergence::Kind::OnlyInWorking:
        return Tr::tr("%1, the failing log never shows %2, which the working log does at line %3.")
            .arg(context, describeEvent(good.events.at(d.goodEvent), &good))
            .arg(d.goodLine);
    }
    return {};
}

} // namespace

QString TraceDiff::skeletonKey(const HandshakeEvent &e, const HandshakeTrace &trace)
{
    switch (e.type) {
    case T::HandshakeStart:
    case T::FetchWant:
    case T::SessionError: return {};
    case T::HandshakeDone: return QStringLiteral("done");
    case T::StateChange:
        return QStringLiteral("state:") + (e.text.isEmpty() ? QString::number(e.a) : e.text);
    case T::MessageWritten: return QStringLiteral("write:") + e.text;
    case T::MessageParsed: return QStringLiteral("parse:") + e.text;
    case T::RecordIn: return QStringLiteral("in:%1").arg(e.a);
    case T::RecordOut: return QStringLiteral("out:%1").arg(e.a);
    case T::HandshakeMessage: return QStringLiteral("hs:%1").arg(e.a);
    case T::Received:
        if (e.a > 0)
            return QStringLiteral("recv");
        return e.a == 0 ? QStringLiteral("recv:eof") : QStringLiteral("recv:%1").arg(e.code);
    case T::Sent: return e.a >= 0 ? QStringLiteral("send") : QStringLiteral("send:%1").arg(e.code);
    case T::AlertReceived: return QStringLiteral("alert-in:%1:%2").arg(e.a).arg(e.b);
    case T::AlertSent: return QStringLiteral("alert-out:%1:%2").arg(e.a).arg(e.b);
    case T::ErrorReturned: return QStringLiteral("error:%1:%2").arg(e.text).arg(e.code);
    case T::CiphersuiteOffered: return QStringLiteral("offer:%1").arg(e.a, 0, 16);
    case T::CiphersuiteChosen: return QStringLiteral("chosen:%1").arg(e.a, 0, 16);
    case T::VersionInfo: return QStringLiteral("version:") + e.text;
    case T::ExtensionFound: return QStringLiteral("ext:") + e.text;
    case T::Certificate: {
        if (e.a < 0 || e.a >= trace.certificates.size())
            return QStringLiteral("cert");
        const CertificateFacts &c = trace.certificates.at(e.a);
        return QStringLiteral("cert:%1:%2:%3:%4:%5:%6")
            .arg(c.own ? QStringLiteral("own") : QStringLiteral("peer"))
            .arg(c.index)
            .arg(c.subject, c.issuer, c.keyType)
            .arg(c.keyBits);
    }
    case T::VerifyFlags: return QStringLiteral("verify:%1").arg(e.a, 0, 16);
    case T::VerifyInfo: return QStringLiteral("verify-info:") + e.text;
    case T::CertificateRequested: return QStringLiteral("certificate-request");
    case T::NoCertificateToSend: return QStringLiteral("no-certificate");
    case T::BufferLimit: return QStringLiteral("buffer-limit");
    case T::Notice: return QStringLiteral("notice:") + withoutNumbers(e.text);
    case T::AllocFailed: return QStringLiteral("alloc-failed");
    case T::HandshakeReturned: return QStringLiteral("handshake-returned:%1").arg(e.code);
    case T::AppError:
        return QStringLiteral("app-error:%1:").arg(e.code)
               + (e.code ? QString() : withoutNumbers(e.text));
    case T::AppVerifyFailed: return QStringLiteral("app-verify-failed");
    case T::AppVerified: return QStringLiteral("app-verified");
    case T::Timeout: return QStringLiteral("timeout");
    }
    return {};
}

QList<int> TraceDiff::skeletonEvents(const HandshakeTrace &trace)
{
    QList<int> out;
    for (const Step &s : skeleton(trace))
        out.append(s.event);
    return out;
}

TraceDiffResult TraceDiff::compare(const HandshakeTrace &good, const HandshakeTrace &bad)
{
    const std::vector<Step> a = skeleton(good);
    const std::vector<Step> b = skeleton(bad);
    const size_t n = a.size();
    const size_t m = b.size();

    // Longest common subsequence over the skeletons; both are bounded by MaxSteps.
    std::vector<unsigned short> table((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> unsigned short & { return table[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
        for (size_t j = m; j-- > 0;) {
            if (a[i].key == b[j].key)
                at(i, j) = static_cast<unsigned short>(at(i + 1, j + 1) + 1);
            else
                at(i, j) = std::max(at(i + 1, j), at(i, j + 1));
        }
    }

    TraceDiffResult result;
    size_t i = 0;
    size_t j = 0;
    auto lineOfGood = [&](size_t k) -> qint64 {
        if (k < n)
            return good.events.at(a[k].event).line;
        return good.lastLine();
    };
    auto lineOfBad = [&](size_t k) -> qint64 {
        if (k < m)
            return bad.events.at(b[k].event).line;
        return bad.lastLine();
    };
    while (i < n || j < m) {
        if (i < n && j < m && a[i].key == b[j].key) {
            result.steps.append({a[i].event, b[j].event});
            ++result.alignedEvents;
            ++i;
            ++j;
            continue;
        }
        // Collect one hunk of unmatched steps on either side.
        const size_t gi = i;
        const size_t bj = j;
        while ((i < n || j < m) && !(i < n && j < m && a[i].key == b[j].key)) {
            if (j < m && (i >= n || at(i, j + 1) >= at(i + 1, j)))
                ++j;
            else
                ++i;
        }
        // Side by side, a changed hunk pairs its steps row by row.
        for (size_t k = 0; k < std::max(i - gi, j - bj); ++k)
            result.steps.append(
                {gi + k < i ? a[gi + k].event : -1, bj + k < j ? b[bj + k].event : -1});
        Divergence d;
        const bool hasGood = i > gi;
        const bool hasBad = j > bj;
        d.kind = hasGood && hasBad ? Divergence::Kind::Changed
                 : hasBad          ? Divergence::Kind::OnlyInFailing
                                   : Divergence::Kind::OnlyInWorking;
        d.goodEvent = hasGood ? a[gi].event : -1;
        d.badEvent = hasBad ? b[bj].event : -1;
        d.goodLine = lineOfGood(gi);
        d.badLine = lineOfBad(bj);
        if (!hasGood && gi >= n)
            d.goodLine = good.lastLine();
        d.summary = summarise(d, good, bad);
        result.divergences.append(std::move(d));
    }
    return result;
}

} // namespace Forgeline::Tls
