// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/station/recipe.h"

#include "core/common/endpoint.h"
#include "core/common/redactor.h"
#include "core/image/nvscsv.h"
#include "core/image/nvskeys.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Forgeline::Station {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Station::Recipe)
};

} // namespace

namespace {

Error recipeError(const QString &what, const QString &detail = {})
{
    return Error::make(QStringLiteral("recipe.invalid"),
                       Tr::tr("The recipe is not valid: %1").arg(what), detail,
                       Tr::tr("Fix the recipe file (see docs/cli.md, station)."));
}

Result<quint32> parseNumber(const QJsonValue &v, const QString &field)
{
    if (v.isDouble())
        return quint32(v.toDouble());
    bool ok = false;
    const quint32 n = v.toString().toUInt(&ok, 0);
    if (!ok)
        return recipeError(Tr::tr("%1 is not a number").arg(field), v.toString());
    return n;
}

Result<QByteArray> readRecipeFile(const QString &path, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return recipeError(Tr::tr("cannot read the %1 file").arg(what),
                           path + QStringLiteral(": ") + f.errorString());
    return f.readAll();
}

// {"nvs": "certs.csv", "partition": "nvs", "version": 2, "encrypt": {"keysPartition": "nvs_keys",
// "keys": "keys.bin"}} or {"secureCert": {"ca": "ca.pem"}, "partition": "esp_secure_cert"}. The
// template is read and checked now, so a broken CSV stops the recipe before any board is touched.
Result<FlashItem> storeItemFromJson(const QJsonObject &item, const QDir &base)
{
    FlashItem f;
    f.partition = item.value(QStringLiteral("partition")).toString();
    if (f.partition.isEmpty())
        return recipeError(Tr::tr("a certificate store item needs \"partition\""));
    if (item.contains(QStringLiteral("nvs"))) {
        f.source = FlashItem::Source::Nvs;
        const QString path = base.absoluteFilePath(item.value(QStringLiteral("nvs")).toString());
        auto text = readRecipeFile(path, QStringLiteral("NVS CSV"));
        if (!text)
            return text.error();
        f.nvsCsv = QString::fromUtf8(*text);
        f.nvsBaseDir = QFileInfo(path).absolutePath();
        f.file = path;
        const int version = item.value(QStringLiteral("version")).toInt(2);
        if (version != 1 && version != 2)
            return recipeError(Tr::tr("an NVS item's version must be 1 or 2"));
        f.nvsVersion = quint8(version);
        const QStringList known{QStringLiteral("certificate"), QStringLiteral("key"),
                                QStringLiteral("mac"), QStringLiteral("pair")};
        Image::Nvs::ResolveOptions probe;
        probe.baseDirectory = f.nvsBaseDir;
        for (const QString &name : Image::Nvs::placeholdersIn(f.nvsCsv)) {
            if (!known.contains(name))
                return recipeError(
                    Tr::tr("the NVS CSV uses an unknown placeholder {%1} (known: {certificate}, "
                           "{key}, {mac}, {pair})")
                        .arg(name),
                    path);
            probe.placeholders.insert(name, QByteArray("x"));
        }
        if (auto items = Image::Nvs::readCsv(f.nvsCsv, probe); !items)
            return recipeError(
                Tr::tr("the NVS CSV %1: %2").arg(QFileInfo(path).fileName(), items.error().message),
                items.error().detail);
        if (item.contains(QStringLiteral("encrypt"))) {
            const QJsonObject e = item.value(QStringLiteral("encrypt")).toObject();
            f.keysPartition = e.value(QStringLiteral("keysPartition")).toString();
            if (f.keysPartition.isEmpty())
                return recipeError(
                    Tr::tr("NVS encryption needs \"keysPartition\" (for example nvs_keys)"));
            if (e.contains(QStringLiteral("keys"))) {
                f.keysFile = base.absoluteFilePath(e.value(QStringLiteral("keys")).toString());
                if (auto keys = Image::Nvs::Keys::load(f.keysFile); !keys)
                    return keys.error();
            }
        }
        return f;
    }
    f.source = FlashItem::Source::SecureCert;
    const QJsonObject sc = item.value(QStringLiteral("secureCert")).toObject();
    if (sc.contains(QStringLiteral("ca"))) {
        auto ca = readRecipeFile(base.absoluteFilePath(sc.value(QStringLiteral("ca")).toString()),
                                 QStringLiteral("CA certificate"));
        if (!ca)
            return ca.error();
        f.secureCertCa = *ca;
    }
    return f;
}

} // namespace

