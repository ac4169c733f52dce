// kiln sweep DS --target COL --param ... : a hyper-parameter sweep of recorded runs.
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "app/cli/run_query_options.h"
#include "app/cli/train_options.h"
#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/env/environment.h"
#include "core/jobs/job_context.h"
#include "core/store/workspace.h"
#include "core/sweep/sweep_scheduler.h"

namespace kiln::cli {

namespace {

using nlohmann::json;

BasicJobContext* g_sweepJob = nullptr;

void onInterrupt(int) {
    if (g_sweepJob) g_sweepJob->cancel();  // an atomic store: safe in a signal handler
}

std::string formatValue(std::optional<double> v) {
    if (!v) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", *v);
    return buffer;
}

std::string describe(const Assignment& a) {
    std::string out;
    for (const auto& [k, v] : a) out += (out.empty() ? "" : " ") + k + "=" + v;
    return out;
}

// Streams trial progress: one line per trial start, epoch and end (text mode only).
class SweepPrinter : public SweepListener {
public:
    SweepPrinter(bool quiet, int planned, std::string metric)
        : m_quiet(quiet), m_planned(planned), m_metric(std::move(metric)) {}
    void trialStarted(const Trial& t, const std::string& runId) override {
        say("trial " + std::to_string(t.number) + "/" + std::to_string(m_planned) + " run " +
            runId + ": " + describe(t.assignment));
    }
    void trialProgress(const Trial& t, std::int64_t epoch, double value) override {
        say("  trial " + std::to_string(t.number) + " epoch " + std::to_string(epoch) + ": " +
            m_metric + "=" + formatValue(value));
    }
    void trialFinished(const TrialResult& r, const std::optional<TrialResult>& best) override {
        say("trial " + std::to_string(r.number) + " " + r.status + ": " + m_metric + "=" +
            formatValue(r.value) + (r.error.empty() ? "" : " (" + r.error + ")") +
            (best ? "; best so far: trial " + std::to_string(best->number) : ""));
    }

private:
    void say(const std::string& line) {
        if (m_quiet) return;
        std::lock_guard<std::mutex> lock(m_mutex);
        std::cout << line << "\n" << std::flush;
    }
    bool m_quiet;
    int m_planned;
    std::string m_metric;
    std::mutex m_mutex;
};

Status readSweepOptions(const Arguments& args, SweepSpec& s) {
    for (const auto& text : splitAssignments(args.value("param").value_or(""))) {
        auto d = parseParamDomain(text);
        if (!d) return d.error();
        s.params.push_back(*d);
    }
    std::string search = args.value("search").value_or("random");
    std::string mode = args.value("mode").value_or("");
    std::string reduce = args.value("reduce").value_or("best");
    if (search != "grid" && search != "random")
        return makeError(ErrorCode::InvalidArgument, "--search must be grid or random");
    if (!mode.empty() && mode != "min" && mode != "max")
        return makeError(ErrorCode::InvalidArgument, "--mode must be min or max");
    if (reduce != "best" && reduce != "final")
        return makeError(ErrorCode::InvalidArgument, "--reduce must be best or final");
    s.search = search == "grid" ? SearchKind::Grid : SearchKind::Random;
    s.metric = args.value("metric").value_or("val_loss");
    s.maximize = mode.empty() ? !lowerIsBetter(s.metric) : mode == "max";
    s.reduce = reduce == "best" ? MetricReduce::Best : MetricReduce::Final;
    s.medianStopping = args.has("median-stop");
    for (auto [name, field] : {std::pair{"trials", &s.trials}, std::pair{"parallel", &s.parallel},
                               std::pair{"grid-points", &s.gridPoints}}) {
        if (auto v = args.value(name)) {
            char* end = nullptr;
            long n = std::strtol(v->c_str(), &end, 10);
            if (v->empty() || *end || n < 0)
                return makeError(ErrorCode::InvalidArgument, std::string("--") + name +
                                                                 " expects a whole number ≥ 0");
            *field = int(n);
        }
    }
    if (auto v = args.value("sweep-seed")) s.seed = std::strtoull(v->c_str(), nullptr, 10);
    return {};
}

// The sweep's definition, from the dataset and the options (base spec resolved on the data).
// `usage` tells a bad train option (exit 2) from bad input.
Result<SweepSpec> buildSweep(Workspace& ws, const Arguments& args, std::int64_t& versionId,
                             bool& usage) {
    auto version = DatasetCatalog(ws.catalog()).resolve(args.positionals[0]);
    if (!version) return version.error();
    versionId = version->id;
    SweepSpec s;
    s.base.dataset = version->dataset;
    s.base.datasetVersion = version->version;
    s.base.datasetHash = version->contentHash;
    s.base.datasetKind = version->kind;
    usage = true;  // the train options' errors are usage errors, as in `kiln train`
    if (auto st = applyTrainSpecOptions(args, s.base); !st) return st.error();
    usage = false;
    if (auto st = readSweepOptions(args, s); !st) return st.error();
    auto table = Table::open(ws.objects(), s.base.datasetHash);
    if (!table) return table.error();
    if (auto st = resolveSpec(s.base, **table); !st) return st.error();
    Environment env = captureEnvironment();
    s.gpus = env.cudaAvailable ? int(env.gpus.size()) : 0;
    s.cpuCores = env.cpuCores;
    if (auto st = s.validate(); !st) return st.error();
    return s;
}

json trialJson(const TrialResult& r) {
    json values = json::object();
    for (const auto& [k, v] : r.assignment) values[k] = v;
    return {{"trial", r.number}, {"run_id", r.runId},  {"status", r.status},
            {"value", r.value ? json(*r.value) : json(nullptr)}, {"params", values},
            {"error", r.error}};
}

json outcomeJson(const std::string& id, const SweepSpec& s, const SweepOutcome& o) {
    json trials = json::array();
    for (const auto& t : o.trials) trials.push_back(trialJson(t));
    return {{"sweep_id", id}, {"metric", s.metric}, {"mode", s.maximize ? "max" : "min"},
            {"planned", o.planned}, {"cancelled", o.cancelled}, {"parallel", s.effectiveParallel()},
            {"trials", trials}, {"best", o.best ? trialJson(*o.best) : json(nullptr)}};
}

std::filesystem::path recordPath(Workspace& ws, const std::string& id) {
    return ws.root() / "sweeps" / (id + ".json");
}

// Writes sweeps/<id>.json through a temporary file renamed into place: a killed sweep leaves
// the last whole record, never half of one.
void writeRecord(Workspace& ws, const std::string& id, const SweepSpec& s, std::int64_t versionId,
                 const std::string& status, const json& outcome) {
    std::error_code ec;
    auto file = recordPath(ws, id);
    std::filesystem::create_directories(file.parent_path(), ec);
    json doc = {{"spec", json::parse(s.toJson())},
                {"dataset_version_id", versionId},
                {"status", status},
                {"outcome", outcome}};
    auto tmp = file;
    tmp += ".tmp";
    if (std::ofstream(tmp) << doc.dump(2) << "\n") std::filesystem::rename(tmp, file, ec);
}

// Keeps sweeps/<id>.json current while the sweep runs: the trials started (with their runs)
// and those finished, so `kiln sweep --resume` can continue a sweep whose process was killed.
class SweepRecorder : public SweepListener {
public:
    SweepRecorder(Workspace& ws, std::string id, const SweepSpec& spec, std::int64_t versionId,
                  SweepListener& next)
        : m_ws(ws), m_id(std::move(id)), m_spec(spec), m_versionId(versionId), m_next(next) {}
    void trialStarted(const Trial& t, const std::string& runId) override {
        m_next.trialStarted(t, runId);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_running[t.number] = runId;
        save();
    }
    void trialProgress(const Trial& t, std::int64_t epoch, double value) override {
        m_next.trialProgress(t, epoch, value);
    }
    void trialFinished(const TrialResult& r, const std::optional<TrialResult>& best) override {
        m_next.trialFinished(r, best);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_running.erase(r.number);
        m_done.push_back(r);
        save();
    }
    // Writes the record once (before the first trial starts).
    void start() {
        std::lock_guard<std::mutex> lock(m_mutex);
        save();
    }

private:
    void save() {
        SweepOutcome partial;
        partial.trials = m_done;
        partial.planned = int(sweepAssignments(m_spec).size());
        json outcome = outcomeJson(m_id, m_spec, partial);
        outcome["running"] = json::object();
        for (const auto& [number, runId] : m_running)
            outcome["running"][std::to_string(number)] = runId;
        writeRecord(m_ws, m_id, m_spec, m_versionId, "running", outcome);
    }
    Workspace& m_ws;
    std::string m_id;
    const SweepSpec& m_spec;
    std::int64_t m_versionId;
    SweepListener& m_next;
    std::mutex m_mutex;
    std::map<int, std::string> m_running;
    std::vector<TrialResult> m_done;
};

void printSummary(const SweepSpec& s, const SweepOutcome& o) {
    std::cout << "\n" << o.trials.size() << " of " << o.planned << " trials ran"
              << (o.cancelled ? " (cancelled)" : "") << "\n";
    for (const auto& t : o.trials)
        std::printf("  trial %-3d %-10s %-22s %s=%-10s %s\n", t.number, t.status.c_str(),
                    t.runId.c_str(), s.metric.c_str(), formatValue(t.value).c_str(),
                    describe(t.assignment).c_str());
    if (o.best)
        std::cout << "best: trial " << o.best->number << " run " << o.best->runId << " "
                  << (s.reduce == MetricReduce::Best ? "best " : "final ") << s.metric << "="
                  << formatValue(o.best->value) << " (" << describe(o.best->assignment) << ")\n";
    else
        std::cout << "no trial completed\n";
}

// Runs (or, resumed, continues) sweep `id` to its end, keeping its record current.
int executeSweep(Workspace& ws, const Arguments& args, const std::string& id,
                 const SweepSpec& sweep, std::int64_t versionId, bool resumed) {
    LocalTrialRunner runner(ws.root(), versionId, id, sweep.metric, sweep.maximize, sweep.reduce);
    int planned = int(sweepAssignments(sweep).size());
    SweepPrinter printer(args.json, planned, sweep.metric);
    SweepRecorder recorder(ws, id, sweep, versionId, printer);
    if (!args.json)
        std::cout << (resumed ? "resuming sweep " : "sweep ") << id << ": " << planned
                  << " trials, " << sweep.effectiveParallel() << " at a time, best by "
                  << (sweep.maximize ? "max " : "min ") << sweep.metric << "\n"
                  << std::flush;
    recorder.start();
    BasicJobContext job;
    g_sweepJob = &job;
    auto previous = ::signal(SIGINT, onInterrupt);
    auto outcome = SweepScheduler(sweep, runner, &recorder).run(job);
    ::signal(SIGINT, previous);
    g_sweepJob = nullptr;
    if (!outcome) return reportError(outcome.error());
    json doc = outcomeJson(id, sweep, *outcome);
    writeRecord(ws, id, sweep, versionId, outcome->cancelled ? "cancelled" : "completed", doc);
    if (args.json)
        std::cout << doc.dump(2) << "\n";
    else
        printSummary(sweep, *outcome);
    if (!outcome->best && !outcome->cancelled)
        return reportError(makeError(ErrorCode::InvalidArgument, "no trial of the sweep completed"));
    return kExitOk;
}

// Reads sweeps/<id>.json back for --resume: the definition and the dataset version.
Result<SweepSpec> readRecord(Workspace& ws, const std::string& id, std::int64_t& versionId) {
    auto file = recordPath(ws, id);
    std::ifstream in(file);
    if (id.empty() || id.find('/') != std::string::npos || !in)
        return makeError(ErrorCode::NotFound, "no sweep '" + id + "'",
                         "sweeps are recorded in " + (ws.root() / "sweeps").string());
    json doc = json::parse(in, nullptr, false);
    if (!doc.is_object() || !doc.contains("spec"))
        return makeError(ErrorCode::Corrupt, "the sweep's record is not readable", file.string());
    if (doc.value("status", "") == "completed")
        return makeError(ErrorCode::InvalidArgument,
                         "sweep " + id + " is complete; nothing to resume",
                         "its outcome is in " + file.string());
    auto spec = SweepSpec::fromJson(doc["spec"].dump());
    if (!spec) return makeError(spec.error().code, spec.error().message, file.string());
    versionId = doc.value("dataset_version_id", std::int64_t(0));
    Environment env = captureEnvironment();
    spec->gpus = env.cudaAvailable ? int(env.gpus.size()) : 0;
    spec->cpuCores = env.cpuCores;
    if (auto st = spec->validate(); !st) return st.error();
    return spec;
}

int runSweep(const Arguments& args) {
    auto resume = args.value("resume");
    if (resume && !args.positionals.empty())
        return reportUsageError("--resume ID continues a recorded sweep; give no dataset with it");
    if (!resume && args.positionals.empty())
        return reportUsageError("kiln sweep needs a dataset (or --resume ID)");
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    Workspace& ws = **workspace;
    std::int64_t versionId = 0;
    if (resume) {
        auto sweep = readRecord(ws, *resume, versionId);
        if (!sweep) return reportError(sweep.error());
        return executeSweep(ws, args, *resume, *sweep, versionId, true);
    }
    bool usage = false;
    auto sweep = buildSweep(ws, args, versionId, usage);
    if (!sweep) return usage ? reportUsageError(sweep.error().message) : reportError(sweep.error());
    return executeSweep(ws, args, newSweepId(), *sweep, versionId, false);
}

std::vector<OptionSpec> sweepOptions() {
    std::vector<OptionSpec> options = {
        {"param", "NAME=DOMAIN",
         "a swept parameter: lr=log:1e-4:1e-1, dropout=uniform:0:0.5, batch-size=int:16:64, "
         "hidden=choice:64|128,64, seed=choice:1|2|3 (repeatable)",
         true},
        {"trials", "N", "the run budget (grid: default the whole grid)"},
        {"search", "KIND", "random|grid (default random)"},
        {"grid-points", "N", "grid: values taken from each range (default 3)"},
        {"parallel", "N", "trials at once (default: one per GPU, or 1 on CPU)"},
        {"metric", "M", "the metric that names the best trial (default val_loss)"},
        {"mode", "MODE", "min|max (default: min for losses and errors, else max)"},
        {"reduce", "HOW", "a trial's value: best (its best epoch, default) or final"},
        {"median-stop", "", "stop trials worse than the median of finished ones"},
        {"sweep-seed", "N", "seed of the random search's draws (default 0)"},
        {"resume", "ID",
         "continue a recorded sweep whose process stopped (its definition is read back)"}};
    for (auto& o : trainSpecOptions())
        if (o.name != "on") options.push_back(o);
    return options;
}

}  // namespace

Command makeSweepCommand() {
    Command c;
    c.name = "sweep";
    c.summary = "sweep hyper-parameters: many recorded runs, the best one named";
    c.usage =
        "kiln sweep DS[@VER] --target COL --param NAME=DOMAIN... [--trials N] [options]\n"
        "       kiln sweep --resume ID";
    c.description =
        "Runs trials of a base spec (the train options) with swept parameters, each an ordinary\n"
        "recorded run tagged sweep=<id> and trial=<n> (see `kiln runs --tag sweep=<id>`).\n"
        "Ctrl-C stops the queue and cancels running trials. The sweep's definition and outcome\n"
        "are kept in sweeps/<id>.json in the workspace, written when it starts and as trials\n"
        "end. `kiln sweep --resume ID` continues a sweep that was stopped or killed: completed\n"
        "trials are kept, interrupted ones continue from their checkpoint, the rest run.";
    c.options = sweepOptions();
    c.minPositionals = 0;
    c.maxPositionals = 1;
    c.run = runSweep;
    return c;
}

}  // namespace kiln::cli
