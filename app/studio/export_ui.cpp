#include "app/studio/export_ui.h"

#include <QAction>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QDir>
#include <QHash>
#include <QIcon>
#include <QInputDialog>
#include <QMessageBox>
#include <QTabWidget>
#include <QTreeWidget>

#include <fstream>
#include <memory>
#include <sstream>
#include <nlohmann/json.hpp>

#include "app/studio/export_dialog.h"
#include "app/studio/models_page.h"
#include "app/studio/predict_dialog.h"
#include "app/studio/run_tab.h"
#include "app/studio/training_ui.h"
#include "core/base/names.h"
#include "core/modules/engine_module.h"
#include "core/runs/run_store.h"
#include "core/store/workspace.h"
#include "core/train/run_spec.h"
#include "widgets/job_manager.h"
#include "widgets/navigator_view.h"
#include "widgets/recent_folder.h"

namespace kiln {
namespace studio {

namespace {

kiln::Status fail(kiln::JobContext& job, const kiln::Error& error) {
    job.report({kiln::IssueSeverity::Error, error.message, error.context});
    return error;
}

// Whether run `runId` of the workspace at `root` is a classification (its spec.json says so).
QString naturalModelName(const QString& workspace, const QString& runId) {
    auto ws = kiln::Workspace::open(workspace.toStdString(), false);
    if (!ws) return runId;
    auto run = kiln::RunStore((*ws)->catalog()).get(runId.toStdString());
    if (!run) return runId;
    const auto spec = nlohmann::json::parse(run->specJson, nullptr, false);
    const std::string target = spec.is_object() ? spec.value("target", std::string()) : std::string();
    std::string dataset = run->dataset;
    if (dataset.empty() && spec.is_object()) dataset = spec.value("dataset", std::string());
    if (dataset.empty()) return runId;
    return QString::fromStdString(kiln::validNameFrom(target.empty() ? dataset : dataset + "_" + target));
}

bool runIsClassification(const std::filesystem::path& root, const std::string& runId) {
    std::ifstream in(root / "runs" / runId / "spec.json");
    std::stringstream text;
    text << in.rdbuf();
    auto spec = kiln::RunSpec::fromJson(text.str());
    return !spec || spec->task == kiln::TaskKind::Classification;
}

// Calls `done(ok)` on the GUI thread once job `id` of `jobs` finishes.
void whenFinished(kiln::widgets::JobManager* jobs, QObject* context, int id,
                  std::function<void(bool)> done) {
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(jobs, &kiln::widgets::JobManager::jobFinished, context,
                                   [id, done, connection](int finished, bool ok) {
                                       if (finished != id) return;
                                       QObject::disconnect(*connection);
                                       done(ok);
                                   });
}

}  // namespace

ExportUi::ExportUi(QTabWidget* tabs, kiln::widgets::JobManager* jobs, QWidget* window)
    : QObject(window),
      m_tabs(tabs),
      m_jobs(jobs),
      m_window(window),
      m_export(new QAction(this)),
      m_register(new QAction(this)),
      m_models(new QAction(QIcon(QStringLiteral(":/icons/model.svg")), QString(), this)) {
    m_export->setObjectName(QStringLiteral("actionExportOnnx"));
    m_register->setObjectName(QStringLiteral("actionRegisterModel"));
    m_models->setObjectName(QStringLiteral("actionModels"));
    connect(m_export, &QAction::triggered, this, [this] {
        if (RunTab* tab = currentRunTab()) chooseExport(tab->runId());
    });
    connect(m_register, &QAction::triggered, this, [this] {
        if (RunTab* tab = currentRunTab()) chooseRegister(tab->runId());
    });
    connect(m_models, &QAction::triggered, this, [this] { openModels(); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (RunTab* tab = currentRunTab()) attachRunTab(tab);
        updateActions();
    });
    window->installEventFilter(this);
    retranslateUi();
    updateActions();
}

ExportResultDialog* ExportUi::lastResult() const { return m_lastResult; }
PredictionsView* ExportUi::lastPredictions() const { return m_lastPredictions; }
ModelsPage* ExportUi::modelsPage() const { return m_modelsPage; }

void ExportUi::setWorkspace(const QString& dir) {
    m_workspace = dir;
    if (m_modelsPage) m_modelsPage->setWorkspace(dir);
}

void ExportUi::attachNavigator(kiln::widgets::NavigatorView* navigator) {
    m_navigator = navigator;
    QTreeWidget* tree = navigator->tree();
    connect(tree, &QTreeWidget::itemActivated, this, [this, tree](QTreeWidgetItem* item) {
        // The sections are the top-level items: Datasets, Runs, Models.
        if (!item) return;
        if (!item->parent() && tree->indexOfTopLevelItem(item) == 2) openModels();
        // The "No models yet" hint under Models.
        if (item->parent() && tree->indexOfTopLevelItem(item->parent()) == 2 &&
            !(item->flags() & Qt::ItemIsSelectable))
            openModels();
    });
}

void ExportUi::attachTraining(TrainingUi* training) { m_training = training; }

void ExportUi::attachRunTab(RunTab* tab) {
    if (!tab || tab->property("kilnExportUi").toBool()) return;
    tab->setProperty("kilnExportUi", true);
    connect(tab, &RunTab::exportRequested, this, &ExportUi::chooseExport);
    connect(tab, &RunTab::registerRequested, this, &ExportUi::chooseRegister);
    connect(tab, &RunTab::statusChanged, this, &ExportUi::updateActions);
    connect(tab, &RunTab::loaded, this, &ExportUi::updateActions);
}

RunTab* ExportUi::currentRunTab() const { return qobject_cast<RunTab*>(m_tabs->currentWidget()); }

void ExportUi::updateActions() {
    RunTab* tab = currentRunTab();
    const bool completed = tab && tab->status() == QLatin1String("completed");
    m_export->setEnabled(completed);
    m_register->setEnabled(completed);
}

QString ExportUi::suggestedName(const QString& runId) const {
    return naturalModelName(m_workspace, runId);
}

void ExportUi::chooseExport(const QString& runId) {
    const QString suggested = QDir(kiln::widgets::recentFolder(QStringLiteral("export")))
                                  .filePath(suggestedName(runId) + QStringLiteral(".onnx"));
    const QString file = QFileDialog::getSaveFileName(m_window, tr("Export ONNX"), suggested,
                                                      tr("ONNX models (*.onnx)"));
    if (file.isEmpty()) return;
    kiln::widgets::rememberFolder(QStringLiteral("export"), file);
    exportRun(runId, file);
}

int ExportUi::exportRun(const QString& runId, const QString& file) {
    if (m_workspace.isEmpty()) return 0;
    auto outcome = std::make_shared<ExportOutcome>();
    outcome->runId = runId;
    outcome->file = file;
    const std::string root = m_workspace.toStdString(), id = runId.toStdString(),
                      path = file.toStdString();
    auto work = [root, id, path, outcome](kiln::JobContext& job) -> kiln::Status {
        outcome->classification = runIsClassification(root, id);
        std::uint64_t step = 0;
        auto progress = [&job, &step](const std::string& stage) {
            job.progress(++step, 4, stage);
        };
        job.progress(0, 4, "starting");
        auto engines = kiln::engineModule();
        if (!engines) {
            outcome->error = QString::fromStdString(engines.error().toString());
            return fail(job, engines.error());
        }
        auto result = (*engines)->exportRun(root, id, path, progress);
        if (!result) {
            outcome->error = QString::fromStdString(result.error().toString());
            return fail(job, result.error());
        }
        const kiln::VerificationReport& v = result->verification;
        outcome->ok = true;
        outcome->file = QString::fromStdString(result->file.string());
        outcome->sha256 = QString::fromStdString(result->sha256);
        outcome->bytes = result->bytes;
        outcome->passed = v.passed;
        outcome->checker = QString::fromStdString(v.checker);
        outcome->rows = qint64(v.rows);
        outcome->maxAbsDiff = v.maxAbsDiff;
        outcome->maxRelDiff = v.maxRelDiff;
        outcome->labelMismatches = qint64(v.labelMismatches);
        outcome->tolerance = v.tolerance;
        outcome->verifySeconds = v.seconds;
        outcome->seconds = result->seconds;
        outcome->message = QString::fromStdString(v.message);
        job.progress(4, 4, "done");
        return {};
    };
    const int job = m_jobs->start(QStringLiteral("Export %1 to ONNX").arg(QFileInfo(file).fileName()), std::move(work));
    whenFinished(m_jobs, this, job, [this, outcome](bool) {
        if (m_lastResult) m_lastResult->deleteLater();
        auto* dialog = new ExportResultDialog(*outcome, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_lastResult = dialog;
        dialog->show();
        Q_EMIT exportFinished(outcome->ok && outcome->passed);
    });
    return job;
}

void ExportUi::chooseRegister(const QString& runId) {
    bool ok = false;
    const QString name = QInputDialog::getText(
        m_window, tr("Register as Model"),
        tr("Register run %1 as a new version of the model named:").arg(runId), QLineEdit::Normal,
        suggestedName(runId), &ok);
    if (ok && !name.trimmed().isEmpty()) registerRun(runId, name.trimmed());
}

int ExportUi::registerRun(const QString& runId, const QString& name) {
    if (m_workspace.isEmpty()) return 0;
    struct Outcome {
        QString reference, error;
    };
    auto outcome = std::make_shared<Outcome>();
    const std::string root = m_workspace.toStdString(), id = runId.toStdString(),
                      model = name.toStdString();
    auto work = [root, id, model, outcome](kiln::JobContext& job) -> kiln::Status {
        job.progress(0, 1, "exporting, verifying and evaluating");
        auto ws = kiln::Workspace::open(root, false);
        if (!ws) {
            outcome->error = QString::fromStdString(ws.error().toString());
            return fail(job, ws.error());
        }
        auto engines = kiln::engineModule();
        auto doc = engines ? (*engines)->registerModel(**ws, id, model)
                           : kiln::Result<nlohmann::json>(engines.error());
        if (!doc) {
            outcome->error = QString::fromStdString(doc.error().toString());
            return fail(job, doc.error());
        }
        outcome->reference = QString::fromStdString((*doc)["name"].get<std::string>()) +
                             QLatin1Char('@') + QString::number((*doc)["version"].get<int>());
        job.progress(1, 1, "registered");
        return {};
    };
    const int job = m_jobs->start(QStringLiteral("Register %1 as model %2").arg(runId, name), std::move(work));
    whenFinished(m_jobs, this, job, [this, outcome](bool ok) {
        ok = ok && !outcome->reference.isEmpty();
        if (m_navigator) m_navigator->reload();
        if (ok)
            openModels(outcome->reference);
        else
            QMessageBox::warning(m_window, tr("Register as Model"),
                                 tr("The run could not be registered.\n\n%1").arg(outcome->error));
        Q_EMIT registerFinished(ok, outcome->reference, outcome->error);
    });
    return job;
}

ModelsPage* ExportUi::openModels(const QString& select) {
    if (m_modelsPage && m_tabs->indexOf(m_modelsPage) < 0) {
        disconnect(m_modelsPage, nullptr, this, nullptr);
        m_modelsPage = nullptr;
    }
    if (!m_modelsPage) {
        m_modelsPage = new ModelsPage;
        connect(m_modelsPage, &ModelsPage::predictRequested, this, &ExportUi::choosePredict);
        connect(m_modelsPage, &ModelsPage::serveRequested, this, &ExportUi::serveRequested);
        connect(m_modelsPage, &ModelsPage::openRunRequested, this, [this](const QString& id) {
            if (m_training) m_training->openRun(id);
        });
        connect(m_modelsPage, &ModelsPage::openDatasetRequested, this, [this](const QString& ref) {
            if (m_openDataset) m_openDataset(ref);
        });
        connect(m_modelsPage, &ModelsPage::stageChanged, this, [this] {
            if (m_navigator) m_navigator->reload();
        });
        m_tabs->addTab(m_modelsPage, QIcon(QStringLiteral(":/icons/model.svg")), tr("Models"));
        m_modelsPage->setWorkspace(m_workspace);
    }
    m_modelsPage->reload(select);
    m_tabs->setCurrentWidget(m_modelsPage);
    return m_modelsPage;
}

void ExportUi::choosePredict(const QString& reference, const QString& onnxPath) {
    auto* dialog = new PredictDialog(reference, onnxPath, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, reference, onnxPath] {
        predict(reference, onnxPath, dialog->dataPath());
    });
    dialog->open();
}

int ExportUi::predict(const QString& reference, const QString& onnxPath, const QString& data) {
    struct Outcome {
        std::shared_ptr<kiln::PredictionTable> table;
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    const std::string model = onnxPath.toStdString(), input = data.toStdString();
    auto work = [model, input, outcome](kiln::JobContext& job) -> kiln::Status {
        job.progress(0, 1, "predicting");
        auto engines = kiln::engineModule();
        auto table = engines ? (*engines)->predictFile(model, input, kiln::PredictOptions{})
                             : kiln::Result<kiln::PredictionTable>(engines.error());
        if (!table) {
            outcome->error = QString::fromStdString(table.error().toString());
            return fail(job, table.error());
        }
        if (job.cancelled()) return kiln::makeError(kiln::ErrorCode::Cancelled, "cancelled");
        for (const auto& w : table->warnings) job.report({kiln::IssueSeverity::Warning, w, input});
        outcome->table = std::make_shared<kiln::PredictionTable>(std::move(*table));
        job.progress(1, 1, "done");
        return {};
    };
    const int job = m_jobs->start(QStringLiteral("Predict %1 on %2").arg(reference, QFileInfo(data).fileName()),
                                  std::move(work));
    whenFinished(m_jobs, this, job, [this, outcome, reference, data](bool ok) {
        ok = ok && outcome->table;
        if (ok) {
            auto* view = new PredictionsView(reference, data, outcome->table);
            m_lastPredictions = view;
            m_tabs->setCurrentIndex(m_tabs->addTab(view, QIcon(QStringLiteral(":/icons/model.svg")),
                                                   tr("Predictions · %1").arg(reference)));
        } else if (!outcome->error.isEmpty()) {
            QMessageBox::warning(m_window, tr("Predict"),
                                 tr("The predictions could not be made.\n\n%1").arg(outcome->error));
        }
        Q_EMIT predictFinished(ok, outcome->error);
    });
    return job;
}

void ExportUi::retranslateUi() {
    m_export->setText(tr("&Export ONNX…"));
    m_export->setStatusTip(tr("Export the current run as a verified ONNX model with its preprocessing"));
    m_register->setText(tr("Register as &Model…"));
    m_register->setStatusTip(
        tr("Export, verify and evaluate the current run and record it as a model version"));
    m_models->setText(tr("M&odels"));
    m_models->setStatusTip(tr("Registered models, their versions, stages and figures"));
    // Open tabs take the new language too.
    for (int i = 0; i < m_tabs->count(); ++i) {
        QWidget* page = m_tabs->widget(i);
        if (page == m_modelsPage)
            m_tabs->setTabText(i, tr("Models"));
        else if (auto* predictions = qobject_cast<PredictionsView*>(page))
            m_tabs->setTabText(i, tr("Predictions · %1").arg(predictions->reference()));
    }
}

bool ExportUi::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange) retranslateUi();
    return QObject::eventFilter(watched, event);
}

}  // namespace studio
}  // namespace kiln
