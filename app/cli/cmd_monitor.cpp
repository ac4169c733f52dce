// kiln monitor MODEL DATA: the drift of new data from the model's own training data (saved for
// the drift-over-time chart); kiln monitor MODEL --history: the saved reports, oldest first;
// kiln monitor MODEL --traffic: a served model's logged requests (core/serve).
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/cli_app.h"
#include "core/export/model_registry.h"
#include "core/jobs/job_context.h"
#include "core/monitor/model_monitor.h"
#include "core/monitor/monitor_store.h"
#include "core/serve/traffic_monitor.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

using nlohmann::json;

// A figure in a table cell: 4 significant digits (p-values of 1e-12 stay readable), "-" for none.
std::string figure(double v) {
    if (std::isnan(v)) return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", v);
    return text;
}

std::string fixed(double v, int digits) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << v;
    return s.str();
}

std::string percent(double share) {
    return fixed(100 * share, share > 0 && share < 0.1 ? 1 : 0) + "%";
}

std::vector<std::string> commaList(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) items.push_back(item);
    return items;
}

// The options a person gave; a usage error's message when they do not parse.
std::string parseOptions(const Arguments& args, MonitorOptions& o) {
    if (auto features = args.value("features")) {
        o.features = commaList(*features);
        for (const auto& f : o.features)
            if (f.empty())
                return "--features takes column names separated by commas, not '" + *features + "'";
        if (o.features.empty()) return "--features needs at least one column";
    }
    if (auto alpha = args.value("alpha")) {
        char* end = nullptr;
        o.alpha = std::strtod(alpha->c_str(), &end);
        if (alpha->empty() || *end != '\0' || !(o.alpha > 0 && o.alpha < 1))
            return "--alpha takes a number between 0 and 1 (exclusive), not '" + *alpha + "'";
    }
    return "";
}

// The report table's column widths; the last cell (DRIFTED) takes what it needs.
constexpr std::size_t kCellWidths[] = {22, 13, 16, 12, 12, 12, 30};

// One row of the report table: each cell padded to its width, and at least one space after it.
void printCells(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::cout << cells[i];
        if (i + 1 == cells.size()) break;
        const std::size_t width = i < std::size(kCellWidths) ? kCellWidths[i] : 12;
        std::cout << std::string(cells[i].size() < width ? width - cells[i].size() : 1, ' ');
    }
    std::cout << "\n";
}

void printColumn(const ColumnMonitor& c) {
    printCells(
        {c.column, c.type, c.test.test, figure(c.test.statistic), figure(c.test.pValue),
         figure(c.pAdjusted), figure(c.test.effect) + " " + c.test.effectName,
         std::string(c.drifted ? "yes" : "no") + (c.note.empty() ? "" : "  (" + c.note + ")")});
}

void printSchemaChanges(const MonitorReport& r) {
    for (const auto& s : r.schemaChanges) {
        std::cout << "  " << s.column << ": " << s.change;
        if (s.change == "type changed") std::cout << " " << s.from << " → " << s.to;
        std::cout << "\n";
    }
}

void printPrediction(const ColumnMonitor& p) {
    const std::string effect = p.test.effectName == p.test.test ? "" : ", " + p.test.effectName;
    std::cout << "prediction drift: " << p.test.test << effect << " " << figure(p.test.effect)
              << ", p " << figure(p.test.pValue) << " ("
              << (p.test.decidedByPValue ? "p" : p.test.effectName) << " decides at "
              << figure(p.test.threshold) << "): " << (p.drifted ? "drifted" : "not drifted")
              << "\n";
}

void printReport(const MonitorReport& r) {
    std::cout << r.model << "@" << r.modelVersion << ": " << r.current << " (" << r.currentRows
              << " rows) against its training data " << r.reference << " (" << r.referenceRows
              << " rows)\n\n";
    printCells({"COLUMN", "TYPE", "TEST", "STATISTIC", "P", "ADJUSTED P", "EFFECT", "DRIFTED"});
    for (const auto& c : r.columns) printColumn(c);
    if (!r.schemaChanges.empty()) {
        std::cout << "\nschema changes:\n";
        printSchemaChanges(r);
    }
    std::cout << "\n"
              << r.columnsDrifted << " of " << r.columns.size() << " columns drifted ("
              << percent(r.driftedShare) << ")\n";
    if (r.prediction) printPrediction(*r.prediction);
    for (const auto& n : r.notes) std::cout << "note: " << n << "\n";
}

