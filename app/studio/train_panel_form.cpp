// The Train panel's form: its groups of fields and their texts in the current language.
#include "app/studio/train_panel.h"

#include "app/studio/form_fields.h"
#include "app/studio/run_on_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
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
// The labels' translation context: QT_TR_NOOP in TrainPanel's functions marks them for it.
const char* const kContext = "kiln::studio::TrainPanel";

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

QWidget* TrainPanel::createDataGroup() {
    m_dataGroup = new FormSection(this, kContext, QT_TR_NOOP("Data"));
    FormSection* g = m_dataGroup;
    m_dataset = g->choiceRow(QT_TR_NOOP("Dataset:"), "datasetBox", {});
    m_version = g->choiceRow(QT_TR_NOOP("Version:"), "versionBox", {});
    m_target = g->choiceRow(QT_TR_NOOP("Target:"), "targetBox", {});
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_task = g->choiceRow(
        QT_TR_NOOP("Task:"), "taskBox",
        {QStringLiteral("auto"), QStringLiteral("classification"), QStringLiteral("regression")});
    m_resolutionLabel = g->noteRow("resolutionLabel");
    m_resolutionLabel->setTextFormat(Qt::RichText);
    return g;
}

QWidget* TrainPanel::createModelGroup() {
    m_modelGroup = new FormSection(this, kContext, QT_TR_NOOP("Model"));
    FormSection* g = m_modelGroup;
    m_family = g->choiceRow(QT_TR_NOOP("Family:"), "familyBox",
                            {QStringLiteral("auto"), QStringLiteral("linear"),
                             QStringLiteral("mlp"), QStringLiteral("cnn")});
    m_hidden =
        g->row(QT_TR_NOOP("Hidden layers:"), new QLineEdit(hiddenText(kDefaults.model.hidden), g));
    m_hidden->setObjectName(QStringLiteral("hiddenEdit"));
    m_activation =
        g->choiceRow(QT_TR_NOOP("Activation:"), "activationBox",
                     {QStringLiteral("relu"), QStringLiteral("gelu"), QStringLiteral("tanh")});
    m_dropout =
        g->realRow(QT_TR_NOOP("Dropout:"), "dropoutBox", 0, 0.95, 0.05, 2, kDefaults.model.dropout);
    m_batchNorm = g->checkRow(QT_TR_NOOP("Batch normalisation"), "batchNormBox");
    m_cnnWidth =
        g->intRow(QT_TR_NOOP("CNN width:"), "cnnWidthBox", 1, 512, kDefaults.model.cnnWidth);
    m_cnnDepth = g->intRow(QT_TR_NOOP("CNN depth:"), "cnnDepthBox", 1, 6, kDefaults.model.cnnDepth);
    m_imageSize = g->intRow(QT_TR_NOOP("Image size:"), "imageSizeBox", 8, 512, kDefaults.imageSize);
    m_flip = g->checkRow(QT_TR_NOOP("Random horizontal flips"), "flipBox");
    return g;
}

QWidget* TrainPanel::createOptimiserGroup() {
    m_optimiserGroup = new FormSection(this, kContext, QT_TR_NOOP("Optimisation"));
    FormSection* g = m_optimiserGroup;
    const kiln::OptimizerSpec& o = kDefaults.optimizer;
    m_optimiser =
        g->choiceRow(QT_TR_NOOP("Optimiser:"), "optimiserBox",
                     {QStringLiteral("adam"), QStringLiteral("adamw"), QStringLiteral("sgd")});
    m_lr = g->realRow(QT_TR_NOOP("Learning rate:"), "lrBox", 1e-6, 10, 1e-4, 6, o.lr);
    m_weightDecay =
        g->realRow(QT_TR_NOOP("Weight decay:"), "weightDecayBox", 0, 1, 1e-4, 6, o.weightDecay);
    m_schedule = g->choiceRow(
        QT_TR_NOOP("Schedule:"), "scheduleBox",
        {QStringLiteral("constant"), QStringLiteral("step"), QStringLiteral("cosine")});
    m_epochs = g->intRow(QT_TR_NOOP("Epochs:"), "epochsBox", 1, 100000, kDefaults.epochs);
    m_batchSize =
        g->intRow(QT_TR_NOOP("Batch size:"), "batchSizeBox", 1, 65536, kDefaults.batchSize);
    m_earlyStopping = g->intRow(QT_TR_NOOP("Early stopping:"), "earlyStoppingBox", 0, 100000,
                                kDefaults.earlyStopping);
    m_classWeights = g->choiceRow(QT_TR_NOOP("Class weights:"), "classWeightsBox",
                                  {QStringLiteral("none"), QStringLiteral("balanced")});
    return g;
}

QWidget* TrainPanel::createSplitGroup() {
    m_splitGroup = new FormSection(this, kContext, QT_TR_NOOP("Split"));
    FormSection* g = m_splitGroup;
    const kiln::SplitSpec& split = kDefaults.split;
    m_train =
        g->realRow(QT_TR_NOOP("Training:"), "trainFractionBox", 0.05, 1, 0.05, 2, split.train);
    m_val = g->realRow(QT_TR_NOOP("Validation:"), "valFractionBox", 0, 0.9, 0.05, 2, split.val);
    m_test = g->realRow(QT_TR_NOOP("Test:"), "testFractionBox", 0, 0.9, 0.05, 2, split.test);
    m_seed = g->intRow(QT_TR_NOOP("Seed:"), "seedBox", 0, 1000000, int(kDefaults.seed));
    return g;
}

QWidget* TrainPanel::createHardwareGroup() {
    m_hardwareGroup = new FormSection(this, kContext, QT_TR_NOOP("Hardware"));
    FormSection* g = m_hardwareGroup;
    // Where first: the devices offered are those of the machine chosen there.
    m_where = g->row(QT_TR_NOOP("Run on:"), new RunOnBox(g));
    m_device =
        g->choiceRow(QT_TR_NOOP("Device:"), "deviceBox",
                     {QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")});
    m_deviceReason = g->noteRow("deviceReason");
    m_deviceReason->setEnabled(false);
    return g;
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
    for (FormSection* group :
         {m_dataGroup, m_modelGroup, m_optimiserGroup, m_splitGroup, m_hardwareGroup})
        group->retranslate();
    m_earlyStopping->setSpecialValueText(tr("Off"));
    m_earlyStopping->setSuffix(tr(" epochs without improvement"));
    m_imageSize->setSuffix(tr(" px"));
    m_trainButton->setText(tr("Train"));
    retranslateChoices();
    showDevices();
}

}  // namespace studio
}  // namespace kiln
