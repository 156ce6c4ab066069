// SPDX-License-Identifier: GPL-3.0-or-later
#include "storecli.h"

#include <QFile>
#include <QSaveFile>

namespace Forgeline::Cli {

QCommandLineOption showSecretsOption()
{
    return QCommandLineOption(
        QStringLiteral("show-secrets"),
        QStringLiteral("Print private keys and secret values instead of their summary."));
}

Result<QByteArray> readPartitionFromBoard(const QCommandLineParser &parser,
                                          const FlashLinkOptions &link, const QString &partition,
                                          bool quiet, int *usageExit)
{
    Flasher::FlashJobRequest request;
    request.kind = Flasher::FlashJobRequest::Kind::Read;
    *usageExit = link.fill(parser, request);
    if (*usageExit >= 0)
        return Error::make(QStringLiteral("usage"), QString());
    request.partition = partition;
    auto r = runFlashJob(request, quiet);
    if (!r)
        return r.error();
    return r->data;
}

bool writeOutputFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        printError(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    return true;
}

} // namespace Forgeline::Cli
