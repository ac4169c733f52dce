#include "core/data/csv_chunk_parser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/data/cell_parser.h"
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

// Room for the rows a chunk of `bytes` may hold (rows of 8 bytes a column at least: over rather
// than under, since growing a vector copies it), and for its text.
void reserve(ChunkOutcome& out, const std::vector<ColumnSpec>& specs, std::size_t bytes) {
    const std::size_t rows = bytes / (8 * std::max<std::size_t>(specs.size(), 1)) + 16;
    const std::size_t texts = std::size_t(std::count_if(
        specs.begin(), specs.end(), [](const ColumnSpec& s) { return s.type == ColumnType::Text; }));
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
                col.text.reserve(bytes / std::max<std::size_t>(texts, 1));
                break;
            default:
                col.ints.reserve(rows);
                break;
        }
    }
}

bool endsField(const char* p, const char* end, char delimiter) {
    return p == end || *p == delimiter || *p == '\n' || *p == '\r';
}

bool isDigit(char c) { return unsigned(c - '0') < 10; }

// The common forms of a cell read straight from the text, the field's end found on the way: a
// plain integer, a number, an ISO date. Each returns where the field ends, or nullptr when the
// cell is not in that form (missing markers, spaces, quotes, grouped digits, a value that does
// not fit), which the general path then reads as ColumnChunk::append does.
const char* readInteger(const char* p, const char* end, char delimiter, ColumnChunk& col) {
    const char* q = p;
    const bool negative = q < end && *q == '-';
    const char* digits = q += negative;
    std::uint64_t value = 0;
    for (; q < end && isDigit(*q) && q - digits < 19; ++q) value = value * 10 + unsigned(*q - '0');
    if (q == digits || q - digits >= 19 || !endsField(q, end, delimiter)) return nullptr;
    col.appendInteger(negative ? -std::int64_t(value) : std::int64_t(value));
    return q;
}

// A plain decimal of at most 15 digits ("-1234.5678"), exactly: its digits as an integer below
// 2^53 divided by an exact power of ten is the correctly rounded value (Clinger's fast path), the
// same double std::from_chars gives. nullptr for any other form.
const char* readPlainDecimal(const char* p, const char* end, char delimiter, double& x) {
    static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                         1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const char* q = p;
    const bool negative = q < end && *q == '-';
    q += negative;
    std::uint64_t digits = 0;
    int count = 0, fraction = 0;
    for (; q < end && isDigit(*q) && count <= 15; ++q, ++count) digits = digits * 10 + unsigned(*q - '0');
    if (q < end && *q == '.')
        for (++q; q < end && isDigit(*q) && count <= 15; ++q, ++count, ++fraction)
            digits = digits * 10 + unsigned(*q - '0');
    if (count == 0 || count > 15 || !endsField(q, end, delimiter)) return nullptr;
    x = double(digits) / kPowers[fraction];
    if (negative) x = -x;
    return q;
}

const char* readFloat(const char* p, const char* end, char delimiter, ColumnChunk& col) {
    if (!isDigit(*p) && *p != '-' && *p != '.') return nullptr;
    double x = 0;
    if (const char* q = readPlainDecimal(p, end, delimiter, x)) {
        col.appendFloat(x);
        return q;
    }
    auto [q, ec] = std::from_chars(p, end, x);
    if (ec != std::errc() || q - p > 64 || std::isnan(x) || !endsField(q, end, delimiter))
        return nullptr;
    col.appendFloat(x);
    return q;
}

const char* readIsoDate(const char* p, const char* end, char delimiter, ColumnType type,
                        ColumnChunk& col) {
    if (end - p < 10 || p[4] != '-' || p[7] != '-' || !endsField(p + 10, end, delimiter))
        return nullptr;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!isDigit(p[i])) return nullptr;
    auto number = [&](int at, int digits) {
        int v = 0;
        for (int i = at; i < at + digits; ++i) v = v * 10 + (p[i] - '0');
        return v;
    };
    const int y = number(0, 4), m = number(5, 2), d = number(8, 2);
    if (!isValidDate(y, m, d)) return nullptr;
    const std::int64_t days = daysFromCivil(y, unsigned(m), unsigned(d));
    col.appendTime(type == ColumnType::Date ? days : days * 86400000);
    return p + 10;
}

// Which fast reads a column may use with this delimiter: none where the delimiter could be part
// of the form (a '.' or '-' delimiter, say), so that the general path splits such files.
enum class FastRead { None, Integer, Float, IsoDate };

FastRead fastReadFor(const ColumnSpec& spec, char delimiter) {
    if (std::isdigit(static_cast<unsigned char>(delimiter)) ||
        std::string_view("+-.eEiInNfFaA").find(delimiter) != std::string_view::npos)
        return FastRead::None;
    switch (spec.type) {
        case ColumnType::Integer:
            return FastRead::Integer;
        case ColumnType::Float:
            return spec.decimalComma || spec.thousands ? FastRead::None : FastRead::Float;
        case ColumnType::Date:
        case ColumnType::DateTime:
            return FastRead::IsoDate;
        default:
            return FastRead::None;
    }
}

