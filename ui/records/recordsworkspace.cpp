// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/records/recordsworkspace.h"

#include "core/tls/records/dissector.h"
#include "core/tls/records/tlsnames.h"
#include "ui/records/recordladderdelegate.h"
#include "ui/records/recordladdermodel.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextBrowser>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Forgeline::Ui {

namespace {

void addNode(QTreeWidgetItem *parent, const Tls::DetailNode &node)
{
    auto *item = new QTreeWidgetItem(parent, {node.name, node.value});
    for (const Tls::DetailNode &child : node.children)
        addNode(item, child);
}

QString hexDump(const QByteArray &bytes)
{
    QString out;
    for (qsizetype row = 0; row < bytes.size(); row += 16) {
        const QByteArray chunk = bytes.mid(row, 16);
        QString text;
        for (char c : chunk)
            text += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QChar(u'.');
        out += QStringLiteral("%1  %2  %3\n")
                   .arg(row, 4, 16, QLatin1Char('0'))
                   .arg(QString::fromLatin1(chunk.toHex(' ')).leftJustified(47), text);
    }
    return out;
}

} // namespace

RecordsWorkspace::RecordsWorkspace(QWidget *parent)
    : QWidget(parent),
      m_summary(new QLabel(
          tr("Open or drop a capture (.pcap, .pcapng), a device log, or paste a hex dump."))),
      m_progress(new QProgressBar), m_cancel(new QPushButton(tr("Cancel"))),
      m_streams(new QStandardItemModel(this)), m_streamsView(new QListView),
      m_ladder(new RecordLadderModel(this)), m_ladderView(new QTableView),
      m_details(new QTreeWidget), m_hex(new QPlainTextEdit), m_findings(new QTextBrowser)
{
    setObjectName(QStringLiteral("recordsWorkspace"));
    setAcceptDrops(true);
    auto *open = new QPushButton(tr("Open…"));
    auto *paste = new QPushButton(tr("Paste hex dump…"));
    open->setObjectName(QStringLiteral("recordsOpen"));
    paste->setObjectName(QStringLiteral("recordsPaste"));
    connect(open, &QPushButton::clicked, this, &RecordsWorkspace::askForFile);
    connect(paste, &QPushButton::clicked, this, &RecordsWorkspace::askForText);
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_cancelled)
            *m_cancelled = true;
    });
    m_summary->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(open);
    top->addWidget(paste);
    top->addWidget(m_summary, 1);
    top->addWidget(m_progress);
    top->addWidget(m_cancel);

    m_streamsView->setModel(m_streams);
    m_streamsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_streamsView->setObjectName(QStringLiteral("recordsStreams"));
    m_streamsView->setAccessibleName(tr("Streams"));
    connect(m_streamsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showStream(current.row()); });

    m_ladderView->setModel(m_ladder);
    m_ladderView->setObjectName(QStringLiteral("recordsLadder"));
    m_ladderView->setAccessibleName(tr("Record ladder"));
    m_ladderView->setItemDelegateForColumn(RecordLadderModel::Framing,
                                           new RecordLadderDelegate(m_ladderView));
    m_ladderView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ladderView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ladderView->verticalHeader()->hide();
    m_ladderView->horizontalHeader()->setStretchLastSection(true);
    m_ladderView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ladderView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() * 2);
    connect(m_ladderView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRecord(current.row()); });

    m_details->setHeaderLabels({tr("Field"), tr("Value")});
    m_details->setObjectName(QStringLiteral("recordsDetails"));
    m_details->setAccessibleName(tr("Record details"));
    m_hex->setReadOnly(true);
    m_hex->setObjectName(QStringLiteral("recordsHex"));
    m_hex->setAccessibleName(tr("Record bytes"));
    m_hex->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_findings->setObjectName(QStringLiteral("recordsFindings"));
    m_findings->setAccessibleName(tr("Findings"));

    auto *side = new QSplitter(Qt::Vertical);
    side->addWidget(m_details);
    side->addWidget(m_hex);
    auto *middle = new QSplitter(Qt::Vertical);
    middle->addWidget(m_ladderView);
    middle->addWidget(m_findings);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 2);
    auto *main = new QSplitter(Qt::Horizontal);
    main->addWidget(m_streamsView);
    main->addWidget(middle);
    main->addWidget(side);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 5);
    main->setStretchFactor(2, 3);
    main->setSizes({170, 560, 330});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(main, 1);
}

RecordsWorkspace::~RecordsWorkspace()
{
    if (m_thread) {
        *m_cancelled = true;
        m_thread->wait();
    }
}

