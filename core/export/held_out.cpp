#include "core/export/held_out.h"

#include <cmath>
#include <cstdlib>

#include "core/base/parallel.h"
#include "core/data/table.h"
#include "core/export/onnx_writer.h"
#include "core/export/trained_model.h"
#include "core/store/object_store.h"

namespace kiln {

namespace {

double parseNumber(const ColumnView& c, std::uint64_t row, bool& bad) {
    if (c.isMissing(row)) return std::nan("");
    if (isNumeric(c.info().type) || c.info().type == ColumnType::Date ||
        c.info().type == ColumnType::DateTime)
        return c.number(row);
    std::string text = c.text(row);
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') bad = true;
    return v;
}

// Days since 1970-01-01 for a date input (DateTime cells hold milliseconds).
double dayValue(const ColumnView& c, std::uint64_t row, bool& bad) {
    double v = parseNumber(c, row, bad);
    return c.info().type == ColumnType::DateTime ? v / 86400000.0 : v;
}

HostTensor column(const ColumnView& c, const std::string& type,
                  const std::vector<std::uint64_t>& rows, std::uint64_t& badRow) {
    HostTensor t;
    t.shape = {std::int64_t(rows.size()), 1};
    badRow = UINT64_MAX;
    if (type == "string") {
        t.type = HostTensor::Type::String;
        t.strings.resize(rows.size());
    } else if (type == "double") {
        t.type = HostTensor::Type::Double;
        t.doubles.resize(rows.size());
    } else {
        t.floats.resize(rows.size());
    }
    std::vector<std::uint64_t> firstBad(std::size_t(defaultThreadCount()), UINT64_MAX);
    parallelSlices(rows.size(), defaultThreadCount(), [&](int part, std::uint64_t b, std::uint64_t e) {
        bool bad = false;
        for (auto i = b; i < e; ++i) {
            auto r = rows[i];
            if (t.type == HostTensor::Type::String)
                t.strings[i] = c.isMissing(r) ? std::string() : c.text(r);
            else if (t.type == HostTensor::Type::Double)
                t.doubles[i] = dayValue(c, r, bad);
            else
                t.floats[i] = float(parseNumber(c, r, bad));
            if (bad && firstBad[std::size_t(part)] == UINT64_MAX) firstBad[std::size_t(part)] = r;
        }
    });
    for (auto r : firstBad) badRow = std::min(badRow, r);
    return t;
}

// NCHW → NHWC, the layout the exported graph takes.
std::vector<std::uint8_t> toNhwc(const std::vector<std::uint8_t>& nchw, std::size_t n, int c, int s) {
    std::vector<std::uint8_t> out(nchw.size());
    const std::size_t plane = std::size_t(s) * std::size_t(s);
    for (std::size_t i = 0; i < n; ++i)
        for (int ch = 0; ch < c; ++ch)
            for (std::size_t p = 0; p < plane; ++p)
                out[(i * plane + p) * std::size_t(c) + std::size_t(ch)] =
                    nchw[(i * std::size_t(c) + std::size_t(ch)) * plane + p];
    return out;
}

void readTargets(const TrainedModel& m, const Table& table, HeldOutData& h) {
    for (auto r : h.rows) {
        if (m.classification())
            h.labels.push_back(m.recipe.label(table, r));
        else
            h.targets.push_back(m.recipe.scaledTarget(table, r) * m.recipe.target.scale +
                                m.recipe.target.mean);
    }
}

}  // namespace

Result<std::map<std::string, HostTensor>> rawTableInputs(
    const Table& table, const std::vector<std::pair<std::string, std::string>>& inputs,
    const std::vector<std::uint64_t>& rows) {
    std::string missing;
    int count = 0;
    for (const auto& [name, type] : inputs)
        if (table.columnIndex(name) < 0)
            missing += (count++ ? ", '" : "'") + name + "'";
    if (count)
        return makeError(ErrorCode::NotFound, std::string(count == 1 ? "the data lacks the column "
                                                                     : "the data lacks the columns ") +
                                                  missing + " that the model takes as input");
    std::map<std::string, HostTensor> out;
    for (const auto& [name, type] : inputs) {
        std::uint64_t bad = 0;
        out[name] = column(table.column(std::size_t(table.columnIndex(name))), type, rows, bad);
        if (bad != UINT64_MAX)
            return makeError(ErrorCode::InvalidArgument,
                             "column '" + name + "' must hold numbers, but row " +
                                 std::to_string(bad + 1) + " holds '" +
                                 table.column(std::size_t(table.columnIndex(name))).text(bad) + "'",
                             "row " + std::to_string(bad + 1) + ", column " + name);
    }
    return out;
}

Result<HeldOutData> loadHeldOut(const TrainedModel& m, const ObjectStore& store,
                                std::size_t maxRows) {
    auto table = Table::open(store, m.spec.datasetHash);
    if (!table)
        return makeError(ErrorCode::NotFound,
                         "the run's dataset version (" + m.spec.datasetHash.substr(0, 12) +
                             ") is not in this workspace: " + table.error().message);
    HeldOutData h;
    h.rows = m.split.test;
    if (h.rows.empty()) h.rows = m.split.val;  // tiny datasets: no test part
    if (maxRows && h.rows.size() > maxRows) h.rows.resize(maxRows);
    readTargets(m, **table, h);
    if (m.images()) {
        const auto& im = m.recipe.image;
        auto pixels = loadImages(store, **table, im, h.rows);
        if (!pixels) return pixels.error();
        h.pixels = std::move(*pixels);
        HostTensor t;
        t.type = HostTensor::Type::UInt8;
        t.shape = {std::int64_t(h.rows.size()), im.size, im.size, im.channels};
        t.bytes = toNhwc(h.pixels, h.rows.size(), im.channels, im.size);
        h.rawInputs["image"] = std::move(t);
        return h;
    }
    h.features.resize(h.rows.size() * std::size_t(m.inputWidth));
    m.recipe.transformRows(**table, h.rows, h.features.data());
    std::vector<std::pair<std::string, std::string>> inputs;
    for (const auto& in : onnxInputsFor(m)) inputs.emplace_back(in.name, hostTypeName(in.type));
    auto raw = rawTableInputs(**table, inputs, h.rows);
    if (!raw) return raw.error();
    h.rawInputs = std::move(*raw);
    return h;
}

}  // namespace kiln
