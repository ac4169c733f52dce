#pragma once

#include <string>
#include <vector>

#include "app/cli/command.h"

namespace kiln::cli {

// The outcome of parsing a command line: which command, its arguments, or a usage error.
struct ParseResult {
    const Command* command = nullptr;  // null for `kiln`, `kiln --help`, `kiln --version`
    Arguments arguments;
    bool helpRequested = false;
    bool versionRequested = false;
    std::string usageError;  // non-empty when the line is malformed
};

// Parses `argv[1..]` against the known commands. Global options (--workspace DIR, --json, --help,
// --version) may stand before or after the command name; `--opt=value` and `--opt value` both work.
ParseResult parseCommandLine(const std::vector<std::string>& args,
                             const std::vector<Command>& commands);

// `kiln --help`: the command list.
std::string programHelp(const std::vector<Command>& commands);
// `kiln CMD --help`: usage, description and options of one command.
std::string commandHelp(const Command& command);

}  // namespace kiln::cli
