// What the Train panel's form says: the run spec it defines, what keeps it from training, and
// what the choices resolve to on the data.
#include "app/studio/train_panel.h"

#include "widgets/message_texts.h"

#include "app/studio/feature_list.h"
#include "app/studio/form_fields.h"
#include "app/studio/run_on_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <QLocale>

#include <algorithm>
#include <cmath>

#include "widgets/model_family.h"

namespace kiln {
namespace studio {

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
    if (m_features->isChosen())
        for (const QString& column : m_features->checkedColumns())
            if (column.toStdString() != s.target) s.features.push_back(column.toStdString());
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
    s.model.trees = m_trees->value();
    s.model.maxDepth = m_maxDepth->value();
    s.model.learningRate = m_treeLearningRate->value();
    s.model.minChildWeight = m_minChildWeight->value();
    s.model.subsample = m_subsample->value();
    s.model.colsample = m_colsample->value();
    s.model.l1 = m_l1->value();
    s.model.l2 = m_l2->value();
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
    s.cvFolds = m_cvFolds->value();
    s.imputation = choice(m_imputation).toStdString();
    s.imputeValue = m_imputeValue->value();
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
    if (m_features->isChosen() && m_features->checkedColumns().isEmpty() &&
        currentDataset() && currentDataset()->kind != QLatin1String("images"))
        problems << tr("Tick at least one feature column.");
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

QString TrainPanel::resolutionText() const {
    if (m_target->currentData().toString().isEmpty() || m_resolution.task.isEmpty()) return {};
    const QString task = m_resolution.task == QLatin1String("classification") ? tr("classification")
                                                                              : tr("regression");
    QString text = choice(m_task) == QLatin1String("auto")
                       ? tr("Auto resolves to <b>%1</b>").arg(task)
                       : tr("Task: <b>%1</b>").arg(task);
    // Auto on a table is decided when the run starts, by cross-validation in the worker.
    const bool chosenLater = m_resolution.family == QLatin1String("auto");
    const QString family = chosenLater ? tr("chosen by cross-validation")
                                       : kiln::widgets::modelFamilyName(m_resolution.family);
    const bool images = currentDataset() && currentDataset()->kind == QLatin1String("images");
    if (images) {  // the model reads the pictures (their listing's sha256 column is internal)
        text += tr(" · model <b>%1</b>").arg(family) + QStringLiteral("<br><span style=\"color:#5f6368\">") +
                tr("Input: the images' pixels") + QStringLiteral("</span>");
    } else {
        text += tr(" · model <b>%1</b> · %n feature column(s)", nullptr, int(m_resolution.features.size()))
                    .arg(family);
        // Name the features (the first few) so a newcomer sees what the model learns from.
        constexpr int kNamed = 8;
        QStringList named = m_resolution.features.mid(0, kNamed);
        if (m_resolution.features.size() > kNamed) named << QStringLiteral("…");
        text += QStringLiteral("<br><span style=\"color:#5f6368\">") +
                tr("Features: %1").arg(named.join(QLatin1String(", ")).toHtmlEscaped()) +
                QStringLiteral("</span>");
    }
    for (const QString& note : m_resolution.notes)
        text += QStringLiteral("<br><span style=\"color:#5f6368\">• ") + kiln::widgets::localMessage(note).toHtmlEscaped() +
                QStringLiteral("</span>");
    if (const QString missing = missingLine(); !missing.isEmpty())
        text += QStringLiteral("<br><span style=\"color:#5f6368\">• ") + missing.toHtmlEscaped() +
                QStringLiteral("</span>");
    if (const QString big = largeDataLine(); !big.isEmpty())
        text += QStringLiteral("<br><span style=\"color:#b06000\">⚠ ") + big.toHtmlEscaped() +
                QStringLiteral("</span>");
    const QStringList warnings = warningLines();
    for (std::size_t i = 0; i < m_resolution.warnings.size(); ++i)
        if (m_resolution.warnings[i].reason != kiln::FeatureWarning::Reason::MostlyMissing)  // said above
            text += QStringLiteral("<br><span style=\"color:#b06000\">⚠ ") +
                    warnings.value(int(i)).toHtmlEscaped() + QStringLiteral("</span>");
    return text;
}

// A network on many rows with a small batch: thousands of steps an epoch, hours an ETA. Says so,
// with a batch that keeps an epoch near a thousand steps.
QString TrainPanel::largeDataLine() const {
    constexpr double kManySteps = 2000;
    const QString family = m_resolution.family;
    if (kiln::isTreeFamily(family.toStdString()) || m_resolution.rows == 0) return {};
    const int batch = std::max(1, m_batchSize->value());
    const double steps = std::ceil(double(m_resolution.rows) * m_train->value() / batch);
    if (steps < kManySteps) return {};
    int better = batch;
    while (better < 4096 && double(m_resolution.rows) * m_train->value() / better > 1000) better *= 2;
    return tr("%1 steps per epoch at batch size %2: each epoch is long; a batch of %3 makes it about "
              "%4 times shorter.")
        .arg(QLocale().toString(qlonglong(steps)), QLocale().toString(batch), QLocale().toString(better),
             QLocale().toString(better / batch));
}

// What to look at before training, one line per feature (kiln::checkFeatures), translated.
QStringList TrainPanel::warningLines() const {
    QStringList lines;
    using Reason = kiln::FeatureWarning::Reason;
    for (const auto& w : m_resolution.warnings) {
        const QString column = QString::fromStdString(w.column);
        const QString share = QLocale().toString(100 * w.share, 'f', 1) + QLatin1Char('%');
        switch (w.reason) {
        case Reason::UniquePerRow:
            lines << tr("%1 has a different value on every row: an identifier, which a model learns "
                        "by heart instead of a pattern.").arg(column);
            break;
        case Reason::IdentifierName:
            lines << tr("%1 is named and valued like an identifier or a matched-set number: it can "
                        "leak which rows belong together.").arg(column);
            break;
        case Reason::PredictsTarget:
            lines << tr("%1 alone gives the target on %2 of the rows: is it the answer under another "
                        "name?").arg(column, share);
            break;
        case Reason::MostlyMissing: lines << tr("%1 is %2 missing.").arg(column, share); break;
        }
    }
    return lines;
}

// What happens to missing cells: rows without a target left out, features filled or kept.
QString TrainPanel::missingLine() const {
    const SpecResolution& r = m_resolution;
    QStringList parts;
    const int target = int(r.columns.indexOf(m_target->currentData().toString()));
    if (target >= 0 && r.columnMissing.value(target) > 0)
        parts << tr("%n row(s) without a target are left out.", nullptr, int(r.columnMissing.value(target)));
    QStringList numbers, categories;
    for (const QString& feature : r.features) {
        const int i = int(r.columns.indexOf(feature));
        const quint64 missing = r.columnMissing.value(i);
        if (i < 0 || missing == 0) continue;
        const QString item = tr("%1 (%2, %3%)")
                                 .arg(feature, QLocale().toString(missing),
                                      QLocale().toString(100.0 * double(missing) / double(std::max<quint64>(r.rows, 1)), 'f', 1));
        const QString type = r.columnTypes.value(i);
        (type == QLatin1String("categorical") || type == QLatin1String("boolean") ? categories : numbers) << item;
    }
    const QString family = r.family;
    const bool trees = kiln::isTreeFamily(family.toStdString());
    if (!numbers.isEmpty()) {
        const QString list = numbers.join(QLatin1String(", "));
        const QString how = choice(m_imputation);
        const QString filled =
            how == QLatin1String("mean")            ? tr("Missing numbers in %1 are filled with the training mean, with a missing indicator.").arg(list)
            : how == QLatin1String("most_frequent") ? tr("Missing numbers in %1 are filled with the value met most often in the training rows, with a missing indicator.").arg(list)
            : how == QLatin1String("constant")      ? tr("Missing numbers in %1 are filled with %2, with a missing indicator.").arg(list, QLocale().toString(m_imputeValue->value()))
            : how == QLatin1String("drop")          ? tr("Rows with a missing number in %1 are left out of training and evaluation.").arg(list)
                                                    : tr("Missing numbers in %1 are filled with the training median, with a missing indicator.").arg(list);
        parts << (trees ? tr("Missing numbers in %1 are kept missing: the trees learn where they go.").arg(list)
                  : family == QLatin1String("auto") && how != QLatin1String("drop")
                      ? filled + QLatin1Char(' ') + tr("(Trees keep them missing.)")
                                                    : filled);
    }
    if (!categories.isEmpty())
        parts << tr("Missing categories in %1 are filled with the most frequent category.")
                     .arg(categories.join(QLatin1String(", ")));
    return parts.join(QLatin1Char(' '));
}

// The feature list after a resolution: the automatic choice, why columns are left out, warnings.
void TrainPanel::showFeatures() {
    const SpecResolution& r = m_resolution;
    if (r.columns.isEmpty() || (currentDataset() && currentDataset()->kind == QLatin1String("images"))) return;
    QHash<QString, QString> notes;
    const QString leftOut = QStringLiteral("left out column '");
    for (const QString& note : r.notes)
        if (note.startsWith(leftOut)) {
            const QString column = note.mid(leftOut.size()).section(QStringLiteral("': "), 0, 0);
            notes.insert(column, note.section(QStringLiteral("': "), 1));
        }
    QStringList warned;
    const QStringList lines = warningLines();
    for (std::size_t i = 0; i < r.warnings.size(); ++i) {
        const QString column = QString::fromStdString(r.warnings[i].column);
        warned << column;
        notes.insert(column, lines.value(int(i)));
    }
    m_features->showColumns(r.columns, m_target->currentData().toString(), r.features, notes, warned);
}

}  // namespace studio
}  // namespace kiln
