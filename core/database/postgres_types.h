#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/cell_rows.h"

typedef unsigned int Oid;

namespace kiln {

class PgConnection;

// How the text libpq gives for a column becomes a cell CSV import reads.
enum class PgCellForm {
    AsIs,         // integers, floats, text, enum labels, anything read as text
    Boolean,      // "t"/"f" → "true"/"false"
    Money,        // "-$1,234.50" → "-1234.50" (the session's lc_monetary is C)
    Date,         // "infinity" and BC dates → missing, counted
    Timestamp,    // "2024-01-31 12:00:00.123456" → "2024-01-31T12:00:00.123"
    TimestampTz,  // the same, without the "+00" (the session's time zone is UTC)
};

// One result column: its name, what Kiln declares for it, how its cells are read.
struct PgColumn {
    std::string name;
    Oid type = 0;
    PgCellForm form = PgCellForm::AsIs;
    DeclaredColumn declared;
};

// The columns of a result whose type OIDs are `types`: built-in types mapped directly, others
// (enums, citext, arrays, domains…) looked up in pg_type and pg_enum through `connection`.
Result<std::vector<PgColumn>> describePgColumns(PgConnection& connection,
                                                const std::vector<std::string>& names,
                                                const std::vector<Oid>& types);

}  // namespace kiln
