// SPDX-License-Identifier: GPL-3.0-or-later
// The steps that hand off to other modules: preflight (TLS) and provisioning (protocomm).
#include "core/station/boardrun.h"

#include "core/common/endpoint.h"
#include "core/common/guarded.h"

#include "core/protocomm/provisionclient.h"
#include "core/protocomm/provisionjob.h"
#include "core/tls/preflightengine.h"

#include <QCoreApplication>

namespace Forgeline::Station {

namespace {

// The context of this file's texts in resources/translations (lupdate reads the class).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Forgeline::Station::BoardRun)
};

} // namespace

void BoardRun::doPreflight()
{
    Tls::PreflightInputs in;
    if (m_pair) {
        if (!m_pair->certPath.isEmpty()) {
            in.certFile = m_pair->certPath;
            in.keyFile = m_pair->keyPath;
        } else {
            // Rows from the database: the key stays in memory, never in a file.
            in.certData = m_pair->cert;
            in.keyData = m_pair->key;
        }
    }
    in.caFiles = m_recipe.preflightCa;
    if (!m_recipe.preflightTarget.isEmpty())
        in.targetId = m_recipe.preflightTarget;
    for (const FlashItem &f : m_recipe.flash) {
        if (!m_table || f.partition.isEmpty())
            continue;
        if (const auto *p = m_table->find(f.partition)) {
            if (f.source == FlashItem::Source::Certificate)
                in.partitionSize = p->size;
            else if (f.source == FlashItem::Source::Key)
                in.keyPartitionSize = p->size;
        }
    }
    auto report = Tls::PreflightEngine::run(in);
    if (!report) {
        stepFailed(report.error());
        return;
    }
    for (const Tls::PreflightCheck &check : report->checks) {
        if (check.status != Tls::PreflightCheck::Status::Fail)
            continue;
        m_record.diagnosisId = check.diagnosisId.isEmpty() ? check.id : check.diagnosisId;
        stepFailed(Error::make(QStringLiteral("station.preflight"),
                               check.title + QStringLiteral(": ") + check.message,
                               check.predictedError, check.fix));
        return;
    }
    nextStep();
}

void BoardRun::doProvision()
{
    dropSession();
    const ProvisionSettings &s = *m_recipe.provision;
    const QString address = m_recipe.provisionAddressFor(m_port);
    const Result<Endpoint> endpoint = parseEndpoint(address);
    if (address.isEmpty() || !endpoint) {
        stepFailed(Error::make(QStringLiteral("station.provision-address"),
                               Tr::tr("No usable provisioning address for this port."),
                               endpoint ? address : endpoint.error().message,
                               endpoint ? QString() : endpoint.error().fix));
        return;
    }
    const QString host = endpoint->host;
    const quint16 port = endpoint->port;
    Protocomm::ProvisionJob::Request request;
    request.host = host;
    request.port = port;
    request.client.pop = s.pop;
    request.client.username = s.username;
    request.client.security = s.security;
    request.wifi.ssid = s.ssid;
    request.wifi.passphrase = s.passphrase;
    request.pollIntervalMs = s.pollIntervalMs;
    request.waitTimeoutMs = s.timeoutMs;

    if (m_provisionClient)
        m_provisionClient->deleteLater();
    auto *client = new Protocomm::ProvisionClient(host, port, request.client, this);
    m_provisionClient = client;
    connect(client, &Protocomm::ProvisionClient::notice, this,
            [this](const QString &line) { addLog(line); });
    client->connectDevice(guarded(this, [this, client, request,
                                         s](Result<Protocomm::DeviceInfo> info) {
        if (m_provisionClient != client)
            return;
        if (!info) {
            stepFailed(info.error());
            return;
        }
        auto runJob = [this, client, request] {
            auto *job = new Protocomm::ProvisionJob(request, this);
            m_provisionJob = job;
            connect(job, &Protocomm::ProvisionJob::stepChanged, this,
                    [this](Protocomm::ProvisionJob::Step, const QString &text) { addLog(text); });
            connect(job, &Protocomm::ProvisionJob::finished, this,
                    [this, job](const Protocomm::ProvisionJob::Outcome &o) {
                        job->deleteLater();
                        if (m_provisionJob != job)
                            return;
                        if (!o.connected) {
                            const Error e = o.error.value_or(
                                Error::make(QStringLiteral("provision.failed"),
                                            Tr::tr("The board did not join Wi-Fi.")));
                            m_record.provision = QStringLiteral("failed: ") + e.message;
                            stepFailed(e);
                            return;
                        }
                        m_record.provision = QStringLiteral("connected");
                        nextStep();
                    });
            job->startOn(client);
        };
        if (s.customEndpoint.isEmpty()) {
            runJob();
            return;
        }
        QByteArray data = s.customData;
        data.replace("{mac}", m_board.macText().toUtf8());
        data.replace("{pair}", m_pair ? m_pair->id.toUtf8() : QByteArray());
        client->sendCustom(
            s.customEndpoint, data, guarded(this, [this, client, runJob](Result<QByteArray> reply) {
                if (m_provisionClient != client)
                    return;
                if (!reply) {
                    stepFailed(reply.error());
                    return;
                }
                addLog(Tr::tr("custom data accepted (%1 reply bytes)").arg(reply->size()));
                runJob();
            }));
    }));
}

} // namespace Forgeline::Station
