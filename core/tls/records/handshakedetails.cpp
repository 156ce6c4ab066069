// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tls/records/handshakedetails.h"

#include "core/common/translations.h"
#include "core/tls/handshaketrace.h"
#include "core/tls/records/bodyreader.h"
#include "core/tls/records/tlsnames.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <optional>

namespace Forgeline::Tls {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Forgeline::Tls", text, disambiguation, n);
}

constexpr int kHeader = 4; // detail offsets count from the start of the message header

using Reader = BodyReader;

QString hex(QByteArrayView v, int max = 32)
{
    QString s
        = QString::fromLatin1(v.first(std::min<qsizetype>(v.size(), max)).toByteArray().toHex());
    if (v.size() > max)
        s += QStringLiteral("…");
    return s;
}

QString bytesText(qsizetype n) { return tr("%n bytes", nullptr, int(n)); }

void malformed(DetailNode &node, const Reader &r)
{
    node.add(tr("malformed"),
             tr("the message ends early or a length does not fit (at byte %1)").arg(r.at()));
}

// Lists of 16-bit values (cipher suites, groups, signature schemes).
void addList16(DetailNode &parent, const QString &name, Reader list, QString (*namer)(int))
{
    DetailNode &node = parent.add(name, {}, list.at(), int(list.left()));
    QStringList names;
    while (!list.atEnd()) {
        const int at = list.at();
        const auto v = list.number(2);
        if (!v)
            break;
        node.add(namer(int(*v)), QStringLiteral("0x%1").arg(*v, 4, 16, QLatin1Char('0')), at, 2);
    }
    node.value = tr("%n entries", nullptr, int(node.children.size()));
}

void decodeExtension(HandshakeMessage &m, DetailNode &node, int type, Reader r, bool clientHello)
{
    switch (type) {
    case 0: { // server_name
        auto list = r.vector(2);
        while (list && !list->atEnd()) {
            const auto kind = list->number(1);
            auto name = list->vector(2);
            if (!kind || !name)
                break;
            const QString host = QString::fromLatin1(name->rest().toByteArray());
            node.add(tr("host name"), host);
            node.value = host;
        }
        break;
    }
    case 1: { // max_fragment_length (RFC 6066: 1..4 = 2^9..2^12)
        if (const auto code = r.number(1)) {
            m.maxFragmentCode = int(*code);
            node.value = *code >= 1 && *code <= 4 ? QString::number(1 << (8 + *code))
                                                  : tr("invalid code %1").arg(*code);
        }
        break;
    }
    case 10:
        if (auto list = r.vector(2))
            addList16(node, tr("groups"), *list, &TlsNames::group);
        break;
    case 13:
    case 50:
        if (auto list = r.vector(2))
            addList16(node, tr("schemes"), *list, &TlsNames::signatureScheme);
        break;
    case 16: { // ALPN
        auto list = r.vector(2);
        QStringList protocols;
        while (list && !list->atEnd()) {
            auto p = list->vector(1);
            if (!p)
                break;
            protocols << QString::fromLatin1(p->rest().toByteArray());
        }
        node.value = protocols.join(QStringLiteral(", "));
        break;
    }
    case 28: // record_size_limit (RFC 8449)
        if (const auto v = r.number(2)) {
            m.recordSizeLimit = int(*v);
            node.value = QString::number(*v);
        }
        break;
    case 43: { // supported_versions
        if (clientHello) {
            if (auto list = r.vector(1)) {
                QStringList versions;
                while (!list->atEnd()) {
                    if (const auto v = list->number(2))
                        versions << TlsNames::version(int(*v));
                }
                node.value = versions.join(QStringLiteral(", "));
            }
        } else if (const auto v = r.number(2)) {
            m.selectedVersion = int(*v);
            node.value = TlsNames::version(int(*v));
        }
        break;
    }
    case 51: { // key_share
        if (clientHello) {
            auto list = r.vector(2);
            QStringList groups;
            while (list && !list->atEnd()) {
                const auto g = list->number(2);
                if (!g || !list->vector(2))
                    break;
                groups << TlsNames::group(int(*g));
            }
            node.value = groups.join(QStringLiteral(", "));
        } else if (const auto g = r.number(2)) {
            node.value = TlsNames::group(int(*g));
        }
        break;
    }
    default:
        if (!r.atEnd())
            node.value = bytesText(r.left());
        break;
    }
}

