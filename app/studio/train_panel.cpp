#include "app/studio/train_panel.h"

#include "widgets/column_type_text.h"
#include "widgets/message_texts.h"

#include "app/studio/feature_list.h"
#include "app/studio/form_fields.h"
#include "app/studio/run_on_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

#include "widgets/environment_probe.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace studio {
namespace {

constexpr int kResolveDelayMs = 150;

}  // namespace

TrainPanel::TrainPanel(kiln::widgets::EnvironmentProbe* environment, QWidget* parent)
    : QWidget(parent), m_environment(environment), m_resolveTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("trainPanel"));
    m_heading = new QLabel(this);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_heading->setFont(big);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_heading);
    layout->addWidget(m_intro);
    layout->addWidget(createGroups(), 1);
    layout->addLayout(createFooter());
    m_resolveTimer->setSingleShot(true);
    m_resolveTimer->setInterval(kResolveDelayMs);
    connect(m_resolveTimer, &QTimer::timeout, this, &TrainPanel::requestResolution);
    connectChanges();
    retranslateUi();
    showDevices();
    if (m_environment) {
        connect(m_environment, &kiln::widgets::EnvironmentProbe::ready, this,
                &TrainPanel::showDevices);
        m_environment->start();
    }
    updateModelKnobs();
    updateState();
}

void TrainPanel::connectChanges() {
    const auto changed = [this] { updateState(); };
    const auto resolveLater = [this] {
        updateState();
        m_resolveTimer->start();
    };
    connect(m_dataset, &QComboBox::currentIndexChanged, this, [this] { showVersions(); });
    connect(m_version, &QComboBox::currentIndexChanged, this, resolveLater);
    connect(m_target, &QComboBox::currentIndexChanged, this, resolveLater);
    connect(m_features, &FeatureList::choiceChanged, this, resolveLater);
    connect(m_task, &QComboBox::currentIndexChanged, this, resolveLater);
    connect(m_imputation, &QComboBox::currentIndexChanged, this, [this] {
        m_dataGroup->setRowVisible(m_imputeValue, choice(m_imputation) == QLatin1String("constant"));
        updateState();
    });
    connect(m_imputeValue, &QDoubleSpinBox::valueChanged, this, [this] { updateState(); });
    connect(m_family, &QComboBox::currentIndexChanged, this, [this, resolveLater] {
        updateModelKnobs();
        resolveLater();
    });
    for (QComboBox* box : {m_activation, m_optimiser, m_schedule, m_classWeights, m_device})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    connect(m_hidden, &QLineEdit::textChanged, this, changed);
    for (QDoubleSpinBox* box :
         {m_dropout, m_lr, m_weightDecay, m_train, m_val, m_test, m_treeLearningRate,
          m_minChildWeight, m_subsample, m_colsample, m_l1, m_l2})
        connect(box, &QDoubleSpinBox::valueChanged, this, changed);
    for (QSpinBox* box : {m_cnnWidth, m_cnnDepth, m_imageSize, m_epochs, m_batchSize,
                          m_earlyStopping, m_seed, m_trees, m_maxDepth})
        connect(box, &QSpinBox::valueChanged, this, changed);
    connect(m_cvFolds, &QSpinBox::valueChanged, this, [this](int folds) {
        stepOverOneFold(folds);
        updateState();
    });
    connect(m_where, &QComboBox::currentIndexChanged, this, &TrainPanel::showDevices);
    connect(m_where, &RunOnBox::hostsUpdated, this, &TrainPanel::showDevices);
    connect(m_trainButton, &QPushButton::clicked, this, [this] {
        if (isReady()) Q_EMIT trainRequested(spec(), datasetVersionId(), host());
    });
}

void TrainPanel::reloadHosts() {
    m_where->reload();
}

QString TrainPanel::host() const {
    return m_where->host();
}

bool TrainPanel::selectHost(const QString& name) {
    return m_where->selectHost(name);
}

void TrainPanel::setWorkspace(const QString& dir) {
    m_workspace = dir;
    m_where->setWorkspace(dir);
    const int generation = ++m_generation;
    beginRead();
    kiln::widgets::runInPool<DatasetChoices>(
        this, [dir] { return readDatasetChoices(dir); },
        [this, generation](DatasetChoices choices) {
            endRead();
            if (generation == m_generation) showDatasets(choices);
        });
}

