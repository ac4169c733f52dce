#include "app/studio/workspace_edits_ui.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUrl>

#include <algorithm>

#include "app/studio/run_tab.h"
#include "core/data/dataset_catalog.h"
#include "core/lifecycle/garbage.h"
#include "core/lifecycle/removal.h"
#include "core/lifecycle/renaming.h"
#include "core/lifecycle/stars.h"
#include "core/store/workspace.h"
#include "widgets/dataset_page.h"
#include "widgets/image_dataset_page.h"
#include "widgets/navigator_view.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace studio {

using kiln::widgets::CatalogEntry;
using kiln::widgets::CatalogKind;
using kiln::widgets::NavigatorView;

namespace {

constexpr int kDefaultUndoMs = 8000;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

kiln::Result<std::unique_ptr<kiln::Workspace>> openHere(const QString& dir) {
    return kiln::Workspace::open(dir.toStdString(), false);
}

kiln::RemovalTarget targetOf(const CatalogEntry& entry) {
    switch (entry.kind) {
    case CatalogKind::Dataset:
        if (entry.version > 0) return {kiln::RemovalKind::DatasetVersion, entry.reference().toStdString()};
        return {kiln::RemovalKind::Dataset, entry.name.toStdString()};
    case CatalogKind::Run: return {kiln::RemovalKind::Run, entry.id.toStdString()};
    case CatalogKind::Model: return {kiln::RemovalKind::Model, entry.name.toStdString()};
    case CatalogKind::Sweep: return {kiln::RemovalKind::Sweep, entry.id.toStdString()};
    case CatalogKind::Pipeline: break;  // not offered: a pipeline's records are its history
    }
    return {};
}

QString byteText(std::uint64_t bytes) {
    return QLocale().formattedDataSize(qint64(bytes));
}

}  // namespace

