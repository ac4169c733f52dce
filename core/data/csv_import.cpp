#include "core/data/csv_import.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include "core/base/names.h"
#include "core/base/parallel_pass.h"
#include "core/data/column_choices.h"
#include "core/data/csv_chunk_parser.h"
#include "core/data/csv_reader.h"
#include "core/data/csv_scan.h"
#include "core/data/csv_text_check.h"
#include "core/data/dataset_catalog.h"
#include "core/data/table_writer.h"
#include "core/data/type_inference.h"
#include "core/store/object_store.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

constexpr std::size_t kSampleBytes = 256 * 1024;
constexpr std::size_t kSampleRecords = 5000;
constexpr std::size_t kMaxSkippedSamples = 5;

unsigned threadCount(const ImportOptions& options) {
    return options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
}

// Everything decided before the parse: the text, its dialect, where the data starts.
struct Plan {
    std::string path;
    TextSource source;
    CsvDialect dialect;
    std::size_t bodyStart = 0;
    std::vector<ColumnSpec> columns;
    EncodingRepairs repairs;  // invalid UTF-8 bytes replaced
    QuoteScan quotes;         // from the check's read of the text: where chunks may be cut
    std::string_view view() const { return {source.data(), source.size()}; }
};

Error errorAt(const Plan& plan, std::size_t offset, const std::string& message) {
    auto loc = locate(plan.view(), offset);
    return makeError(ErrorCode::InvalidArgument, message,
                     plan.path + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column));
}

// How much text the sample takes: 256 KiB, or about 100 lines when lines are long (wide tables:
// 20,000 columns make lines of 100 KiB and more), at most 64 MiB.
std::size_t sampleBytes(std::string_view text) {
    constexpr std::size_t kMaxSampleBytes = std::size_t(64) << 20;
    std::size_t firstLine = text.substr(0, kMaxSampleBytes).find('\n');
    if (firstLine == std::string_view::npos) firstLine = std::min(text.size(), kMaxSampleBytes);
    return std::min(text.size(), std::clamp(firstLine * 100, kSampleBytes, kMaxSampleBytes));
}

// The first records of the file, as strings (small: a sample for sniffing and inference).
std::vector<std::vector<std::string>> sampleRecords(std::string_view text, char delimiter,
                                                    std::size_t& firstEnd) {
    std::size_t size = sampleBytes(text);
    RecordReader reader(text.data(), text.data() + size, delimiter);
    std::vector<std::vector<std::string>> records;
    firstEnd = 0;
    while (records.size() < kSampleRecords && reader.next() == RecordReader::Step::Record) {
        if (size < text.size() && reader.position() >= text.data() + size) break;  // maybe cut off
        if (reader.blankLine()) continue;
        if (records.empty()) firstEnd = std::size_t(reader.position() - text.data());
        records.emplace_back(reader.fields().begin(), reader.fields().end());
    }
    return records;
}

char chooseDelimiter(const ImportOptions& options, std::string_view sample) {
    if (options.delimiter) return *options.delimiter;
    if (options.format == ImportOptions::Format::Tsv) return '\t';
    if (options.format == ImportOptions::Format::Csv) return ',';
    return sniffDelimiter(sample);
}

// Detects the dialect, header, column names and types from a sample.
Status planColumns(Plan& plan, const ImportOptions& options) {
    std::string_view text = plan.view();
    std::string_view sample = text.substr(0, sampleBytes(text));
    if (sample.size() < text.size()) sample = sample.substr(0, sample.find_last_of("\r\n") + 1);
    plan.dialect.delimiter = chooseDelimiter(options, sample);
    plan.dialect.lineEnding = detectLineEnding(sample);
    plan.dialect.decimalComma =
        options.decimalComma.value_or(detectDecimalComma(sample, plan.dialect.delimiter));
    std::size_t firstEnd = 0;
    auto records = sampleRecords(text, plan.dialect.delimiter, firstEnd);
    if (records.empty())
        return makeError(ErrorCode::InvalidArgument, "the file has no records (only blank lines)",
                         plan.path + ":1:1");
    plan.dialect.header = options.forceHeader ||
                          (!options.noHeader && looksLikeHeader(records, plan.dialect.decimalComma));
    std::size_t count = records[0].size();
    auto names =
        uniqueColumnNames(plan.dialect.header ? records[0] : std::vector<std::string>{}, count);
    plan.bodyStart = plan.dialect.header ? firstEnd : 0;
    for (std::size_t c = 0; c < count; ++c) {
        std::vector<std::string> cells;
        for (std::size_t r = plan.dialect.header ? 1 : 0; r < records.size(); ++r)
            if (records[r].size() == count) cells.push_back(std::move(records[r][c]));
        plan.columns.push_back(inferColumn(names[c], cells, plan.dialect.decimalComma));
    }
    return applyColumnChoices(plan.columns, options);
}