void TrainPanel::reloadDatasets() {
    if (m_workspace.isEmpty()) return;
    const int generation = ++m_generation;
    const QString dir = m_workspace;
    beginRead();
    kiln::widgets::runInPool<DatasetChoices>(
        this, [dir] { return readDatasetChoices(dir); },
        [this, generation](DatasetChoices choices) {
            endRead();
            if (generation == m_generation) refreshDatasets(choices);
        });
}

// The new lists, with the current dataset and version kept selected (and so the target and the
// rest of the form); a choice that is gone is replaced as on a fresh start.
void TrainPanel::refreshDatasets(const DatasetChoices& choices) {
    const QString dataset = m_dataset->currentData().toString();
    const qint64 version = datasetVersionId();
    bool kept = false, wantedHere = false;
    for (const DatasetChoice& d : choices.datasets) {
        if (d.name == dataset)
            for (const VersionChoice& v : d.versions) kept |= v.id == version;
        // A dataset asked for before the list held it (one just imported) is chosen now.
        wantedHere |= !m_wantedDataset.isEmpty() && d.name == m_wantedDataset;
    }
    if (wantedHere || !kept || !choices.error.isEmpty()) return showDatasets(choices);
    m_datasets = choices.datasets;
    m_readError.clear();
    const QSignalBlocker datasetBlocker(m_dataset);
    const QSignalBlocker versionBlocker(m_version);
    m_dataset->clear();
    for (const DatasetChoice& d : m_datasets) m_dataset->addItem(d.name, d.name);
    m_dataset->setCurrentIndex(m_dataset->findData(dataset));
    m_version->clear();
    for (const VersionChoice& v : currentDataset()->versions) m_version->addItem(versionText(v), v.id);
    m_version->setCurrentIndex(m_version->findData(version));
    updateState();
    Q_EMIT loaded();
}

void TrainPanel::showDatasets(const DatasetChoices& choices) {
    m_datasets = choices.datasets;
    m_readError = choices.error;
    const QString wanted = m_wantedDataset.isEmpty() ? m_dataset->currentText() : m_wantedDataset;
    {
        const QSignalBlocker blocker(m_dataset);
        m_dataset->clear();
        for (const DatasetChoice& d : m_datasets) m_dataset->addItem(d.name, d.name);
        m_dataset->setCurrentIndex(std::max(0, m_dataset->findData(wanted)));
    }
    m_wantedDataset.clear();
    showVersions();
    Q_EMIT loaded();
}

void TrainPanel::selectDataset(const QString& reference) {
    // "iris@2": the dataset and its version 2 (a hash prefix after @ keeps the newest).
    const QString name = reference.section(QLatin1Char('@'), 0, 0);
    m_wantedVersion = reference.section(QLatin1Char('@'), 1).toLongLong();
    const int index = m_dataset->findData(name);
    if (index < 0) {
        m_wantedDataset = name;
        return;
    }
    if (index == m_dataset->currentIndex())
        showVersions();
    else
        m_dataset->setCurrentIndex(index);
}

void TrainPanel::showVersions() {
    const DatasetChoice* dataset = currentDataset();
    {
        const QSignalBlocker blocker(m_version);
        m_version->clear();
        if (dataset) {
            int chosen = int(dataset->versions.size()) - 1;  // the newest by default
            for (int i = 0; i < dataset->versions.size(); ++i) {
                const VersionChoice& v = dataset->versions[i];
                m_version->addItem(versionText(v), v.id);
                if (v.version == m_wantedVersion) chosen = i;
            }
            m_version->setCurrentIndex(chosen);
            m_wantedVersion = 0;
        }
    }
    const bool images = dataset && dataset->kind == QLatin1String("images");
    const QSignalBlocker blocker(m_target);
    m_target->clear();
    m_features->resetToAutomatic();
    m_features->clear();
    m_dataGroup->setRowVisible(m_features, !images);
    if (images) m_target->addItem(QStringLiteral("class"), QStringLiteral("class"));
    m_resolution = SpecResolution{};
    updateModelKnobs();
    updateState();
    m_resolveTimer->start();
}

