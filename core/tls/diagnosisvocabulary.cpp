// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/diagnosisvocabulary.h"

#include "core/common/jsonstringlist.h"

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
    const QJsonArray list = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("diagnoses")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        Entry e;
        e.id = o.value(QStringLiteral("id")).toString();
        e.title = o.value(QStringLiteral("title")).toString();
        e.explanation = o.value(QStringLiteral("explanation")).toString();
        e.fixes = jsonStringList(o.value(QStringLiteral("fixes")));
        m_entries.append(e);
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
    text.replace(leftover, QCoreApplication::translate("Forgeline::Tls::DiagnosisVocabulary", "details in the evidence"));
    return text;
}

} // namespace Forgeline::Tls
