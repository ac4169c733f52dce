// The engine's command table: every command, with the heavy ones (training, export, prediction,
// image decoding) that pull LibTorch, OpenCV, ONNX and XGBoost into the executable.
#include "app/cli/cli_app.h"
#include "app/cli/import_images.h"
#include "app/cli/pipeline_output.h"

namespace kiln::cli {

const std::vector<Command>& allCommands() {
    installImageImport();
    static const std::vector<Command> commands = {makeInitCommand(),    makeInfoCommand(),
                                                  makeImportCommand(),  makeDatasetsCommand(),
                                                  makeShowCommand(),    makeStatsCommand(),
                                                  makeValidateCommand(), makeTrainCommand(),
                                                  makeRunsCommand(),    makeRunCommand(),
                                                  makeCancelCommand(),  makeResumeCommand(),
                                                  makeAttachCommand(),
                                                  makeCompareCommand(), makeSweepCommand(),
                                                  makeExportCommand(),  makePredictCommand(),
                                                  makeModelsCommand(),  makeModelCommand(),
                                                  makeHostsCommand(),   makeRemoveCommand(),
                                                  makeGcCommand(),      makeStarCommand(),
                                                  makeUnstarCommand(),  makeRenameCommand(),  makeSamplesCommand(),  makeRefreshCommand(),
                                                  makeServeCommand(),   makeMonitorCommand(),
                                                  makePipelineCommand(runPipelineRunVerb),
                                                  makeWorkerCommand()};
    return commands;
}

}  // namespace kiln::cli
