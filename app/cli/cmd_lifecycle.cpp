// kiln rm, kiln gc, kiln star / unstar, kiln rename: removing what a workspace no longer needs,
// marking the runs it must keep, renaming datasets and runs (core/lifecycle).
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cli/cli_app.h"
#include "core/base/names.h"
#include "core/lifecycle/garbage.h"
#include "core/lifecycle/removal.h"
#include "core/lifecycle/renaming.h"
#include "core/lifecycle/retention.h"
#include "core/lifecycle/stars.h"
#include "core/runs/run_store.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

using nlohmann::json;

std::string bytesText(std::uint64_t bytes) {
    const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) value /= 1024, ++unit;
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return text;
}

std::optional<RemovalKind> kindNamed(const std::string& word) {
    if (word == "dataset") return RemovalKind::Dataset;
    if (word == "version") return RemovalKind::DatasetVersion;
    if (word == "run") return RemovalKind::Run;
    if (word == "sweep") return RemovalKind::Sweep;
    if (word == "model") return RemovalKind::Model;
    return std::nullopt;
}

json planJson(const RemovalPlan& plan) {
    json versions = json::array(), runs = json::array(), models = json::array();
    for (const auto& v : plan.versions)
        versions.push_back({{"dataset", v.dataset}, {"version", v.version}, {"rows", v.rows}});
    for (const auto& r : plan.runs)
        runs.push_back({{"id", r.id}, {"name", r.name}, {"status", runStatusName(r.status)},
                        {"starred", r.starred}});
    for (const auto& m : plan.modelVersions)
        models.push_back({{"model", m.model}, {"version", m.version}, {"stage", m.stage}, {"run", m.runId}});
    json warnings = json::array(), blockers = json::array();
    for (const auto& w : plan.warnings) warnings.push_back(describeWarning(w));
    for (const auto& b : plan.blockers) blockers.push_back(describeBlocker(b));
    return {{"datasets", plan.datasets}, {"versions", versions},     {"runs", runs},
            {"sweeps", plan.sweeps},     {"model_versions", models}, {"models", plan.models},
            {"warnings", warnings},      {"blockers", blockers}};
}

void printPlan(const RemovalPlan& plan, const char* heading) {
    std::cout << heading << "\n";
    for (const auto& line : describeRemoval(plan)) std::cout << "  " << printable(line) << "\n";
    for (const auto& w : plan.warnings) std::cout << "note: " << printable(describeWarning(w)) << "\n";
}

// Asks on the terminal; false when stdin is no terminal (a script says --yes).
bool confirmed(const std::string& question) {
    if (!::isatty(STDIN_FILENO)) return false;
    std::cout << question << " [y/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "y" || answer == "Y" || answer == "yes";
}

// Shows the plan, asks (unless --yes), removes. Shared by rm and gc's retention rules.
int carryOut(Workspace& ws, const RemovalPlan& plan, const Arguments& args, json* out) {
    if (out) (*out)["removal"] = planJson(plan);
    if (!plan.allowed()) {
        if (!args.json) printPlan(plan, "Would remove:");
        for (const auto& b : plan.blockers)
            std::cerr << "kiln: error: cannot remove: " << printable(describeBlocker(b)) << "\n";
        if (args.json) std::cout << out->dump(2) << "\n";
        return kExitBadInput;
    }
    const bool dryRun = args.has("dry-run");
    if (!args.json) printPlan(plan, dryRun ? "Would remove:" : "Removing:");
    if (dryRun || plan.empty()) return kExitOk;
    if (!args.has("yes") && !confirmed("Remove these?")) {
        std::cerr << "kiln: error: nothing removed: confirm with --yes (or answer y on a terminal)\n";
        return kExitBadInput;
    }
    if (auto s = applyRemoval(ws, plan); !s) return reportError(s.error());
    if (out) (*out)["removed"] = true;
    return kExitOk;
}

int runRemove(const Arguments& args) {
    const auto kind = kindNamed(args.positionals[0]);
    if (!kind)
        return reportUsageError("'" + printable(args.positionals[0]) +
                                "' is not one of dataset, version, run, sweep, model");
    std::vector<RemovalTarget> targets;
    for (std::size_t i = 1; i < args.positionals.size(); ++i)
        targets.push_back({*kind, args.positionals[i]});
    auto ws = openWorkspace(args, false);
    if (!ws) return reportError(ws.error());
    auto plan = planRemoval(**ws, targets);
    if (!plan) return reportError(plan.error());
    json out;
    const int code = carryOut(**ws, *plan, args, &out);
    if (code != kExitOk) return code;
    if (args.json)
        std::cout << out.dump(2) << "\n";
    else if (!args.has("dry-run"))
        std::cout << "Removed. Stored objects nothing refers to now are freed by 'kiln gc'.\n";
    return kExitOk;
}

