#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/runs/run_status.h"

namespace kiln {

class Workspace;

// What a person asks to remove, by the reference they type.
enum class RemovalKind {
    Dataset,         // NAME: every version
    DatasetVersion,  // NAME@VER or NAME@<hash prefix>
    Run,             // an id or a plain prefix of one
    Sweep,           // a sweep id: its record and every trial run
    Model,           // MODEL (every version) or MODEL@VER
};

struct RemovalTarget {
    RemovalKind kind = RemovalKind::Run;
    std::string reference;
};

struct PlannedVersion {
    std::int64_t id = 0;  // dataset_versions.id
    std::string dataset;
    std::int64_t version = 0;
    std::uint64_t rows = 0;
};

struct PlannedRun {
    std::string id, name;
    RunStatus status = RunStatus::Completed;
    bool starred = false;
};

struct PlannedModelVersion {
    std::int64_t id = 0;  // model_versions.id
    std::string model;
    std::int64_t version = 0;
    std::string stage;  // none | staging | production | archived
    std::string runId;
};

// Why a removal cannot go ahead now.
struct RemovalBlocker {
    enum class Reason {
        RunActive,            // `runId` is queued or running (`status`)
        RunMadeModel,         // `runId` is the source of model version `model`@`modelVersion`
        VersionTrainedModel,  // a version it removes trained `model`@`modelVersion`
    };
    Reason reason = Reason::RunActive;
    std::string runId;
    RunStatus status = RunStatus::Queued;
    std::string model;
    std::int64_t modelVersion = 0;
    std::string stage;
};

// What a person should know before saying yes.
struct RemovalWarning {
    enum class Reason {
        StarredRun,    // `runId` is starred
        ModelInStage,  // `model`@`modelVersion` is in staging or production (`stage`)
    };
    Reason reason = Reason::StarredRun;
    std::string runId;
    std::string model;
    std::int64_t modelVersion = 0;
    std::string stage;
};

// Everything a removal takes, worked out before anything changes: what was named and what goes
// with it (a dataset's versions, a version's runs, a sweep's trial runs, a model's versions), the
// reasons it cannot go now and what a person should know first. Front ends word blockers and
// warnings themselves (Studio translates them); describeBlocker/describeWarning are the CLI's.
struct RemovalPlan {
    std::vector<std::string> datasets;  // datasets left with no version: their rows go too
    std::vector<PlannedVersion> versions;
    std::vector<PlannedRun> runs;
    std::vector<std::string> sweeps;  // sweeps left with no trial run: their records go
    std::vector<PlannedModelVersion> modelVersions;
    std::vector<std::string> models;  // models left with no version
    std::vector<RemovalBlocker> blockers;
    std::vector<RemovalWarning> warnings;

    bool empty() const { return versions.empty() && runs.empty() && modelVersions.empty() && sweeps.empty(); }
    bool allowed() const { return blockers.empty(); }
};

// The plan for removing `targets` together. NotFound or InvalidArgument for a reference that
// names nothing or several things; the catalog's errors otherwise. Changes nothing.
Result<RemovalPlan> planRemoval(Workspace& workspace, const std::vector<RemovalTarget>& targets);

// Carries out an allowed plan: the catalog rows in one transaction (a run's params, metrics,
// tags and artifacts, a version's cached profiles go with them), then the runs' folders and the
// sweeps' records. The plan is checked again inside the transaction: Busy, and nothing removed,
// when something it names started running or gained a registered model or a run since it was
// made. The objects the removed versions stored stay until `collectGarbage` (core/lifecycle/
// garbage.h). InvalidArgument for a plan with blockers.
Status applyRemoval(Workspace& workspace, const RemovalPlan& plan);

// The plan as a person reads it, in English: what goes, line by line.
std::vector<std::string> describeRemoval(const RemovalPlan& plan);
std::string describeBlocker(const RemovalBlocker& blocker);
std::string describeWarning(const RemovalWarning& warning);

}  // namespace kiln
