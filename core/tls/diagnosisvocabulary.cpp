// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/diagnosisvocabulary.h"

#include "core/common/jsonstringlist.h"
#include "core/common/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Forgeline::Tls {

const DiagnosisVocabulary &DiagnosisVocabulary::instance()
{
    static const DiagnosisVocabulary vocabulary;
    return vocabulary;
}

DiagnosisVocabulary::DiagnosisVocabulary()
{
    QFile file(QStringLiteral(":/forgeline/data/diagnoses/diagnoses.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("diagnosis vocabulary missing from the resources");
    const QJsonArray list = QJsonDocument::fromJson(file.readAll())
                                .object()
                                .value(QStringLiteral("diagnoses"))
                                .toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        Entry e;
        e.id = o.value(QStringLiteral("id")).toString();
        e.title = o.value(QStringLiteral("title")).toString();
        e.explanation = o.value(QStringLiteral("explanation")).toString();
        e.fixes = jsonStringList(o.value(QStringLiteral("fixes")));
        m_entries.append(e);
    }
    // The same entries in the interface language where translated, by id; a missing or partial
    // entry keeps the English text rather than mixing a translated list with an English one.
    QFile local(QStringLiteral(":/forgeline/data/diagnoses/diagnoses.%1.json")
                    .arg(Translations::current()));
    if (!local.open(QIODevice::ReadOnly))
        return;
    const QJsonObject byId = QJsonDocument::fromJson(local.readAll())
                                 .object()
                                 .value(QStringLiteral("diagnoses"))
                                 .toObject();
    for (Entry &e : m_entries) {
        const QJsonObject t = byId.value(e.id).toObject();
        const QStringList fixes = jsonStringList(t.value(QStringLiteral("fixes")));
        if (t.value(QStringLiteral("title")).toString().isEmpty() || fixes.size() != e.fixes.size())
            continue;
        e.title = t.value(QStringLiteral("title")).toString();
        e.explanation = t.value(QStringLiteral("explanation")).toString(e.explanation);
        e.fixes = fixes;
    }
}

const DiagnosisVocabulary::Entry *DiagnosisVocabulary::find(const QString &id) const
{
    for (const Entry &e : m_entries) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

QStringList DiagnosisVocabulary::ids() const
{
    QStringList out;
    for (const Entry &e : m_entries)
        out << e.id;
    return out;
}

QString DiagnosisVocabulary::fill(QString text, const QHash<QString, QString> &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
    static const QRegularExpression leftover(QStringLiteral("\\{[a-z]+\\}"));
    text.replace(leftover, QCoreApplication::translate("Forgeline::Tls::DiagnosisVocabulary",
                                                       "details in the evidence"));
    return text;
}

} // namespace Forgeline::Tls
