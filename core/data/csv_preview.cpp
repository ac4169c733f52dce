#include "core/data/csv_preview.h"

#include <algorithm>
#include <set>

#include "core/data/column_choices.h"
#include "core/data/csv_reader.h"

namespace kiln {

namespace {

constexpr std::size_t kSampleBytes = 256 * 1024;
constexpr std::size_t kSampleRecords = 5000;

// The sample: whole records from the start of the text.
std::string_view sampleOf(std::string_view text) {
    std::string_view sample = text.substr(0, std::min(text.size(), kSampleBytes));
    if (sample.size() < text.size()) sample = sample.substr(0, sample.find_last_of("\r\n") + 1);
    return sample;
}

char chooseDelimiter(const ImportOptions& options, std::string_view sample) {
    if (options.delimiter) return *options.delimiter;
    if (options.format == ImportOptions::Format::Tsv) return '\t';
    if (options.format == ImportOptions::Format::Csv) return ',';
    return sniffDelimiter(sample);
}

std::vector<std::vector<std::string>> readRecords(std::string_view sample, char delimiter) {
    RecordReader reader(sample.data(), sample.data() + sample.size(), delimiter);
    std::vector<std::vector<std::string>> records;
    while (records.size() < kSampleRecords && reader.next() == RecordReader::Step::Record) {
        if (reader.blankLine()) continue;
        records.emplace_back(reader.fields().begin(), reader.fields().end());
    }
    return records;
}

Status checkText(const TextSource& source, const std::string& path) {
    if (source.size() == 0)
        return makeError(ErrorCode::InvalidArgument, "the file is empty", path + ":1:1");
    std::string_view head(source.data(), std::min(source.size(), kSampleBytes));
    if (auto nul = findNulByte(head); nul != std::string_view::npos) {
        auto loc = locate(head, nul);
        return makeError(ErrorCode::InvalidArgument,
                         "binary data (a NUL byte): this is not a text file",
                         path + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column));
    }
    return {};
}

// Each column's distinct values in the sample, in the order met (none past kMaxListedValues).
void listValues(TablePreview& preview, const std::vector<std::vector<std::string>>& records) {
    const std::size_t count = records[0].size();
    preview.values.assign(count, {});
    for (std::size_t c = 0; c < count; ++c) {
        std::set<std::string> seen;
        auto& values = preview.values[c];
        for (std::size_t r = preview.dialect.header ? 1 : 0; r < records.size(); ++r) {
            if (records[r].size() != count || isMissingMarker(records[r][c])) continue;
            if (seen.insert(records[r][c]).second) values.push_back(records[r][c]);
            if (values.size() > kMaxListedValues) break;
        }
        if (values.size() > kMaxListedValues) values.clear();
    }
}

void inferColumns(TablePreview& preview, std::vector<std::vector<std::string>>& records) {
    const std::size_t count = records[0].size();
    const bool header = preview.dialect.header;
    auto names = uniqueColumnNames(header ? records[0] : std::vector<std::string>{}, count);
    for (std::size_t c = 0; c < count; ++c) {
        std::vector<std::string> cells;
        for (std::size_t r = header ? 1 : 0; r < records.size(); ++r)
            if (records[r].size() == count) cells.push_back(records[r][c]);
        preview.columns.push_back(inferColumn(names[c], cells, preview.dialect.decimalComma));
    }
}

}  // namespace

Result<TablePreview> previewCsv(const std::filesystem::path& file, const ImportOptions& options,
                              std::size_t rows) {
    const std::string path = file.string();
    auto opened = TextSource::open(file);
    if (!opened) return opened.error();
    TextSource& source = opened.value();
    if (auto s = checkText(source, path); !s) return s.error();
    const std::size_t head = std::min(source.size(), kSampleBytes);
    // The import's rule, on the head only: a few bad bytes in UTF-8 keep it UTF-8 (the import
    // replaces them by U+FFFD; a view shows them so).
    if (source.encoding() == TextEncoding::Utf8 &&
        !mostlyUtf8(weighUtf8(source.data(), head, head == source.size(), 0)))
        source.reinterpretAsLatin1();
    TablePreview preview;
    preview.format = TableFormat::Csv;
    preview.encoding = source.encoding();
    preview.bytes = source.size();
    const std::string_view sample = sampleOf({source.data(), source.size()});
    preview.dialect.delimiter = chooseDelimiter(options, sample);
    preview.dialect.lineEnding = detectLineEnding(sample);
    preview.dialect.decimalComma =
        options.decimalComma.value_or(detectDecimalComma(sample, preview.dialect.delimiter));
    auto records = readRecords(sample, preview.dialect.delimiter);
    if (records.empty())
        return makeError(ErrorCode::InvalidArgument, "the file has no records (only blank lines)",
                         path + ":1:1");
    preview.dialect.header = options.forceHeader ||
        (!options.noHeader && looksLikeHeader(records, preview.dialect.decimalComma));
    preview.sampledRecords = records.size() - (preview.dialect.header ? 1 : 0);
    inferColumns(preview, records);
    listValues(preview, records);
    if (auto s = applyColumnChoices(preview.columns, options); !s) return s.error();
    const std::size_t first = preview.dialect.header ? 1 : 0;
    for (std::size_t r = first; r < records.size() && preview.rows.size() < rows; ++r)
        preview.rows.push_back(std::move(records[r]));
    return preview;
}

}  // namespace kiln
