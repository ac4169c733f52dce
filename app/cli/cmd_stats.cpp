// kiln stats DS[@VER] [--column C] [--bins N] [--correlate COLS]: the profile of a dataset version.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string_view>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "app/cli/dataset_lookup.h"
#include "core/base/names.h"
#include "core/data/cell_parser.h"
#include "core/data/profile.h"
#include "core/data/profile_cache.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

std::string num(double x) {
    if (std::isnan(x)) return "NA";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", x);
    return buffer;
}

// A statistic of a column as its values are written: dates as dates, the rest as numbers.
std::string value(ColumnType type, double x) {
    if (std::isnan(x)) return "NA";
    if (type == ColumnType::Date) return formatDate(std::int64_t(std::llround(x)));
    if (type == ColumnType::DateTime) return formatDateTime(std::int64_t(std::llround(x)));
    return num(x);
}

// A one-line bar chart of histogram counts (eight levels of block).
std::string sparkline(const std::vector<std::uint64_t>& counts) {
    static const char* kBars[] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    std::uint64_t top = 1;
    for (auto c : counts) top = std::max(top, c);
    std::string out;
    for (auto c : counts) out += kBars[c == 0 ? 0 : 1 + (c * 7) / top];
    return out;
}

void printColumn(const ColumnProfile& c, std::uint64_t rows) {
    std::printf("\n%s  (%s)\n  count %llu   missing %llu (%.1f%%)   distinct %s%llu\n", printable(c.name).c_str(),
                columnTypeName(c.type), (unsigned long long)c.count, (unsigned long long)c.missing,
                rows ? 100.0 * double(c.missing) / double(rows) : 0.0, c.distinctIsEstimate ? "≈" : "",
                (unsigned long long)c.distinct);
    if (c.numeric && c.numeric->infinite())
        std::printf("  infinite   inf %llu   -inf %llu   (left out of mean, std, min, max, quantiles and histogram)\n",
                    (unsigned long long)c.numeric->positiveInfinite, (unsigned long long)c.numeric->negativeInfinite);
    if (c.numeric && c.type != ColumnType::Boolean && c.numeric->count) {
        const auto& s = *c.numeric;
        auto v = [&](double x) { return value(c.type, x); };
        bool dates = c.type == ColumnType::Date || c.type == ColumnType::DateTime;
        std::printf("  mean %s   std %s%s   min %s   max %s\n", v(s.mean).c_str(), num(s.std).c_str(),
                    dates ? (c.type == ColumnType::Date ? " days" : " ms") : "", v(s.min).c_str(),
                    v(s.max).c_str());
        std::printf("  quantiles  1%% %s  5%% %s  25%% %s  50%% %s  75%% %s  95%% %s  99%% %s\n",
                    v(s.quantiles[0]).c_str(), v(s.quantiles[1]).c_str(), v(s.quantiles[2]).c_str(),
                    v(s.quantiles[3]).c_str(), v(s.quantiles[4]).c_str(), v(s.quantiles[5]).c_str(),
                    v(s.quantiles[6]).c_str());
        std::printf("  histogram  %zu bins  %s  [%s … %s]\n", s.histogram.counts.size(),
                    sparkline(s.histogram.counts).c_str(), v(s.histogram.edges.front()).c_str(),
                    v(s.histogram.edges.back()).c_str());
    }
    if (c.textLengths)
        std::printf("  length     min %llu  mean %.1f  max %llu\n", (unsigned long long)c.textLengths->min,
                    c.textLengths->mean, (unsigned long long)c.textLengths->max);
    if (!c.top.empty() && c.type != ColumnType::Text) {
        std::printf("  top       ");
        for (std::size_t i = 0; i < c.top.size() && i < 8; ++i)
            std::printf(" %s (%llu)", printable(c.top[i].value).c_str(), (unsigned long long)c.top[i].count);
        std::printf("\n");
    }
}

// Matrices up to this many columns are printed whole; wider ones as their strongest pairs.
constexpr std::size_t kPrintedMatrix = 16, kPrintedPairs = 20;

void printMatrix(const CorrelationMatrix& m) {
    std::printf("%12s", "");
    for (const auto& name : m.columns) std::printf(" %10.10s", printable(name).c_str());
    for (std::size_t i = 0; i < m.columns.size(); ++i) {
        std::printf("\n%12.12s", printable(m.columns[i]).c_str());
        for (std::size_t j = 0; j < m.columns.size(); ++j) {
            double r = m.at(m.pearson, i, j);
            if (std::isnan(r)) std::printf(" %10s", "NA");
            else std::printf(" %10.3f", r);
        }
    }
    std::printf("\n");
}

