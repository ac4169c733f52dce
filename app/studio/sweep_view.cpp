#include "app/studio/sweep_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/studio/sweep_dialog.h"
#include "widgets/parallel_coordinates_view.h"

namespace kiln {
namespace studio {

namespace {
QColor statusColour(const QString& s) {
    if (s == QLatin1String("completed")) return QColor(0x2e, 0x7d, 0x32);
    if (s == QLatin1String("running")) return QColor(0x15, 0x65, 0xc0);
    if (s == QLatin1String("failed")) return QColor(0xc6, 0x28, 0x28);
    return QColor(0x8d, 0x6e, 0x63);
}
}  // namespace

QString SweepView::statusText(const QString& status) const {
    if (status == QLatin1String("running")) return tr("running");
    if (status == QLatin1String("completed")) return tr("completed");
    if (status == QLatin1String("failed")) return tr("failed");
    if (status == QLatin1String("cancelled")) return tr("cancelled");
    if (status == QLatin1String("stopped")) return tr("stopped early (median rule)");
    return status;
}

SweepView::SweepView(SweepController* controller, QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_title(new QLabel(this)),
      m_best(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(this)),
      m_compare(new QPushButton(this)),
      m_table(new QTableWidget(this)),
      m_plot(new kiln::widgets::ParallelCoordinatesView(this)) {
    setObjectName(QStringLiteral("sweepView"));
    m_table->setObjectName(QStringLiteral("sweepTrials"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_best->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_compare->setEnabled(false);
    auto* head = new QHBoxLayout;
    head->addWidget(m_title);
    head->addWidget(m_progress, 1);
    head->addWidget(m_compare);
    head->addWidget(m_cancel);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_plot);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(head);
    layout->addWidget(m_best);
    layout->addWidget(split, 1);

    connect(m_cancel, &QPushButton::clicked, m_controller, &SweepController::cancel);
    connect(m_compare, &QPushButton::clicked, this, [this] {
        QStringList ids;
        for (const auto& t : m_controller->trials())
            if (!t.runId.isEmpty()) ids << t.runId;
        Q_EMIT compareRequested(ids);
    });
    connect(m_controller, &SweepController::sweepPlanned, this, [this] {
        rebuildColumns();
        updateHeader();
    });
    connect(m_controller, &SweepController::trialChanged, this, &SweepView::updateTrial);
    connect(m_controller, &SweepController::bestChanged, this, [this] {
        for (const auto& t : m_controller->trials()) updateTrial(t.number);
    });
    connect(m_controller, &SweepController::finished, this, [this] { updateHeader(); });
    retranslateUi();
}

void SweepView::retranslateUi() {
    m_cancel->setText(tr("Cancel Sweep"));
    m_compare->setText(tr("Compare Trials"));
    rebuildColumns();
    updateHeader();
}

void SweepView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void SweepView::rebuildColumns() {
    QStringList headers{tr("Trial"), tr("Status"), tr("Run")};
    headers << m_controller->paramNames();
    headers << m_controller->request().metric;
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    // A choice (hidden=choice:4|8|16) is drawn as categories, even of numbers.
    QStringList choices;
    for (const QString& param : m_controller->request().params)
        if (param.section(QLatin1Char('='), 1).startsWith(QLatin1String("choice:")))
            choices << param.section(QLatin1Char('='), 0, 0).trimmed();
    m_plot->setAxes(m_controller->paramNames(), m_controller->request().metric,
                    m_controller->maximize(), choices);
    for (const auto& t : m_controller->trials()) updateTrial(t.number);
}

void SweepView::updateTrial(int number) {
    const auto trials = m_controller->trials();
    const SweepTrialInfo* info = nullptr;
    for (const auto& t : trials)
        if (t.number == number) info = &t;
    if (!info) return;
    if (m_table->rowCount() < number) m_table->setRowCount(number);
    const int row = number - 1;
    const bool best = number == m_controller->bestTrial();
    auto set = [&](int col, const QString& text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(align);
        if (best) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
            item->setBackground(QColor(0xe8, 0xf5, 0xe9));
        }
        m_table->setItem(row, col, item);
        return item;
    };
    set(0, QString::number(number), Qt::AlignRight | Qt::AlignVCenter);
    QString status = statusText(info->status);
    if (info->status == QLatin1String("running") && info->epoch > 0)
        status = tr("running (epoch %1)").arg(info->epoch);
    if (!info->error.isEmpty()) status += QStringLiteral(": ") + info->error;
    set(1, status)->setForeground(statusColour(info->status));
    set(2, info->runId);
    const QStringList names = m_controller->paramNames();
    for (int i = 0; i < names.size(); ++i) {
        QString value;
        for (const auto& [k, v] : info->assignment)
            if (k == names[i]) value = v;
        set(3 + i, value);
    }
    set(3 + int(names.size()), info->value ? QString::number(*info->value, 'g', 5) : QString(),
        Qt::AlignRight | Qt::AlignVCenter);
    kiln::widgets::ParallelLine line;
    line.id = number;
    line.values = info->assignment;
    line.metric = info->value;
    m_plot->setLine(line);
    updateHeader();
}

QString SweepView::bestText() const { return m_best->text(); }

void SweepView::updateHeader() {
    const auto trials = m_controller->trials();
    int finished = 0;
    for (const auto& t : trials)
        if (t.status != QLatin1String("running")) ++finished;
    const int planned = m_controller->planned();
    m_title->setText(m_controller->sweepId().isEmpty()
                         ? tr("Sweep starting…")
                         : tr("Sweep %1").arg(m_controller->sweepId()));
    m_progress->setRange(0, std::max(1, planned));
    m_progress->setValue(finished);
    m_progress->setFormat(tr("%1 of %2 trials done").arg(finished).arg(planned));
    const int best = m_controller->bestTrial();
    QString text;
    if (best > 0) {
        for (const auto& t : trials)
            if (t.number == best) {
                QStringList values;
                for (const auto& [k, v] : t.assignment) values << k + QLatin1Char('=') + v;
                text = tr("Best so far: trial %1, %2 = %3 (%4)")
                           .arg(best)
                           .arg(m_controller->request().metric)
                           .arg(t.value ? QString::number(*t.value, 'g', 5) : QStringLiteral("-"))
                           .arg(values.join(QStringLiteral(", ")));
            }
    } else {
        text = tr("No trial has finished yet");
    }
    if (!m_controller->isRunning() && !m_controller->message().isEmpty()) {
        if (best > 0)
            text.replace(tr("Best so far:"), tr("Best:")).append(QStringLiteral(" · ") +
                                                              tr("run %1").arg(m_controller->bestRunId()));
        else
            text = m_controller->message();
        m_table->resizeColumnsToContents();
    }
    m_best->setText(text);
    m_cancel->setEnabled(m_controller->isRunning());
    m_compare->setEnabled(!trials.isEmpty());
}

}  // namespace studio
}  // namespace kiln
