#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/jobs/job_context.h"

namespace kiln {

class ColumnView;
class Table;

// A column added, removed or retyped between two versions.
struct SchemaChange {
    std::string column;
    std::string change;  // "added", "removed", "type changed"
    std::string from, to;  // types, for "type changed"
};

// How far one column's distribution moved from the reference version to the current one.
// PSI (population stability index) over the reference's deciles (numbers, dates) or categories,
// with missing values, -inf and +inf as bins of their own; below 0.1 is usually read as stable, 0.1-0.25 as a
// moderate shift, above 0.25 as a major one. For numbers also the two-sample Kolmogorov-Smirnov
// statistic D and its asymptotic p-value (evenly spaced samples of at most 1,000,000 rows).
struct ColumnDrift {
    std::string column;
    std::string type;
    double psi = 0;
    std::optional<double> ks, ksPValue;
    std::string level;  // "stable", "moderate", "major"
};

struct DriftReport {
    std::vector<SchemaChange> schemaChanges;
    std::vector<ColumnDrift> columns;
    std::string toJson(int indent = -1) const;
};

// Compares `current` against `reference` column by column (matched by name).
Result<DriftReport> compareTables(const Table& reference, const Table& current, JobContext& job);

// One column's two distributions side by side, for drawing: shared bins (numbers: even bins over
// both versions' finite range; categories and booleans: the most frequent values of both, the
// rest as "other"), each version's share of its non-missing cells in each bin, and the missing
// shares. Evenly spaced samples of at most 1,000,000 rows per version.
struct DistributionPair {
    std::vector<std::string> labels;  // bin starts ("4.5") or values ("Adelie")
    std::vector<double> reference, current;  // shares, each summing to 1 (or all 0 when empty)
    double referenceMissing = 0, currentMissing = 0;  // shares of all rows
    bool numeric = false;
};
DistributionPair pairDistributions(const ColumnView& reference, const ColumnView& current,
                                   int bins = 20, int categories = 12);

// Two-sample KS statistic of two ascending samples, and the asymptotic p-value of D for them.
double ksStatistic(const std::vector<double>& a, const std::vector<double>& b);
double ksPValue(double d, std::size_t n1, std::size_t n2);

}  // namespace kiln