void RecordsWorkspace::askForFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a capture, hex dump or device log"), {},
        tr("Captures and logs (*.pcap *.pcapng *.cap *.log *.txt);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void RecordsWorkspace::askForText()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Paste a hex dump"));
    auto *edit = new QPlainTextEdit;
    edit->setPlaceholderText(tr("tcpdump -X, Wireshark hex dump, Follow TCP Stream, xxd, openssl "
                                "-msg, mbedTLS dumps or bare hex"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    dialog.resize(700, 450);
    if (dialog.exec() == QDialog::Accepted && !edit->toPlainText().trimmed().isEmpty())
        openText(edit->toPlainText().toUtf8());
}

void RecordsWorkspace::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void RecordsWorkspace::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasUrls() && mime->urls().first().isLocalFile())
        openFile(mime->urls().first().toLocalFile());
    else if (mime->hasText())
        openText(mime->text().toUtf8());
    event->acceptProposedAction();
}

void RecordsWorkspace::openFile(const QString &path)
{
    start(QFileInfo(path).fileName(),
          [path](const auto &progress) { return Tls::Dissector::dissectFile(path, {}, progress); });
}

void RecordsWorkspace::openText(const QByteArray &text)
{
    start(tr("pasted text"),
          [text](const auto &) { return Tls::Dissector::dissectBytes(text, tr("pasted text")); });
}

void RecordsWorkspace::start(
    const QString &title,
    std::function<Result<Tls::DissectReport>(const std::function<bool(qint64, qint64)> &)> job)
{
    if (m_thread)
        return; // one dissection at a time; the buttons say so by the progress bar
    m_summary->setText(tr("Reading %1…").arg(title));
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    auto result = std::make_shared<std::optional<Result<Tls::DissectReport>>>();
    // Captures can be gigabytes: dissect off the GUI thread, with cancel.
    m_thread = QThread::create([job, result, cancelled = m_cancelled] {
        result->emplace(job([cancelled](qint64, qint64) { return !cancelled->load(); }));
    });
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
        finished(std::move(**result));
    });
    m_thread->start();
}

void RecordsWorkspace::finished(Result<Tls::DissectReport> result)
{
    m_streams->clear();
    m_ladder->setStream(nullptr, false);
    m_details->clear();
    m_hex->clear();
    m_findings->clear();
    if (!result) {
        m_report.reset();
        m_summary->setText(result.error().message);
        m_findings->setPlainText(result.error().detail);
        Q_EMIT dissected(false);
        return;
    }
    m_report = std::make_unique<Tls::DissectReport>(std::move(result.value()));
    int records = 0;
    for (const Tls::TlsStream &s : m_report->streams) {
        records += int(s.records.size());
        auto *item
            = new QStandardItem(tr("%1: %2 → %3 (%n records)", nullptr, int(s.records.size()))
                                    .arg(s.id)
                                    .arg(s.client, s.server));
        item->setData(s.id, Qt::UserRole);
        m_streams->appendRow(item);
    }
    QString summary
        = tr("%1 — %2%3: %n stream(s), %4 records, %5 finding(s)", nullptr,
             int(m_report->streams.size()))
              .arg(QFileInfo(m_report->source).fileName(), Tls::inputKindId(m_report->kind),
                   m_report->form.isEmpty() ? QString()
                                            : QStringLiteral(" (%1)").arg(m_report->form))
              .arg(records)
              .arg(m_report->findings.size());
    if (!m_report->notes.isEmpty())
        summary += QLatin1Char('\n') + tr("Not understood: %1").arg(m_report->notes.first());
    m_summary->setText(summary);
    if (m_streams->rowCount() > 0) {
        // Open the stream with findings first: that is what the user came for.
        int row = 0;
        if (!m_report->findings.isEmpty()) {
            for (int i = 0; i < m_report->streams.size(); ++i) {
                if (m_report->streams.at(i).id == m_report->findings.first().stream)
                    row = i;
            }
        }
        m_streamsView->setCurrentIndex(m_streams->index(row, 0));
    }
    Q_EMIT dissected(true);
}

void RecordsWorkspace::showStream(int row)
{
    if (!m_report || row < 0 || row >= m_report->streams.size())
        return;
    const Tls::TlsStream &s = m_report->streams.at(row);
    m_ladder->setStream(&s, m_report->positionsAreLines);
    m_ladderView->resizeColumnsToContents();
    m_ladderView->horizontalHeader()->setStretchLastSection(true);
    showFindings(s.id);
    // Select the first record a finding points at, else the first record.
    int select = 0;
    for (const Tls::RecordFinding &f : m_report->findings) {
        if (f.stream != s.id || f.evidence.isEmpty())
            continue;
        for (int i = 0; i < s.records.size(); ++i) {
            if (s.records.at(i).position == f.evidence.first().position) {
                select = i;
                break;
            }
        }
        break;
    }
    if (!s.records.isEmpty())
        m_ladderView->setCurrentIndex(m_ladder->index(select, RecordLadderModel::Framing));
}

