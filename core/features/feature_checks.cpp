#include "core/features/feature_checks.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "core/data/table.h"

namespace kiln {

namespace {

constexpr std::uint64_t kMaxCheckedRows = 1'000'000;  // larger tables are checked on a stride
constexpr std::uint64_t kMinRows = 20;                // too few rows say nothing
constexpr std::int64_t kMissingKey = std::numeric_limits<std::int64_t>::min();

std::string lower(const std::string& text) {
    std::string out;
    for (char c : text) out += char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool endsWith(const std::string& text, const char* suffix) {
    const std::size_t n = std::strlen(suffix);
    return text.size() > n && text.compare(text.size() - n, n, suffix) == 0;
}

// The rows looked at: every row, or an even stride of kMaxCheckedRows.
std::vector<std::uint64_t> checkedRows(std::uint64_t rows) {
    std::vector<std::uint64_t> out;
    const std::uint64_t n = std::min(rows, kMaxCheckedRows);
    out.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) out.push_back(rows <= kMaxCheckedRows ? i : i * rows / n);
    return out;
}

// Each checked row's value as a number that is equal exactly when the values are (kMissingKey
// when missing). Floats are their bits; text is numbered in order of appearance.
std::vector<std::int64_t> keysOf(const ColumnView& c, const std::vector<std::uint64_t>& rows) {
    std::vector<std::int64_t> keys;
    keys.reserve(rows.size());
    std::unordered_map<std::string, std::int64_t> texts;
    for (std::uint64_t r : rows) {
        if (c.isMissing(r)) {
            keys.push_back(kMissingKey);
            continue;
        }
        switch (c.info().type) {
        case ColumnType::Categorical: keys.push_back(c.code(r)); break;
        case ColumnType::Text: keys.push_back(texts.emplace(c.text(r), std::int64_t(texts.size())).first->second); break;
        case ColumnType::Float: {
            const double x = c.number(r);
            std::int64_t bits = 0;
            std::memcpy(&bits, &x, sizeof bits);
            keys.push_back(bits);
            break;
        }
        default: keys.push_back(std::int64_t(c.number(r)));
        }
    }
    return keys;
}

std::size_t distinctOf(const std::vector<std::int64_t>& keys, std::size_t* present = nullptr) {
    std::unordered_set<std::int64_t> seen;
    std::size_t n = 0;
    for (std::int64_t k : keys)
        if (k != kMissingKey) seen.insert(k), ++n;
    if (present) *present = n;
    return seen.size();
}

bool identifierName(const std::string& name) {
    const std::string l = lower(name);
    for (const char* exact : {"id", "idx", "index", "key", "uuid", "guid", "rowid", "row_id", "row", "record",
                              "record_id", "row.names", "rownames", "unnamed: 0"})
        if (l == exact) return true;
    for (const char* suffix : {"_id", ".id", "-id", " id", "_key", "_uuid", "_guid", "_no", "_number"})
        if (endsWith(l, suffix)) return true;
    // camelCase: customerId, orderID
    if (name.size() > 2 && (endsWith(name, "Id") || endsWith(name, "ID")) &&
        std::islower(static_cast<unsigned char>(name[name.size() - 3])))
        return true;
    return l.find("stratum") != std::string::npos || l.find("strata") != std::string::npos;
}

// The share of rows a feature's values alone classify right (each value's most frequent class),
// and the share the most frequent class alone gets.
std::pair<double, double> purity(const std::vector<std::int64_t>& feature, const std::vector<std::int64_t>& target) {
    std::unordered_map<std::int64_t, std::unordered_map<std::int64_t, std::uint64_t>> byValue;
    std::unordered_map<std::int64_t, std::uint64_t> classes;
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < feature.size(); ++i) {
        if (feature[i] == kMissingKey || target[i] == kMissingKey) continue;
        ++byValue[feature[i]][target[i]];
        ++classes[target[i]];
        ++n;
    }
    if (n == 0) return {0, 1};
    std::uint64_t right = 0, majority = 0;
    for (const auto& [value, counts] : byValue) {
        std::uint64_t best = 0;
        for (const auto& [cls, count] : counts) best = std::max(best, count);
        right += best;
    }
    for (const auto& [cls, count] : classes) majority = std::max(majority, count);
    return {double(right) / double(n), double(majority) / double(n)};
}

double correlation(const ColumnView& a, const ColumnView& b, const std::vector<std::uint64_t>& rows) {
    double n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    for (std::uint64_t r : rows) {
        const double x = a.number(r), y = b.number(r);
        if (!std::isfinite(x) || !std::isfinite(y)) continue;
        n += 1, sa += x, sb += y, saa += x * x, sbb += y * y, sab += x * y;
    }
    if (n < double(kMinRows)) return 0;
    const double cov = sab - sa * sb / n, va = saa - sa * sa / n, vb = sbb - sb * sb / n;
    if (va <= 0 || vb <= 0) return 0;
    return cov / std::sqrt(va * vb);
}

bool numeric(ColumnType t) {
    return t == ColumnType::Float || t == ColumnType::Integer;
}

}  // namespace