int runDataMonitor(const Arguments& args) {
    MonitorOptions options;
    if (auto problem = parseOptions(args, options); !problem.empty())
        return reportUsageError(problem);
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    NullJobContext job;
    auto report = monitorModel(**workspace, args.positionals[0], args.positionals[1], options, job);
    if (!report) return reportError(report.error());
    std::optional<std::int64_t> id;
    if (!args.has("no-save")) {
        auto saved = saveMonitorReport((*workspace)->catalog(), *report);
        if (!saved) return reportError(saved.error());
        id = *saved;
    }
    if (args.json) {
        json doc = json::parse(report->toJson());
        doc["report_id"] = id ? json(*id) : json(nullptr);
        std::cout << doc.dump(2) << "\n";
        return kExitOk;
    }
    printReport(*report);
    if (id)
        std::cout << "saved as report " << *id << " (kiln monitor " << report->model
                  << " --history)\n";
    return kExitOk;
}

// NAME (every version), NAME@VER or NAME@STAGE (that version) for --history.
Result<std::pair<std::string, std::optional<std::int64_t>>> historyModel(Workspace& ws,
                                                                         const std::string& ref) {
    const auto at = ref.rfind('@');
    if (at == std::string::npos) return std::make_pair(ref, std::optional<std::int64_t>());
    auto located = ModelRegistry(ws).locate(ref);
    if (!located) return located.error();
    return std::make_pair(located->model, std::optional<std::int64_t>(located->version));
}

void printHistoryEntry(const MonitorHistoryEntry& e) {
    std::string prediction = "-";
    if (e.prediction)
        prediction = (e.prediction->drifted ? "drifted (" : "stable (") + e.prediction->test + " " +
                     figure(e.prediction->effect) + ")";
    std::cout << std::left << std::setw(6) << e.id << std::setw(26) << e.createdAt << std::setw(9)
              << e.modelVersion << std::setw(20) << e.current << std::setw(12)
              << (std::to_string(e.columnsDrifted) + " of " + std::to_string(e.columnsCompared))
              << std::setw(8) << percent(e.driftedShare) << prediction << "\n";
}

int runHistory(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    auto model = historyModel(**workspace, args.positionals[0]);
    if (!model) return reportError(model.error());
    auto entries = listMonitorReports((*workspace)->catalog(), model->first, model->second);
    if (!entries) return reportError(entries.error());
    if (entries->empty()) {  // a typo, or a model without reports yet (reports outlive their model)
        auto known = ModelRegistry(**workspace).locate(model->first);
        if (!known && known.error().code == ErrorCode::NotFound) return reportError(known.error());
    }
    if (args.json) {
        json list = json::array();
        for (const auto& e : *entries) list.push_back(json::parse(historyEntryJson(e)));
        std::cout << json{{"model", model->first}, {"reports", list}}.dump(2) << "\n";
        return kExitOk;
    }
    if (entries->empty()) {
        std::cout << "no monitor reports for " << args.positionals[0] << " yet (kiln monitor "
                  << args.positionals[0] << " DATA makes one)\n";
        return kExitOk;
    }
    std::cout << std::left << std::setw(6) << "ID" << std::setw(26) << "CREATED" << std::setw(9)
              << "VERSION" << std::setw(20) << "CURRENT" << std::setw(12) << "DRIFTED"
              << std::setw(8) << "SHARE"
              << "PREDICTION\n";
    for (const auto& e : *entries) printHistoryEntry(e);
    return kExitOk;
}

