#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace kiln {

// What a tool the schedules run (systemctl, loginctl, crontab, notify-send) printed and how it ended.
struct ToolOutput {
    int exitStatus = 0;  // 127: it could not be started; 128 + N: killed by signal N
    std::string out;
    std::string err;
};

// Runs `argv` without a shell (argv[0] searched in $PATH, so tests put fakes first), `input` on
// its stdin, stdout and stderr captured, killed after `timeoutSeconds`. Io naming the command
// when it cannot start or does not finish in time; a non-zero exit is a ToolOutput, not an error.
Result<ToolOutput> runTool(const std::vector<std::string>& argv, const std::string& input = {},
                           int timeoutSeconds = 30);

// runTool, with a non-zero exit made an Io error naming the command and what it said.
Result<ToolOutput> runToolChecked(const std::vector<std::string>& argv, const std::string& input = {},
                                  int timeoutSeconds = 30);

// The executable `name` in $PATH, or nullopt.
std::optional<std::filesystem::path> findOnPath(const std::string& name);

// `argv` for messages: "systemctl --user daemon-reload".
std::string commandText(const std::vector<std::string>& argv);

// The last non-empty line a failed tool printed (stderr, else stdout), for messages.
std::string toolComplaint(const ToolOutput& output);

}  // namespace kiln
