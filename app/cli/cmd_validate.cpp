// kiln validate DS[@VER] [--target COL] [--against DS@VER]: data checks and drift.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "app/cli/dataset_lookup.h"
#include "core/base/names.h"
#include "core/data/drift.h"
#include "core/data/profile.h"
#include "core/data/profile_cache.h"
#include "core/data/validation.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

const char* severityMark(IssueSeverity s) {
    return s == IssueSeverity::Error ? "error  " : (s == IssueSeverity::Warning ? "warning" : "info   ");
}

void printReport(const OpenedDataset& ds, const ValidationReport& report) {
    std::printf("Dataset '%s' version %lld: %llu rows x %zu columns\n", ds.version.dataset.c_str(),
                (long long)ds.version.version, (unsigned long long)report.rows, report.columns);
    if (report.findings.empty()) std::printf("No problems found.\n");
    for (const auto& f : report.findings)
        std::printf("  %s  %s%s%s\n", severityMark(f.severity), printable(f.column).c_str(),
                    f.column.empty() ? "" : ": ", printable(f.message).c_str());
}

void printDrift(const std::string& against, const DriftReport& drift) {
    std::printf("\nCompared with %s:\n", against.c_str());
    for (const auto& c : drift.schemaChanges)
        std::printf("  schema   %s: %s%s%s%s\n", printable(c.column).c_str(), c.change.c_str(),
                    c.change == "type changed" ? " from " : "", c.change == "type changed" ? c.from.c_str() : "",
                    c.change == "type changed" ? (" to " + c.to).c_str() : "");
    std::printf("  %-20s %-12s %8s %8s %10s  %s\n", "column", "type", "PSI", "KS D", "KS p", "drift");
    for (const auto& d : drift.columns) {
        std::printf("  %-20.20s %-12s %8.4f", printable(d.column).c_str(), d.type.c_str(), d.psi);
        if (d.ks) std::printf(" %8.4f %10.3g", *d.ks, *d.ksPValue);
        else std::printf(" %8s %10s", "-", "-");
        std::printf("  %s\n", d.level.c_str());
    }
}

Result<TableProfile> profileFor(Workspace& ws, const OpenedDataset& ds) {
    ProfileOptions options;
    auto cached = loadCachedProfile(ws.catalog(), ds.version.id, options);
    if (cached && cached->has_value()) return std::move(**cached);
    NullJobContext job;
    auto profile = profileTable(*ds.table, options, job);
    if (profile) (void)storeCachedProfile(ws.catalog(), ds.version.id, options, *profile, 0);
    return profile;
}

int runValidate(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    auto ds = openDataset(**workspace, args.positionals[0]);
    if (!ds) return reportError(ds.error());
    auto profile = profileFor(**workspace, *ds);
    if (!profile) return reportError(profile.error());
    ValidationOptions options;
    options.target = args.value("target").value_or("");
    NullJobContext job;
    auto report = validateTable(*ds->table, *profile, options, job);
    if (!report) return reportError(report.error());
    std::optional<DriftReport> drift;
    std::string against = args.value("against").value_or("");
    if (!against.empty()) {
        auto reference = openDataset(**workspace, against);
        if (!reference) return reportError(reference.error());
        auto compared = compareTables(*reference->table, *ds->table, job);
        if (!compared) return reportError(compared.error());
        drift = std::move(*compared);
    }
    if (args.json) {
        auto doc = nlohmann::json::parse(report->toJson());
        doc["dataset"] = ds->version.dataset;
        doc["version"] = ds->version.version;
        if (drift) doc["drift"] = nlohmann::json::parse(drift->toJson()), doc["against"] = against;
        std::cout << doc.dump(2) << "\n";
        return kExitOk;
    }
    printReport(*ds, *report);
    if (drift) printDrift(against, *drift);
    return kExitOk;
}

}  // namespace

Command makeValidateCommand() {
    Command c;
    c.name = "validate";
    c.summary = "check a dataset (constant, ID-like, duplicates, outliers, imbalance) and drift";
    c.usage = "kiln validate DS[@VER] [--target COL] [--against DS@VER]";
    c.description =
        "Reports constant and all-missing columns, mostly and partly (over 10%) missing\n"
        "columns, high-cardinality categoricals, ID-like columns, duplicate rows, IQR outliers\n"
        "and, with --target, class imbalance. With --against, also the schema changes and the\n"
        "per-column drift from that version: PSI over its deciles or categories, and the\n"
        "Kolmogorov-Smirnov test for numbers.";
    c.options = {{"target", "COL", "check this column's classes for imbalance"},
                 {"against", "DS@VER", "compare with this version (drift)"}};
    c.minPositionals = 1;
    c.maxPositionals = 1;
    c.run = runValidate;
    return c;
}

}  // namespace kiln::cli