void TrainPanel::requestResolution() {
    const VersionChoice* version = currentVersion();
    if (!version || m_workspace.isEmpty()) return;
    kiln::RunSpec wanted = spec();
    // A target from another version's columns is no use here.
    if (!m_resolution.columns.contains(QString::fromStdString(wanted.target)) &&
        m_resolution.hash == version->hash && !m_resolution.columns.isEmpty())
        wanted.target.clear();
    const QString dir = m_workspace;
    const int generation = ++m_resolveGeneration;
    beginRead();
    kiln::widgets::runInPool<SpecResolution>(
        this, [dir, wanted] { return resolveForPanel(dir, wanted); },
        [this, generation](SpecResolution resolution) {
            endRead();
            if (generation == m_resolveGeneration) showResolution(resolution);
        });
}

void TrainPanel::showResolution(const SpecResolution& resolution) {
    const bool newColumns = resolution.hash != m_resolution.hash ||
                            resolution.columns != m_resolution.columns || m_target->count() == 0;
    m_resolution = resolution;
    if (newColumns && !resolution.columns.isEmpty()) {
        const QString kept = m_target->currentData().toString();
        {
            const QSignalBlocker blocker(m_target);
            m_target->clear();
            for (int i = 0; i < resolution.columns.size(); ++i)
                m_target->addItem(
                    tr("%1 (%2)").arg(resolution.columns[i], kiln::widgets::columnTypeText(resolution.columnTypes.value(i))),
                    resolution.columns[i]);
            // The column named like a target; else a person chooses (no guess: the last column
            // of airquality is the day of the month).
            // A target asked for (a sample's) comes first, once its dataset's columns are here.
            const int wantedIndex = m_target->findData(m_wantedTarget);
            const int keptIndex = m_target->findData(kept);
            if (wantedIndex >= 0) m_wantedTarget.clear();
            m_target->setCurrentIndex(wantedIndex >= 0  ? wantedIndex
                                      : keptIndex >= 0 ? keptIndex
                                                       : m_target->findData(resolution.suggestedTarget));
        }
        if (m_target->currentData().toString() != kept) return requestResolution();
    }
    showFeatures();
    updateState();
    Q_EMIT resolved();
}

void TrainPanel::preferTarget(const QString& column) {
    m_wantedTarget = column;
    if (selectTarget(column)) m_wantedTarget.clear();
}

bool TrainPanel::selectTarget(const QString& column) {
    const int index = m_target->findData(column);
    if (index < 0) return false;
    m_target->setCurrentIndex(index);
    return true;
}

void TrainPanel::setEpochs(int epochs) {
    m_epochs->setValue(epochs);
}

void TrainPanel::setEarlyStopping(int patience) {
    m_earlyStopping->setValue(patience);
}

QString TrainPanel::versionText(const VersionChoice& v) const {
    return tr("v%1 · %2 rows · %3")
        .arg(QString::number(v.version), QLocale().toString(v.rows), v.hash.left(8));
}

const DatasetChoice* TrainPanel::currentDataset() const {
    const int i = m_dataset->currentIndex();
    return i >= 0 && i < m_datasets.size() ? &m_datasets[i] : nullptr;
}

const VersionChoice* TrainPanel::currentVersion() const {
    const DatasetChoice* dataset = currentDataset();
    const int i = m_version->currentIndex();
    return dataset && i >= 0 && i < dataset->versions.size() ? &dataset->versions[i] : nullptr;
}

qint64 TrainPanel::datasetVersionId() const {
    const VersionChoice* version = currentVersion();
    return version ? version->id : 0;
}

bool TrainPanel::isBusy() const {
    return m_pendingReads > 0 || m_resolveTimer->isActive();
}

void TrainPanel::updateState() {
    m_problems->setText(problemsText());
    m_trainButton->setEnabled(isReady());
    m_resolutionLabel->setText(resolutionText());
}

