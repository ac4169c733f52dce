#include "core/data/json_lines.h"

#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "core/data/cell_rows.h"
#include "core/data/json_line_parser.h"
#include "core/data/text_encoding.h"

namespace kiln {

namespace {

constexpr std::size_t kMaxSkippedSamples = 5;
constexpr std::size_t kBatchRows = 2048;
constexpr std::size_t kBatchesAhead = 4;

// Rows parsed ahead by the parser thread, handed over whole.
struct Batch {
    std::vector<std::vector<std::string>> rows;  // reused: cells swap in and out
    std::vector<std::uint64_t> lines;
    std::size_t count = 0;
    std::vector<std::string> newNames;  // columns first met in this batch, in order
    std::size_t endOffset = 0;
    std::vector<SkippedRecord> skipped;  // every line skipped in this batch
    std::optional<Error> error;          // after the rows: the bad line that stopped the parse
    bool last = false;
};

// The 1-based column, in characters, of byte `offset` of `line`.
std::uint64_t characterColumn(std::string_view line, std::size_t offset) {
    std::uint64_t column = 1;
    for (std::size_t i = 0; i < offset && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
    return column;
}

bool isBlank(std::string_view line) {
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r') return false;
    return true;
}

// A JSON Lines file as rows of text cells: the file mapped, lines parsed on a thread of their
// own a few thousand rows ahead of the import, which meanwhile types and stores the cells (the
// two halves cost about the same, so the pair takes two cores).
class JsonLinesSource : public CellRowSource {
public:
    static Result<std::unique_ptr<JsonLinesSource>> open(const std::filesystem::path& file,
                                                         const ImportOptions& options) {
        auto text = TextSource::open(file);
        if (!text) return text.error();
        auto source = std::unique_ptr<JsonLinesSource>(new JsonLinesSource());
        source->m_path = file.string();
        source->m_text = std::move(*text);  // a BOM is left out by TextSource
        source->m_skipBad = options.skipBadRows;
        if (auto s = source->rewind(); !s) return s.error();
        return source;
    }

    ~JsonLinesSource() override { stop(); }

    const std::vector<std::string>& columnNames() const override { return m_names; }

    Result<bool> next(std::vector<std::string>& cells) override {
        while (!m_batch || m_index == m_batch->count) {
            if (m_batch && m_batch->error) return *m_batch->error;
            if (m_batch && m_batch->last) return false;
            takeBatch();
        }
        cells.swap(m_batch->rows[m_index]);
        m_line = m_batch->lines[m_index];
        ++m_index;
        return true;
    }

    Status rewind() override {
        stop();
        // Columns the parser met in rows parsed ahead but never taken are known from now on.
        const auto& known = m_lineParser.columnNames();
        m_names.insert(m_names.end(), known.begin() + std::ptrdiff_t(m_names.size()), known.end());
        m_line = 0;
        m_offset = 0;
        m_skipped = 0;
        m_skippedSamples.clear();
        m_ready.clear();
        m_batch.reset();
        m_index = 0;
        m_stopping = false;
        m_parser = std::thread([this] { parseAll(); });
        return {};
    }

    std::string location() const override { return m_path + ":" + std::to_string(m_line); }
    std::pair<std::uint64_t, std::uint64_t> progress() const override {
        return {m_offset, m_text.fileSize()};
    }
    std::string sourceJson() const override {
        return nlohmann::json{{"reader", "jsonl"}, {"skipped_rows", m_skipped}}.dump();
    }
    std::uint64_t skipped() const override { return m_skipped; }
    std::vector<SkippedRecord> skippedSamples() const override { return m_skippedSamples; }

private:
    JsonLinesSource() = default;

    void stop() {
        if (!m_parser.joinable()) return;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
        }
        m_changed.notify_all();
        m_parser.join();
    }

    // The next parsed batch (waiting for it); the one read before goes back for reuse.
    void takeBatch() {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (m_batch) m_free.push_back(std::move(m_batch));
        m_changed.notify_all();
        m_changed.wait(lock, [&] { return !m_ready.empty(); });
        m_batch = std::move(m_ready.front());
        m_ready.pop_front();
        lock.unlock();
        m_index = 0;
        m_offset = m_batch->endOffset;
        for (auto& name : m_batch->newNames) m_names.push_back(std::move(name));
        for (const auto& record : m_batch->skipped)
            if (m_skippedSamples.size() < kMaxSkippedSamples) m_skippedSamples.push_back(record);
        m_skipped += m_batch->skipped.size();
    }

    // The parser thread: batches of rows until the end, a bad line or stop().
    void parseAll() {
        std::size_t offset = 0;
        std::uint64_t line = 0;
        for (;;) {
            std::unique_ptr<Batch> batch;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_changed.wait(lock, [&] { return m_stopping || m_ready.size() < kBatchesAhead; });
                if (m_stopping) return;
                if (!m_free.empty()) {
                    batch = std::move(m_free.back());
                    m_free.pop_back();
                }
            }
            if (!batch) batch = std::make_unique<Batch>();
            try {
                fill(*batch, offset, line);
            } catch (const std::exception& e) {
                batch->error = makeError(ErrorCode::Internal,
                                         std::string("JSON Lines parse failed: ") + e.what(),
                                         m_path + ":" + std::to_string(line));
            }
            const bool done = batch->last || batch->error;
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_ready.push_back(std::move(batch));
            }
            m_changed.notify_all();
            if (done) return;
        }
    }

