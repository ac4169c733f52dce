#include "core/data/parquet/parquet_import.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>
#include <thread>
#include <unordered_set>

#include "core/base/parallel_pass.h"
#include "core/data/column_choices.h"
#include "core/data/csv_dialect.h"
#include "core/data/parquet/parquet_codecs.h"
#include "core/data/parquet/parquet_reading.h"
#include "core/data/table_writer.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"

namespace kiln {

using namespace parquet;

namespace {

unsigned threadCount(const ImportOptions& options) {
    return options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
}

std::string sourceJson(const ParquetFile& file) {
    std::set<std::string> codecs;
    for (const auto& group : file.meta().rowGroups)
        for (const auto& column : group.columns) codecs.insert(codecName(column.codec));
    nlohmann::ordered_json j;
    j["reader"] = "parquet";
    j["row_groups"] = file.meta().rowGroups.size();
    j["codecs"] = std::vector<std::string>(codecs.begin(), codecs.end());
    std::string scratch;
    j["created_by"] = std::string(validUtf8(file.meta().createdBy, scratch));
    return j.dump();
}

std::string tooManyNote(std::uint64_t limit) {
    return "more than " + std::to_string(limit) +
           " distinct values: too many for a category, read as text";
}

// One row group's chunks, or what stopped its reading.
struct GroupItem {
    std::vector<ColumnChunk> chunks;
    std::optional<Error> error;
    ConvertStats stats;                  // by the chunks' columns summed
    std::vector<std::uint64_t> dropped;  // by column: timestamps with sub-millisecond digits
};

// What one pass over the row groups decided.
struct Pass {
    std::optional<Error> error;
    bool restart = false;  // a spec changed: read again
    std::vector<std::uint64_t> dropped;
};

GroupItem produceGroup(const OpenedParquet& opened, const std::vector<ColumnSpec>& specs,
                       std::size_t g) {
    GroupItem item;
    item.chunks.resize(specs.size());
    item.dropped.assign(specs.size(), 0);
    auto& meta = opened.file->meta().rowGroups[g];
    for (std::size_t c = 0; c < specs.size(); ++c) {
        const FlatColumn& column = opened.schema.columns[c];
        if (specs[c].skipped) {
            for (std::int64_t r = 0; r < meta.numRows; ++r)
                item.chunks[c].appendMissing(specs[c].type);
            continue;
        }
        ColumnData data;
        try {
            readColumnChunk(*opened.file, meta.columns[column.leaf], column.info, meta.numRows,
                            data);
            ConvertStats stats;
            convertColumn(column, specs[c], data, item.chunks[c], stats);
            item.dropped[c] = stats.droppedPrecision;
        } catch (const std::exception& e) {
            item.error = chunkError(opened, g, column.name, data.pages, e.what());
            return item;
        }
    }
    return item;
}

// Handles a mismatched cell: an error for a column the user typed, else the column widens.
std::optional<Error> widen(ColumnSpec& spec, const FlatColumn& column, const std::string& value,
                           const std::string& where) {
    if (spec.overridden)
        return makeError(ErrorCode::InvalidArgument,
                         "column '" + spec.name + "' was set to " + columnTypeName(spec.type) +
                             " but '" + value + "' is not one",
                         where);
    if (column.kind == ValueKind::Unsigned64) {
        spec.type = ColumnType::Float;
        spec.note = "unsigned 64-bit values above the integer range (" + value + "): read as float";
    } else {
        spec.type = widenedType(spec.type);
        spec.note =
            "'" + value + "' did not fit: read as " + std::string(columnTypeName(spec.type));
    }
    return std::nullopt;
}

Pass runPass(const OpenedParquet& opened, std::vector<ColumnSpec>& specs, TableWriter& writer,
             const ImportOptions& options, JobContext& job) {
    const auto& groups = opened.file->meta().rowGroups;
    const std::uint64_t limit = categoryLimit(opened);
    const unsigned threads = threadCount(options);
    const std::vector<ColumnSpec> frozen = specs;
    ParallelPass<GroupItem> parallel(
        groups.size(), [&](std::size_t g) { return produceGroup(opened, frozen, g); }, threads + 1);
    Pass pass;
    pass.dropped.assign(specs.size(), 0);
    std::uint64_t rowsDone = 0;
    auto failure = parallel.run(threads, [&](std::size_t g, GroupItem& item) {
        if (item.error) return pass.error = item.error, false;
        if (job.cancelled())
            return pass.error = makeError(ErrorCode::Cancelled, "import cancelled"), false;
        for (std::size_t c = 0; c < specs.size(); ++c) {
            if (!item.chunks[c].mismatch) continue;
            pass.error = widen(specs[c], opened.schema.columns[c], item.chunks[c].firstMismatch,
                               groupContext(opened, g, specs[c].fileName));
            pass.restart = !pass.error;
            return false;
        }
        if (auto s = writer.append(item.chunks); !s) return pass.error = s.error(), false;
        for (std::size_t c = 0; c < specs.size(); ++c) {
            pass.dropped[c] += item.dropped[c];
            if (specs[c].type != ColumnType::Categorical || specs[c].overridden ||
                !specs[c].levels.empty() || writer.categoryCount(c) <= limit)
                continue;
            specs[c].type = ColumnType::Text;
            specs[c].note = tooManyNote(limit);
            pass.restart = true;
        }
        if (pass.restart) return false;
        rowsDone += std::uint64_t(groups[g].numRows);
        job.progress(rowsDone, std::uint64_t(opened.file->meta().numRows), "Reading");
        return true;
    });
    if (failure && !pass.error)
        pass.error = makeError(ErrorCode::Internal, *failure, opened.file->path());
    return pass;
}

// String columns whose first row group alone has too many distinct values for a category are
// text from the start, which spares a second pass over the file for each. (A column that
// passes here may still turn out too varied further on: the pass then reads again.)
void presetTextColumns(const OpenedParquet& opened, std::vector<ColumnSpec>& specs) {
    const auto& groups = opened.file->meta().rowGroups;
    if (groups.empty()) return;
    const std::uint64_t limit = categoryLimit(opened);
    for (std::size_t c = 0; c < specs.size(); ++c) {
        const FlatColumn& column = opened.schema.columns[c];
        if (specs[c].type != ColumnType::Categorical || specs[c].overridden ||
            !specs[c].levels.empty() || column.kind != ValueKind::String)
            continue;
        ColumnData data;
        try {
            readColumnChunk(*opened.file, groups[0].columns[column.leaf], column.info,
                            groups[0].numRows, data);
        } catch (const std::exception&) {
            continue;  // the pass reports it, with where
        }
        std::unordered_set<std::string_view> distinct(data.values.strings.begin(),
                                                      data.values.strings.end());
        if (distinct.size() <= limit) continue;
        specs[c].type = ColumnType::Text;
        specs[c].note = tooManyNote(limit);
    }
}

void addDroppedNotes(const std::vector<ColumnSpec>& specs,
                     const std::vector<std::uint64_t>& dropped, std::vector<std::string>& notes) {
    for (std::size_t c = 0; c < specs.size(); ++c)
        if (dropped[c])
            notes.push_back("column '" + specs[c].name +
                            "': sub-millisecond precision dropped from " +
                            std::to_string(dropped[c]) + " values");
}

}  // namespace

Result<TableImportResult> readParquetTable(const ObjectStore& store,
                                           const std::filesystem::path& file,
                                           const ImportOptions& options, JobContext& job) {
    auto opened = openParquet(file);
    if (!opened) return opened.error();
    auto specs = initialSpecs(*opened);
    if (auto s = applyColumnChoices(specs, options); !s) return s.error();
    presetTextColumns(*opened, specs);
    job.progress(0, std::uint64_t(opened->file->meta().numRows), "Reading");
    // Each restart changes one column's type for good (wider, or text), so few are needed.
    for (std::size_t attempt = 0; attempt <= 2 * specs.size() + 2; ++attempt) {
        TableWriter writer(store, specs);
        if (auto s = writer.open(); !s) return s.error();
        Pass pass = runPass(*opened, specs, writer, options, job);
        if (pass.error) return *pass.error;
        if (pass.restart) continue;
        if (job.cancelled()) return makeError(ErrorCode::Cancelled, "import cancelled");
        TableImportResult result;
        result.format = "parquet";
        result.bytes = opened->file->size();
        result.notes = opened->schema.notes;
        addDroppedNotes(specs, pass.dropped, result.notes);
        auto record = ImportRecord::begin(store);
        if (!record) return record.error();
        result.pending = std::move(*record);
        auto hash = writer.commit(sourceJson(*opened->file), threadCount(options), result.manifest,
                                  result.pending.get());
        if (!hash) return hash.error();
        result.manifestHash = *hash;
        for (const auto& note : result.notes)
            job.report({IssueSeverity::Info, note, opened->file->path()});
        return result;
    }
    return makeError(ErrorCode::Internal, "column types did not settle", file.string());
}

}  // namespace kiln