std::optional<double> daysIn(const std::string& text) {
    std::string digits = text;
    if (!digits.empty() && digits.back() == 'd') digits.pop_back();
    if (digits.empty() || digits.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
    try {
        return std::stod(digits);
    } catch (...) {
        return std::nullopt;
    }
}

Result<RetentionRules> rulesFrom(const Arguments& args) {
    RetentionRules rules;
    if (auto keep = args.value("keep-versions")) {
        if (keep->empty() || keep->size() > 6 || keep->find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(*keep) < 1)
            return makeError(ErrorCode::InvalidArgument, "--keep-versions takes a whole number, 1 or more");
        rules.keepVersions = std::stoi(*keep);
    }
    if (auto age = args.value("runs-older-than")) {
        rules.runsOlderThanDays = daysIn(*age);
        if (!rules.runsOlderThanDays)
            return makeError(ErrorCode::InvalidArgument,
                             "--runs-older-than takes days, as 30 or 30d (got '" + printable(*age) + "')");
    }
    return rules;
}

json reportJson(const GarbageReport& r) {
    return {{"dry_run", r.dryRun},
            {"objects", r.objects},
            {"object_bytes", r.objectBytes},
            {"run_folders", r.runFolders},
            {"run_folder_bytes", r.runFolderBytes},
            {"thumbnails", r.thumbnails},
            {"thumbnail_bytes", r.thumbnailBytes},
            {"freed_bytes", r.freedBytes()},
            {"kept_objects", r.keptObjects},
            {"kept_bytes", r.keptBytes}};
}

void printReport(const GarbageReport& r) {
    const char* verb = r.dryRun ? "Would free" : "Freed";
    std::cout << verb << " " << bytesText(r.freedBytes()) << ": " << r.objects << " objects ("
              << bytesText(r.objectBytes) << "), " << r.runFolders << " run folders ("
              << bytesText(r.runFolderBytes) << "), " << r.thumbnails << " thumbnails ("
              << bytesText(r.thumbnailBytes) << ").\n"
              << "Kept " << r.keptObjects << " objects (" << bytesText(r.keptBytes)
              << ") that the remaining datasets need.\n";
}

int runGc(const Arguments& args) {
    auto rules = rulesFrom(args);
    if (!rules) return reportError(rules.error());
    auto ws = openWorkspace(args, false);
    if (!ws) return reportError(ws.error());
    json out = json::object();
    if (rules->keepVersions || rules->runsOlderThanDays) {
        auto choice = chooseByRetention(**ws, *rules);
        if (!choice) return reportError(choice.error());
        out["spared"] = choice->spared;
        if (!args.json)
            for (const auto& line : choice->spared) std::cout << "keeps " << printable(line) << "\n";
        auto plan = planRemoval(**ws, choice->targets);
        if (!plan) return reportError(plan.error());
        if (plan->empty() && !args.json) std::cout << "The retention rules remove nothing.\n";
        if (const int code = carryOut(**ws, *plan, args, &out); code != kExitOk) return code;
    }
    auto report = collectGarbage(**ws, args.has("dry-run"));
    if (!report) return reportError(report.error());
    out["garbage"] = reportJson(*report);
    if (args.json)
        std::cout << out.dump(2) << "\n";
    else
        printReport(*report);
    return kExitOk;
}

int runStar(const Arguments& args, bool starred) {
    auto ws = openWorkspace(args, false);
    if (!ws) return reportError(ws.error());
    for (const auto& text : args.positionals) {
        auto id = resolveRunId((*ws)->catalog(), text);
        if (!id) return reportError(id.error());
        if (auto s = setRunStarred((*ws)->catalog(), *id, starred); !s) return reportError(s.error());
        if (!args.json) std::cout << (starred ? "starred " : "unstarred ") << *id << "\n";
    }
    if (args.json) std::cout << json{{"starred", starred}, {"runs", args.positionals}}.dump(2) << "\n";
    return kExitOk;
}

int runRename(const Arguments& args) {
    const std::string& kind = args.positionals[0];
    if (kind != "dataset" && kind != "run")
        return reportUsageError("'" + printable(kind) + "' is not one of dataset, run");
    auto ws = openWorkspace(args, false);
    if (!ws) return reportError(ws.error());
    Catalog& catalog = (*ws)->catalog();
    std::string subject = args.positionals[1];
    if (kind == "run") {
        auto id = resolveRunId(catalog, subject);
        if (!id) return reportError(id.error());
        subject = *id;
    }
    const Status renamed = kind == "dataset" ? renameDataset(catalog, subject, args.positionals[2])
                                             : renameRun(catalog, subject, args.positionals[2]);
    if (!renamed) return reportError(renamed.error());
    if (args.json)
        std::cout << json{{kind, subject}, {"name", args.positionals[2]}}.dump(2) << "\n";
    else
        std::cout << kind << " " << printable(subject) << " is now " << printable(args.positionals[2]) << "\n";
    return kExitOk;
}

}  // namespace

