#include <string>
#include <vector>

#include "app/cli/cli_app.h"

int main(int argc, char** argv) {
    return kiln::cli::runCli(std::vector<std::string>(argv + 1, argv + argc));
}
