#include "app/studio/run_tab.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "app/studio/environment_texts.h"
#include "app/studio/run_controller.h"
#include "widgets/decision_tree_view.h"
#include "widgets/evaluation_view.h"
#include "widgets/model_family.h"
#include "widgets/message_texts.h"
#include "widgets/model_insight_view.h"
#include "widgets/pool_task.h"
#include "widgets/run_curves_view.h"

namespace kiln {
namespace studio {

using kiln::widgets::RunLogLine;
using kiln::widgets::RunRecord;

namespace {

QString duration(double seconds) {
    const qint64 s = qint64(std::llround(std::max(0.0, seconds)));
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString chipStyle(const QString& status) {
    QString colour = QStringLiteral("#5f6368");
    if (status == QLatin1String("running") || status == QLatin1String("queued"))
        colour = QStringLiteral("#1a73e8");
    else if (status == QLatin1String("completed"))
        colour = QStringLiteral("#188038");
    else if (status == QLatin1String("failed"))
        colour = QStringLiteral("#c5221f");
    else if (status == QLatin1String("cancelled") || status == QLatin1String("interrupted") ||
             status == QLatin1String(RunController::kDisconnected))
        colour = QStringLiteral("#b06000");
    return QStringLiteral(
               "QLabel { color: white; background: %1; border-radius: 9px; "
               "padding: 2px 10px; font-weight: bold; }")
        .arg(colour);
}

}  // namespace

RunTab::RunTab(const QString& workspace, const QString& runId, RunController* controller,
               QWidget* parent)
    : QWidget(parent),
      m_workspace(workspace),
      m_runId(runId),
      m_controller(controller),
      m_poll(new QTimer(this)),
      m_title(new QLabel(this)),
      m_statusChip(new QLabel(this)),
      m_subtitle(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_progressLabel(new QLabel(this)),
      m_cancel(new QPushButton(this)),
      m_resume(new QPushButton(this)),
      m_reconnect(new QPushButton(this)),
      m_export(new QPushButton(this)),
      m_register(new QPushButton(this)),
      m_error(new QLabel(this)),
      m_pages(new QTabWidget(this)),
      m_curves(new kiln::widgets::RunCurvesView(this)),
      m_evaluation(new kiln::widgets::EvaluationView(this)),
      m_insight(new kiln::widgets::ModelInsightView(this)),
      m_tree(new kiln::widgets::DecisionTreeView(this)),
      m_logView(new QPlainTextEdit(this)),
      m_environment(new QTreeWidget(this)),
      m_specView(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("runTab"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setEnabled(false);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(10);
    m_progressLabel->setObjectName(QStringLiteral("runProgressLabel"));
    m_cancel->setObjectName(QStringLiteral("cancelRunButton"));
    m_resume->setObjectName(QStringLiteral("resumeRunButton"));
    m_reconnect->setObjectName(QStringLiteral("reconnectRunButton"));
    m_reconnect->setVisible(false);
    m_export->setObjectName(QStringLiteral("exportOnnxButton"));
    m_register->setObjectName(QStringLiteral("registerModelButton"));
    m_export->setVisible(false);
    m_register->setVisible(false);
    m_error->setObjectName(QStringLiteral("runError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_logView->setObjectName(QStringLiteral("runLog"));
    m_logView->setReadOnly(true);
    m_logView->setFont(QFont(QStringLiteral("monospace")));
    m_logView->setMaximumBlockCount(5000);
    m_specView->setReadOnly(true);
    m_specView->setFont(QFont(QStringLiteral("monospace")));
    m_environment->setColumnCount(2);
    m_environment->setRootIsDecorated(false);
    m_environment->setAlternatingRowColors(true);
    m_environment->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_statusChip);
    header->addStretch(1);
    header->addWidget(m_export);
    header->addWidget(m_register);
    header->addWidget(m_resume);
    header->addWidget(m_reconnect);
    header->addWidget(m_cancel);
    auto* progress = new QHBoxLayout;
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_progressLabel);
    auto* details = new QSplitter(Qt::Horizontal, this);
    details->addWidget(m_environment);
    details->addWidget(m_specView);
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_curves, QString());
    m_pages->addTab(m_evaluation, QString());
    m_pages->addTab(m_insight, QString());
    m_pages->addTab(m_tree, QString());
    m_pages->setTabVisible(m_pages->indexOf(m_insight), false);
    m_pages->setTabVisible(m_pages->indexOf(m_tree), false);
    m_pages->addTab(m_logView, QString());
    m_pages->addTab(details, QString());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->addLayout(header);
    layout->addWidget(m_subtitle);
    layout->addLayout(progress);
    layout->addWidget(m_error);
    layout->addWidget(m_pages, 1);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_controller && m_controller->cancelRun(m_runId)) m_cancel->setEnabled(false);
    });
    connect(m_export, &QPushButton::clicked, this, [this] { Q_EMIT exportRequested(m_runId); });
    connect(m_register, &QPushButton::clicked, this, [this] { Q_EMIT registerRequested(m_runId); });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (!m_controller || m_controller->resumeRun(m_runId, m_record.host) <= 0) return;
        ++m_generation;  // a read of the cancelled record still in flight must not undo this
        m_note.clear();
        m_lostError.clear();
        setStatus(QStringLiteral("queued"));
    });
    connect(m_reconnect, &QPushButton::clicked, this, &RunTab::reconnect);
    if (m_controller) {
        connect(m_controller, &RunController::runEvent, this, &RunTab::onEvent);
        connect(m_controller, &RunController::runFinished, this, &RunTab::onFinished);
    }
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &RunTab::reload);
    retranslateUi();
    reload();
}