void RecordsWorkspace::showRecord(int row)
{
    m_details->clear();
    m_hex->clear();
    const Tls::TlsRecord *r = m_ladder->record(row);
    if (!r || !m_report)
        return;
    const Tls::TlsStream &s = m_report->streams.at(m_streamsView->currentIndex().row());
    auto *top = new QTreeWidgetItem(m_details,
                                    {tr("Record"), Tls::DissectReportWriter::recordSummary(*r)});
    new QTreeWidgetItem(top, {m_report->positionsAreLines ? tr("line") : tr("frame"),
                              QString::number(r->position)});
    new QTreeWidgetItem(top, {tr("direction"), r->dir == Tls::RecordDirection::ClientToServer
                                                   ? tr("client → server")
                                                   : tr("server → client")});
    new QTreeWidgetItem(top, {tr("content type"), QString::number(r->type)});
    new QTreeWidgetItem(top, {tr("version"), Tls::TlsNames::version(r->version)});
    new QTreeWidgetItem(top, {tr("length"), QString::number(r->length)});
    new QTreeWidgetItem(top,
                        {tr("encrypted"), r->encrypted ? tr("yes (not decrypted)") : tr("no")});
    for (const Tls::MessagePiece &p : r->pieces) {
        auto *piece
            = new QTreeWidgetItem(m_details, {p.name, tr("%1 bytes here, %2 of a %3-byte message")
                                                          .arg(p.size)
                                                          .arg(Tls::fragmentId(p.fragment))
                                                          .arg(p.length + 4)});
        if (p.message >= 0 && p.message < s.messages.size()) {
            const Tls::HandshakeMessage &m = s.messages.at(p.message);
            if (m.records.size() > 1) {
                QStringList where;
                for (int index : m.records)
                    where << QString::number(s.records.at(index).position);
                new QTreeWidgetItem(piece,
                                    {tr("spans records at"), where.join(QStringLiteral(", "))});
            }
            for (const Tls::DetailNode &child : m.details.children)
                addNode(piece, child);
        }
    }
    m_details->expandToDepth(1);
    m_details->resizeColumnToContents(0);
    QString hex = r->bytes.isEmpty() ? tr("(bytes not kept: memory budget for this input spent)")
                                     : hexDump(r->bytes);
    if (r->clipped)
        hex += QLatin1Char('\n')
               + tr("… ciphertext: the first %1 of %2 bytes are shown.")
                     .arg(r->bytes.size())
                     .arg(qint64(r->length) + 5);
    m_hex->setPlainText(hex);
}

void RecordsWorkspace::showFindings(int streamId)
{
    QString html;
    for (const Tls::RecordFinding &f : m_report->findings) {
        if (f.stream != streamId)
            continue;
        html += QStringLiteral("<h3>%1</h3><p><i>%2</i></p><p>%3</p><ul>")
                    .arg(f.title.toHtmlEscaped(), f.id.toHtmlEscaped(),
                         f.explanation.toHtmlEscaped());
        for (const Tls::FindingEvidence &e : f.evidence)
            html += QStringLiteral("<li>%1 %2: %3</li>")
                        .arg(m_report->positionsAreLines ? tr("line") : tr("frame"))
                        .arg(e.position)
                        .arg(e.text.toHtmlEscaped());
        html += QStringLiteral("</ul><p><b>%1</b></p><ul>").arg(tr("Fixes"));
        for (const QString &fix : f.fixes)
            html += QStringLiteral("<li>%1</li>").arg(fix.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (html.isEmpty())
        html = tr("<p>No framing problem in this stream.</p>");
    const Tls::TlsStream *s = m_report->stream(streamId);
    if (s && (!s->notes.isEmpty() || !s->gaps.isEmpty())) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Notes"));
        for (const QString &n : s->notes)
            html += QStringLiteral("<li>%1</li>").arg(n.toHtmlEscaped());
        for (const Tls::StreamGap &g : s->gaps)
            html += tr("<li>%1 bytes missing (%2)</li>").arg(g.bytes).arg(Tls::directionId(g.dir));
        html += QStringLiteral("</ul>");
    }
    m_findings->setHtml(html);
}

} // namespace Forgeline::Ui
