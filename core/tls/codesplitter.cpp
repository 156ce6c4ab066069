// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/codesplitter.h"

#include <QRegularExpression>
#include <QStringBuilder>

namespace Forgeline::Tls {

QStringList splitCodes(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    static const QRegularExpression flagsWord(QStringLiteral("^flags[:=]?$"),
                                              QRegularExpression::CaseInsensitiveOption);
    const QStringList tokens = text.split(separators, Qt::SkipEmptyParts);
    QStringList codes;
    codes.reserve(tokens.size());
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        // A trailing "flags" with nothing after it stays alone, so the decoder can say it needs a value.
        if (i + 1 < tokens.size() && flagsWord.match(tokens.at(i)).hasMatch()) {
            codes.append(tokens.at(i) % u' ' % tokens.at(i + 1));
            ++i;
            continue;
        }
        codes.append(tokens.at(i));
    }
    return codes;
}

} // namespace Forgeline::Tls
