#include "core/serve/predict_request.h"

#include <openssl/evp.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>

#include "core/data/cell_parser.h"
#include "core/data/csv_import.h"
#include "core/data/table.h"
#include "core/export/batch_predict.h"
#include "core/export/held_out.h"
#include "core/jobs/job_context.h"
#include "core/serve/served_model.h"
#include "core/store/object_store.h"
#include "core/store/scratch_folder.h"
#include "core/store/sha256.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Error badValue(std::size_t row, const std::string& column, const std::string& what) {
    return makeError(ErrorCode::InvalidArgument, "row " + std::to_string(row + 1) + ", column '" +
                                                     column + "': " + what,
                     "row " + std::to_string(row + 1) + ", column " + column);
}

std::string shortText(const json& v) {
    std::string s = v.dump();
    return s.size() > 40 ? s.substr(0, 37) + "…" : s;
}

// A JSON number as a category's text: whole numbers without a fraction ("5", not "5.0").
std::string numberText(const json& v) {
    if (v.is_number_integer()) return v.dump();
    double d = v.get<double>();
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
    return ec == std::errc() ? std::string(buf, end) : v.dump();
}

// Fills one input column from JSON values, one per row; `infinite` collects the rows whose
// number was infinite (fed as missing).
struct ColumnFiller {
    const ServedInput& input;
    HostTensor tensor;

    explicit ColumnFiller(const ServedInput& in, std::size_t rows) : input(in) {
        tensor.shape = {std::int64_t(rows), 1};
        if (in.type == "string") {
            tensor.type = HostTensor::Type::String;
            tensor.strings.resize(rows);
        } else if (in.type == "double") {
            tensor.type = HostTensor::Type::Double;
            tensor.doubles.resize(rows, std::nan(""));
        } else {
            tensor.floats.resize(rows, std::nanf(""));
        }
    }

    Status set(std::size_t row, const json& v, bool& infinite) {
        if (v.is_null()) return {};
        if (tensor.type == HostTensor::Type::String) return setText(row, v);
        if (tensor.type == HostTensor::Type::Double) return setDate(row, v);
        double number = 0;
        std::uint8_t flag = 0;
        if (v.is_boolean())
            number = v.get<bool>() ? 1 : 0;
        else if (v.is_number())
            number = v.get<double>();
        else if (v.is_string() && parseDouble(v.get_ref<const std::string&>(), false, number)) {
        } else if (v.is_string() && parseBoolean(v.get_ref<const std::string&>(), flag)) {
            number = flag;
        } else if (v.is_string() && v.get_ref<const std::string&>().empty()) {
            return {};
        } else {
            return badValue(row, input.name, shortText(v) + " is not a number");
        }
        float f = float(number);
        if (!std::isfinite(f)) {
            infinite = true;
            return {};
        }
        tensor.floats[row] = f;
        return {};
    }

    Status setText(std::size_t row, const json& v) {
        if (v.is_string())
            tensor.strings[row] = v.get<std::string>();
        else if (v.is_number())
            tensor.strings[row] = numberText(v);
        else if (v.is_boolean())
            tensor.strings[row] = v.get<bool>() ? "true" : "false";
        else
            return badValue(row, input.name, shortText(v) + " is not a category (give text)");
        return {};
    }

    Status setDate(std::size_t row, const json& v) {
        if (!v.is_string())
            return badValue(row, input.name,
                            shortText(v) + " is not a date (give text such as \"2024-03-01\")");
        const auto& text = v.get_ref<const std::string&>();
        if (text.empty()) return {};
        ParsedDate d;
        if (!parseDate(text, DateOrder::DayFirst, d) && !parseDate(text, DateOrder::MonthFirst, d))
            return badValue(row, input.name, shortText(v) + " is not a date");
        tensor.doubles[row] = double(d.days) + double(d.msOfDay) / 86400000.0;
        return {};
    }
};

