#include "app/studio/training_ui.h"

#include <QAction>
#include <QEvent>
#include <QIcon>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>

#include "app/studio/run_controller.h"
#include "app/studio/run_tab.h"
#include "app/studio/train_panel.h"
#include "widgets/dataset_page.h"
#include "widgets/image_dataset_page.h"
#include "widgets/navigator_view.h"

namespace kiln {
namespace studio {

TrainingUi::TrainingUi(QTabWidget* tabs, kiln::widgets::NavigatorView* navigator,
                       kiln::widgets::EnvironmentProbe* environment, QWidget* window)
    : QObject(window),
      m_tabs(tabs),
      m_navigator(navigator),
      m_environment(environment),
      m_window(window),
      m_controller(new RunController(this)),
      m_menu(new QMenu(window)),
      m_train(new QAction(QIcon(QStringLiteral(":/icons/run.svg")), QString(), this)) {
    m_menu->setObjectName(QStringLiteral("menuRun"));
    m_train->setObjectName(QStringLiteral("actionTrain"));
    m_train->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_menu->addAction(m_train);
    // From a dataset's tab, Train… starts with that dataset (and version) chosen.
    connect(m_train, &QAction::triggered, this, [this] {
        QWidget* current = m_tabs->currentWidget();
        QString reference;
        if (auto* table = qobject_cast<kiln::widgets::DatasetPage*>(current))
            reference = table->reference();
        else if (auto* images = qobject_cast<kiln::widgets::ImageDatasetPage*>(current))
            reference = images->reference();
        openTrainPanel(reference);
    });
    connect(m_controller, &RunController::runsChanged, this, [this] {
        if (m_navigator) m_navigator->reload();
    });
    connect(m_controller, &RunController::runCreated, this, [this](int request, const QString& id) {
        if (request == m_openRequest) openRun(id);
    });
    connect(m_controller, &RunController::startFailed, this, [this](int, const QString& why) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Start the Run"),
                                    tr("The run could not be started."), QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("runStartError"));
        box->setInformativeText(why);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    window->installEventFilter(this);
    retranslateUi();
}

void TrainingUi::setWorkspace(const QString& dir) {
    m_workspace = dir;
    m_controller->setWorkspace(dir);
    m_controller->reattach();
}

int TrainingUi::addTab(QWidget* page, const QString& title, const QString& icon) {
    const int index = m_tabs->addTab(page, QIcon(icon), title);
    m_tabs->setCurrentIndex(index);
    return index;
}

TrainPanel* TrainingUi::findTrainPanel() const {
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* panel = qobject_cast<TrainPanel*>(m_tabs->widget(i))) return panel;
    return nullptr;
}

void TrainingUi::catalogChanged() {
    if (TrainPanel* panel = findTrainPanel()) panel->reloadDatasets();
}

void TrainingUi::reloadHosts() {
    if (TrainPanel* panel = findTrainPanel()) panel->reloadHosts();
}

TrainPanel* TrainingUi::openTrainPanel(const QString& dataset) {
    TrainPanel* panel = findTrainPanel();
    if (!panel) {
        panel = new TrainPanel(m_environment, m_tabs);
        connect(panel, &TrainPanel::trainRequested, this, &TrainingUi::startRun);
        addTab(panel, tr("Train"), QStringLiteral(":/icons/run.svg"));
    }
    if (panel->property("workspace").toString() != m_workspace) {
        panel->setProperty("workspace", m_workspace);
        panel->setWorkspace(m_workspace);
    }
    if (!dataset.isEmpty()) panel->selectDataset(dataset);
    m_tabs->setCurrentWidget(panel);
    return panel;
}

RunTab* TrainingUi::findRunTab(const QString& runId) const {
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* tab = qobject_cast<RunTab*>(m_tabs->widget(i));
        if (tab && tab->runId() == runId) return tab;
    }
    return nullptr;
}

RunTab* TrainingUi::openRun(const QString& runId) {
    if (RunTab* tab = findRunTab(runId)) {
        m_tabs->setCurrentWidget(tab);
        return tab;
    }
    auto* tab = new RunTab(m_workspace, runId, m_controller, m_tabs);
    const int index = addTab(tab, runId, QStringLiteral(":/icons/run.svg"));
    connect(tab, &RunTab::loaded, this, [this, tab] {
        const int i = m_tabs->indexOf(tab);
        if (i >= 0 && !tab->record().name.isEmpty()) {
            m_tabs->setTabText(i, tab->record().name);
            m_tabs->setTabToolTip(i, tab->runId());
        }
    });
    Q_UNUSED(index);
    return tab;
}

void TrainingUi::startRun(const kiln::RunSpec& spec, qint64 versionId, const QString& host) {
    m_openRequest = m_controller->startRun(spec, versionId, host);
}

void TrainingUi::retranslateUi() {
    m_menu->setTitle(tr("&Run"));
    m_train->setText(tr("&Train…"));
    m_train->setStatusTip(tr("Define a training run on a dataset and start it"));
    for (int i = 0; i < m_tabs->count(); ++i)
        if (qobject_cast<TrainPanel*>(m_tabs->widget(i))) m_tabs->setTabText(i, tr("Train"));
}

bool TrainingUi::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange) retranslateUi();
    return QObject::eventFilter(watched, event);
}

}  // namespace studio
}  // namespace kiln
