// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tls/records/tlsrecord.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Forgeline::Tls {

struct FindingEvidence
{
    qint64 position = 0; // frame or line
    QString text;
};

// A framing problem the records prove, in the words of the diagnosis vocabulary.
struct RecordFinding
{
    QString id;
    QString title;
    QString explanation;
    int stream = 0;
    QList<FindingEvidence> evidence;
    QStringList fixes;
    QHash<QString, QString> values; // the vocabulary placeholders, for reuse by the log diagnosis
};

struct FindingContext
{
    int inputBufferBytes = 16384; // the receiving device's CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN
    QString target;               // "ESP-IDF v4.0 (mbedTLS 2.16)", empty without --target
    bool positionsAreLines = false;
};

// Runs every framing rule over one stream.
QList<RecordFinding> findRecordProblems(const TlsStream &stream, const FindingContext &context);

} // namespace Forgeline::Tls
