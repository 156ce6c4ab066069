// SPDX-License-Identifier: GPL-3.0-or-later
// A Security1 test vector (docs/dev/protocomm.md, "Security 1"), both directions, with
// stream offsets 0/32/64/66, run through our client and our virtual board's device side.
#include "core/protocomm/cryptoprimitives.h"
#include "core/protocomm/security.h"

#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Protocomm;

namespace {
QByteArray hex(const char *h) { return QByteArray::fromHex(h); }
const QByteArray ClientPriv
    = hex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
const QByteArray ClientPub
    = hex("07a37cbc142093c8b755dc1b10e86cb426374ad16aa853ed0bdfc0b2b86d1c7c");
const QByteArray DevicePriv
    = hex("4142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f60");
const QByteArray DevicePub
    = hex("64b101b1d0be5a8704bd078f9895001fc03e8e9f9522f188dd128d9846d48466");
const QByteArray Shared = hex("26c2c17fdb82161cb21ad16e721315355b64d1763119b10bfc962530dc7cc163");
const QByteArray PopHash = hex("e9cee71ab932fde863338d08be4de9dfe39ea049bdafb342ce659ec5450b69ae");
const QByteArray Key = hex("cf0c266562b0ebf4d1295c66cc5efceab8fa713f8cb6024932f3bbf59977a8cd");
const QByteArray DeviceRandom = hex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
const QByteArray ClientVerify
    = hex("c4a89b1acc9f181421f27ada88e1d81b23233eedb4ad011f5b4f5eeac83ee6c9");
const QByteArray DeviceVerify
    = hex("29a2e4c89371f5f6e4f0d90538f211db81918ef1eb68cea8db0bc6b0135214f8");
} // namespace

