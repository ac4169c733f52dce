#include "app/studio/sweep_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <limits>

#include "app/studio/kiln_path.h"
#include "app/studio/train_panel_data.h"
#include "core/data/dataset_catalog.h"
#include "core/runs/launcher.h"
#include "core/store/workspace.h"
#include "core/modules/engine_module.h"
#include "widgets/job_manager.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace studio {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

QVector<QPair<QString, QString>> toQt(const kiln::Assignment& a) {
    QVector<QPair<QString, QString>> out;
    for (const auto& [k, v] : a) out.push_back({q(k), q(v)});
    return out;
}

SweepTrialInfo infoOf(const kiln::TrialResult& r) {
    SweepTrialInfo t;
    t.number = r.number;
    t.assignment = toQt(r.assignment);
    t.runId = q(r.runId);
    t.status = q(r.status);
    t.value = r.value;
    t.error = q(r.error);
    return t;
}
}  // namespace

// Hears the scheduler on its trial threads and posts each event to the controller's thread.
class StudioSweepListener : public kiln::SweepListener {
public:
    explicit StudioSweepListener(SweepController* c) : m_c(c) {}
    void trialStarted(const kiln::Trial& t, const std::string& runId) override {
        SweepTrialInfo info;
        info.number = t.number;
        info.assignment = toQt(t.assignment);
        info.runId = q(runId);
        info.status = QStringLiteral("running");
        post(info, true, false, 0);
    }
    void trialProgress(const kiln::Trial& t, std::int64_t epoch, double value) override {
        SweepTrialInfo info;
        info.number = t.number;
        info.assignment = toQt(t.assignment);
        info.status = QStringLiteral("running");
        info.epoch = epoch;
        info.value = value;
        post(info, false, false, 0);
    }
    void trialFinished(const kiln::TrialResult& r,
                       const std::optional<kiln::TrialResult>& best) override {
        post(infoOf(r), false, true, best ? best->number : 0);
    }

private:
    void post(SweepTrialInfo info, bool started, bool finished, int best) {
        QPointer<SweepController> c = m_c;
        QMetaObject::invokeMethod(
            m_c, [c, info, started, finished, best] {
                if (c) c->onTrial(info, started, finished, best);
            },
            Qt::QueuedConnection);
    }
    SweepController* m_c;
};

SweepController::SweepController(kiln::widgets::JobManager* jobs, QObject* parent)
    : QObject(parent), m_jobs(jobs) {
    connect(m_jobs, &kiln::widgets::JobManager::jobFinished, this,
            [this](int id, bool ok, const QString& message) {
                if (id != m_job) return;
                m_running = false;
                const auto* record = m_jobs->job(id);
                const bool cancelled =
                    record && record->state == kiln::widgets::JobState::Cancelled;
                if (cancelled)
                    m_message = m_best > 0 ? tr("Sweep cancelled; best: trial %1 (run %2)")
                                                 .arg(m_best)
                                                 .arg(bestRunId())
                                           : tr("Sweep cancelled");
                else if (ok && m_best > 0)
                    m_message = tr("Best: trial %1 (run %2)").arg(m_best).arg(bestRunId());
                else
                    m_message = message.isEmpty() ? tr("No trial of the sweep completed") : message;
                Q_EMIT finished(ok && m_best > 0, m_message);
            });
}