QString Recipe::stepName(Step step)
{
    switch (step) {
    case Step::Identify: return QStringLiteral("identify");
    case Step::Claim: return QStringLiteral("claim");
    case Step::Preflight: return QStringLiteral("preflight");
    case Step::Flash: return QStringLiteral("flash");
    case Step::Verify: return QStringLiteral("verify");
    case Step::Provision: return QStringLiteral("provision");
    case Step::Connect: return QStringLiteral("connect");
    case Step::Record: return QStringLiteral("record");
    }
    return {};
}

bool FlashItem::usesPair() const
{
    switch (source) {
    case Source::Certificate:
    case Source::Key:
    case Source::SecureCert: return true;
    case Source::Nvs: {
        const QStringList names = Image::Nvs::placeholdersIn(nvsCsv);
        return names.contains(QStringLiteral("certificate"))
               || names.contains(QStringLiteral("key")) || names.contains(QStringLiteral("pair"));
    }
    case Source::File: return false;
    }
    return false;
}

bool Recipe::needsPair() const
{
    for (const FlashItem &item : flash)
        if (item.usesPair())
            return true;
    return false;
}

int Recipe::retriesFor(Step step) const { return retries.value(stepName(step), 0); }

QList<Recipe::Step> Recipe::steps() const
{
    QList<Step> out{Step::Identify};
    if (needsPair())
        out << Step::Claim;
    if (preflight)
        out << Step::Preflight;
    if (!flash.isEmpty())
        out << Step::Flash;
    if (verify && !flash.isEmpty())
        out << Step::Verify;
    if (provision)
        out << Step::Provision;
    if (connect)
        out << Step::Connect;
    out << Step::Record;
    return out;
}

QString Recipe::provisionAddressFor(const QString &port) const
{
    if (!provision)
        return {};
    return provision->addresses.value(port, provision->defaultAddress);
}

Result<Recipe> Recipe::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("recipe.read"), Tr::tr("Cannot read the recipe."),
                           path + QStringLiteral(": ") + f.errorString());
    return fromJson(f.readAll(), QFileInfo(path).absolutePath());
}