class TestSec1 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void primitives()
    {
        auto client = Crypto::X25519KeyPair::fromPrivateKey(ClientPriv);
        QVERIFY(client.ok());
        QCOMPARE(client->publicKey(), ClientPub);
        auto device = Crypto::X25519KeyPair::fromPrivateKey(DevicePriv);
        QVERIFY(device.ok());
        QCOMPARE(device->publicKey(), DevicePub);
        QCOMPARE(client->sharedSecret(DevicePub).value(), Shared);
        QCOMPARE(device->sharedSecret(ClientPub).value(), Shared);
        QCOMPARE(Crypto::sha256("abcd1234"), PopHash);
        QCOMPARE(Crypto::sec1SessionKey(Shared, "abcd1234"), Key);
        QCOMPARE(Crypto::sec1SessionKey(Shared, QByteArray()), Shared); // no PoP: the bare secret
    }

    void singleKeystreamAcrossDirections()
    {
        // One stream: bytes 0..31 client verify, 32..63 device verify, 64..65 request, 66..71 response.
        Crypto::CtrStream s;
        QVERIFY(s.start(Key, DeviceRandom).ok());
        QCOMPARE(s.apply(DevicePub), ClientVerify);
        QCOMPARE(s.apply(ClientPub), DeviceVerify);
        QCOMPARE(s.apply(hex("5200")), hex("018f"));
        QCOMPARE(s.apply(hex("08015a021001")), hex("bd7e870688b4"));
    }

    void handshakeClientAgainstDevice()
    {
        QStringList log;
        Sec1Client client("abcd1234");
        client.setFixedPrivateKey(ClientPriv);
        Sec1Device device("abcd1234", [&](char, const QString &tag, const QString &m) {
            log << tag + QStringLiteral(": ") + m;
        });
        device.setFixedKeys(DevicePriv, DeviceRandom);

        Result<QByteArray> cmd0 = client.begin();
        QVERIFY(cmd0.ok());
        QCOMPARE(cmd0.value(), SessionWire::sec1Command0(ClientPub));
        Result<QByteArray> resp0 = device.handleSession(cmd0.value());
        QVERIFY(resp0.ok());
        QCOMPARE(resp0.value(), SessionWire::sec1Response0(DevicePub, DeviceRandom));
        auto cmd1 = client.next(resp0.value());
        QVERIFY(cmd1.ok());
        QVERIFY(cmd1->has_value());
        QCOMPARE(**cmd1, SessionWire::sec1Command1(ClientVerify));
        Result<QByteArray> resp1 = device.handleSession(**cmd1);
        QVERIFY(resp1.ok());
        QCOMPARE(resp1.value(), SessionWire::sec1Response1(DeviceVerify));
        auto done = client.next(resp1.value());
        QVERIFY(done.ok());
        QVERIFY(!done->has_value());
        QVERIFY(client.established());
        QVERIFY(device.established());

        const QByteArray req = client.encrypt(hex("5200"));
        QCOMPARE(req, hex("018f"));
        QCOMPARE(device.decrypt(req).value(), hex("5200"));
        const QByteArray resp = device.encrypt(hex("08015a021001"));
        QCOMPARE(resp, hex("bd7e870688b4"));
        QCOMPARE(client.decrypt(resp), hex("08015a021001"));
        QVERIFY(log.isEmpty());
    }

    void wrongPopIsRejectedAtCommand1()
    {
        QStringList log;
        Sec1Client client("wrong-pop");
        Sec1Device device("abcd1234", [&](char, const QString &tag, const QString &m) {
            log << tag + QStringLiteral(": ") + m;
        });
        auto resp0 = device.handleSession(client.begin().value());
        QVERIFY(resp0.ok());
        auto cmd1 = client.next(resp0.value());
        QVERIFY(cmd1.ok());
        QVERIFY(!device.handleSession(**cmd1).ok());
        QVERIFY(log.contains(QStringLiteral("security1: Key mismatch. Close connection")));
        QVERIFY(!device.established());
        // An ordinary endpoint now finds no session, as in the seed case.
        QVERIFY(!device.decrypt(hex("00")).has_value());
        QVERIFY(log.contains(QStringLiteral("security1: Secure session not established")));
    }

    void deviceProofMismatchIsCaughtByClient()
    {
        Sec1Client client("abcd1234");
        Sec1Device device("abcd1234", [](char, const QString &, const QString &) {});
        auto cmd1 = client.next(device.handleSession(client.begin().value()).value());
        QVERIFY(cmd1.ok());
        QByteArray resp1 = device.handleSession(**cmd1).value();
        resp1[resp1.size() - 1] = char(resp1.at(resp1.size() - 1) ^ 0x01);
        auto r = client.next(resp1);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("protocomm.deviceproof"));
    }

    void command0RestartsAnEstablishedSession()
    {
        QStringList log;
        Sec1Device device("abcd1234", [&](char, const QString &, const QString &m) { log << m; });
        Sec1Client first("abcd1234");
        device
            .handleSession(*first.next(device.handleSession(first.begin().value()).value()).value())
            .value();
        QVERIFY(device.established());
        Sec1Client second("abcd1234");
        auto resp0 = device.handleSession(second.begin().value());
        QVERIFY(resp0.ok());
        QVERIFY(log.first().startsWith(QStringLiteral("Invalid state of session 0")));
        QVERIFY(device.handleSession(*second.next(resp0.value()).value()).ok());
        QVERIFY(device.established());
    }

    void sec0()
    {
        Sec0Client client;
        Sec0Device device([](char, const QString &, const QString &) {});
        auto reply = device.handleSession(client.begin().value());
        QVERIFY(reply.ok());
        QCOMPARE(reply.value(), QByteArray::fromHex("52050801aa0100"));
        QVERIFY(client.next(reply.value()).ok());
        QVERIFY(client.established());
        QCOMPARE(client.encrypt("plain"), QByteArray("plain"));
        // A Security1 command sent to a Security0 device is refused.
        Sec1Client wrong("abcd1234");
        QVERIFY(!device.handleSession(wrong.begin().value()).ok());
    }
};

QTEST_GUILESS_MAIN(TestSec1)
#include "tst_sec1.moc"
