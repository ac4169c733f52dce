// The Train panel's form: its groups of fields and their texts in the current language.
#include "app/studio/train_panel.h"

#include "app/studio/form_fields.h"
#include "app/studio/run_on_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>

namespace kiln {
namespace studio {
namespace {

const kiln::RunSpec kDefaults;  // the fields start at the spec's defaults

}  // namespace


QWidget* TrainPanel::createGroups() {
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
    return scroll;
}

QLayout* TrainPanel::createFooter() {
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
    return bottom;
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


}  // namespace studio
}  // namespace kiln
