#include "widgets/pipeline_page.h"

#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

#include "widgets/drift_history_chart.h"
#include "widgets/message_texts.h"
#include "widgets/pipeline_graph_view.h"
#include "widgets/pipeline_texts.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace widgets {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QColor runStatusColour(kiln::PipelineRunStatus status) {
    switch (status) {
    case kiln::PipelineRunStatus::Completed: return stepStatusColour(kiln::StepStatus::Ran);
    case kiln::PipelineRunStatus::Failed: return stepStatusColour(kiln::StepStatus::Failed);
    case kiln::PipelineRunStatus::Refused: return QColor(0xb0, 0x60, 0x00);
    case kiln::PipelineRunStatus::Skipped: return stepStatusColour(kiln::StepStatus::Skipped);
    case kiln::PipelineRunStatus::Running: return stepStatusColour(kiln::StepStatus::Running);
    }
    return {};
}

// The step to show first in a run: the one that failed, the gate that refused, else `previous`.
int stepToShow(const kiln::PipelineRunRecord& run, int previous) {
    for (const kiln::StepRecord& s : run.steps)
        if (s.status == kiln::StepStatus::Failed) return s.position;
    if (run.status == kiln::PipelineRunStatus::Refused)
        for (const kiln::StepRecord& s : run.steps)
            if (s.kind == "gate") return s.position;
    return previous >= 0 && previous < int(run.steps.size()) ? previous : 0;
}

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

}  // namespace

PipelinePage::PipelinePage(const QString& workspaceDir, const QString& name, const QString& file, QWidget* parent)
    : QWidget(parent),
      m_workspace(workspaceDir),
      m_name(name),
      m_file(file),
      m_title(new QLabel(this)),
      m_fileLabel(new QLabel(this)),
      m_schedule(new QLabel(this)),
      m_state(new QLabel(this)),
      m_runNow(new QPushButton(this)),
      m_scheduleButton(new QPushButton(this)),
      m_unschedule(new QPushButton(this)),
      m_sections(new QTabWidget(this)),
      m_runTitle(new QLabel(this)),
      m_graph(new PipelineGraphView(this)),
      m_history(new QTableWidget(this)),
      m_stepTabs(new QTabWidget(this)),
      m_stepView(new QTextBrowser(this)),
      m_log(new QPlainTextEdit(this)),
      m_gate(new QTextBrowser(this)),
      m_openRun(new QPushButton(this)),
      m_historyTitle(new QLabel(this)),
      m_drift(new DriftHistoryChart(this)) {
    setObjectName(QStringLiteral("pipelinePage"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setBold(true);
    m_title->setFont(big);
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileLabel->setWordWrap(true);
    m_runTitle->setObjectName(QStringLiteral("pipelineRunTitle"));
    m_runTitle->setWordWrap(true);
    // Long paths and messages wrap rather than widen the window.
    for (QLabel* label : {m_title, m_fileLabel, m_runTitle})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_fileLabel->setForegroundRole(QPalette::PlaceholderText);
    m_schedule->setObjectName(QStringLiteral("pipelineSchedule"));
    m_schedule->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("pipelineState"));
    m_state->setWordWrap(true);
    m_runNow->setObjectName(QStringLiteral("runNowButton"));
    m_runNow->setDefault(true);
    m_scheduleButton->setObjectName(QStringLiteral("scheduleButton"));
    m_unschedule->setObjectName(QStringLiteral("unscheduleButton"));
    m_openRun->setObjectName(QStringLiteral("openTrainingRunButton"));

    auto* header = new QGridLayout;
    header->addWidget(m_title, 0, 0);
    header->addWidget(m_fileLabel, 1, 0);
    header->addWidget(m_schedule, 2, 0);
    header->addWidget(m_state, 3, 0);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_runNow);
    buttons->addWidget(m_scheduleButton);
    buttons->addWidget(m_unschedule);
    buttons->addStretch(1);
    header->addLayout(buttons, 0, 1, 4, 1);
    header->setColumnStretch(0, 1);

    m_history->setObjectName(QStringLiteral("pipelineHistory"));
    m_history->setColumnCount(6);
    m_history->verticalHeader()->hide();
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->setWordWrap(false);
    connect(m_history, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_history->selectionModel()->selectedRows();
        if (rows.isEmpty()) return;
        const std::int64_t number = m_history->item(rows.front().row(), 0)->data(Qt::UserRole).toLongLong();
        if (number != m_run) {
            m_run = number;
            showRun();
        }
    });

    m_stepView->setObjectName(QStringLiteral("pipelineStep"));
    m_stepView->setOpenLinks(false);
    m_log->setObjectName(QStringLiteral("pipelineStepLog"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_gate->setObjectName(QStringLiteral("pipelineGate"));
    m_stepTabs->addTab(m_stepView, QString());
    m_stepTabs->addTab(m_log, QString());
    m_stepTabs->addTab(m_gate, QString());
    connect(m_graph, &PipelineGraphView::stepClicked, this, [this](int) { showStep(); });
    connect(m_runNow, &QPushButton::clicked, this, [this] { Q_EMIT runNowRequested(m_file); });
    connect(m_scheduleButton, &QPushButton::clicked, this, [this] { Q_EMIT scheduleRequested(m_file, true); });
    connect(m_unschedule, &QPushButton::clicked, this, [this] { Q_EMIT scheduleRequested(m_file, false); });
    connect(m_openRun, &QPushButton::clicked, this, [this] {
        const QString run = trainedRunOfStep();
        if (!run.isEmpty()) Q_EMIT openRunRequested(run);
    });

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_historyTitle);
    leftLayout->addWidget(m_history, 1);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_stepTabs, 1);
    rightLayout->addWidget(m_openRun, 0, Qt::AlignRight);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* runs = new QWidget(this);
    auto* runsLayout = new QVBoxLayout(runs);
    runsLayout->addWidget(m_runTitle);
    runsLayout->addWidget(m_graph);
    runsLayout->addWidget(split, 1);
    m_sections->addTab(runs, QString());
    m_sections->addTab(m_drift, QString());

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_sections, 1);
    retranslateUi();
    reload();
}

