// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/nvsdumpformat.h"

#include "core/image/secretsummary.h"

#include <QJsonArray>

namespace Forgeline::Image::Nvs {

namespace {

bool printable(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const uchar u = uchar(c);
        if (u < 0x20 && c != '\n' && c != '\r' && c != '\t')
            return false;
    }
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

} // namespace

ShownValue showValue(const Entry &entry, bool showSecrets)
{
    ShownValue v;
    if (!entry.valueKnown)
        return v;
    if (entry.isNumber()) {
        v.hasValue = true;
        v.text = isSigned(entry.type) ? QString::number(entry.signedNumber())
                                      : QString::number(entry.unsignedNumber());
        return v;
    }
    if (const auto key = privateKeySummary(entry.value)) {
        v.secret = true;
        v.summary = *key;
    } else if (const auto cert = certificateSummary(entry.value)) {
        v.summary = *cert;
    } else if (isSecretName(entry.key)) {
        v.secret = true;
        v.summary = QStringLiteral("[secret: %1 bytes, sha256 %2…]")
                        .arg(entry.value.size())
                        .arg(sha256Hex(entry.value).left(16));
    } else {
        v.summary = QStringLiteral("%1 bytes").arg(entry.value.size());
    }
    const bool isString = entry.type == Str;
    if (v.secret && !showSecrets) {
        v.text = v.summary;
        return v;
    }
    if (isString && printable(entry.value)) {
        v.hasValue = true;
        v.text = QString::fromUtf8(entry.value);
    } else if (v.secret && showSecrets) {
        v.hasValue = true;
        v.text = printable(entry.value) ? QString::fromUtf8(entry.value)
                                        : QString::fromLatin1(entry.value.toHex());
    } else {
        v.text = v.summary;
    }
    return v;
}

QJsonObject dumpJson(const Dump &dump, bool showSecrets)
{
    QJsonArray entries;
    for (const Entry &e : dump.entries) {
        QJsonObject o{{QStringLiteral("namespace"), e.namespaceName},
                      {QStringLiteral("key"), e.key},
                      {QStringLiteral("type"), e.typeName()},
                      {QStringLiteral("length"), e.length},
                      {QStringLiteral("state"), e.state},
                      {QStringLiteral("page"), e.page},
                      {QStringLiteral("entry"), e.index}};
        if (e.valueKnown) {
            o.insert(QStringLiteral("sha256"), sha256Hex(e.value));
            const ShownValue v = showValue(e, showSecrets);
            if (v.hasValue) {
                if (e.isNumber() && !(e.type == U64 && e.unsignedNumber() > (quint64(1) << 53)))
                    o.insert(QStringLiteral("value"), isSigned(e.type)
                                                          ? double(e.signedNumber())
                                                          : double(e.unsignedNumber()));
                else
                    o.insert(QStringLiteral("value"), v.text);
            }
            if (!v.summary.isEmpty())
                o.insert(QStringLiteral("summary"), v.summary);
            if (v.secret)
                o.insert(QStringLiteral("secret"), true);
        }
        if (e.type == BlobIndex)
            o.insert(QStringLiteral("chunks"), e.chunkCount);
        if (!e.problem.isEmpty())
            o.insert(QStringLiteral("problem"), e.problem);
        entries.append(o);
    }
    QJsonArray pages;
    for (const PageInfo &p : dump.pages) {
        QJsonObject o{{QStringLiteral("index"), p.index}, {QStringLiteral("state"), p.stateName}};
        if (p.state != PageEmpty) {
            o.insert(QStringLiteral("seq"), qint64(p.seq));
            o.insert(QStringLiteral("version"), p.version == Version1   ? 1
                                                : p.version == Version2 ? 2
                                                                        : 0);
            o.insert(QStringLiteral("crcOk"), p.headerCrcOk);
        }
        pages.append(o);
    }
    QJsonArray namespaces;
    for (const NamespaceInfo &n : dump.namespaces)
        namespaces.append(
            QJsonObject{{QStringLiteral("index"), n.index}, {QStringLiteral("name"), n.name}});
    return QJsonObject{{QStringLiteral("entries"), entries},
                       {QStringLiteral("pages"), pages},
                       {QStringLiteral("namespaces"), namespaces},
                       {QStringLiteral("problems"), QJsonArray::fromStringList(dump.problems)},
                       {QStringLiteral("decrypted"), dump.decrypted},
                       {QStringLiteral("looksEncrypted"), dump.looksEncrypted}};
}

QString dumpText(const Dump &dump, bool showSecrets)
{
    QString text;
    int used = 0;
    for (const PageInfo &p : dump.pages) {
        if (p.state != PageEmpty)
            ++used;
    }
    text += QStringLiteral("%1 pages (%2 in use)%3\n")
                .arg(dump.pages.size())
                .arg(used)
                .arg(dump.decrypted ? QStringLiteral(", decrypted") : QString());
    for (const PageInfo &p : dump.pages) {
        if (p.state == PageEmpty)
            continue;
        text += QStringLiteral("  page %1: %2, seq %3, format %4%5\n")
                    .arg(p.index)
                    .arg(p.stateName)
                    .arg(p.seq)
                    .arg(p.version == Version1 ? 1 : 2)
                    .arg(p.headerCrcOk ? QString() : QStringLiteral(", HEADER CRC FAILS"));
    }
    text += QStringLiteral("\n%1  %2  %3  %4  %5\n")
                .arg(QStringLiteral("Namespace").leftJustified(15),
                     QStringLiteral("Key").leftJustified(15),
                     QStringLiteral("Type").leftJustified(6),
                     QStringLiteral("Length").rightJustified(6), QStringLiteral("Value"));
    for (const Entry &e : dump.entries) {
        const ShownValue v = showValue(e, showSecrets);
        QString value = v.text;
        if (e.state != QLatin1String("written"))
            value = QStringLiteral("(%1) %2").arg(e.state.toUpper(), value).trimmed();
        text += QStringLiteral("%1  %2  %3  %4  %5\n")
                    .arg(e.namespaceName.leftJustified(15), e.key.leftJustified(15),
                         e.typeName().leftJustified(6), QString::number(e.length).rightJustified(6),
                         value);
    }
    if (dump.problems.isEmpty()) {
        text += QStringLiteral("\nNo problems found.");
    } else {
        text += QStringLiteral("\n%1 problem(s):\n").arg(dump.problems.size());
        for (const QString &p : dump.problems)
            text += QStringLiteral("  - %1\n").arg(p);
    }
    return text;
}

} // namespace Forgeline::Image::Nvs