void RunTab::reload() {
    const QString dir = m_workspace, id = m_runId;
    const int generation = ++m_generation;
    kiln::widgets::runInPool<RunRecord>(
        this, [dir, id] { return kiln::widgets::readRunRecord(dir, id); },
        [this, generation](RunRecord record) {
            if (generation == m_generation) showRecord(record);
        });
}

void RunTab::showRecord(const RunRecord& record) {
    if (!record.ok()) {
        m_error->setText(tr("Could not read the run: %1").arg(record.failure));
        return;
    }
    // Lines that arrived live after what events.jsonl held when it was read stay.
    QVector<RunLogLine> live;
    for (const RunLogLine& line : m_log)
        if (line.time > record.lastEventTime) live.push_back(line);
    m_log.clear();
    m_logView->clear();
    const double liveTime = m_nowTime;
    const QString liveStatus = m_record.status;
    const bool following = m_controller && m_controller->isFollowing(m_runId);
    m_record = record;
    // Live events may be ahead of the catalog read (the run finished meanwhile, or a progress
    // event came after it).
    if (following && liveTime > record.lastEventTime && !liveStatus.isEmpty())
        m_record.status = liveStatus;
    // The catalog says running, but nobody here hears the host: say so.
    const QString lost = m_controller ? m_controller->connectionError(m_runId) : QString();
    if (m_record.isActive() && !following && !lost.isEmpty()) {
        m_record.status = QLatin1String(RunController::kDisconnected);
        m_lostError = lost;
    }
    m_nowTime = std::max(liveTime, record.lastEventTime);
    m_recordEventTime = record.lastEventTime;
    for (const RunLogLine& line : record.log) appendLog(line);
    for (const RunLogLine& line : live) appendLog(line);
    m_curves->setTask(record.task());
    m_curves->setRounds(isRounds());
    for (const auto& point : record.metrics)
        m_curves->addMetric(point.key, point.epoch, point.value, point.step, record.stepsPerEpoch);
    m_evaluation->setReport(record.report);
    showReport();
    const bool wasLoaded = m_loaded;
    m_loaded = true;
    showEnvironment();
    setStatus(m_record.status);
    if (!wasLoaded && !m_evaluation->shownTask().isEmpty()) m_pages->setCurrentWidget(m_evaluation);
    const bool external = m_record.isActive() && !following;
    external ? m_poll->start() : m_poll->stop();
    Q_EMIT loaded();
}

void RunTab::showReport() {
    const QJsonObject& report = m_record.report;
    m_insight->setReport(report);
    // The tree's caption names the target.
    QJsonObject withTarget = report;
    if (!withTarget.contains(QLatin1String("target")))
        withTarget.insert(QLatin1String("target"), m_record.spec.value(QLatin1String("target")));
    m_tree->setReport(withTarget);
    m_pages->setTabVisible(m_pages->indexOf(m_insight), m_insight->hasContent());
    m_pages->setTabVisible(m_pages->indexOf(m_tree), m_tree->hasTree());
}

QString RunTab::family() const {
    const QString reported = m_record.report.value(QLatin1String("family")).toString();
    if (!reported.isEmpty()) return reported;
    return m_record.spec.value(QLatin1String("model"))
        .toObject()
        .value(QLatin1String("family"))
        .toString();
}

