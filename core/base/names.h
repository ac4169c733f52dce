#pragma once

#include <string>

#include "core/base/result.h"

namespace kiln {

// The one rule for names people type back (datasets, models, hosts): 1 to 128 bytes of ASCII
// letters, digits, `_`, `.` and `-`, plus letters outside ASCII (UTF-8); not starting with `-`
// (it would read as an option) or `.`; no `@` (it introduces a version), no spaces, slashes or
// control characters.
constexpr std::size_t kMaxNameBytes = 128;

// Why `name` breaks the rule (a sentence), or empty when it is a valid name.
std::string nameProblem(const std::string& name);

// InvalidArgument naming `what` ("dataset name"), the name (escaped) and the rule; Ok when valid.
Status checkName(const std::string& name, const std::string& what);

// A valid name made from `raw` (a file name): characters the rule refuses become `_`, leading
// `-`, `.` and `_` are dropped, the length is cut to the limit; "data" when nothing is left.
// "-rf" → "rf", "iris@2" → "iris_2", "my data" → "my_data".
std::string validNameFrom(const std::string& raw);

// `text` safe to print on a terminal: control characters (ESC, CR, …, DEL and the C1 range)
// are written as \xNN, so a name or message from outside cannot move the cursor or recolour.
std::string printable(const std::string& text);

}  // namespace kiln
