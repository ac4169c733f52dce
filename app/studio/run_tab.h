#pragma once

#include <QWidget>

#include "widgets/run_record.h"

class QJsonObject;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeWidget;

namespace kiln {
namespace widgets {
class DecisionTreeView;
class EvaluationView;
class ModelInsightView;
class RunCurvesView;
}  // namespace widgets
}  // namespace kiln

namespace kiln {
namespace studio {

class RunController;

// One run: its live curves while it trains (from the controller's events), progress with epoch
// (a boosting round for boosted trees), step and ETA, the log, the environment and spec,
// Cancel/Resume; once finished the evaluation (report.json), the Model page (what auto chose and
// why, the cross-validation table, feature importance) and, for a decision tree, the tree drawn. A
// run on an SSH host looks the same, with the host named in the subtitle; when the connection to
// its host is lost the tab says so (status "Connection lost", the reason) and offers Reconnect
// while the worker trains on. Opened after a restart it shows the same, read from the catalog and
// the run folder. A run that trains in a worker this Studio does not follow (started by the CLI or
// by an earlier Studio) is read again every few seconds until it ends.
class RunTab : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPollMs = 2000;

    RunTab(const QString& workspace, const QString& runId, RunController* controller,
           QWidget* parent = nullptr);

    QString runId() const { return m_runId; }
    QString status() const { return m_record.status; }
    const kiln::widgets::RunRecord& record() const { return m_record; }
    // True once the catalog record was read the first time.
    bool isLoaded() const { return m_loaded; }
    kiln::widgets::RunCurvesView* curves() const { return m_curves; }
    kiln::widgets::EvaluationView* evaluation() const { return m_evaluation; }
    // The Model page (auto's choice, CV table, importance) and the Tree page (a decision tree),
    // each shown only when report.json has something for it.
    kiln::widgets::ModelInsightView* insight() const { return m_insight; }
    kiln::widgets::DecisionTreeView* treeView() const { return m_tree; }
    QTabWidget* pages() const { return m_pages; }
    QProgressBar* progressBar() const { return m_progress; }
    QString progressText() const;
    QString logText() const;
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* reconnectButton() const { return m_reconnect; }
    QString subtitleText() const;
    // What the tab says under its header about a failure or a lost connection.
    QString errorText() const;
    // Export ONNX… and Register as Model…, shown once the run completed.
    QPushButton* exportButton() const { return m_export; }
    QPushButton* registerButton() const { return m_register; }

    // Reads the run from the catalog again (in the pool).
    void reload();

Q_SIGNALS:
    // The record was read (first time and after each reload).
    void loaded();
    void statusChanged(const QString& status);
    // The Export ONNX… and Register as Model… buttons (handled by ExportUi).
    void exportRequested(const QString& runId);
    void registerRequested(const QString& runId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onEvent(const QString& runId, const kiln::WorkerEvent& event);
    void onFinished(const QString& runId, const QString& status, const QString& error);
    void showRecord(const kiln::widgets::RunRecord& record);
    void applyEvent(const kiln::WorkerEvent& event);
    void appendLog(const kiln::widgets::RunLogLine& line);
    void showEnvironment();
    void showHeader();
    QString lostText(const QString& error) const;
    void showError();
    void reconnect();
    void showProgress();
    void setStatus(const QString& status);
    void retranslateUi();
    QString statusName(const QString& status) const;
    QString finishedText() const;
    void showReport();
    // The family that trained: report.json's (auto's choice), else the spec's.
    QString family() const;
    bool isRounds() const;  // boosted trees: a step is a round
    int totalEpochs() const;

    QString m_workspace;
    QString m_runId;
    RunController* m_controller;
    kiln::widgets::RunRecord m_record;
    QVector<kiln::widgets::RunLogLine> m_log;
    double m_nowTime = 0;          // wall time of the latest event
    double m_recordEventTime = 0;  // wall time of the last event in the record read
    bool m_loaded = false;
    QString m_note;       // why a restart failed, shown instead of the record's error
    QString m_lostError;  // why the connection to the run's host was lost
    int m_generation = 0;
    QTimer* m_poll;

    QLabel* m_title;
    QLabel* m_statusChip;
    QLabel* m_subtitle;
    QProgressBar* m_progress;
    QLabel* m_progressLabel;
    QPushButton* m_cancel;
    QPushButton* m_resume;
    QPushButton* m_reconnect;
    QPushButton* m_export;
    QPushButton* m_register;
    QLabel* m_error;
    QTabWidget* m_pages;
    kiln::widgets::RunCurvesView* m_curves;
    kiln::widgets::EvaluationView* m_evaluation;
    kiln::widgets::ModelInsightView* m_insight;
    kiln::widgets::DecisionTreeView* m_tree;
    QPlainTextEdit* m_logView;
    QTreeWidget* m_environment;
    QPlainTextEdit* m_specView;
};

}  // namespace studio
}  // namespace kiln
