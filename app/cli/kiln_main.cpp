// `kiln`: the front end. The verbs that list, show, import CSV and script a workspace run here, in an
// executable that links neither LibTorch nor OpenCV, ONNX or XGBoost (the cli/light_executable
// test holds it), so they answer like git or sqlite3. Every other verb, `kiln --help` and words
// it does not know go to `kiln-engine` with the same arguments, by exec: the same process, pid,
// standard input and output, so `kiln worker` on a remote host speaks protocol 1 unchanged.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/arg_parser.h"
#include "app/cli/cli_app.h"
#include "app/cli/pipeline_output.h"
#include "core/samples/sample_library.h"

namespace {

namespace fs = std::filesystem;
using kiln::cli::Command;

const std::vector<Command>& lightCommands() {
    using namespace kiln::cli;
    static const std::vector<Command> commands = {
        makeInitCommand(),     makeImportCommand(),   makeDatasetsCommand(), makeShowCommand(),
        makeStatsCommand(),    makeValidateCommand(), makeTrainCommand(),    makeRunsCommand(),
        makeRunCommand(),      makeCancelCommand(),   makeResumeCommand(),   makeAttachCommand(),
        makeCompareCommand(),  makeHostsCommand(),    makeRemoveCommand(),   makeGcCommand(),
        makeStarCommand(),     makeUnstarCommand(),   makeRenameCommand(),  makeSamplesCommand(), makeRefreshCommand(),
        makePipelineCommand(nullptr)};
    return commands;
}

// Whether the front end answers this line: parsed as its own commands would parse it, a light
// command (an image import aside, a sample's included: decoding images is the engine's), or `--version` alone. An
// unknown word, `kiln --help` and a bare `kiln` go to the engine, which knows every command.
bool answeredHere(const std::vector<std::string>& args) {
    const kiln::cli::ParseResult parsed = kiln::cli::parseCommandLine(args, lightCommands());
    if (!parsed.command) return parsed.versionRequested && !parsed.helpRequested;
    // A pipeline run trains, exports and predicts: the engine's.
    if (parsed.command->name == "pipeline")
        return !parsed.usageError.empty() || parsed.arguments.positionals.empty() ||
               parsed.arguments.positionals[0] != "run";
    if (parsed.command->name != "import" || !parsed.usageError.empty()) return true;
    if (parsed.arguments.value("format") == std::optional<std::string>("images")) return false;
    if (auto name = parsed.arguments.value("sample")) {
        auto sample = kiln::findSample(*name);
        return !sample || sample->kind != "images";
    }
    std::error_code ec;
    for (const auto& path : parsed.arguments.positionals)
        if (fs::is_directory(path, ec)) return false;
    return true;
}

// $KILN_ENGINE, else kiln-engine beside this executable (a build tree), else
// ../libexec/kiln/kiln-engine (an installed one).
fs::path enginePath() {
    if (const char* chosen = std::getenv("KILN_ENGINE"); chosen && *chosen) return chosen;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return "kiln-engine";
    for (const fs::path& candidate : {self.parent_path() / "kiln-engine",
                                      self.parent_path() / ".." / "libexec" / "kiln" / "kiln-engine"})
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.lexically_normal();
    return self.parent_path() / "kiln-engine";
}

int runEngine(char** argv) {
    const fs::path engine = enginePath();
    ::execv(engine.c_str(), argv);
    std::cerr << "kiln: error: cannot start the Kiln engine " << engine << ": "
              << std::strerror(errno) << "\n"
              << "kiln: hint: kiln-engine belongs beside kiln or in ../libexec/kiln; "
                 "$KILN_ENGINE names another\n";
    return kiln::cli::kExitBadInput;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!answeredHere(args)) return runEngine(argv);
    return kiln::cli::runCli(args, lightCommands());
}
