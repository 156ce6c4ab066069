// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/redactor.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSet>

namespace Forgeline {

namespace {

QMutex &secretsMutex()
{
    static QMutex m;
    return m;
}

QSet<QString> &secrets()
{
    static QSet<QString> s;
    return s;
}

const QRegularExpression &pemPrivateKey()
{
    static const QRegularExpression re(
        QStringLiteral(
            "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)"),
        QRegularExpression::DotMatchesEverythingOption);
    return re;
}

// key=value / key: value / "key": "value" for names that always carry a secret.
const QRegularExpression &namedSecret()
{
    static const QRegularExpression re(
        QStringLiteral(
            R"((\"?\b(?:pop|passphrase|password|passwd|psk|wifi_pass|secret|private_key)\b\"?\s*[:=]\s*)(\"[^\"]*\"|'[^']*'|[^\s,;&}]+))"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

QString Redactor::redact(const QString &text)
{
    QString out = text;
    {
        QMutexLocker lock(&secretsMutex());
        for (const QString &s : std::as_const(secrets()))
            out.replace(s, placeholder());
    }
    out.replace(pemPrivateKey(), QStringLiteral("[private key redacted]"));
    out.replace(namedSecret(), QStringLiteral("\\1") + placeholder());
    return out;
}

void Redactor::registerSecret(const QString &secret)
{
    if (secret.size() < MinimumSecretLength)
        return;
    QMutexLocker lock(&secretsMutex());
    secrets().insert(secret);
}

void Redactor::forgetSecret(const QString &secret)
{
    QMutexLocker lock(&secretsMutex());
    secrets().remove(secret);
}

void Redactor::forgetAllSecrets()
{
    QMutexLocker lock(&secretsMutex());
    secrets().clear();
}

} // namespace Forgeline
