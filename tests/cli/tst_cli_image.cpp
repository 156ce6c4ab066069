// SPDX-License-Identifier: GPL-3.0-or-later
// forgeline-cli image end to end: the real binary on files the test writes, keys made by the
// openssl command, exit codes and the JSON the issue specifies.
#include "../core/imagewriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.start(program, arguments);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Run image(const QStringList &arguments)
{
    return run(QStringLiteral(FORGELINE_CLI_PATH),
               QStringList{QStringLiteral("image")} + arguments);
}

QByteArray randomBytes(int n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray b(n, '\0');
    for (int i = 0; i < n; ++i)
        b[i] = char(rng.generate() & 0xFF);
    return b;
}

} // namespace

class TestCliImage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString write(const QString &name, const QByteArray &bytes) const
    {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return f.fileName();
    }
    QByteArray read(const QString &name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestImages::AppDesc desc;
        desc.projectName = "line_fw";
        desc.version = "3.1.0";
        write(QStringLiteral("app.bin"), TestImages::buildImage(TestImages::c3App(desc)));
    }

    void infoJson()
    {
        const Run r = image(
            {QStringLiteral("info"), path(QStringLiteral("app.bin")), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("app"));
        QCOMPARE(o.value(QStringLiteral("chip")).toString(), QStringLiteral("esp32c3"));
        QCOMPARE(o.value(QStringLiteral("entry")).toString(), QStringLiteral("0x40380000"));
        const QJsonArray segs = o.value(QStringLiteral("segments")).toArray();
        QCOMPARE(segs.size(), 4);
        QCOMPARE(segs.at(1).toObject().value(QStringLiteral("load")).toString(),
                 QStringLiteral("0x42000020"));
        QCOMPARE(segs.at(1).toObject().value(QStringLiteral("length")).toInt(), 2048);
        QCOMPARE(o.value(QStringLiteral("checksumValid")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("sha256Valid")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("minChipRevision")).toInt(), 3);
        const QJsonObject d = o.value(QStringLiteral("appDesc")).toObject();
        QCOMPARE(d.value(QStringLiteral("projectName")).toString(), QStringLiteral("line_fw"));
        QCOMPARE(d.value(QStringLiteral("version")).toString(), QStringLiteral("3.1.0"));
        QCOMPARE(d.value(QStringLiteral("idfVersion")).toString(), QStringLiteral("v5.3.1"));
        QCOMPARE(d.value(QStringLiteral("date")).toString(), QStringLiteral("Dec  3 2026"));
        QCOMPARE(d.value(QStringLiteral("time")).toString(), QStringLiteral("12:34:56"));
        QCOMPARE(d.value(QStringLiteral("elfSha256")).toString().size(), 64);
        QVERIFY(o.value(QStringLiteral("preEncrypted")).isNull());
        QVERIFY(o.value(QStringLiteral("warnings")).isArray());
    }

    void infoText()
    {
        const Run r = image({QStringLiteral("info"), path(QStringLiteral("app.bin"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("App image for ESP32-C3"));
        QVERIFY(r.out.contains("line_fw 3.1.0"));
        QVERIFY(r.out.contains("IROM (flash)"));
    }

    void exitCodes()
    {
        QByteArray bad = read(QStringLiteral("app.bin"));
        bad[bad.size() - 3] = char(bad.at(bad.size() - 3) ^ 1);
        const Run corrupt = image({QStringLiteral("info"), write(QStringLiteral("bad.bin"), bad),
                                   QStringLiteral("--json")});
        QCOMPARE(corrupt.exitCode, 1);
        QVERIFY(corrupt.out.contains("SHA-256 mismatch"));
        QCOMPARE(image({QStringLiteral("info"), path(QStringLiteral("app.bin")),
                        QStringLiteral("--chip"), QStringLiteral("esp32s3")})
                     .exitCode,
                 1);
        QCOMPARE(image({QStringLiteral("info"), path(QStringLiteral("missing.bin"))}).exitCode, 3);
        QCOMPARE(image({QStringLiteral("info")}).exitCode, 2);
        QCOMPARE(image({}).exitCode, 2);
        QCOMPARE(image({QStringLiteral("explode")}).exitCode, 2);
        QCOMPARE(image({QStringLiteral("info"), path(QStringLiteral("app.bin")),
                        QStringLiteral("--chip"), QStringLiteral("esp99")})
                     .exitCode,
                 2);
        const Run usage = image({QStringLiteral("flash-encrypt"), path(QStringLiteral("app.bin"))});
        QCOMPARE(usage.exitCode, 2);
        QCOMPARE(usage.err.count('\n'), 1);
    }

    void flashEncryptFindOffsetDecrypt_data()
    {
        QTest::addColumn<QString>("chip");
        QTest::addColumn<int>("keyBytes");
        QTest::newRow("esp32") << QStringLiteral("esp32") << 32;
        QTest::newRow("esp32c3") << QStringLiteral("esp32c3") << 32;
        QTest::newRow("esp32s3 xts-256") << QStringLiteral("esp32s3") << 64;
    }
    void flashEncryptFindOffsetDecrypt()
    {
        QFETCH(QString, chip);
        QFETCH(int, keyBytes);
        TestImages::ImageSpec spec = TestImages::c3App();
        if (chip == QLatin1String("esp32")) {
            spec.chipId = 0;
            spec.segments
                = {{0x3F400020, TestImages::appDescBytes({}) + TestImages::pattern(200, 1)},
                   {0x400D0020, TestImages::pattern(900, 2)}};
        } else if (chip == QLatin1String("esp32s3")) {
            spec.chipId = 9;
        }
        const QString plain
            = write(chip + QStringLiteral("-plain.bin"), TestImages::buildImage(spec));
        const QString key = write(chip + QStringLiteral("-key.bin"), randomBytes(keyBytes, 5));
        const QString enc = path(chip + QStringLiteral("-enc.bin"));
        Run r = image({QStringLiteral("flash-encrypt"), QStringLiteral("--chip"), chip,
                       QStringLiteral("--key"), key, QStringLiteral("--address"),
                       QStringLiteral("0x10000"), plain, QStringLiteral("-o"), enc});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains(read(chip + QStringLiteral("-key.bin")).toHex()));

        r = image({QStringLiteral("info"), enc, QStringLiteral("--json")});
        QCOMPARE(r.json().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("encrypted-or-random"));

        r = image({QStringLiteral("find-offset"), QStringLiteral("--chip"), chip,
                   QStringLiteral("--key"), key, enc, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("offsets")).toArray().first().toString(),
                 QStringLiteral("0x10000"));

        const QString csv = write(QStringLiteral("parts.csv"),
                                  "nvs,data,nvs,0x9000,0x4000\notadata,data,ota,0xd000,0x2000\n"
                                  "phy_init,data,phy,0xf000,0x1000\nota_0,app,ota_0,0x10000,1M\n"
                                  "ota_1,app,ota_1,0x110000,1M\n");
        r = image({QStringLiteral("find-offset"), QStringLiteral("--chip"), chip,
                   QStringLiteral("--key"), key, QStringLiteral("--table"), csv, enc,
                   QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("offsets")).toArray(),
                 QJsonArray{QStringLiteral("0x10000")});

        // Decrypted at the wrong offset it is still random; at the right one it is the app.
        const QString wrong = path(chip + QStringLiteral("-wrong.bin"));
        r = image({QStringLiteral("flash-decrypt"), QStringLiteral("--chip"), chip,
                   QStringLiteral("--key"), key, QStringLiteral("--address"),
                   QStringLiteral("0x110000"), enc, QStringLiteral("-o"), wrong,
                   QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.json().value(QStringLiteral("kind")).toString() != QLatin1String("app"));
        const QString right = path(chip + QStringLiteral("-right.bin"));
        r = image({QStringLiteral("flash-decrypt"), QStringLiteral("--chip"), chip,
                   QStringLiteral("--key"), key, QStringLiteral("--address"),
                   QStringLiteral("0x10000"), enc, QStringLiteral("-o"), right,
                   QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("kind")).toString(), QStringLiteral("app"));
        QCOMPARE(read(chip + QStringLiteral("-right.bin")),
                 read(chip + QStringLiteral("-plain.bin")));

        // Another key: exit 1, nothing found.
        const QString other = write(chip + QStringLiteral("-other.bin"), randomBytes(keyBytes, 6));
        r = image({QStringLiteral("find-offset"), QStringLiteral("--chip"), chip,
                   QStringLiteral("--key"), other, QStringLiteral("--table"), csv, enc,
                   QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.json().value(QStringLiteral("offsets")).toArray().isEmpty());
    }

    void flashCryptBadKeyIsUsage()
    {
        const QString key = write(QStringLiteral("short.bin"), QByteArray(20, 'k'));
        const Run r = image(
            {QStringLiteral("flash-encrypt"), QStringLiteral("--chip"), QStringLiteral("esp32c3"),
             QStringLiteral("--key"), key, QStringLiteral("--address"), QStringLiteral("0x10000"),
             path(QStringLiteral("app.bin")), QStringLiteral("-o"), path(QStringLiteral("x.bin"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("20"));
        QCOMPARE(image({QStringLiteral("flash-encrypt"), QStringLiteral("--chip"),
                        QStringLiteral("esp32c3"), QStringLiteral("--key"), key,
                        QStringLiteral("--address"), QStringLiteral("0x10000"),
                        QStringLiteral("--flash-crypt-conf"), QStringLiteral("3"),
                        path(QStringLiteral("app.bin")), QStringLiteral("-o"),
                        path(QStringLiteral("x.bin"))})
                     .exitCode,
                 2);
    }

    void preEncryptRoundTrips_data()
    {
        QTest::addColumn<QStringList>("genPriv");
        QTest::addColumn<QString>("pubOption");
        QTest::addColumn<QString>("scheme");
        QTest::newRow("rsa-3072") << QStringList{QStringLiteral("genpkey"),
                                                 QStringLiteral("-algorithm"),
                                                 QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
                                                 QStringLiteral("rsa_keygen_bits:3072")}
                                  << QStringLiteral("--rsa-pub") << QStringLiteral("rsa-3072");
        QTest::newRow("ecies-p256")
            << QStringList{QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                           QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:P-256")}
            << QStringLiteral("--ecies-device-pub") << QStringLiteral("ecies-p256");
    }
    void preEncryptRoundTrips()
    {
        QFETCH(QStringList, genPriv);
        QFETCH(QString, pubOption);
        QFETCH(QString, scheme);
        const QString priv = path(scheme + QStringLiteral("-priv.pem"));
        const QString pub = path(scheme + QStringLiteral("-pub.pem"));
        QCOMPARE(run(QStringLiteral("openssl"), genPriv + QStringList{QStringLiteral("-out"), priv})
                     .exitCode,
                 0);
        QCOMPARE(
            run(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-in"), priv,
                                            QStringLiteral("-pubout"), QStringLiteral("-out"), pub})
                .exitCode,
            0);
        const QString enc = path(scheme + QStringLiteral("-ota.bin"));
        Run r
            = image({QStringLiteral("pre-encrypt"), pubOption, pub, path(QStringLiteral("app.bin")),
                     QStringLiteral("-o"), enc, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("scheme")).toString(), scheme);

        r = image({QStringLiteral("info"), enc, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("pre-encrypted"));
        const QJsonObject p = r.json().value(QStringLiteral("preEncrypted")).toObject();
        QCOMPARE(p.value(QStringLiteral("scheme")).toString(), scheme);
        QCOMPARE(p.value(QStringLiteral("binSize")).toInt(),
                 int(read(QStringLiteral("app.bin")).size()));
        QVERIFY(r.json()
                    .value(QStringLiteral("explanation"))
                    .toString()
                    .contains(QStringLiteral("0xE9")));

        const QString dec = path(scheme + QStringLiteral("-dec.bin"));
        r = image({QStringLiteral("pre-decrypt"), QStringLiteral("--rsa-priv"), priv, enc,
                   QStringLiteral("-o"), dec, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json()
                     .value(QStringLiteral("image"))
                     .toObject()
                     .value(QStringLiteral("kind"))
                     .toString(),
                 QStringLiteral("app"));
        QCOMPARE(read(scheme + QStringLiteral("-dec.bin")), read(QStringLiteral("app.bin")));

        // One flipped byte: exit 1, a clear message, no private key anywhere in the output.
        QByteArray tampered = read(scheme + QStringLiteral("-ota.bin"));
        tampered[700] = char(tampered.at(700) ^ 0x04);
        const QString bad = write(scheme + QStringLiteral("-tampered.bin"), tampered);
        r = image({QStringLiteral("pre-decrypt"), QStringLiteral("--rsa-priv"), priv, bad,
                   QStringLiteral("-o"), path(QStringLiteral("t.bin"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("tag mismatch"));
        QFile key(priv);
        QVERIFY(key.open(QIODevice::ReadOnly));
        const QByteArray keyLine = key.readAll().split('\n').value(2);
        QVERIFY(!keyLine.isEmpty());
        QVERIFY(!r.err.contains(keyLine) && !r.out.contains(keyLine));
    }

    void hmacKeyRoundTrip()
    {
        const QString hmac = write(QStringLiteral("hmac.bin"), randomBytes(32, 11));
        const QString enc = path(QStringLiteral("hmac-ota.bin"));
        QCOMPARE(image({QStringLiteral("pre-encrypt"), QStringLiteral("--device-hmac-key"), hmac,
                        path(QStringLiteral("app.bin")), QStringLiteral("-o"), enc})
                     .exitCode,
                 0);
        QCOMPARE(image({QStringLiteral("pre-decrypt"), QStringLiteral("--device-hmac-key"), hmac,
                        enc, QStringLiteral("-o"), path(QStringLiteral("hmac-dec.bin"))})
                     .exitCode,
                 0);
        QCOMPARE(read(QStringLiteral("hmac-dec.bin")), read(QStringLiteral("app.bin")));
        QCOMPARE(image({QStringLiteral("pre-encrypt"), path(QStringLiteral("app.bin")),
                        QStringLiteral("-o"), enc})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliImage)
#include "tst_cli_image.moc"
