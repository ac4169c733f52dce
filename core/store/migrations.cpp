#include "core/store/migrations.h"

#include <string>

namespace kiln {

namespace {

// Version 1: the tables DESIGN.md names, shaped like proven experiment trackers.
constexpr const char* kInitialSchema = R"sql(
CREATE TABLE datasets (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('table', 'images')),
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE dataset_versions (
  id           INTEGER PRIMARY KEY,
  dataset_id   INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  version      INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  schema_json  TEXT NOT NULL DEFAULT '{}',
  row_count    INTEGER NOT NULL DEFAULT 0,
  source_path  TEXT NOT NULL DEFAULT '',
  manifest     TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (dataset_id, version),
  UNIQUE (dataset_id, content_hash)
);
CREATE TABLE hosts (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  ssh_target  TEXT NOT NULL,
  kiln_path   TEXT NOT NULL DEFAULT 'kiln',
  workdir     TEXT NOT NULL DEFAULT '',
  identity    TEXT NOT NULL DEFAULT '',
  settings    TEXT NOT NULL DEFAULT '{}',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE runs (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL DEFAULT '',
  dataset_version_id INTEGER REFERENCES dataset_versions(id),
  status             TEXT NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled',
                                       'interrupted')),
  spec               TEXT NOT NULL DEFAULT '{}',
  host               TEXT NOT NULL DEFAULT 'local',
  device             TEXT NOT NULL DEFAULT '',
  environment        TEXT NOT NULL DEFAULT '{}',
  error              TEXT NOT NULL DEFAULT '',
  worker_pid         INTEGER,
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  started_at         TEXT,
  finished_at        TEXT
);
CREATE INDEX runs_by_dataset ON runs (dataset_version_id);
CREATE TABLE params (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key    TEXT NOT NULL,
  value  TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
CREATE TABLE metrics (
  run_id    TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key       TEXT NOT NULL,
  step      INTEGER NOT NULL,
  epoch     INTEGER NOT NULL DEFAULT 0,
  value     REAL NOT NULL,
  wall_time REAL NOT NULL,
  PRIMARY KEY (run_id, key, step)
) WITHOUT ROWID;
CREATE TABLE tags (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key    TEXT NOT NULL,
  value  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
CREATE TABLE artifacts (
  id     INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  kind   TEXT NOT NULL,
  path   TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes  INTEGER NOT NULL,
  UNIQUE (run_id, path)
);
CREATE TABLE models (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE model_versions (
  id                 INTEGER PRIMARY KEY,
  model_id           INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
  version            INTEGER NOT NULL,
  run_id             TEXT NOT NULL REFERENCES runs(id),
  dataset_version_id INTEGER REFERENCES dataset_versions(id),
  stage              TEXT NOT NULL DEFAULT 'none'
                     CHECK (stage IN ('none', 'staging', 'production', 'archived')),
  onnx_path          TEXT NOT NULL DEFAULT '',
  onnx_sha256        TEXT NOT NULL DEFAULT '',
  verification       TEXT NOT NULL DEFAULT '{}',
  system_evaluation  TEXT NOT NULL DEFAULT '{}',
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (model_id, version)
);
)sql";

// Version 2: profiles cached per dataset version and profile options.
constexpr const char* kProfileCache = R"sql(
CREATE TABLE profiles (
  dataset_version_id INTEGER NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE,
  options            TEXT NOT NULL,
  profile            TEXT NOT NULL,
  seconds            REAL NOT NULL DEFAULT 0,
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (dataset_version_id, options)
);
)sql";

// Version 3: the last value (and its step and epoch) of every run's metric series, so a runs
// table reads one row per series instead of scanning each (kiln runs on 1,000 runs of 1,000
// epochs: 165 ms before). The writers of metrics (MetricWriter, once per series per batch; the
// run recorder, per event) keep it with kUpsertMetricLast (a trigger on every row halved
// MetricWriter's rate). Filled here from the metrics a workspace
// already holds (a bare column beside MAX() is SQLite's value from the row with the maximum).
// Metric rows are only ever added or go with their run, whose metric_last rows go with it.
constexpr const char* kMetricLast = R"sql(
CREATE TABLE metric_last (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key    TEXT NOT NULL,
  step   INTEGER NOT NULL,
  epoch  INTEGER NOT NULL,
  value  REAL NOT NULL,
  PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
INSERT INTO metric_last (run_id, key, step, epoch, value)
  SELECT run_id, key, MAX(step), epoch, value FROM metrics GROUP BY run_id, key;
)sql";

// Version 4: a summary pyramid of every metric series, so a compare of long curves reads buckets
// instead of every point (core/analysis/metric_summary.h). Level L has one row per 2^(6+2L)
// steps: how many points it holds and its lowest and highest point with their step, epoch and
// wall time. Filled here: level 0 from the metrics (a bare column beside MIN() or MAX() is
// SQLite's value from that row), each level above from the one below.
std::string metricSummarySql() {
    std::string sql = R"sql(
CREATE TABLE metric_summary (
  run_id    TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key       TEXT NOT NULL,
  level     INTEGER NOT NULL,
  bucket    INTEGER NOT NULL,
  points    INTEGER NOT NULL,
  min_step  INTEGER NOT NULL, min_epoch INTEGER NOT NULL, min_wall REAL NOT NULL, min_value REAL NOT NULL,
  max_step  INTEGER NOT NULL, max_epoch INTEGER NOT NULL, max_wall REAL NOT NULL, max_value REAL NOT NULL,
  PRIMARY KEY (run_id, key, level, bucket)
) WITHOUT ROWID;
INSERT INTO metric_summary
  SELECT run_id, key, 0, step >> 6, COUNT(*), step, epoch, wall_time, MIN(value), 0, 0, 0, 0
  FROM metrics GROUP BY run_id, key, step >> 6;
UPDATE metric_summary SET (max_step, max_epoch, max_wall, max_value) = (
  SELECT step, epoch, wall_time, MAX(value) FROM metrics m
  WHERE m.run_id = metric_summary.run_id AND m.key = metric_summary.key
    AND m.step >= metric_summary.bucket << 6 AND m.step < (metric_summary.bucket + 1) << 6)
  WHERE level = 0;
)sql";
    for (int level = 1; level < 8; ++level) {
        const std::string l = std::to_string(level), below = std::to_string(level - 1);
        sql += "INSERT INTO metric_summary SELECT run_id, key, " + l +
               ", bucket >> 2, SUM(points), min_step, min_epoch, min_wall, MIN(min_value), 0, 0, 0, 0 "
               "FROM metric_summary WHERE level = " + below + " GROUP BY run_id, key, bucket >> 2;\n";
        sql += "UPDATE metric_summary SET (max_step, max_epoch, max_wall, max_value) = ("
               "SELECT b.max_step, b.max_epoch, b.max_wall, MAX(b.max_value) FROM metric_summary b "
               "WHERE b.run_id = metric_summary.run_id AND b.key = metric_summary.key AND b.level = " + below +
               " AND b.bucket >> 2 = metric_summary.bucket) WHERE level = " + l + ";\n";
    }
    return sql;
}

// Schema 5: the pyramid's buckets eight to a row, as one BLOB (core/store/summary_page.h), gathered
// from schema 4's row per bucket by the catalog's kiln_summary_page aggregate.
const char* const kMetricSummaryPages = R"sql(
CREATE TABLE metric_summary_pages (
  run_id  TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key     TEXT NOT NULL,
  level   INTEGER NOT NULL,
  page    INTEGER NOT NULL,
  buckets BLOB NOT NULL,
  PRIMARY KEY (run_id, key, level, page)
) WITHOUT ROWID;
INSERT INTO metric_summary_pages
  SELECT run_id, key, level, bucket >> 3, kiln_summary_page(bucket & 7, points, min_step, min_epoch,
         min_wall, min_value, max_step, max_epoch, max_wall, max_value)
  FROM metric_summary GROUP BY run_id, key, level, bucket >> 3;
DROP TABLE metric_summary;
)sql";

