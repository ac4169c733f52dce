#include "core/base/logger.h"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace kiln {

namespace {
std::mutex g_mutex;
Logger::Sink g_sink;
std::atomic<int> g_threshold{static_cast<int>(LogLevel::Warning)};

void writeToStderr(LogLevel level, std::string_view message) {
    std::fprintf(stderr, "kiln: %s: %.*s\n", logLevelName(level), static_cast<int>(message.size()),
                 message.data());
}
}  // namespace

const char* logLevelName(LogLevel level) {
    switch (level) {
        case LogLevel::Debug: return "debug";
        case LogLevel::Info: return "info";
        case LogLevel::Warning: return "warning";
        case LogLevel::Error: return "error";
    }
    return "log";
}

Logger& Logger::instance() {
    static Logger logger;
    return logger;
}

void Logger::setThreshold(LogLevel level) { g_threshold = static_cast<int>(level); }

LogLevel Logger::threshold() const { return static_cast<LogLevel>(g_threshold.load()); }

Logger::Sink Logger::setSink(Sink sink) {
    std::lock_guard lock(g_mutex);
    std::swap(g_sink, sink);
    return sink;
}

void Logger::write(LogLevel level, std::string_view message) {
    if (static_cast<int>(level) < g_threshold.load()) return;
    std::lock_guard lock(g_mutex);
    if (g_sink)
        g_sink(level, message);
    else
        writeToStderr(level, message);
}

}  // namespace kiln
