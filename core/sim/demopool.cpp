// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/demopool.h"
#include "core/sim/demox509.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace Forgeline::Sim {

namespace {

using namespace DemoX509;

// Ten years: a demo pool made once keeps working for as long as anyone runs the demo.
constexpr long PoolValidDays = 3650;

Error sslError(const QString &what)
{
    return Error::make(QStringLiteral("demo.pool"),
                       QStringLiteral("Could not make the demo certificate pool."),
                       what + QStringLiteral(": ") + lastError());
}

Result<void> writeFile(const QString &path, const QByteArray &bytes, bool secret)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::make(QStringLiteral("demo.pool"),
                           QStringLiteral("Could not write the demo certificate pool."),
                           path + QStringLiteral(": ") + f.errorString());
    if (secret)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(bytes);
    if (!f.commit())
        return Error::make(QStringLiteral("demo.pool"),
                           QStringLiteral("Could not write the demo certificate pool."),
                           path + QStringLiteral(": ") + f.errorString());
    return {};
}

} // namespace

QString defaultDemoPoolDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/demo-pool");
}

Result<QStringList> writeDemoPool(const QString &dirPath, int count, const QString &prefix)
{
    const QDir dir(dirPath);
    if (!QDir().mkpath(dirPath))
        return Error::make(QStringLiteral("demo.pool"),
                           QStringLiteral("Could not make the demo certificate pool."), dirPath);
    PKey caKey = newP256Key();
    if (!caKey)
        return sslError(QStringLiteral("CA key"));
    Cert ca = makeCert(
        {QStringLiteral("Forgeline demo CA, not for production"), 1, PoolValidDays, Kind::Ca},
        caKey.get());
    if (!ca)
        return sslError(QStringLiteral("CA certificate"));
    bool wroteCa = false;
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const QString id = prefix + QStringLiteral("%1").arg(i, 4, 10, QLatin1Char('0'));
        ids << id;
        const QString crt = dir.filePath(id + QStringLiteral(".crt"));
        const QString keyPath = dir.filePath(id + QStringLiteral(".key"));
        if (QFile::exists(crt) && QFile::exists(keyPath))
            continue;
        PKey key = newP256Key();
        if (!key)
            return sslError(QStringLiteral("device key"));
        Cert cert = makeCert({id, 1000 + i, PoolValidDays, Kind::Client}, key.get(), ca.get(),
                             caKey.get());
        if (!cert)
            return sslError(QStringLiteral("device certificate"));
        if (auto r = writeFile(keyPath, pem(key.get()), true); !r)
            return r.error();
        if (auto r = writeFile(crt, pem(cert.get()), false); !r)
            return r.error();
        wroteCa = true;
    }
    // The CA that signed the newest pairs; older pairs from an earlier run keep theirs.
    if (wroteCa || !QFile::exists(dir.filePath(QStringLiteral("ca.pem"))))
        if (auto r = writeFile(dir.filePath(QStringLiteral("ca.pem")), pem(ca.get()), false); !r)
            return r.error();
    return ids;
}

} // namespace Forgeline::Sim
