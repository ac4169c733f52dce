#include "core/data/json_lines.h"

#include <cstring>
#include <nlohmann/json.hpp>

#include "core/data/cell_rows.h"
#include "core/data/json_line_parser.h"
#include "core/data/text_encoding.h"

namespace kiln {

namespace {

constexpr std::size_t kMaxSkippedSamples = 5;

// A JSON Lines file as rows of text cells: the file mapped, one line parsed per row.
class JsonLinesSource : public CellRowSource {
public:
    static Result<std::unique_ptr<JsonLinesSource>> open(const std::filesystem::path& file,
                                                         const ImportOptions& options) {
        auto text = TextSource::open(file);
        if (!text) return text.error();
        auto source = std::unique_ptr<JsonLinesSource>(new JsonLinesSource());
        source->m_path = file.string();
        source->m_text = std::move(*text);
        source->m_skipBad = options.skipBadRows;
        if (auto s = source->rewind(); !s) return s.error();
        return source;
    }

    const std::vector<std::string>& columnNames() const override { return m_parser.columnNames(); }

    Result<bool> next(std::vector<std::string>& cells) override {
        const char* data = m_text.data();
        const std::size_t size = m_text.size();
        while (m_pos < size) {
            const char* begin = data + m_pos;
            const void* newline = std::memchr(begin, '\n', size - m_pos);
            const char* end = newline ? static_cast<const char*>(newline) : data + size;
            m_pos = std::size_t(end - data) + (newline ? 1 : 0);
            ++m_line;
            const std::string_view line(begin, std::size_t(end - begin));
            if (isBlank(line)) continue;
            if (m_parser.parse(line, cells)) return true;
            const auto& failure = m_parser.failure();
            const std::uint64_t column = characterColumn(line, failure.offset);
            if (!m_skipBad)
                return makeError(ErrorCode::InvalidArgument, failure.message,
                                 m_path + ":" + std::to_string(m_line) + ":" + std::to_string(column));
            if (m_skippedSamples.size() < kMaxSkippedSamples)
                m_skippedSamples.push_back({m_line, column, failure.message});
            ++m_skipped;
        }
        return false;
    }

    Status rewind() override {
        m_pos = 0;  // TextSource leaves a BOM out
        m_line = 0;
        m_skipped = 0;
        m_skippedSamples.clear();
        return {};
    }

    std::string location() const override { return m_path + ":" + std::to_string(m_line); }
    std::pair<std::uint64_t, std::uint64_t> progress() const override {
        return {m_pos, m_text.fileSize()};
    }
    std::string sourceJson() const override {
        return nlohmann::json{{"reader", "jsonl"}, {"skipped_rows", m_skipped}}.dump();
    }
    std::uint64_t skipped() const override { return m_skipped; }
    std::vector<SkippedRecord> skippedSamples() const override { return m_skippedSamples; }

private:
    JsonLinesSource() = default;

    static bool isBlank(std::string_view line) {
        for (char c : line)
            if (c != ' ' && c != '\t' && c != '\r') return false;
        return true;
    }

    // The 1-based column, in characters, of byte `offset` of `line`.
    static std::uint64_t characterColumn(std::string_view line, std::size_t offset) {
        std::uint64_t column = 1;
        for (std::size_t i = 0; i < offset && i < line.size(); ++i)
            if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
        return column;
    }

    std::string m_path;
    TextSource m_text;
    JsonLineParser m_parser;
    bool m_skipBad = false;
    std::size_t m_pos = 0;
    std::uint64_t m_line = 0;
    std::uint64_t m_skipped = 0;
    std::vector<SkippedRecord> m_skippedSamples;
};

}  // namespace

Result<TableImportResult> readJsonLinesTable(const ObjectStore& store, const std::filesystem::path& file,
                                             const ImportOptions& options, JobContext& job) {
    auto source = JsonLinesSource::open(file, options);
    if (!source) return source.error();
    return importCellRows(store, **source, options, tableFormatName(TableFormat::JsonLines), job);
}

Result<TablePreview> previewJsonLines(const std::filesystem::path& file, const ImportOptions& options,
                                      std::size_t rows) {
    auto source = JsonLinesSource::open(file, options);
    if (!source) return source.error();
    return previewCellRows(**source, options, TableFormat::JsonLines, rows);
}

}  // namespace kiln
