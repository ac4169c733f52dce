// kiln stats DS[@VER] [--column C] [--bins N]: the profile of a dataset version.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "app/cli/dataset_lookup.h"
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
    std::printf("\n%s  (%s)\n  count %llu   missing %llu (%.1f%%)   distinct %s%llu\n", c.name.c_str(),
                columnTypeName(c.type), (unsigned long long)c.count, (unsigned long long)c.missing,
                rows ? 100.0 * double(c.missing) / double(rows) : 0.0, c.distinctIsEstimate ? "≈" : "",
                (unsigned long long)c.distinct);
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
            std::printf(" %s (%llu)", c.top[i].value.c_str(), (unsigned long long)c.top[i].count);
        std::printf("\n");
    }
}

void printCorrelation(const CorrelationMatrix& m) {
    if (m.columns.size() < 2) return;
    std::printf("\nPearson correlation\n%12s", "");
    for (const auto& name : m.columns) std::printf(" %10.10s", name.c_str());
    for (std::size_t i = 0; i < m.columns.size(); ++i) {
        std::printf("\n%12.12s", m.columns[i].c_str());
        for (std::size_t j = 0; j < m.columns.size(); ++j) {
            double r = m.at(m.pearson, i, j);
            if (std::isnan(r)) std::printf(" %10s", "NA");
            else std::printf(" %10.3f", r);
        }
    }
    std::printf("\n");
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
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    auto ds = openDataset(**workspace, args.positionals[0]);
    if (!ds) return reportError(ds.error());
    auto profile = cachedOrComputed(**workspace, *ds, options);
    if (!profile) return reportError(profile.error());
    if (args.json) {
        auto doc = nlohmann::json::parse(profile->toJson());
        doc["dataset"] = ds->version.dataset;
        doc["version"] = ds->version.version;
        doc["hash"] = ds->version.contentHash;
        std::cout << doc.dump(2) << "\n";
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
    c.usage = "kiln stats DS[@VER] [--column C] [--bins N]";
    c.description =
        "For every column (or only --column C): count, missing, distinct, mean, std (sample),\n"
        "min, max, exact quantiles (numpy's linear interpolation), a histogram (numpy's 'auto'\n"
        "bins unless --bins N), the most frequent values and text lengths; then the Pearson\n"
        "correlations of the numeric columns. Profiles are cached per dataset version.";
    c.options = {{"column", "C", "profile only this column"}, {"bins", "N", "histogram bins (default: numpy's 'auto')"}};
    c.minPositionals = 1;
    c.maxPositionals = 1;
    c.run = runStats;
    return c;
}

}  // namespace kiln::cli
