#include "widgets/navigator_view.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QHash>
#include <QIcon>
#include <QLocale>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kiln {
namespace widgets {
namespace {

constexpr int kEntryRole = Qt::UserRole + 1;  // index into the snapshot's entries, or -1

QIcon sectionIcon(CatalogKind kind) {
    switch (kind) {
        case CatalogKind::Dataset:
            return QIcon(QStringLiteral(":/icons/dataset.svg"));
        case CatalogKind::Run:
            return QIcon(QStringLiteral(":/icons/run.svg"));
        case CatalogKind::Model:
            return QIcon(QStringLiteral(":/icons/model.svg"));
    }
    return {};
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
    if (word.isEmpty()) return;
    item->setText(0, item->text(0) + QStringLiteral(" · ") + word);
    if (colour.isValid()) item->setForeground(0, colour);
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
    for (int i = 0; i < 3; ++i) {
        m_sections[i] = new QTreeWidgetItem(m_tree);
        m_sections[i]->setIcon(0, sectionIcon(CatalogKind(i)));
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
    const kiln::CatalogCounts& counts = m_snapshot.counts;
    m_sections[0]->setText(0, tr("Datasets (%1)").arg(counts.datasets));
    m_sections[1]->setText(0, tr("Runs (%1)").arg(counts.runs));
    m_sections[2]->setText(0, tr("Models (%1)").arg(counts.models));
    for (int i = 0; i < 3; ++i) fillSection(m_sections[i], CatalogKind(i));
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

void NavigatorView::fillSection(QTreeWidgetItem* section, CatalogKind kind) {
    qDeleteAll(section->takeChildren());
    QHash<QString, QTreeWidgetItem*> datasets;
    for (int i = 0; i < m_snapshot.entries.size(); ++i) {
        const CatalogEntry& entry = m_snapshot.entries[i];
        if (entry.kind != kind) continue;
        if (entry.version > 0) {
            if (QTreeWidgetItem* parent = datasets.value(entry.name)) addVersion(parent, i);
            continue;
        }
        auto* item = new QTreeWidgetItem(section, {entry.name});
        if (kind == CatalogKind::Dataset) datasets.insert(entry.name, item);
        item->setData(0, kEntryRole, i);
        item->setIcon(0, section->icon(0));
        if (kind == CatalogKind::Run) showRunStatus(item, entry.detail);
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
    else
        hint = tr("No models yet.\nRegister a trained run.");
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
    const int index = item ? item->data(0, kEntryRole).toInt() : -1;
    if (index < 0 || index >= m_snapshot.entries.size()) return;
    Q_EMIT entryActivated(m_snapshot.entries[index]);
}

void NavigatorView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
