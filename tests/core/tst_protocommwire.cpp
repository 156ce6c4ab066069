// SPDX-License-Identifier: GPL-3.0-or-later
// Plaintext encodings that protoc produces from ESP-IDF's .proto files, produced by our encoders
// and read back by our decoders (both the client's and the virtual board's side).
#include "core/protocomm/messages.h"
#include "core/protocomm/security.h"

#include <QTest>

using namespace Forgeline;
using namespace Forgeline::Protocomm;

class TestProtocommWire : public QObject
{
    Q_OBJECT

private:
    static QByteArray hex(const char *h) { return QByteArray::fromHex(h); }

private Q_SLOTS:
    void sessionMessages()
    {
        QCOMPARE(SessionWire::sec0Command(), hex("5203a20100"));
        QCOMPARE(SessionWire::sec0Response(), hex("52050801aa0100"));
        const QByteArray pub(32, 'A');
        QCOMPARE(SessionWire::sec1Command0(pub), hex("10015a25a201220a20") + pub);
        const QByteArray devPub(32, '\x11');
        const QByteArray random(16, '\x22');
        QCOMPARE(SessionWire::sec1Response0(devPub, random),
                 hex("10015a390801aa01341220") + devPub + hex("1a10") + random);
        const QByteArray verify(32, '\x33');
        QCOMPARE(SessionWire::sec1Command1(verify), hex("10015a270802b201221220") + verify);
        QCOMPARE(SessionWire::sec1Response1(verify), hex("10015a270803ba01221a20") + verify);
    }

    void sec2SchemaEncodings()
    {
        const QByteArray a(384, '\x5a');
        QCOMPARE(SessionWire::sec2Command0("wifiprov", a),
                 hex("1002629103a2018d030a087769666970726f76128003") + a);
        const QByteArray b(384, '\x3b');
        const QByteArray salt(16, '\x03');
        QCOMPARE(SessionWire::sec2Response0(b, salt),
                 hex("1002629b030801aa019503128003") + b + hex("1a10") + salt);
        const QByteArray m(64, '\x5b');
        QCOMPARE(SessionWire::sec2Command1(m), hex("100262470802b201420a40") + m);
        const QByteArray nonce(12, '\x34');
        QCOMPARE(SessionWire::sec2Response1(m, nonce),
                 hex("100262550803ba01501240") + m + hex("1a0c") + nonce);
    }

    void configRequests()
    {
        QCOMPARE(encodeGetStatus(), hex("5200"));
        QCOMPARE(encodeSetConfig(WifiConfig{"MyNet", "secret123", {}, 0}),
                 hex("080262120a054d794e65741209736563726574313233"));
        QCOMPARE(encodeApplyConfig(), hex("0804"));

        // The device side accepts both ApplyConfig forms and sees SetConfig's fields.
        Result<ConfigRequest> apply = decodeConfigRequest(hex("08047200"));
        QVERIFY(apply.ok());
        QCOMPARE(apply->msg, ConfigMsg::CmdApplyConfig);
        QVERIFY(apply->hasPayload);
        Result<ConfigRequest> set
            = decodeConfigRequest(hex("080262120a054d794e65741209736563726574313233"));
        QVERIFY(set.ok());
        QCOMPARE(set->msg, ConfigMsg::CmdSetConfig);
        QCOMPARE(set->config.ssid, QByteArray("MyNet"));
        QCOMPARE(set->config.passphrase, QByteArray("secret123"));
        Result<ConfigRequest> get = decodeConfigRequest(hex("5200"));
        QVERIFY(get.ok());
        QCOMPARE(get->msg, ConfigMsg::CmdGetStatus);
        QVERIFY(get->hasPayload);
    }