WorkspaceEditsUi::WorkspaceEditsUi(QTabWidget* tabs, NavigatorView* navigator, QMainWindow* window)
    : QObject(window),
      m_tabs(tabs),
      m_navigator(navigator),
      m_window(window),
      m_undoTimer(new QTimer(this)),
      m_undoBar(new QWidget(window)),
      m_undoLabel(new QLabel(m_undoBar)),
      m_undoButton(new QPushButton(m_undoBar)) {
    m_undoTimer->setSingleShot(true);
    m_undoTimer->setInterval(kDefaultUndoMs);
    connect(m_undoTimer, &QTimer::timeout, this, &WorkspaceEditsUi::commitPending);
    m_undoBar->setObjectName(QStringLiteral("undoBar"));
    auto* layout = new QHBoxLayout(m_undoBar);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(m_undoLabel);
    layout->addWidget(m_undoButton);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    connect(m_undoButton, &QPushButton::clicked, this, &WorkspaceEditsUi::undo);
    window->statusBar()->addWidget(m_undoBar);
    m_undoBar->hide();
    m_undoBar->installEventFilter(this);  // a new language: the bar says it again
    m_confirm = [this](const QString& title, const QString& text) {
        return QMessageBox::question(m_window, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_askName = [this](const QString& title, const QString& current) {
        bool ok = false;
        QString name = QInputDialog::getText(m_window, title, tr("New name:"), QLineEdit::Normal, current, &ok);
        return ok ? name : QString();
    };
    m_openFolder = [](const QString& path) { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); };
}

// A deletion still in its undo window when Studio closes was confirmed: carry it out.
WorkspaceEditsUi::~WorkspaceEditsUi() {
    if (!m_pending) return;
    if (auto ws = openHere(m_workspace)) (void)kiln::applyRemoval(**ws, *m_pending);
}

void WorkspaceEditsUi::setWorkspace(const QString& dir) {
    commitPending();
    m_workspace = dir;
}

void WorkspaceEditsUi::setConfirmer(std::function<bool(const QString&, const QString&)> confirm) {
    m_confirm = std::move(confirm);
}
void WorkspaceEditsUi::setNameAsker(std::function<QString(const QString&, const QString&)> ask) {
    m_askName = std::move(ask);
}
void WorkspaceEditsUi::setFolderOpener(std::function<void(const QString&)> open) {
    m_openFolder = std::move(open);
}
void WorkspaceEditsUi::setUndoMilliseconds(int ms) {
    m_undoTimer->setInterval(ms);
}

void WorkspaceEditsUi::remove(const QVector<CatalogEntry>& entries) {
    if (entries.isEmpty() || m_workspace.isEmpty()) return;
    commitPending();  // one undo window at a time
    std::vector<kiln::RemovalTarget> targets;
    for (const CatalogEntry& entry : entries) targets.push_back(targetOf(entry));
    const QString named = entries.size() == 1 ? (entries.front().kind == CatalogKind::Dataset
                                                     ? entries.front().reference()
                                                     : entries.front().name)
                                              : QString();
    const QString dir = m_workspace;
    kiln::widgets::runResultInPool<kiln::RemovalPlan>(
        this,
        [dir, targets]() -> kiln::Result<kiln::RemovalPlan> {
            auto ws = openHere(dir);
            if (!ws) return ws.error();
            return kiln::planRemoval(**ws, targets);
        },
        [this, named](kiln::Result<kiln::RemovalPlan> plan) {
            if (!plan) {
                report(tr("Cannot Delete"), kiln::widgets::errorText(plan.error()));
                Q_EMIT removalFinished(false, kiln::widgets::errorText(plan.error()));
                return;
            }
            confirmPlan(*plan, named);
        });
}

QString WorkspaceEditsUi::planText(const kiln::RemovalPlan& plan) const {
    QStringList lines;
    for (const auto& name : plan.datasets) lines << tr("Dataset %1, with all its versions").arg(qs(name));
    for (const auto& v : plan.versions)
        lines << tr("Version %1 of %2 (%3 rows)")
                     .arg(v.version)
                     .arg(qs(v.dataset), QLocale().toString(qulonglong(v.rows)));
    for (const auto& run : plan.runs) lines << tr("Run %1 (%2)").arg(qs(run.name), qs(run.id));
    for (const auto& id : plan.sweeps) lines << tr("The record of sweep %1").arg(qs(id));
    for (const auto& mv : plan.modelVersions)
        lines << tr("Model %1 version %2").arg(qs(mv.model)).arg(mv.version);
    QString text = tr("These will be deleted:") + QStringLiteral("\n\n• ") + lines.join(QStringLiteral("\n• "));
    QStringList notes;
    for (const auto& w : plan.warnings) {
        if (w.reason == kiln::RemovalWarning::Reason::StarredRun)
            notes << tr("Run %1 is starred.").arg(qs(w.runId));
        else if (w.stage == "production")
            notes << tr("Model %1 version %2 is in production.").arg(qs(w.model)).arg(w.modelVersion);
        else
            notes << tr("Model %1 version %2 is in staging.").arg(qs(w.model)).arg(w.modelVersion);
    }
    if (!notes.isEmpty()) text += QStringLiteral("\n\n") + notes.join(QLatin1Char('\n'));
    text += QStringLiteral("\n\n") + tr("You can undo this for a few seconds. The stored data is freed by "
                                         "Tools ▸ Free Unused Space.");
    return text;
}

QString WorkspaceEditsUi::blockersText(const kiln::RemovalPlan& plan) const {
    QStringList lines;
    for (const auto& b : plan.blockers) {
        using Reason = kiln::RemovalBlocker::Reason;
        if (b.reason == Reason::RunActive)
            lines << tr("Run %1 is still at work: cancel it first.").arg(qs(b.runId));
        else if (b.reason == Reason::RunMadeModel)
            lines << tr("Run %1 is the source of model %2 version %3: delete that model version first.")
                         .arg(qs(b.runId), qs(b.model))
                         .arg(b.modelVersion);
        else
            lines << tr("A version to delete trained model %1 version %2: delete that model version first.")
                         .arg(qs(b.model))
                         .arg(b.modelVersion);
    }
    return tr("Nothing was deleted.") + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n'));
}

// The navigator keys of everything the plan removes: what was named and what goes with it.
QStringList WorkspaceEditsUi::hiddenKeysOf(const kiln::RemovalPlan& plan) const {
    QStringList keys;
    auto has = [](const auto& list, const QString& value) {
        return std::find(list.begin(), list.end(), value.toStdString()) != list.end();
    };
    for (const CatalogEntry& e : m_navigator->snapshot().entries) {
        bool gone = false;
        if (e.kind == CatalogKind::Pipeline) continue;  // a pipeline's records stay
        if (e.kind == CatalogKind::Run)
            gone = std::any_of(plan.runs.begin(), plan.runs.end(), [&](const auto& r) { return qs(r.id) == e.id; });
        else if (e.kind == CatalogKind::Model)
            gone = has(plan.models, e.name);
        else if (e.kind == CatalogKind::Sweep)
            gone = has(plan.sweeps, e.id);
        else if (e.version == 0)
            gone = has(plan.datasets, e.name);
        else
            gone = std::any_of(plan.versions.begin(), plan.versions.end(), [&](const auto& v) {
                return qs(v.dataset) == e.name && v.version == e.version;
            });
        if (gone) keys << NavigatorView::entryKey(e);
    }
    return keys;
}

void WorkspaceEditsUi::confirmPlan(const kiln::RemovalPlan& plan, const QString& named) {
    if (!plan.allowed()) {
        const QString text = blockersText(plan);
        report(tr("Cannot Delete"), text);
        Q_EMIT removalFinished(false, text);
        return;
    }
    if (!m_confirm(tr("Delete"), planText(plan))) return;
    m_pending = std::make_unique<kiln::RemovalPlan>(plan);
    m_navigator->setHiddenEntries(hiddenKeysOf(plan));
    m_undoThings = int(plan.versions.size() + plan.runs.size() + plan.modelVersions.size());
    m_undoNamed = named;
    showUndoTexts();
    m_undoBar->show();
    m_undoTimer->start();
}

void WorkspaceEditsUi::showUndoTexts() {
    m_undoLabel->setText(m_undoNamed.isEmpty() ? tr("Deleted %n item(s).", nullptr, m_undoThings)
                                               : tr("Deleted %1.").arg(m_undoNamed));
    m_undoButton->setText(tr("Undo"));
}

bool WorkspaceEditsUi::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_undoBar && event->type() == QEvent::LanguageChange) showUndoTexts();
    return QObject::eventFilter(watched, event);
}

