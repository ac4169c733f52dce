#include "app/studio/samples_ui.h"

#include <QAction>
#include <QEvent>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>

#include "app/studio/import_controller.h"
#include "app/studio/sample_texts.h"
#include "app/studio/train_panel.h"
#include "app/studio/training_ui.h"
#include "core/data/dataset_catalog.h"
#include "core/store/workspace.h"

namespace kiln {
namespace studio {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

// The name a sample imports under: its own, unless a dataset of that name came from elsewhere
// (a person's own "penguins"), which a sample must not add a version to.
QString datasetNameFor(const QString& workspace, const kiln::Sample& sample) {
    auto ws = kiln::Workspace::open(workspace.toStdString(), false);
    if (!ws) return qs(sample.name);
    kiln::DatasetCatalog catalog((*ws)->catalog());
    auto versions = catalog.versions(sample.name);
    if (!versions || versions->empty()) return qs(sample.name);
    for (const auto& v : *versions)
        if (v.sourcePath != sample.path) return qs(sample.name + "_sample");
    return qs(sample.name);
}

}  // namespace

SamplesUi::SamplesUi(ImportController* imports, TrainingUi* training, QTabWidget* tabs,
                     QWidget* window)
    : QObject(window),
      m_imports(imports),
      m_training(training),
      m_tabs(tabs),
      m_window(window),
      m_menu(new QMenu(window)) {
    m_menu->setObjectName(QStringLiteral("menuOpenSample"));
    m_menu->menuAction()->setObjectName(QStringLiteral("menuOpenSample"));
    m_menu->installEventFilter(this);
    auto samples = kiln::loadSamples(kiln::findSamplesDirectory());
    if (samples)
        m_samples = std::move(*samples);
    else
        m_unavailable = qs(samples.error().toString());
    connect(m_imports, &ImportController::datasetImported, this, &SamplesUi::datasetImported);
    rebuildMenu();
}

void SamplesUi::rebuildMenu() {
    m_menu->clear();
    m_menu->setTitle(tr("Open &Sample"));
    for (const kiln::Sample& sample : m_samples) {
        QAction* action = m_menu->addAction(tr("%1 (%2)").arg(sampleTitle(sample), qs(sample.name)));
        action->setObjectName(QStringLiteral("actionSample_") + qs(sample.name));
        action->setStatusTip(sampleDescription(sample));
        const QString name = qs(sample.name);
        connect(action, &QAction::triggered, this, [this, name] { openSample(name); });
    }
    if (m_samples.empty()) {
        QAction* none = m_menu->addAction(tr("No samples installed"));
        none->setEnabled(false);
        none->setStatusTip(m_unavailable);
    }
}

bool SamplesUi::openSample(const QString& name) {
    const kiln::Sample* sample = nullptr;
    for (const kiln::Sample& s : m_samples)
        if (qs(s.name) == name) sample = &s;
    if (!sample || m_workspace.isEmpty()) {
        QMessageBox::warning(m_window, tr("Open Sample"),
                             !sample ? tr("There is no sample called %1.").arg(name)
                                     : tr("Open a workspace first: the sample is imported into it."));
        return false;
    }
    const QString dataset = datasetNameFor(m_workspace, *sample);
    m_pending.insert(dataset, *sample);
    const QString about = qs(kiln::describeSample(*sample));
    if (sample->kind == "images")
        m_imports->startImageImport(qs(sample->path), dataset, about);
    else
        m_imports->startFileImport(qs(sample->path), dataset, kiln::ImportOptions{}, about);
    Q_EMIT statusMessage(tr("Importing the sample %1…").arg(sampleTitle(*sample)));
    return true;
}

void SamplesUi::datasetImported(const QString& reference, const QString& kind) {
    Q_UNUSED(kind);
    const QString dataset = reference.section(QLatin1Char('@'), 0, 0);
    if (!m_pending.contains(dataset)) return;
    const kiln::Sample sample = m_pending.take(dataset);
    // The dataset's tab (opened by the window) stays in front; the Train panel waits beside it.
    QWidget* datasetTab = m_tabs->currentWidget();
    TrainPanel* panel = m_training->openTrainPanel(reference);
    panel->preferTarget(qs(sample.target));
    if (datasetTab) m_tabs->setCurrentWidget(datasetTab);
    Q_EMIT statusMessage(tr("%1 is ready: explore it here, or train it in the Train tab (%2 is the "
                            "target).")
                             .arg(sampleTitle(sample), qs(sample.target)));
    Q_EMIT sampleOpened(qs(sample.name), reference);
}

bool SamplesUi::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_menu && event->type() == QEvent::LanguageChange) rebuildMenu();
    return QObject::eventFilter(watched, event);
}

}  // namespace studio
}  // namespace kiln
