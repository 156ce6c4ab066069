// SPDX-License-Identifier: GPL-3.0-or-later
// A Security2 (SRP6a + AES-256-GCM) test vector (docs/dev/protocomm.md, "Security 2"), byte for
// byte, through our client and our virtual board's device side; then both nonce modes, wrong
// credentials, the fixed-width rules (A re-rolled, short B, M and K starting with 0x00) and
// every device-side rejection.
#include "core/protocomm/cryptoprimitives.h"
#include "core/protocomm/security2.h"
#include "core/protocomm/srp6a.h"

#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Protocomm;

namespace {
QByteArray hex(const char *h) { return QByteArray::fromHex(h); }
const QByteArray Username = "wifiprov";
const QByteArray Password = "abcd1234";
const QByteArray Salt = hex("036ee0c7bcb9eda84c9eac97d93decf4");
const QByteArray ClientA = hex("e0b107f9f96f69a2b6165a2ac7ae551643a4240881e2c14a01e8e9a56212a39a");
const QByteArray A = hex(
    "af92c30bb77bcd02411a115fcfa411e9fa1baf6364df4ff8fc620ddec9081123fb54ee5d533830d52abe665e2d3718c9"
    "1386ab0b3c0cd5794610eb728fec1c319f9837febfd2758a63dedc4fe8efb615a16ac9d6f434e1c55643462783150432"
    "a48c190f03417c0e326849aaad556c82b994d697140485ad40f6a4290888add25a2aae1bf158bde8432f9bec6287a32e"
    "b9123437421f1f5e702f200a5ed5c42a167d58cec49b7796091ffd53c3892cf2eb6df3629668f44d84a6c034397d3e1c"
    "99a39409b38631df549e1254e780e3bc5d894718ced14a6a88b123f7bce0e0437443b7bcd96969e69aadbfdab8930154"
    "2e3b83f48d813ee0972f968bbed92e5f3686c418436b48de1f40a3cf567736ad7e79449c4035432195b91e9e79091e03"
    "59a6366ddc3646afdd1afb2f15aa83e0a5730d78897e17b4f97d03c119dfb40cb8991c4427a7702980de17a718f6b072"
    "3021db5838d3c28c6a0a17ea33e9fb101ebaabd5e40d6046ff7d823d1e12d0edcbb65df41a25061516fa70fb155a1a8a");
const QByteArray DeviceB = hex("bfd79bee5730679daae2cb9af1636d0446509838c2474fffb5247d92ed89aa6c");
const QByteArray K_mult = hex(
    "a9c2e2559bf0ebb53f0cbbf62282906bede7f2182f00678211fbd5bde5b285033a4993503b87397f9be5ec02080fedbc"
    "0835587ad039060879b8621e8c3659e0");
const QByteArray B = hex(
    "3b73e47e2bd0a3898e8d7d91299f0a372ecb90e34ff87f0365a1879b008c6fd0c26678088f74c8f9b786a826cb3117cb"
    "849a0780cae00225cfbb86c2efc4274e0c42ff530f5a966749f54e10d5d4285e6c0fe7ad73bcc6ccd44c17954c4510fc"
    "f6f20b460ec4528bed179fc5bd4615f8b8348d2f633d2c9d4169635fc691fd7e20a55d518c83258f2ff6d07f5ca5bbf8"
    "5c848eddb6cdef79a40730d7b48fe03b4eedb9a38f151fd3b607fb0afccd573d0edb6c041e4b9a9c313e5072803e61e0"
    "4cbdb4ca5eca044ddca8a94e4b0473fce42438fe75ada581bdec1de50944b32cae729a6ed63eb0f8319b38d4ff8eae74"
    "952f15b2b30980f60282f1a2b4be6c4d398fed706f4d760e3bb7e3da30bc4a8db9a00bafd99ed0fb978a8e9d9a585d64"
    "9ce0bb4f437c029a76cadafc6300e2069c40a288e7dd378375e520ed09bc58df9d10e2db6aa0a878d22a96819abd9987"
    "7cb75a0a644c57fde8128dbede648f3415aca85994ecd6ca6760bce100196be11f99fb7dc83cf8888a44b90f08f59e4c");
const QByteArray U = hex(
    "2fd0e885f2310c3d41ad1f8f35a9dc08b4aa14c628e981ac80c8ffe4c963d105f217d48b9d35957934a9a863ac6d58e0"
    "f6526520ed66261b0efe05dfe594d2c2");
const QByteArray X = hex(
    "869b97a7399bdc2e9e2943dbf1f5347a10108ea60e278cafb5849aa0c14f6b735aa186d260e779838af03d4393961086"
    "dabe3321c01c58672f186b698f83314a");
const QByteArray S = hex(
    "a74b4cf21aafffd0ee8ebbe7b001c4ad9ea675e89e144f4b915d835f7057da783d445f7e786507dc8169d0f1066e5184"
    "aff2b7ea4025a1633d06210bc0460c4e772309968fc2ec59d37beab9f993d04bc8ee259c4d0375090fa4a58ae7bf2d2a"
    "b2d84f018aa41b669cd30d0e5adfc5cfb110a8432276df0025fd7f60f886cac1633da98c380a8c97513d207a378111e5"
    "9b6ac19926e0e2b4dd7ba1d87c19b03b9655491d099857791d9bdb1728725bba50b3d06ee235c44e013d54689a565ce4"
    "83141ae8e8467559951913c1c611027687f2e20a2eef30c8f68e52f1d17a2bd7e230afdaf2c9d6bf166efe527c3791b3"
    "0240f99c76034a538481205d1aabb68c78b300cc2fe973ceae156d561506969b43d484826b5e9133f4551e5aa33466ca"
    "f9cde58a4da2333b601d7a3c3a28bcf10df8f34d88d9e926964854392bb582e934c6b759e1ae90bd4ed315ae1393e871"
    "6e126d5d1ca41932e4adf812419948f16f42f7a686ed87d3fef8f53826b5bdd53ddb4495c1957d57d1a56520eca74709");
const QByteArray SessionKey = hex(
    "e89028132c4643adfbab45dd87fae1ec8ed9a914dbf7cbbbcae4791e6f2c1c1e6f14fa3e0352c94dd3753b3347699549"
    "bdcba8fe9ea17a1c1c7d17c5392a48df");
const QByteArray M = hex(
    "5b38bf9d672a368ded79742109a57a7a152c948e0838effb0b8c60e30a76f5d491f787ed04f45878a202dafce2d9d1c4"
    "d76ea598358bfc7710c6a1fcbe330138");
const QByteArray Hamk = hex(
    "3ef62c4f8e4dd13784244a22eaa2b796cea86a6fccdf5454337ad34d8c52aa49c71c2e254f4698f4c628de89fb5c894a"
    "7067c7f5dbe9f9f50c2bf878b4ce3a59");
const QByteArray Nonce = hex("34b36454cab2e78400000001");
const QByteArray EncRequest = hex("6966be86104b9680ba2d85c622f030334f88");
const QByteArray EncResponse = hex("21a2c09900deca92e207063c89bfe850d7f86d081f99");

struct DeviceLog
{
    QStringList lines;
    DeviceLogFn fn()
    {
        return [this](char level, const QString &tag, const QString &m) {
            lines << QStringLiteral("%1 %2: %3").arg(QChar::fromLatin1(level), tag, m);
        };
    }
    bool has(const QString &text) const { return lines.join(u'\n').contains(text); }
};

Srp::Credentials vectorCredentials()
{
    return Srp::makeCredentials(Username, Password, Salt).value();
}

// Deterministic private keys for searches: the same candidates on every run.
QByteArray candidateKey(const char *label, int i)
{
    return Crypto::sha256(QByteArray(label) + QByteArray::number(i));
}

// Runs a full handshake; returns the device's reply to Command1 (empty when dropped).
struct Handshake
{
    QByteArray command0, response0, command1, response1;
    bool established = false;
};
Handshake runHandshake(Sec2Client &client, Sec2Device &device)
{
    Handshake h;
    Result<QByteArray> c0 = client.begin();
    if (!c0)
        return h;
    h.command0 = c0.value();
    Result<QByteArray> r0 = device.handleSession(h.command0);
    if (!r0)
        return h;
    h.response0 = r0.value();
    auto c1 = client.next(h.response0);
    if (!c1 || !c1.value())
        return h;
    h.command1 = *c1.value();
    Result<QByteArray> r1 = device.handleSession(h.command1);
    if (!r1)
        return h;
    h.response1 = r1.value();
    auto done = client.next(h.response1);
    h.established = done.ok() && !done.value() && client.established() && device.established();
    return h;
}

} // namespace

