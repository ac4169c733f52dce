#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace kiln {

enum class LogLevel { Debug = 0, Info = 1, Warning = 2, Error = 3 };

// "debug", "info", "warning", "error".
const char* logLevelName(LogLevel level);

// Process-wide logger. Messages below the threshold are dropped; the rest go to the sink
// (stderr by default, as "kiln: warning: …"). Thread-safe: calls are serialised.
class Logger {
public:
    using Sink = std::function<void(LogLevel, std::string_view message)>;

    static Logger& instance();

    void setThreshold(LogLevel level);
    LogLevel threshold() const;
    // Replaces the sink; an empty sink restores stderr. Returns the previous sink.
    Sink setSink(Sink sink);
    void write(LogLevel level, std::string_view message);

private:
    Logger() = default;
};

namespace log {
inline void debug(std::string_view m) { Logger::instance().write(LogLevel::Debug, m); }
inline void info(std::string_view m) { Logger::instance().write(LogLevel::Info, m); }
inline void warning(std::string_view m) { Logger::instance().write(LogLevel::Warning, m); }
inline void error(std::string_view m) { Logger::instance().write(LogLevel::Error, m); }
}  // namespace log

}  // namespace kiln