bool RunTab::isRounds() const {
    return family() == QLatin1String("boosted");
}

void RunTab::onEvent(const QString& runId, const kiln::WorkerEvent& event) {
    if (runId == m_runId) applyEvent(event);
}

void RunTab::applyEvent(const kiln::WorkerEvent& e) {
    const double time = e.time;
    m_nowTime = std::max(m_nowTime, time);
    if (auto* metric = e.as<kiln::event::Metric>()) {
        if (!std::isnan(metric->value))
            m_curves->addMetric(QString::fromStdString(metric->key), metric->epoch, metric->value,
                                metric->step, m_record.stepsPerEpoch);
    } else if (auto* progress = e.as<kiln::event::Progress>()) {
        m_record.epoch = progress->epoch;
        m_record.step = int(progress->step);
        m_record.stepsPerEpoch = int(progress->stepsPerEpoch);
        showProgress();
    } else if (auto* started = e.as<kiln::event::Started>()) {
        m_note.clear();
        m_lostError.clear();
        m_record.startedTime = time;
        m_record.device = QString::fromStdString(started->device);
        m_record.deviceReason = QString::fromStdString(started->deviceReason);
        m_record.environment =
            QJsonDocument::fromJson(QByteArray::fromStdString(started->environmentJson)).object();
        showEnvironment();
        setStatus(QStringLiteral("running"));
    }
    // What events.jsonl held when the record was read is in the log already.
    RunLogLine line;
    if (time > m_recordEventTime && kiln::widgets::logLineFor(e, line)) appendLog(line);
}

void RunTab::onFinished(const QString& runId, const QString& status, const QString& error) {
    if (runId != m_runId) return;
    // A lost connection or a failed new start is told here; a failure's error is in the record.
    if (status == QLatin1String(RunController::kDisconnected))
        m_lostError = error;
    else if (status != QLatin1String("failed"))
        m_note = error;
    setStatus(status);
    // The report, final metrics and error are in the catalog and the run folder now.
    reload();
}

void RunTab::appendLog(const RunLogLine& line) {
    m_log.push_back(line);
    const QString stamp = QDateTime::fromMSecsSinceEpoch(qint64(line.time * 1000))
                              .toString(QStringLiteral("HH:mm:ss"));
    m_logView->appendPlainText(
        QStringLiteral("%1  %2  %3").arg(stamp, line.level.leftJustified(7), line.message));
}

QString RunTab::logText() const {
    return m_logView->toPlainText();
}

QString RunTab::subtitleText() const {
    return m_subtitle->text();
}

QString RunTab::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

int RunTab::totalEpochs() const {
    const QString trained = family();
    const QJsonObject model = m_record.spec.value(QLatin1String("model")).toObject();
    // Boosting runs its rounds; a forest or a single tree is grown in one.
    if (trained == QLatin1String("boosted"))
        return std::max(1, model.value(QLatin1String("trees")).toInt(1));
    if (kiln::widgets::isTreeFamilyName(trained)) return 1;
    return std::max(1, m_record.spec.value(QLatin1String("epochs")).toInt(1));
}

QString RunTab::progressText() const {
    const int epochs = totalEpochs();
    const int steps = std::max(1, m_record.stepsPerEpoch);
    if (m_record.status == QLatin1String("queued")) return tr("Waiting for the worker…");
    if (m_record.status == QLatin1String(RunController::kDisconnected))
        return (isRounds() ? tr("Last heard in round %1 of %2; the worker keeps training on %3")
                           : tr("Last heard in epoch %1 of %2; the worker keeps training on %3"))
            .arg(QString::number(m_record.epoch), QString::number(epochs), m_record.host);
    if (m_record.epoch == 0) return m_record.isActive() ? tr("Preparing the data…") : QString();
    if (!m_record.isActive()) return finishedText();
    QString text =
        isRounds()
            ? tr("Round %1 of %2").arg(QString::number(m_record.epoch), QString::number(epochs))
            : tr("Epoch %1 of %2 · step %3 of %4")
                  .arg(QString::number(m_record.epoch), QString::number(epochs),
                       QString::number(m_record.step), QString::number(steps));
    const double done = double(m_record.epoch - 1) * steps + m_record.step;
    const double elapsed = m_nowTime - m_record.startedTime;
    if (m_record.isActive() && done > 0 && m_record.startedTime > 0 && elapsed > 0) {
        const double remaining = elapsed * (double(epochs) * steps - done) / done;
        // Only when early stopping is on can the run end before its last epoch.
        const bool earlyStopping = m_record.spec.value(QLatin1String("early_stopping")).toInt() > 0;
        text += earlyStopping ? tr(" · ETA %1 (early stopping may end sooner)").arg(duration(remaining))
                              : tr(" · ETA %1").arg(duration(remaining));
    }
    return text;
}

