// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace Forgeline::Flasher {

// SLIP framing as the ESP ROM loader uses it: frames between 0xC0, with 0xDB escaped as
// DB DD and 0xC0 as DB DC.
namespace Slip {
constexpr char End = char(0xC0);
constexpr char Esc = char(0xDB);
constexpr char EscEnd = char(0xDC);
constexpr char EscEsc = char(0xDD);

QByteArray encode(const QByteArray &payload);
} // namespace Slip

// Incremental reader. Bytes seen outside a frame (boot banners, crash dumps) are kept as
// "noise" instead of failing, because a reset can print at any time and the caller wants
// to read it ("waiting for download"). A bad escape drops the frame and counts an error.
class SlipDecoder
{
public:
    void feed(const QByteArray &bytes);

    // Frames completed so far (payload without delimiters), in order; clears them.
    QList<QByteArray> takeFrames();
    // Text seen between frames since the last call; clears it.
    QByteArray takeNoise();

    int badEscapes() const { return m_badEscapes; }
    bool inFrame() const { return m_state != State::Idle; }
    void reset();

    // A frame larger than this is dropped: nothing in the protocol comes close.
    static constexpr qsizetype MaxFrame = 64 * 1024;

private:
    enum class State { Idle, InFrame, Escape };
    State m_state = State::Idle;
    QByteArray m_current;
    QList<QByteArray> m_frames;
    QByteArray m_noise;
    int m_badEscapes = 0;
    bool m_overflow = false;
};

} // namespace Forgeline::Flasher
