#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/cell_parser.h"
#include "core/data/column_type.h"

namespace kiln {

// How the cells of one column are read: the type and the reading choices made for it.
struct ColumnSpec {
    std::string name;
    ColumnType type = ColumnType::Text;
    DateOrder dateOrder = DateOrder::DayFirst;
    bool decimalComma = false;
    bool overridden = false;  // set by the user, never widened
    char thousands = 0;       // Float: the digit-group separator (',' or '.'), 0 for none
    bool undecided = false;   // no values in the sample: typed again from values found later
    std::string note;         // how the type was decided, for people ("day-first dates …")
    // Boolean: how the file spells false and true ("no"/"yes"), empty for "false"/"true".
    std::vector<std::string> labels;
    // Chosen in the preview or on the command line (core/data/column_choices.h):
    std::string fileName;  // the name in the file (`name` differs when the column is renamed)
    bool skipped = false;  // not stored
    bool ordered = false;  // Categorical: `levels` is an order (low to high), not only a list
    std::vector<std::string> levels;  // Categorical: the first codes, in this order
};

// Decides a column's type from a sample of its cells (missing markers included). Integers that
// overflow int64 give Float; slashed dates decide day-first or month-first from the values and
// say so in the note (an ambiguous column is read day-first, and the note says it was assumed).
// Low-cardinality strings (distinct <= max(20, 5% of rows), and not unique-ish) are Categorical.
// Digit strings with leading zeros (ZIP codes, 08123) stay categorical or text, and numbers with
// digit groups (1,234.5 or 1.234,5, consistent over the column) are Float; both say so in the
// note. A sample with no values gives Text marked `undecided`. A Boolean column keeps the
// spelling of its first value's kind (yes/no, Yes/No, TRUE/FALSE …) as its labels. Pure function, thread-safe.
ColumnSpec inferColumn(std::string name, const std::vector<std::string>& cells, bool decimalComma);

// True when `cell` reads as a value of `spec` (missing markers always do).
bool cellFits(const ColumnSpec& spec, std::string_view cell);

// The type a column falls back to when a cell does not fit it: Integer → Float,
// Date → DateTime, the rest → Text.
ColumnType widenedType(ColumnType type);

}  // namespace kiln