QString RunTab::finishedText() const {
    const QString epochs = QString::number(m_record.epoch);
    const QString total = QString::number(totalEpochs());
    const bool rounds = isRounds();
    if (m_record.status != QLatin1String("completed"))
        return (rounds ? tr("Stopped in round %1 of %2") : tr("Stopped in epoch %1 of %2"))
            .arg(epochs, total);
    const QJsonObject& report = m_record.report;
    const QString best = QString::number(report.value(QLatin1String("best_epoch")).toInt());
    if (kiln::widgets::isTreeFamilyName(family()) && !rounds)
        return tr("%1 grown").arg(kiln::widgets::modelFamilyName(family()));
    if (rounds && report.value(QLatin1String("early_stopped")).toBool())
        return tr("%1 of %2 rounds · stopped early · best round %3").arg(epochs, total, best);
    if (rounds) return tr("%1 of %2 rounds · best round %3").arg(epochs, total, best);
    if (report.value(QLatin1String("early_stopped")).toBool())
        return tr("%1 of %2 epochs · stopped early · best epoch %3").arg(epochs, total, best);
    return tr("%1 of %2 epochs · best epoch %3").arg(epochs, total, best);
}

void RunTab::showProgress() {
    const int steps = std::max(1, m_record.stepsPerEpoch);
    const int total = totalEpochs() * steps;
    const int done = std::max(0, (m_record.epoch - 1) * steps + m_record.step);
    const bool active = m_record.isActive();
    m_progress->setRange(0, active && m_record.epoch == 0 ? 0 : total);
    m_progress->setValue(m_record.status == QLatin1String("completed") ? total
                                                                       : std::min(done, total));
    m_progressLabel->setText(progressText());
}

void RunTab::setStatus(const QString& status) {
    const bool changed = status != m_record.status;
    m_record.status = status;
    const bool active = m_record.isActive();
    const bool followed = m_controller && m_controller->isFollowing(m_runId);
    m_cancel->setVisible(active);
    m_cancel->setEnabled(active && followed);
    m_resume->setVisible(status == QLatin1String("cancelled") ||
                         status == QLatin1String("interrupted"));
    m_resume->setEnabled(m_controller != nullptr);
    m_export->setVisible(status == QLatin1String("completed"));
    m_register->setVisible(status == QLatin1String("completed"));
    m_reconnect->setVisible(status == QLatin1String(RunController::kDisconnected));
    m_reconnect->setEnabled(m_controller != nullptr);
    showError();
    showHeader();
    showProgress();
    if (changed) Q_EMIT statusChanged(status);
}

void RunTab::showHeader() {
    m_title->setText(m_record.name.isEmpty() ? m_runId : m_record.name);
    m_statusChip->setText(statusName(m_record.status));
    m_statusChip->setStyleSheet(chipStyle(m_record.status));
    const QString dataset = m_record.spec.value(QLatin1String("dataset")).toString();
    const QString version =
        QString::number(m_record.spec.value(QLatin1String("dataset_version")).toInt());
    // The catalog's device may carry its reason in brackets; the Environment page shows it.
    const QString device = m_record.device.isEmpty()
                               ? tr("device not chosen yet")
                               : m_record.device.section(QLatin1String(" ("), 0, 0);
    const QString family = kiln::widgets::modelFamilyName(this->family());
    const QString target = m_record.spec.value(QLatin1String("target")).toString();
    if (!m_record.isRemote())
        return m_subtitle->setText(tr("Run %1 · dataset %2 v%3 · target %4 · %5 on %6")
                                       .arg(m_runId, dataset, version, target, family, device));
    // A remote run names its host (and how it is reached) first: that is where it trains.
    const QString host = m_record.hostTarget.isEmpty()
                             ? m_record.host
                             : tr("%1 (%2)").arg(m_record.host, m_record.hostTarget);
    m_subtitle->setText(tr("Run %1 on %2 · dataset %3 v%4 · target %5 · %6 on %7")
                            .arg(m_runId, host, dataset, version, target, family, device));
}

