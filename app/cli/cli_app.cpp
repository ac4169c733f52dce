#include "app/cli/cli_app.h"

#include <unistd.h>

#include <iostream>
#include <optional>
#include <nlohmann/json.hpp>

#include "app/cli/arg_parser.h"
#include "app/cli/terminal_safe_output.h"
#include "core/base/build_info.h"
#include "core/base/names.h"
#include "core/remote/worker_event.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

int printVersion(bool json) {
    if (json)
        std::cout << nlohmann::json{{"kiln", build::kKilnVersion}, {"protocol", kWorkerProtocol}}.dump()
                  << "\n";
    else
        std::cout << "kiln " << build::kKilnVersion << " (worker protocol " << kWorkerProtocol
                  << ")\n";
    return kExitOk;
}

}  // namespace

int reportError(const Error& error) {
    std::cerr << "kiln: error: " << printable(error.toString()) << "\n";
    if (!error.hint.empty()) std::cerr << "kiln: hint: " << printable(error.hint) << "\n";
    return kExitBadInput;
}

int reportUsageError(const std::string& message) {
    std::cerr << "kiln: error: " << printable(message) << "\n";
    return kExitBadUsage;
}

std::filesystem::path workspacePath(const Arguments& args) {
    return args.workspace.empty() ? Workspace::defaultPath() : std::filesystem::path(args.workspace);
}

Result<std::unique_ptr<Workspace>> openWorkspace(const Arguments& args, bool create) {
    return Workspace::open(workspacePath(args), create);
}

int runCli(const std::vector<std::string>& args, const std::vector<Command>& commands) {
    // Text from outside (names, headers, file names, messages) never reaches a terminal raw.
    // Messages are always escaped; standard output only on a terminal, so data written to a
    // pipe or a file (predictions, events) stays byte for byte what it is.
    TerminalSafeStream safeErr(std::cerr);
    std::optional<TerminalSafeStream> safeOut;
    if (::isatty(STDOUT_FILENO)) safeOut.emplace(std::cout);
    ParseResult parsed = parseCommandLine(args, commands);
    if (parsed.helpRequested) {
        std::cout << (parsed.command ? commandHelp(*parsed.command) : programHelp(commands));
        return kExitOk;
    }
    if (!parsed.usageError.empty()) return reportUsageError(parsed.usageError);
    if (parsed.versionRequested) return printVersion(parsed.arguments.json);
    if (!parsed.command) {
        std::cerr << programHelp(commands);
        return reportUsageError("no command given");
    }
    try {
        return parsed.command->run(parsed.arguments);
    } catch (const std::exception& e) {
        return reportError(makeError(ErrorCode::Internal, std::string("unexpected failure: ") + e.what()));
    }
}

}  // namespace kiln::cli