int SweepController::start(const SweepRequest& req) {
    if (m_running) return 0;
    m_request = req;
    if (m_request.kilnPath.isEmpty()) m_request.kilnPath = kilnPath();
    m_trials.clear();
    m_best = 0;
    m_planned = 0;
    m_running = true;
    const SweepRequest r = m_request;
    QPointer<SweepController> self = this;
    auto listener = std::make_shared<StudioSweepListener>(this);
    m_job = m_jobs->start(QStringLiteral("Sweep on %1").arg(r.dataset), [r, self, listener](kiln::JobContext& job) -> kiln::Status {
        auto ws = kiln::Workspace::open(r.workspace.toStdString(), false);
        if (!ws) return ws.error();
        auto version = kiln::DatasetCatalog((*ws)->catalog()).resolve(r.dataset.toStdString());
        if (!version) return version.error();
        kiln::SweepSpec s;
        kiln::useDataset(s.base, *version);
        s.base.target = r.target.toStdString();
        s.base.epochs = r.epochs;
        s.base.device = "cpu";
        if (!r.hidden.isEmpty() && !parseHidden(r.hidden, s.base.model.hidden))
            return kiln::makeError(kiln::ErrorCode::InvalidArgument,
                                   "hidden widths must be whole numbers: " + r.hidden.toStdString());
        for (const QString& text : r.params) {
            auto d = kiln::parseParamDomain(text.toStdString());
            if (!d) return d.error();
            s.params.push_back(*d);
        }
        s.search = r.search == QLatin1String("grid") ? kiln::SearchKind::Grid : kiln::SearchKind::Random;
        s.trials = r.trials;
        s.parallel = r.parallel;
        s.gridPoints = r.gridPoints;
        s.seed = r.seed;
        kiln::setRunSeed(s.base, r.seed);  // as `kiln sweep --seed` does: the same rows split
        s.medianStopping = r.medianStopping;
        s.metric = r.metric.toStdString();
        s.maximize = r.mode.isEmpty() ? !kiln::lowerIsBetter(s.metric) : r.mode == QLatin1String("max");
        auto engines = kiln::engineModule();
        if (!engines) return engines.error();
        if (auto st = (*engines)->prepareSweep(**ws, s); !st) return st.error();
        if (s.gpus > 0) s.base.device = "auto";  // Studio picks the device: each slot its GPU
        const std::string id = kiln::newSweepId();
        const int planned = int(kiln::sweepAssignments(s).size());
        QStringList names;
        for (const auto& p : s.params) names << q(p.name);
        const bool maximize = s.maximize;
        if (self)
            QMetaObject::invokeMethod(
                self.data(), [self, id, names, planned, maximize] {
                    if (self) self->onPlanned(q(id), names, planned, maximize);
                },
                Qt::QueuedConnection);
        auto outcome =
            (*engines)->runSweep(**ws, id, s, version->id, listener.get(), job, r.kilnPath.toStdString());
        if (!outcome) return outcome.error();
        if (outcome->cancelled)
            return kiln::makeError(kiln::ErrorCode::Cancelled,
                                   "sweep cancelled after " + std::to_string(outcome->trials.size()) +
                                       " of " + std::to_string(outcome->planned) + " trials");
        if (!outcome->best && !outcome->cancelled)
            return kiln::makeError(kiln::ErrorCode::InvalidArgument, "no trial of the sweep completed");
        return {};
    });
    return m_job;
}

void SweepController::cancel() {
    if (m_running) m_jobs->cancel(m_job);
}

QString SweepController::bestRunId() const {
    for (const auto& t : m_trials)
        if (t.number == m_best) return t.runId;
    return {};
}

void SweepController::onPlanned(const QString& id, const QStringList& params, int trials,
                                bool maximize) {
    m_sweepId = id;
    m_paramNames = params;
    m_planned = trials;
    m_maximize = maximize;
    Q_EMIT sweepPlanned(id, params, trials);
}

SweepTrialInfo* SweepController::find(int number) {
    for (auto& t : m_trials)
        if (t.number == number) return &t;
    return nullptr;
}

