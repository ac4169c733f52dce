#include "core/data/column_chunk.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kiln {

namespace {
// A chunk that sees this many distinct "categories" is surely not categorical.
constexpr std::size_t kMaxChunkCategories = 65536;
}  // namespace

std::uint64_t CategoryIndex::hashCategory(std::string_view value) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ value.size();
    std::size_t i = 0;
    for (; i + 8 <= value.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, value.data() + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    std::uint64_t w = 0;
    std::memcpy(&w, value.data() + i, value.size() - i);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

std::int32_t CategoryIndex::find(std::string_view value, std::uint64_t hash,
                                 const std::deque<std::string>& dictionary) const {
    if (m_slots.empty()) return -1;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = std::size_t(hash) & mask;; i = (i + 1) & mask) {
        const Slot& slot = m_slots[i];
        if (slot.code < 0) return -1;
        if (slot.hash == std::uint32_t(hash) && dictionary[std::size_t(slot.code)] == value)
            return slot.code;
    }
}

void CategoryIndex::insert(std::uint64_t hash, std::int32_t code) {
    m_hashes.push_back(std::uint32_t(hash));
    if (2 * m_hashes.size() > m_slots.size()) return grow();
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = std::size_t(hash) & mask;
    while (m_slots[i].code >= 0) i = (i + 1) & mask;
    m_slots[i] = {std::uint32_t(hash), code};
    m_lastSlot = i;
}

// Doubles the table and puts every code back in code order, so the last code is again the one
// placed last (eraseLast relies on it).
void CategoryIndex::grow() {
    std::size_t size = 64;
    while (size < 4 * m_hashes.size()) size *= 2;
    m_slots.assign(size, Slot{});
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t code = 0; code < m_hashes.size(); ++code) {
        std::size_t i = std::size_t(m_hashes[code]) & mask;
        while (m_slots[i].code >= 0) i = (i + 1) & mask;
        m_slots[i] = {m_hashes[code], std::int32_t(code)};
        m_lastSlot = i;
    }
}

// With linear probing, the slot filled last lies on no other code's probe path (each of them
// was placed while it was still empty), so emptying it leaves the table as it was.
void CategoryIndex::eraseLast() {
    if (m_hashes.empty()) return;
    m_slots[m_lastSlot] = Slot{};
    m_hashes.pop_back();
}

void ColumnChunk::appendMissing(ColumnType type) {
    ++rows, ++missing;
    m_undo = kMissing;
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
    m_undo = 0;
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
            const std::uint64_t hash = CategoryIndex::hashCategory(cell);
            std::int32_t code = dictionaryIndex.find(cell, hash, dictionary);
            if (code < 0) {
                code = std::int32_t(dictionary.size());
                dictionary.emplace_back(cell);
                dictionaryIndex.insert(hash, code);
                m_undo |= kNewCategory;
            }
            codes.push_back(code);
            ++rows;
            if (dictionary.size() > kMaxChunkCategories && !mismatch)
                mismatch = true, m_undo |= kFirstMismatch;
            return;
        }
        case ColumnType::Text:
            if (spec.undecided && found.size() < kFoundValues)
                found.emplace_back(cell), m_undo |= kFound;
            text.append(cell.data(), cell.size());
            lengths.push_back(std::uint32_t(cell.size()));
            mask.push_back(0);
            break;
    }
    if (fits) {
        ++rows;
        return;
    }
    const bool first = !mismatch;
    if (first) firstMismatch = std::string(cell.substr(0, 80));
    mismatch = true;
    appendMissing(spec.type);
    --missing;  // not a missing value: the column will be re-read with a wider type
    m_undo = first ? kFirstMismatch : 0;
}

void ColumnChunk::clear() {
    ints.clear(), floats.clear(), bytes.clear(), codes.clear();
    dictionary.clear();
    dictionaryIndex = CategoryIndex{};
    text.clear(), lengths.clear(), mask.clear(), found.clear();
    rows = missing = 0;
    mismatch = false;
    firstMismatch.clear();
    m_undo = 0;
}

void ColumnChunk::dropLast(ColumnType type) {
    switch (type) {
        case ColumnType::Integer:
            ints.pop_back(), mask.pop_back();
            break;
        case ColumnType::Float:
            floats.pop_back();
            break;
        case ColumnType::Boolean:
            bytes.pop_back(), mask.pop_back();
            break;
        case ColumnType::Date:
        case ColumnType::DateTime:
            ints.pop_back();
            break;
        case ColumnType::Categorical:
            codes.pop_back();
            if (m_undo & kNewCategory) dictionaryIndex.eraseLast(), dictionary.pop_back();
            break;
        case ColumnType::Text:
            text.resize(text.size() - lengths.back());
            lengths.pop_back(), mask.pop_back();
            break;
    }
    --rows;
    if (m_undo & kMissing) --missing;
    if (m_undo & kFound) found.pop_back();
    if (m_undo & kFirstMismatch) mismatch = false, firstMismatch.clear();
    m_undo = 0;
}

}  // namespace kiln