// Version 6: how each dataset was read, so `kiln refresh` can read it again
// (core/data/dataset_source.h); '' for datasets imported before.
const char* const kDatasetSource = R"sql(
ALTER TABLE datasets ADD COLUMN source_spec TEXT NOT NULL DEFAULT '';
)sql";

// Version 7: pipelines (core/pipeline): each run of a pipeline file and of its steps, with the
// key a step's output is reused by; schedules installed on this machine; and the drift reports of
// `kiln monitor` and the pipelines' monitor steps, kept to be drawn over time.
const char* const kPipelines = R"sql(
CREATE TABLE pipelines (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  file       TEXT NOT NULL DEFAULT '',
  spec_hash  TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE pipeline_runs (
  id          INTEGER PRIMARY KEY,
  pipeline_id INTEGER NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,
  trigger     TEXT NOT NULL DEFAULT 'manual' CHECK (trigger IN ('manual', 'scheduled')),
  status      TEXT NOT NULL DEFAULT 'running'
              CHECK (status IN ('running', 'completed', 'failed', 'refused', 'skipped')),
  message     TEXT NOT NULL DEFAULT '',
  spec_hash   TEXT NOT NULL DEFAULT '',
  pid         INTEGER NOT NULL DEFAULT 0,
  started_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at TEXT NOT NULL DEFAULT '',
  UNIQUE (pipeline_id, number)
);
CREATE TABLE pipeline_steps (
  run_id      INTEGER NOT NULL REFERENCES pipeline_runs(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'pending'
              CHECK (status IN ('pending', 'running', 'ran', 'cached', 'skipped', 'failed')),
  reason      TEXT NOT NULL DEFAULT '',
  key         TEXT NOT NULL DEFAULT '',
  key_parts   TEXT NOT NULL DEFAULT '{}',
  outputs     TEXT NOT NULL DEFAULT '{}',
  log         TEXT NOT NULL DEFAULT '',
  started_at  TEXT NOT NULL DEFAULT '',
  finished_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, position)
);
CREATE INDEX pipeline_steps_by_key ON pipeline_steps (name, key);
CREATE TABLE pipeline_schedules (
  pipeline_id   INTEGER PRIMARY KEY REFERENCES pipelines(id) ON DELETE CASCADE,
  calendar      TEXT NOT NULL,
  backend       TEXT NOT NULL CHECK (backend IN ('systemd', 'cron')),
  unit          TEXT NOT NULL DEFAULT '',
  file          TEXT NOT NULL,
  pause_after   INTEGER NOT NULL DEFAULT 3,
  paused        INTEGER NOT NULL DEFAULT 0,
  paused_reason TEXT NOT NULL DEFAULT '',
  installed_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE monitor_reports (
  id                   INTEGER PRIMARY KEY,
  model                TEXT NOT NULL,
  model_version        INTEGER NOT NULL DEFAULT 0,
  reference_version_id INTEGER REFERENCES dataset_versions(id) ON DELETE SET NULL,
  current_label        TEXT NOT NULL DEFAULT '',
  current_hash         TEXT NOT NULL DEFAULT '',
  pipeline_run_id      INTEGER REFERENCES pipeline_runs(id) ON DELETE SET NULL,
  drifted_share        REAL NOT NULL DEFAULT 0,
  report               TEXT NOT NULL,
  created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX monitor_reports_by_model ON monitor_reports (model, created_at);
)sql";

}  // namespace

const char* const kUpsertMetricLast =
    "INSERT INTO metric_last (run_id, key, step, epoch, value) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (run_id, key) DO UPDATE SET step = excluded.step, epoch = excluded.epoch, "
    "value = excluded.value WHERE excluded.step > metric_last.step";

const std::vector<Migration>& catalogMigrations() {
    static const std::string summarySql = metricSummarySql();
    static const std::vector<Migration> migrations = {
        {1, "initial catalog: datasets, runs, metrics, models, hosts", kInitialSchema},
        {2, "profile cache per dataset version", kProfileCache},
        {3, "the last value of every metric series", kMetricLast},
        {4, "a summary pyramid of every metric series", summarySql.c_str()},
        {5, "the summary pyramid's buckets stored eight to a row", kMetricSummaryPages},
        {6, "each dataset's source, to refresh it", kDatasetSource},
        {7, "pipelines, their runs, steps and schedules, and drift reports", kPipelines},
    };
    return migrations;
}

}  // namespace kiln