// Reads chunks field by field into their columns, each cell typed as it is met: no record is
// split into a list of fields first. A record with the wrong field count has its stored cells
// taken back and is read again with RecordReader, for the same messages and places as before.
class ChunkReader {
public:
    ChunkReader(const ChunkParseConfig& config, ChunkOutcome& out)
        : m_config(config), m_specs(*config.columns), m_out(out),
          m_delimiter(config.delimiter) {
        for (const auto& spec : m_specs) m_fast.push_back(fastReadFor(spec, m_delimiter));
    }

    void run(std::size_t from, std::size_t stopAfter, std::size_t limit) {
        const char* text = m_config.text.data();
        const char* p = text + from;
        const char* stop = text + stopAfter;
        m_end = text + limit;
        m_out.end = from;
        while (p < stop) {
            if (*p == '\n' || *p == '\r') {  // a blank line
                p = afterLineEnd(p);
                m_out.end = std::size_t(p - text);
                continue;
            }
            const char* next = readRecord(p);
            if (!next) break;
            p = next;
            m_out.end = std::size_t(p - text);
        }
        m_out.strayQuote = m_stray;
    }

private:
    const char* afterLineEnd(const char* p) const {
        if (p < m_end && *p == '\r') return p + 1 < m_end && p[1] == '\n' ? p + 2 : p + 1;
        return p < m_end && *p == '\n' ? p + 1 : p;
    }

    // Reads the record at `p` into the columns; returns where the next one starts, or nullptr
    // when the chunk must stop (an unterminated quote, a fatal bad record).
    const char* readRecord(const char* record) {
        const std::size_t count = m_specs.size();
        const char* p = record;
        for (std::size_t c = 0;; ++c) {
            if (!readField(c, p)) return unterminated(p);
            const bool more = p < m_end && *p == m_delimiter;
            if (more && c + 1 < count) {
                ++p;
                continue;
            }
            if (more || c + 1 < count) {  // too many fields, or too few
                for (std::size_t k = 0; k <= c; ++k) m_out.columns[k].dropLast(m_specs[k].type);
                return badRecord(record);
            }
            return afterLineEnd(p);
        }
    }

    // Reads field `c` at `p` into its column, leaving `p` at the field's end; false on an
    // unterminated quote (`p` at the opening quote).
    bool readField(std::size_t c, const char*& p) {
        ColumnChunk& col = m_out.columns[c];
        if (p < m_end && *p == '"') {
            m_scratch.clear();
            QuotedField quoted;
            if (!readQuotedField(p, m_end, m_delimiter, quoted, m_scratch, m_stray)) return false;
            col.append(m_specs[c], quoted.escaped ? std::string_view(m_scratch) : quoted.text);
            return true;
        }
        if (p < m_end) {
            const char* q = nullptr;
            switch (m_fast[c]) {
                case FastRead::Integer: q = readInteger(p, m_end, m_delimiter, col); break;
                case FastRead::Float: q = readFloat(p, m_end, m_delimiter, col); break;
                case FastRead::IsoDate:
                    q = readIsoDate(p, m_end, m_delimiter, m_specs[c].type, col);
                    break;
                case FastRead::None: break;
            }
            if (q) {
                p = q;
                return true;
            }
        }
        const char* start = p;
        p = unquotedFieldEnd(p, m_end, m_delimiter, m_stray);
        col.append(m_specs[c], std::string_view(start, std::size_t(p - start)));
        return true;
    }

    const char* unterminated(const char* quote) {
        const std::string_view text = m_config.text;
        if (m_end < text.data() + text.size())
            m_out.truncated = true;
        else
            m_out.fatal = RecordProblem{
                std::size_t(quote - text.data()),
                "unterminated quoted field: the quote opened here is never closed"};
        return nullptr;
    }

    // A record with the wrong field count, read again whole to say where and what.
    const char* badRecord(const char* record) {
        const std::string_view text = m_config.text;
        RecordReader reader(record, m_end, m_delimiter);
        if (reader.next() == RecordReader::Step::UnterminatedQuote)
            return unterminated(reader.errorPosition());
        m_stray = m_stray || reader.strayQuote();
        RecordProblem problem{problemOffset(reader, m_specs.size(), text),
                              fieldCountMessage(m_specs.size(), reader.fields().size())};
        if (!m_config.skipBadRows) {
            m_out.fatal = std::move(problem);
            return nullptr;
        }
        if (m_out.skipped.size() < m_config.maxSamples) m_out.skipped.push_back(std::move(problem));
        ++m_out.skippedCount;
        return reader.position();
    }

    const ChunkParseConfig& m_config;
    const std::vector<ColumnSpec>& m_specs;
    ChunkOutcome& m_out;
    const char m_delimiter;
    const char* m_end = nullptr;
    std::vector<FastRead> m_fast;
    std::string m_scratch;  // an unescaped quoted field
    bool m_stray = false;
};

}  // namespace

ChunkOutcome parseChunk(const ChunkParseConfig& config, std::size_t from, std::size_t stopAfter,
                        std::size_t limit, std::vector<ColumnChunk> reuse) {
    ChunkOutcome out;
    if (reuse.size() == config.columns->size()) {
        for (auto& column : reuse) column.clear();
        out.columns = std::move(reuse);
    } else {
        out.columns.resize(config.columns->size());
    }
    reserve(out, *config.columns, stopAfter - from);
    ChunkReader(config, out).run(from, stopAfter, limit);
    return out;
}

}  // namespace kiln
