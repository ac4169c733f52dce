#pragma once

#include <QObject>

#include "core/env/environment.h"

namespace kiln {
namespace widgets {

// Captures the machine's Environment (OS, CPU, libraries, CUDA and why) once, on a pool thread,
// and keeps it. Views that need it read environment() when isReady(), else wait for ready().
class EnvironmentProbe : public QObject {
    Q_OBJECT
public:
    explicit EnvironmentProbe(QObject* parent = nullptr);

    // Starts the capture (once; later calls do nothing).
    void start();
    bool isReady() const { return m_ready; }
    const kiln::Environment& environment() const { return m_environment; }

Q_SIGNALS:
    void ready();

private:
    kiln::Environment m_environment;
    bool m_ready = false;
    bool m_started = false;
};

}  // namespace widgets
}  // namespace kiln
