#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiln::cli {

// One option a command accepts: `--name VALUE` when it takes a value, `--name` when it is a flag.
struct OptionSpec {
    std::string name;       // without the leading dashes
    std::string valueName;  // empty for flags; shown in help ("DIR")
    std::string help;
    bool repeatable = false;  // given twice, the values are joined with ','
};

// The arguments of one invocation after parsing: options by name, then positionals in order.
struct Arguments {
    std::string workspace;  // --workspace, or empty for the default
    bool json = false;      // --json
    std::map<std::string, std::string> options;
    std::vector<std::string> positionals;

    bool has(const std::string& name) const { return options.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
};

// What a command handler returns: the process exit status.
enum ExitCode { kExitOk = 0, kExitBadInput = 1, kExitBadUsage = 2 };

// A subcommand of `kiln`: its name, help texts, the options and positionals it takes, and the
// function that runs it. Commands print their results on stdout and errors through reportError.
struct Command {
    std::string name;
    std::string summary;  // one line for `kiln --help`
    std::string usage;    // "kiln init [DIR]"
    std::string description;
    std::vector<OptionSpec> options;
    int minPositionals = 0;
    int maxPositionals = 0;  // -1: any number
    std::function<int(const Arguments&)> run;
};

}  // namespace kiln::cli