void decodeExtensions(HandshakeMessage &m, DetailNode &parent, Reader &r, bool clientHello)
{
    if (r.atEnd())
        return;
    auto list = r.vector(2);
    if (!list) {
        malformed(parent, r);
        return;
    }
    DetailNode &node = parent.add(tr("extensions"), {}, list->at(), int(list->left()));
    while (!list->atEnd()) {
        const int at = list->at();
        const auto type = list->number(2);
        auto body = list->vector(2);
        if (!type || !body) {
            malformed(node, *list);
            break;
        }
        DetailNode &ext = node.add(TlsNames::extension(int(*type)), {}, at, int(body->left()) + 4);
        decodeExtension(m, ext, int(*type), *body, clientHello);
    }
    node.value = tr("%n extensions", nullptr, int(node.children.size()));
}

void decodeHello(HandshakeMessage &m, Reader &r, bool client)
{
    DetailNode &d = m.details;
    const int vAt = r.at();
    const auto version = r.number(2);
    const auto random = r.bytes(32);
    if (!version || !random)
        return malformed(d, r);
    d.add(tr("version"), TlsNames::version(int(*version)), vAt, 2);
    if (!client) {
        m.selectedVersion = int(*version);
        // RFC 8446 §4.1.3: the SHA-256 of "HelloRetryRequest".
        m.helloRetry = isHelloRetryRandom(*random);
        if (m.helloRetry)
            d.add(tr("HelloRetryRequest"), tr("yes"));
    }
    d.add(tr("random"), hex(*random), vAt + 2, 32);
    auto session = r.vector(1);
    if (!session)
        return malformed(d, r);
    d.add(tr("session id"), session->left() ? hex(session->rest()) : tr("(empty)"));
    if (client) {
        auto suites = r.vector(2);
        auto compression = r.vector(1);
        if (!suites || !compression)
            return malformed(d, r);
        addList16(d, tr("cipher suites"), *suites, &TlsNames::cipherSuite);
    } else {
        const int at = r.at();
        const auto suite = r.number(2);
        const auto compression = r.number(1);
        if (!suite || !compression)
            return malformed(d, r);
        d.add(tr("cipher suite"), TlsNames::cipherSuite(int(*suite)), at, 2);
    }
    decodeExtensions(m, d, r, client);
    if (!client && m.selectedVersion != int(*version)) {
        // supported_versions overrides legacy_version: show the version the server really chose.
        for (DetailNode &field : d.children) {
            if (field.name == tr("version"))
                field.value = TlsNames::version(m.selectedVersion);
        }
    }
}

void decodeCertificate(HandshakeMessage &m, Reader &r, bool tls13)
{
    DetailNode &d = m.details;
    if (tls13 && !r.vector(1))
        return malformed(d, r);
    auto list = r.vector(3);
    if (!list)
        return malformed(d, r);
    int index = 0;
    while (!list->atEnd()) {
        const int at = list->at();
        auto der = list->vector(3);
        if (!der)
            return malformed(d, *list);
        DetailNode cert = describeCertificate(der->rest(), ++index);
        cert.offset = at;
        cert.length = int(der->left()) + 3;
        d.children.append(cert);
        if (tls13 && !list->vector(2))
            return malformed(d, *list);
    }
    m.certificateCount = index;
    d.value = index == 0 ? tr("empty: no certificate") : tr("%n certificates", nullptr, index);
}

