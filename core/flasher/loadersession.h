// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/flasher/chipdatabase.h"
#include "core/flasher/resetstrategy.h"
#include "core/flasher/romconversation.h"
#include "core/flasher/romprotocol.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

namespace Forgeline::Flasher {

class RomClient;
class SerialLink;

struct BoardInfo
{
    QString chipKey;
    QString chipName;
    int chipId = -1;
    QByteArray mac;
    quint32 flashId = 0;
    quint32 flashSize = 0;
    bool flashSizeGuessed = false;
    bool securityInfo = false;
    quint32 securityFlags = 0;
    quint32 ecoVersion = 0;
    bool secureDownload = false;
    // SPI_BOOT_CRYPT_CNT / FLASH_CRYPT_CNT: from GET_SECURITY_INFO, or (ESP32) its eFuse word.
    // Flash encryption is on when an odd number of its bits are set. Empty: not read.
    std::optional<quint8> flashCryptCnt;
    bool flashEncryptionEnabled() const
    {
        return flashCryptCnt && (qPopulationCount(*flashCryptCnt) & 1);
    }
    QString flashEncryptionText() const; // "on (FLASH_CRYPT_CNT 0x1)", "off (...)", "unknown"
    QString resetUsed;
    qint32 baud = 115200;
    ChipRevision revision; // unknown when the eFuse words could not be read
    QString macText() const { return formatMac(mac); }
    // "ESP32-D0WD-V3 (revision v3.0)", or the chip name with "revision unknown".
    QString chipDescription() const;
    QJsonObject toJson() const;
};

// A connection to a chip's serial ROM loader (no stub), asynchronous on the event loop.
// Every operation takes a completion callback; progress is reported by signal. cancel()
// stops at the next command boundary; a lost link fails the command in flight.
class LoaderSession : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString port;
        qint32 baud = 921600;
        ResetKind reset = ResetKind::Auto;
    };

    explicit LoaderSession(QObject *parent = nullptr);
    ~LoaderSession() override;

    void connectBoard(const Options &options, std::function<void(Result<BoardInfo>)> done);
    void readFlash(quint32 address, quint32 size, std::function<void(Result<QByteArray>)> done);
    // The 16-byte MD5 the chip computes over flash.
    void flashMd5(quint32 address, quint32 size, std::function<void(Result<QByteArray>)> done);
    // Compressed write (plain if compression does not help), per-block retry, MD5 check,
    // whole-write retry on a mismatch or a chip reset. Succeeds only with a matching MD5.
    void writeFlash(quint32 address, const QByteArray &data,
                    std::function<void(Result<void>)> done);
    // RTS pulse where the port has modem lines, else the ROM's reboot command.
    void hardReset(std::function<void()> done);
    void cancel();
    void close();

    bool isCancelled() const { return m_cancelled; }
    const BoardInfo &board() const { return m_board; }
    SerialLink *link() const { return m_link; }
    qint64 bytesSent() const;

    static Error cancelledError();

Q_SIGNALS:
    void progress(const QString &stage, qint64 done, qint64 total);
    void message(const QString &line);

private:
    struct WriteState
    {
        quint32 address = 0;
        QByteArray data;
        QByteArray expectedMd5;
        bool compressed = false;
        QList<QByteArray> blocks;
        QList<qint64> plainAfterBlock; // cumulative uncompressed bytes, for progress and timeouts
        int index = 0;
        int blockAttempt = 0;
        int wholeAttempt = 0;
        std::function<void(Result<void>)> done;
    };
    using Next = std::function<void(Result<RomResponse>)>;
    void cmd(quint8 op, const QByteArray &data, quint32 checksum, int timeoutMs, Next next,
             bool acceptFailure = false);
    void tryAttempt(int attempt);
    void syncTry(int attempt, int tryIndex);
    RomSend romSend();
    // The connect sequence after SYNC (loadersessionidentify.cpp).
    void afterSync();
    StepResult takeSecurityInfo(const RomResponse &reply);
    StepResult takeChipMagic(const RomResponse &reply);
    void readMac();
    void readRevision();
    void attachAndReadFlashId();
    void setParamsAndBaud();
    void finishConnect(Result<BoardInfo> result);
    void resync(std::function<void(Result<void>)> done);
    void resyncTry(int tryIndex, std::function<void(Result<void>)> done);
    void postSync(std::function<void(Result<void>)> done);
    void startWrite();
    void sendBlock();
    void verifyWrite();
    void retryWhole(const Error &why);
    void finishWrite(Result<void> result);
    void readChunk(quint32 address, quint32 size, std::shared_ptr<QByteArray> out, int attempt,
                   std::function<void(Result<QByteArray>)> done);

    SerialLink *m_link = nullptr;
    RomClient *m_client = nullptr;
    ResetRunner *m_reset = nullptr;
    Options m_options;
    BoardInfo m_board;
    const ChipDescription *m_chip = nullptr;
    QList<ResetAttempt> m_attempts;
    std::function<void(Result<BoardInfo>)> m_connectDone;
    std::unique_ptr<WriteState> m_write;
    bool m_cancelled = false;
    bool m_linkLost = false;
    Error m_linkError;
    QByteArray m_lastBanner;
};

} // namespace Forgeline::Flasher
