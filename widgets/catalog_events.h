#pragma once

#include <QObject>

class QTimer;

namespace kiln {
namespace widgets {

// A window's one "the catalog changed" signal. Whatever changes the catalog (an import, a
// removal or rename, a run or sweep that ends, a registration) calls notify(); every view that
// shows the catalog (the navigator, the Train panel, the Runs tab, the Sweep dialog) listens to
// changed(). Notifications within kCoalesceMs come out as one change. GUI thread only.
class CatalogEvents : public QObject {
    Q_OBJECT
public:
    static constexpr int kCoalesceMs = 50;
    explicit CatalogEvents(QObject* parent = nullptr);

    void notify();
    int changeCount() const { return m_changes; }

Q_SIGNALS:
    void changed();

private:
    QTimer* m_timer;
    int m_changes = 0;
};

}  // namespace widgets
}  // namespace kiln
