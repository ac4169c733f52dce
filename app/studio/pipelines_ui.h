#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QEvent;
class QProcess;
class QTabWidget;
class QTimer;
class QWidget;

namespace kiln {
namespace widgets {
class JobManager;
class PipelinePage;
}  // namespace widgets
}  // namespace kiln

namespace kiln {
namespace studio {

// Pipelines in Studio: File ▸ Open Pipeline…, a page per pipeline (widgets/PipelinePage) in the
// centre tabs, and what its buttons ask for, done by this build's `kiln`: Run Now as
// `kiln pipeline run FILE` (a job in the Jobs dock, Cancel ends it; the page follows its steps as
// the catalog records them), Schedule and Unschedule as `kiln pipeline schedule|unschedule FILE`.
class PipelinesUi : public QObject {
    Q_OBJECT
public:
    static constexpr int kFollowIntervalMs = 700;

    PipelinesUi(QTabWidget* tabs, kiln::widgets::JobManager* jobs, QWidget* window);

    void setWorkspace(const QString& dir);
    QAction* openAction() const { return m_open; }
    // Opens (or shows again) the page of the pipeline in `file`, or recorded as `name`.
    kiln::widgets::PipelinePage* openPipeline(const QString& name, const QString& file);
    // Runs the pipeline in `file`; false when a run of it is already going on or kiln is missing.
    bool runNow(const QString& file);
    // Installs (or removes) the file's schedule.
    void schedule(const QString& file, bool install);
    bool isRunning() const { return m_process != nullptr; }
    // The last message Schedule or Unschedule showed (for tests).
    QString lastScheduleMessage() const { return m_scheduleMessage; }
    void chooseFile();

Q_SIGNALS:
    void catalogChanged();
    void openRunRequested(const QString& runId);
    void scheduleFinished(bool ok, const QString& message);
    void runFinished(bool ok);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    kiln::widgets::PipelinePage* pageFor(const QString& file) const;
    void runEnded(int code, bool crashed);
    void retranslateUi();

    QTabWidget* m_tabs;
    kiln::widgets::JobManager* m_jobs;
    QWidget* m_window;
    QString m_workspace;
    QAction* m_open;
    QProcess* m_process = nullptr;  // the pipeline run going on
    QString m_runFile;
    QByteArray m_runErrors;
    int m_job = 0;
    QTimer* m_follow;
    QString m_scheduleMessage;
};

}  // namespace studio
}  // namespace kiln
