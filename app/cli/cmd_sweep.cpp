// kiln sweep DS --target COL --param ... : a hyper-parameter sweep of recorded runs.
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <mutex>

#include "app/cli/cli_app.h"
#include "app/cli/run_query_options.h"
#include "app/cli/train_options.h"
#include "core/data/dataset_catalog.h"
#include "core/jobs/job_context.h"
#include "core/runs/launcher.h"
#include "core/store/workspace.h"
#include "core/sweep/sweep_launcher.h"

namespace kiln::cli {

namespace {


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
    useDataset(s.base, *version);
    usage = true;  // the train options' errors are usage errors, as in `kiln train`
    if (auto st = applyTrainSpecOptions(args, s.base); !st) return st.error();
    if (s.base.target.empty() && s.base.datasetKind != "images")
        return makeError(ErrorCode::InvalidArgument, "--target COL is required");
    usage = false;
    if (auto st = readSweepOptions(args, s); !st) return st.error();
    if (auto st = prepareSweep(ws, s); !st) return st.error();
    return s;
}

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
    int planned = int(sweepAssignments(sweep).size());
    SweepPrinter printer(args.json, planned, sweep.metric);
    if (!args.json)
        std::cout << (resumed ? "resuming sweep " : "sweep ") << id << ": " << planned
                  << " trials, " << sweep.effectiveParallel() << " at a time, best by "
                  << (sweep.maximize ? "max " : "min ") << sweep.metric << "\n"
                  << std::flush;
    BasicJobContext job;
    g_sweepJob = &job;
    auto previous = ::signal(SIGINT, onInterrupt);
    auto outcome = runSweep(ws, id, sweep, versionId, &printer, job);
    ::signal(SIGINT, previous);
    g_sweepJob = nullptr;
    if (!outcome) return reportError(outcome.error());
    if (args.json)
        std::cout << sweepOutcomeJson(id, sweep, *outcome) << "\n";
    else
        printSummary(sweep, *outcome);
    if (!outcome->best && !outcome->cancelled)
        return reportError(makeError(ErrorCode::InvalidArgument, "no trial of the sweep completed"));
    return kExitOk;
}

int runSweepCommand(const Arguments& args) {
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
        auto recorded = readSweepForResume(ws, *resume);
        if (!recorded) return reportError(recorded.error());
        return executeSweep(ws, args, *resume, recorded->spec, recorded->datasetVersionId, true);
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
    c.run = runSweepCommand;
    return c;
}

}  // namespace kiln::cli
