// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/image/imageinspector.h"

#include <QString>
#include <QStringList>

namespace Forgeline::Image {

// One file-to-file conversion of the Image workspace, with the file reading and writing, so the
// GUI runs exactly what the CLI runs (in a worker thread: nothing here touches widgets).
struct ConversionRequest
{
    enum class Kind { FlashEncrypt, FlashDecrypt, FindOffset, PreEncrypt, PreDecrypt };
    enum class KeyKind { FlashKey, RsaPublic, DevicePublic, RsaOrDevicePrivate, DeviceHmac };

    Kind kind = Kind::FlashEncrypt;
    KeyKind keyKind = KeyKind::FlashKey;
    QString input;
    QString output; // not for FindOffset
    QString keyFile;
    QString chip;        // flash encryption: "esp32", "esp32c3" …
    quint32 address = 0; // flash encryption
    int flashCryptConfig = 0xF;
    QString tableFile; // FindOffset: optional CSV or binary table
};

struct ConversionOutcome
{
    QString message;        // one line for the user
    QStringList offsets;    // FindOffset: matching addresses, "0x10000"
    ImageInspection result; // what the output (or the decrypted input) is
    bool found = true;      // FindOffset: false when no address matched
};

Result<ConversionOutcome> runConversion(const ConversionRequest &request);

// Reads a file and inspects it (for the workspace's worker thread).
Result<ImageInspection> inspectFile(const QString &path, const InspectOptions &options = {});

} // namespace Forgeline::Image
