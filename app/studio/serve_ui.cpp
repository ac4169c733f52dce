#include "app/studio/serve_ui.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <memory>

#include "app/studio/kiln_path.h"
#include "core/modules/engine_module.h"
#include "core/store/workspace.h"
#include "widgets/job_manager.h"
#include "widgets/message_texts.h"
#include "widgets/pool_task.h"
#include "widgets/serve_view.h"

namespace kiln {
namespace studio {

namespace {

// Serve…'s questions: where to listen (this computer, or every network with a token), the
// port, the executor threads and whether to log the traffic.
class ServeDialog : public QDialog {
public:
    ServeDialog(const QString& reference, QWidget* parent) : QDialog(parent) {
        setObjectName(QStringLiteral("serveDialog"));
        setWindowTitle(tr("Serve %1").arg(reference));
        m_where = new QComboBox(this);
        m_where->addItem(tr("This computer only (127.0.0.1)"));
        m_where->addItem(tr("Every network (0.0.0.0), with a token"));
        m_port = new QSpinBox(this);
        m_port->setRange(1, 65535);
        m_port->setValue(8080);
        m_workers = new QSpinBox(this);
        m_workers->setRange(0, 64);
        m_workers->setSpecialValueText(tr("one per core"));
        m_traffic = new QCheckBox(tr("Log every request's inputs and outputs (for drift)"), this);
        m_traffic->setChecked(true);
        auto* note = new QLabel(tr("Off this computer, clients must send the token Studio makes for the "
                                   "server ('Authorization: Bearer TOKEN'); it is shown once the server runs."),
                                this);
        note->setWordWrap(true);
        auto* form = new QFormLayout;
        form->addRow(tr("Listen on:"), m_where);
        form->addRow(tr("Port:"), m_port);
        form->addRow(tr("Workers:"), m_workers);
        form->addRow(QString(), m_traffic);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Serve"));
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        auto* layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(note);
        layout->addWidget(buttons);
    }
    ServeSettings settings() const {
        ServeSettings s;
        s.everyNetwork = m_where->currentIndex() == 1;
        s.port = m_port->value();
        s.workers = m_workers->value();
        s.logTraffic = m_traffic->isChecked();
        return s;
    }

private:
    QComboBox* m_where;
    QSpinBox* m_port;
    QSpinBox* m_workers;
    QCheckBox* m_traffic;
};

}  // namespace

QString newServeToken() {
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toHex());
}

struct ServeUi::Server {
    QPointer<kiln::widgets::ServeView> view;
    QProcess* process = nullptr;
    std::unique_ptr<QTemporaryDir> secrets;  // the token file, readable by this user only
    int job = 0;
    QByteArray errors;
    bool stopping = false;
};

ServeUi::ServeUi(QTabWidget* tabs, kiln::widgets::JobManager* jobs, QWidget* window)
    : QObject(window), m_tabs(tabs), m_jobs(jobs), m_window(window) {}

ServeUi::~ServeUi() {
    // The window is going: its job list may be gone already, so the servers end unreported.
    for (Server* s : m_servers) {
        disconnect(s->process, nullptr, this, nullptr);
        s->process->terminate();
        s->process->waitForFinished(5000);
        delete s;
    }
}

void ServeUi::setWorkspace(const QString& dir) { m_workspace = dir; }

QList<kiln::widgets::ServeView*> ServeUi::views() const {
    QList<kiln::widgets::ServeView*> list;
    for (Server* s : m_servers)
        if (s->view) list.push_back(s->view);
    return list;
}

void ServeUi::chooseServe(const QString& reference) {
    ServeDialog dialog(reference, m_window);
    if (dialog.exec() != QDialog::Accepted) return;
    serve(reference, dialog.settings());
}

kiln::widgets::ServeView* ServeUi::serve(const QString& reference, const ServeSettings& settings) {
    auto* server = new Server;
    m_servers.push_back(server);
    auto* view = new kiln::widgets::ServeView(reference);
    server->view = view;
    m_tabs->addTab(view, QIcon(QStringLiteral(":/icons/model.svg")), reference);
    m_tabs->setCurrentWidget(view);

    QStringList args = {QStringLiteral("--workspace"), m_workspace, QStringLiteral("serve"), reference,
                        QStringLiteral("--json"), QStringLiteral("--port"), QString::number(settings.port),
                        QStringLiteral("--host"),
                        settings.everyNetwork ? QStringLiteral("0.0.0.0") : QStringLiteral("127.0.0.1")};
    if (settings.workers > 0) args << QStringLiteral("--workers") << QString::number(settings.workers);
    if (!settings.logTraffic) args << QStringLiteral("--no-traffic");
    if (settings.everyNetwork) {
        server->secrets = std::make_unique<QTemporaryDir>();
        const QString token = newServeToken();
        QFile file(server->secrets->filePath(QStringLiteral("token")));
        if (file.open(QIODevice::WriteOnly)) {
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            file.write(token.toLatin1());
            file.close();
        }
        args << QStringLiteral("--token-file") << file.fileName();
        view->setToken(token);
    }
    server->process = new QProcess(this);
    server->process->setProgram(kilnPath());
    server->process->setArguments(args);
    server->job = m_jobs->track(QStringLiteral("Serve %1").arg(reference), [this, server] {
        server->stopping = true;
        server->process->terminate();
    });
    connect(view, &kiln::widgets::ServeView::stopRequested, this, [server] {
        server->stopping = true;
        server->process->terminate();  // SIGTERM: kiln serve answers what is in flight, then ends
    });
    connect(view, &kiln::widgets::ServeView::trafficRequested, this, [this, view] { compareTraffic(view); });
    connect(server->process, &QProcess::readyReadStandardOutput, this, [this, server, reference] {
        while (server->process->canReadLine()) {
            const QJsonObject e = QJsonDocument::fromJson(server->process->readLine()).object();
            if (e.isEmpty() || !server->view) continue;
            server->view->applyEvent(e);
            if (e.value(QLatin1String("event")).toString() == QLatin1String("ready")) {
                if (auto* ctx = m_jobs->context(server->job))
                    ctx->progress(0, 0, e.value(QLatin1String("address")).toString().toStdString());
                Q_EMIT serverReady(server->view);
            }
        }
    });
    connect(server->process, &QProcess::readyReadStandardError, this,
            [server] { server->errors += server->process->readAllStandardError(); });
    connect(server->process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, server](int code, QProcess::ExitStatus status) {
                const bool ok = status == QProcess::NormalExit && code == 0;
                QString message = QString::fromUtf8(server->errors).trimmed();
                const int at = message.lastIndexOf(QLatin1String("kiln: error: "));
                if (at >= 0) message = message.mid(at + 13).section(QLatin1Char('\n'), 0, 0);
                if (!ok && message.isEmpty()) message = QStringLiteral("the server ended (exit %1)").arg(code);
                if (server->view) server->view->setFinished(ok, message);
                m_jobs->finishTracked(server->job,
                                      ok ? kiln::widgets::JobState::Completed : kiln::widgets::JobState::Failed,
                                      ok ? QStringLiteral("stopped") : message);
                Q_EMIT serverStopped(server->view, ok);
                m_servers.removeOne(server);
                server->process->deleteLater();
                delete server;
            });
    server->process->start();
    return view;
}

void ServeUi::compareTraffic(kiln::widgets::ServeView* view) {
    const std::string root = m_workspace.toStdString();
    const std::string reference = view->reference().toStdString();
    QPointer<kiln::widgets::ServeView> target(view);
    kiln::widgets::runResultInPool<std::string>(
        this,
        [root, reference]() -> kiln::Result<std::string> {
            auto engines = kiln::engineModule();
            if (!engines) return engines.error();
            auto ws = kiln::Workspace::open(root, false);
            if (!ws) return ws.error();
            return (*engines)->monitorTraffic(**ws, reference);
        },
        [target](kiln::Result<std::string> report) {
            if (!target) return;
            if (!report)
                target->showTrafficError(kiln::widgets::errorText(report.error()));
            else
                target->showTraffic(QJsonDocument::fromJson(QByteArray::fromStdString(*report)).object());
        });
}

void ServeUi::stopAll() {
    const QList<Server*> servers = m_servers;
    for (Server* s : servers) {
        s->stopping = true;
        s->process->terminate();
    }
    for (Server* s : servers)
        if (m_servers.contains(s)) s->process->waitForFinished(5000);
}

}  // namespace studio
}  // namespace kiln