Result<Recipe> Recipe::fromJson(const QByteArray &json, const QString &baseDir,
                                bool registerSecrets)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return recipeError(Tr::tr("not a JSON object"), parseError.errorString());
    const QJsonObject o = doc.object();
    const QDir base(baseDir.isEmpty() ? QDir::currentPath() : baseDir);

    Recipe r;
    r.name = o.value(QStringLiteral("name")).toString();
    if (o.contains(QStringLiteral("baud")))
        r.baud = o.value(QStringLiteral("baud")).toInt();
    if (r.baud <= 0)
        return recipeError(Tr::tr("baud must be positive"));
    if (o.contains(QStringLiteral("tableOffset"))) {
        auto n = parseNumber(o.value(QStringLiteral("tableOffset")), QStringLiteral("tableOffset"));
        if (!n)
            return n.error();
        r.tableOffset = *n;
    }
    const QJsonObject retries = o.value(QStringLiteral("retries")).toObject();
    for (auto it = retries.begin(); it != retries.end(); ++it)
        r.retries.insert(it.key(), qMax(0, it.value().toInt()));

    if (o.contains(QStringLiteral("preflight"))) {
        const QJsonObject p = o.value(QStringLiteral("preflight")).toObject();
        r.preflight = p.value(QStringLiteral("enabled")).toBool(true);
        r.preflightTarget = p.value(QStringLiteral("target")).toString();
        for (const auto &ca : p.value(QStringLiteral("ca")).toArray())
            r.preflightCa << base.absoluteFilePath(ca.toString());
    }

    for (const auto &v : o.value(QStringLiteral("flash")).toArray()) {
        const QJsonObject item = v.toObject();
        if (item.contains(QStringLiteral("nvs")) || item.contains(QStringLiteral("secureCert"))) {
            auto store = storeItemFromJson(item, base);
            if (!store)
                return store.error();
            r.flash.append(*store);
            continue;
        }
        FlashItem f;
        const QString source
            = item.value(QStringLiteral("source")).toString(QStringLiteral("file"));
        if (source == QStringLiteral("certificate"))
            f.source = FlashItem::Source::Certificate;
        else if (source == QStringLiteral("key"))
            f.source = FlashItem::Source::Key;
        else if (source == QStringLiteral("file"))
            f.source = FlashItem::Source::File;
        else
            return recipeError(Tr::tr("unknown flash source \"%1\"").arg(source));
        if (f.source == FlashItem::Source::File) {
            const QString file = item.value(QStringLiteral("file")).toString();
            if (file.isEmpty())
                return recipeError(Tr::tr("a file flash item needs \"file\""));
            f.file = base.absoluteFilePath(file);
        }
        f.partition = item.value(QStringLiteral("partition")).toString();
        if (item.contains(QStringLiteral("address"))) {
            auto n = parseNumber(item.value(QStringLiteral("address")), QStringLiteral("address"));
            if (!n)
                return n.error();
            f.address = *n;
        }
        if (f.partition.isEmpty() && !f.address)
            return recipeError(Tr::tr("a flash item needs a partition or an address"));
        const QString fmt
            = item.value(QStringLiteral("format"))
                  .toString(f.source == FlashItem::Source::File ? QStringLiteral("raw")
                                                                : QStringLiteral("pem-nul"));
        auto format = Image::payloadFormatFromName(fmt);
        if (!format)
            return format.error();
        f.format = *format;
        r.flash.append(f);
    }
    r.verify = o.value(QStringLiteral("verify")).toBool(true);

    if (o.contains(QStringLiteral("provision"))) {
        const QJsonObject p = o.value(QStringLiteral("provision")).toObject();
        ProvisionSettings s;
        s.ssid = p.value(QStringLiteral("ssid")).toString().toUtf8();
        if (s.ssid.isEmpty())
            return recipeError(Tr::tr("provision needs an ssid"));
        s.passphrase = p.value(QStringLiteral("passphrase")).toString().toUtf8();
        s.pop = p.value(QStringLiteral("pop")).toString().toUtf8();
        s.username = p.value(QStringLiteral("username")).toString().toUtf8();
        s.security = p.value(QStringLiteral("security")).toInt(-1);
        if (s.security < -1 || s.security > 2)
            return recipeError(Tr::tr("provision.security must be 0, 1 or 2"));
        // Both end up in logs only as "[redacted]".
        if (registerSecrets && !s.passphrase.isEmpty())
            Redactor::registerSecret(QString::fromUtf8(s.passphrase));
        if (registerSecrets && !s.pop.isEmpty())
            Redactor::registerSecret(QString::fromUtf8(s.pop));
        const QJsonObject addresses = p.value(QStringLiteral("addresses")).toObject();
        for (auto it = addresses.begin(); it != addresses.end(); ++it)
            s.addresses.insert(it.key(), it.value().toString());
        s.defaultAddress = p.value(QStringLiteral("address")).toString();
        QStringList typed = s.addresses.values();
        if (!s.defaultAddress.isEmpty())
            typed << s.defaultAddress;
        for (const QString &address : std::as_const(typed)) {
            if (Result<Endpoint> e = parseEndpoint(address); !e)
                return recipeError(QStringLiteral("provision address: ") + e.error().message,
                                   address);
        }
        if (s.addresses.isEmpty() && s.defaultAddress.isEmpty())
            return recipeError(Tr::tr("provision needs \"addresses\" per port or an \"address\""));
        const QJsonObject custom = p.value(QStringLiteral("customData")).toObject();
        s.customEndpoint = custom.value(QStringLiteral("endpoint")).toString();
        s.customData = custom.value(QStringLiteral("data")).toString().toUtf8();
        s.timeoutMs = p.value(QStringLiteral("timeoutMs")).toInt(60000);
        s.pollIntervalMs = p.value(QStringLiteral("pollIntervalMs")).toInt(500);
        r.provision = s;
    }
    if (o.contains(QStringLiteral("connect"))) {
        const QJsonObject c = o.value(QStringLiteral("connect")).toObject();
        ConnectSettings s;
        s.timeoutMs = c.value(QStringLiteral("timeoutMs")).toInt(s.timeoutMs);
        if (s.timeoutMs <= 0)
            return recipeError(QStringLiteral("connect.timeoutMs must be positive"));
        s.success = c.value(QStringLiteral("success")).toString(s.success);
        if (s.success.isEmpty() || !QRegularExpression(s.success).isValid())
            return recipeError(
                QStringLiteral("connect.success must be a valid regular expression"));
        s.baud = c.value(QStringLiteral("baud")).toInt(s.baud);
        if (s.baud <= 0)
            return recipeError(QStringLiteral("connect.baud must be positive"));
        r.connect = s;
    }
    return r;
}

} // namespace Forgeline::Station
