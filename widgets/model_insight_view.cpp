#include "widgets/model_insight_view.h"

#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include "widgets/cv_table_model.h"
#include "widgets/importance_chart.h"
#include "widgets/model_family.h"
#include "widgets/scroll_page.h"

namespace kiln {
namespace widgets {
namespace {

QString score(const QJsonValue& value) {
    return value.isDouble() ? QString::number(value.toDouble(), 'f', 3) : QStringLiteral("–");
}

}  // namespace

ModelInsightView::ModelInsightView(QWidget* parent)
    : QWidget(parent),
      m_choice(new QLabel(this)),
      m_importance(new ImportanceChart(this)),
      m_cvGroup(new QGroupBox(this)),
      m_cvCaption(new QLabel(m_cvGroup)),
      m_cvTable(new QTableView(m_cvGroup)),
      m_cv(new CvTableModel(this)) {
    setObjectName(QStringLiteral("modelInsightView"));
    m_choice->setObjectName(QStringLiteral("modelChoice"));
    m_choice->setWordWrap(true);
    m_choice->setTextFormat(Qt::RichText);
    m_choice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_choice->setStyleSheet(
        QStringLiteral("QLabel { background: #e8f0fe; border-radius: 6px; padding: 8px; }"));
    m_cvCaption->setWordWrap(true);
    m_cvCaption->setStyleSheet(QStringLiteral("color: #5f6670;"));
    m_cvTable->setObjectName(QStringLiteral("cvTable"));
    m_cvTable->setModel(m_cv);
    m_cvTable->verticalHeader()->hide();
    m_cvTable->setAlternatingRowColors(true);
    m_cvTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cvTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // The table is as tall as its rows (a handful of folds); the chart takes the rest.
    m_cvTable->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_cvTable->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    m_cvTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* cvLayout = new QVBoxLayout(m_cvGroup);
    cvLayout->addWidget(m_cvCaption);
    cvLayout->addWidget(m_cvTable);
    m_cvGroup->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_choice);
    layout->addWidget(m_cvGroup);
    layout->addWidget(m_importance, 1);
    showScrolling(this, content);  // a short window scrolls the page, never grows past the screen
    retranslateUi();
}

void ModelInsightView::setReport(const QJsonObject& report) {
    m_report = report;
    m_importance->setImportance(report.value(QLatin1String("importance")).toObject());
    m_importance->setVisible(m_importance->hasImportance());
    retranslateUi();
}

void ModelInsightView::showCv() {
    m_cv->setCv(m_report.value(QLatin1String("cv")).toObject());
    m_cvGroup->setVisible(m_cv->folds() > 0);
    QHeaderView* header = m_cvTable->horizontalHeader();
    for (int c = 0; c < CvTableModel::kFixedColumns && c < m_cv->columnCount(); ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    // Every row shows, the mean ± std row included.
    m_cvTable->resizeRowsToContents();
    int height = header->sizeHint().height() + 2 * m_cvTable->frameWidth();
    for (int r = 0; r < m_cv->rowCount(); ++r) height += m_cvTable->rowHeight(r);
    if (m_cvTable->horizontalScrollBar()->isVisible())
        height += m_cvTable->horizontalScrollBar()->height();
    m_cvTable->setMinimumHeight(height);
    m_cvTable->setMaximumHeight(height);
}

bool ModelInsightView::hasContent() const {
    return m_importance->hasImportance() || m_cv->folds() > 0 || !choiceText().isEmpty();
}

QString ModelInsightView::choiceText() const {
    const QJsonObject choice = m_report.value(QLatin1String("model_choice")).toObject();
    const QString chosen = choice.value(QLatin1String("chosen")).toString();
    if (chosen.isEmpty()) return {};
    const QString metric = metricDisplayName(choice.value(QLatin1String("metric")).toString());
    QString chosenScore;
    QStringList others;
    for (const QJsonValue& v : choice.value(QLatin1String("candidates")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString family = c.value(QLatin1String("family")).toString();
        const QString text =
            tr("%1 %2 ± %3")
                .arg(modelFamilyName(family), score(c.value(QLatin1String("mean"))),
                     score(c.value(QLatin1String("std"))));
        if (family == chosen)
            chosenScore = tr("%1 ± %2").arg(score(c.value(QLatin1String("mean"))),
                                            score(c.value(QLatin1String("std"))));
        else
            others << text.toHtmlEscaped();
    }
    const QString name = modelFamilyName(chosen).toHtmlEscaped();
    if (chosenScore.isEmpty()) return tr("Auto chose <b>%1</b>.").arg(name);
    QString text = tr("Auto chose <b>%1</b> because it scored best in cross-validation on the "
                      "training rows: %2 %3")
                       .arg(name, metric.toHtmlEscaped(), chosenScore);
    if (!others.isEmpty())
        text += QStringLiteral("; ") + tr("the others: %1").arg(others.join(QStringLiteral(", ")));
    return text + QLatin1Char('.') + finalFitText(choice.value(QLatin1String("final_fit")).toObject());
}

// How auto's final model trained: on every non-test row, for the folds' mean best epoch or round.
QString ModelInsightView::finalFitText(const QJsonObject& fit) const {
    if (!fit.contains(QLatin1String("rows"))) return {};
    const int rows = fit.value(QLatin1String("rows")).toInt();
    QString text = QStringLiteral(" ");
    if (fit.contains(QLatin1String("rounds")))
        text += tr("The final model then trained on all %1 non-test rows for %2 boosting rounds, "
                   "the folds' mean best.")
                    .arg(rows)
                    .arg(fit.value(QLatin1String("rounds")).toInt());
    else if (fit.contains(QLatin1String("epochs")))
        text += tr("The final model then trained on all %1 non-test rows for %2 epochs, the "
                   "folds' mean best.")
                    .arg(rows)
                    .arg(fit.value(QLatin1String("epochs")).toInt());
    else
        text += tr("The final model then trained on all %1 non-test rows.").arg(rows);
    return text;
}

QString ModelInsightView::cvCaption() const {
    const QJsonObject cv = m_report.value(QLatin1String("cv")).toObject();
    const int folds = cv.value(QLatin1String("folds")).toInt(m_cv->folds());
    return tr("%1-fold cross-validation on the training and validation rows (the test rows are "
              "kept apart): each fold is scored on the rows held out of it.")
        .arg(folds);
}

void ModelInsightView::retranslateUi() {
    const QString choice = choiceText();
    m_choice->setText(choice);
    m_choice->setVisible(!choice.isEmpty());
    m_cvGroup->setTitle(tr("Cross-validation"));
    m_cvCaption->setText(cvCaption());
    // The model's headers follow the language too.
    showCv();
}

void ModelInsightView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
