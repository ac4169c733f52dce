#pragma once

#include <QString>
#include <QWidget>

#include "widgets/pipeline_data.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTextBrowser;

namespace kiln {
namespace widgets {

class DriftHistoryChart;
class PipelineGraphView;

// A pipeline's page: its name, file and schedule (with the next run) and Run Now, Schedule and
// Unschedule; the steps of the chosen run as a graph coloured by status; the history of its runs;
// the chosen step's record, log and, for a gate, the comparison with production; and the drift
// of the monitored model's data over time. Reads the catalog on a pool thread (reload()). The
// buttons only ask (runNowRequested, …): whoever owns the page runs the `kiln` commands.
class PipelinePage : public QWidget {
    Q_OBJECT
public:
    // The pipeline of `file`, or recorded as `name` when `file` is empty.
    PipelinePage(const QString& workspaceDir, const QString& name, const QString& file, QWidget* parent = nullptr);

    QString pipelineName() const { return m_name; }
    QString file() const { return m_file; }
    // Reads the pipeline again (after a run, a schedule change).
    void reload();
    bool isLoading() const { return m_loading; }
    const PipelineData& data() const { return m_data; }
    // Shows that a run started from here is going on (Run Now disabled, the line says so).
    void setRunning(bool running, const QString& message = {});

    // Shows run `number` (the newest when 0) and, when given, its step `step`.
    void selectRun(std::int64_t number);
    void selectStep(int index);
    std::int64_t selectedRun() const { return m_run; }
    int selectedStep() const;

    PipelineGraphView* graph() const { return m_graph; }
    QTableWidget* history() const { return m_history; }
    QTextBrowser* stepView() const { return m_stepView; }
    QPlainTextEdit* logView() const { return m_log; }
    QTextBrowser* gateView() const { return m_gate; }
    DriftHistoryChart* driftChart() const { return m_drift; }
    QTabWidget* sections() const { return m_sections; }
    QTabWidget* stepTabs() const { return m_stepTabs; }
    QLabel* scheduleLabel() const { return m_schedule; }
    QPushButton* runNowButton() const { return m_runNow; }
    QPushButton* scheduleButton() const { return m_scheduleButton; }
    QPushButton* unscheduleButton() const { return m_unschedule; }

Q_SIGNALS:
    void loaded();
    void runNowRequested(const QString& file);
    void scheduleRequested(const QString& file, bool schedule);
    void openRunRequested(const QString& runId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void display(const kiln::Result<PipelineData>& data);
    void fillHistory();
    void showRun();
    void showStep();
    const kiln::PipelineRunRecord* currentRun() const;
    QString trainedRunOfStep() const;
    void retranslateUi();

    QString m_workspace, m_name, m_file;
    PipelineData m_data;
    QString m_error;
    std::int64_t m_run = 0;
    bool m_loading = false;
    bool m_running = false;
    QString m_runningText;
    int m_generation = 0;

    QLabel* m_title;
    QLabel* m_fileLabel;
    QLabel* m_schedule;
    QLabel* m_state;
    QPushButton* m_runNow;
    QPushButton* m_scheduleButton;
    QPushButton* m_unschedule;
    QTabWidget* m_sections;
    QLabel* m_runTitle;
    PipelineGraphView* m_graph;
    QTableWidget* m_history;
    QTabWidget* m_stepTabs;
    QTextBrowser* m_stepView;
    QPlainTextEdit* m_log;
    QTextBrowser* m_gate;
    QPushButton* m_openRun;
    QLabel* m_historyTitle;
    DriftHistoryChart* m_drift;
};

}  // namespace widgets
}  // namespace kiln