std::vector<FeatureWarning> checkFeatures(const Table& table, const std::string& target,
                                          const std::vector<std::string>& features, bool classification) {
    std::vector<FeatureWarning> out;
    const int targetIndex = table.columnIndex(target);
    if (targetIndex < 0 || table.rows() < kMinRows) return out;
    const ColumnView& y = table.column(std::size_t(targetIndex));
    const std::vector<std::uint64_t> rows = checkedRows(table.rows());
    const std::vector<std::int64_t> targetKeys = classification ? keysOf(y, rows) : std::vector<std::int64_t>{};
    for (const std::string& name : features) {
        const int index = table.columnIndex(name);
        if (index < 0 || name == target) continue;
        const ColumnView& c = table.column(std::size_t(index));
        const ColumnType type = c.info().type;
        const std::vector<std::int64_t> keys = keysOf(c, rows);
        std::size_t present = 0;
        const std::size_t distinct = distinctOf(keys, &present);
        auto warn = [&](FeatureWarning::Reason reason, double share = 0) {
            out.push_back({name, reason, share});
        };
        const bool timeLike = type == ColumnType::Date || type == ColumnType::DateTime;  // a series' dates
        if (type != ColumnType::Float && !timeLike && present >= kMinRows && distinct == present) {
            warn(FeatureWarning::Reason::UniquePerRow);
            continue;
        }
        const bool manyValues = type == ColumnType::Integer ? distinct >= 10 : distinct * 10 > present;
        if (type != ColumnType::Float && type != ColumnType::Boolean && identifierName(name) && manyValues) {
            warn(FeatureWarning::Reason::IdentifierName);
            continue;
        }
        if (classification && type != ColumnType::Float && distinct >= 2 && distinct * 2 <= present) {
            const auto [right, majority] = purity(keys, targetKeys);
            if (right >= 0.99 && majority <= 0.9) {
                warn(FeatureWarning::Reason::PredictsTarget, right);
                continue;
            }
        }
        if (!classification && numeric(type) && numeric(y.info().type)) {
            const double r = std::fabs(correlation(c, y, rows));
            if (r >= 0.999) {
                warn(FeatureWarning::Reason::PredictsTarget, r);
                continue;
            }
        }
        const double missing = double(c.info().missing) / double(table.rows());
        if (missing >= 0.2) warn(FeatureWarning::Reason::MostlyMissing, missing);
    }
    return out;
}

std::string describeFeatureWarning(const FeatureWarning& w) {
    const std::string column = "column '" + w.column + "'";
    char share[32];
    std::snprintf(share, sizeof share, "%.1f%%", 100 * w.share);
    switch (w.reason) {
    case FeatureWarning::Reason::UniquePerRow:
        return column + " has a different value on every row: an identifier, which a model "
                        "learns by heart instead of a pattern";
    case FeatureWarning::Reason::IdentifierName:
        return column + " is named and valued like an identifier or a matched-set number: it can "
                        "leak which rows belong together";
    case FeatureWarning::Reason::PredictsTarget:
        return column + " alone gives the target on " + share + " of the rows: is it the answer "
                        "under another name (a leak)?";
    case FeatureWarning::Reason::MostlyMissing:
        return column + " is " + share + " missing";
    }
    return column;
}

std::string suggestTarget(const Table& table) {
    for (const char* name : {"target", "label", "class", "y", "outcome", "response"})
        for (std::size_t i = 0; i < table.columnCount(); ++i)
            if (lower(table.column(i).info().name) == name) return table.column(i).info().name;
    for (std::size_t i = 0; i < table.columnCount(); ++i) {
        const std::string l = lower(table.column(i).info().name);
        for (const char* suffix : {"_target", "_label", "_class"})
            if (endsWith(l, suffix)) return table.column(i).info().name;
    }
    return {};
}

}  // namespace kiln
