#pragma once

#include <QString>

namespace kiln {
namespace widgets {

// Messages written in English where they are made (core's notes and environment report, the
// titles and last words of Studio's jobs), said in the language chosen when they are shown. Each
// kind of message is known by its English pattern, its stable key: the translation is looked up
// by the pattern's source text and the parts that vary (names, numbers) are put back, so a view
// reads them again in Korean after a switch. A message of no known pattern is shown as written.
QString localMessage(const QString& english);

}  // namespace widgets
}  // namespace kiln
