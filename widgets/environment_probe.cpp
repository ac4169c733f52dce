#include "widgets/environment_probe.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

#include "core/modules/engine_module.h"

namespace kiln {
namespace widgets {
namespace {

kiln::Environment captureSafely() {
    try {
        auto engines = kiln::engineModule();
        if (engines) return (*engines)->captureEnvironment();
        kiln::Environment environment;
        environment.cudaReason = engines.error().toString();
        return environment;
    } catch (const std::exception& e) {
        kiln::Environment environment;
        environment.cudaReason = std::string("The environment could not be read: ") + e.what();
        return environment;
    }
}

}  // namespace

EnvironmentProbe::EnvironmentProbe(QObject* parent) : QObject(parent) {}

void EnvironmentProbe::start() {
    if (m_started) return;
    m_started = true;
    auto* watcher = new QFutureWatcher<kiln::Environment>(this);
    connect(watcher, &QFutureWatcher<kiln::Environment>::finished, this, [this, watcher] {
        m_environment = watcher->result();
        m_ready = true;
        watcher->deleteLater();
        Q_EMIT ready();
    });
    watcher->setFuture(QtConcurrent::run(captureSafely));
}

}  // namespace widgets
}  // namespace kiln