// What one pass over the data found besides the stored chunks.
struct PassResult {
    bool restartSequential = false;
    std::map<std::size_t, std::string> mismatched;  // column → the first cell that did not fit
    std::uint64_t skippedCount = 0;
    std::vector<RecordProblem> skipped;
};

// Takes one chunk's outcome in row order: stores its rows, or notes why the pass must restart.
Status consume(const Plan& plan, ChunkOutcome& o, bool parallel, TableWriter& writer,
               PassResult& pass) {
    if (parallel && (o.strayQuote || o.truncated)) {
        pass.restartSequential = true;
        return {};
    }
    if (o.fatal) return errorAt(plan, o.fatal->offset, o.fatal->message);
    for (std::size_t c = 0; c < o.columns.size(); ++c)
        if (o.columns[c].mismatch) pass.mismatched.try_emplace(c, o.columns[c].firstMismatch);
    pass.skippedCount += o.skippedCount;
    for (auto& s : o.skipped)
        if (pass.skipped.size() < kMaxSkippedSamples) pass.skipped.push_back(std::move(s));
    if (pass.mismatched.empty()) return writer.append(o.columns);
    return {};
}

ChunkParseConfig chunkConfig(const Plan& plan, const ImportOptions& options) {
    ChunkParseConfig config;
    config.text = plan.view();
    config.delimiter = plan.dialect.delimiter;
    config.columns = &plan.columns;
    config.skipBadRows = options.skipBadRows;
    config.maxSamples = kMaxSkippedSamples;
    return config;
}

Error cancelled() {
    return makeError(ErrorCode::Cancelled, "import cancelled");
}

Result<PassResult> sequentialPass(const Plan& plan, const ImportOptions& options,
                                  TableWriter& writer, JobContext& job) {
    PassResult pass;
    auto config = chunkConfig(plan, options);
    const std::size_t size = plan.source.size();
    std::vector<ColumnChunk> spare;  // the last chunk's columns, filled again
    for (std::size_t pos = plan.bodyStart; pos < size;) {
        if (job.cancelled()) return cancelled();
        auto o = parseChunk(config, pos, std::min(size, pos + options.chunkBytes), size,
                            std::move(spare));
        if (auto s = consume(plan, o, false, writer, pass); !s) return s.error();
        spare = std::move(o.columns);
        if (o.end <= pos) break;
        plan.source.release(pos, o.end);
        pos = o.end;
        job.progress(pos, size, "Parsing");
    }
    return pass;
}

// Parses the chunks on worker threads and consumes them in order on this one.
Result<PassResult> parallelPass(const Plan& plan, const ImportOptions& options,
                                const std::vector<std::size_t>& bounds, unsigned threads,
                                TableWriter& writer, JobContext& job) {
    const ChunkParseConfig config = chunkConfig(plan, options);
    // Columns of consumed chunks, handed back to the parser threads to fill again.
    std::mutex spareMutex;
    std::vector<std::vector<ColumnChunk>> spare;
    ParallelPass<ChunkOutcome> chunks(bounds.size() - 1, [&](std::size_t k) {
        if (job.cancelled()) throw std::runtime_error("cancelled");
        plan.source.prefetch(bounds[k], bounds[k + 1]);
        std::vector<ColumnChunk> reuse;
        {
            std::lock_guard lock(spareMutex);
            if (!spare.empty()) reuse = std::move(spare.back()), spare.pop_back();
        }
        return parseChunk(config, bounds[k], bounds[k + 1], bounds[k + 1], std::move(reuse));
    });
    PassResult pass;
    std::optional<Error> error;
    auto failure = chunks.run(threads, [&](std::size_t k, ChunkOutcome& o) {
        if (job.cancelled()) {
            error = cancelled();
            return false;
        }
        if (auto s = consume(plan, o, true, writer, pass); !s) {
            error = s.error();
            return false;
        }
        if (pass.restartSequential) return false;
        {
            std::lock_guard lock(spareMutex);
            spare.push_back(std::move(o.columns));
        }
        plan.source.release(bounds[k], bounds[k + 1]);
        job.progress(bounds[k + 1], plan.source.size(), "Parsing");
        return true;
    });
    if (failure)
        return job.cancelled()
                   ? cancelled()
                   : makeError(ErrorCode::Internal, "a parser thread failed: " + *failure);
    if (error) return *error;
    return pass;
}

