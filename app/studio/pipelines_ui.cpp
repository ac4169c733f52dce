#include "app/studio/pipelines_ui.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QProcess>
#include <QTabWidget>
#include <QTimer>

#include "app/studio/kiln_path.h"
#include "widgets/job_manager.h"
#include "widgets/pipeline_page.h"
#include "widgets/recent_folder.h"

namespace kiln {
namespace studio {
namespace {

// The last "kiln: error: …" line of a command's standard error, else all of it.
QString errorOf(const QByteArray& stderrText) {
    QString message = QString::fromUtf8(stderrText).trimmed();
    const int at = message.lastIndexOf(QLatin1String("kiln: error: "));
    if (at >= 0) message = message.mid(at + 13).section(QLatin1Char('\n'), 0, 0);
    return message;
}

}  // namespace

PipelinesUi::PipelinesUi(QTabWidget* tabs, kiln::widgets::JobManager* jobs, QWidget* window)
    : QObject(window), m_tabs(tabs), m_jobs(jobs), m_window(window), m_open(new QAction(this)), m_follow(new QTimer(this)) {
    m_open->setObjectName(QStringLiteral("actionOpenPipeline"));
    m_open->setIcon(QIcon(QStringLiteral(":/icons/pipeline.svg")));
    connect(m_open, &QAction::triggered, this, &PipelinesUi::chooseFile);
    // While a run goes on, its page follows the steps as the catalog records them.
    m_follow->setInterval(kFollowIntervalMs);
    connect(m_follow, &QTimer::timeout, this, [this] {
        if (auto* page = pageFor(m_runFile); page && !page->isLoading()) page->reload();
    });
    window->installEventFilter(this);
    retranslateUi();
}

bool PipelinesUi::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange) retranslateUi();
    return QObject::eventFilter(watched, event);
}

void PipelinesUi::retranslateUi() {
    m_open->setText(tr("Open &Pipeline…"));
    m_open->setStatusTip(tr("Open a pipeline file (YAML): its steps, runs, schedule and drift"));
}

void PipelinesUi::setWorkspace(const QString& dir) {
    m_workspace = dir;
    m_open->setEnabled(!dir.isEmpty());
}

void PipelinesUi::chooseFile() {
    const QString file = QFileDialog::getOpenFileName(m_window, tr("Open Pipeline"),
                                                      kiln::widgets::recentFolder(QStringLiteral("pipeline")),
                                                      tr("Pipeline files (*.yaml *.yml);;All files (*)"));
    if (file.isEmpty()) return;
    kiln::widgets::rememberFolder(QStringLiteral("pipeline"), file);
    openPipeline(QString(), file);
}

kiln::widgets::PipelinePage* PipelinesUi::pageFor(const QString& file) const {
    if (file.isEmpty()) return nullptr;
    const QString wanted = QFileInfo(file).absoluteFilePath();
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* page = qobject_cast<kiln::widgets::PipelinePage*>(m_tabs->widget(i)))
            if (QFileInfo(page->file()).absoluteFilePath() == wanted) return page;
    return nullptr;
}

kiln::widgets::PipelinePage* PipelinesUi::openPipeline(const QString& name, const QString& file) {
    kiln::widgets::PipelinePage* page = pageFor(file);
    for (int i = 0; !page && i < m_tabs->count(); ++i)
        if (auto* p = qobject_cast<kiln::widgets::PipelinePage*>(m_tabs->widget(i)); p && !name.isEmpty() && p->pipelineName() == name)
            page = p;
    if (page) {
        m_tabs->setCurrentWidget(page);
        page->reload();
        return page;
    }
    const QString absolute = file.isEmpty() ? QString() : QFileInfo(file).absoluteFilePath();
    page = new kiln::widgets::PipelinePage(m_workspace, name, absolute, m_tabs);
    const QString title = name.isEmpty() ? QFileInfo(file).completeBaseName() : name;
    m_tabs->setCurrentIndex(m_tabs->addTab(page, QIcon(QStringLiteral(":/icons/pipeline.svg")), title));
    connect(page, &kiln::widgets::PipelinePage::loaded, this, [this, page] {
        if (const int index = m_tabs->indexOf(page); index >= 0 && !page->pipelineName().isEmpty())
            m_tabs->setTabText(index, page->pipelineName());
    });
    connect(page, &kiln::widgets::PipelinePage::runNowRequested, this, [this](const QString& f) { runNow(f); });
    connect(page, &kiln::widgets::PipelinePage::scheduleRequested, this, &PipelinesUi::schedule);
    connect(page, &kiln::widgets::PipelinePage::openRunRequested, this, &PipelinesUi::openRunRequested);
    if (m_process && page->file() == m_runFile) page->setRunning(true);
    return page;
}

