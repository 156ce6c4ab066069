// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image/nvskeys.h"

#include "core/image/nvsformat.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace Forgeline::Image::Nvs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Forgeline::Image::Nvs::Keys", text);
}

constexpr int KeysAndCrc = 2 * Keys::KeySize + 4;

QByteArray xts(const Keys &keys, quint32 offset, const QByteArray &in, bool encrypt)
{
    Q_ASSERT(keys.isValid() && in.size() == EntrySize);
    unsigned char tweak[16] = {};
    for (int i = 0; i < 4; ++i)
        tweak[i] = uchar((offset >> (8 * i)) & 0xFF);
    const QByteArray key = keys.xtsKey();
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        &EVP_CIPHER_CTX_free);
    QByteArray out(in.size(), '\0');
    int len = 0;
    const auto *k = reinterpret_cast<const uchar *>(key.constData());
    const bool ok
        = ctx
          && EVP_CipherInit_ex(ctx.get(), EVP_aes_256_xts(), nullptr, k, tweak, encrypt ? 1 : 0)
                 == 1
          && EVP_CipherUpdate(ctx.get(), reinterpret_cast<uchar *>(out.data()), &len,
                              reinterpret_cast<const uchar *>(in.constData()), int(in.size()))
                 == 1
          && len == in.size();
    // XTS with distinct 32-byte keys on 32-byte units cannot fail; a failure is a broken
    // OpenSSL, and an all-FF entry reads back as "empty" rather than as wrong data.
    return ok ? out : QByteArray(in.size(), '\xFF');
}

} // namespace

QByteArray encryptEntry(const Keys &keys, quint32 partitionOffset, const QByteArray &plain)
{
    return xts(keys, partitionOffset, plain, true);
}

QByteArray decryptEntry(const Keys &keys, quint32 partitionOffset, const QByteArray &cipher)
{
    return xts(keys, partitionOffset, cipher, false);
}

Result<Keys> Keys::generate()
{
    Keys k;
    QByteArray bytes(2 * KeySize, '\0');
    // OpenSSL refuses XTS keys whose halves are equal; draw again in that (2^-256) case.
    do {
        if (RAND_bytes(reinterpret_cast<uchar *>(bytes.data()), int(bytes.size())) != 1)
            return Error::make(QStringLiteral("nvs.keys.random"),
                               tr("Could not draw random NVS encryption keys"),
                               QStringLiteral("RAND_bytes failed"));
    } while (bytes.first(KeySize) == bytes.sliced(KeySize));
    k.encryptionKey = bytes.first(KeySize);
    k.tweakKey = bytes.sliced(KeySize);
    return k;
}

QByteArray Keys::toPartitionImage() const
{
    QByteArray image(PartitionImageSize, '\xFF');
    const QByteArray both = xtsKey();
    image.replace(0, both.size(), both);
    writeLe32(image.data() + both.size(), espCrc32(both));
    return image;
}

Result<Keys> Keys::fromPartitionImage(const QByteArray &bytes)
{
    if (bytes.size() < 2 * KeySize)
        return Error::make(QStringLiteral("nvs.keys.short"),
                           tr("The NVS keys file holds %1 bytes; it needs 64 (two 32-byte keys)")
                               .arg(bytes.size()));
    const QByteArray both = bytes.first(2 * KeySize);
    if (bytes.size() >= KeysAndCrc) {
        const quint32 stored = readLe32(bytes.constData() + 2 * KeySize);
        if (stored != espCrc32(both))
            return Error::make(QStringLiteral("nvs.keys.crc"),
                               tr("The NVS keys file fails its CRC check (stored 0x%1, computed "
                                  "0x%2): it is not an nvs_keys partition or it is damaged")
                                   .arg(stored, 8, 16, QLatin1Char('0'))
                                   .arg(espCrc32(both), 8, 16, QLatin1Char('0')));
    }
    if (both == QByteArray(both.size(), '\xFF'))
        return Error::make(QStringLiteral("nvs.keys.empty"),
                           tr("The NVS keys partition is erased (all 0xFF): no keys in it"));
    Keys k;
    k.encryptionKey = both.first(KeySize);
    k.tweakKey = both.sliced(KeySize);
    if (k.encryptionKey == k.tweakKey)
        return Error::make(QStringLiteral("nvs.keys.equal"),
                           tr("The two NVS keys are equal; XTS-AES needs two different keys"));
    return k;
}

Result<void> Keys::saveOwnerOnly(const QString &path) const
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error::make(QStringLiteral("nvs.keys.write"),
                           tr("Cannot create the keys file %1").arg(path),
                           QString::fromLocal8Bit(strerror(errno)));
    // An existing file keeps its mode through O_TRUNC: narrow it before any key byte lands.
    const bool narrowed = ::fchmod(fd, 0600) == 0;
    const QByteArray image = toPartitionImage();
    const bool written
        = narrowed && ::write(fd, image.constData(), size_t(image.size())) == image.size();
    const bool closed = ::close(fd) == 0;
    if (!written || !closed)
        return Error::make(QStringLiteral("nvs.keys.write"),
                           tr("Cannot write the keys file %1").arg(path));
    return {};
}

Result<Keys> Keys::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(QStringLiteral("nvs.keys.read"),
                           tr("Cannot read the keys file %1: %2").arg(path, f.errorString()));
    return fromPartitionImage(f.read(PartitionImageSize));
}

} // namespace Forgeline::Image::Nvs