// One pass over the data into `writer`: in parallel when the file is big enough and its quotes
// pair up, else on this thread. A parallel pass that meets stray quotes returns with
// restartSequential set; the caller then starts again with a fresh writer.
Result<PassResult> runPass(const Plan& plan, const ImportOptions& options, bool& sequential,
                           TableWriter& writer, JobContext& job) {
    unsigned threads = threadCount(options);
    std::size_t body = plan.source.size() - plan.bodyStart;
    if (!sequential && threads > 1 && body > 2 * options.chunkBytes) {
        bool unterminated = false;
        auto release = [&](std::size_t from, std::size_t to) { plan.source.release(from, to); };
        auto bounds = plan.quotes.pieces.empty()
                          ? findChunkBoundaries(plan.view(), plan.bodyStart, options.chunkBytes,
                                                threads, unterminated, release)
                          : chunkBoundaries(plan.quotes, plan.bodyStart, unterminated);
        if (!unterminated) return parallelPass(plan, options, bounds, threads, writer, job);
    }
    sequential = true;
    return sequentialPass(plan, options, writer, job);
}

void reportRepairs(const Plan& plan, JobContext& job) {
    for (const auto& r : plan.repairs.samples)
        job.report({IssueSeverity::Warning, r.message,
                    plan.path + ":" + std::to_string(r.line) + ":" + std::to_string(r.column)});
    if (plan.repairs.count > plan.repairs.samples.size())
        job.report({IssueSeverity::Warning, encodingRepairsNote(plan.repairs), plan.path});
}

std::string sourceJson(const Plan& plan, const PassResult& pass) {
    nlohmann::json doc = {{"reader", "csv"},
                          {"delimiter", std::string(1, plan.dialect.delimiter)},
                          {"header", plan.dialect.header},
                          {"decimal_comma", plan.dialect.decimalComma},
                          {"line_ending", plan.dialect.lineEnding},
                          {"encoding", textEncodingName(plan.source.encoding())},
                          {"skipped_rows", pass.skippedCount}};
    if (plan.source.encoding() == TextEncoding::Latin1)
        doc["encoding_note"] = "not valid UTF-8: read as Latin-1 and transcoded to UTF-8";
    if (plan.repairs.count) doc["encoding_note"] = encodingRepairsNote(plan.repairs);
    return doc.dump();
}

// Types the columns that had no values in the sample from the first values the pass met (a
// float column that is 99.9% missing is still a float column); true when one changed.
bool retypeUndecided(Plan& plan, const TableWriter& writer) {
    bool changed = false;
    for (std::size_t c = 0; c < plan.columns.size(); ++c) {
        auto& spec = plan.columns[c];
        if (!spec.undecided || spec.overridden) continue;
        const auto& found = writer.foundValues(c);
        spec.undecided = false;
        if (found.empty()) continue;
        auto typed = inferColumn(spec.name, found, spec.decimalComma);
        if (typed.type == ColumnType::Text || typed.undecided) continue;
        typed.note = "no values in the sample; typed from the first " +
                     std::to_string(found.size()) + " values found further on" +
                     (typed.note.empty() ? "" : " (" + typed.note + ")");
        typed.fileName = spec.fileName;
        spec = std::move(typed);
        changed = true;
    }
    return changed;
}

// Widens the columns where a pass found cells that do not fit their type (true when it did);
// a column whose type the user set is an error instead.
Result<bool> widen(Plan& plan, const PassResult& pass, const TableWriter& writer) {
    for (const auto& [c, value] : pass.mismatched) {
        auto& spec = plan.columns[c];
        if (spec.overridden)
            return makeError(ErrorCode::InvalidArgument,
                             "column '" + spec.name + "' was set to " + columnTypeName(spec.type) +
                                 " but '" + value + "' is not one",
                             plan.path);
        ColumnType wider = widenedType(spec.type);
        spec.note = "looked " + std::string(columnTypeName(spec.type)) + " in the sample, but '" +
                    value + "' is not: read as " + columnTypeName(wider);
        spec.type = wider;
    }
    if (!pass.mismatched.empty()) return true;
    bool changed = retypeUndecided(plan, writer);
    std::size_t limit = std::max<std::uint64_t>(20, writer.rows() / 20);
    for (std::size_t c = 0; c < plan.columns.size(); ++c) {
        auto& spec = plan.columns[c];
        if (spec.type != ColumnType::Categorical || spec.overridden ||
            writer.categoryCount(c) <= limit)
            continue;
        spec.type = ColumnType::Text;
        spec.note = std::to_string(writer.categoryCount(c)) +
                    " distinct values: too many for a category, read as text";
        changed = true;
    }
    return changed;
}