    void fill(Batch& batch, std::size_t& offset, std::uint64_t& lineNumber) {
        batch.count = 0;
        batch.newNames.clear();
        batch.skipped.clear();
        batch.error.reset();
        batch.last = false;
        const std::size_t namesBefore = m_lineParser.columnNames().size();
        const char* data = m_text.data();
        const std::size_t size = m_text.size();
        const std::size_t start = offset;
        while (batch.count < kBatchRows && offset < size) {
            const char* begin = data + offset;
            const void* newline = std::memchr(begin, '\n', size - offset);
            const char* end = newline ? static_cast<const char*>(newline) : data + size;
            offset = std::size_t(end - data) + (newline ? 1 : 0);
            ++lineNumber;
            const std::string_view line(begin, std::size_t(end - begin));
            if (isBlank(line)) continue;
            if (batch.rows.size() == batch.count) {
                batch.rows.emplace_back();
                batch.lines.emplace_back();
            }
            if (m_lineParser.parse(line, batch.rows[batch.count])) {
                batch.lines[batch.count++] = lineNumber;
                continue;
            }
            const auto& failure = m_lineParser.failure();
            const std::uint64_t column = characterColumn(line, failure.offset);
            if (!m_skipBad) {
                batch.error = makeError(
                    ErrorCode::InvalidArgument, failure.message,
                    m_path + ":" + std::to_string(lineNumber) + ":" + std::to_string(column));
                break;
            }
            batch.skipped.push_back({lineNumber, column, failure.message});
        }
        const auto& names = m_lineParser.columnNames();
        batch.newNames.assign(names.begin() + std::ptrdiff_t(namesBefore), names.end());
        batch.endOffset = offset;
        batch.last = offset >= size;
        m_text.release(start, offset);
    }

    std::string m_path;
    TextSource m_text;
    bool m_skipBad = false;
    JsonLineParser m_lineParser;  // the parser thread's

    // The import's side.
    std::vector<std::string> m_names;
    std::unique_ptr<Batch> m_batch;
    std::size_t m_index = 0;
    std::uint64_t m_line = 0;
    std::size_t m_offset = 0;
    std::uint64_t m_skipped = 0;
    std::vector<SkippedRecord> m_skippedSamples;

    // Between the two.
    std::thread m_parser;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<Batch>> m_ready;
    std::vector<std::unique_ptr<Batch>> m_free;
    bool m_stopping = false;
};

}  // namespace

Result<TableImportResult> readJsonLinesTable(const ObjectStore& store,
                                             const std::filesystem::path& file,
                                             const ImportOptions& options, JobContext& job) {
    auto source = JsonLinesSource::open(file, options);
    if (!source) return source.error();
    return importCellRows(store, **source, options, tableFormatName(TableFormat::JsonLines), job);
}

Result<TablePreview> previewJsonLines(const std::filesystem::path& file,
                                      const ImportOptions& options, std::size_t rows) {
    auto source = JsonLinesSource::open(file, options);
    if (!source) return source.error();
    return previewCellRows(**source, options, TableFormat::JsonLines, rows);
}

}  // namespace kiln
