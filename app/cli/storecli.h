// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flashcli.h"

namespace Forgeline::Cli {

// --show-secrets, shared by the dump commands.
QCommandLineOption showSecretsOption();

// Reads a partition by name from a board (the read-flash path, MD5-checked).
Result<QByteArray> readPartitionFromBoard(const QCommandLineParser &parser,
                                          const FlashLinkOptions &link, const QString &partition,
                                          bool quiet, int *usageExit);

// Writes bytes to a file; prints the error and returns false on failure.
bool writeOutputFile(const QString &path, const QByteArray &bytes);

} // namespace Forgeline::Cli