void PipelinePage::reload() {
    const int generation = ++m_generation;
    m_loading = true;
    const QString workspace = m_workspace, name = m_name, file = m_file;
    runInPool<kiln::Result<PipelineData>>(
        this,
        [workspace, name, file] {
            return guarded<PipelineData>([&] { return readPipelineData(workspace, name, file); });
        },
        [this, generation](kiln::Result<PipelineData> data) {
            if (generation != m_generation) return;  // a newer reload supersedes this one
            display(data);
        });
}

void PipelinePage::display(const kiln::Result<PipelineData>& data) {
    m_loading = false;
    if (!data) {
        m_error = errorText(data.error());
    } else {
        m_error.clear();
        m_data = *data;
        m_name = qs(m_data.name);
        if (m_file.isEmpty()) m_file = qs(m_data.file);
        // Keep the run shown unless it is gone; a run just finished shows itself.
        const bool known = std::any_of(m_data.runs.begin(), m_data.runs.end(),
                                       [this](const auto& r) { return r.number == m_run; });
        if (!known || m_running) m_run = m_data.runs.empty() ? 0 : m_data.runs.front().number;
    }
    m_drift->setHistory(qs(m_data.monitoredModel), m_data.drift);
    fillHistory();
    showRun();
    retranslateUi();
    Q_EMIT loaded();
}

void PipelinePage::setRunning(bool running, const QString& message) {
    m_running = running;
    m_runningText = message;
    retranslateUi();
}

const kiln::PipelineRunRecord* PipelinePage::currentRun() const {
    for (const kiln::PipelineRunRecord& r : m_data.runs)
        if (r.number == m_run) return &r;
    return nullptr;
}

void PipelinePage::fillHistory() {
    const QSignalBlocker blocker(m_history);
    m_history->setRowCount(int(m_data.runs.size()));
    int row = 0;
    for (const kiln::PipelineRunRecord& r : m_data.runs) {
        auto* number = cell(QStringLiteral("#%1").arg(r.number));
        number->setData(Qt::UserRole, qlonglong(r.number));
        m_history->setItem(row, 0, number);
        m_history->setItem(row, 1, cell(PipelineTexts::trigger(r.trigger)));
        auto* status = cell(PipelineTexts::runStatus(r.status));
        status->setForeground(runStatusColour(r.status));
        m_history->setItem(row, 2, status);
        m_history->setItem(row, 3, cell(PipelineTexts::time(r.startedAt)));
        m_history->setItem(row, 4, cell(PipelineTexts::duration(r.startedAt, r.finishedAt)));
        auto* message = cell(localMessage(qs(r.message)));
        message->setToolTip(message->text());
        m_history->setItem(row, 5, message);
        if (r.number == m_run) m_history->selectRow(row);
        ++row;
    }
    m_history->resizeColumnsToContents();
}

void PipelinePage::selectRun(std::int64_t number) {
    if (number == 0 && !m_data.runs.empty()) number = m_data.runs.front().number;
    m_run = number;
    fillHistory();
    showRun();
}

void PipelinePage::selectStep(int index) {
    m_graph->setSelected(index);
    showStep();
}

int PipelinePage::selectedStep() const {
    return m_graph->selected();
}

void PipelinePage::showRun() {
    QVector<GraphStep> steps;
    const kiln::PipelineRunRecord* run = currentRun();
    if (run) {
        for (const kiln::StepRecord& s : run->steps) {
            QString note = localMessage(qs(s.reason));
            if (s.status == kiln::StepStatus::Ran) note = PipelineTexts::duration(s.startedAt, s.finishedAt);
            steps.push_back({qs(s.name), qs(s.kind), s.status, note});
        }
        m_graph->setSteps(steps);
        m_graph->setSelected(stepToShow(*run, m_graph->selected()));
    } else {
        for (const DeclaredStep& s : m_data.steps) steps.push_back({qs(s.name), qs(s.kind), kiln::StepStatus::Pending, {}});
        m_graph->setSteps(steps);
        m_graph->setSelected(-1);
    }
    showStep();
    retranslateUi();
}

