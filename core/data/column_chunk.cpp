#include "core/data/column_chunk.h"

#include <cmath>

namespace kiln {

namespace {
// A chunk that sees this many distinct "categories" is surely not categorical.
constexpr std::size_t kMaxChunkCategories = 65536;
}  // namespace

void ColumnChunk::appendMissing(ColumnType type) {
    ++rows, ++missing;
    switch (type) {
        case ColumnType::Integer:
            ints.push_back(0), mask.push_back(1);
            break;
        case ColumnType::Float:
            floats.push_back(std::nan(""));
            break;
        case ColumnType::Boolean:
            bytes.push_back(0), mask.push_back(1);
            break;
        case ColumnType::Date:
        case ColumnType::DateTime:
            ints.push_back(kNaT);
            break;
        case ColumnType::Categorical:
            codes.push_back(-1);
            break;
        case ColumnType::Text:
            lengths.push_back(0), mask.push_back(1);
            break;
    }
}

void ColumnChunk::append(const ColumnSpec& spec, std::string_view cell) {
    if (isMissingMarker(cell)) return appendMissing(spec.type);
    bool fits = true;
    switch (spec.type) {
        case ColumnType::Integer: {
            std::int64_t x = 0;
            fits = parseInt64(cell, x) == ParseOutcome::Ok;
            if (fits) ints.push_back(x), mask.push_back(0);
            break;
        }
        case ColumnType::Float: {
            double x = 0;
            fits = spec.thousands ? parseGroupedNumber(cell, spec.thousands,
                                                       spec.thousands == ',' ? '.' : ',', x)
                                  : parseDouble(cell, spec.decimalComma, x);
            if (fits) floats.push_back(x);
            break;
        }
        case ColumnType::Boolean: {
            std::uint8_t x = 0;
            fits = parseBoolean(cell, x);
            if (fits) bytes.push_back(x), mask.push_back(0);
            break;
        }
        case ColumnType::Date:
        case ColumnType::DateTime: {
            ParsedDate d;
            fits = parseDate(cell, spec.dateOrder, d) &&
                   (spec.type == ColumnType::DateTime || !d.hasTime);
            if (fits)
                ints.push_back(spec.type == ColumnType::Date ? d.days
                                                             : d.days * 86400000 + d.msOfDay);
            break;
        }
        case ColumnType::Categorical: {
            auto it = dictionaryIndex.find(cell);
            if (it == dictionaryIndex.end()) {
                const std::string& stored = dictionary.emplace_back(cell);
                it = dictionaryIndex.emplace(stored, std::int32_t(dictionary.size() - 1)).first;
            }
            codes.push_back(it->second);
            ++rows;
            if (dictionary.size() > kMaxChunkCategories) mismatch = true;
            return;
        }
        case ColumnType::Text:
            if (spec.undecided && found.size() < kFoundValues) found.emplace_back(cell);
            text.append(cell.data(), cell.size());
            lengths.push_back(std::uint32_t(cell.size()));
            mask.push_back(0);
            break;
    }
    if (fits) {
        ++rows;
        return;
    }
    if (!mismatch) firstMismatch = std::string(cell.substr(0, 80));
    mismatch = true;
    appendMissing(spec.type);
    --missing;  // not a missing value: the column will be re-read with a wider type
}

}  // namespace kiln
