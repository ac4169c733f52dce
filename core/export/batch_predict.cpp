#include "core/export/batch_predict.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <atomic>
#include <optional>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

#include "core/base/json_number.h"
#include "core/base/parallel.h"
#include "core/data/csv_import.h"
#include "core/data/image_folder.h"
#include "core/data/image_header.h"
#include "core/data/table.h"
#include "core/export/held_out.h"
#include "core/export/onnx_executor.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"
#include "core/store/scratch_folder.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Appends output `name` of one batch to `to`; Corrupt when it does not hold `expected` values.
template <class T>
Status append(const std::map<std::string, HostTensor>& out, const std::string& name,
              std::vector<T> HostTensor::*member, std::size_t expected, std::vector<T>& to) {
    auto it = out.find(name);
    if (it == out.end() || (it->second.*member).size() != expected)
        return makeError(ErrorCode::Corrupt, "the model's output '" + name +
                                                 "' does not have the shape of "
                                                 "a Kiln export");
    const auto& from = it->second.*member;
    to.insert(to.end(), from.begin(), from.end());
    return {};
}

// Appends one batch's outputs (for `count` rows) to the table.
Status collect(const std::map<std::string, HostTensor>& out, std::size_t count,
               PredictionTable& t) {
    if (!t.classification) return append(out, "value", &HostTensor::floats, count, t.values);
    if (auto st = append(out, "label", &HostTensor::int64s, count, t.labels); !st) return st;
    return append(out, "probabilities", &HostTensor::floats, count * t.classes.size(),
                  t.probabilities);
}

// Rows per batch at most: small enough that each node's tensors stay in the allocator's reused
// heap (no page faults per node) and the threads stay busy to the end.
constexpr std::size_t kMaxBatchRows = 8192;

// Runs the rows in batches, side by side on the threads asked for, LibTorch single-threaded in
// each: an MLP's nodes are too small for intra-op threads to pay for their wake-ups, whole
// batches are not. Each batch is computed the same way whatever the thread count, so the
// predictions are too. Outputs are collected in row order.
Status runBatches(const OnnxExecutor& exec, const std::map<std::string, HostTensor>& inputs,
                  std::size_t rows, const PredictOptions& o, PredictionTable& t) {
    auto started = Clock::now();
    const int threads = o.threads > 0 ? o.threads : defaultThreadCount();
    const std::size_t batchRows = std::max<std::size_t>(1, std::min(o.batchRows, kMaxBatchRows));
    const std::size_t batches = rows == 0 ? 0 : (rows + batchRows - 1) / batchRows;
    std::vector<std::optional<Result<std::map<std::string, HostTensor>>>> outputs(batches);
    std::atomic<bool> failed{false};
    OnnxExecutor::setThreads(1);
    const int workers = int(std::min<std::size_t>(std::size_t(threads), std::max<std::size_t>(batches, 1)));
    parallelSlices(batches, workers, [&](int, std::uint64_t begin, std::uint64_t end) {
        for (std::size_t b = begin; b < end && !failed; ++b) {
            const std::size_t from = b * batchRows;
            outputs[b] = exec.run(sliceRows(inputs, from, std::min(batchRows, rows - from)));
            if (!*outputs[b]) failed = true;  // the first error stops the others
        }
    });
    OnnxExecutor::setThreads(o.threads);
    for (const auto& out : outputs)  // batches after an error stay unrun
        if (out && !*out) return out->error();
    for (std::size_t b = 0; b < batches; ++b) {
        if (auto st = collect(**outputs[b], std::min(batchRows, rows - b * batchRows), t); !st) return st;
        outputs[b].reset();  // free as we go
    }
    t.inferSeconds += std::chrono::duration<double>(Clock::now() - started).count();
    return {};
}

// `value` as printf's %.{digits}g writes it (std::to_chars promises the same text), in `buf`.
std::string_view shortest(char (&buf)[32], double value, int digits) {
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, digits);
    return ec == std::errc() ? std::string_view(buf, std::size_t(end - buf)) : std::string_view("nan");
}

