#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/cli/command.h"
#include "core/base/result.h"

namespace kiln {
class Workspace;
}

namespace kiln::cli {

// Runs `kiln` with the given arguments (without the program name) over `commands`; returns the
// exit status.
int runCli(const std::vector<std::string>& args, const std::vector<Command>& commands);

// Every command `kiln` knows, in the order `kiln --help` lists them: the engine's (all_commands.cpp,
// which links every heavy library).
const std::vector<Command>& allCommands();

// Prints "kiln: error: …" on stderr and returns the exit status for this error.
int reportError(const Error& error);
int reportUsageError(const std::string& message);

// The workspace folder an invocation names: --workspace, else the default.
std::filesystem::path workspacePath(const Arguments& args);
// Opens the invocation's workspace; `create` makes it when missing.
Result<std::unique_ptr<Workspace>> openWorkspace(const Arguments& args, bool create);

// Commands, one per file.
Command makeInitCommand();
Command makeInfoCommand();
Command makeImportCommand();
Command makeDatasetsCommand();
Command makeShowCommand();
Command makeStatsCommand();
Command makeValidateCommand();
Command makeTrainCommand();
Command makeResumeCommand();
Command makeAttachCommand();
Command makeRunsCommand();
Command makeRunCommand();
Command makeCancelCommand();
Command makeWorkerCommand();
Command makeCompareCommand();
Command makeSweepCommand();
Command makeExportCommand();
Command makePredictCommand();
Command makeModelsCommand();
Command makeModelCommand();
Command makeServeCommand();
Command makeMonitorCommand();
Command makeHostsCommand();
Command makeRemoveCommand();
Command makeGcCommand();
Command makeStarCommand();
Command makeUnstarCommand();
Command makeRenameCommand();
Command makeSamplesCommand();
Command makeRefreshCommand();

}  // namespace kiln::cli
