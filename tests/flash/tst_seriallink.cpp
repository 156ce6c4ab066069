// SPDX-License-Identifier: GPL-3.0-or-later
// SerialLink on a real pseudo-terminal: a read that finds nothing is not an unplugged cable.
#include "core/flasher/seriallink.h"

#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

using namespace Forgeline;

class TestSerialLink : public QObject
{
    Q_OBJECT

    struct Pty
    {
        int master = -1;
        int slave = -1;
        QString name;
        ~Pty()
        {
            if (master >= 0)
                ::close(master);
            if (slave >= 0)
                ::close(slave);
        }
    };

    static bool openPty(Pty &p)
    {
        char name[128] = {};
        if (::openpty(&p.master, &p.slave, name, nullptr, nullptr) != 0)
            return false;
        termios t{};
        ::tcgetattr(p.slave, &t);
        ::cfmakeraw(&t);
        ::tcsetattr(p.slave, TCSANOW, &t);
        p.name = QString::fromLocal8Bit(name);
        return true;
    }

private Q_SLOTS:
    // The port becomes readable, then its queue is emptied before QSerialPort reads (here by a
    // notifier that fires first and flushes, as a loader's discard or a second reader would).
    // QSerialPort's empty read with a stale EAGAIN reads as ResourceError; the link must keep
    // the port and go on receiving.
    void emptyReadIsNotALostPort()
    {
        Pty p;
        QVERIFY(openPty(p));
        // Registered before the link's own notifier, so it is dispatched first for the same poll.
        const int spyFd = ::open(qPrintable(p.name), O_RDWR | O_NOCTTY | O_NONBLOCK);
        QVERIFY(spyFd >= 0);
        QSocketNotifier flusher(spyFd, QSocketNotifier::Read);
        int flushes = 0;
        bool flushing = true;
        connect(&flusher, &QSocketNotifier::activated, this, [&] {
            if (!flushing)
                return;
            ::tcflush(spyFd, TCIFLUSH);
            ++flushes;
            errno = EAGAIN; // what a non-blocking read or write left behind last
        });

        Flasher::SerialLink link;
        QList<Error> failed;
        connect(&link, &Flasher::SerialLink::failed, this,
                [&](const Error &e) { failed.append(e); });
        QSignalSpy opened(&link, &Flasher::SerialLink::opened);
        QByteArray received;
        connect(&link, &Flasher::SerialLink::dataReceived, this,
                [&](const QByteArray &b) { received += b; });
        link.open(p.name, 115200);
        QVERIFY(opened.wait(2000));

        for (int i = 0; i < 20 && failed.isEmpty(); ++i) {
            QVERIFY(::write(p.master, "lost?", 5) == 5);
            QTest::qWait(20);
        }
        QVERIFY2(flushes > 0, "the flusher never ran: the race was not provoked");
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().message));

        flushing = false;
        flusher.setEnabled(false);
        QVERIFY(::write(p.master, "still here\n", 11) == 11);
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("still here"), 3000);
        QVERIFY(failed.isEmpty());
        QVERIFY(link.isOpen());
        ::close(spyFd);
    }
};

QTEST_GUILESS_MAIN(TestSerialLink)
#include "tst_seriallink.moc"
