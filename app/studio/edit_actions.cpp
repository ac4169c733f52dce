#include "app/studio/edit_actions.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextEdit>
#include <QVBoxLayout>

#include "widgets/selection_copy.h"

namespace kiln {
namespace studio {

EditActions::EditActions(QMainWindow* window, QTabWidget* tabs, std::function<void(int)> closeTab)
    : QObject(window),
      m_window(window),
      m_tabs(tabs),
      m_editMenu(new QMenu(window)),
      m_copy(new QAction(this)),
      m_closeTab(new QAction(this)),
      m_shortcuts(new QAction(this)) {
    m_editMenu->setObjectName(QStringLiteral("menuEdit"));
    m_copy->setObjectName(QStringLiteral("actionCopy"));
    m_closeTab->setObjectName(QStringLiteral("actionCloseTab"));
    // Ctrl+W everywhere, and the platform's own Close key when it has another (Ctrl+F4).
    QList<QKeySequence> close{QKeySequence(Qt::CTRL | Qt::Key_W)};
    for (const QKeySequence& key : QKeySequence::keyBindings(QKeySequence::Close))
        if (!close.contains(key)) close << key;
    m_closeTab->setShortcuts(close);
    m_shortcuts->setObjectName(QStringLiteral("actionShortcuts"));
    m_editMenu->addAction(m_copy);
    connect(m_copy, &QAction::triggered, this, &EditActions::copyFocused);
    connect(m_closeTab, &QAction::triggered, this,
            [this, closeTab = std::move(closeTab)] { closeTab(m_tabs->currentIndex()); });
    connect(m_shortcuts, &QAction::triggered, this, &EditActions::showShortcuts);
    window->installEventFilter(this);
    retranslateUi();
}

bool EditActions::copyFocused() {
    QWidget* focus = QApplication::focusWidget();
    if (auto* view = qobject_cast<QAbstractItemView*>(focus)) return kiln::widgets::copySelectedCells(*view);
    if (auto* line = qobject_cast<QLineEdit*>(focus); line && line->hasSelectedText()) return line->copy(), true;
    if (auto* text = qobject_cast<QTextEdit*>(focus)) return text->copy(), true;
    if (auto* plain = qobject_cast<QPlainTextEdit*>(focus)) return plain->copy(), true;
    return false;
}

QList<QPair<QString, QString>> EditActions::shortcutRows() const {
    QList<QPair<QString, QString>> rows;
    // Keys the views handle themselves, which no menu action carries.
    rows << qMakePair(QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText),
                      tr("Copy the selected cells of a table (tab-separated) or the selected text"))
         << qMakePair(QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText),
                      tr("Delete the selected datasets, runs or models in the navigator"));
    std::function<void(const QMenu*)> walk = [&](const QMenu* menu) {
        for (QAction* action : menu->actions()) {
            if (action->menu()) walk(action->menu());
            if (action->isSeparator() || action->shortcuts().isEmpty()) continue;
            QStringList keys;
            for (const QKeySequence& key : action->shortcuts()) keys << key.toString(QKeySequence::NativeText);
            rows << qMakePair(keys.join(QLatin1String(", ")),
                              QString(action->text()).remove(QLatin1Char('&')));
        }
    };
    for (QAction* top : m_window->menuBar()->actions())
        if (top->menu()) walk(top->menu());
    return rows;
}

void EditActions::showShortcuts() {
    auto* dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    const auto rows = shortcutRows();
    auto* table = new QTableWidget(int(rows.size()), 2, dialog);
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Does")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    table->resizeColumnToContents(0);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(560, 440);
    dialog->open();
}

void EditActions::retranslateUi() {
    m_editMenu->setTitle(tr("&Edit"));
    m_copy->setText(tr("&Copy"));
    m_copy->setStatusTip(tr("Copy the selected cells or text (Ctrl+C where you are)"));
    m_closeTab->setText(tr("&Close Tab"));
    m_shortcuts->setText(tr("&Keyboard Shortcuts"));
}

bool EditActions::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange) retranslateUi();
    return QObject::eventFilter(watched, event);
}

}  // namespace studio
}  // namespace kiln
