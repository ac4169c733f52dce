#pragma once

// A workspace with hand-made runs (no training) for the analysis tests.
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <string>

#include "core/analysis/metric_store.h"
#include "core/store/workspace.h"
#include "temp_dir.h"

namespace kiln::test {

class RunsFixture {
public:
    RunsFixture() {
        auto ws = Workspace::open(m_dir.path() / "ws", true);
        REQUIRE(ws);
        m_ws = std::move(*ws);
        exec("INSERT INTO datasets (id, name, kind) VALUES (1, 'iris', 'table'), (2, 'wine', 'table')");
        exec("INSERT INTO dataset_versions (id, dataset_id, version, content_hash) VALUES "
             "(11, 1, 1, 'h1'), (12, 1, 2, 'h2'), (21, 2, 1, 'h3')");
    }

    Catalog& catalog() { return m_ws->catalog(); }

    void exec(const std::string& sql) { REQUIRE(catalog().execute(sql)); }

    // A run with its spec, params, tags and one epoch-level curve per metric.
    void addRun(const std::string& id, std::int64_t versionId, const std::string& status,
                const std::string& spec, const std::map<std::string, std::string>& params,
                const std::map<std::string, std::vector<double>>& curves,
                const std::map<std::string, std::string>& tags = {}) {
        auto st = catalog().prepare(
            "INSERT INTO runs (id, name, dataset_version_id, status, spec, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        REQUIRE(st);
        REQUIRE(st->bind({id, "run " + id, versionId, status, spec, "2024-01-01T00:00:0" + std::to_string(m_created++) + "Z"}));
        REQUIRE(st->step());
        for (const auto& [k, v] : params) insert("params", id, k, v);
        for (const auto& [k, v] : tags) insert("tags", id, k, v);
        MetricWriter writer(catalog());
        for (const auto& [key, values] : curves)
            for (std::size_t e = 0; e < values.size(); ++e)
                REQUIRE(writer.add({id, key, std::int64_t(e + 1), std::int64_t(e + 1), values[e],
                                    1000.0 + double(e)}));
        REQUIRE(writer.flush());
    }

private:
    void insert(const char* table, const std::string& id, const std::string& k,
                const std::string& v) {
        auto st = catalog().prepare(std::string("INSERT INTO ") + table +
                                    " (run_id, key, value) VALUES (?, ?, ?)");
        REQUIRE(st);
        REQUIRE(st->bind({id, k, v}));
        REQUIRE(st->step());
    }

    TempDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    int m_created = 0;
};

}  // namespace kiln::test
