#include "widgets/navigator_view.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QHash>
#include <QIcon>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace kiln {
namespace widgets {
namespace {

constexpr int kEntryRole = Qt::UserRole + 1;  // index into the snapshot's entries, or -1

// What each section lists, top to bottom.
constexpr CatalogKind kSectionKinds[] = {CatalogKind::Dataset, CatalogKind::Run, CatalogKind::Model,
                                         CatalogKind::Pipeline};

QIcon sectionIcon(CatalogKind kind) {
    switch (kind) {
        case CatalogKind::Dataset:
            return QIcon(QStringLiteral(":/icons/dataset.svg"));
        case CatalogKind::Run:
            return QIcon(QStringLiteral(":/icons/run.svg"));
        case CatalogKind::Model:
            return QIcon(QStringLiteral(":/icons/model.svg"));
        case CatalogKind::Sweep:
            return QIcon(QStringLiteral(":/icons/sweep.svg"));
        case CatalogKind::Pipeline:
            return QIcon(QStringLiteral(":/icons/pipeline.svg"));
    }
    return {};
}

// `word` after an item's name ("name · word"), in `colour` when it needs a look.
void appendStatus(QTreeWidgetItem* item, const QString& word, const QColor& colour) {
    if (word.isEmpty()) return;
    item->setText(0, item->text(0) + QStringLiteral(" · ") + word);
    if (colour.isValid()) item->setForeground(0, colour);
}

// A run's status after its name ("iris/species mlp · running"), coloured when it needs a look.
void showRunStatus(QTreeWidgetItem* item, const QString& status) {
    QString word = status;
    QColor colour;
    if (status == QLatin1String("queued")) {
        word = QCoreApplication::translate("kiln::widgets::NavigatorView", "queued");
        colour = QColor(0x1a, 0x73, 0xe8);
    } else if (status == QLatin1String("running")) {
        word = QCoreApplication::translate("kiln::widgets::NavigatorView", "running");
        colour = QColor(0x1a, 0x73, 0xe8);
    } else if (status == QLatin1String("completed")) {
        word = QCoreApplication::translate("kiln::widgets::NavigatorView", "completed");
    } else if (status == QLatin1String("failed")) {
        word = QCoreApplication::translate("kiln::widgets::NavigatorView", "failed");
        colour = QColor(0xc5, 0x22, 0x1f);
    } else if (status == QLatin1String("cancelled")) {
        word = QCoreApplication::translate("kiln::widgets::NavigatorView", "cancelled");
        colour = QColor(0xb0, 0x60, 0x00);
    } else if (status == QLatin1String("interrupted")) {
        word = QCoreApplication::translate("kiln::widgets::NavigatorView", "interrupted");
        colour = QColor(0xb0, 0x60, 0x00);
    }
    appendStatus(item, word, colour);
}

// A pipeline's last run after its name ("wine-weekly · failed"), and "paused" for its schedule.
void showPipelineStatus(QTreeWidgetItem* item, const CatalogEntry& entry) {
    QString word;
    QColor colour;
    const QString& status = entry.lastStatus;
    if (status == QLatin1String("completed")) {
        word = QCoreApplication::translate("kiln::widgets::NavigatorView", "completed");
    } else if (status == QLatin1String("failed")) {
        word = QCoreApplication::translate("kiln::widgets::NavigatorView", "failed");
        colour = QColor(0xc5, 0x22, 0x1f);
    } else if (status == QLatin1String("refused")) {
        word = QCoreApplication::translate("kiln::widgets::NavigatorView", "model refused");
        colour = QColor(0xb0, 0x60, 0x00);
    } else if (status == QLatin1String("skipped")) {
        word = QCoreApplication::translate("kiln::widgets::NavigatorView", "no new data");
    } else if (status == QLatin1String("running")) {
        word = QCoreApplication::translate("kiln::widgets::NavigatorView", "running");
        colour = QColor(0x1a, 0x73, 0xe8);
    }
    if (entry.paused) {
        const QString paused = QCoreApplication::translate("kiln::widgets::NavigatorView", "schedule paused");
        word = word.isEmpty() ? paused : word + QStringLiteral(", ") + paused;
        colour = QColor(0xc5, 0x22, 0x1f);
    }
    appendStatus(item, word, colour);
}

QString pipelineToolTip(const CatalogEntry& entry) {
    QString tip = entry.name + QLatin1Char('\n') + entry.file;
    if (!entry.schedule.isEmpty())
        tip += QLatin1Char('\n') +
               QCoreApplication::translate("kiln::widgets::NavigatorView", "Scheduled: %1").arg(entry.schedule);
    return tip;
}

}  // namespace

NavigatorView::NavigatorView(QWidget* parent) : QWidget(parent), m_tree(new QTreeWidget(this)) {
    qRegisterMetaType<CatalogSnapshot>();
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    // Placeholder hints have two lines.
    m_tree->setUniformRowHeights(false);
    m_tree->setExpandsOnDoubleClick(true);
    m_tree->setIndentation(16);
    m_tree->setIconSize(QSize(18, 18));
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->installEventFilter(this);
    connect(m_tree, &QWidget::customContextMenuRequested, this,
            [this](const QPoint& at) { showContextMenu(at); });
    for (int i = 0; i < 4; ++i) {
        m_sections[i] = new QTreeWidgetItem(m_tree);
        m_sections[i]->setIcon(0, sectionIcon(kSectionKinds[i]));
        m_sections[i]->setData(0, kEntryRole, -1);
        QFont font = m_sections[i]->font(0);
        font.setBold(true);
        m_sections[i]->setFont(0, font);
        m_sections[i]->setExpanded(true);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { activate(item); });
    retranslateUi();
}

void NavigatorView::setWorkspace(const QString& dir) {
    m_workspace = dir;
    m_snapshot = CatalogSnapshot{};
    m_snapshot.workspace = dir;
    retranslateUi();
    reload();
}

void NavigatorView::reload() {
    if (m_workspace.isEmpty()) return;
    const int generation = ++m_generation;
    m_loading = true;
    auto* watcher = new QFutureWatcher<CatalogSnapshot>(this);
    connect(watcher, &QFutureWatcher<CatalogSnapshot>::finished, this, [=] {
        watcher->deleteLater();
        // A newer reload (or another workspace) supersedes this one.
        if (generation == m_generation) display(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(readCatalogSnapshot, m_workspace));
}

void NavigatorView::display(const CatalogSnapshot& snapshot) {
    m_snapshot = snapshot;
    m_loading = false;
    retranslateUi();
    Q_EMIT snapshotLoaded(m_snapshot);
}

void NavigatorView::retranslateUi() {
    kiln::CatalogCounts counts = m_snapshot.counts;
    for (const CatalogEntry& entry : m_snapshot.entries) {
        if (entry.version > 0 || !m_hidden.contains(entryKey(entry))) continue;
        if (entry.kind == CatalogKind::Dataset) --counts.datasets;
        if (entry.kind == CatalogKind::Run) --counts.runs;
        if (entry.kind == CatalogKind::Model) --counts.models;
    }
    m_sections[0]->setText(0, tr("Datasets (%1)").arg(counts.datasets));
    m_sections[1]->setText(0, tr("Runs (%1)").arg(counts.runs));
    m_sections[2]->setText(0, tr("Models (%1)").arg(counts.models));
    m_sections[3]->setText(0, tr("Pipelines (%1)").arg(m_snapshot.pipelines));
    for (int i = 0; i < 4; ++i) fillSection(m_sections[i], kSectionKinds[i]);
}

void NavigatorView::addVersion(QTreeWidgetItem* dataset, int index) {
    const CatalogEntry& entry = m_snapshot.entries[index];
    const QString noun = entry.datasetKind == QLatin1String("images") ? tr("images") : tr("rows");
    auto* item = new QTreeWidgetItem(dataset, {tr("version %1 · %2 %3")
                                                   .arg(entry.version)
                                                   .arg(QLocale().toString(entry.rows), noun)});
    item->setData(0, kEntryRole, index);
    item->setToolTip(0, tr("%1, imported %2").arg(entry.reference(), entry.createdAt));
}

QTreeWidgetItem* NavigatorView::sweepItem(QTreeWidgetItem* section, const QString& sweepId,
                                          QHash<QString, QTreeWidgetItem*>& made) {
    if (QTreeWidgetItem* item = made.value(sweepId)) return item;
    for (int i = 0; i < m_snapshot.entries.size(); ++i) {
        const CatalogEntry& sweep = m_snapshot.entries[i];
        if (sweep.kind != CatalogKind::Sweep || sweep.id != sweepId) continue;
        if (m_hidden.contains(entryKey(sweep))) return nullptr;
        // Trials hidden while their deletion may still be undone are not counted.
        int hiddenTrials = 0;
        for (const CatalogEntry& e : m_snapshot.entries)
            if (e.kind == CatalogKind::Run && e.sweepId == sweepId && m_hidden.contains(entryKey(e))) ++hiddenTrials;
        auto* item = new QTreeWidgetItem(
            section, {tr("Sweep: %1 (%n trial(s))", nullptr, std::max(0, sweep.trials - hiddenTrials)).arg(sweep.name)});
        item->setData(0, kEntryRole, i);
        item->setIcon(0, QIcon(QStringLiteral(":/icons/sweep.svg")));
        item->setToolTip(0, tr("Sweep %1: its trials, each named by what sets it apart").arg(sweep.id));
        made.insert(sweepId, item);
        return item;
    }
    return section;  // a trial whose sweep is not listed stays a plain run
}

void NavigatorView::fillSection(QTreeWidgetItem* section, CatalogKind kind) {
    qDeleteAll(section->takeChildren());
    QHash<QString, QTreeWidgetItem*> datasets, sweeps;
    for (int i = 0; i < m_snapshot.entries.size(); ++i) {
        const CatalogEntry& entry = m_snapshot.entries[i];
        if (entry.kind != kind || m_hidden.contains(entryKey(entry))) continue;
        if (entry.version > 0) {
            if (QTreeWidgetItem* parent = datasets.value(entry.name)) addVersion(parent, i);
            continue;
        }
        QTreeWidgetItem* parent = section;
        if (kind == CatalogKind::Run && !entry.sweepId.isEmpty()) {
            parent = sweepItem(section, entry.sweepId, sweeps);
            if (!parent) continue;  // its sweep is being deleted
        }
        auto* item = new QTreeWidgetItem(
            parent, {entry.starred ? QStringLiteral("\u2605 ") + entry.name : entry.name});
        if (kind == CatalogKind::Dataset) datasets.insert(entry.name, item);
        item->setData(0, kEntryRole, i);
        item->setIcon(0, section->icon(0));
        if (kind == CatalogKind::Run) showRunStatus(item, entry.detail);
        if (kind == CatalogKind::Pipeline) {
            showPipelineStatus(item, entry);
            item->setToolTip(0, pipelineToolTip(entry));
            continue;
        }
        item->setToolTip(0, entry.detail.isEmpty()
                                ? entry.name
                                : entry.name + QStringLiteral(" — ") + entry.detail);
    }
    if (section->childCount() > 0) return;
    QString hint;
    if (!m_snapshot.ok())
        hint = tr("Could not read the catalog: %1").arg(m_snapshot.error);
    else if (kind == CatalogKind::Dataset)
        hint = tr("No datasets yet.\nDrop a CSV file or an image folder here.");
    else if (kind == CatalogKind::Run)
        hint = tr("No runs yet.\nTrain a model on a dataset.");
    else if (kind == CatalogKind::Model)
        hint = tr("No models yet.\nRegister a trained run.");
    else
        hint = tr("No pipelines yet.\nOpen a pipeline file with File ▸ Open Pipeline….");
    auto* placeholder = new QTreeWidgetItem(section, {hint});
    placeholder->setData(0, kEntryRole, -1);
    placeholder->setFlags(Qt::ItemIsEnabled);
    placeholder->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
    placeholder->setToolTip(0, hint);
    QFont font = placeholder->font(0);
    font.setItalic(true);
    placeholder->setFont(0, font);
}

void NavigatorView::activate(QTreeWidgetItem* item) {
    if (const CatalogEntry* entry = entryAt(item)) Q_EMIT entryActivated(*entry);
}

const CatalogEntry* NavigatorView::entryAt(QTreeWidgetItem* item) const {
    const int index = item ? item->data(0, kEntryRole).toInt() : -1;
    if (index < 0 || index >= m_snapshot.entries.size()) return nullptr;
    return &m_snapshot.entries[index];
}

QString NavigatorView::entryKey(const CatalogEntry& entry) {
    return QString::number(int(entry.kind)) + QLatin1Char(':') + entry.reference() +
           QLatin1Char(':') + entry.id;
}

QStringList NavigatorView::trialsOf(const QString& sweepId) const {
    QStringList ids;
    for (const CatalogEntry& e : m_snapshot.entries)
        if (e.kind == CatalogKind::Run && e.sweepId == sweepId) ids << e.id;
    return ids;
}

void NavigatorView::setHiddenEntries(const QStringList& keys) {
    m_hidden = keys;
    retranslateUi();
}

QVector<CatalogEntry> NavigatorView::selectedEntries(CatalogKind kind) const {
    QVector<CatalogEntry> out;
    for (QTreeWidgetItem* item : m_tree->selectedItems())
        if (const CatalogEntry* entry = entryAt(item); entry && entry->kind == kind) out.push_back(*entry);
    return out;
}

QMenu* NavigatorView::buildContextMenu(QTreeWidgetItem* item) {
    const CatalogEntry* clicked = entryAt(item);
    if (!clicked) return nullptr;
    if (!item->isSelected()) {
        m_tree->clearSelection();
        item->setSelected(true);
    }
    QVector<CatalogEntry> entries = selectedEntries(clicked->kind);
    if (entries.isEmpty()) entries.push_back(*clicked);
    const bool one = entries.size() == 1;
    auto* menu = new QMenu(this);
    auto offer = [&](NavigatorAction action, const QString& text, bool enabled = true) {
        QAction* a = menu->addAction(text);
        a->setEnabled(enabled);
        a->setData(int(action));
        connect(a, &QAction::triggered, this, [this, action, entries] { Q_EMIT actionRequested(action, entries); });
        return a;
    };
    if (clicked->kind == CatalogKind::Sweep) {
        // A sweep opens as the comparison of its trials.
        offer(NavigatorAction::Open, tr("Compare Its Trials"), one);
        offer(NavigatorAction::Reveal, tr("Show Sweep Record"), one);
        menu->addSeparator();
        offer(NavigatorAction::Remove, one ? tr("Delete Sweep and Its Trials…")
                                           : tr("Delete %n Sweeps and Their Trials…", nullptr, int(entries.size())));
        return menu;
    }
    if (clicked->kind == CatalogKind::Pipeline) {
        offer(NavigatorAction::Open, tr("Open"), one);
        offer(NavigatorAction::RunNow, tr("Run Now"), one);
        offer(NavigatorAction::Reveal, tr("Show Pipeline File"), one);
        return menu;
    }
    offer(NavigatorAction::Open, tr("Open"), one);
    if (clicked->kind == CatalogKind::Dataset) {
        offer(NavigatorAction::Train, tr("Train a Model…"), one);
        if (clicked->version == 0) offer(NavigatorAction::Rename, tr("Rename…"), one);
        offer(NavigatorAction::Reveal, tr("Show Source File"), one);
    } else if (clicked->kind == CatalogKind::Run) {
        offer(NavigatorAction::Compare, tr("Compare Selected Runs"), entries.size() >= 2);
        menu->addSeparator();
        offer(NavigatorAction::Export, tr("Export ONNX…"), one);
        offer(NavigatorAction::Register, tr("Register Model…"), one);
        menu->addSeparator();
        const bool allStarred =
            std::all_of(entries.begin(), entries.end(), [](const CatalogEntry& e) { return e.starred; });
        if (allStarred)
            offer(NavigatorAction::Unstar, tr("Remove Star"));
        else
            offer(NavigatorAction::Star, tr("Star (Keep)"));
        offer(NavigatorAction::Rename, tr("Rename…"), one);
        offer(NavigatorAction::Reveal, tr("Show Run Folder"), one);
    }
    menu->addSeparator();
    QAction* remove = offer(NavigatorAction::Remove, one ? tr("Delete…") : tr("Delete %n Items…", nullptr, int(entries.size())));
    remove->setShortcut(QKeySequence::Delete);
    return menu;
}

void NavigatorView::showContextMenu(const QPoint& at) {
    QMenu* menu = buildContextMenu(m_tree->itemAt(at));
    if (!menu) return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_tree->viewport()->mapToGlobal(at));
}

bool NavigatorView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_tree && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Delete)) {
        const CatalogEntry* current = entryAt(m_tree->currentItem());
        if (current && current->kind != CatalogKind::Pipeline) {  // a pipeline's records are its history
            QVector<CatalogEntry> entries = selectedEntries(current->kind);
            if (entries.isEmpty()) entries.push_back(*current);
            Q_EMIT actionRequested(NavigatorAction::Remove, entries);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void NavigatorView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