void SweepController::onTrial(const SweepTrialInfo& info, bool started, bool done, int best) {
    SweepTrialInfo* t = find(info.number);
    if (!t) {
        m_trials.push_back(info);
        std::sort(m_trials.begin(), m_trials.end(),
                  [](const SweepTrialInfo& a, const SweepTrialInfo& b) { return a.number < b.number; });
        t = find(info.number);
    }
    if (started) {
        t->runId = info.runId;
        t->status = info.status;
    } else if (done) {
        const QString runId = t->runId;
        *t = info;
        if (t->runId.isEmpty()) t->runId = runId;
    } else {
        // Progress: the best value so far by the sweep's mode.
        t->epoch = info.epoch;
        if (info.value && (!t->value || (m_maximize ? *info.value > *t->value : *info.value < *t->value)))
            t->value = info.value;
    }
    Q_EMIT trialChanged(info.number);
    if (done && best > 0 && best != m_best) {
        m_best = best;
        Q_EMIT bestChanged(best);
    }
}

// ---------------------------------------------------------------------------------------------
SweepDialog::SweepDialog(const QString& workspace, QWidget* parent)
    : QDialog(parent),
      m_workspace(workspace),
      m_dataset(new QComboBox(this)),
      m_target(new QComboBox(this)),
      m_params(new QTableWidget(0, 3, this)),
      m_search(new QComboBox(this)),
      m_trials(new QSpinBox(this)),
      m_parallel(new QSpinBox(this)),
      m_gridPoints(new QSpinBox(this)),
      m_metric(new QComboBox(this)),
      m_mode(new QComboBox(this)),
      m_epochs(new QSpinBox(this)),
      m_hidden(new QComboBox(this)),
      m_seed(new QSpinBox(this)),
      m_medianStopping(new QCheckBox(this)),
      m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("sweepDialog"));
    m_target->setEditable(true);
    m_search->addItem(QString(), QStringLiteral("random"));
    m_search->addItem(QString(), QStringLiteral("grid"));
    m_trials->setRange(1, 10000);
    m_trials->setValue(12);
    m_parallel->setRange(0, 64);
    m_gridPoints->setRange(2, 20);
    m_gridPoints->setValue(3);
    m_metric->setEditable(true);
    m_metric->addItems({QStringLiteral("val_loss"), QStringLiteral("val_accuracy"),
                        QStringLiteral("val_f1_macro"), QStringLiteral("val_rmse")});
    m_mode->addItem(QString(), QString());
    m_mode->addItem(QString(), QStringLiteral("min"));
    m_mode->addItem(QString(), QStringLiteral("max"));
    m_epochs->setRange(1, 100000);
    m_epochs->setValue(20);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setObjectName(QStringLiteral("sweepSeed"));
    m_medianStopping->setObjectName(QStringLiteral("sweepMedianStopping"));
    m_hidden->setEditable(true);
    m_hidden->addItems({QStringLiteral("128, 64"), QStringLiteral("64"), QStringLiteral("16")});
    m_params->setObjectName(QStringLiteral("sweepParams"));
    m_params->horizontalHeader()->setStretchLastSection(true);
    m_params->verticalHeader()->setVisible(false);
    m_params->setMinimumHeight(150);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);

    auto* add = new QPushButton(tr("Add parameter"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        addParamRow(QStringLiteral("dropout"), QStringLiteral("uniform"), QStringLiteral("0:0.5"));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_params->currentRow() >= 0) m_params->removeRow(m_params->currentRow());
    });
    auto* paramButtons = new QHBoxLayout;
    paramButtons->addWidget(add);
    paramButtons->addWidget(remove);
    paramButtons->addStretch(1);

    auto* form = new QFormLayout;
    form->addRow(tr("Dataset:"), m_dataset);
    form->addRow(tr("Target:"), m_target);
    form->addRow(tr("Search:"), m_search);
    form->addRow(tr("Trials (budget):"), m_trials);
    form->addRow(tr("Grid points per range:"), m_gridPoints);
    form->addRow(tr("Trials at once (0: auto):"), m_parallel);
    form->addRow(tr("Metric:"), m_metric);
    form->addRow(tr("Mode:"), m_mode);
    form->addRow(tr("Epochs per trial:"), m_epochs);
    form->addRow(tr("Hidden widths (base):"), m_hidden);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(QString(), m_medianStopping);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Swept parameters (range low:high, or choices a|b|c):"), this));
    layout->addWidget(m_params, 1);
    layout->addLayout(paramButtons);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SweepDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SweepDialog::reject);
    connect(m_dataset, &QComboBox::currentIndexChanged, this, &SweepDialog::loadColumns);
    addParamRow(QStringLiteral("lr"), QStringLiteral("log"), QStringLiteral("1e-4:1e-1"));
    addParamRow(QStringLiteral("hidden"), QStringLiteral("choice"), QStringLiteral("16|32|64,32"));
    retranslateUi();
    resize(560, 640);
    loadDatasets();
}

