#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/profile.h"
#include "core/jobs/job_context.h"

namespace kiln {

class Table;

// One thing a validation found: `kind` is a stable identifier for scripts ("constant",
// "all_missing", "mostly_missing", "some_missing", "high_cardinality", "id_like", "duplicate_rows", "outliers",
// "infinite_values", "class_imbalance"), `message` the sentence a person reads.
struct ValidationFinding {
    std::string kind;
    IssueSeverity severity = IssueSeverity::Warning;
    std::string column;  // empty for table-wide findings
    std::string message;
    double value = 0;    // the figure behind the finding (a count, a share, a ratio)
};

struct ValidationReport {
    std::uint64_t rows = 0;
    std::size_t columns = 0;
    std::uint64_t duplicateRows = 0;  // rows equal to an earlier row in every column
    std::int64_t firstDuplicateRow = -1, firstDuplicateOf = -1;  // 0-based example pair
    std::vector<ValidationFinding> findings;

    std::string toJson(int indent = -1) const;
    bool has(const std::string& kind, const std::string& column = {}) const;
};

struct ValidationOptions {
    std::string target;  // a column whose classes are checked for imbalance (optional)
    double imbalanceRatio = 0.2;   // minority/majority below this is reported
    double mostlyMissing = 0.5;    // share of missing cells above this is reported
    double someMissing = 0.1;      // a share above this (and at most mostlyMissing) is reported too
    int threads = 0;
};

// Checks one dataset version using its profile: constant and all-missing columns, mostly- and
// partly-missing columns (above someMissing), high-cardinality categoricals, ID-like columns, duplicate rows (by a 64-bit hash of
// every cell), IQR outliers, infinite values, and class imbalance of the target. NotFound for an unknown target.
Result<ValidationReport> validateTable(const Table& table, const TableProfile& profile,
                                       const ValidationOptions& options, JobContext& job);

}  // namespace kiln
