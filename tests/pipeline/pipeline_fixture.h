#pragma once

// A workspace with one pipeline file (wine-weekly) for the schedule tests, and recorded runs.

#include <catch2/catch.hpp>

#include <memory>

#include "core/pipeline/pipeline_spec.h"
#include "core/pipeline/pipeline_store.h"
#include "core/pipeline/schedule/schedule_installer.h"
#include "core/pipeline/schedule/schedule_record.h"
#include "core/store/workspace.h"
#include "schedule_support.h"

struct PipelineFixture {
    TempDir dir;
    std::unique_ptr<kiln::Workspace> workspace;
    kiln::PipelineSpec spec;
    kiln::InstallerEnvironment env;
    kiln::ScheduleOptions options;

    explicit PipelineFixture(const std::string& schedule = "Mon *-*-* 03:00") {
        auto ws = kiln::Workspace::open(dir / "ws");
        REQUIRE(ws.ok());
        workspace = std::move(*ws);
        const std::filesystem::path file = dir / "pipes" / "pipeline.yaml";
        const std::string yaml = "name: wine-weekly\nsteps:\n  - import: {path: wine.csv, dataset: wine}\n"
                                 "schedule: \"" + schedule + "\"\npause_after_failures: 2\n";
        writeText(file, yaml);
        auto parsed = kiln::parsePipeline(yaml, file);
        INFO((parsed ? "" : parsed.error().toString()));
        REQUIRE(parsed.ok());
        spec = *parsed;
        env.unitFolder = dir / "config" / "systemd" / "user";
        env.user = "ada";
        env.timeoutSeconds = 10;
        options.kiln = dir / "bin" / "kiln";
        options.workspace = workspace->root();
        writeScript(options.kiln, "exit 0\n");
    }

    kiln::Catalog& catalog() { return workspace->catalog(); }
    kiln::ScheduleInstaller installer() { return kiln::ScheduleInstaller(catalog(), env); }

    std::optional<kiln::ScheduleRecord> record() {
        auto r = kiln::ScheduleStore(catalog()).find(spec.name);
        REQUIRE(r.ok());
        return *r;
    }

    // Records a finished run of the pipeline (its one step too).
    void recordRun(kiln::PipelineRunStatus status, const std::string& trigger = "scheduled",
                   const std::string& message = "") {
        kiln::PipelineStore store(catalog());
        auto id = store.ensurePipeline(spec.name, spec.file.string(), spec.specHash);
        REQUIRE(id.ok());
        kiln::StepRecord step;
        step.name = "import";
        step.kind = "import";
        auto run = store.startRun(*id, trigger, spec.specHash, {step});
        REQUIRE(run.ok());
        REQUIRE(store.finishRun(*run, status, message).ok());
    }
};
