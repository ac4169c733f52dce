#pragma once

#include <QVector>
#include <QWidget>

#include "app/studio/train_panel_data.h"
#include "core/train/run_spec.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace kiln {
namespace widgets {
class EnvironmentProbe;
}
}  // namespace kiln

namespace kiln {
namespace studio {

class FeatureList;
class FormSection;
class RunOnBox;

// Defines a training run: dataset and version, target (the version's columns), task (what
// "auto" resolves to, with resolveSpec's notes), model family (auto: chosen by cross-validation
// in the worker for tables) and the chosen family's knobs (MLP, CNN, or the tree families' —
// trees, depth, learning rate, …, each at 0 for the family's default, which the box names),
// optimiser, schedule, epochs, batch size, early stopping, split, cross-validation folds, seed,
// device (CUDA disabled, with the reason, when
// LibTorch has none, here or on the chosen host) and where to run (RunOnBox: this computer or an
// SSH host of the workspace, with its devices). Defaults are Kiln's (RunSpec's): picking a dataset
// and a target is enough. Problems of the spec are shown inline and keep Train disabled. Catalog
// and data reads run in the pool.
class TrainPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainPanel(kiln::widgets::EnvironmentProbe* environment, QWidget* parent = nullptr);

    // Reads the workspace's datasets and hosts (in the background); loaded() follows.
    void setWorkspace(const QString& dir);
    // Reads the datasets again after the catalog changed (an import, a removal), keeping the
    // dataset, version, target and every other choice when they are still there.
    void reloadDatasets();
    // Reads the hosts again and probes them (after Settings ▸ Hosts changed them).
    void reloadHosts();
    // Where the run goes: a host name, empty for this computer.
    QString host() const;
    bool selectHost(const QString& name);
    RunOnBox* runOnBox() const { return m_where; }
    // Selects a dataset by name, or a version of it by "name@N" (once loaded; remembered until
    // then).
    void selectDataset(const QString& reference);
    bool selectTarget(const QString& column);
    // Chooses `column` as the target now, or as soon as the chosen dataset's columns are read
    // (a sample opened with its target).
    void preferTarget(const QString& column);
    FeatureList* featureList() const { return m_features; }
    void setEpochs(int epochs);
    void setEarlyStopping(int patience);

    // The run the form describes (the task and family may still be "auto").
    kiln::RunSpec spec() const;
    qint64 datasetVersionId() const;
    // True when Train can be pressed: a version, a target, a valid spec, a resolution that worked.
    bool isReady() const;
    // The problems shown under the form, one per line (empty when none).
    QString problemsText() const;
    const SpecResolution& resolution() const { return m_resolution; }
    // True while datasets or a resolution are being read.
    bool isBusy() const;

Q_SIGNALS:
    void loaded();
    // The target's columns and the auto resolution are shown.
    void resolved();
    // Train was pressed; `host` is empty for this computer.
    void trainRequested(const kiln::RunSpec& spec, qint64 datasetVersionId, const QString& host);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createGroups();  // the groups of fields, in a scroll area
    QLayout* createFooter();  // the problems and the Train button
    QWidget* createDataGroup();
    QWidget* createModelGroup();
    QWidget* createOptimiserGroup();
    QWidget* createSplitGroup();
    QWidget* createHardwareGroup();
    void connectChanges();
    void retranslateUi();
    void retranslateChoices();
    void retranslateToolTips();
    void addTreeRows();
    void showDatasets(const DatasetChoices& choices);
    void refreshDatasets(const DatasetChoices& choices);
    void showVersions();
    void requestResolution();
    void showResolution(const SpecResolution& resolution);
    void showDevices();
    QString deviceReasonText(bool ready, bool cuda, const QString& reason) const;
    void updateState();
    void updateModelKnobs();
    void showTreeDefaults(const QString& family);
    void stepOverOneFold(int folds);
    QString resolutionText() const;
    QStringList warningLines() const;
    QString missingLine() const;
    QString largeDataLine() const;
    void showFeatures();
    QString versionText(const VersionChoice& version) const;
    QStringList formProblems() const;
    const DatasetChoice* currentDataset() const;
    const VersionChoice* currentVersion() const;
    void beginRead();
    void endRead();

    kiln::widgets::EnvironmentProbe* m_environment;
    QString m_workspace;
    QString m_wantedDataset;
    QString m_wantedTarget;
    qint64 m_wantedVersion = 0;  // 0: the newest
    QVector<DatasetChoice> m_datasets;
    SpecResolution m_resolution;
    QString m_readError;
    int m_generation = 0;         // dataset reads
    int m_resolveGeneration = 0;  // resolutions
    int m_pendingReads = 0;
    QTimer* m_resolveTimer;

    // The groups of fields; each sets its own title and labels on a language change.
    FormSection* m_dataGroup = nullptr;
    FormSection* m_modelGroup = nullptr;
    FormSection* m_optimiserGroup = nullptr;
    FormSection* m_splitGroup = nullptr;
    FormSection* m_hardwareGroup = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_intro = nullptr;
    QComboBox* m_dataset = nullptr;
    QComboBox* m_version = nullptr;
    QComboBox* m_target = nullptr;
    FeatureList* m_features = nullptr;
    QComboBox* m_task = nullptr;
    QComboBox* m_imputation = nullptr;     // how missing numbers are filled (RunSpec::imputation)
    QDoubleSpinBox* m_imputeValue = nullptr;  // the constant, shown for "constant" only
    QLabel* m_resolutionLabel = nullptr;
    QComboBox* m_family = nullptr;
    QLineEdit* m_hidden = nullptr;
    QComboBox* m_activation = nullptr;
    QDoubleSpinBox* m_dropout = nullptr;
    QCheckBox* m_batchNorm = nullptr;
    QSpinBox* m_cnnWidth = nullptr;
    QSpinBox* m_cnnDepth = nullptr;
    QSpinBox* m_imageSize = nullptr;
    QCheckBox* m_flip = nullptr;
    QSpinBox* m_trees = nullptr;  // tree families; 0 everywhere below: the family's default
    QSpinBox* m_maxDepth = nullptr;
    QDoubleSpinBox* m_treeLearningRate = nullptr;
    QDoubleSpinBox* m_minChildWeight = nullptr;
    QDoubleSpinBox* m_subsample = nullptr;
    QDoubleSpinBox* m_colsample = nullptr;
    QDoubleSpinBox* m_l1 = nullptr;
    QDoubleSpinBox* m_l2 = nullptr;
    QComboBox* m_optimiser = nullptr;
    QDoubleSpinBox* m_lr = nullptr;
    QDoubleSpinBox* m_weightDecay = nullptr;
    QComboBox* m_schedule = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QSpinBox* m_earlyStopping = nullptr;
    QComboBox* m_classWeights = nullptr;
    QDoubleSpinBox* m_train = nullptr;
    QDoubleSpinBox* m_val = nullptr;
    QDoubleSpinBox* m_test = nullptr;
    QSpinBox* m_seed = nullptr;
    QSpinBox* m_cvFolds = nullptr;
    int m_lastCvFolds = 0;  // 1 fold is no cross-validation: the box steps over it
    QComboBox* m_device = nullptr;
    QLabel* m_deviceReason = nullptr;
    RunOnBox* m_where = nullptr;
    QLabel* m_problems = nullptr;
    QPushButton* m_trainButton = nullptr;
};

}  // namespace studio
}  // namespace kiln