bool PipelinesUi::runNow(const QString& file) {
    if (m_process || file.isEmpty()) return false;
    const QString kiln = kilnPath();
    if (kiln.isEmpty()) {
        QMessageBox::warning(m_window, tr("Cannot Run the Pipeline"),
                             tr("Kiln's command-line program was not found, so the pipeline cannot run."));
        return false;
    }
    m_runFile = QFileInfo(file).absoluteFilePath();
    m_runErrors.clear();
    m_process = new QProcess(this);
    m_process->setProgram(kiln);
    m_process->setArguments({QStringLiteral("--workspace"), m_workspace, QStringLiteral("pipeline"), QStringLiteral("run"),
                             m_runFile, QStringLiteral("--json")});
    m_process->setStandardOutputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardError, this, [this] { m_runErrors += m_process->readAllStandardError(); });
    connect(m_process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this](int code, QProcess::ExitStatus status) { runEnded(code, status != QProcess::NormalExit); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) runEnded(-1, true);
    });
    const kiln::widgets::PipelinePage* page = pageFor(m_runFile);
    const QString name = page && !page->pipelineName().isEmpty() ? page->pipelineName() : QFileInfo(file).completeBaseName();
    m_job = m_jobs->track(QStringLiteral("Pipeline %1").arg(name), [this] {
        if (m_process) m_process->terminate();  // kiln records the step as failed and ends
    });
    if (auto* shown = pageFor(m_runFile)) shown->setRunning(true);
    m_process->start();
    m_follow->start();
    return true;
}

void PipelinesUi::runEnded(int code, bool crashed) {
    if (!m_process) return;
    m_follow->stop();
    const bool ok = !crashed && code == 0;
    QString message = errorOf(m_runErrors);
    if (!ok && message.isEmpty()) message = QStringLiteral("the pipeline run ended (exit %1)").arg(code);
    m_jobs->finishTracked(m_job, ok ? kiln::widgets::JobState::Completed : kiln::widgets::JobState::Failed,
                          ok ? QStringLiteral("completed") : message);
    m_process->deleteLater();
    m_process = nullptr;
    if (auto* page = pageFor(m_runFile)) {
        page->setRunning(false);
        page->reload();
    }
    Q_EMIT catalogChanged();
    Q_EMIT runFinished(ok);
}

void PipelinesUi::schedule(const QString& file, bool install) {
    const QString kiln = kilnPath();
    if (kiln.isEmpty() || file.isEmpty()) return;
    auto* process = new QProcess(this);
    process->setProgram(kiln);
    process->setArguments({QStringLiteral("--workspace"), m_workspace, QStringLiteral("pipeline"),
                           install ? QStringLiteral("schedule") : QStringLiteral("unschedule"),
                           QFileInfo(file).absoluteFilePath()});
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, process, file, install](int code, QProcess::ExitStatus status) {
                process->deleteLater();
                const bool ok = status == QProcess::NormalExit && code == 0;
                m_scheduleMessage = ok ? QString::fromUtf8(process->readAllStandardOutput()).trimmed()
                                       : errorOf(process->readAllStandardError());
                if (auto* page = pageFor(file)) page->reload();
                Q_EMIT catalogChanged();
                Q_EMIT scheduleFinished(ok, m_scheduleMessage);
                auto* box = new QMessageBox(ok ? QMessageBox::Information : QMessageBox::Warning,
                                            ok ? (install ? tr("Pipeline Scheduled") : tr("Pipeline Unscheduled"))
                                               : (install ? tr("Cannot Schedule the Pipeline") : tr("Cannot Unschedule the Pipeline")),
                                            m_scheduleMessage, QMessageBox::Ok, m_window);
                box->setObjectName(QStringLiteral("scheduleResultBox"));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            });
    process->start();
}

}  // namespace studio
}  // namespace kiln
