// The texts a schedule installs: systemd user units (quoted for systemd's own rules) and a marked
// crontab block (quoted for sh, % escaped for cron), and the edit of a crontab that touches the
// block alone.
#include "core/pipeline/schedule/schedule_units.h"

#include <cctype>
#include <cstdio>
#include <sstream>
#include <string_view>

namespace kiln {

namespace {

constexpr std::size_t kMaxUnitName = 255;  // systemd's UNIT_NAME_MAX, suffix included

bool hasControl(const std::string& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

Status checkPaths(const ScheduledCommand& c) {
    for (const auto* p : {&c.kiln, &c.file, &c.workspace, &c.cronLog})
        if (hasControl(p->string()))
            return makeError(ErrorCode::InvalidArgument,
                             "the path '" + p->string() + "' holds a line break or a control character",
                             "schedule of pipeline " + c.pipeline);
    return {};
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// systemd expands %x specifiers in most settings; a literal % is %%.
std::string specifierSafe(const std::string& s) { return replaceAll(s, "%", "%%"); }

bool plainWord(const std::string& s, const std::string& extra) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!std::isalnum(c) && extra.find(char(c)) == std::string::npos) return false;
    return true;
}

bool startsWith(std::string_view line, const std::string& prefix) {
    return line.compare(0, prefix.size(), prefix) == 0;
}

bool onlySpaceAfter(std::string_view line, std::size_t from) {
    return line.find_first_not_of(" \t\r", from) == std::string_view::npos;
}

std::string beginMarker(const std::string& pipeline) { return "# kiln pipeline " + pipeline + ": begin"; }
std::string endMarker(const std::string& pipeline) { return "# kiln pipeline " + pipeline + ": end"; }

// Where the pipeline's block lies in a crontab: [begin, end) in bytes, its last line break included.
struct BlockSpan {
    std::size_t begin = 0, end = 0;
};

Result<std::optional<BlockSpan>> locateBlock(const std::string& crontab, const std::string& pipeline) {
    const std::string begin = beginMarker(pipeline), end = endMarker(pipeline);
    std::optional<std::size_t> blockStart;
    int lineNumber = 0, beginLine = 0;
    for (std::size_t at = 0; at < crontab.size();) {
        const std::size_t newline = crontab.find('\n', at);
        const std::size_t lineEnd = newline == std::string::npos ? crontab.size() : newline;
        const std::string_view line(crontab.data() + at, lineEnd - at);
        ++lineNumber;
        if (!blockStart && startsWith(line, begin) && (line.size() == begin.size() || line[begin.size()] == ' ')) {
            blockStart = at;
            beginLine = lineNumber;
        } else if (blockStart && startsWith(line, end) && onlySpaceAfter(line, end.size())) {
            return std::optional<BlockSpan>(BlockSpan{*blockStart, newline == std::string::npos ? lineEnd : newline + 1});
        }
        at = newline == std::string::npos ? crontab.size() : newline + 1;
    }
    if (!blockStart) return std::optional<BlockSpan>();
    Error e = makeError(ErrorCode::Corrupt, "the crontab has the begin line of pipeline " + pipeline +
                                                "'s block but not its end line",
                        "crontab line " + std::to_string(beginLine));
    e.hint = "mend it with `crontab -e`: the block ends with '" + end + "'";
    return e;
}

}  // namespace

std::vector<std::string> ScheduledCommand::argv() const {
    return {kiln.string(), "pipeline", "run", file.string(), "--scheduled", "--workspace", workspace.string()};
}

Result<std::string> unitBaseName(const std::string& pipeline) {
    std::string out = "kiln-pipeline-";
    for (unsigned char c : pipeline) {
        if (std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == ':') {
            out += char(c);
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        }
    }
    if (out.size() + std::string(".service").size() > kMaxUnitName)
        return makeError(ErrorCode::InvalidArgument, "pipeline " + pipeline + "'s name is too long for a systemd unit (" +
                                                         std::to_string(out.size()) + " characters escaped, " +
                                                         std::to_string(kMaxUnitName - 8) + " at most)");
    return out;
}

std::string systemdQuote(const std::string& word) {
    std::string escaped = replaceAll(replaceAll(word, "%", "%%"), "$", "$$");
    if (plainWord(word, "/._-+=:,@")) return escaped;
    return "\"" + replaceAll(replaceAll(escaped, "\\", "\\\\"), "\"", "\\\"") + "\"";
}

std::string shellWord(const std::string& word) {
    if (plainWord(word, "/._-+=:,@%")) return word;
    return "'" + replaceAll(word, "'", "'\\''") + "'";
}

Result<std::string> serviceUnitText(const ScheduledCommand& c) {
    if (auto st = checkPaths(c); !st) return st.error();
    std::string exec;
    for (const auto& word : c.argv()) exec += (exec.empty() ? "" : " ") + systemdQuote(word);
    const std::string workspace = replaceAll(replaceAll(c.workspace.string(), "\\", "\\\\"), "\"", "\\\"");
    return "# Written by `kiln pipeline schedule`; `kiln pipeline unschedule " + c.pipeline + "` removes it.\n"
           "[Unit]\n"
           "Description=Kiln pipeline " + c.pipeline + " (" + specifierSafe(c.file.string()) + ")\n"
           "X-KilnWorkspace=" + c.workspace.string() + "\n"
           "\n"
           "[Service]\n"
           "Type=oneshot\n"
           "WorkingDirectory=" + specifierSafe(c.folder().string()) + "\n"
           "Environment=\"KILN_WORKSPACE=" + specifierSafe(workspace) + "\"\n"
           "ExecStart=" + exec + "\n";
}

Result<std::string> timerUnitText(const std::string& pipeline, const std::string& calendar) {
    auto unit = unitBaseName(pipeline);
    if (!unit) return unit.error();
    return "# Written by `kiln pipeline schedule`; `kiln pipeline unschedule " + pipeline + "` removes it.\n"
           "[Unit]\n"
           "Description=Schedule of Kiln pipeline " + pipeline + "\n"
           "\n"
           "[Timer]\n"
           "OnCalendar=" + calendar + "\n"
           "Persistent=true\n"
           "Unit=" + *unit + ".service\n"
           "\n"
           "[Install]\n"
           "WantedBy=timers.target\n";
}

std::string unitWorkspace(const std::string& serviceText) {
    std::istringstream in(serviceText);
    for (std::string line; std::getline(in, line);)
        if (startsWith(line, "X-KilnWorkspace=")) return line.substr(16);
    return {};
}

Result<std::string> cronBlock(const ScheduledCommand& c, const std::string& cronTime) {
    if (auto st = checkPaths(c); !st) return st.error();
    std::string command = "cd " + shellWord(c.folder().string()) + " &&";
    for (const auto& word : c.argv()) command += " " + shellWord(word);
    command += " >> " + shellWord(c.cronLog.string()) + " 2>&1";
    // cron turns an unescaped % into a line break (the rest becomes stdin); \% is a %.
    command = replaceAll(command, "%", "\\%");
    return beginMarker(c.pipeline) + " (managed by kiln; edit with kiln pipeline schedule/unschedule)\n"
           "# workspace " + c.workspace.string() + "\n" + cronTime + " " + command + "\n" + endMarker(c.pipeline) + "\n";
}

std::string pausedCronBlock(const std::string& block, const std::string& reason) {
    std::istringstream in(block);
    std::string out;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] != '#') out += "# paused: " + replaceAll(reason, "\n", " ") + "\n#" + line + "\n";
        else out += line + "\n";
    }
    return out;
}