// Base64 text (white space ignored, a data: URL's prefix dropped) as bytes; false when it is not
// base64.
bool decodeBase64(std::string_view text, std::string& out) {
    if (text.rfind("data:", 0) == 0) {
        auto comma = text.find(',');
        if (comma == std::string_view::npos || text.substr(0, comma).find(";base64") == std::string_view::npos)
            return false;
        text.remove_prefix(comma + 1);
    }
    std::string clean;
    clean.reserve(text.size());
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c))) clean += c;
    if (clean.empty() || clean.size() % 4 != 0) return false;
    out.assign(clean.size() / 4 * 3, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(clean.data()), int(clean.size()));
    if (n < 0) return false;
    std::size_t padding = clean.size() >= 2 && clean[clean.size() - 2] == '=' ? 2 : clean.back() == '=' ? 1 : 0;
    out.resize(std::size_t(n) - padding);
    return true;
}

// What the traffic log keeps of a picture: its hash and size, not its bytes.
json pictureNote(const std::string& bytes) {
    Sha256 h;
    h.update(bytes);
    return {{"sha256", h.hexDigest()}, {"bytes", bytes.size()}};
}

// The pictures of an image model's request: `encoded(row)` gives each row's bytes (or an error).
template <class Encoded>
Status fillImages(const ServedModel& model, std::size_t rows, Encoded encoded, PredictRequest& r) {
    const ServedInput& in = model.inputs.front();
    const std::size_t each = std::size_t(model.imageSize * model.imageSize * model.imageChannels);
    HostTensor t;
    t.type = HostTensor::Type::UInt8;
    t.shape = {std::int64_t(rows), model.imageSize, model.imageSize, model.imageChannels};
    t.bytes.resize(rows * each);
    json notes = json::array();
    for (std::size_t i = 0; i < rows; ++i) {
        std::string bytes;
        if (auto st = encoded(i, bytes); !st) return st;
        if (auto st = decodeModelImage(bytes, model.imageSize, model.imageChannels, t.bytes.data() + i * each); !st)
            return badValue(i, in.name, st.error().message);
        notes.push_back(pictureNote(bytes));
    }
    r.rows = rows;
    r.inputs[in.name] = std::move(t);
    r.columns[in.name] = std::move(notes);
    return {};
}

// Fills the pictures from JSON values: base64 text each.
template <class ValueAt>
Status fillImagesFromJson(const ServedModel& model, std::size_t rows, ValueAt valueAt, PredictRequest& r) {
    const std::string& name = model.inputs.front().name;
    return fillImages(model, rows, [&](std::size_t i, std::string& bytes) -> Status {
        const json* v = valueAt(name, i);
        if (!v || !v->is_string() || !decodeBase64(v->get_ref<const std::string&>(), bytes))
            return badValue(i, name, "give the picture as base64 text (a PNG, JPEG, BMP, TIFF or WebP file)");
        return {};
    }, r);
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "'" : ", '") + n + "'";
    return s;
}

// Checks every column a request names against the model: the inputs it lacks are an error,
// the columns the model does not use a warning.
Status checkColumns(const ServedModel& model, const std::vector<std::string>& given,
                    PredictRequest& r) {
    std::vector<std::string> missing, extra;
    for (const auto& in : model.inputs)
        if (std::find(given.begin(), given.end(), in.name) == given.end()) missing.push_back(in.name);
    for (const auto& g : given)
        if (std::none_of(model.inputs.begin(), model.inputs.end(),
                         [&](const ServedInput& in) { return in.name == g; }))
            extra.push_back(g);
    if (!missing.empty())
        return makeError(ErrorCode::InvalidArgument,
                         std::string(missing.size() == 1 ? "the request lacks the column "
                                                         : "the request lacks the columns ") +
                             joinNames(missing) + " that the model takes as input",
                         "columns " + joinNames(missing));
    if (!extra.empty())
        r.warnings.push_back("columns the model does not use were ignored: " + joinNames(extra));
    return {};
}

