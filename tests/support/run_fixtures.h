#pragma once

// Running a recorded run to its end, as the front ends do: through the launcher.
#include <atomic>
#include <filesystem>
#include <string>

#include "core/runs/launcher.h"
#include "core/store/workspace.h"

namespace kiln::test {

// Starts (or, with `resume`, continues) recorded run `id` of `ws` in a `kiln worker` of `kiln` on
// this machine and follows it to its end; returns its final status.
inline Result<std::string> runToEnd(Workspace& ws, const std::string& id,
                                    const std::filesystem::path& kiln, bool resume = false,
                                    const EventCallback& onEvent = {},
                                    const std::atomic<bool>* cancel = nullptr) {
    LaunchOptions options;
    options.mode = resume ? LaunchMode::Resume : LaunchMode::Fresh;
    options.kilnPath = kiln;
    auto executor = launchRun(ws, id, options);
    if (!executor) return executor.error();
    return (*executor)->follow(onEvent, cancel);
}

}  // namespace kiln::test