void TrainPanel::updateModelKnobs() {
    const DatasetChoice* dataset = currentDataset();
    const bool images = dataset && dataset->kind == QLatin1String("images");
    const QString family = choice(m_family);
    const bool mlp = !images && family == QLatin1String("mlp");
    const bool tree = !images && kiln::isTreeFamily(family.toStdString());
    const bool boosted = family == QLatin1String("boosted");
    const bool oneRound = tree && !boosted;  // a forest or a tree is built in one round
    const auto rows = [this](std::initializer_list<QWidget*> fields, bool visible) {
        for (QWidget* w : fields) m_modelGroup->setRowVisible(w, visible);
    };
    rows({m_hidden, m_activation, m_dropout, m_batchNorm}, mlp);
    rows({m_cnnWidth, m_cnnDepth, m_imageSize, m_flip}, images);
    rows({m_maxDepth, m_minChildWeight, m_l1, m_l2}, tree);
    rows({m_trees}, tree && family != QLatin1String("tree"));
    rows({m_treeLearningRate}, boosted);
    rows({m_subsample, m_colsample}, tree && family != QLatin1String("tree"));
    m_modelGroup->setRowLabel(m_trees,
                              boosted ? QT_TR_NOOP("Boosting rounds:") : QT_TR_NOOP("Trees:"));
    // The gradient-descent knobs mean nothing to trees.
    for (QWidget* w : std::initializer_list<QWidget*>{m_optimiser, m_lr, m_weightDecay, m_schedule,
                                                      m_epochs, m_batchSize})
        m_optimiserGroup->setRowVisible(w, !tree);
    m_optimiserGroup->setRowVisible(m_earlyStopping, !oneRound);
    m_earlyStopping->setSuffix(boosted ? tr(" rounds without improvement")
                                       : tr(" epochs without improvement"));
    showTreeDefaults(family);
    // The CNN needs images; linear, MLP and the trees need a table.
    auto* model = qobject_cast<QStandardItemModel*>(m_family->model());
    if (model)
        for (int i = 1; i < model->rowCount(); ++i) model->item(i)->setEnabled((i == 3) == images);
}

void TrainPanel::showTreeDefaults(const QString& family) {
    kiln::ModelSpec defaults;
    defaults.family = family.toStdString();
    kiln::applyTreeDefaults(defaults);
    const auto text = [this](double value) {
        return tr("default (%1)").arg(QLocale().toString(value, 'g', 4));
    };
    m_trees->setSpecialValueText(text(defaults.trees));
    m_maxDepth->setSpecialValueText(text(defaults.maxDepth));
    m_treeLearningRate->setSpecialValueText(text(defaults.learningRate));
    m_subsample->setSpecialValueText(text(defaults.subsample));
    m_colsample->setSpecialValueText(text(defaults.colsample));
}

void TrainPanel::stepOverOneFold(int folds) {
    // One fold is no cross-validation: up from off goes to 2, down from 2 goes to off.
    if (folds == 1) {
        const QSignalBlocker blocker(m_cvFolds);
        m_cvFolds->setValue(m_lastCvFolds == 0 ? 2 : 0);
    }
    m_lastCvFolds = m_cvFolds->value();
}

void TrainPanel::showDevices() {
    // The device choice is about the machine the run goes to: this one, or the chosen host.
    const QString where = host();
    const HostTest remote = m_where->probe(where);
    const bool here = where.isEmpty();
    const bool ready = here ? m_environment && m_environment->isReady() : !remote.host.isEmpty();
    const bool cuda = ready && (here ? m_environment->environment().cudaAvailable
                                     : remote.ok() && remote.cudaAvailable);
    QString reason;
    if (ready && here) reason = QString::fromStdString(m_environment->environment().cudaReason);
    if (ready && !here) reason = remote.ok() ? remote.cudaReason : tr("the host cannot be reached");
    auto* model = qobject_cast<QStandardItemModel*>(m_device->model());
    if (model) model->item(2)->setEnabled(cuda);
    if (ready && !cuda && choice(m_device) == QLatin1String("cuda")) m_device->setCurrentIndex(0);
    m_deviceReason->setText(deviceReasonText(ready, cuda, reason));
    if (model) model->item(2)->setToolTip(reason);
    if (m_environment && m_environment->isReady()) {
        const kiln::Environment& env = m_environment->environment();
        m_where->setLocalDevices(
            devicesSummary(env.cpuCores, env.cudaAvailable ? int(env.gpus.size()) : 0));
    }
    updateState();
}

QString TrainPanel::deviceReasonText(bool ready, bool cuda, const QString& englishReason) const {
    const QString where = host();
    const QString reason = kiln::widgets::localMessage(englishReason);  // core's words, said again
    if (where.isEmpty())
        return !ready ? tr("Detecting devices…")
               : cuda ? tr("CUDA is available: %1").arg(reason)
                      : tr("CUDA is unavailable: %1").arg(reason);
    return !ready ? tr("Detecting the devices of %1…").arg(where)
           : cuda ? tr("CUDA on %1 is available: %2").arg(where, reason)
                  : tr("CUDA on %1 is unavailable: %2").arg(where, reason);
}

void TrainPanel::beginRead() {
    ++m_pendingReads;
}

void TrainPanel::endRead() {
    --m_pendingReads;
}

void TrainPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