void WorkspaceEditsUi::undo() {
    m_undoTimer->stop();
    m_pending.reset();
    m_undoBar->hide();
    m_navigator->setHiddenEntries({});
}

void WorkspaceEditsUi::commitPending() {
    m_undoTimer->stop();
    m_undoBar->hide();
    if (!m_pending) return;
    std::shared_ptr<kiln::RemovalPlan> plan(m_pending.release());
    closeTabsOf(*plan);
    const QString dir = m_workspace;
    kiln::widgets::runResultInPool<bool>(
        this,
        [dir, plan]() -> kiln::Result<bool> {
            auto ws = openHere(dir);
            if (!ws) return ws.error();
            if (auto s = kiln::applyRemoval(**ws, *plan); !s) return s.error();
            return true;
        },
        [this](kiln::Result<bool> done) {
            m_navigator->setHiddenEntries({});
            Q_EMIT catalogChanged();
            if (!done) report(tr("Cannot Delete"), kiln::widgets::errorText(done.error()));
            Q_EMIT removalFinished(done.ok(), done ? QString() : kiln::widgets::errorText(done.error()));
        });
}

void WorkspaceEditsUi::closeTabsOf(const kiln::RemovalPlan& plan) {
    QStringList references;
    for (const auto& name : plan.datasets) references << qs(name);
    for (const auto& v : plan.versions) references << qs(v.dataset) + QLatin1Char('@') + QString::number(v.version);
    QStringList runs;
    for (const auto& run : plan.runs) runs << qs(run.id);
    for (int i = m_tabs->count() - 1; i >= 0; --i) {
        QWidget* page = m_tabs->widget(i);
        QString reference;
        if (auto* table = qobject_cast<kiln::widgets::DatasetPage*>(page)) reference = table->reference();
        if (auto* images = qobject_cast<kiln::widgets::ImageDatasetPage*>(page)) reference = images->reference();
        auto* run = qobject_cast<RunTab*>(page);
        const bool gone = (!reference.isEmpty() && (references.contains(reference) ||
                                                     references.contains(reference.section(QLatin1Char('@'), 0, 0)))) ||
                          (run && runs.contains(run->runId()));
        if (!gone) continue;
        m_tabs->removeTab(i);
        page->deleteLater();
    }
}

void WorkspaceEditsUi::rename(const CatalogEntry& entry) {
    if (entry.kind == CatalogKind::Model || (entry.kind == CatalogKind::Dataset && entry.version > 0)) return;
    const bool dataset = entry.kind == CatalogKind::Dataset;
    const QString name = m_askName(dataset ? tr("Rename Dataset") : tr("Rename Run"), entry.name);
    if (name.isEmpty() || name == entry.name) return;
    const QString dir = m_workspace;
    const std::string subject = (dataset ? entry.name : entry.id).toStdString();
    kiln::widgets::runResultInPool<bool>(
        this,
        [dir, dataset, subject, name]() -> kiln::Result<bool> {
            auto ws = openHere(dir);
            if (!ws) return ws.error();
            auto& catalog = (*ws)->catalog();
            const kiln::Status s = dataset ? kiln::renameDataset(catalog, subject, name.toStdString())
                                           : kiln::renameRun(catalog, subject, name.toStdString());
            if (!s) return s.error();
            return true;
        },
        [this](kiln::Result<bool> done) {
            if (!done) report(tr("Cannot Rename"), kiln::widgets::errorText(done.error()));
            Q_EMIT catalogChanged();
        });
}

