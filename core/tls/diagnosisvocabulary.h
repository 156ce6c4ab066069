// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Forgeline::Tls {

// The diagnosis ids with their titles, explanations and fixes, read once from
// resources/data/diagnoses/diagnoses.json (the single source for GUI, CLI, reports and tests).
class DiagnosisVocabulary
{
public:
    struct Entry
    {
        QString id;
        QString title;
        QString explanation; // may hold {placeholders}
        QStringList fixes;
    };

    static const DiagnosisVocabulary &instance();

    const Entry *find(const QString &id) const;
    QStringList ids() const; // in file order

    // Replaces {name} with values; unknown placeholders become "details in the evidence".
    static QString fill(QString text, const QHash<QString, QString> &values);

private:
    DiagnosisVocabulary();
    QList<Entry> m_entries;
};

} // namespace Forgeline::Tls