QString distinguishedName(QByteArrayView der)
{
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.data());
    std::unique_ptr<X509_NAME, decltype(&X509_NAME_free)> name(
        d2i_X509_NAME(nullptr, &p, long(der.size())), &X509_NAME_free);
    if (!name)
        return tr("(not a distinguished name)");
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    X509_NAME_print_ex(bio.get(), name.get(), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *text = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &text);
    return QString::fromUtf8(text, n);
}

void decodeCertificateRequest(HandshakeMessage &m, Reader &r, bool tls13)
{
    DetailNode &d = m.details;
    if (tls13) {
        if (!r.vector(1))
            return malformed(d, r);
        decodeExtensions(m, d, r, false);
        return;
    }
    auto types = r.vector(1);
    if (!types)
        return malformed(d, r);
    QStringList typeNames;
    while (!types->atEnd())
        typeNames << TlsNames::certificateType(int(*types->number(1)));
    d.add(tr("certificate types"), typeNames.join(QStringLiteral(", ")));
    // TLS 1.2 adds the signature algorithms; 1.0/1.1 go straight to the CA names.
    Reader probe = r;
    auto algs = probe.vector(2);
    auto cas = probe.vector(2);
    if (algs && cas && probe.atEnd()) {
        addList16(d, tr("signature algorithms"), *algs, &TlsNames::signatureScheme);
        r = probe;
    } else {
        auto only = r.vector(2);
        if (!only)
            return malformed(d, r);
        cas = only;
    }
    DetailNode &names = d.add(tr("certificate authorities"));
    while (!cas->atEnd()) {
        auto dn = cas->vector(2);
        if (!dn)
            break;
        names.add(distinguishedName(dn->rest()));
    }
    names.value = names.children.isEmpty() ? tr("(any)")
                                           : tr("%n names", nullptr, int(names.children.size()));
}

void decodeServerKeyExchange(HandshakeMessage &m, Reader &r)
{
    DetailNode &d = m.details;
    Reader probe = r;
    const auto curveType = probe.number(1);
    const auto group = probe.number(2);
    auto point = probe.vector(1);
    if (curveType && *curveType == 3 && group && point) { // named_curve (RFC 8422 §5.4)
        d.add(tr("key exchange"), QStringLiteral("ECDHE"));
        d.add(tr("group"), TlsNames::group(int(*group)));
        d.add(tr("public key"), bytesText(point->left()));
        d.value = TlsNames::group(int(*group));
        r = probe;
    } else {
        auto p = r.vector(2);
        auto g = r.vector(2);
        auto ys = r.vector(2);
        if (!p || !g || !ys)
            return d.add(tr("key exchange"), tr("unknown (PSK or RSA export)")), void();
        d.add(tr("key exchange"), QStringLiteral("DHE"));
        d.add(tr("prime"), tr("%n bits", nullptr, int(p->left()) * 8));
        d.value = tr("DHE %n bits", nullptr, int(p->left()) * 8);
    }
    if (r.left() >= 4) {
        Reader sig = r;
        const auto scheme = sig.number(2);
        auto value = sig.vector(2);
        if (scheme && value && sig.atEnd())
            d.add(tr("signature"), tr("%1, %2").arg(TlsNames::signatureScheme(int(*scheme)),
                                                    bytesText(value->left())));
        else
            d.add(tr("signature"), bytesText(r.left()));
    }
}

} // namespace