Command makeRenameCommand() {
    Command c;
    c.name = "rename";
    c.summary = "rename a dataset, or give a run a name";
    c.usage = "kiln rename dataset NAME NEW | kiln rename run RUN NEW";
    c.description =
        "A renamed dataset keeps its versions, runs and models (they refer to it by id); new\n"
        "references use the new name. A run keeps its id; the name is what lists show.";
    c.minPositionals = 3;
    c.maxPositionals = 3;
    c.run = runRename;
    return c;
}

Command makeRemoveCommand() {
    Command c;
    c.name = "rm";
    c.summary = "remove datasets, versions, runs, sweeps or models, with what goes with them";
    c.usage = "kiln rm dataset|version|run|sweep|model REF... [--dry-run] [--yes]";
    c.description =
        "Removes what REF names and what goes with it: a dataset's versions, a version's runs, a\n"
        "sweep's trial runs and record, a model's versions (MODEL or MODEL@VER). It lists all of\n"
        "it first and asks on a terminal; --yes removes without asking, --dry-run only lists.\n"
        "Refused, with nothing removed, for a run still queued or running and for anything a\n"
        "registered model version was made from (remove that model version first). The stored\n"
        "data of removed versions is freed by 'kiln gc'.";
    c.options = {{"dry-run", "", "list what would go; remove nothing"},
                 {"yes", "", "remove without asking"}};
    c.minPositionals = 2;
    c.maxPositionals = -1;
    c.run = runRemove;
    return c;
}

Command makeGcCommand() {
    Command c;
    c.name = "gc";
    c.summary = "free stored data nothing refers to; apply retention rules";
    c.usage = "kiln gc [--keep-versions N] [--runs-older-than DAYS] [--dry-run] [--yes]";
    c.description =
        "Removes stored objects no dataset version refers to, run folders of removed runs and\n"
        "thumbnails of removed pictures, and says how many bytes that freed. With retention\n"
        "rules it first removes, as 'kiln rm' would (listed, confirmed), dataset versions older\n"
        "than each dataset's newest N and runs that ended more than DAYS ago; starred runs\n"
        "('kiln star'), runs still at work and anything a registered model was made from are\n"
        "kept and listed with the reason.";
    c.options = {{"keep-versions", "N", "keep the newest N versions of each dataset"},
                 {"runs-older-than", "DAYS", "remove runs that ended more than DAYS ago (30 or 30d)"},
                 {"dry-run", "", "count and list; remove nothing"},
                 {"yes", "", "apply the retention rules without asking"}};
    c.run = runGc;
    return c;
}

Command makeStarCommand() {
    Command c;
    c.name = "star";
    c.summary = "mark runs to keep: retention rules never remove them";
    c.usage = "kiln star RUN...";
    c.description = "Stars each RUN (an id or a prefix of one). 'kiln unstar' takes the star away.";
    c.minPositionals = 1;
    c.maxPositionals = -1;
    c.run = [](const Arguments& args) { return runStar(args, true); };
    return c;
}

Command makeUnstarCommand() {
    Command c;
    c.name = "unstar";
    c.summary = "take the star from runs";
    c.usage = "kiln unstar RUN...";
    c.description = "Removes the star 'kiln star' gave each RUN.";
    c.minPositionals = 1;
    c.maxPositionals = -1;
    c.run = [](const Arguments& args) { return runStar(args, false); };
    return c;
}

}  // namespace kiln::cli