std::optional<std::string> findCronBlock(const std::string& crontab, const std::string& pipeline) {
    auto span = locateBlock(crontab, pipeline);
    if (!span || !*span) return std::nullopt;
    return crontab.substr((*span)->begin, (*span)->end - (*span)->begin);
}

std::string cronBlockWorkspace(const std::string& block) {
    std::istringstream in(block);
    for (std::string line; std::getline(in, line);)
        if (startsWith(line, "# workspace ")) return line.substr(12);
    return {};
}

Result<std::string> replaceCronBlock(const std::string& crontab, const std::string& pipeline, const std::string& block) {
    auto span = locateBlock(crontab, pipeline);
    if (!span) return span.error();
    if (*span) return crontab.substr(0, (*span)->begin) + block + crontab.substr((*span)->end);
    // cron needs every line ended; the last one may not be.
    const bool needsBreak = !crontab.empty() && crontab.back() != '\n';
    return crontab + (needsBreak ? "\n" : "") + block;
}

Result<std::string> removeCronBlock(const std::string& crontab, const std::string& pipeline) {
    auto span = locateBlock(crontab, pipeline);
    if (!span) return span.error();
    if (!*span) return crontab;
    return crontab.substr(0, (*span)->begin) + crontab.substr((*span)->end);
}

}  // namespace kiln
