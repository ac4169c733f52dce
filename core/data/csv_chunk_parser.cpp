#include "core/data/csv_chunk_parser.h"

#include "core/data/csv_reader.h"

namespace kiln {

namespace {

std::string fieldCountMessage(std::size_t expected, std::size_t found) {
    return "expected " + std::to_string(expected) + " field" + (expected == 1 ? "" : "s") +
           ", found " + std::to_string(found);
}

// The offset of a wrong field count: the first extra field, or the end of a short record.
std::size_t problemOffset(const RecordReader& reader, std::size_t expected, std::string_view text) {
    if (reader.fields().size() > expected)
        return std::size_t(reader.fieldStarts()[expected] - text.data());
    const char* end = reader.position();
    while (end > reader.recordStart() && (end[-1] == '\n' || end[-1] == '\r')) --end;
    return std::size_t(end - text.data());
}

void reserve(ChunkOutcome& out, const std::vector<ColumnSpec>& specs, std::size_t bytes) {
    std::size_t rows = bytes / (16 * std::max<std::size_t>(specs.size(), 1)) + 16;
    for (std::size_t c = 0; c < specs.size(); ++c) {
        auto& col = out.columns[c];
        switch (specs[c].type) {
            case ColumnType::Float:
                col.floats.reserve(rows);
                break;
            case ColumnType::Categorical:
                col.codes.reserve(rows);
                break;
            case ColumnType::Text:
                col.lengths.reserve(rows), col.mask.reserve(rows);
                break;
            default:
                col.ints.reserve(rows);
                break;
        }
    }
}

}  // namespace

ChunkOutcome parseChunk(const ChunkParseConfig& config, std::size_t from, std::size_t stopAfter,
                        std::size_t limit) {
    const auto& specs = *config.columns;
    const std::string_view text = config.text;
    ChunkOutcome out;
    out.columns.resize(specs.size());
    reserve(out, specs, stopAfter - from);
    RecordReader reader(text.data() + from, text.data() + limit, config.delimiter);
    const char* stop = text.data() + stopAfter;
    out.end = from;
    while (reader.position() < stop) {
        auto step = reader.next();
        if (step == RecordReader::Step::End) break;
        if (step == RecordReader::Step::UnterminatedQuote) {
            if (limit < text.size())
                out.truncated = true;
            else
                out.fatal = RecordProblem{
                    std::size_t(reader.errorPosition() - text.data()),
                    "unterminated quoted field: the quote opened here is never closed"};
            break;
        }
        out.end = std::size_t(reader.position() - text.data());
        if (reader.blankLine()) continue;
        const auto& fields = reader.fields();
        if (fields.size() != specs.size()) {
            RecordProblem problem{problemOffset(reader, specs.size(), text),
                                  fieldCountMessage(specs.size(), fields.size())};
            if (!config.skipBadRows) {
                out.fatal = std::move(problem);
                break;
            }
            if (out.skipped.size() < config.maxSamples) out.skipped.push_back(std::move(problem));
            ++out.skippedCount;
            continue;
        }
        for (std::size_t c = 0; c < fields.size(); ++c) out.columns[c].append(specs[c], fields[c]);
    }
    out.strayQuote = reader.strayQuote();
    return out;
}

}  // namespace kiln