// "row 3: …; row 8: …" for the rows with a text in `byRow`, at most ten of them.
std::string listRows(const PredictionTable& t, const std::vector<std::string>& byRow,
                     std::size_t& count) {
    std::string list;
    count = 0;
    for (std::size_t i = 0; i < byRow.size(); ++i) {
        if (byRow[i].empty()) continue;
        bool row = t.ids[i].find_first_not_of("0123456789") == std::string::npos;  // else an image
        if (++count <= 10)
            list += (list.empty() ? "" : "; ") + std::string(row ? "row " : "") + t.ids[i] + ": " +
                    byRow[i];
    }
    if (count > 10) list += "; and " + std::to_string(count - 10) + " more";
    return list;
}

// Marks the rows whose outputs are not numbers and says which rows have no prediction.
void finish(PredictionTable& t) {
    const std::size_t k = t.classes.size();
    t.errors.resize(t.rows());
    for (std::size_t i = 0; i < t.rows(); ++i) {
        bool finite = t.classification ? true : std::isfinite(t.values[i]);
        for (std::size_t c = 0; t.classification && c < k; ++c)
            finite = finite && std::isfinite(t.probabilities[i * k + c]);
        if (!finite && t.errors[i].empty()) t.errors[i] = "the model's output is not a number";
    }
    std::size_t count = 0;
    std::string list = listRows(t, t.errors, count);
    if (count)
        t.warnings.push_back(std::to_string(count) + (count == 1 ? " row has" : " rows have") +
                             " no prediction (" + list + ")");
}

Result<PredictionTable> predictCsv(const OnnxExecutor& exec, const fs::path& data,
                                   const PredictOptions& o, PredictionTable t) {
    auto started = Clock::now();
    ScratchFolder scratch("kiln-predict-");
    ObjectStore store(scratch.path());
    NullJobContext job;
    auto read = readCsvTable(store, data, ImportOptions{}, job);
    if (!read) return read.error();
    auto table = Table::open(store, read->manifestHash);
    if (!table) return table.error();
    std::vector<std::pair<std::string, std::string>> inputs;
    for (const auto& name : exec.inputNames()) {
        if (exec.inputType(name) == "uint8")
            return makeError(ErrorCode::InvalidArgument,
                             "this model takes images; give it a folder of images, not a CSV file");
        inputs.emplace_back(name, exec.inputType(name));
    }
    std::string extra;
    for (const auto& c : read->manifest.columns)
        if (std::find(exec.inputNames().begin(), exec.inputNames().end(), c.name) == exec.inputNames().end())
            extra += (extra.empty() ? "" : ", ") + c.name;
    if (!extra.empty()) t.warnings.push_back("columns the model does not use were ignored: " + extra);
    std::vector<std::uint64_t> rows((*table)->rows());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    RowIssues issues;
    auto raw = rawTableInputs(**table, inputs, rows, &issues);
    if (!raw) {
        const std::string& where = raw.error().context;
        return makeError(raw.error().code, raw.error().message, data.string() + (where.empty() ? "" : ", " + where));
    }
    for (std::size_t i = 0; i < rows.size(); ++i) t.ids.push_back(std::to_string(i + 1));
    t.readSeconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (auto st = runBatches(exec, *raw, rows.size(), o, t); !st) return st.error();
    std::size_t count = 0;
    std::string notes = listRows(t, issues.notes, count);
    if (count)
        t.warnings.push_back(std::to_string(count) + (count == 1 ? " row holds" : " rows hold") +
                             " an infinite number (or one beyond float's range), predicted as if "
                             "that cell were missing (" +
                             notes + ")");
    t.errors = std::move(issues.errors);
    return t;
}

// A decoded picture as the model takes it: RGB (or grey), area-resized to size × size, NHWC rows
// into `dst`.
void toModelPixels(cv::Mat img, int size, int channels, std::uint8_t* dst) {
    if (channels == 3) cv::cvtColor(img, img, cv::COLOR_BGR2RGB);
    cv::Mat resized;
    cv::resize(img, resized, cv::Size(size, size), 0, 0, cv::INTER_AREA);
    for (int y = 0; y < size; ++y)
        std::memcpy(dst + std::size_t(y * size * channels), resized.ptr<std::uint8_t>(y), std::size_t(size * channels));
}

}  // namespace

