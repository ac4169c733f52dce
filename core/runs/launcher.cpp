#include "core/runs/launcher.h"

#include <algorithm>
#include <cstdio>

#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/features/feature_checks.h"
#include "core/features/imputation.h"
#include "core/remote/host_lock.h"
#include "core/remote/ssh_executor.h"
#include "core/remote/ssh_host.h"
#include "core/runs/run_store.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

bool isLocal(const std::string& host) {
    return host.empty() || host == "local";
}

// A worker on this machine: a child process followed through its stdout.
class LocalRun : public Executor {
public:
    LocalRun(Workspace& ws, std::string runId, std::unique_ptr<LocalExecutor> process)
        : m_ws(ws), m_runId(std::move(runId)), m_process(std::move(process)) {}
    Result<std::string> follow(const EventCallback& onEvent, const std::atomic<bool>* cancelFlag,
                               const std::atomic<bool>* detachFlag) override {
        return followRun(m_ws, m_runId, *m_process, onEvent, cancelFlag, detachFlag);
    }
    std::string where() const override { return "local"; }

private:
    Workspace& m_ws;
    std::string m_runId;
    std::unique_ptr<LocalExecutor> m_process;
};

// A worker on an SSH host, detached there, followed through its events.jsonl.
class HostRun : public Executor {
public:
    HostRun(std::unique_ptr<SshExecutor> ssh, std::string host, int reconnectSeconds)
        : m_ssh(std::move(ssh)), m_host(std::move(host)), m_reconnectSeconds(reconnectSeconds) {}
    Result<std::string> follow(const EventCallback& onEvent, const std::atomic<bool>* cancelFlag,
                               const std::atomic<bool>* detachFlag) override {
        return m_ssh->follow(onEvent, cancelFlag, detachFlag, m_reconnectSeconds);
    }
    std::string where() const override { return m_host; }
    Staging staging() const override {
        const auto& s = m_ssh->staging();
        return {s.objectsNeeded, s.objectsCopied, s.bytesCopied};
    }

private:
    std::unique_ptr<SshExecutor> m_ssh;
    std::string m_host;
    int m_reconnectSeconds;
};

Result<std::unique_ptr<Executor>> launchHere(Workspace& ws, const std::string& runId,
                                             const LaunchOptions& options) {
    if (options.mode == LaunchMode::Attach)
        return makeError(ErrorCode::InvalidArgument,
                         "run " + runId + " runs on this machine; `kiln runs` brings it up to date");
    auto process = LocalExecutor::start(ws.root(), runId, options.mode == LaunchMode::Resume,
                                        options.kilnPath);
    if (!process) return process.error();
    return std::unique_ptr<Executor>(std::make_unique<LocalRun>(ws, runId, std::move(*process)));
}

Result<std::unique_ptr<Executor>> launchOnHost(Workspace& ws, const std::string& runId,
                                               const LaunchOptions& options) {
    auto host = findHost(ws.catalog(), options.host);
    if (!host) return host.error();
    auto ssh = [&] {
        if (options.mode == LaunchMode::Attach) return SshExecutor::attach(ws, *host, runId);
        // One start at a time per host in this process: staging shares the host's folders.
        const auto one = lockHostSetup(ws.root(), host->name);
        return SshExecutor::start(ws, *host, runId, options.mode == LaunchMode::Resume);
    }();
    if (!ssh) return ssh.error();
    return std::unique_ptr<Executor>(
        std::make_unique<HostRun>(std::move(*ssh), host->name, options.reconnectSeconds));
}

}  // namespace

void useDataset(RunSpec& spec, const DatasetVersion& version) {
    spec.dataset = version.dataset;
    spec.datasetVersion = version.version;
    spec.datasetHash = version.contentHash;
    spec.datasetKind = version.kind;
}

