#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace kiln {
namespace widgets {
class ParallelCoordinatesView;
}
}  // namespace kiln

namespace kiln {
namespace studio {

class SweepController;

// A sweep's tab: progress of its trials (a table: number, status, run, swept values, metric),
// the best trial so far, and the parallel-coordinates plot filling in as trials report. Cancel
// stops the queue; Compare opens the trials in a Compare tab.
class SweepView : public QWidget {
    Q_OBJECT
public:
    explicit SweepView(SweepController* controller, QWidget* parent = nullptr);

    QTableWidget* trialTable() const { return m_table; }
    kiln::widgets::ParallelCoordinatesView* plot() const { return m_plot; }
    QString bestText() const;
    // A trial's status as the table shows it ("stopped" by the median rule, …), translated.
    QString statusText(const QString& status) const;

Q_SIGNALS:
    void compareRequested(const QStringList& runIds);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void rebuildColumns();
    void updateTrial(int number);
    void updateHeader();

    SweepController* m_controller;
    QLabel* m_title;
    QLabel* m_best;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPushButton* m_compare;
    QTableWidget* m_table;
    kiln::widgets::ParallelCoordinatesView* m_plot;
};

}  // namespace studio
}  // namespace kiln
