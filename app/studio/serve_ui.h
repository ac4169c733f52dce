#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QProcess;
class QTabWidget;
class QTemporaryDir;
class QWidget;

namespace kiln {
namespace widgets {
class JobManager;
class ServeView;
}  // namespace widgets
}  // namespace kiln

namespace kiln {
namespace studio {

// How Serve… starts a server.
struct ServeSettings {
    bool everyNetwork = false;  // 0.0.0.0 with a token, else 127.0.0.1 without one
    int port = 8080;
    int workers = 0;            // 0: one per core
    bool logTraffic = true;
};

// Models ▸ Serve… in Kiln Studio: a dialog for where to listen, then a `kiln serve` process per
// server (so a busy server never slows the window, and it stops cleanly on SIGTERM), listed in
// the jobs dock as a tracked job whose Cancel stops it, each with a ServeView tab fed by its
// JSON lines. Compare Traffic runs kiln monitor --traffic through the engine module in the pool.
// Servers still running when Studio closes are stopped.
class ServeUi : public QObject {
    Q_OBJECT
public:
    ServeUi(QTabWidget* tabs, kiln::widgets::JobManager* jobs, QWidget* window);
    ~ServeUi() override;

    void setWorkspace(const QString& dir);
    // Serve… on version `reference`: asks where to listen, then serve().
    void chooseServe(const QString& reference);
    // Starts `kiln serve` for `reference` and opens its tab.
    kiln::widgets::ServeView* serve(const QString& reference, const ServeSettings& settings);
    // Stops every server and waits (a few seconds at most) for each to answer what is in flight.
    void stopAll();
    QList<kiln::widgets::ServeView*> views() const;

Q_SIGNALS:
    void serverReady(kiln::widgets::ServeView* view);
    void serverStopped(kiln::widgets::ServeView* view, bool ok);

private:
    struct Server;
    void compareTraffic(kiln::widgets::ServeView* view);

    QTabWidget* m_tabs;
    kiln::widgets::JobManager* m_jobs;
    QWidget* m_window;
    QString m_workspace;
    QList<Server*> m_servers;
};

// A token for a server: 32 random bytes as hex.
QString newServeToken();

}  // namespace studio
}  // namespace kiln