void reportSkipped(const Plan& plan, const PassResult& pass, TableImportResult& result,
                   JobContext& job) {
    result.skippedRows = pass.skippedCount;
    for (const auto& s : pass.skipped) {
        auto loc = locate(plan.view(), s.offset);
        result.skippedSamples.push_back({loc.line, loc.column, s.message});
        job.report({IssueSeverity::Warning, "skipped row: " + s.message,
                    plan.path + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column)});
    }
    if (pass.skippedCount > pass.skipped.size())
        job.report({IssueSeverity::Warning,
                    std::to_string(pass.skippedCount) + " rows skipped in all", plan.path});
}

}  // namespace

namespace {

// readCsvTable once the file is open: everything but the check that the file held still.
Result<TableImportResult> readPlanned(const ObjectStore& store, Plan& plan,
                                    const ImportOptions& options, JobContext& job) {
    if (auto s = checkCsvText(plan.source, plan.path, options.strictEncoding,
                              threadCount(options), plan.repairs, &plan.quotes,
                              options.chunkBytes);
        !s)
        return s.error();
    if (plan.source.encoding() == TextEncoding::Latin1)
        job.report({IssueSeverity::Info, "not valid UTF-8: read as Latin-1 and transcoded", plan.path});
    reportRepairs(plan, job);
    job.progress(0, plan.source.size(), "Parsing");
    if (auto s = planColumns(plan, options); !s) return s.error();
    bool sequential = false;
    for (std::size_t attempt = 0; attempt <= 2 * plan.columns.size() + 2; ++attempt) {
        TableWriter writer(store, plan.columns);
        if (auto s = writer.open(); !s) return s.error();
        auto pass = runPass(plan, options, sequential, writer, job);
        if (!pass) return pass.error();
        if (auto s = plan.source.verifyUnchanged(); !s) return s.error();
        if (pass->restartSequential) {
            sequential = true;
            continue;
        }
        auto widened = widen(plan, *pass, writer);
        if (!widened) return widened.error();
        if (*widened) continue;
        if (job.cancelled()) return cancelled();
        TableImportResult result;
        auto record = ImportRecord::begin(store);
        if (!record) return record.error();
        result.pending = std::move(*record);
        auto hash = writer.commit(sourceJson(plan, *pass), threadCount(options), result.manifest,
                                  result.pending.get());
        if (!hash) return hash.error();
        result.manifestHash = *hash;
        result.dialect = plan.dialect;
        result.encoding = plan.source.encoding();
        result.bytes = plan.source.fileSize();
        result.sequential = sequential;
        result.invalidUtf8 = plan.repairs;
        reportSkipped(plan, *pass, result, job);
        return result;
    }
    return makeError(ErrorCode::Internal, "column types did not settle", plan.path);
}

}  // namespace

Result<TableImportResult> readCsvTable(const ObjectStore& store, const std::filesystem::path& file,
                                     const ImportOptions& options, JobContext& job) {
    auto source = TextSource::open(file);
    if (!source) return source.error();
    Plan plan{file.string(), std::move(*source), {}, 0, {}, {}, {}};
    auto result = readPlanned(store, plan, options, job);
    // A file truncated under the import reads as zeros past its new end: whatever error that
    // caused (a NUL byte, a short record) is not the real one.
    if (!result)
        if (auto s = plan.source.verifyUnchanged(); !s) return s.error();
    return result;
}

Result<DatasetImport> importCsvDataset(Workspace& workspace, const std::filesystem::path& file,
                                          const std::string& name, const ImportOptions& options,
                                          JobContext& job) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec))
        return makeError(ErrorCode::Unsupported,
                         "is a folder: image folders are handled by the image importer, which is "
                         "not available yet",
                         file.string());
    if (!std::filesystem::exists(file, ec))
        return makeError(ErrorCode::NotFound, "no such file", file.string());
    auto table = readCsvTable(workspace.objects(), file, options, job);
    if (!table) return table.error();
    if (job.cancelled()) return cancelled();
    return recordImportedTable(workspace, std::move(*table),
                               name.empty() ? validNameFrom(file.stem().string()) : name,
                               std::filesystem::absolute(file, ec).string(),
                               fileSourceSpec(file, options));
}

}  // namespace kiln
