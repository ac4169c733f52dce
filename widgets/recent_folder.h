#pragma once

#include <QString>

namespace kiln {
namespace widgets {

// The folder a file dialog of one purpose ("import", "export", "predict", "chart") last chose,
// remembered across sessions (QSettings key "folders/<purpose>"), so the next dialog opens there.
// Home when none was chosen yet or it is gone. GUI thread only.
QString recentFolder(const QString& purpose);
// Remembers the folder of `chosen` (a file's folder, or a folder itself) for `purpose`.
void rememberFolder(const QString& purpose, const QString& chosen);

}  // namespace widgets
}  // namespace kiln