QString PipelinePage::trainedRunOfStep() const {
    const kiln::PipelineRunRecord* run = currentRun();
    const int index = m_graph->selected();
    if (!run || index < 0 || index >= int(run->steps.size())) return {};
    const nlohmann::json& outputs = run->steps[size_t(index)].outputs;
    if (outputs.is_object() && outputs.contains("run") && outputs["run"].is_string()) return qs(outputs["run"].get<std::string>());
    return {};
}

void PipelinePage::showStep() {
    const kiln::PipelineRunRecord* run = currentRun();
    const int index = m_graph->selected();
    const bool has = run && index >= 0 && index < int(run->steps.size());
    m_stepTabs->setEnabled(has);
    m_openRun->setVisible(has && !trainedRunOfStep().isEmpty());
    if (!has) {
        m_stepView->setHtml(run ? tr("<p>Click a step of the graph to see its record.</p>")
                                : tr("<p>This pipeline has not run in this workspace yet. Run Now runs it.</p>"));
        m_log->clear();
        m_gate->clear();
        return;
    }
    const kiln::StepRecord& step = run->steps[size_t(index)];
    m_stepView->setHtml(PipelineTexts::stepDetails(step));
    m_log->setPlainText(step.log.empty() ? tr("(this step printed nothing)") : qs(step.log));
    const kiln::StepRecord* gate = nullptr;
    if (step.kind == "gate") gate = &step;
    for (const kiln::StepRecord& s : run->steps)
        if (!gate && s.kind == "gate") gate = &s;
    m_gate->setHtml(gate ? PipelineTexts::gateComparison(*gate) : tr("<p>This pipeline has no gate step.</p>"));
    m_stepTabs->setTabEnabled(2, gate != nullptr);
}

void PipelinePage::retranslateUi() {
    m_title->setText(m_name.isEmpty() ? tr("Pipeline") : tr("Pipeline %1").arg(m_name));
    m_fileLabel->setText(m_file);
    m_schedule->setText(m_loading && m_data.name.empty() ? tr("Reading the pipeline…") : PipelineTexts::schedule(m_data));
    QString state;
    if (!m_error.isEmpty())
        state = QStringLiteral("<span style='color:#c5221f'>%1</span>").arg(m_error.toHtmlEscaped());
    else if (!m_data.fileProblem.empty())
        state = QStringLiteral("<span style='color:#c5221f'>%1</span>")
                    .arg(tr("The pipeline file cannot be read: %1").arg(qs(m_data.fileProblem)).toHtmlEscaped());
    else if (m_running)
        state = QStringLiteral("<b>%1</b>").arg((m_runningText.isEmpty() ? tr("Running…") : m_runningText).toHtmlEscaped());
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    const bool fileOk = !m_file.isEmpty() && !m_data.name.empty() && m_data.fileProblem.empty() && m_error.isEmpty();
    const bool scheduled = m_data.listing && m_data.listing->schedule;
    m_runNow->setText(tr("Run Now"));
    m_runNow->setEnabled(fileOk && !m_running);
    m_runNow->setToolTip(tr("Run the pipeline: steps whose inputs did not change are reused"));
    m_scheduleButton->setText(scheduled ? tr("Schedule Again") : tr("Schedule"));
    m_scheduleButton->setEnabled(fileOk && !m_data.declaredSchedule.empty());
    m_scheduleButton->setToolTip(m_data.declaredSchedule.empty()
                                     ? tr("The pipeline file names no schedule: add a schedule: line to it")
                                     : tr("Install the file's schedule as a systemd user timer (or in your crontab)"));
    m_unschedule->setText(tr("Unschedule"));
    m_unschedule->setEnabled(scheduled);
    m_openRun->setText(tr("Open Training Run"));
    m_sections->setTabText(0, tr("Runs"));
    m_sections->setTabText(1, tr("Drift over Time"));
    m_stepTabs->setTabText(0, tr("Step"));
    m_stepTabs->setTabText(1, tr("Log"));
    m_stepTabs->setTabText(2, tr("Gate"));
    m_historyTitle->setText(tr("History (%n run(s))", nullptr, int(m_data.runs.size())));
    m_history->setHorizontalHeaderLabels({tr("Run"), tr("Trigger"), tr("Status"), tr("Started"), tr("Took"), tr("Message")});
    const kiln::PipelineRunRecord* run = currentRun();
    if (!run) {
        m_runTitle->setText(tr("Steps of the pipeline file (not run yet)"));
        return;
    }
    QString title = tr("Run #%1 · %2 · %3 · %4")
                        .arg(run->number)
                        .arg(PipelineTexts::runStatus(run->status), PipelineTexts::trigger(run->trigger),
                             PipelineTexts::time(run->startedAt));
    if (!run->message.empty()) title += QStringLiteral(" — ") + localMessage(qs(run->message));
    m_runTitle->setText(QStringLiteral("<b style='color:%1'>%2</b>").arg(runStatusColour(run->status).name(), title.toHtmlEscaped()));
}

void PipelinePage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        fillHistory();
        showRun();  // the graph's notes, the step's record and the words around them
    }
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