void printStrongestPairs(const CorrelationMatrix& m) {
    struct Pair {
        double r;
        std::size_t i, j;
    };
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < m.columns.size(); ++i)
        for (std::size_t j = i + 1; j < m.columns.size(); ++j)
            if (!std::isnan(m.at(m.pearson, i, j))) pairs.push_back({m.at(m.pearson, i, j), i, j});
    const std::size_t shown = std::min(pairs.size(), kPrintedPairs);
    std::partial_sort(pairs.begin(), pairs.begin() + std::ptrdiff_t(shown), pairs.end(),
                      [](const Pair& a, const Pair& b) { return std::fabs(a.r) > std::fabs(b.r); });
    std::printf("  the %zu strongest of %zu pairs (every pair: --json)\n", shown, pairs.size());
    for (std::size_t k = 0; k < shown; ++k)
        std::printf("  %7.3f  %s ~ %s\n", pairs[k].r, printable(m.columns[pairs[k].i]).c_str(),
                    printable(m.columns[pairs[k].j]).c_str());
}

void printCorrelation(const CorrelationMatrix& m) {
    if (m.columns.size() < 2) return;
    std::printf("\nPearson correlation");
    if (m.limited)
        std::printf(" of the first %zu of %llu numeric columns (--correlate COLS chooses, --correlate all takes all)",
                    m.columns.size(), (unsigned long long)m.numericColumns);
    std::printf("\n");
    if (m.columns.size() <= kPrintedMatrix) printMatrix(m);
    else printStrongestPairs(m);
}

// --correlate all | C1,C2,...: which numeric columns the correlations cover.
void parseCorrelate(const std::string& text, ProfileOptions& options) {
    if (text == "all") {
        options.correlationLimit = 0;
        return;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = std::min(text.find(',', start), text.size());
        if (comma > start) options.correlationColumns.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
}

Result<TableProfile> cachedOrComputed(Workspace& ws, const OpenedDataset& ds, const ProfileOptions& options) {
    auto cached = loadCachedProfile(ws.catalog(), ds.version.id, options);
    if (cached && cached->has_value()) return std::move(**cached);
    NullJobContext job;
    auto start = std::chrono::steady_clock::now();
    auto profile = profileTable(*ds.table, options, job);
    if (!profile) return profile.error();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    (void)storeCachedProfile(ws.catalog(), ds.version.id, options, *profile, seconds);  // a cache
    return profile;
}

int runStats(const Arguments& args) {
    ProfileOptions options;
    if (auto bins = args.value("bins")) {
        auto n = parseCount(*bins);
        if (!n || *n < 1 || *n > 10000) return reportUsageError("--bins needs a count from 1 to 10000, not '" + *bins + "'");
        options.bins = int(*n);
    }
    if (auto column = args.value("column")) options.columns = {*column}, options.correlations = false;
    if (auto correlate = args.value("correlate")) {
        if (args.has("column")) return reportUsageError("--correlate needs the whole table; leave out --column");
        parseCorrelate(*correlate, options);
        if (options.correlationColumns.empty() && options.correlationLimit != 0)
            return reportUsageError("--correlate needs column names separated by commas, or 'all'");
    }
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    auto ds = openDataset(**workspace, args.positionals[0]);
    if (!ds) return reportError(ds.error());
    auto profile = cachedOrComputed(**workspace, *ds, options);
    if (!profile) return reportError(profile.error());
    if (args.json) {  // the profile's own text after three fields of ours: no document in memory
        std::string body = profile->toJson(2);
        std::cout << "{\n  \"dataset\": " << nlohmann::json(ds->version.dataset).dump()
                  << ",\n  \"hash\": " << nlohmann::json(ds->version.contentHash).dump()
                  << ",\n  \"version\": " << ds->version.version << ",\n"
                  << std::string_view(body).substr(2) << "\n";
        return kExitOk;
    }
    std::printf("Dataset '%s' version %lld: %llu rows\n", ds->version.dataset.c_str(),
                (long long)ds->version.version, (unsigned long long)profile->rows);
    for (const auto& c : profile->columns) printColumn(c, profile->rows);
    printCorrelation(profile->correlation);
    return kExitOk;
}

}  // namespace

Command makeStatsCommand() {
    Command c;
    c.name = "stats";
    c.summary = "profile a dataset: per-column statistics, histograms, correlations";
    c.usage = "kiln stats DS[@VER] [--column C] [--bins N] [--correlate COLS]";
    c.description =
        "For every column (or only --column C): count, missing, distinct, mean, std (sample),\n"
        "min, max, exact quantiles (numpy's linear interpolation), a histogram (numpy's 'auto'\n"
        "bins unless --bins N), the most frequent values and text lengths; then the Pearson\n"
        "correlations of the first 100 numeric columns (--correlate a,b,c or --correlate all);\n"
        "wider than 16 columns, the strongest pairs are listed. Infinite values are counted\n"
        "(inf, -inf) and left out of the statistics; in --json they are \"Infinity\" and\n"
        "\"-Infinity\", a missing value is null. Profiles are cached per dataset version.";
    c.options = {{"column", "C", "profile only this column"},
                 {"bins", "N", "histogram bins (default: numpy's 'auto')"},
                 {"correlate", "COLS", "correlate these numeric columns (comma-separated), or 'all'"}};
    c.minPositionals = 1;
    c.maxPositionals = 1;
    c.run = runStats;
    return c;
}

}  // namespace kiln::cli
