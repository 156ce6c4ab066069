// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A bare pseudo-terminal for monitor tests that play the board themselves: the test writes the
// board's bytes to `master`, the monitor opens `name` like a USB serial port. Raw mode, so a
// line of log arrives exactly as written (no echo, no CR/LF rewriting); the master does not
// block, so a test can keep writing while the monitor reads.

#include <QString>

#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace Forgeline::TestSupport {

struct RawPty
{
    int master = -1;
    int slave = -1;
    QString name;

    RawPty() = default;
    RawPty(const RawPty &) = delete;
    RawPty &operator=(const RawPty &) = delete;

    bool open()
    {
        char path[256] = {};
        if (::openpty(&master, &slave, path, nullptr, nullptr) != 0)
            return false;
        termios t{};
        ::tcgetattr(slave, &t);
        ::cfmakeraw(&t);
        ::tcsetattr(slave, TCSANOW, &t);
        ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
        name = QString::fromLocal8Bit(path);
        return true;
    }

    ~RawPty()
    {
        if (master >= 0)
            ::close(master);
        if (slave >= 0)
            ::close(slave);
    }
};

} // namespace Forgeline::TestSupport
