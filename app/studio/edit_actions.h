#pragma once

#include <QObject>

#include <functional>

class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;

namespace kiln {
namespace studio {

// The window's Edit menu (Copy: the selected cells of a table as tab-separated text, or the
// selected text of a field), File ▸ Close Tab (Ctrl+W) and Help ▸ Keyboard Shortcuts (every
// action of the menu bar with its shortcut, and the keys views handle themselves).
class EditActions : public QObject {
    Q_OBJECT
public:
    EditActions(QMainWindow* window, QTabWidget* tabs, std::function<void(int)> closeTab);

    QMenu* editMenu() const { return m_editMenu; }
    QAction* copyAction() const { return m_copy; }
    QAction* closeTabAction() const { return m_closeTab; }
    QAction* shortcutsAction() const { return m_shortcuts; }
    // Copies what has the keyboard focus: a table's selected cells or a field's selected text.
    bool copyFocused();
    // The rows of the shortcuts list: key, what it does.
    QList<QPair<QString, QString>> shortcutRows() const;
    void showShortcuts();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();

    QMainWindow* m_window;
    QTabWidget* m_tabs;
    QMenu* m_editMenu;
    QAction* m_copy;
    QAction* m_closeTab;
    QAction* m_shortcuts;
};

}  // namespace studio
}  // namespace kiln