Status tooMany(std::size_t rows, const RequestLimits& limits) {
    if (rows == 0) return makeError(ErrorCode::InvalidArgument, "the request holds no rows", "rows");
    if (rows <= limits.maxRows) return {};
    return makeError(ErrorCode::InvalidArgument,
                     "the request holds " + std::to_string(rows) + " rows; at most " +
                         std::to_string(limits.maxRows) + " are taken in one request",
                     "rows");
}

// Fills every input from `valueAt(input name, row)` (nullptr for a missing cell).
template <class ValueAt>
Status fill(const ServedModel& model, std::size_t rows, ValueAt valueAt, PredictRequest& r) {
    r.rows = rows;
    std::vector<std::size_t> infiniteRows;
    for (const auto& in : model.inputs) {
        ColumnFiller filler(in, rows);
        json column = json::array();
        for (std::size_t i = 0; i < rows; ++i) {
            const json* v = valueAt(in.name, i);
            bool infinite = false;
            if (v) {
                if (auto st = filler.set(i, *v, infinite); !st) return st;
                column.push_back(*v);
            } else {
                column.push_back(nullptr);
            }
            if (infinite) infiniteRows.push_back(i + 1);
        }
        r.inputs[in.name] = std::move(filler.tensor);
        r.columns[in.name] = std::move(column);
    }
    if (!infiniteRows.empty()) {
        std::string list;
        for (std::size_t i = 0; i < infiniteRows.size() && i < 10; ++i)
            list += (list.empty() ? "" : ", ") + std::to_string(infiniteRows[i]);
        r.warnings.push_back("an infinite number was predicted as if missing (rows " + list +
                             (infiniteRows.size() > 10 ? ", …)" : ")"));
    }
    return {};
}

Result<PredictRequest> fromRows(const ServedModel& model, const json& rows, const RequestLimits& limits) {
    if (auto st = tooMany(rows.size(), limits); !st) return st.error();
    std::vector<std::string> given;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].is_object())
            return makeError(ErrorCode::InvalidArgument,
                             "row " + std::to_string(i + 1) + " is not an object of column: value",
                             "row " + std::to_string(i + 1));
        for (const auto& [key, _] : rows[i].items())
            if (std::find(given.begin(), given.end(), key) == given.end()) given.push_back(key);
    }
    PredictRequest r;
    if (auto st = checkColumns(model, given, r); !st) return st.error();
    auto valueAt = [&](const std::string& name, std::size_t i) -> const json* {
        auto it = rows[i].find(name);
        return it == rows[i].end() ? nullptr : &*it;
    };
    auto st = model.images() ? fillImagesFromJson(model, rows.size(), valueAt, r) : fill(model, rows.size(), valueAt, r);
    if (!st) return st.error();
    return r;
}

Result<PredictRequest> fromColumns(const ServedModel& model, const json& columns,
                                   const RequestLimits& limits) {
    std::vector<std::string> given;
    std::size_t rows = 0;
    bool first = true;
    for (const auto& [key, values] : columns.items()) {
        if (!values.is_array())
            return makeError(ErrorCode::InvalidArgument, "column '" + key + "' is not an array of values",
                             "column " + key);
        if (!first && values.size() != rows)
            return makeError(ErrorCode::InvalidArgument,
                             "column '" + key + "' holds " + std::to_string(values.size()) +
                                 " values where the columns before it hold " + std::to_string(rows),
                             "column " + key);
        rows = values.size();
        first = false;
        given.push_back(key);
    }
    if (auto st = tooMany(rows, limits); !st) return st.error();
    PredictRequest r;
    if (auto st = checkColumns(model, given, r); !st) return st.error();
    auto valueAt = [&](const std::string& name, std::size_t i) -> const json* { return &columns[name][i]; };
    auto st = model.images() ? fillImagesFromJson(model, rows, valueAt, r) : fill(model, rows, valueAt, r);
    if (!st) return st.error();
    return r;
}

}  // namespace

