#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/runs/run_status.h"

namespace kiln {

class Catalog;
class Workspace;
struct RunSpec;

// One run as the catalog records it (the runs row, its dataset and host), typed.
struct StoredRun {
    std::string id;
    std::string name;
    RunStatus status = RunStatus::Queued;
    std::string error;
    std::string host = "local";  // "local" or the hosts.name it ran on
    std::string hostTarget;      // that host's USER@HOST[:PORT]; empty for local or a removed host
    std::string device;          // "cpu (why)" once started
    std::string dataset;         // the dataset's name; empty when it was removed
    std::int64_t datasetVersion = 0;    // its version number (0 when removed)
    std::int64_t datasetVersionId = 0;  // dataset_versions.id (0 when removed)
    std::string specJson = "{}";
    std::string environmentJson = "{}";
    std::string createdAt;
    std::optional<std::string> startedAt, finishedAt;
    std::optional<std::int64_t> workerPid;  // the worker's pid on this machine, while recorded
    std::optional<std::int64_t> lastEpoch;  // the last epoch with a train_loss
    std::optional<double> testScore;        // test_accuracy or test_r2, when recorded
};

struct RunParam {
    std::string key;  // "model.hidden", "optimizer.lr", …
    std::string value;
};

struct RunMetric {
    std::string key;
    std::int64_t step = 0;
    std::int64_t epoch = 0;
    double value = 0;
};

struct RunArtifact {
    std::string kind;  // spec, checkpoint, model, recipe, split, report, …
    std::string path;  // relative to runs/<id>/
    std::string sha256;
    std::int64_t bytes = 0;
};

// Which runs list() returns, oldest first.
struct RunListFilter {
    std::optional<std::int64_t> datasetId;         // any version of this dataset
    std::optional<std::int64_t> datasetVersionId;  // exactly this version
};

// The one way front ends read and change runs (the CLI and Studio hold no SQL). Borrows the
// catalog; one thread at a time, as the catalog. Every function returns the catalog's errors;
// a run that does not exist is NotFound.
class RunStore {
public:
    explicit RunStore(Catalog& catalog) : m_catalog(catalog) {}

    // The full id `text` names: the id itself, or a plain prefix (no pattern characters: `%` and
    // `_` are themselves) only one run starts with. NotFound when none does, InvalidArgument when
    // several do or `text` is empty.
    Result<std::string> resolveId(const std::string& text);

    Result<StoredRun> get(const std::string& id);
    Result<RunStatus> status(const std::string& id);
    Result<std::vector<StoredRun>> list(const RunListFilter& filter = {});
    // The newest runs first, at most `limit` (id, name and status filled): what a navigator shows.
    Result<std::vector<StoredRun>> newest(std::size_t limit);

    Result<std::vector<RunParam>> params(const std::string& id);        // by key
    Result<std::vector<RunMetric>> metrics(const std::string& id);      // by key, then step
    Result<std::map<std::string, double>> finalMetrics(const std::string& id);  // last step each
    Result<std::vector<RunArtifact>> artifacts(const std::string& id);  // by path
    // The last epoch with a train_loss (0 when none).
    Result<std::int64_t> lastEpoch(const std::string& id);

    // Records where the run goes (a host's name, or "local") before its worker starts.
    Status setHost(const std::string& id, const std::string& host);
    // Ends the run with `status` and `error` (now as finished_at): a worker that could not start
    // or died without finishing.
    Status finish(const std::string& id, RunStatus status, const std::string& error);

private:
    Catalog& m_catalog;
};

// A new short unique run id: UTC time and 4 random hex digits ("20261123-105301-3fa9").
std::string newRunId();

// Records a new run: the runs row (status queued, host local), its params (the spec flattened to
// "model.hidden" = "[128,64]" …) and runs/<id>/spec.json. Returns the run id.
Result<std::string> createRun(Workspace& workspace, const RunSpec& spec,
                              std::int64_t datasetVersionId);

// RunStore(catalog).resolveId(text).
Result<std::string> resolveRunId(Catalog& catalog, const std::string& text);

// RunStore(catalog).finish(id, status, error).
Status markRun(Catalog& catalog, const std::string& runId, RunStatus status,
               const std::string& error);

}  // namespace kiln