QString RunTab::lostText(const QString& error) const {
    // The follower's message starts with what the line above already says; keep its reason.
    const QString marker = QStringLiteral("re-attached: ");
    const int at = error.indexOf(marker);
    QString reason = (at < 0 ? error : error.mid(at + marker.size())).trimmed();
    if (reason.endsWith(QLatin1Char('.'))) reason.chop(1);
    return tr("Lost the connection to %1: %2. Reconnect follows the worker again.")
        .arg(m_record.host, reason);
}

void RunTab::showError() {
    const bool lost = m_record.status == QLatin1String(RunController::kDisconnected);
    const QString error = lost && !m_lostError.isEmpty() ? lostText(m_lostError)
                          : !m_note.isEmpty()            ? m_note
                                                         : m_record.error;
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty() && !m_record.isActive());
}

void RunTab::reconnect() {
    if (!m_controller || m_controller->reconnectRun(m_runId, m_record.host) <= 0) return;
    ++m_generation;  // a read still in flight must not undo this
    m_lostError.clear();
    setStatus(QStringLiteral("running"));
}

void RunTab::showEnvironment() {
    m_environment->clear();
    auto add = [this](const QString& key, const QString& value) {
        auto* item = new QTreeWidgetItem(m_environment, {key, value});
        item->setToolTip(1, value);
    };
    // The catalog's device may carry its reason in brackets: the reason has its own row.
    add(tr("Device"), m_record.device.section(QLatin1String(" ("), 0, 0));
    add(tr("Why this device"), kiln::widgets::localMessage(m_record.deviceReason));
    add(tr("Host"), m_record.host == QLatin1String("local") ? tr("this machine") : m_record.host);
    add(tr("Created"), m_record.createdAt);
    add(tr("Started"), m_record.startedAt);
    add(tr("Finished"), m_record.finishedAt);
    const QJsonObject& env = m_record.environment;
    for (auto it = env.begin(); it != env.end(); ++it)
        add(environmentKeyText(it.key()), environmentValueText(it.key(), it.value()));
    m_specView->setPlainText(QString::fromUtf8(QJsonDocument(m_record.spec).toJson()));
}

QString RunTab::statusName(const QString& status) const {
    if (status == QLatin1String("queued")) return tr("Queued");
    if (status == QLatin1String("running")) return tr("Running");
    if (status == QLatin1String("completed")) return tr("Completed");
    if (status == QLatin1String("failed")) return tr("Failed");
    if (status == QLatin1String("cancelled")) return tr("Cancelled");
    if (status == QLatin1String("interrupted")) return tr("Interrupted");
    if (status == QLatin1String(RunController::kDisconnected)) return tr("Connection lost");
    return status.isEmpty() ? tr("Loading…") : status;
}

void RunTab::retranslateUi() {
    m_cancel->setText(tr("Cancel Run"));
    m_cancel->setToolTip(tr("The worker stops at the next batch and keeps a checkpoint"));
    m_resume->setText(tr("Resume"));
    m_resume->setToolTip(tr("Continue from the last checkpoint"));
    m_reconnect->setText(tr("Reconnect"));
    m_reconnect->setToolTip(
        tr("Connect to the host again and follow the worker from where "
           "this Studio lost it"));
    m_export->setText(tr("Export ONNX…"));
    m_export->setToolTip(tr("Write a verified ONNX file with the preprocessing inside"));
    m_register->setText(tr("Register as Model…"));
    m_register->setToolTip(tr("Export, verify and evaluate this run as a new model version"));
    m_pages->setTabText(m_pages->indexOf(m_curves), tr("Curves"));
    m_pages->setTabText(m_pages->indexOf(m_evaluation), tr("Evaluation"));
    m_pages->setTabText(m_pages->indexOf(m_insight), tr("Model"));
    m_pages->setTabText(m_pages->indexOf(m_tree), tr("Tree"));
    m_pages->setTabText(m_pages->indexOf(m_logView), tr("Log"));
    // The environment and the spec share a splitter page.
    m_pages->setTabText(m_pages->indexOf(m_environment->parentWidget()),
                        tr("Environment and spec"));
    m_environment->setHeaderLabels({tr("Property"), tr("Value")});
    showError();
    showHeader();
    showProgress();
    if (m_loaded) showEnvironment();
}

void RunTab::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
