// The tools schedules run, through core/remote's child-process code (fork and exec, pipes, a
// deadline), with messages that name the tool rather than ssh.
#include "core/pipeline/schedule/schedule_process.h"

#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "core/remote/ssh_process.h"

namespace kiln {

namespace fs = std::filesystem;

std::string commandText(const std::vector<std::string>& argv) {
    std::string out;
    for (const auto& a : argv) out += (out.empty() ? "" : " ") + a;
    return out;
}

Result<ToolOutput> runTool(const std::vector<std::string>& argv, const std::string& input, int timeoutSeconds) {
    auto r = runProcess(argv, input, -1, -1, timeoutSeconds);
    if (!r) {
        // runProcess speaks of ssh; its only failures are pipes, fork and the deadline.
        const bool late = r.error().message.find("did not finish") != std::string::npos;
        Error e = makeError(ErrorCode::Io,
                            late ? "`" + commandText(argv) + "` did not finish within " + std::to_string(timeoutSeconds) + " s"
                                 : "cannot run `" + commandText(argv) + "`: " + r.error().toString());
        return e;
    }
    return ToolOutput{r->exitStatus, std::move(r->out), std::move(r->err)};
}

Result<ToolOutput> runToolChecked(const std::vector<std::string>& argv, const std::string& input, int timeoutSeconds) {
    auto r = runTool(argv, input, timeoutSeconds);
    if (!r) return r.error();
    if (r->exitStatus != 0)
        return makeError(ErrorCode::Io, "`" + commandText(argv) + "` failed: " + toolComplaint(*r));
    return r;
}

std::optional<fs::path> findOnPath(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        if (dir.empty()) continue;
        const fs::path candidate = fs::path(dir) / name;
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return std::nullopt;
}

std::string toolComplaint(const ToolOutput& output) {
    for (const std::string* text : {&output.err, &output.out}) {
        std::istringstream in(*text);
        std::string last;
        for (std::string line; std::getline(in, line);)
            if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
        if (!last.empty()) return last;
    }
    return "exit status " + std::to_string(output.exitStatus);
}

}  // namespace kiln
