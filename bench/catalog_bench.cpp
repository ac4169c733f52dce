// Catalog benchmark for comparing runs: writes a synthetic workspace through MetricWriter
// (1,000 runs × 3 metrics × 1,000 epochs, 20 runs × 3 metrics × 100,000 steps), then times the
// runs table and the reads a compare view makes for a 1,000-pixel-wide plot, from the summary
// pyramid and then, the pyramid deleted, from every point. Prints JSON.
// Usage: kiln_catalog_bench WORKSPACE_DIR [epoch_runs] [step_runs] [reuse]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/analysis/metric_store.h"
#include "core/analysis/run_query.h"
#include "core/store/workspace.h"

using namespace kiln;

namespace {

double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double cpuNow() { return double(std::clock()) / CLOCKS_PER_SEC; }

void check(const Status& st) {
    if (!st) throw std::runtime_error(st.error().toString());
}

std::string runId(const char* kind, int i) { return std::string(kind) + "-" + std::to_string(i); }

void addRun(Catalog& c, const std::string& id, int i) {
    check(c.execute("INSERT INTO runs (id, name, status, spec) VALUES ('" + id + "', '" + id +
                    "', 'completed', '{}')"));
    std::string params[][2] = {{"optimizer.lr", std::to_string(1e-4 * (1 + i % 100))},
                               {"model.hidden", i % 2 ? "[128,64]" : "[64]"},
                               {"seed", std::to_string(i % 5)},
                               {"batch_size", std::to_string(16 << (i % 3))}};
    for (auto& p : params)
        check(c.execute("INSERT INTO params VALUES ('" + id + "', '" + p[0] + "', '" + p[1] + "')"));
}

// Writes `points` points of 3 metrics for run `id`; returns the CPU seconds spent in the writer.
double writeRun(MetricWriter& w, const std::string& id, int points, int perEpoch, int i) {
    double c0 = cpuNow();
    const char* keys[] = {"train_loss", "val_loss", "val_accuracy"};
    for (int k = 0; k < 3; ++k)
        for (int s = 1; s <= points; ++s) {
            double v = std::exp(-s / (points / 5.0)) + 0.05 * std::sin(s * 0.37 + i + k);
            if (s % 9973 == 0) v += 5;  // spikes the plot must keep
            check(w.add({id, keys[k], s, (s - 1) / perEpoch + 1, k == 2 ? 1 - v : v, 1e9 + s}));
        }
    check(w.flush());
    return cpuNow() - c0;
}

nlohmann::json timeRead(Catalog& c, const std::vector<std::string>& ids, bool summary = true) {
    double t0 = now();
    SeriesRequest r{ids, {"train_loss", "val_loss", "val_accuracy"}, MetricAxis::Step, 1000};
    r.useSummary = summary;
    auto series = MetricStore(c).read(r);
    if (!series) throw std::runtime_error(series.error().toString());
    std::size_t stored = 0, drawn = 0;
    for (auto& s : *series) stored += s.storedPoints, drawn += s.points.size();
    return {{"series", series->size()}, {"stored_points", stored}, {"drawn_points", drawn},
            {"seconds", now() - t0}};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return std::cerr << "usage: kiln_catalog_bench WORKSPACE_DIR\n", 2;
    int epochRuns = argc > 2 ? std::stoi(argv[2]) : 1000, stepRuns = argc > 3 ? std::stoi(argv[3]) : 20;
    auto ws = Workspace::open(argv[1], true);
    if (!ws) return std::cerr << ws.error().toString() << "\n", 1;
    Catalog& c = (*ws)->catalog();
    // "reuse": a workspace this bench already filled is read again without writing (the write
    // figures are then zero), for trying a read path again and again.
    const bool reuse = argc > 4 && std::string(argv[4]) == "reuse" && (*ws)->catalog().counts()->runs > 0;
    MetricWriter writer(c, 4096);
    double cpu = 0, t0 = now();
    if (!reuse) {
        for (int i = 0; i < epochRuns; ++i) addRun(c, runId("epoch", i), i);
        for (int i = 0; i < stepRuns; ++i) addRun(c, runId("step", i), i);
        for (int i = 0; i < epochRuns; ++i) cpu += writeRun(writer, runId("epoch", i), 1000, 1, i);
        for (int i = 0; i < stepRuns; ++i) cpu += writeRun(writer, runId("step", i), 100000, 1000, i);
    }
    double wall = std::max(now() - t0, 1e-9);
    double points = std::max(double(writer.written()), 1.0);
    // A live run's host: 10,000 points in batches of 500 (one flush every 50 ms at 10k/s).
    MetricWriter live(c, 500);
    double c0 = cpuNow();
    for (int s = 0; s < 10000; ++s) check(live.add({"epoch-0", "live", s, s / 100, s * 0.1, 2e9}));
    check(live.flush());
    double liveCpu = cpuNow() - c0;
    double q0 = now();
    RunQuery q;
    auto table = queryRuns(c, q);
    double tableSeconds = now() - q0;
    if (!table) return std::cerr << table.error().toString() << "\n", 1;
    std::vector<std::string> fifty, steps;
    for (int i = 0; i < 50 && i < epochRuns; ++i) fifty.push_back(runId("epoch", i * 7 % epochRuns));
    for (int i = 0; i < stepRuns; ++i) steps.push_back(runId("step", i));
    nlohmann::json out = {
        {"points_written", points},
        {"write_wall_seconds", wall},
        {"points_per_second", points / wall},
        {"write_cpu_seconds_per_10000_points", cpu / points * 10000},
        {"live_10000_points_cpu_seconds", liveCpu},
        {"live_cpu_share_at_10000_points_per_second", liveCpu},
        {"runs_table_rows", table->rows.size()},
        {"runs_table_seconds", tableSeconds},
        {"compare_50_epoch_runs", timeRead(c, fifty)},
        {"compare_20_step_runs", timeRead(c, steps)}};
    // The same reads without the summary pyramid: every point in range, as before schema 4.
    out["compare_50_epoch_runs_raw"] = timeRead(c, fifty, false);
    out["compare_20_step_runs_raw"] = timeRead(c, steps, false);
    std::cout << out.dump(2) << "\n";
    return 0;
}
