// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/flasher/slip.h"

namespace Forgeline::Flasher {

QByteArray Slip::encode(const QByteArray &payload)
{
    QByteArray out;
    out.reserve(payload.size() + payload.size() / 16 + 2);
    out.append(End);
    for (const char c : payload) {
        if (c == Esc) {
            out.append(Esc);
            out.append(EscEsc);
        } else if (c == End) {
            out.append(Esc);
            out.append(EscEnd);
        } else {
            out.append(c);
        }
    }
    out.append(End);
    return out;
}

void SlipDecoder::feed(const QByteArray &bytes)
{
    for (const char c : bytes) {
        switch (m_state) {
        case State::Idle:
            if (c == Slip::End) {
                m_state = State::InFrame;
                m_current.clear();
                m_overflow = false;
            } else if (m_noise.size() < MaxFrame) {
                m_noise.append(c);
            }
            break;
        case State::InFrame:
            if (c == Slip::End) {
                // An empty frame is the second delimiter of back-to-back frames: treat it as
                // the start of the next one, as esptool does.
                if (m_current.isEmpty())
                    break;
                if (!m_overflow)
                    m_frames.append(m_current);
                m_current.clear();
                m_state = State::Idle;
            } else if (c == Slip::Esc) {
                m_state = State::Escape;
            } else {
                if (m_current.size() >= MaxFrame)
                    m_overflow = true;
                else
                    m_current.append(c);
            }
            break;
        case State::Escape:
            if (c == Slip::EscEnd) {
                m_current.append(Slip::End);
                m_state = State::InFrame;
            } else if (c == Slip::EscEsc) {
                m_current.append(Slip::Esc);
                m_state = State::InFrame;
            } else {
                ++m_badEscapes;
                m_current.clear();
                // A bad escape poisons the frame; a C0 here still opens a fresh one.
                m_state = (c == Slip::End) ? State::InFrame : State::Idle;
            }
            break;
        }
    }
}

QList<QByteArray> SlipDecoder::takeFrames()
{
    QList<QByteArray> out;
    out.swap(m_frames);
    return out;
}

QByteArray SlipDecoder::takeNoise()
{
    QByteArray out;
    out.swap(m_noise);
    return out;
}

void SlipDecoder::reset()
{
    m_state = State::Idle;
    m_current.clear();
    m_frames.clear();
    m_noise.clear();
    m_overflow = false;
}

} // namespace Forgeline::Flasher
