#include "app/studio/train_panel.h"

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
const kiln::RunSpec kDefaults;

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
    auto* body = new QWidget(this);
    auto* columns = new QGridLayout(body);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->setHorizontalSpacing(16);
    columns->addWidget(createDataGroup(), 0, 0);
    columns->addWidget(createSplitGroup(), 1, 0);
    columns->addWidget(createHardwareGroup(), 2, 0);
    columns->addWidget(createModelGroup(), 0, 1);
    columns->addWidget(createOptimiserGroup(), 1, 1, 2, 1);
    columns->setColumnStretch(0, 1);
    columns->setColumnStretch(1, 1);
    columns->setRowStretch(3, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("trainProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_trainButton = new QPushButton(this);
    m_trainButton->setObjectName(QStringLiteral("trainButton"));
    m_trainButton->setDefault(true);
    m_trainButton->setMinimumWidth(140);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_problems, 1);
    bottom->addWidget(m_trainButton, 0, Qt::AlignRight | Qt::AlignVCenter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_heading);
    layout->addWidget(m_intro);
    layout->addWidget(scroll, 1);
    layout->addLayout(bottom);
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

QGroupBox* TrainPanel::createDataGroup() {
    m_dataGroup = new QGroupBox(this);
    m_dataForm = new QFormLayout(m_dataGroup);
    m_dataset = choiceBox(m_dataGroup, "datasetBox", {});
    m_version = choiceBox(m_dataGroup, "versionBox", {});
    m_target = choiceBox(m_dataGroup, "targetBox", {});
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_task = choiceBox(
        m_dataGroup, "taskBox",
        {QStringLiteral("auto"), QStringLiteral("classification"), QStringLiteral("regression")});
    m_resolutionLabel = new QLabel(m_dataGroup);
    m_resolutionLabel->setObjectName(QStringLiteral("resolutionLabel"));
    m_resolutionLabel->setWordWrap(true);
    m_resolutionLabel->setTextFormat(Qt::RichText);
    m_dataForm->addRow(QStringLiteral("-"), m_dataset);
    m_dataForm->addRow(QStringLiteral("-"), m_version);
    m_dataForm->addRow(QStringLiteral("-"), m_target);
    m_dataForm->addRow(QStringLiteral("-"), m_task);
    m_dataForm->addRow(m_resolutionLabel);
    return m_dataGroup;
}

QGroupBox* TrainPanel::createModelGroup() {
    m_modelGroup = new QGroupBox(this);
    m_modelForm = new QFormLayout(m_modelGroup);
    m_family = choiceBox(m_modelGroup, "familyBox",
                         {QStringLiteral("auto"), QStringLiteral("linear"), QStringLiteral("mlp"),
                          QStringLiteral("cnn")});
    m_hidden = new QLineEdit(hiddenText(kDefaults.model.hidden), m_modelGroup);
    m_hidden->setObjectName(QStringLiteral("hiddenEdit"));
    m_activation =
        choiceBox(m_modelGroup, "activationBox",
                  {QStringLiteral("relu"), QStringLiteral("gelu"), QStringLiteral("tanh")});
    m_dropout = realBox(m_modelGroup, "dropoutBox", 0, 0.95, 0.05, 2, kDefaults.model.dropout);
    m_batchNorm = new QCheckBox(m_modelGroup);
    m_batchNorm->setObjectName(QStringLiteral("batchNormBox"));
    m_cnnWidth = intBox(m_modelGroup, "cnnWidthBox", 1, 512, kDefaults.model.cnnWidth);
    m_cnnDepth = intBox(m_modelGroup, "cnnDepthBox", 1, 6, kDefaults.model.cnnDepth);
    m_imageSize = intBox(m_modelGroup, "imageSizeBox", 8, 512, kDefaults.imageSize);
    m_flip = new QCheckBox(m_modelGroup);
    m_flip->setObjectName(QStringLiteral("flipBox"));
    m_modelForm->addRow(QStringLiteral("-"), m_family);
    m_modelForm->addRow(QStringLiteral("-"), m_hidden);
    m_modelForm->addRow(QStringLiteral("-"), m_activation);
    m_modelForm->addRow(QStringLiteral("-"), m_dropout);
    m_modelForm->addRow(QString(), m_batchNorm);
    m_modelForm->addRow(QStringLiteral("-"), m_cnnWidth);
    m_modelForm->addRow(QStringLiteral("-"), m_cnnDepth);
    m_modelForm->addRow(QStringLiteral("-"), m_imageSize);
    m_modelForm->addRow(QString(), m_flip);
    return m_modelGroup;
}

QGroupBox* TrainPanel::createOptimiserGroup() {
    m_optimiserGroup = new QGroupBox(this);
    m_optimiserForm = new QFormLayout(m_optimiserGroup);
    m_optimiser =
        choiceBox(m_optimiserGroup, "optimiserBox",
                  {QStringLiteral("adam"), QStringLiteral("adamw"), QStringLiteral("sgd")});
    m_lr = realBox(m_optimiserGroup, "lrBox", 1e-6, 10, 1e-4, 6, kDefaults.optimizer.lr);
    m_weightDecay =
        realBox(m_optimiserGroup, "weightDecayBox", 0, 1, 1e-4, 6, kDefaults.optimizer.weightDecay);
    m_schedule =
        choiceBox(m_optimiserGroup, "scheduleBox",
                  {QStringLiteral("constant"), QStringLiteral("step"), QStringLiteral("cosine")});
    m_epochs = intBox(m_optimiserGroup, "epochsBox", 1, 100000, kDefaults.epochs);
    m_batchSize = intBox(m_optimiserGroup, "batchSizeBox", 1, 65536, kDefaults.batchSize);
    m_earlyStopping =
        intBox(m_optimiserGroup, "earlyStoppingBox", 0, 100000, kDefaults.earlyStopping);
    m_classWeights = choiceBox(m_optimiserGroup, "classWeightsBox",
                               {QStringLiteral("none"), QStringLiteral("balanced")});
    m_optimiserForm->addRow(QStringLiteral("-"), m_optimiser);
    m_optimiserForm->addRow(QStringLiteral("-"), m_lr);
    m_optimiserForm->addRow(QStringLiteral("-"), m_weightDecay);
    m_optimiserForm->addRow(QStringLiteral("-"), m_schedule);
    m_optimiserForm->addRow(QStringLiteral("-"), m_epochs);
    m_optimiserForm->addRow(QStringLiteral("-"), m_batchSize);
    m_optimiserForm->addRow(QStringLiteral("-"), m_earlyStopping);
    m_optimiserForm->addRow(QStringLiteral("-"), m_classWeights);
    return m_optimiserGroup;
}

QGroupBox* TrainPanel::createSplitGroup() {
    m_splitGroup = new QGroupBox(this);
    m_splitForm = new QFormLayout(m_splitGroup);
    m_train = realBox(m_splitGroup, "trainFractionBox", 0.05, 1, 0.05, 2, kDefaults.split.train);
    m_val = realBox(m_splitGroup, "valFractionBox", 0, 0.9, 0.05, 2, kDefaults.split.val);
    m_test = realBox(m_splitGroup, "testFractionBox", 0, 0.9, 0.05, 2, kDefaults.split.test);
    m_seed = intBox(m_splitGroup, "seedBox", 0, 1000000, int(kDefaults.seed));
    m_splitForm->addRow(QStringLiteral("-"), m_train);
    m_splitForm->addRow(QStringLiteral("-"), m_val);
    m_splitForm->addRow(QStringLiteral("-"), m_test);
    m_splitForm->addRow(QStringLiteral("-"), m_seed);
    return m_splitGroup;
}

QGroupBox* TrainPanel::createHardwareGroup() {
    m_hardwareGroup = new QGroupBox(this);
    m_hardwareForm = new QFormLayout(m_hardwareGroup);
    m_device = choiceBox(m_hardwareGroup, "deviceBox",
                         {QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")});
    m_deviceReason = new QLabel(m_hardwareGroup);
    m_deviceReason->setObjectName(QStringLiteral("deviceReason"));
    m_deviceReason->setWordWrap(true);
    m_deviceReason->setEnabled(false);
    m_where = new RunOnBox(m_hardwareGroup);
    // Where first: the devices offered are those of the machine chosen there.
    m_hardwareForm->addRow(QStringLiteral("-"), m_where);
    m_hardwareForm->addRow(QStringLiteral("-"), m_device);
    m_hardwareForm->addRow(m_deviceReason);
    return m_hardwareGroup;
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
    connect(m_task, &QComboBox::currentIndexChanged, this, resolveLater);
    connect(m_family, &QComboBox::currentIndexChanged, this, [this, resolveLater] {
        updateModelKnobs();
        resolveLater();
    });
    for (QComboBox* box : {m_activation, m_optimiser, m_schedule, m_classWeights, m_device})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    connect(m_hidden, &QLineEdit::textChanged, this, changed);
    for (QDoubleSpinBox* box : {m_dropout, m_lr, m_weightDecay, m_train, m_val, m_test})
        connect(box, &QDoubleSpinBox::valueChanged, this, changed);
    for (QSpinBox* box :
         {m_cnnWidth, m_cnnDepth, m_imageSize, m_epochs, m_batchSize, m_earlyStopping, m_seed})
        connect(box, &QSpinBox::valueChanged, this, changed);
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
                    tr("%1 (%2)").arg(resolution.columns[i], resolution.columnTypes.value(i)),
                    resolution.columns[i]);
            // The last column is the usual place for the label.
            const int keptIndex = m_target->findData(kept);
            m_target->setCurrentIndex(keptIndex >= 0 ? keptIndex : m_target->count() - 1);
        }
        if (m_target->currentData().toString() != kept) return requestResolution();
    }
    updateState();
    Q_EMIT resolved();
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

kiln::RunSpec TrainPanel::spec() const {
    kiln::RunSpec s;
    if (const DatasetChoice* dataset = currentDataset()) {
        s.dataset = dataset->name.toStdString();
        s.datasetKind = dataset->kind.toStdString();
    }
    if (const VersionChoice* version = currentVersion()) {
        s.datasetVersion = version->version;
        s.datasetHash = version->hash.toStdString();
    }
    s.target = m_target->currentData().toString().toStdString();
    const QString task = choice(m_task);
    s.task = task == QLatin1String("classification") ? kiln::TaskKind::Classification
             : task == QLatin1String("regression")   ? kiln::TaskKind::Regression
                                                     : kiln::TaskKind::Auto;
    s.model.family = choice(m_family).toStdString();
    parseHidden(m_hidden->text(), s.model.hidden);
    s.model.activation = choice(m_activation).toStdString();
    s.model.dropout = m_dropout->value();
    s.model.batchNorm = m_batchNorm->isChecked();
    s.model.cnnWidth = m_cnnWidth->value();
    s.model.cnnDepth = m_cnnDepth->value();
    s.imageSize = m_imageSize->value();
    s.augmentFlip = m_flip->isChecked();
    s.optimizer.name = choice(m_optimiser).toStdString();
    s.optimizer.lr = m_lr->value();
    s.optimizer.weightDecay = m_weightDecay->value();
    s.optimizer.schedule = choice(m_schedule).toStdString();
    s.epochs = m_epochs->value();
    s.batchSize = m_batchSize->value();
    s.earlyStopping = m_earlyStopping->value();
    s.classWeights = choice(m_classWeights).toStdString();
    s.split.train = m_train->value();
    s.split.val = m_val->value();
    s.split.test = m_test->value();
    kiln::setRunSeed(s, std::uint64_t(m_seed->value()));
    s.device = choice(m_device).toStdString();
    return s;
}

QStringList TrainPanel::formProblems() const {
    QStringList problems;
    if (!m_readError.isEmpty()) problems << tr("Could not read the datasets: %1").arg(m_readError);
    if (m_datasets.isEmpty() && m_readError.isEmpty() && !m_workspace.isEmpty() && !isBusy())
        problems << tr("Import a dataset first: drop a CSV file or an image folder on the window.");
    if (m_datasets.isEmpty()) return problems;
    if (m_target->currentData().toString().isEmpty()) problems << tr("Choose the target column.");
    std::vector<int> hidden;
    if (!parseHidden(m_hidden->text(), hidden))
        problems << tr("Hidden layers: write layer widths separated by commas, e.g. 128, 64.");
    if (!m_resolution.error.isEmpty()) problems << m_resolution.error;
    if (const QString where = m_where->problem(); !where.isEmpty()) problems << where;
    const double sum = m_train->value() + m_val->value() + m_test->value();
    if (std::fabs(sum - 1.0) > 1e-6)
        problems << tr("Split: the fractions add up to %1; they must add up to 1.")
                        .arg(QString::number(sum, 'f', 2));
    if (auto st = spec().validate(); !st && problems.isEmpty())
        problems << QString::fromStdString(st.error().message).trimmed();
    return problems;
}

QString TrainPanel::problemsText() const {
    return formProblems().join(QLatin1Char('\n'));
}

bool TrainPanel::isReady() const {
    return currentVersion() && !m_resolution.task.isEmpty() &&
           m_resolution.hash == currentVersion()->hash &&
           m_resolution.target == m_target->currentData().toString() && formProblems().isEmpty();
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
    const bool mlp = !images && (family == QLatin1String("auto") || family == QLatin1String("mlp"));
    for (QWidget* w : {static_cast<QWidget*>(m_hidden), static_cast<QWidget*>(m_activation),
                       static_cast<QWidget*>(m_dropout), static_cast<QWidget*>(m_batchNorm)})
        m_modelForm->setRowVisible(w, mlp);
    for (QWidget* w : {static_cast<QWidget*>(m_cnnWidth), static_cast<QWidget*>(m_cnnDepth),
                       static_cast<QWidget*>(m_imageSize), static_cast<QWidget*>(m_flip)})
        m_modelForm->setRowVisible(w, images);
    // The CNN needs images; linear and MLP need a table.
    auto* model = qobject_cast<QStandardItemModel*>(m_family->model());
    if (model) {
        model->item(1)->setEnabled(!images);
        model->item(2)->setEnabled(!images);
        model->item(3)->setEnabled(images);
    }
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

QString TrainPanel::deviceReasonText(bool ready, bool cuda, const QString& reason) const {
    const QString where = host();
    if (where.isEmpty())
        return !ready ? tr("Detecting devices…")
               : cuda ? tr("CUDA is available: %1").arg(reason)
                      : tr("CUDA is unavailable: %1").arg(reason);
    return !ready ? tr("Detecting the devices of %1…").arg(where)
           : cuda ? tr("CUDA on %1 is available: %2").arg(where, reason)
                  : tr("CUDA on %1 is unavailable: %2").arg(where, reason);
}

QString TrainPanel::resolutionText() const {
    if (m_target->currentData().toString().isEmpty() || m_resolution.task.isEmpty()) return {};
    const QString task = m_resolution.task == QLatin1String("classification") ? tr("classification")
                                                                              : tr("regression");
    QString text = choice(m_task) == QLatin1String("auto")
                       ? tr("Auto resolves to <b>%1</b>").arg(task)
                       : tr("Task: <b>%1</b>").arg(task);
    text += tr(" · model <b>%1</b> · %2 feature columns")
                .arg(m_resolution.family.toUpper(), QString::number(m_resolution.features.size()));
    // Name the features (the first few) so a newcomer sees what the model learns from.
    constexpr int kNamed = 8;
    QStringList named = m_resolution.features.mid(0, kNamed);
    if (m_resolution.features.size() > kNamed) named << QStringLiteral("…");
    text += QStringLiteral("<br><span style=\"color:#5f6368\">") +
            tr("Features: %1").arg(named.join(QLatin1String(", ")).toHtmlEscaped()) +
            QStringLiteral("</span>");
    for (const QString& note : m_resolution.notes)
        text += QStringLiteral("<br><span style=\"color:#5f6368\">• ") + note.toHtmlEscaped() +
                QStringLiteral("</span>");
    return text;
}

void TrainPanel::beginRead() {
    ++m_pendingReads;
}

void TrainPanel::endRead() {
    --m_pendingReads;
}

void TrainPanel::retranslateChoices() {
    setItemTexts(m_task, {tr("Auto (from the target)"), tr("Classification"), tr("Regression")});
    setItemTexts(m_family, {tr("Auto (MLP for tables, CNN for images)"), tr("Linear / logistic"),
                            tr("MLP"), tr("CNN (images)")});
    setItemTexts(m_activation, {tr("ReLU"), tr("GELU"), tr("tanh")});
    setItemTexts(m_optimiser, {tr("Adam"), tr("AdamW"), tr("SGD with momentum")});
    setItemTexts(m_schedule, {tr("Constant"), tr("Step decay"), tr("Cosine")});
    setItemTexts(m_classWeights, {tr("None"), tr("Balanced")});
    setItemTexts(m_device, {tr("Auto (CUDA when available)"), tr("CPU"), tr("CUDA")});
    if (const DatasetChoice* dataset = currentDataset())
        for (int i = 0; i < m_version->count() && i < dataset->versions.size(); ++i)
            m_version->setItemText(i, versionText(dataset->versions[i]));
}

void TrainPanel::retranslateUi() {
    m_heading->setText(tr("Train a model"));
    m_intro->setText(
        tr("Pick a dataset and the column to predict, then press Train. Every other "
           "setting has a sensible default; the run is recorded so it can be "
           "reproduced."));
    m_dataGroup->setTitle(tr("Data"));
    m_modelGroup->setTitle(tr("Model"));
    m_optimiserGroup->setTitle(tr("Optimisation"));
    m_splitGroup->setTitle(tr("Split"));
    m_hardwareGroup->setTitle(tr("Hardware"));
    setLabel(m_dataForm, m_dataset, tr("Dataset:"));
    setLabel(m_dataForm, m_version, tr("Version:"));
    setLabel(m_dataForm, m_target, tr("Target:"));
    setLabel(m_dataForm, m_task, tr("Task:"));
    setLabel(m_modelForm, m_family, tr("Family:"));
    setLabel(m_modelForm, m_hidden, tr("Hidden layers:"));
    setLabel(m_modelForm, m_activation, tr("Activation:"));
    setLabel(m_modelForm, m_dropout, tr("Dropout:"));
    m_batchNorm->setText(tr("Batch normalisation"));
    setLabel(m_modelForm, m_cnnWidth, tr("CNN width:"));
    setLabel(m_modelForm, m_cnnDepth, tr("CNN depth:"));
    setLabel(m_modelForm, m_imageSize, tr("Image size:"));
    m_flip->setText(tr("Random horizontal flips"));
    setLabel(m_optimiserForm, m_optimiser, tr("Optimiser:"));
    setLabel(m_optimiserForm, m_lr, tr("Learning rate:"));
    setLabel(m_optimiserForm, m_weightDecay, tr("Weight decay:"));
    setLabel(m_optimiserForm, m_schedule, tr("Schedule:"));
    setLabel(m_optimiserForm, m_epochs, tr("Epochs:"));
    setLabel(m_optimiserForm, m_batchSize, tr("Batch size:"));
    setLabel(m_optimiserForm, m_earlyStopping, tr("Early stopping:"));
    setLabel(m_optimiserForm, m_classWeights, tr("Class weights:"));
    m_earlyStopping->setSpecialValueText(tr("Off"));
    m_earlyStopping->setSuffix(tr(" epochs without improvement"));
    m_imageSize->setSuffix(tr(" px"));
    setLabel(m_splitForm, m_train, tr("Training:"));
    setLabel(m_splitForm, m_val, tr("Validation:"));
    setLabel(m_splitForm, m_test, tr("Test:"));
    setLabel(m_splitForm, m_seed, tr("Seed:"));
    setLabel(m_hardwareForm, m_device, tr("Device:"));
    setLabel(m_hardwareForm, m_where, tr("Run on:"));
    m_trainButton->setText(tr("Train"));
    retranslateChoices();
    showDevices();
}

void TrainPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