namespace {

DetailNode decodeCertificateFields(QByteArrayView der)
{
    DetailNode node;
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.data());
    std::unique_ptr<X509, decltype(&X509_free)> x509(d2i_X509(nullptr, &p, long(der.size())),
                                                     &X509_free);
    node.add(tr("DER size"), bytesText(der.size()));
    if (!x509) {
        node.value = tr("not a valid X.509 certificate");
        return node;
    }
    auto nameText = [](const X509_NAME *name) {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
        X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
        char *text = nullptr;
        const long n = BIO_get_mem_data(bio.get(), &text);
        return QString::fromUtf8(text, n);
    };
    auto timeText = [](const ASN1_TIME *t) {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
        ASN1_TIME_print(bio.get(), t);
        char *text = nullptr;
        const long n = BIO_get_mem_data(bio.get(), &text);
        return QString::fromUtf8(text, n);
    };
    const QString subject = nameText(X509_get_subject_name(x509.get()));
    node.value = subject;
    node.add(tr("subject"), subject);
    node.add(tr("issuer"), nameText(X509_get_issuer_name(x509.get())));
    if (EVP_PKEY *key = X509_get0_pubkey(x509.get())) {
        QString type;
        switch (EVP_PKEY_get_base_id(key)) {
        case EVP_PKEY_RSA: type = QStringLiteral("RSA"); break;
        case EVP_PKEY_EC: type = QStringLiteral("EC"); break;
        case EVP_PKEY_ED25519: type = QStringLiteral("Ed25519"); break;
        case EVP_PKEY_ED448: type = QStringLiteral("Ed448"); break;
        case EVP_PKEY_DSA: type = QStringLiteral("DSA"); break;
        default: type = QString::fromLatin1(OBJ_nid2sn(EVP_PKEY_get_base_id(key))); break;
        }
        node.add(tr("key"), tr("%1 %2 bits").arg(type).arg(EVP_PKEY_get_bits(key)));
    }
    node.add(tr("not before"), timeText(X509_get0_notBefore(x509.get())));
    node.add(tr("not after"), timeText(X509_get0_notAfter(x509.get())));
    return node;
}

} // namespace

DetailNode describeCertificate(QByteArrayView der, int index)
{
    // A device log or a capture repeats the same chain on every reconnect, and OpenSSL's
    // decoder (d2i_X509 with its public-key lookup) cost half of a 50 MB log's diagnosis.
    // Per thread: the two logs of a pair are read on two threads. The language is part of the
    // key because the fields' names are translated.
    thread_local QHash<QByteArray, DetailNode> described;
    const QByteArray key = Translations::current().toLatin1() + '\0' + der.toByteArray();
    auto it = described.constFind(key);
    if (it == described.cend()) {
        if (described.size() >= 256)
            described.clear();
        it = described.insert(key, decodeCertificateFields(der));
    }
    DetailNode node = *it;
    node.name = tr("certificate #%1").arg(index);
    return node;
}

void decodeHandshakeBody(HandshakeMessage &m, QByteArrayView body, bool tls13)
{
    m.details.name = m.name;
    m.details.offset = 0;
    m.details.length = int(body.size()) + kHeader;
    m.details.add(tr("type"), QStringLiteral("%1 (%2)").arg(m.name).arg(m.type), 0, 1);
    m.details.add(tr("length"), QString::number(body.size()), 1, 3);
    Reader r(body);
    switch (m.type) {
    case 1: decodeHello(m, r, true); break;
    case 2: decodeHello(m, r, false); break;
    case 11: decodeCertificate(m, r, tls13); break;
    case 12: decodeServerKeyExchange(m, r); break;
    case 13: decodeCertificateRequest(m, r, tls13); break;
    case 14: m.details.value = body.isEmpty() ? QString() : tr("unexpected body"); break;
    case 15: {
        Reader probe = r;
        const auto scheme = probe.number(2);
        auto sig = probe.vector(2);
        if (scheme && sig && probe.atEnd())
            m.details.add(tr("signature"), tr("%1, %2").arg(TlsNames::signatureScheme(int(*scheme)),
                                                            bytesText(sig->left())));
        else
            m.details.add(tr("signature"), bytesText(body.size()));
        break;
    }
    case 16: m.details.add(tr("key exchange data"), bytesText(body.size())); break;
    case 20: m.details.add(tr("verify data"), hex(body)); break;
    case 4:
        if (const auto hint = r.number(4))
            m.details.add(tr("ticket lifetime"), tr("%1 s").arg(*hint));
        break;
    default: break;
    }
}

} // namespace Forgeline::Tls
