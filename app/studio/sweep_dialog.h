#pragma once

#include <QDialog>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace kiln {
namespace widgets {
class JobManager;
}
}  // namespace kiln

namespace kiln {
namespace studio {

// What a Studio sweep asks for: the base run (dataset, target, epochs, hidden widths), the swept
// parameters as core's domains ("lr=log:1e-4:1e-1", "hidden=choice:8|16"), the search and
// budget, and the metric that names the best trial.
struct SweepRequest {
    QString workspace;
    QString dataset;  // NAME or NAME@VER
    QString target;
    QStringList params;
    QString search = QStringLiteral("random");  // random | grid
    int trials = 12;
    int parallel = 0;  // 0: one per GPU, or one on CPU
    int gridPoints = 3;
    QString metric = QStringLiteral("val_loss");
    QString mode;  // min | max | empty (from the metric's name)
    int epochs = 20;
    QString hidden;  // base hidden widths ("32, 16"), empty: the default
    qulonglong seed = 0;        // draws the random search's points and seeds every trial
    bool medianStopping = false;  // stop trials worse than the median of finished ones
    QString kilnPath;  // the `kiln` that runs the workers (empty: kilnPath())
};

// One trial as the GUI hears of it.
struct SweepTrialInfo {
    int number = 0;
    QVector<QPair<QString, QString>> assignment;
    QString runId;
    QString status;  // running | completed | failed | cancelled | stopped
    std::optional<double> value;
    qint64 epoch = 0;
    QString error;
};

// Runs a sweep through core's SweepScheduler and LocalTrialRunner as one job of the JobManager
// (shown in the jobs dock; cancelling it stops the queue and the running trials). Trial events
// reach the GUI thread as signals. One sweep per controller.
class SweepController : public QObject {
    Q_OBJECT
public:
    SweepController(kiln::widgets::JobManager* jobs, QObject* parent = nullptr);

    // Starts the sweep; returns the job id (0 when one is already running).
    int start(const SweepRequest& request);
    void cancel();
    bool isRunning() const { return m_running; }
    int jobId() const { return m_job; }
    QString sweepId() const { return m_sweepId; }
    const SweepRequest& request() const { return m_request; }
    QVector<SweepTrialInfo> trials() const { return m_trials; }
    int planned() const { return m_planned; }
    // The best trial so far (0: none yet), and the sweep's outcome once finished.
    int bestTrial() const { return m_best; }
    QString bestRunId() const;
    bool maximize() const { return m_maximize; }
    QStringList paramNames() const { return m_paramNames; }
    QString message() const { return m_message; }

Q_SIGNALS:
    // The sweep's plan is known (validated spec): its parameters and number of trials.
    void sweepPlanned(const QString& sweepId, const QStringList& params, int trials);
    void trialChanged(int number);
    void bestChanged(int number);
    void finished(bool ok, const QString& message);

private:
    friend class StudioSweepListener;
    void onPlanned(const QString& id, const QStringList& params, int trials, bool maximize);
    void onTrial(const SweepTrialInfo& info, bool started, bool finished, int best);
    SweepTrialInfo* find(int number);

    kiln::widgets::JobManager* m_jobs;
    SweepRequest m_request;
    QVector<SweepTrialInfo> m_trials;
    QStringList m_paramNames;
    QString m_sweepId;
    QString m_message;
    int m_planned = 0;
    int m_best = 0;
    int m_job = 0;
    bool m_running = false;
    bool m_maximize = false;
};

// Run ▸ Sweep…: the dataset and target, the swept parameters with their ranges (log-uniform,
// uniform, whole numbers or a choice), grid or random search, the budget, trials at once, the
// metric and whether it is minimised or maximised, and the base epochs and hidden widths.
class SweepDialog : public QDialog {
    Q_OBJECT
public:
    explicit SweepDialog(const QString& workspace, QWidget* parent = nullptr);

    // The sweep as filled in; nullopt (with the reason in `error`) when a field is wrong.
    std::optional<SweepRequest> request(QString* error = nullptr) const;
    // Fills the dialog (tests, and the last sweep's values).
    void setRequest(const SweepRequest& request);
    QTableWidget* paramTable() const { return m_params; }
    // Lists the datasets again (one imported while the dialog is open), keeping the choice.
    void reloadDatasets() { loadDatasets(); }
    QComboBox* datasetBox() const { return m_dataset; }

    void accept() override;

private:
    void addParamRow(const QString& name, const QString& kind, const QString& values);
    void loadDatasets();
    void loadColumns();
    void retranslateUi();

    QString m_workspace;
    QComboBox* m_dataset;
    QComboBox* m_target;
    QTableWidget* m_params;
    QComboBox* m_search;
    QSpinBox* m_trials;
    QSpinBox* m_parallel;
    QSpinBox* m_gridPoints;
    QComboBox* m_metric;
    QComboBox* m_mode;
    QSpinBox* m_epochs;
    QComboBox* m_hidden;
    QSpinBox* m_seed;
    QCheckBox* m_medianStopping;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    QString m_pendingTarget;
};

}  // namespace studio
}  // namespace kiln
