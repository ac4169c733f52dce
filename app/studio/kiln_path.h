#pragma once

#include <QString>

namespace kiln {
namespace studio {

// Where Studio finds the `kiln` executable that runs training workers (Studio's own executable
// is kiln-studio, so it cannot start itself as the worker). In order: `fromEnvironment`
// ($KILN_CLI) when set; the CLI of the same build tree (`<appDir>/../cli/kiln`); an installed one
// beside Studio (`<appDir>/kiln`); the first `kiln` on PATH. Candidates must be executable
// files. Returns an empty string when none is found.
QString resolveKilnPath(const QString& appDir, const QString& fromEnvironment);

// resolveKilnPath for this process ($KILN_CLI and QCoreApplication::applicationDirPath()).
QString kilnPath();

}  // namespace studio
}  // namespace kiln