Result<PredictRequest> parseJsonRequest(const ServedModel& model, std::string_view body,
                                        const RequestLimits& limits) {
    json doc = json::parse(body.begin(), body.end(), nullptr, false);
    if (doc.is_discarded())
        return makeError(ErrorCode::InvalidArgument, "the body is not valid JSON",
                         "give {\"rows\": [{\"column\": value, …}]} or {\"columns\": {\"column\": [values]}}");
    if (doc.is_array()) return fromRows(model, doc, limits);
    if (doc.is_object() && doc.contains("rows") && doc["rows"].is_array())
        return fromRows(model, doc["rows"], limits);
    if (doc.is_object() && doc.contains("columns") && doc["columns"].is_object())
        return fromColumns(model, doc["columns"], limits);
    return makeError(ErrorCode::InvalidArgument,
                     "the body holds neither \"rows\" (an array of objects) nor \"columns\" (an "
                     "object of arrays)",
                     "give {\"rows\": [{\"column\": value, …}]} or {\"columns\": {\"column\": [values]}}");
}

Result<PredictRequest> parseImageRequest(const ServedModel& model, const std::string& body) {
    if (!model.images())
        return makeError(ErrorCode::InvalidArgument, "this model takes table columns, not a picture",
                         "send JSON rows or CSV");
    PredictRequest r;
    auto st = fillImages(model, 1, [&](std::size_t, std::string& bytes) -> Status {
        bytes = body;
        return {};
    }, r);
    if (!st) return makeError(st.error().code, st.error().message.substr(st.error().message.find(": ") + 2), "the body");
    return r;
}

Result<PredictRequest> parseCsvRequest(const ServedModel& model, const std::string& body,
                                       const RequestLimits& limits) {
    if (model.images())
        return makeError(ErrorCode::InvalidArgument, "this model takes pictures, not CSV",
                         "send the picture as the body (Content-Type image/png, …) or base64 in JSON rows");
    ScratchFolder scratch("kiln-serve-");
    const fs::path file = scratch.path() / "body.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << body;
        if (!out) return makeError(ErrorCode::Io, "cannot keep the CSV body for reading", scratch.path().string());
    }
    ObjectStore store(scratch.path() / "objects");
    NullJobContext job;
    auto read = readCsvTable(store, file, ImportOptions{}, job);
    if (!read) {
        Error e = read.error();
        e.context = std::string("the CSV body") + (e.context.empty() ? "" : ", " + e.context);
        return e;
    }
    auto table = Table::open(store, read->manifestHash);
    if (!table) return table.error();
    if (auto st = tooMany((*table)->rows(), limits); !st) return st.error();
    PredictRequest r;
    std::vector<std::string> given;
    for (const auto& c : read->manifest.columns) given.push_back(c.name);
    if (auto st = checkColumns(model, given, r); !st) return st.error();
    std::vector<std::pair<std::string, std::string>> inputs;
    for (const auto& in : model.inputs) inputs.emplace_back(in.name, in.type);
    std::vector<std::uint64_t> rows((*table)->rows());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    RowIssues issues;  // as kiln predict reads: infinite numbers fed as missing
    auto raw = rawTableInputs(**table, inputs, rows, &issues);
    if (!raw) return raw.error();
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (!issues.errors[i].empty())
            return makeError(ErrorCode::InvalidArgument,
                             "row " + std::to_string(i + 1) + ": " + issues.errors[i],
                             "row " + std::to_string(i + 1));
    if (std::any_of(issues.notes.begin(), issues.notes.end(), [](const std::string& n) { return !n.empty(); }))
        r.warnings.push_back("an infinite number (or one beyond float's range) was predicted as if missing");
    r.inputs = std::move(*raw);
    r.rows = rows.size();
    for (const auto& in : model.inputs) {
        const ColumnView& column = (*table)->column(std::size_t((*table)->columnIndex(in.name)));
        const bool numeric = isNumeric(column.info().type);
        json values = json::array();
        for (auto row : rows)
            values.push_back(column.isMissing(row) ? json(nullptr)
                             : numeric             ? json(column.number(row))
                                                   : json(column.text(row)));
        r.columns[in.name] = std::move(values);
    }
    return r;
}

}  // namespace kiln