void WorkspaceEditsUi::setStarred(const QVector<CatalogEntry>& entries, bool starred) {
    std::vector<std::string> ids;
    for (const CatalogEntry& entry : entries)
        if (entry.kind == CatalogKind::Run) ids.push_back(entry.id.toStdString());
    const QString dir = m_workspace;
    kiln::widgets::runResultInPool<bool>(
        this,
        [dir, ids, starred]() -> kiln::Result<bool> {
            auto ws = openHere(dir);
            if (!ws) return ws.error();
            for (const auto& id : ids)
                if (auto s = kiln::setRunStarred((*ws)->catalog(), id, starred); !s) return s.error();
            return true;
        },
        [this](kiln::Result<bool> done) {
            if (!done) report(tr("Cannot Star"), kiln::widgets::errorText(done.error()));
            Q_EMIT catalogChanged();
        });
}

void WorkspaceEditsUi::reveal(const CatalogEntry& entry) {
    if (entry.kind == CatalogKind::Run) {
        m_openFolder(QDir(m_workspace).filePath(QStringLiteral("runs/") + entry.id));
        return;
    }
    if (entry.kind == CatalogKind::Sweep) {  // sweeps/<id>.json, with the other sweeps' records
        m_openFolder(QDir(m_workspace).filePath(QStringLiteral("sweeps")));
        return;
    }
    if (entry.kind == CatalogKind::Pipeline) {
        const QFileInfo file(entry.file);
        if (!file.exists())
            return report(tr("Cannot Show the Pipeline File"),
                          tr("The pipeline file is no longer there:\n%1").arg(entry.file));
        m_openFolder(file.absolutePath());
        return;
    }
    if (entry.kind != CatalogKind::Dataset) return;
    const QString dir = m_workspace;
    const std::string reference = entry.reference().toStdString();
    kiln::widgets::runResultInPool<std::string>(
        this,
        [dir, reference]() -> kiln::Result<std::string> {
            auto ws = openHere(dir);
            if (!ws) return ws.error();
            auto v = kiln::DatasetCatalog((*ws)->catalog()).resolve(reference);
            if (!v) return v.error();
            return v->sourcePath;
        },
        [this](kiln::Result<std::string> source) {
            if (!source) return report(tr("Cannot Show the Source"), kiln::widgets::errorText(source.error()));
            const QFileInfo file(qs(*source));
            if (!file.exists())
                return report(tr("Cannot Show the Source"),
                              tr("The file it was imported from is no longer there:\n%1").arg(file.filePath()));
            m_openFolder(file.isDir() ? file.filePath() : file.absolutePath());
        });
}

void WorkspaceEditsUi::freeUnusedSpace() {
    if (m_workspace.isEmpty()) return;
    commitPending();
    const QString dir = m_workspace;
    auto collect = [dir](bool dryRun) {
        return [dir, dryRun]() -> kiln::Result<kiln::GarbageReport> {
            auto ws = openHere(dir);
            if (!ws) return ws.error();
            return kiln::collectGarbage(**ws, dryRun);
        };
    };
    kiln::widgets::runResultInPool<kiln::GarbageReport>(
        this, collect(true), [this, collect](kiln::Result<kiln::GarbageReport> counted) {
            if (!counted) {
                report(tr("Cannot Free Space"), kiln::widgets::errorText(counted.error()));
                return Q_EMIT garbageCollected(false, kiln::widgets::errorText(counted.error()));
            }
            if (counted->freedBytes() == 0) {
                const QString text = tr("Nothing to free: every stored file is still in use.");
                report(tr("Free Unused Space"), text);
                return Q_EMIT garbageCollected(true, text);
            }
            const QString question =
                tr("%1 can be freed: %2 stored files no dataset uses, %3 run folders and %4 thumbnails "
                   "of deleted items. Free it?")
                    .arg(byteText(counted->freedBytes()))
                    .arg(counted->objects)
                    .arg(counted->runFolders)
                    .arg(counted->thumbnails);
            if (!m_confirm(tr("Free Unused Space"), question)) return;
            kiln::widgets::runResultInPool<kiln::GarbageReport>(
                this, collect(false), [this](kiln::Result<kiln::GarbageReport> freed) {
                    const QString text = freed ? tr("Freed %1.").arg(byteText(freed->freedBytes()))
                                               : kiln::widgets::errorText(freed.error());
                    m_window->statusBar()->showMessage(text, 10000);
                    Q_EMIT garbageCollected(freed.ok(), text);
                });
        });
}

// A window-modal box that does not block the caller (tests find it among the top-level widgets).
void WorkspaceEditsUi::report(const QString& title, const QString& text) {
    m_window->statusBar()->showMessage(text.section(QLatin1Char('\n'), 0, 0), 10000);
    if (!m_window->isVisible()) return;
    auto* box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("workspaceEditsReport"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

}  // namespace studio
}  // namespace kiln
