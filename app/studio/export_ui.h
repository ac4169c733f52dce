#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QAction;
class QTabWidget;
class QWidget;

namespace kiln {
namespace widgets {
class JobManager;
class NavigatorView;
}  // namespace widgets
}  // namespace kiln

namespace kiln {
namespace studio {

class ExportResultDialog;
class ModelsPage;
class PredictionsView;
class RunTab;
class TrainingUi;

// Export and the model registry in Kiln Studio: Run ▸ Export ONNX… and Register as Model… for
// the current (completed) run tab, the same buttons on run tabs, the Models tab (navigator's
// Models section, Run ▸ Models) with stage changes and lineage, and Predict… on a version. Every
// piece of core work (export + verification, registration, prediction) runs as a job in the
// jobs dock; results come back to the GUI thread.
class ExportUi : public QObject {
    Q_OBJECT
public:
    ExportUi(QTabWidget* tabs, kiln::widgets::JobManager* jobs, QWidget* window);

    void setWorkspace(const QString& dir);
    // Activating the navigator's Models section opens the Models tab; registering reloads it.
    void attachNavigator(kiln::widgets::NavigatorView* navigator);
    // Lineage links open run tabs through `training`.
    void attachTraining(TrainingUi* training);
    // How a lineage link opens a dataset ("NAME@3").
    void setDatasetOpener(std::function<void(const QString&)> open) { m_openDataset = std::move(open); }
    // Wires a run tab's Export ONNX… and Register as Model… buttons (done for every run tab
    // that becomes current; harmless twice).
    void attachRunTab(RunTab* tab);

    QAction* exportAction() const { return m_export; }
    QAction* registerAction() const { return m_register; }
    QAction* modelsAction() const { return m_models; }

    // What run `runId`'s model is naturally called: its dataset and target ("penguins_species"),
    // made a valid name; the run id when the run cannot be read. Export ONNX… offers it as the
    // file name (in the folder exported to last), Register as Model… as the model's name.
    QString suggestedName(const QString& runId) const;
    // Export ONNX… for run `runId`: asks for the file, then exportRun().
    void chooseExport(const QString& runId);
    // Starts the export job; its result dialog opens when it ends. Returns the job id.
    int exportRun(const QString& runId, const QString& file);
    // Register as Model…: asks for the name, then registerRun().
    void chooseRegister(const QString& runId);
    // Starts the registration job (export, verification, system evaluation); the Models tab opens
    // on the new version when it ends. Returns the job id.
    int registerRun(const QString& runId, const QString& name);
    // Shows the Models tab (one per window), reloading it; `select` is "NAME" or "NAME@VER".
    ModelsPage* openModels(const QString& select = {});
    // Predict… on a model version: asks for the data, then predict().
    void choosePredict(const QString& reference, const QString& onnxPath);
    // Starts the prediction job; a Predictions tab opens when it ends. Returns the job id.
    int predict(const QString& reference, const QString& onnxPath, const QString& data);

    ExportResultDialog* lastResult() const;
    PredictionsView* lastPredictions() const;
    ModelsPage* modelsPage() const;

Q_SIGNALS:
    void exportFinished(bool ok);
    void registerFinished(bool ok, const QString& reference, const QString& error);
    void predictFinished(bool ok, const QString& error);
    // Serve… on a version of the Models tab ("NAME@VER").
    void serveRequested(const QString& reference);

private:
    RunTab* currentRunTab() const;
    void updateActions();
    void retranslateUi();
    bool eventFilter(QObject* watched, QEvent* event) override;

    QTabWidget* m_tabs;
    kiln::widgets::JobManager* m_jobs;
    QWidget* m_window;
    QString m_workspace;
    kiln::widgets::NavigatorView* m_navigator = nullptr;
    TrainingUi* m_training = nullptr;
    std::function<void(const QString&)> m_openDataset;
    QAction* m_export;
    QAction* m_register;
    QAction* m_models;
    QPointer<ModelsPage> m_modelsPage;
    QPointer<ExportResultDialog> m_lastResult;
    QPointer<PredictionsView> m_lastPredictions;
};

}  // namespace studio
}  // namespace kiln
