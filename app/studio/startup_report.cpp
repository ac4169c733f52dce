#include "app/studio/startup_report.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace kiln {
namespace studio {
namespace {

// Milliseconds since this process started (its start time in /proc/self/stat against the boot
// clock; resolution one clock tick, 10 ms).
long millisecondsSinceStart() {
    std::ifstream in("/proc/self/stat");
    const std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    for (int i = 3; i < 22 && fields >> field; ++i) {}  // fields 3..21 skipped
    unsigned long long startTicks = 0;
    if (!(fields >> startTicks)) return -1;
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double startMs = 1000.0 * double(startTicks) / double(sysconf(_SC_CLK_TCK));
    return long(double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6 - startMs);
}

// The heavy engines' libraries mapped into this process now.
std::string heavyLibrariesMapped() {
    std::ifstream maps("/proc/self/maps");
    const std::string text((std::istreambuf_iterator<char>(maps)), std::istreambuf_iterator<char>());
    std::string found;
    for (const char* name : {"libtorch", "libopencv", "libonnx", "libxgboost", "kiln-engines.so"})
        if (text.find(name) != std::string::npos) found += (found.empty() ? "" : ", ") + std::string(name);
    return found.empty() ? "none" : found;
}

class FirstPaintWatcher : public QObject {
public:
    FirstPaintWatcher(QWidget& window, std::function<void()> then) : QObject(&window), m_then(std::move(then)) {
        window.installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && m_then) {
            // Queued: runs once this paint (and the flush to the screen) has finished.
            QTimer::singleShot(0, this, std::move(m_then));
            m_then = nullptr;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_then;
};

}  // namespace

void afterFirstPaint(QWidget& window, std::function<void()> then) {
    new FirstPaintWatcher(window, std::move(then));
}

void reportFirstPaintAndQuit(QWidget& window) {
    afterFirstPaint(window, [] {
        std::printf("first window painted %ld ms after start; heavy libraries mapped: %s\n",
                    millisecondsSinceStart(), heavyLibrariesMapped().c_str());
        std::fflush(stdout);
        QApplication::quit();
    });
}

}  // namespace studio
}  // namespace kiln
