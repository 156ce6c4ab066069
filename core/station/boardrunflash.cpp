// SPDX-License-Identifier: GPL-3.0-or-later
// The steps that write the board: flash (files, the claimed pair, per-board store images) and
// verify (each region's MD5 read back, then a reset into the firmware).
#include "core/station/boardrun.h"
#include "core/station/storeimage.h"

#include "core/common/guarded.h"
#include "core/flasher/appimagecheck.h"
#include "core/image/certpayload.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>

namespace Forgeline::Station {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Station::BoardRun)
};

} // namespace

using Flasher::LoaderSession;

void BoardRun::doFlash()
{
    if (m_pending.isEmpty()) {
        for (const FlashItem &f : m_recipe.flash) {
            if (f.isStore()) {
                if (!queueStore(f))
                    return;
                continue;
            }
            QByteArray input;
            if (f.source == FlashItem::Source::Certificate)
                input = m_pair->cert;
            else if (f.source == FlashItem::Source::Key)
                input = m_pair->key;
            else {
                QFile file(f.file);
                if (!file.open(QIODevice::ReadOnly)) {
                    stepFailed(Error::make(QStringLiteral("station.file"),
                                           Tr::tr("Cannot read a file to flash."),
                                           f.file + QStringLiteral(": ") + file.errorString()));
                    return;
                }
                input = file.readAll();
            }
            auto payload = Image::encodeCertPayload(input, f.format);
            if (!payload) {
                stepFailed(payload.error());
                return;
            }
            Pending p{0, payload->bytes, f.partition, f.source != FlashItem::Source::File, false};
            if (!f.partition.isEmpty()) {
                const Image::Partition *part = partitionOrFail(f.partition);
                if (!part)
                    return;
                if (part->type == 0x00) {
                    // The firmware step: the same checks as Flash (chip, revision, flash
                    // encryption, a real app), and whole sectors so the MD5 covers what boots.
                    if (auto ok = Flasher::checkAppImageForBoard(p.data, m_board, *part); !ok) {
                        stepFailed(ok.error());
                        return;
                    }
                    p.data.append(
                        QByteArray((0x1000 - p.data.size() % 0x1000) % 0x1000, char(0xFF)));
                }
                if (auto fits = Image::checkPayloadFits(p.data.size(), part->size, part->name);
                    !fits) {
                    stepFailed(fits.error());
                    return;
                }
                p.address = part->offset;
            } else {
                p.address = *f.address;
            }
            m_pending.append(p);
        }
        m_flashIndex = 0;
    }
    withSession([this] { flashItem(m_flashIndex); });
}

const Image::Partition *BoardRun::partitionOrFail(const QString &name)
{
    const Image::Partition *part = m_table ? m_table->find(name) : nullptr;
    if (!part)
        stepFailed(Error::make(QStringLiteral("station.partition"),
                               Tr::tr("The board has no \"%1\" partition.").arg(name), {},
                               Tr::tr("Check the board's partition table against the recipe.")));
    return part;
}

// A store item becomes one or two partition images made for this board alone: its pair (and,
// for encrypted NVS, fresh keys) never touch a file, and the log names only sizes.
bool BoardRun::queueStore(const FlashItem &f)
{
    const Image::Partition *part = partitionOrFail(f.partition);
    if (!part)
        return false;
    const Image::Partition *keysPart = nullptr;
    if (!f.keysPartition.isEmpty() && !(keysPart = partitionOrFail(f.keysPartition)))
        return false;
    BoardValues values;
    if (m_pair) {
        values.certificate = m_pair->cert;
        values.privateKey = m_pair->key;
        values.pairId = m_pair->id;
    }
    values.mac = m_board.macText();
    auto images = buildStoreImage(f, values, part->size);
    if (!images) {
        stepFailed(images.error());
        return false;
    }
    addLog(
        Tr::tr("%1 for %2: %3").arg(part->name, m_pair ? m_pair->id : values.mac, images->summary));
    if (images->keysImage) {
        if (auto fits
            = Image::checkPayloadFits(images->keysImage->size(), keysPart->size, keysPart->name);
            !fits) {
            stepFailed(fits.error());
            return false;
        }
        m_pending.append(Pending{keysPart->offset, *images->keysImage, keysPart->name, true, true});
    }
    m_pending.append(Pending{part->offset, images->image, part->name, f.usesPair(), false});
    return true;
}

void BoardRun::flashItem(int index)
{
    if (index >= m_pending.size()) {
        if (m_pair && m_context.store && m_context.store->hasPool() && !m_pairUsed) {
            m_context.store->markUsed(m_pair->id, m_board.macText(), this, [this](Result<void> r) {
                if (m_state != State::Running || m_cancelled || m_recording)
                    return;
                if (!r) {
                    stepFailed(r.error());
                    return;
                }
                m_pairUsed = true;
                nextStep();
            });
            return;
        }
        nextStep();
        return;
    }
    const Pending &p = m_pending[index];
    if (p.pairPart)
        m_pairTouched = true; // from the first byte on, this pair belongs to this board
    addLog(Tr::tr("writing %1 bytes to %2 at 0x%3")
               .arg(p.data.size())
               .arg(p.name)
               .arg(p.address, 0, 16));
    QPointer<LoaderSession> session = m_session;
    m_session->writeFlash(
        p.address, p.data, guarded(this, [this, session, index](Result<void> r) {
            if (m_session != session)
                return;
            if (!r) {
                stepFailed(r.error());
                return;
            }
            const Pending &done = m_pending[index];
            // An nvs_keys image is the keys themselves: not even its digest goes into a record.
            m_record.written.append(
                {done.name, done.address, quint32(done.data.size()),
                 done.secret
                     ? QStringLiteral("secret")
                     : QString::fromLatin1(
                         QCryptographicHash::hash(done.data, QCryptographicHash::Md5).toHex())});
            m_flashIndex = index + 1;
            flashItem(index + 1);
        }));
}

void BoardRun::doVerify()
{
    withSession([this] { verifyRegion(0); });
}

void BoardRun::verifyRegion(int index)
{
    if (index >= m_pending.size()) {
        QPointer<LoaderSession> session = m_session;
        // Boot the firmware so the next steps (provisioning) talk to it, not to the ROM.
        m_session->hardReset(guarded(this, [this, session] {
            if (m_session != session)
                return;
            dropSession();
            nextStep();
        }));
        return;
    }
    const Pending &p = m_pending[index];
    QPointer<LoaderSession> session = m_session;
    m_session->flashMd5(p.address, quint32(p.data.size()),
                        guarded(this, [this, session, index](Result<QByteArray> r) {
                            if (m_session != session)
                                return;
                            if (!r) {
                                stepFailed(r.error());
                                return;
                            }
                            const Pending &p = m_pending[index];
                            const QByteArray expected
                                = QCryptographicHash::hash(p.data, QCryptographicHash::Md5);
                            if (*r != expected) {
                                stepFailed(Error::make(
                                    QStringLiteral("station.verify"),
                                    Tr::tr("%1 does not read back as written.")
                                        .arg(p.name.isEmpty() ? QStringLiteral("flash") : p.name),
                                    Tr::tr("md5 chip %1, expected %2")
                                        .arg(QString::fromLatin1(r->toHex()),
                                             QString::fromLatin1(expected.toHex()))));
                                return;
                            }
                            verifyRegion(index + 1);
                        }));
}

} // namespace Forgeline::Station