    void configResponses()
    {
        WifiStatus connecting;
        connecting.state = StationState::Connecting;
        QCOMPARE(encodeRespGetStatus(connecting), hex("08015a021001"));

        WifiStatus failed;
        failed.state = StationState::ConnectionFailed;
        failed.failReason = FailReason::AuthError;
        QCOMPARE(encodeRespGetStatus(failed), hex("08015a0410035000"));

        WifiStatus attempt;
        attempt.state = StationState::Connecting;
        attempt.attemptsRemaining = 2;
        QCOMPARE(encodeRespGetStatus(attempt), hex("08015a06100162020802"));

        WifiStatus connected;
        connected.state = StationState::Connected;
        connected.ip4 = QStringLiteral("192.168.1.50");
        connected.authMode = 3;
        connected.ssid = "MyNet";
        connected.bssid = hex("112233445566");
        connected.channel = 6;
        const QByteArray connectedBytes
            = hex("08015a235a210a0c3139322e3136382e312e353010031a054d794e657422061122334455662806");
        QCOMPARE(encodeRespGetStatus(connected), connectedBytes);

        Result<WifiStatus> back = decodeRespGetStatus(connectedBytes);
        QVERIFY(back.ok());
        QCOMPARE(back->state, StationState::Connected);
        QVERIFY(back->hasConnected);
        QCOMPARE(back->ip4, QStringLiteral("192.168.1.50"));
        QCOMPARE(back->channel, 6);
        QCOMPARE(back->bssid, hex("112233445566"));
        Result<WifiStatus> fail = decodeRespGetStatus(hex("08015a0410035000"));
        QVERIFY(fail.ok());
        QCOMPARE(fail->state, StationState::ConnectionFailed);
        QVERIFY(fail->failReason.has_value());
        QCOMPARE(*fail->failReason, FailReason::AuthError);
        Result<WifiStatus> att = decodeRespGetStatus(hex("08015a06100162020802"));
        QVERIFY(att.ok());
        QCOMPARE(att->attemptsRemaining.value_or(0), 2u);

        QCOMPARE(encodeRespSetConfig(Status::Success), hex("08036a00"));
        QCOMPARE(encodeRespApplyConfig(Status::Success), hex("08057a00"));
        QCOMPARE(decodeRespSetConfig(hex("08036a00")).value(), Status::Success);
        QCOMPARE(decodeRespApplyConfig(hex("08057a00")).value(), Status::Success);
        // A reply of the wrong type is an error, not a silent default.
        QVERIFY(!decodeRespApplyConfig(hex("08036a00")).ok());
    }

    void scanMessages()
    {
        QCOMPARE(encodeScanStart(ScanStartOptions{true, false, 5, 120}), hex("5206080118052078"));
        QCOMPARE(encodeRespScanStart(Status::Success), hex("08015a00"));
        QCOMPARE(encodeScanStatus(), hex("0802"));
        QCOMPARE(encodeRespScanStatus(Status::Success, ScanStatusInfo{true, 3}),
                 hex("08036a0408011003"));
        QCOMPARE(encodeScanResult(0, 3), hex("080472021003"));
        const QByteArray entry
            = hex("08057a200a1e0a054d794e6574100618d8ffffffffffffffff0122061122334455662803");
        QCOMPARE(encodeRespScanResult(Status::Success,
                                      {ScanEntry{"MyNet", 6, -40, hex("112233445566"), 3}}),
                 entry);

        Result<ScanResultPage> page = decodeRespScanResult(entry);
        QVERIFY(page.ok());
        QCOMPARE(page->entries.size(), 1);
        QCOMPARE(page->entries.first().rssi, -40);
        QCOMPARE(page->entries.first().ssid, QByteArray("MyNet"));
        Result<ScanStatusInfo> st = decodeRespScanStatus(hex("08036a0408011003"));
        QVERIFY(st.ok());
        QVERIFY(st->finished);
        QCOMPARE(st->resultCount, 3u);
        Result<ScanRequest> start = decodeScanRequest(hex("5206080118052078"));
        QVERIFY(start.ok());
        QVERIFY(start->hasPayload);
        QCOMPARE(start->start.groupChannels, 5u);
        QCOMPARE(start->start.periodMs, 120u);
        Result<ScanRequest> result = decodeScanRequest(hex("080472021003"));
        QVERIFY(result.ok());
        QCOMPARE(result->count, 3u);
        QCOMPARE(result->startIndex, 0u);
    }

    void ctrlMessages()
    {
        QCOMPARE(encodeCtrl(CtrlCommand::Reset), hex("0801"));
        QCOMPARE(encodeRespCtrl(CtrlCommand::Reset, Status::Success), hex("08026200"));
        QCOMPARE(encodeCtrl(CtrlCommand::Reprov), hex("0803"));
        QCOMPARE(encodeRespCtrl(CtrlCommand::Reprov, Status::Success), hex("08047200"));
        QCOMPARE(decodeRespCtrl(hex("08026200"), CtrlCommand::Reset).value(), Status::Success);
        QVERIFY(!decodeRespCtrl(hex("08026200"), CtrlCommand::Reprov).ok());
    }

    void garbageIsAnError()
    {
        QVERIFY(!decodeRespGetStatus(hex("ffffffff")).ok());
        QVERIFY(!decodeRespScanResult(hex("0a")).ok());
        QCOMPARE(authModeName(3), QStringLiteral("WPA2-PSK"));
        QCOMPARE(authModeName(9),
                 QStringLiteral("OWE")); // beyond the .proto enum: devices send raw values
    }
};

QTEST_GUILESS_MAIN(TestProtocommWire)
#include "tst_protocommwire.moc"
