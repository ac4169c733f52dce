// `kiln-engine`: every command of `kiln`, LibTorch, OpenCV, ONNX and XGBoost linked in. The `kiln`
// front end (kiln_main.cpp) hands it the verbs it does not answer itself.
#include <string>
#include <vector>

#include "app/cli/cli_app.h"

int main(int argc, char** argv) {
    return kiln::cli::runCli(std::vector<std::string>(argv + 1, argv + argc),
                             kiln::cli::allCommands());
}