void SweepDialog::retranslateUi() {
    setWindowTitle(tr("Sweep Hyper-parameters"));
    m_target->lineEdit()->setPlaceholderText(tr("Choose the column to predict…"));
    m_params->setHorizontalHeaderLabels({tr("Parameter"), tr("Distribution"), tr("Values")});
    m_search->setItemText(0, tr("Random"));
    m_search->setItemText(1, tr("Grid"));
    m_mode->setItemText(0, tr("Auto (from the metric's name)"));
    m_mode->setItemText(1, tr("Minimise"));
    m_mode->setItemText(2, tr("Maximise"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start Sweep"));
    m_medianStopping->setText(tr("Stop hopeless trials early (median rule)"));
    m_medianStopping->setToolTip(
        tr("After three trials have finished, a trial whose best value so far is worse than the "
           "median of the finished trials at the same epoch is stopped."));
    m_seed->setToolTip(tr("The same seed draws the same trials and trains them the same way."));
}

void SweepDialog::addParamRow(const QString& name, const QString& kind, const QString& values) {
    const int row = m_params->rowCount();
    m_params->insertRow(row);
    auto* names = new QComboBox(m_params);
    for (const auto& p : kiln::sweepableParams()) names->addItem(q(p));
    names->setCurrentText(name);
    auto* kinds = new QComboBox(m_params);
    kinds->addItem(tr("log-uniform"), QStringLiteral("log"));
    kinds->addItem(tr("uniform"), QStringLiteral("uniform"));
    kinds->addItem(tr("whole numbers"), QStringLiteral("int"));
    kinds->addItem(tr("choice"), QStringLiteral("choice"));
    kinds->setCurrentIndex(std::max(0, kinds->findData(kind)));
    m_params->setCellWidget(row, 0, names);
    m_params->setCellWidget(row, 1, kinds);
    m_params->setItem(row, 2, new QTableWidgetItem(values));
}

void SweepDialog::loadDatasets() {
    if (m_workspace.isEmpty()) return;
    const QString dir = m_workspace;
    kiln::widgets::runInPool<DatasetChoices>(
        this, [dir] { return readDatasetChoices(dir); },
        [this](DatasetChoices choices) {
            const QString current = m_dataset->currentText();
            QSignalBlocker block(m_dataset);
            m_dataset->clear();
            for (const auto& d : choices.datasets)
                if (d.kind == QLatin1String("table")) m_dataset->addItem(d.name, d.name);
            if (m_dataset->findText(current) >= 0) m_dataset->setCurrentText(current);
            loadColumns();
        });
}

void SweepDialog::loadColumns() {
    const QString dataset = m_dataset->currentData().toString();
    if (dataset.isEmpty() || m_workspace.isEmpty()) return;
    const QString dir = m_workspace;
    kiln::widgets::runInPool<SpecResolution>(
        this,
        [dir, dataset] {
            auto ws = kiln::Workspace::open(dir.toStdString(), false);
            if (!ws) return SpecResolution{};
            auto version = kiln::DatasetCatalog((*ws)->catalog()).resolve(dataset.toStdString());
            if (!version) return SpecResolution{};
            kiln::RunSpec spec;
            spec.datasetHash = version->contentHash;
            spec.datasetKind = version->kind;
            return resolveForPanel(dir, spec);
        },
        [this](SpecResolution columns) {
            // A target named for this sweep, else the one shown if this dataset has it, else the
            // column named like a target, else none: a person chooses.
            QString target = m_pendingTarget.isEmpty() ? m_target->currentText() : m_pendingTarget;
            if (!columns.columns.contains(target)) target = columns.suggestedTarget;
            m_target->clear();
            m_target->addItems(columns.columns);
            m_target->setCurrentIndex(m_target->findText(target));
            if (target.isEmpty()) m_target->clearEditText();
        });
}

std::optional<SweepRequest> SweepDialog::request(QString* error) const {
    SweepRequest r;
    r.workspace = m_workspace;
    r.dataset = m_dataset->currentText().trimmed();
    r.target = m_target->currentText().trimmed();
    r.search = m_search->currentData().toString();
    r.trials = m_trials->value();
    r.parallel = m_parallel->value();
    r.gridPoints = m_gridPoints->value();
    r.metric = m_metric->currentText().trimmed();
    r.mode = m_mode->currentData().toString();
    r.epochs = m_epochs->value();
    r.hidden = m_hidden->currentText().trimmed();
    r.seed = qulonglong(m_seed->value());
    r.medianStopping = m_medianStopping->isChecked();
    QStringList problems;
    if (r.dataset.isEmpty()) problems << tr("Choose a dataset.");
    if (r.target.isEmpty()) problems << tr("Choose the target column.");
    if (r.metric.isEmpty()) problems << tr("Name the metric that picks the best trial.");
    for (int row = 0; row < m_params->rowCount(); ++row) {
        auto* name = qobject_cast<QComboBox*>(m_params->cellWidget(row, 0));
        auto* kind = qobject_cast<QComboBox*>(m_params->cellWidget(row, 1));
        const QString values = m_params->item(row, 2) ? m_params->item(row, 2)->text().trimmed() : QString();
        const QString text = QStringLiteral("%1=%2:%3").arg(name->currentText(), kind->currentData().toString(), values);
        auto domain = kiln::parseParamDomain(text.toStdString());
        if (!domain)
            problems << q(domain.error().message);
        else
            r.params << text;
    }
    if (r.params.isEmpty() && problems.isEmpty()) problems << tr("Add at least one swept parameter.");
    if (!problems.isEmpty()) {
        if (error) *error = problems.join(QLatin1Char('\n'));
        return std::nullopt;
    }
    return r;
}

void SweepDialog::setRequest(const SweepRequest& r) {
    if (m_dataset->findText(r.dataset) < 0) m_dataset->addItem(r.dataset, r.dataset);
    m_dataset->setCurrentText(r.dataset);
    m_pendingTarget = r.target;
    m_target->setCurrentText(r.target);
    m_search->setCurrentIndex(std::max(0, m_search->findData(r.search)));
    m_trials->setValue(r.trials);
    m_parallel->setValue(r.parallel);
    m_gridPoints->setValue(r.gridPoints);
    m_metric->setCurrentText(r.metric);
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(r.mode)));
    m_epochs->setValue(r.epochs);
    m_hidden->setCurrentText(r.hidden);
    m_seed->setValue(int(std::min<qulonglong>(r.seed, qulonglong(std::numeric_limits<int>::max()))));
    m_medianStopping->setChecked(r.medianStopping);
    m_params->setRowCount(0);
    for (const QString& p : r.params) {
        const int eq = int(p.indexOf(QLatin1Char('='))), colon = int(p.indexOf(QLatin1Char(':'), eq));
        if (eq < 0 || colon < 0) continue;
        addParamRow(p.left(eq), p.mid(eq + 1, colon - eq - 1), p.mid(colon + 1));
    }
}

void SweepDialog::accept() {
    QString error;
    if (!request(&error)) {
        m_error->setText(error);
        return;
    }
    QDialog::accept();
}

}  // namespace studio
}  // namespace kiln