namespace {

// A table's target when none was given: the column named like one.
Status chooseTarget(RunSpec& spec, const Table& table) {
    if (!spec.target.empty() || spec.datasetKind == "images") return {};
    spec.target = suggestTarget(table);
    if (spec.target.empty()) {
        Error e = makeError(ErrorCode::InvalidArgument,
                            "no target given, and no column is named like one (target, label, class, "
                            "y, outcome, response)");
        e.hint = "choose the column to predict with --target COL";
        return e;
    }
    spec.notes.push_back("target '" + spec.target + "' chosen by its name");
    return {};
}

Status excludeFeatures(RunSpec& spec, const Table& table, const std::vector<std::string>& excluded) {
    for (const auto& name : excluded) {
        if (table.columnIndex(name) < 0)
            return makeError(ErrorCode::NotFound, "no column '" + name + "' to exclude in the dataset");
        auto at = std::find(spec.features.begin(), spec.features.end(), name);
        if (at == spec.features.end()) continue;
        spec.features.erase(at);
        spec.notes.push_back("left out column '" + name + "': excluded");
    }
    if (spec.features.empty())
        return makeError(ErrorCode::InvalidArgument, "every feature column is excluded",
                         "target " + spec.target);
    return {};
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", whole ? 100.0 * double(part) / double(whole) : 0.0);
    return text;
}

// What happens to missing cells, said before training: rows without a target are left out; a
// feature's missing cells are filled (or, for trees, kept) as the recipe does (feature_recipe.h).
void noteMissing(RunSpec& spec, const Table& table) {
    const int target = table.columnIndex(spec.target);
    if (target >= 0)
        if (std::uint64_t missing = table.column(std::size_t(target)).info().missing; missing > 0)
            spec.notes.push_back(std::to_string(missing) + " of " + std::to_string(table.rows()) +
                                 " rows have no target ('" + spec.target + "', " +
                                 percent(missing, table.rows()) + "): they are left out");
    std::string numbers, categories;
    for (const auto& name : spec.features) {
        const ColumnInfo& info = table.column(std::size_t(table.columnIndex(name))).info();
        if (info.missing == 0) continue;
        const std::string item = "'" + name + "' " + std::to_string(info.missing) + " (" +
                                 percent(info.missing, table.rows()) + ")";
        const bool categorical = info.type == ColumnType::Categorical || info.type == ColumnType::Boolean;
        std::string& list = categorical ? categories : numbers;
        list += (list.empty() ? "" : ", ") + item;
    }
    const std::string& family = spec.model.family;
    const bool trees = family == "boosted" || family == "forest" || family == "tree";
    if (!numbers.empty())
        spec.notes.push_back("missing numbers in " + numbers + ": " +
                             (trees ? std::string("kept missing, the trees learn where they go")
                              : family == "auto" && spec.imputation != "drop"
                                  ? imputationPhrase(spec.imputation, spec.imputeValue) + " (trees keep them missing)"
                                  : imputationPhrase(spec.imputation, spec.imputeValue)));
    if (!categories.empty())
        spec.notes.push_back("missing categories in " + categories +
                             ": filled with the most frequent category of the training rows");
}

}  // namespace

Status prepareRunSpec(Workspace& ws, RunSpec& spec, const std::vector<std::string>& excluded) {
    auto table = Table::open(ws.objects(), spec.datasetHash);
    if (!table) return table.error();
    if (auto st = chooseTarget(spec, **table); !st) return st;
    if (auto st = resolveSpec(spec, **table); !st) return st;
    if (auto st = excludeFeatures(spec, **table, excluded); !st) return st;
    if (spec.datasetKind != "images") noteMissing(spec, **table);
    if (spec.datasetKind != "images")
        for (const auto& warning : checkFeatures(**table, spec.target, spec.features,
                                                 spec.task == TaskKind::Classification))
            if (warning.reason != FeatureWarning::Reason::MostlyMissing)  // noteMissing said it
                spec.notes.push_back(describeFeatureWarning(warning));
    return spec.validate();
}

Result<std::string> recordRun(Workspace& ws, const RunSpec& spec, std::int64_t datasetVersionId,
                              const std::string& host) {
    std::string where = "local";
    if (!isLocal(host)) {  // before anything is recorded
        auto found = findHost(ws.catalog(), host);
        if (!found) return found.error();
        where = found->name;
    }
    auto id = createRun(ws, spec, datasetVersionId);
    if (!id || where == "local") return id;
    // The run names its host from the first read on, while the data is being staged.
    if (auto st = RunStore(ws.catalog()).setHost(*id, where); !st) return st.error();
    return id;
}

Result<std::unique_ptr<Executor>> launchRun(Workspace& ws, const std::string& runId,
                                            const LaunchOptions& options) {
    const bool local = isLocal(options.host);
    auto executor = local ? launchHere(ws, runId, options) : launchOnHost(ws, runId, options);
    if (!executor && options.mode == LaunchMode::Fresh) {
        // A new run that never started is over; a resumed one stays resumable.
        std::string why = local ? executor.error().message
                                : "could not start on " + options.host + ": " +
                                      executor.error().message;
        (void)markRun(ws.catalog(), runId, RunStatus::Failed, why);
    }
    return executor;
}

}  // namespace kiln
