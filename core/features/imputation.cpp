#include "core/features/imputation.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/data/table.h"

namespace kiln {

namespace {

double medianOf(std::vector<double> v) {
    if (v.empty()) return 0;
    auto mid = v.begin() + long(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

double meanOf(const std::vector<double>& v) {
    if (v.empty()) return 0;
    double mean = 0;
    for (std::size_t i = 0; i < v.size(); ++i) mean += (v[i] - mean) / double(i + 1);  // no overflow near 1e308
    return mean;
}

double mostFrequentOf(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    double best = v.front();
    std::size_t bestRun = 0;
    for (std::size_t i = 0; i < v.size();) {
        std::size_t j = i;
        while (j < v.size() && v[j] == v[i]) ++j;
        if (j - i > bestRun) best = v[i], bestRun = j - i;
        i = j;
    }
    return best;
}

std::string shown(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

}  // namespace

bool isImputation(const std::string& strategy) {
    for (const char* name : {"median", "mean", "most_frequent", "constant", "drop"})
        if (strategy == name) return true;
    return false;
}

const char* imputationNames() { return "median, mean, most_frequent, constant or drop"; }

double fillValue(std::vector<double> values, const std::string& strategy, double constant, bool date) {
    if (strategy == "mean") return date ? std::round(meanOf(values)) : meanOf(values);
    if (strategy == "most_frequent") return mostFrequentOf(std::move(values));
    if (strategy == "constant" && !date) return constant;
    return medianOf(std::move(values));
}

std::string fillPhrase(const std::string& strategy, double constant) {
    if (strategy == "mean") return "filled with the training mean";
    if (strategy == "most_frequent") return "filled with the training value met most often";
    if (strategy == "constant") return "filled with " + shown(constant) + " (dates: the training median)";
    return "filled with the training median";
}

std::string imputationPhrase(const std::string& strategy, double constant) {
    if (strategy == "drop")
        return "their rows are left out of training and evaluation (at prediction a missing cell "
               "takes the training median)";
    return fillPhrase(strategy, constant) + " and a missing indicator";
}

std::vector<std::uint64_t> rowsWithEveryFeature(const Table& table, const std::vector<std::string>& features,
                                                const std::vector<std::uint64_t>& rows) {
    std::vector<const ColumnView*> columns;
    for (const auto& name : features)
        if (int c = table.columnIndex(name); c >= 0) columns.push_back(&table.column(std::size_t(c)));
    auto complete = [&](std::uint64_t r) {
        return std::all_of(columns.begin(), columns.end(), [r](const ColumnView* c) {
            const ColumnType type = c->info().type;
            const bool numbers = type == ColumnType::Integer || type == ColumnType::Float ||
                                 type == ColumnType::Date || type == ColumnType::DateTime;
            return numbers ? std::isfinite(c->number(r)) : !c->isMissing(r);
        });
    };
    std::vector<std::uint64_t> kept;
    std::copy_if(rows.begin(), rows.end(), std::back_inserter(kept), complete);
    return kept;
}

}  // namespace kiln
