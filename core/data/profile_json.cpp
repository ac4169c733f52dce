// TableProfile <-> JSON: the form `kiln stats --json` prints and the catalog caches.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/base/json_number.h"
#include "core/data/profile.h"

namespace kiln {

namespace {

using nlohmann::json;

// Missing numbers are written as null, infinities as "Infinity" / "-Infinity" (json_number.h).
json number(double x) { return jsonNumber(x); }
double numberFrom(const json& j) { return numberFromJson(j); }

json numbers(const std::vector<double>& xs) {
    json out = json::array();
    for (double x : xs) out.push_back(number(x));
    return out;
}

std::vector<double> numbersFrom(const json& j) {
    std::vector<double> out;
    for (const auto& x : j) out.push_back(numberFrom(x));
    return out;
}

json numericJson(const NumericSummary& s) {
    json quantiles = json::object();
    for (std::size_t k = 0; k < s.quantiles.size(); ++k) {
        char key[16];
        std::snprintf(key, sizeof key, "%g", kProfileQuantiles[k]);
        quantiles[key] = number(s.quantiles[k]);
    }
    return {{"mean", number(s.mean)},          {"std", number(s.std)},
            {"min", number(s.min)},            {"max", number(s.max)},
            {"positive_infinite", s.positiveInfinite},
            {"negative_infinite", s.negativeInfinite},
            {"quantiles", quantiles},          {"outliers_low", s.outliersLow},
            {"outliers_high", s.outliersHigh},
            {"histogram", {{"edges", numbers(s.histogram.edges)}, {"counts", s.histogram.counts}}}};
}

NumericSummary numericFrom(const json& j, const ColumnProfile& c) {
    NumericSummary s;
    s.positiveInfinite = j.value("positive_infinite", 0ULL), s.negativeInfinite = j.value("negative_infinite", 0ULL);
    s.count = c.count - std::min<std::uint64_t>(c.count, s.infinite());
    s.missing = c.missing, s.distinct = c.distinct;
    s.distinctIsEstimate = c.distinctIsEstimate;
    s.mean = numberFrom(j.at("mean")), s.std = numberFrom(j.at("std"));
    s.min = numberFrom(j.at("min")), s.max = numberFrom(j.at("max"));
    for (const auto& [key, value] : j.at("quantiles").items()) s.quantiles.push_back(numberFrom(value));
    s.outliersLow = j.value("outliers_low", 0ULL), s.outliersHigh = j.value("outliers_high", 0ULL);
    s.histogram.edges = numbersFrom(j.at("histogram").at("edges"));
    s.histogram.counts = j.at("histogram").at("counts").get<std::vector<std::uint64_t>>();
    if (s.histogram.edges.size() > 1)
        s.histogram.norm = double(s.histogram.counts.size()) /
                           (s.histogram.edges.back() - s.histogram.edges.front());
    return s;
}

json columnJson(const ColumnProfile& c) {
    json j = {{"name", c.name},         {"type", columnTypeName(c.type)},
              {"count", c.count},       {"missing", c.missing},
              {"distinct", c.distinct}, {"distinct_is_estimate", c.distinctIsEstimate}};
    if (c.numeric) j["numeric"] = numericJson(*c.numeric);
    if (!c.top.empty()) {
        j["top"] = json::array();
        for (const auto& t : c.top) j["top"].push_back({{"value", t.value}, {"count", t.count}});
    }
    if (c.textLengths)
        j["text_length"] = {{"min", c.textLengths->min}, {"mean", c.textLengths->mean},
                            {"max", c.textLengths->max}};
    return j;
}

ColumnProfile columnFrom(const json& j) {
    ColumnProfile c;
    c.name = j.at("name").get<std::string>();
    c.type = parseColumnType(j.at("type").get<std::string>()).value_or(ColumnType::Text);
    c.count = j.at("count"), c.missing = j.at("missing"), c.distinct = j.at("distinct");
    c.distinctIsEstimate = j.value("distinct_is_estimate", false);
    if (j.contains("numeric")) c.numeric = numericFrom(j.at("numeric"), c);
    if (j.contains("top"))
        for (const auto& t : j.at("top")) c.top.push_back({t.at("value"), t.at("count")});
    if (j.contains("text_length"))
        c.textLengths = TextLengths{j["text_length"]["min"], j["text_length"]["max"],
                                    j["text_length"]["mean"]};
    return c;
}

// `text` (one dumped JSON value) with every line after the first indented by `pad`.
std::string indented(const std::string& text, const std::string& pad) {
    if (pad.empty()) return text;
    std::string out;
    out.reserve(text.size());
    for (char ch : text) out += ch == '\n' ? "\n" + pad : std::string(1, ch);
    return out;
}

}  // namespace

// Written column by column, so a wide profile never exists as one JSON document in memory; the
// text is what nlohmann's dump(indent) of the whole document would print.
std::string TableProfile::toJson(int indent) const {
    const bool pretty = indent >= 0;
    const std::string nl = pretty ? "\n" : "", pad1 = pretty ? std::string(std::size_t(indent), ' ') : "";
    const std::string pad2 = pad1 + pad1, colon = pretty ? ": " : ":";
    std::string out = "{" + nl + pad1 + "\"columns\"" + colon + "[";
    for (std::size_t i = 0; i < columns.size(); ++i)
        out += (i ? "," : "") + nl + pad2 + indented(columnJson(columns[i]).dump(indent), pad2);
    out += (columns.empty() ? "" : nl + pad1) + "]," + nl;
    json corr = {{"columns", correlation.columns},
                 {"pearson", numbers(correlation.pearson)},
                 {"spearman", numbers(correlation.spearman)},
                 {"spearman_rows", correlation.spearmanRows},
                 {"numeric_columns", correlation.numericColumns},
                 {"limited", correlation.limited}};
    out += pad1 + "\"correlation\"" + colon + indented(corr.dump(indent), pad1) + "," + nl;
    return out + pad1 + "\"rows\"" + colon + std::to_string(rows) + nl + "}";
}


Result<TableProfile> TableProfile::fromJson(std::string_view text) {
    try {
        json j = json::parse(text);
        TableProfile p;
        p.rows = j.at("rows");
        for (const auto& c : j.at("columns")) p.columns.push_back(columnFrom(c));
        const json& corr = j.at("correlation");
        p.correlation.columns = corr.at("columns").get<std::vector<std::string>>();
        p.correlation.pearson = numbersFrom(corr.at("pearson"));
        p.correlation.spearman = numbersFrom(corr.at("spearman"));
        p.correlation.spearmanRows = corr.value("spearman_rows", 0ULL);
        p.correlation.numericColumns = corr.value("numeric_columns", 0ULL);
        p.correlation.limited = corr.value("limited", false);
        return p;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Corrupt, std::string("unreadable profile: ") + e.what());
    }
}

}  // namespace kiln
