// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/storeinspect.h"

#include "core/image/imageinspector.h"
#include "core/image/nvsdumpformat.h"
#include "core/image/nvsreader.h"
#include "core/image/secretsummary.h"
#include "core/image/securecert.h"

#include <QCoreApplication>

#include <algorithm>

namespace Forgeline::Image {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Image::StoreInspection)
};

bool allErased(const QByteArray &bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == char(0xFF); });
}

// The first certificate a store names, for the headline: that is what the board will present.
QString firstCertificate(const QStringList &summaries)
{
    for (const QString &s : summaries)
        if (s.startsWith(QLatin1String("certificate")))
            return s;
    return {};
}

} // namespace

StoreInspection inspectStore(const QByteArray &bytes, const std::optional<Nvs::Keys> &nvsKeys)
{
    StoreInspection out;
    if (bytes.isEmpty() || allErased(bytes)) {
        out.kind = QStringLiteral("erased");
        out.headline = Tr::tr("erased (all 0xFF): no certificate store here");
        out.text = out.headline + QLatin1Char('\n');
        return out;
    }
    const SecureCert::Partition sc = SecureCert::parse(bytes);
    if (sc.layout != QLatin1String("empty") && !sc.records.isEmpty()) {
        out.kind = QStringLiteral("esp_secure_cert");
        QStringList summaries;
        out.text = Tr::tr("esp_secure_cert, %1 layout, %2 records, %3 bytes used\n")
                       .arg(sc.layout)
                       .arg(sc.records.size())
                       .arg(sc.usedBytes);
        for (const SecureCert::Record &r : sc.records) {
            const QString line = SecureCert::summary(r, false);
            if (r.type == SecureCert::DevCert)
                summaries.prepend(line);
            out.text += QStringLiteral("  %1 (subtype %2, %3 bytes%4): %5\n")
                            .arg(SecureCert::typeName(r.type))
                            .arg(r.subtype)
                            .arg(r.length)
                            .arg(r.crcOk ? QString() : Tr::tr(", CRC FAILS"))
                            .arg(line);
        }
        for (const QString &p : sc.problems)
            out.text += Tr::tr("problem: %1\n").arg(p);
        out.problems = sc.hasProblems();
        const QString cert = firstCertificate(summaries);
        out.headline = cert.isEmpty() ? Tr::tr("esp_secure_cert without a device certificate")
                                      : Tr::tr("esp_secure_cert holds %1").arg(cert);
        return out;
    }
    const Nvs::Dump dump = Nvs::readImage(bytes, nvsKeys);
    const bool nvsPages
        = std::any_of(dump.pages.begin(), dump.pages.end(), [](const Nvs::PageInfo &p) {
              return p.stateName == QLatin1String("active") || p.stateName == QLatin1String("full");
          });
    if (nvsPages) {
        out.kind = QStringLiteral("nvs");
        out.text = Nvs::dumpText(dump, false);
        out.problems = dump.hasProblems();
        QStringList certs;
        for (const Nvs::Entry &e : dump.entries)
            if (e.valueKnown)
                if (const auto s = certificateSummary(e.value))
                    certs << QStringLiteral("%1/%2: %3").arg(e.namespaceName, e.key, *s);
        if (dump.looksEncrypted && !dump.decrypted)
            out.headline = Tr::tr("NVS, encrypted: give the nvs_keys file to read it");
        else if (certs.isEmpty())
            out.headline
                = Tr::tr("NVS with %1 entries, no certificate among them").arg(dump.entries.size());
        else
            out.headline = Tr::tr("NVS holds %1").arg(certs.join(QStringLiteral("; ")));
        return out;
    }
    // Not a store: say what it is the way the Image workspace would (an app, a table, random).
    const ImageInspection image = inspectImage(bytes);
    out.kind = imageKindName(image.kind);
    out.headline = Tr::tr("neither NVS nor esp_secure_cert: %1").arg(image.summary);
    out.text = out.headline + QLatin1Char('\n');
    for (const QString &f : image.failures)
        out.text += Tr::tr("problem: %1\n").arg(f);
    for (const QString &w : image.warnings)
        out.text += Tr::tr("note: %1\n").arg(w);
    if (!image.explanation.isEmpty())
        out.text += QLatin1Char('\n') + image.explanation + QLatin1Char('\n');
    return out;
}

} // namespace Forgeline::Image