void printTrafficReport(const TrafficReport& report) {
    std::string versions;
    for (const auto& v : report.versions) versions += (versions.empty() ? "" : ", ") + v;
    std::cout << report.model << " traffic: " << report.rows << " rows in " << report.requests
              << " requests, " << report.firstTime << " to " << report.lastTime << ", answered by "
              << versions << "\n";
    if (report.rows < 100)
        std::cout << "(only " << report.rows
                  << " live rows: drift figures are noisy below about 100)\n";
    if (report.skippedLines)
        std::cout << "(" << report.skippedLines << " unreadable log lines skipped)\n";
    std::cout << "\nlive inputs against the training data (" << report.dataset << "):\n"
              << std::left << std::setw(24) << "COLUMN" << std::setw(13) << "TYPE" << std::setw(9)
              << "PSI" << std::setw(9) << "KS" << std::setw(10) << "KS p"
              << "LEVEL\n";
    for (const auto& s : report.inputs.schemaChanges)
        std::cout << std::setw(24) << s.column << s.change << " " << s.from << " → " << s.to
                  << "\n";
    for (const auto& c : report.inputs.columns)
        std::cout << std::setw(24) << c.column << std::setw(13) << c.type << std::setw(9)
                  << fixed(c.psi, 3) << std::setw(9) << (c.ks ? fixed(*c.ks, 3) : "-")
                  << std::setw(10) << (c.ksPValue ? fixed(*c.ksPValue, 4) : "-") << c.level << "\n";
    if (report.predictions)
        std::cout << "\nlive predictions against the test-set predictions (" << report.testRows
                  << " rows): PSI " << fixed(report.predictions->psi, 3)
                  << (report.predictions->ks ? ", KS " + fixed(*report.predictions->ks, 3) : "")
                  << ", " << report.predictions->level << "\n";
}

int runTraffic(const Arguments& args) {
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    NullJobContext job;
    auto report = monitorTraffic(**workspace, args.positionals[0], job);
    if (!report) return reportError(report.error());
    if (args.json)
        std::cout << report->toJson(2) << "\n";
    else
        printTrafficReport(*report);
    return kExitOk;
}

int runMonitor(const Arguments& args) {
    const bool history = args.has("history"), traffic = args.has("traffic");
    const bool data = args.positionals.size() == 2;
    if (history && traffic)
        return reportUsageError("kiln monitor takes --history or --traffic, not both");
    if ((history || traffic) && data)
        return reportUsageError(std::string("kiln monitor MODEL --") +
                                (history ? "history" : "traffic") + " takes no DATA");
    if (history) return runHistory(args);
    if (traffic) return runTraffic(args);
    if (!data)
        return reportUsageError(
            "kiln monitor needs the new data: kiln monitor MODEL DATA (a dataset, DS or "
            "DS@VER), or MODEL --history, or MODEL --traffic");
    return runDataMonitor(args);
}

}  // namespace

Command makeMonitorCommand() {
    Command c;
    c.name = "monitor";
    c.summary = "drift of new data (and of a model's predictions) from the model's training data";
    c.usage =
        "kiln monitor MODEL[@VERSION|@STAGE] DATA[@VER] [--features A,B] [--alpha 0.05] "
        "[--no-save]\n"
        "       kiln monitor MODEL[@VERSION|@STAGE] --history | --traffic";
    c.description =
        "Compares dataset DATA with the dataset version the model trained on, column by column "
        "(the\n"
        "model's input columns unless --features names others; never its target): numbers and "
        "dates\n"
        "by Kolmogorov-Smirnov up to 5,000 values (the adjusted p-value decides) and by the\n"
        "Wasserstein distance in reference standard deviations above (0.1 or more is drift);\n"
        "categories and booleans by chi-squared, or above 5,000 values by the Jensen-Shannon\n"
        "distance (0.1 or more). P-values are adjusted across columns (Benjamini-Hochberg). Also\n"
        "compares the model's predictions on both. The report is saved unless --no-save; "
        "--history\n"
        "lists the saved reports, oldest first. --traffic compares what kiln serve logged "
        "instead.\n"
        "Exits 0 whether or not anything drifted.";
    c.options = {{"features", "A,B", "the columns to compare (default: the model's inputs)"},
                 {"alpha", "X", "false discovery rate for the p-value tests (default 0.05)"},
                 {"no-save", "", "do not keep the report in the workspace"},
                 {"history", "", "list the saved reports of MODEL, oldest first"},
                 {"traffic", "", "compare the requests kiln serve logged for MODEL"}};
    c.minPositionals = 1;
    c.maxPositionals = 2;
    c.run = runMonitor;
    return c;
}

}  // namespace kiln::cli
