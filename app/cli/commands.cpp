// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

namespace Forgeline::Cli {

int runDecode(const QStringList &arguments);

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {QStringLiteral("decode"), QStringLiteral("Explain mbedTLS / ESP-IDF / PSA / X.509 error codes"), &runDecode},
    };
    return list;
}

} // namespace Forgeline::Cli
