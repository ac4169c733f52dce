#include "core/data/cell_rows.h"

#include <algorithm>
#include <map>
#include <thread>

#include "core/data/column_chunk.h"
#include "core/data/column_choices.h"
#include "core/data/csv_dialect.h"
#include "core/data/table_writer.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"

namespace kiln {

namespace {

constexpr std::size_t kSampleRows = 5000;
constexpr std::size_t kRowsPerChunk = 65536;

Error cancelled() { return makeError(ErrorCode::Cancelled, "import cancelled"); }

// The sample: the first rows, by column.
struct Sample {
    std::vector<std::vector<std::string>> columns;
    std::vector<std::vector<std::string>> rows;  // the same rows, as read
};

Result<Sample> readSample(CellRowSource& source) {
    if (auto s = source.rewind(); !s) return s.error();
    Sample sample;
    std::vector<std::string> cells;
    while (sample.rows.size() < kSampleRows) {
        auto more = source.next(cells);
        if (!more) return more.error();
        if (!*more) break;
        sample.rows.push_back(cells);
    }
    const std::size_t count = source.columnNames().size();
    sample.columns.assign(count, {});
    for (auto& column : sample.columns) column.reserve(sample.rows.size());
    for (auto& row : sample.rows) {
        row.resize(count);
        for (std::size_t c = 0; c < count; ++c) sample.columns[c].push_back(row[c]);
    }
    return sample;
}

// A column's spec from what the source declares, else from its sampled cells.
ColumnSpec specFor(const std::string& name, const DeclaredColumn& declared,
                   const std::vector<std::string>& cells) {
    if (declared.type) {
        ColumnSpec spec;
        spec.name = name;
        spec.type = *declared.type;
        spec.note = declared.note;
        if (spec.type == ColumnType::Categorical) spec.levels = declared.levels;
        return spec;
    }
    ColumnSpec spec = inferColumn(name, cells, false);
    if (declared.stringLike && spec.type != ColumnType::Categorical) {
        spec.type = ColumnType::Text;
        spec.undecided = false;
        spec.labels.clear();
        spec.note.clear();
    }
    if (!declared.note.empty()) spec.note = declared.note + (spec.note.empty() ? "" : "; " + spec.note);
    return spec;
}

std::vector<ColumnSpec> planColumns(const CellRowSource& source, const Sample& sample) {
    const auto names = uniqueColumnNames(source.columnNames(), source.columnNames().size());
    std::vector<ColumnSpec> specs;
    for (std::size_t c = 0; c < names.size(); ++c) {
        specs.push_back(specFor(names[c], source.declared(c), sample.columns[c]));
        specs.back().fileName = source.columnNames()[c];
    }
    return specs;
}

// A column met after the sample: typed from the values the next pass finds.
ColumnSpec lateColumn(const std::string& name) {
    ColumnSpec spec;
    spec.name = name;
    spec.fileName = name;
    spec.type = ColumnType::Text;
    spec.undecided = true;
    spec.note = "first met past the sample";
    return spec;
}

// What one pass over the source found besides the stored rows.
struct Pass {
    std::map<std::size_t, std::string> mismatched;  // column → the first cell that did not fit
    bool newColumns = false;
};

Result<Pass> readAll(CellRowSource& source, const std::vector<ColumnSpec>& specs,
                     TableWriter& writer, JobContext& job) {
    if (auto s = source.rewind(); !s) return s.error();
    Pass pass;
    std::vector<ColumnChunk> chunks(specs.size());
    std::vector<std::string> cells;
    auto flush = [&]() -> Status {
        for (std::size_t c = 0; c < specs.size(); ++c)
            if (chunks[c].mismatch) pass.mismatched.try_emplace(c, chunks[c].firstMismatch);
        if (!pass.mismatched.empty()) {
            for (auto& chunk : chunks) chunk.clear();
            return {};
        }
        auto s = writer.append(chunks);
        for (auto& chunk : chunks) chunk.clear();
        return s;
    };
    std::uint64_t rows = 0;
    for (;;) {
        auto more = source.next(cells);
        if (!more) return more.error();
        if (!*more) break;
        if (source.columnNames().size() > specs.size()) {
            pass.newColumns = true;
            return pass;
        }
        cells.resize(specs.size());
        for (std::size_t c = 0; c < specs.size(); ++c)
            if (!specs[c].skipped) chunks[c].append(specs[c], cells[c]);
            else chunks[c].appendMissing(specs[c].type);
        if (++rows % kRowsPerChunk == 0) {
            if (job.cancelled()) return cancelled();
            if (auto s = flush(); !s) return s.error();
            auto [done, total] = source.progress();
            job.progress(done, total, "Reading");
        }
    }
    if (auto s = flush(); !s) return s.error();
    return pass;
}

// The columns typed again after a pass (true when one changed): cells that did not fit widen
// their column, columns without sampled values take a type from the values met later, and
// categories with too many values become text.
Result<bool> settle(std::vector<ColumnSpec>& specs, const Pass& pass, const TableWriter& writer,
                    const CellRowSource& source) {
    for (const auto& [c, value] : pass.mismatched) {
        auto& spec = specs[c];
        if (spec.overridden)
            return makeError(ErrorCode::InvalidArgument,
                             "column '" + spec.name + "' was set to " + columnTypeName(spec.type) +
                                 " but '" + value + "' is not one",
                             source.location());
        const ColumnType wider = widenedType(spec.type);
        spec.note = "looked " + std::string(columnTypeName(spec.type)) + " in the sample, but '" +
                    value + "' is not: read as " + columnTypeName(wider);
        spec.type = wider;
        spec.levels.clear();
    }
    if (!pass.mismatched.empty()) return true;
    bool changed = false;
    for (std::size_t c = 0; c < specs.size(); ++c) {
        auto& spec = specs[c];
        if (!spec.undecided || spec.overridden) continue;
        spec.undecided = false;
        const auto& found = writer.foundValues(c);
        if (found.empty()) continue;
        auto typed = inferColumn(spec.name, found, false);
        if (typed.type == ColumnType::Text || typed.undecided) continue;
        typed.note = "no values in the sample; typed from the first " +
                     std::to_string(found.size()) + " values found further on";
        typed.fileName = spec.fileName;
        spec = std::move(typed);
        changed = true;
    }
    const std::size_t limit = std::max<std::uint64_t>(20, writer.rows() / 20);
    for (std::size_t c = 0; c < specs.size(); ++c) {
        auto& spec = specs[c];
        if (spec.type != ColumnType::Categorical || spec.overridden || !spec.levels.empty() ||
            writer.categoryCount(c) <= limit)
            continue;
        spec.type = ColumnType::Text;
        spec.note = std::to_string(writer.categoryCount(c)) +
                    " distinct values: too many for a category, read as text";
        changed = true;
    }
    return changed;
}

unsigned threadCount(const ImportOptions& options) {
    return options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
}

void reportSkipped(const CellRowSource& source, TableImportResult& result, JobContext& job) {
    result.skippedRows = source.skipped();
    result.skippedSamples = source.skippedSamples();
    for (const auto& s : result.skippedSamples)
        job.report({IssueSeverity::Warning, "skipped row: " + s.message,
                    "line " + std::to_string(s.line)});
    if (result.skippedRows > result.skippedSamples.size())
        job.report({IssueSeverity::Warning,
                    std::to_string(result.skippedRows) + " rows skipped in all", ""});
}

}  // namespace

Result<TableImportResult> importCellRows(const ObjectStore& store, CellRowSource& source,
                                         const ImportOptions& options, const std::string& format,
                                         JobContext& job) {
    auto sample = readSample(source);
    if (!sample) return sample.error();
    if (source.columnNames().empty())
        return makeError(ErrorCode::InvalidArgument, "no columns: the source has no values",
                         source.location());
    auto specs = planColumns(source, *sample);
    if (auto s = applyColumnChoices(specs, options); !s) return s.error();
    for (std::size_t attempt = 0; attempt <= 2 * specs.size() + 8; ++attempt) {
        TableWriter writer(store, specs);
        if (auto s = writer.open(); !s) return s.error();
        auto pass = readAll(source, specs, writer, job);
        if (!pass) return pass.error();
        if (pass->newColumns) {
            for (std::size_t c = specs.size(); c < source.columnNames().size(); ++c)
                specs.push_back(lateColumn(source.columnNames()[c]));
            continue;
        }
        auto changed = settle(specs, *pass, writer, source);
        if (!changed) return changed.error();
        if (*changed) continue;
        if (job.cancelled()) return cancelled();
        TableImportResult result;
        result.format = format;
        result.notes = source.notes();
        auto record = ImportRecord::begin(store);
        if (!record) return record.error();
        result.pending = std::move(*record);
        auto hash = writer.commit(source.sourceJson(), threadCount(options), result.manifest,
                                  result.pending.get());
        if (!hash) return hash.error();
        result.manifestHash = *hash;
        result.bytes = source.progress().second;
        reportSkipped(source, result, job);
        for (const auto& note : result.notes) job.report({IssueSeverity::Info, note, ""});
        return result;
    }
    return makeError(ErrorCode::Internal, "column types did not settle", source.location());
}

Result<TablePreview> previewCellRows(CellRowSource& source, const ImportOptions& options,
                                     TableFormat format, std::size_t rows) {
    auto sample = readSample(source);
    if (!sample) return sample.error();
    if (source.columnNames().empty())
        return makeError(ErrorCode::InvalidArgument, "no columns: the source has no values",
                         source.location());
    TablePreview preview;
    preview.format = format;
    preview.notes = source.notes();
    preview.bytes = source.progress().second;
    preview.sampledRecords = sample->rows.size();
    preview.columns = planColumns(source, *sample);
    for (const auto& cells : sample->columns) {
        std::vector<std::string> values;
        for (const auto& cell : cells) {
            if (cell.empty() || std::find(values.begin(), values.end(), cell) != values.end())
                continue;
            values.push_back(cell);
            if (values.size() > kMaxListedValues) break;
        }
        if (values.size() > kMaxListedValues) values.clear();
        preview.values.push_back(std::move(values));
    }
    if (auto s = applyColumnChoices(preview.columns, options); !s) return s.error();
    for (std::size_t r = 0; r < sample->rows.size() && preview.rows.size() < rows; ++r)
        preview.rows.push_back(std::move(sample->rows[r]));
    return preview;
}

}  // namespace kiln