Result<std::pair<int, int>> modelImageCoding(const OnnxExecutor& exec) {
    const auto& meta = exec.metadata();
    auto recipe = json::parse(meta.count("kiln.recipe") ? meta.at("kiln.recipe") : "{}", nullptr, false);
    const json image = recipe.is_object() ? recipe.value("image", json::object()) : json::object();
    int size = 32, channels = 3;
    try {
        if (image.is_object()) {
            size = integerField(image, "size", 32);
            channels = integerField(image, "channels", 3);
        }
    } catch (const json::exception& e) {
        return makeError(ErrorCode::Corrupt, std::string("the model's recipe is malformed: ") + e.what());
    }
    if (size < 8 || size > 512 || (channels != 1 && channels != 3))
        return makeError(ErrorCode::Corrupt,
                         "the model's recipe asks for " + std::to_string(size) + "×" + std::to_string(size) +
                             " images with " + std::to_string(channels) +
                             " channels; Kiln models take 8..512 pixels and 1 or 3 channels");
    return std::pair<int, int>(size, channels);
}

Status decodeModelImage(const std::string& bytes, int size, int channels, std::uint8_t* out) {
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    if (auto header = checkImageBytes(data, bytes.size(), ""); !header) return header;
    try {
        cv::Mat encoded(1, int(bytes.size()), CV_8U, const_cast<std::uint8_t*>(data));
        cv::Mat img = cv::imdecode(encoded, channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
        if (img.empty()) return makeError(ErrorCode::Corrupt, "the image does not decode");
        toModelPixels(img, size, channels, out);
    } catch (const cv::Exception& e) {
        return makeError(ErrorCode::Corrupt, std::string("OpenCV cannot read the image: ") + e.what());
    }
    return {};
}

namespace {

Result<PredictionTable> predictImages(const OnnxExecutor& exec, const fs::path& folder,
                                      const PredictOptions& o, PredictionTable t) {
    if (exec.inputNames().size() != 1 || exec.inputType(exec.inputNames()[0]) != "uint8")
        return makeError(ErrorCode::InvalidArgument,
                         "this model takes table columns; give it a CSV file, not an image folder");
    auto coding = modelImageCoding(exec);
    if (!coding) return coding.error();
    const auto [size, channels] = *coding;
    auto files = listImageFolder(folder);
    if (!files) return files.error();
    auto started = Clock::now();
    HostTensor x;
    x.type = HostTensor::Type::UInt8;
    x.shape = {std::int64_t(files->size()), size, size, channels};
    x.bytes.resize(files->size() * std::size_t(size * size * channels));
    t.errors.resize(files->size());
    for (std::size_t i = 0; i < files->size(); ++i) {
        const auto& f = (*files)[i];
        t.ids.push_back(f.relative);
        if (auto header = checkImageHeader(f.path); !header) {
            t.errors[i] = header.error().message;
            continue;
        }
        try {
            cv::Mat img = cv::imread(f.path.string(), channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
            if (img.empty()) {
                t.errors[i] = "the image does not decode";
                continue;
            }
            toModelPixels(img, size, channels, x.bytes.data() + i * std::size_t(size * size * channels));
        } catch (const cv::Exception& e) {
            t.errors[i] = std::string("OpenCV cannot read the image: ") + e.what();
        }
    }
    t.readSeconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::map<std::string, HostTensor> inputs{{exec.inputNames()[0], std::move(x)}};
    PredictOptions small = o;
    small.batchRows = std::min<std::size_t>(o.batchRows, 256);
    if (auto st = runBatches(exec, inputs, t.ids.size(), small, t); !st) return st.error();
    return t;
}

}  // namespace

std::map<std::string, HostTensor> sliceRows(const std::map<std::string, HostTensor>& inputs,
                                            std::size_t begin, std::size_t count) {
    std::map<std::string, HostTensor> out;
    for (const auto& [name, t] : inputs) {
        HostTensor s;
        s.type = t.type;
        s.shape = t.shape;
        std::size_t stride = 1;
        for (std::size_t d = 1; d < t.shape.size(); ++d) stride *= std::size_t(t.shape[d]);
        s.shape[0] = std::int64_t(count);
        auto from = begin * stride, n = count * stride;
        auto copy = [&](const auto& v, auto& to) {
            if (!v.empty()) to.assign(v.begin() + long(from), v.begin() + long(from + n));
        };
        copy(t.floats, s.floats);
        copy(t.doubles, s.doubles);
        copy(t.int64s, s.int64s);
        copy(t.bytes, s.bytes);
        copy(t.strings, s.strings);
        out[name] = std::move(s);
    }
    return out;
}

Status predictInputs(const OnnxExecutor& exec, const std::map<std::string, HostTensor>& inputs,
                     std::size_t rows, const PredictOptions& o, PredictionTable& t) {
    return runBatches(exec, inputs, rows, o, t);
}

Status describeKilnOutputs(const OnnxExecutor& exec, PredictionTable& t) {
    const auto& outs = exec.outputNames();
    auto has = [&](const char* name) {
        return std::find(outs.begin(), outs.end(), name) != outs.end();
    };
    std::string why;
    auto classes = exec.metadata().find("kiln.classes");
    if (exec.inputNames().empty())
        why = "it has no inputs";
    else if (has("label") && has("probabilities")) {
        t.classification = true;
        auto j = classes == exec.metadata().end() ? json()
                                                  : json::parse(classes->second, nullptr, false);
        if (j.is_array() && !j.empty() &&
            std::all_of(j.begin(), j.end(), [](const json& c) { return c.is_string(); }))
            t.classes = j.get<std::vector<std::string>>();
        else
            why = "it has no class names (metadata kiln.classes)";
    } else if (!has("value")) {
        why = "it has neither 'label' and 'probabilities' outputs nor a 'value' output";
    }
    if (why.empty()) return {};
    return makeError(ErrorCode::Corrupt, "not a model exported by Kiln: " + why);
}

Result<PredictionTable> predictWith(const OnnxExecutor& exec, const fs::path& data,
                                    const PredictOptions& o) {
    OnnxExecutor::setThreads(o.threads);
    PredictionTable t;
    if (auto st = describeKilnOutputs(exec, t); !st) return st.error();
    std::error_code ec;
    if (!fs::exists(data, ec))
        return makeError(ErrorCode::NotFound, "no such file or folder", data.string());
    auto done = fs::is_directory(data, ec) ? predictImages(exec, data, o, std::move(t))
                                           : predictCsv(exec, data, o, std::move(t));
    if (done) finish(*done);
    return done;
}

Result<PredictionTable> predictFile(const fs::path& model, const fs::path& data,
                                    const PredictOptions& o) {
    auto exec = OnnxExecutor::load(model);
    if (!exec) return exec.error();
    auto t = predictWith(*exec, data, o);
    if (!t && t.error().code == ErrorCode::Corrupt && t.error().context.empty())
        return makeError(ErrorCode::Corrupt, t.error().message, model.string());
    return t;
}

bool PredictionTable::hasErrors() const {
    return std::any_of(errors.begin(), errors.end(),
                       [](const std::string& e) { return !e.empty(); });
}

namespace {

// True for text that reads as a plain decimal number ("-1.5", "+3e2"): safe in a spreadsheet.
bool plainNumber(const std::string& s) {
    if (s.find_first_not_of("0123456789.eE+-") != std::string::npos) return false;
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && s.find_first_of("0123456789") != std::string::npos;
}

}  // namespace

std::string csvTextField(const std::string& text) {
    std::string s = text;
    if (!s.empty() && std::strchr("=+-@\t\r", s[0]) && !plainNumber(s)) s.insert(0, 1, '\'');
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string quoted = "\"";
    for (char c : s) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

void writePredictionsCsv(const PredictionTable& t, std::ostream& out) {
    const bool errors = t.hasErrors();
    std::string line = std::string("row,") + (t.classification ? "label" : "value");
    for (const auto& c : t.classes) line += "," + csvTextField("p_" + c);
    out << line << (errors ? ",error\n" : "\n");
    const std::size_t k = t.classes.size();
    char buf[32];
    for (std::size_t i = 0; i < t.rows(); ++i) {
        line = csvTextField(t.ids[i]) + ',';
        const std::string& error = i < t.errors.size() ? t.errors[i] : std::string();
        if (!error.empty()) {
            line += std::string(t.classification ? k : 0, ',') + ',' + csvTextField(error);
        } else if (t.classification) {
            auto l = std::size_t(t.labels[i]);
            line += csvTextField(l < k ? t.classes[l] : std::to_string(l));
            for (std::size_t c = 0; c < k; ++c) {
                line += ',';
                line += shortest(buf, double(t.probabilities[i * k + c]), 6);
            }
            if (errors) line += ',';
        } else {
            line += shortest(buf, double(t.values[i]), 7);
            if (errors) line += ',';
        }
        line += '\n';
        out << line;
    }
}

}  // namespace kiln
