// The Train panel's form: its groups of fields and their texts in the current language.
#include "app/studio/train_panel.h"

#include "app/studio/feature_list.h"
#include "app/studio/form_fields.h"
#include "app/studio/run_on_box.h"
#include "widgets/column_type_text.h"

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
    m_features = g->row(QT_TR_NOOP("Features:"), new FeatureList(this));
    m_task = g->choiceRow(
        QT_TR_NOOP("Task:"), "taskBox",
        {QStringLiteral("auto"), QStringLiteral("classification"), QStringLiteral("regression")});
    m_imputation = g->choiceRow(QT_TR_NOOP("Missing numbers:"), "imputationBox",
                                {QStringLiteral("median"), QStringLiteral("mean"), QStringLiteral("most_frequent"),
                                 QStringLiteral("constant"), QStringLiteral("drop")});
    m_imputeValue = g->realRow(QT_TR_NOOP("Fill value:"), "imputeValueBox", -1e12, 1e12, 1, 4,
                               kDefaults.imputeValue);
    g->setRowVisible(m_imputeValue, false);
    m_resolutionLabel = g->noteRow("resolutionLabel");
    m_resolutionLabel->setTextFormat(Qt::RichText);
    return g;
}

QWidget* TrainPanel::createModelGroup() {
    m_modelGroup = new FormSection(this, kContext, QT_TR_NOOP("Model"));
    FormSection* g = m_modelGroup;
    m_family =
        g->choiceRow(QT_TR_NOOP("Family:"), "familyBox",
                     {QStringLiteral("auto"), QStringLiteral("linear"), QStringLiteral("mlp"),
                      QStringLiteral("cnn"), QStringLiteral("boosted"), QStringLiteral("forest"),
                      QStringLiteral("tree")});
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
    addTreeRows();
    return g;
}

void TrainPanel::addTreeRows() {
    // 0 leaves a knob to the family's default; the box's special text names it.
    FormSection* g = m_modelGroup;
    const kiln::ModelSpec& m = kDefaults.model;
    m_trees = g->intRow(QT_TR_NOOP("Trees:"), "treesBox", 0, 100000, m.trees);
    m_maxDepth = g->intRow(QT_TR_NOOP("Maximum depth:"), "maxDepthBox", 0, 32, m.maxDepth);
    m_treeLearningRate = g->realRow(QT_TR_NOOP("Learning rate:"), "treeLearningRateBox", 0, 1, 0.01,
                                    3, m.learningRate);
    m_minChildWeight = g->realRow(QT_TR_NOOP("Minimum child weight:"), "minChildWeightBox", 0, 1e6,
                                  1, 2, m.minChildWeight);
    m_subsample =
        g->realRow(QT_TR_NOOP("Row subsample:"), "subsampleBox", 0, 1, 0.05, 3, m.subsample);
    m_colsample =
        g->realRow(QT_TR_NOOP("Column sample:"), "colsampleBox", 0, 1, 0.05, 3, m.colsample);
    m_l1 = g->realRow(QT_TR_NOOP("L1 penalty:"), "l1Box", 0, 1e6, 0.1, 3, m.l1);
    m_l2 = g->realRow(QT_TR_NOOP("L2 penalty:"), "l2Box", 0, 1e6, 0.1, 3, m.l2);
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
    m_cvFolds =
        g->intRow(QT_TR_NOOP("Cross-validation folds:"), "cvFoldsBox", 0, 50, kDefaults.cvFolds);
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
    setItemTexts(m_family,
                 {tr("Auto (the best by cross-validation; CNN for images)"),
                  tr("Linear / logistic"), tr("MLP"), tr("CNN (images)"),
                  tr("Boosted trees (XGBoost)"), tr("Random forest"), tr("Decision tree")});
    setItemTexts(m_activation, {tr("ReLU"), tr("GELU"), tr("tanh")});
    setItemTexts(m_optimiser, {tr("Adam"), tr("AdamW"), tr("SGD with momentum")});
    setItemTexts(m_schedule, {tr("Constant"), tr("Step decay"), tr("Cosine")});
    setItemTexts(m_classWeights, {tr("None"), tr("Balanced")});
    setItemTexts(m_imputation, {tr("Median of the training rows"), tr("Mean of the training rows"),
                                tr("Most frequent value"), tr("A value of my choice"),
                                tr("Leave their rows out")});
    setItemTexts(m_device, {tr("Auto (CUDA when available)"), tr("CPU"), tr("CUDA")});
    // Target columns with their types, in the language chosen now.
    for (int i = 0; i < m_target->count(); ++i) {
        const int column = int(m_resolution.columns.indexOf(m_target->itemData(i).toString()));
        if (column >= 0)
            m_target->setItemText(i, tr("%1 (%2)").arg(m_resolution.columns[column],
                                                       kiln::widgets::columnTypeText(m_resolution.columnTypes.value(column))));
    }
    if (const DatasetChoice* dataset = currentDataset())
        for (int i = 0; i < m_version->count() && i < dataset->versions.size(); ++i)
            m_version->setItemText(i, versionText(dataset->versions[i]));
}

void TrainPanel::retranslateToolTips() {
    m_family->setToolTip(
        tr("Auto compares linear, MLP, boosted trees and a random forest by cross-validation "
           "on the training rows and keeps the best. Boosted trees and forests usually win on "
           "tables; a decision tree is one tree a person can read."));
    m_trees->setToolTip(
        tr("Boosted trees: the most boosting rounds (early stopping may end "
           "sooner). Random forest: the number of trees."));
    m_maxDepth->setToolTip(tr("How many splits a row passes at most from the root to a leaf"));
    m_treeLearningRate->setToolTip(
        tr("How much each boosting round corrects the rounds before "
           "it; smaller needs more rounds but often generalises "
           "better"));
    m_minChildWeight->setToolTip(
        tr("A split is made only when each side keeps at least this "
           "much weight (about rows, for regression)"));
    m_subsample->setToolTip(tr("The share of the training rows each tree sees"));
    m_colsample->setToolTip(tr("The share of the input columns each tree may split on"));
    m_l1->setToolTip(tr("L1 penalty on leaf values (XGBoost's alpha)"));
    m_l2->setToolTip(tr("L2 penalty on leaf values (XGBoost's lambda)"));
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
    m_target->setPlaceholderText(tr("Choose the column to predict…"));
    m_features->setToolTip(tr("The columns the model sees. Identifiers, constants and free text are "
                              "left out unless you tick them; a warning sign marks a column to look at."));
    m_imageSize->setSuffix(tr(" px"));
    m_cvFolds->setSpecialValueText(tr("Off"));
    m_cvFolds->setToolTip(
        tr("Train and score the model K times, each time holding out another K-th of the "
           "training and validation rows; the test rows are never used. Auto uses "
           "cross-validation to choose the family either way."));
    retranslateToolTips();
    m_trainButton->setText(tr("Train"));
    retranslateChoices();
    updateModelKnobs();
    showDevices();
}

}  // namespace studio
}  // namespace kiln
