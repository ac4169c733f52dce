#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/remote/ssh_host.h"

// Internal to core/remote's SSH files: running the OpenSSH tools as child processes, and the
// small text helpers their messages use.
namespace kiln {

// Runs argv; `input` on its stdin (or `inputFd` when >= 0), stdout captured (or to `outputFd`
// when >= 0), stderr captured. Kills it after `timeoutSeconds`. Io when it cannot start or
// does not finish in time; an exit status of 127 with no stderr says "cannot run ARGV0".
Result<SshOutput> runProcess(const std::vector<std::string>& argv, const std::string& input,
                             int inputFd, int outputFd, int timeoutSeconds);

// In a forked child: execs argv (searching PATH) with SIGPIPE at its default; exits 127 when
// that fails.
[[noreturn]] void execArgv(const std::vector<std::string>& argv);

// The whole file (empty when it cannot be read).
std::string readAllFile(const std::filesystem::path& file);

// The first 16 hex digits of the sha256 of `s` (short, stable names for sockets and logs).
std::string shortHash(const std::string& s);

// The last `n` non-empty lines of ssh's stderr on one line, without its "Permanently added"
// warnings.
std::string lastLines(const std::string& text, int n);

}  // namespace kiln
