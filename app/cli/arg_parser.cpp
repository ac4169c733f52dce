#include "app/cli/arg_parser.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace kiln::cli {

namespace {

const OptionSpec* findOption(const Command& command, const std::string& name) {
    for (const auto& option : command.options)
        if (option.name == name) return &option;
    return nullptr;
}

const Command* findCommand(const std::vector<Command>& commands, const std::string& name) {
    for (const auto& command : commands)
        if (command.name == name) return &command;
    return nullptr;
}

std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The known command nearest to a mistyped one, if it is close enough to be what was meant.
std::string closestCommand(const std::vector<Command>& commands, const std::string& name) {
    std::string best;
    std::size_t bestDistance = 3;
    for (const auto& command : commands) {
        std::size_t d = editDistance(command.name, name);
        if (d < bestDistance) best = command.name, bestDistance = d;
    }
    return best;
}

// Handles one `--name[=value]` token; returns false with an error when it is not valid.
bool takeOption(ParseResult& result, const std::vector<std::string>& args, std::size_t& i) {
    std::string token = args[i].substr(2);
    std::string inlineValue;
    bool hasInline = false;
    if (auto eq = token.find('='); eq != std::string::npos) {
        inlineValue = token.substr(eq + 1);
        token = token.substr(0, eq);
        hasInline = true;
    }
    auto nextValue = [&](std::string& out) {
        if (hasInline) return out = inlineValue, true;
        if (i + 1 >= args.size()) return false;
        out = args[++i];
        return true;
    };
    if (token == "help") return result.helpRequested = true;
    if (token == "version") return result.versionRequested = true;
    if (token == "json") return result.arguments.json = true;
    if (token == "workspace") {
        if (nextValue(result.arguments.workspace)) return true;
        result.usageError = "option --workspace needs a folder";
        return false;
    }
    const OptionSpec* spec = result.command ? findOption(*result.command, token) : nullptr;
    if (!spec) {
        result.usageError = "unknown option --" + token +
                            (result.command ? " for 'kiln " + result.command->name + "'" : "");
        return false;
    }
    std::string value = "true";
    if (!spec->valueName.empty() && !nextValue(value)) {
        result.usageError = "option --" + token + " needs a value (" + spec->valueName + ")";
        return false;
    }
    auto& slot = result.arguments.options[token];
    slot = spec->repeatable && !slot.empty() ? slot + "," + value : value;
    return true;
}

bool checkPositionals(ParseResult& result) {
    const Command& command = *result.command;
    int count = int(result.arguments.positionals.size());
    if (count < command.minPositionals) {
        result.usageError = "'kiln " + command.name + "' needs more arguments; usage: " + command.usage;
        return false;
    }
    if (command.maxPositionals >= 0 && count > command.maxPositionals) {
        result.usageError = "unexpected argument '" +
                            result.arguments.positionals[std::size_t(command.maxPositionals)] +
                            "'; usage: " + command.usage;
        return false;
    }
    return true;
}

}  // namespace

std::optional<std::string> Arguments::value(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
}

ParseResult parseCommandLine(const std::vector<std::string>& args,
                             const std::vector<Command>& commands) {
    ParseResult result;
    bool onlyPositionals = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!onlyPositionals && arg == "--") {
            onlyPositionals = true;
        } else if (!onlyPositionals && arg.rfind("--", 0) == 0) {
            if (!takeOption(result, args, i)) return result;
        } else if (!onlyPositionals && arg == "-h") {
            result.helpRequested = true;
        } else if (!onlyPositionals && arg.size() > 1 && arg[0] == '-' && !std::isdigit(arg[1])) {
            result.usageError = "unknown option " + arg + " (options are written --name)";
            return result;
        } else if (!result.command) {
            result.command = findCommand(commands, arg);
            if (!result.command) {
                auto hint = closestCommand(commands, arg);
                result.usageError = "unknown command '" + arg + "'" +
                                    (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                                    "; see 'kiln --help'";
                return result;
            }
        } else {
            result.arguments.positionals.push_back(arg);
        }
    }
    if (result.command && !result.helpRequested) checkPositionals(result);
    return result;
}

std::string programHelp(const std::vector<Command>& commands) {
    std::ostringstream out;
    out << "Usage: kiln [--workspace DIR] [--json] COMMAND [ARGS]\n\n"
        << "Kiln: datasets, training runs and verified ONNX models, from the command line.\n\n"
        << "Commands:\n";
    std::size_t width = 0;
    for (const auto& c : commands) width = std::max(width, c.name.size());
    for (const auto& c : commands)
        out << "  " << c.name << std::string(width + 3 - c.name.size(), ' ') << c.summary << "\n";
    out << "\nGlobal options:\n"
        << "  --workspace DIR   workspace folder (default: $KILN_WORKSPACE, else\n"
        << "                    $XDG_DATA_HOME/kiln/default)\n"
        << "  --json            print one JSON document on stdout\n"
        << "  --help            help for kiln or for a command: kiln COMMAND --help\n"
        << "  --version         print the version\n"
        << "\nExit status: 0 success, 1 bad input, 2 bad usage.\n";
    return out.str();
}

std::string commandHelp(const Command& command) {
    std::ostringstream out;
    out << "Usage: " << command.usage << "\n\n" << command.summary << "\n";
    if (!command.description.empty()) out << "\n" << command.description << "\n";
    out << "\nOptions:\n";
    for (const auto& o : command.options) {
        std::string left = "--" + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
        out << "  " << left << std::string(left.size() < 18 ? 18 - left.size() : 1, ' ') << o.help
            << "\n";
    }
    out << "  --workspace DIR   workspace folder\n"
        << "  --json            print one JSON document on stdout\n"
        << "  --help            show this help\n";
    return out.str();
}

}  // namespace kiln::cli
