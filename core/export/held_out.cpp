#include "core/export/held_out.h"

#include <cmath>
#include <cstdlib>

#include "core/base/parallel.h"
#include "core/data/cell_parser.h"
#include "core/data/table.h"
#include "core/export/onnx_writer.h"
#include "core/export/trained_model.h"
#include "core/store/object_store.h"

namespace kiln {

namespace {

// How one cell becomes a graph input value, and what went wrong with it.
struct CellReader {
    const ColumnView& c;
    DateOrder order = DateOrder::DayFirst;  // for slashed dates held as text

    // A number (booleans 0/1, text parsed); `bad` set when the text is not one.
    double number(std::uint64_t row, bool& bad) const {
        if (c.isMissing(row)) return std::nan("");
        if (isNumeric(c.info().type) || c.info().type == ColumnType::Date ||
            c.info().type == ColumnType::DateTime)
            return c.number(row);
        std::string text = c.text(row);
        double v = 0;
        std::uint8_t flag = 0;
        if (parseDouble(text, false, v)) return v;
        if (parseBoolean(text, flag)) return flag;
        bad = true;
        return std::nan("");
    }
    // Days since 1970-01-01 for a date input (DateTime cells hold milliseconds; text is parsed
    // as a date).
    double days(std::uint64_t row, bool& bad) const {
        if (c.isMissing(row)) return std::nan("");
        if (c.info().type == ColumnType::DateTime) return c.number(row) / 86400000.0;
        if (c.info().type == ColumnType::Date || isNumeric(c.info().type)) return c.number(row);
        ParsedDate d;
        if (parseDate(c.text(row), order, d))
            return double(d.days) + double(d.msOfDay) / 86400000.0;
        bad = true;
        return std::nan("");
    }
};

// The day/month order of slashed dates in a text column: day first unless a first number
// above 12 is missing and a second one is there (as import decides it).
DateOrder slashedOrder(const ColumnView& c, const std::vector<std::uint64_t>& rows) {
    bool firstBig = false, secondBig = false;
    for (std::size_t i = 0; i < rows.size() && i < 100000; ++i) {
        ParsedDate d;
        if (c.isMissing(rows[i]) || !parseDate(c.text(rows[i]), DateOrder::DayFirst, d) ||
            !d.slashed)
            continue;
        firstBig |= d.first > 12;
        secondBig |= d.second > 12;
    }
    return secondBig && !firstBig ? DateOrder::MonthFirst : DateOrder::DayFirst;
}

std::string problemText(const ColumnView& c, std::uint64_t row, bool date) {
    return "column '" + c.info().name + "' holds '" + c.text(row) + "', not " +
           (date ? "a date" : "a number");
}

// Tolerant mode: an infinite number, or one beyond float's range, is fed as missing.
template <class T>
void noteInfinite(T& value, double read, const ColumnView& c, std::uint64_t row,
                  std::string& note) {
    if (std::isfinite(double(value)) || std::isnan(read)) return;
    if (note.empty())
        note = "column '" + c.info().name + "' " +
               (std::isinf(read) ? std::string("is infinite")
                                 : "holds " + c.text(row) + ", beyond the float range");
    value = T(std::nan(""));
}

HostTensor column(const ColumnView& c, const std::string& type,
                  const std::vector<std::uint64_t>& rows, std::uint64_t& badRow,
                  RowIssues* issues) {
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
    CellReader reader{c, type == "double" && c.info().type == ColumnType::Text
                             ? slashedOrder(c, rows)
                             : DateOrder::DayFirst};
    std::vector<std::uint64_t> firstBad(std::size_t(defaultThreadCount()), UINT64_MAX);
    parallelSlices(
        rows.size(), defaultThreadCount(), [&](int part, std::uint64_t b, std::uint64_t e) {
            for (auto i = b; i < e; ++i) {
                auto r = rows[i];
                bool bad = false;
                if (t.type == HostTensor::Type::String) {
                    t.strings[i] = c.isMissing(r) ? std::string() : c.text(r);
                    continue;
                }
                double v = t.type == HostTensor::Type::Double ? reader.days(r, bad)
                                                              : reader.number(r, bad);
                if (t.type == HostTensor::Type::Double)
                    t.doubles[i] = v;
                else
                    t.floats[i] = float(v);
                if (bad && issues && issues->errors[i].empty())
                    issues->errors[i] = problemText(c, r, t.type == HostTensor::Type::Double);
                else if (bad && !issues && firstBad[std::size_t(part)] == UINT64_MAX)
                    firstBad[std::size_t(part)] = r;
                if (issues && t.type == HostTensor::Type::Double)
                    noteInfinite(t.doubles[i], v, c, r, issues->notes[i]);
                if (issues && t.type == HostTensor::Type::Float)
                    noteInfinite(t.floats[i], v, c, r, issues->notes[i]);
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
    const std::vector<std::uint64_t>& rows, RowIssues* issues) {
    if (issues) {
        issues->errors.assign(rows.size(), std::string());
        issues->notes.assign(rows.size(), std::string());
    }
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
        out[name] =
            column(table.column(std::size_t(table.columnIndex(name))), type, rows, bad, issues);
        if (bad != UINT64_MAX)
            return makeError(ErrorCode::InvalidArgument,
                             "column '" + name + "' must hold " +
                                 (type == "double" ? "dates" : "numbers") + ", but row " +
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
    if (h.rows.empty()) {  // tiny datasets, or a split like 0.8,0.2,0
        h.rows = m.split.val;
        h.part = "validation";
    }
    if (h.rows.empty()) {  // a split like 1,0,0 holds nothing out
        h.rows = m.split.train;
        h.part = "training";
    }
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
