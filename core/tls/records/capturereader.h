// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/tls/records/dissectreport.h"
#include "core/tls/records/recorddissector.h"

#include <QByteArrayView>
#include <QString>

#include <functional>

namespace Forgeline::Tls {

// pcap and pcapng files through libpcap; frames go through our TCP reassembly.
namespace CaptureReader {

// Whether the first bytes are a pcap or pcapng magic number.
bool isCapture(QByteArrayView head);

using Progress = std::function<bool(qint64 done, qint64 total)>; // false cancels

// Fills kind, units, streams and notes. A file that ends inside a frame keeps what came before
// it, with a note; a file libpcap cannot open at all is an error.
Result<void> readFile(const QString &path, DissectReport &report, const DissectLimits &limits,
                      qint64 &keptBytes, const Progress &progress = {});
Result<void> readBytes(QByteArrayView data, DissectReport &report, const DissectLimits &limits,
                       qint64 &keptBytes);

} // namespace CaptureReader

} // namespace Forgeline::Tls