class TestSecurity2 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupConstants()
    {
        const QByteArray n = Srp::groupPrime();
        QCOMPARE(n.size(), 384);
        QCOMPARE(n.left(12), hex("ffffffffffffffffc90fdaa2"));
        QCOMPARE(n.right(8), hex("ffffffffffffffff"));
        QCOMPARE(Srp::multiplier(), K_mult);
        QCOMPARE(Srp::padToGroup(hex("05")).size(), 384);
        QCOMPARE(Srp::padToGroup(hex("05")).right(2), hex("0005"));
    }

    void clientReproducesVector()
    {
        Srp::Client client(Username, Password);
        client.setPrivateKeySource([] { return ClientA; });
        Result<QByteArray> a = client.start();
        QVERIFY(a.ok());
        QCOMPARE(a.value(), A);
        QCOMPARE(client.privateKeyDraws(), 1);
        Result<Srp::Client::Proof> p = client.respond(Salt, B);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().detail));
        QCOMPARE(p->u, U);
        QCOMPARE(p->x, X);
        QCOMPARE(p->premasterSecret, S);
        QCOMPARE(p->sessionKey, SessionKey);
        QCOMPARE(p->clientProof, M);
        QCOMPARE(p->expectedDeviceProof, Hamk);
    }

    void deviceReproducesVector()
    {
        // The device side only sees the salt and the verifier made from them.
        const Srp::Credentials c = vectorCredentials();
        QCOMPARE(c.salt, Salt);
        QCOMPARE(c.verifier.size(), 384);
        Srp::Server server(c.salt, c.verifier);
        server.setFixedPrivateKey(DeviceB);
        Result<QByteArray> b = server.start(Username, A);
        QVERIFY(b.ok());
        QCOMPARE(b.value(), B);
        QCOMPARE(server.sessionKey(), SessionKey);
        Result<QByteArray> proof = server.verify(M);
        QVERIFY(proof.ok());
        QCOMPARE(proof.value(), Hamk);
    }

    void wireMessagesAndGcmVector()
    {
        DeviceLog log;
        Sec2Device device(vectorCredentials(), 1, log.fn());
        device.setFixedKeys(DeviceB, Nonce);
        Sec2Client client(Username, Password, 1);
        client.srp().setPrivateKeySource([] { return ClientA; });
        const Handshake h = runHandshake(client, device);
        QVERIFY(h.established);
        // Appendix A encodings and the §3.2 sizes.
        QCOMPARE(h.command0, hex("1002629103a2018d030a087769666970726f76128003") + A);
        QCOMPARE(h.response0, hex("1002629b030801aa0195031280"
                                  "03")
                                  + B + hex("1a10") + Salt);
        QCOMPARE(h.command1, hex("100262470802b201420a40") + M);
        QCOMPARE(h.response1, hex("100262550803ba01501240") + Hamk + hex("1a0c") + Nonce);
        QCOMPARE(h.command0.size(), 406);
        QCOMPARE(h.response0.size(), 416);
        QCOMPARE(h.command1.size(), 75);
        QCOMPARE(h.response1.size(), 89);

        // Request 1 uses counter 1, its response counter 2, the next request counter 3.
        QCOMPARE(client.cipher().nextIv(), Nonce);
        const QByteArray request = client.encrypt(hex("5200"));
        QCOMPARE(request, EncRequest);
        QCOMPARE(device.decrypt(request).value_or(QByteArray("x")), hex("5200"));
        const QByteArray response = device.encrypt(hex("08015a021001"));
        QCOMPARE(response, EncResponse);
        QCOMPARE(client.decrypt(response), hex("08015a021001"));
        QVERIFY(!client.lastDecryptFailed());
        QCOMPARE(client.cipher().counter(), 3u);
        QCOMPARE(Crypto::gcmSeal(SessionKey.left(32), hex("34b36454cab2e78400000001"), hex("5200"))
                     .value(),
                 EncRequest);
    }

    void bothNonceModes_data()
    {
        QTest::addColumn<int>("devicePatch");
        QTest::addColumn<int>("clientPatch");
        QTest::addColumn<int>("nonceBytes");
        QTest::addColumn<bool>("counterMode");
        QTest::newRow("patch 1") << 1 << 1 << 12 << true;
        QTest::newRow("patch 0") << 0 << 0 << 16 << false;
        // proto-ver and the nonce disagree: the nonce is what the firmware really does.
        QTest::newRow("patch 1 device, client told 0") << 1 << 0 << 12 << true;
        QTest::newRow("patch 0 device, client told 1") << 0 << 1 << 16 << false;
    }

    void bothNonceModes()
    {
        QFETCH(int, devicePatch);
        QFETCH(int, clientPatch);
        QFETCH(int, nonceBytes);
        QFETCH(bool, counterMode);
        DeviceLog log;
        Sec2Device device(Srp::makeCredentials(Username, Password).value(), devicePatch, log.fn());
        Sec2Client client(Username, Password, clientPatch);
        const Handshake h = runHandshake(client, device);
        QVERIFY(h.established);
        QCOMPARE(h.response1.size(), 77 + nonceBytes);
        QCOMPARE(client.cipher().mode() == Sec2Cipher::NonceMode::Counter, counterMode);
        QCOMPARE(client.sessionSummary().contains(QStringLiteral("proto-ver said")),
                 devicePatch != clientPatch);
        QByteArray previous;
        for (int i = 0; i < 4; ++i) {
            const QByteArray plain = hex("5200");
            const QByteArray wire = client.encrypt(plain);
            QCOMPARE(wire.size(), plain.size() + 16);
            // A fixed IV repeats the ciphertext of equal plaintexts; a counter never does.
            if (!previous.isEmpty())
                QCOMPARE(wire == previous, !counterMode);
            previous = wire;
            QCOMPARE(device.decrypt(wire).value_or(QByteArray()), plain);
            const QByteArray reply = device.encrypt(hex("08015a021001"));
            QCOMPARE(client.decrypt(reply), hex("08015a021001"));
        }
        QVERIFY(!log.has(QStringLiteral("gcm")));
    }

    void mismatchedNonceModesFailAuthentication()
    {
        // The 2025 breakage (esp-idf #15792): a patch-0 peer against a patch-1 peer.
        const QByteArray key = Crypto::randomBytes(64);
        const QByteArray nonce12 = Crypto::randomBytes(8) + hex("00000001");
        Sec2Cipher counter;
        QVERIFY(counter.start(key, nonce12, Sec2Cipher::NonceMode::Counter).ok());
        Sec2Cipher fixed;
        QVERIFY(!fixed.start(key, nonce12, Sec2Cipher::NonceMode::StaticIv)
                     .ok()); // wrong nonce length refused
        QVERIFY(fixed.start(key, nonce12 + hex("00000000"), Sec2Cipher::NonceMode::StaticIv).ok());
        const QByteArray sealed = counter.seal(hex("5200")).value();
        QVERIFY(!fixed.open(sealed).has_value());
    }

    void wrongPasswordOrUsernameIsDroppedAtStepOne_data()
    {
        QTest::addColumn<QByteArray>("username");
        QTest::addColumn<QByteArray>("password");
        QTest::newRow("password") << Username << QByteArray("abcd1235");
        QTest::newRow("username") << QByteArray("wifiprov2") << Password;
    }

    void wrongPasswordOrUsernameIsDroppedAtStepOne()
    {
        QFETCH(QByteArray, username);
        QFETCH(QByteArray, password);
        DeviceLog log;
        Sec2Device device(vectorCredentials(), 1, log.fn());
        Sec2Client client(username, password, 1);
        const Handshake h = runHandshake(client, device);
        QVERIFY(!h.established);
        QVERIFY(!h.response0.isEmpty()); // step 0 always answers
        QVERIFY(!h.command1.isEmpty());
        QVERIFY(h.response1.isEmpty()); // step 1 is dropped, like the firmware
        QVERIFY(log.has(QStringLiteral("E security2: Failed to authenticate client proof!")));
        QVERIFY(!device.established());
        QVERIFY(!device.decrypt(hex("00112233445566778899aabbccddeeff0011")).has_value());
        // The secret never reaches the device log.
        QVERIFY(!log.lines.join(u'\n').contains(QString::fromUtf8(password)));
    }

    void deviceRejectsMalformedSteps()
    {
        DeviceLog log;
        Sec2Device device(vectorCredentials(), 1, log.fn());
        // A stripped of its leading byte (what a client that drops leading zeros sends).
        QVERIFY(!device.handleSession(SessionWire::sec2Command0(Username, A.mid(1))).ok());
        QVERIFY(log.has(QStringLiteral("Invalid public key length")));
        // A = 0 and A = N are 0 mod N.
        QVERIFY(
            !device.handleSession(SessionWire::sec2Command0(Username, QByteArray(384, '\0'))).ok());
        QVERIFY(!device.handleSession(SessionWire::sec2Command0(Username, Srp::groupPrime())).ok());
        QVERIFY(log.has(QStringLiteral("mod N is 0")));
        // Command1 before Command0.
        QVERIFY(!device.handleSession(SessionWire::sec2Command1(M)).ok());
        QVERIFY(log.has(QStringLiteral("Invalid state of session 1")));
        // A 63-byte proof (a client that serialises M through a big integer).
        QVERIFY(device.handleSession(SessionWire::sec2Command0(Username, A)).ok());
        QVERIFY(!device.handleSession(SessionWire::sec2Command1(M.mid(1))).ok());
        QVERIFY(log.has(QStringLiteral("The client proof length does not match")));
        // Security1 bytes at a Security2 device.
        QVERIFY(!device.handleSession(SessionWire::sec1Command0(QByteArray(32, 'A'))).ok());
        QVERIFY(log.has(QStringLiteral("Security version mismatch")));
    }

    void commandZeroRestartsTheSession()
    {
        DeviceLog log;
        Sec2Device device(vectorCredentials(), 1, log.fn());
        Sec2Client first(Username, Password, 1);
        QVERIFY(runHandshake(first, device).established);
        Sec2Client second(Username, Password, 1);
        QVERIFY(runHandshake(second, device).established);
        QVERIFY(log.has(QStringLiteral("Restarting session.")));
        // The old client's key no longer opens anything on the device.
        QVERIFY(!device.decrypt(first.encrypt(hex("5200"))).has_value());
    }

    void tamperedCiphertextDoesNotAdvanceTheCounter()
    {
        DeviceLog log;
        Sec2Device device(vectorCredentials(), 1, log.fn());
        Sec2Client client(Username, Password, 1);
        QVERIFY(runHandshake(client, device).established);
        QByteArray wire = client.encrypt(hex("5200"));
        wire[0] = char(wire.at(0) ^ 1);
        QVERIFY(!device.decrypt(wire).has_value());
        QVERIFY(log.has(QStringLiteral("Failed at mbedtls_gcm_auth_decrypt : -18")));
        // Device still expects counter 1; the client moved on to 2, so they have diverged.
        QVERIFY(!device.decrypt(client.encrypt(hex("5200"))).has_value());
        // And a reply the client cannot authenticate is reported, not handed on as data.
        QCOMPARE(client.decrypt(QByteArray(20, 'z')), QByteArray());
        QVERIFY(client.lastDecryptFailed());
    }

    void leadingZeroPublicKeyIsDrawnAgain()
    {
        // Find a private key whose A = g^a mod N starts with 0x00 (about 1 in 256).
        QByteArray shortKey;
        QByteArray fullKey = candidateKey("forgeline-a-full", 0);
        for (int i = 0; i < 4096 && shortKey.isEmpty(); ++i) {
            Srp::Client probe(Username, Password);
            const QByteArray k = candidateKey("forgeline-a-", i);
            int calls = 0;
            probe.setPrivateKeySource([&] { return ++calls == 1 ? k : fullKey; });
            QVERIFY(probe.start().ok());
            if (probe.privateKeyDraws() == 2)
                shortKey = k;
        }
        QVERIFY2(!shortKey.isEmpty(), "no key with a short A among 4096 candidates");

        Sec2Client client(Username, Password, 1);
        int draws = 0;
        client.srp().setPrivateKeySource([&] { return ++draws == 1 ? shortKey : fullKey; });
        DeviceLog log;
        Sec2Device device(vectorCredentials(), 1, log.fn());
        const Handshake h = runHandshake(client, device);
        QCOMPARE(draws, 2);
        QCOMPARE(client.srp().privateKeyDraws(), 2);
        QCOMPARE(client.srp().publicKey().size(), 384);
        QCOMPARE(h.command0.size(), 406);
        QVERIFY(h.established);
    }

    void shortDeviceKeyAndLeadingZeroProofAndKey()
    {
        // The device sends B minimal (383 bytes about once in 256); M and K are digests that start
        // with 0x00 once in 256. Search device keys until each case has been through a handshake.
        bool shortB = false, zeroM = false, zeroK = false;
        const Srp::Credentials creds = vectorCredentials();
        for (int i = 0; i < 6000 && !(shortB && zeroM && zeroK); ++i) {
            Srp::Server server(creds.salt, creds.verifier);
            server.setFixedPrivateKey(candidateKey("forgeline-b-", i));
            Srp::Client client(Username, Password);
            client.setPrivateKeySource([] { return ClientA; });
            QVERIFY(client.start().ok());
            const QByteArray b = server.start(Username, client.publicKey()).value();
            const Srp::Client::Proof p = client.respond(creds.salt, b).value();
            const bool interesting = (b.size() < 384 && !shortB)
                                     || (p.clientProof.at(0) == 0 && !zeroM)
                                     || (p.sessionKey.at(0) == 0 && !zeroK);
            if (!interesting)
                continue;
            QCOMPARE(p.clientProof.size(), 64);
            QCOMPARE(p.sessionKey.size(), 64);
            QCOMPARE(server.verify(p.clientProof).value(), p.expectedDeviceProof);
            QCOMPARE(server.sessionKey(), p.sessionKey);
            // The full session over the wire, with that same device key.
            DeviceLog log;
            Sec2Device device(creds, 1, log.fn());
            device.setFixedKeys(candidateKey("forgeline-b-", i), QByteArray());
            Sec2Client session(Username, Password, 1);
            session.srp().setPrivateKeySource([] { return ClientA; });
            const Handshake h = runHandshake(session, device);
            QVERIFY2(h.established, qPrintable(log.lines.join(u'\n')));
            QCOMPARE(h.command1.size(), 75);
            QCOMPARE(device.decrypt(session.encrypt(hex("5200"))).value_or(QByteArray()),
                     hex("5200"));
            shortB = shortB || b.size() < 384;
            zeroM = zeroM || p.clientProof.at(0) == 0;
            zeroK = zeroK || p.sessionKey.at(0) == 0;
        }
        QVERIFY(shortB);
        QVERIFY(zeroM);
        QVERIFY(zeroK);
    }

    void espProvVerifierForALeadingZeroInnerDigest()
    {
        // 1 password in 256 has H(I ":" p) starting with 0x00; esp_prov's verifier then differs.
        QByteArray password;
        for (int i = 0; i < 8192 && password.isEmpty(); ++i) {
            const QByteArray candidate = "pw-" + QByteArray::number(i);
            if (Srp::innerDigestHasLeadingZero(Username, candidate))
                password = candidate;
        }
        QVERIFY(!password.isEmpty());
        QVERIFY(!Srp::innerDigestHasLeadingZero(Username, Password));
        const Srp::Credentials full = Srp::makeCredentials(Username, password, Salt).value();
        const Srp::Credentials espProv
            = Srp::makeCredentials(Username, password, Salt, 16,
                                   Srp::InnerDigest::LeadingZerosStripped)
                  .value();
        QVERIFY(full.verifier != espProv.verifier);
        // For any other password the two forms agree.
        QCOMPARE(Srp::makeCredentials(Username, Password, Salt, 16,
                                      Srp::InnerDigest::LeadingZerosStripped)
                     .value()
                     .verifier,
                 vectorCredentials().verifier);

        DeviceLog log;
        Sec2Device device(espProv, 1, log.fn());
        Sec2Client fullClient(Username, password, 1);
        QVERIFY(!runHandshake(fullClient, device).established);
        Sec2Client espProvClient(Username, password, 1);
        espProvClient.srp().setInnerDigest(Srp::InnerDigest::LeadingZerosStripped);
        QVERIFY(runHandshake(espProvClient, device).established);
    }
};

QTEST_GUILESS_MAIN(TestSecurity2)
#include "tst_security2.moc"
