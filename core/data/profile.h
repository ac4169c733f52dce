#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/data/column_type.h"
#include "core/data/numeric_summary.h"
#include "core/jobs/job_context.h"

namespace kiln {

class Table;
class ColumnView;

// A value of a categorical, boolean or text column and how often it occurs.
struct CategoryCount {
    std::string value;
    std::uint64_t count = 0;
};

// Lengths, in UTF-8 bytes, of a text column's present cells.
struct TextLengths {
    std::uint64_t min = 0, max = 0;
    double mean = 0;
};

// Everything the profile says about one column. `numeric` is set for integer, float, boolean,
// date (values in days since 1970-01-01) and datetime (milliseconds) columns; `top` for
// categorical, boolean and text columns; `textLengths` for text.
struct ColumnProfile {
    std::string name;
    ColumnType type = ColumnType::Text;
    std::uint64_t count = 0;    // present cells (finite and infinite numbers)
    std::uint64_t missing = 0;
    std::uint64_t distinct = 0;
    bool distinctIsEstimate = false;
    std::optional<NumericSummary> numeric;
    std::vector<CategoryCount> top;  // most frequent first, at most ProfileOptions::topCount
    std::optional<TextLengths> textLengths;
};

// Pearson and Spearman correlations between the numeric (integer, float, boolean) columns,
// row-major, NaN where a pair has fewer than two complete rows or no variance. Pearson uses
// every pairwise-complete row of finite values (NaN and ±inf are left out); Spearman ranks each
// column's finite values (average ranks for ties) over at most kSpearmanRows evenly spaced rows,
// and says how many it used. The matrices are quadratic in columns, so by default they cover at
// most kCorrelationColumns numeric columns (see ProfileOptions).
struct CorrelationMatrix {
    std::vector<std::string> columns;
    std::vector<double> pearson;
    std::vector<double> spearman;
    std::uint64_t spearmanRows = 0;
    std::uint64_t numericColumns = 0;  // numeric columns profiled
    bool limited = false;              // the default limit left some of them out
    double at(const std::vector<double>& m, std::size_t i, std::size_t j) const {
        return m[i * columns.size() + j];
    }
};

inline constexpr std::uint64_t kSpearmanRows = 1000000;

// Correlations cover at most this many numeric columns unless told otherwise: 100 columns are
// 10,000 cells per method, where 20,000 columns would be 3.2 GB.
inline constexpr std::size_t kCorrelationColumns = 100;

struct TableProfile {
    std::uint64_t rows = 0;
    std::vector<ColumnProfile> columns;
    CorrelationMatrix correlation;

    std::string toJson(int indent = -1) const;
    static Result<TableProfile> fromJson(std::string_view json);
    const ColumnProfile* column(std::string_view name) const;
};

struct ProfileOptions {
    int bins = 0;          // histogram bins; 0: numpy's 'auto' per column
    int threads = 0;       // 0: all cores
    int topCount = 20;     // categories listed per column
    bool correlations = true;
    std::vector<std::string> columns;  // only these columns (all when empty)
    // The numeric columns the correlations cover: these (each must be integer, float or boolean),
    // else the first `correlationLimit` numeric ones among the profiled columns (0: all of them).
    std::vector<std::string> correlationColumns;
    std::size_t correlationLimit = kCorrelationColumns;

    // A short text that identifies these options in the profile cache.
    std::string cacheKey() const;
};

// Profiles a stored table: every column's statistics and the correlation matrix. Progress is one
// unit per column; cancellation is checked between columns. Memory is the table's mapping plus a
// few kilobytes per column and the (bounded) correlation matrix. Fails with NotFound for an
// unknown column name, InvalidArgument for a correlation column that is not numeric, Cancelled
// when cancelled. Reads only; safe alongside other readers.
Result<TableProfile> profileTable(const Table& table, const ProfileOptions& options, JobContext& job);

// One column's profile (used by profileTable and by views that profile a column on demand).
ColumnProfile profileColumn(const ColumnView& column, const ProfileOptions& options);

// The column's cells as doubles with NaN for missing (numeric, boolean, date and datetime
// columns); empty for categorical and text.
std::vector<double> columnAsDoubles(const ColumnView& column);

}  // namespace kiln
