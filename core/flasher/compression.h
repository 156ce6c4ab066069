// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>

#include <memory>

namespace Forgeline::Flasher {

// A zlib stream (header + deflate + Adler-32) at level 9, as esptool and the loaders expect.
QByteArray zlibCompress(const QByteArray &data, int level = 9);

// The compressed stream cut into consecutive slices of `blockSize`; the last one is shorter
// and not padded. Slices ignore deflate block boundaries: the device inflates a stream.
QList<QByteArray> splitBlocks(const QByteArray &stream, int blockSize);

// Streaming inflater: the device side feeds each FLASH_DEFL_DATA slice; the host side uses
// it to learn how many bytes each slice yields (for progress).
class Inflater
{
public:
    Inflater();
    ~Inflater();
    Inflater(const Inflater &) = delete;
    Inflater &operator=(const Inflater &) = delete;

    // Appends what `input` inflates to; fails on a corrupt stream or bad Adler-32.
    Result<QByteArray> feed(const QByteArray &input);
    bool finished() const { return m_finished; }
    // Distinguishes an Adler-32 failure (ROM error 0x0C) from other corruption (0x0B).
    bool lastErrorWasAdler() const { return m_adlerError; }
    void reset();

private:
    struct State;
    std::unique_ptr<State> m_state;
    bool m_finished = false;
    bool m_adlerError = false;
};

} // namespace Forgeline::Flasher
