#include "core/data/csv_dialect.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/data/cell_parser.h"
#include "core/data/csv_reader.h"
#include "core/data/type_inference.h"

namespace kiln {

namespace {

constexpr std::size_t kSniffRecords = 100;

// Field counts of the first records of `sample` when split at `delimiter`.
std::vector<std::size_t> fieldCounts(std::string_view sample, char delimiter) {
    RecordReader reader(sample.data(), sample.data() + sample.size(), delimiter);
    std::vector<std::size_t> counts;
    while (counts.size() < kSniffRecords && reader.next() == RecordReader::Step::Record)
        if (!reader.blankLine()) counts.push_back(reader.fields().size());
    return counts;
}

}  // namespace

char sniffDelimiter(std::string_view sample) {
    char best = ',';
    double bestScore = 0;
    for (char candidate : {',', '\t', ';', '|'}) {
        auto counts = fieldCounts(sample, candidate);
        if (counts.empty()) continue;
        std::map<std::size_t, std::size_t> histogram;
        for (auto c : counts) ++histogram[c];
        auto mode = std::max_element(histogram.begin(), histogram.end(),
                                     [](auto& a, auto& b) { return a.second < b.second; });
        if (mode->first < 2) continue;
        double consistency = double(mode->second) / double(counts.size());
        // Consistency first (in 5% steps), then more fields; the first record counts double.
        double score = std::floor(consistency * 20) * 1000 + double(mode->first) +
                       (counts[0] == mode->first ? 0.5 : 0);
        if (score > bestScore) bestScore = score, best = candidate;
    }
    return best;
}

std::string detectLineEnding(std::string_view sample) {
    auto at = sample.find_first_of("\r\n");
    if (at == std::string_view::npos || sample[at] == '\n') return "lf";
    return at + 1 < sample.size() && sample[at + 1] == '\n' ? "crlf" : "cr";
}

bool detectDecimalComma(std::string_view sample, char delimiter) {
    if (delimiter != ';') return false;
    RecordReader reader(sample.data(), sample.data() + sample.size(), delimiter);
    int commas = 0, dots = 0;
    for (int n = 0; n < 200 && reader.next() == RecordReader::Step::Record; ++n) {
        for (auto f : reader.fields()) {
            double x;
            if (f.find(',') != std::string_view::npos && parseDouble(f, true, x)) ++commas;
            if (f.find('.') != std::string_view::npos && parseDouble(f, false, x)) ++dots;
        }
    }
    return commas > 0 && commas >= dots;
}

bool looksLikeHeader(const std::vector<std::vector<std::string>>& records, bool decimalComma) {
    if (records.empty()) return false;
    const auto& first = records[0];
    bool allTextual = true;
    for (std::size_t c = 0; c < first.size(); ++c) {
        std::vector<std::string> rest;
        for (std::size_t r = 1; r < records.size(); ++r)
            if (c < records[r].size()) rest.push_back(records[r][c]);
        ColumnSpec spec = inferColumn("", rest, decimalComma);
        bool typed = spec.type != ColumnType::Text && spec.type != ColumnType::Categorical;
        bool allMissing =
            std::all_of(rest.begin(), rest.end(), [](auto& v) { return isMissingMarker(v); });
        if (typed && !allMissing && !isMissingMarker(first[c]) && !cellFits(spec, first[c]))
            return true;
        if (typed && !allMissing) allTextual = false;
    }
    if (!allTextual) return false;
    for (std::size_t c = 0; c < first.size(); ++c) {
        double x;
        if (isMissingMarker(first[c]) || parseDouble(first[c], decimalComma, x)) return false;
        for (std::size_t r = 1; r < records.size(); ++r)
            if (c < records[r].size() && records[r][c] == first[c]) return false;
    }
    return true;
}

std::vector<std::string> uniqueColumnNames(const std::vector<std::string>& header,
                                           std::size_t count) {
    std::vector<std::string> names(count);
    std::set<std::string> taken;
    for (std::size_t i = 0; i < count && i < header.size(); ++i) {
        std::string name(trimSpaces(header[i]));
        if (!name.empty()) taken.insert(name);
    }
    std::set<std::string> used;
    for (std::size_t i = 0; i < count; ++i) {
        std::string base = i < header.size() ? std::string(trimSpaces(header[i])) : std::string();
        if (base.empty()) base = "column_" + std::to_string(i + 1);
        std::string name = base;
        for (int k = 2; used.count(name) || (name != base && taken.count(name)); ++k)
            name = base + "_" + std::to_string(k);
        used.insert(name);
        names[i] = name;
    }
    return names;
}

std::string delimiterName(char delimiter) {
    switch (delimiter) {
        case ',':
            return "comma";
        case ';':
            return "semicolon";
        case '\t':
            return "tab";
        case '|':
            return "pipe";
        default:
            return std::string(1, delimiter);
    }
}

}  // namespace kiln
