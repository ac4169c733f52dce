#include "core/export/batch_predict.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <chrono>
#include <nlohmann/json.hpp>
#include <random>

#include "core/data/csv_import.h"
#include "core/data/image_folder.h"
#include "core/data/table.h"
#include "core/export/held_out.h"
#include "core/export/onnx_executor.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

// A temporary object store for a CSV read, removed when it goes out of scope.
struct ScratchStore {
    fs::path dir;
    ScratchStore() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("kiln-predict-" + std::to_string(rd()));
        fs::create_directories(dir);
    }
    ~ScratchStore() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

// Appends one batch's outputs to the table.
void collect(const std::map<std::string, HostTensor>& out, PredictionTable& t) {
    if (auto p = out.find("probabilities"); p != out.end())
        t.probabilities.insert(t.probabilities.end(), p->second.floats.begin(), p->second.floats.end());
    if (auto l = out.find("label"); l != out.end())
        t.labels.insert(t.labels.end(), l->second.int64s.begin(), l->second.int64s.end());
    if (auto v = out.find("value"); v != out.end())
        t.values.insert(t.values.end(), v->second.floats.begin(), v->second.floats.end());
}

Status runBatches(const OnnxExecutor& exec, const std::map<std::string, HostTensor>& inputs,
                  std::size_t rows, const PredictOptions& o, PredictionTable& t) {
    auto started = Clock::now();
    for (std::size_t b = 0; b < rows; b += o.batchRows) {
        auto out = exec.run(sliceRows(inputs, b, std::min(o.batchRows, rows - b)));
        if (!out) return out.error();
        collect(*out, t);
    }
    t.inferSeconds += std::chrono::duration<double>(Clock::now() - started).count();
    return {};
}

Result<PredictionTable> predictCsv(const OnnxExecutor& exec, const fs::path& data,
                                   const PredictOptions& o, PredictionTable t) {
    auto started = Clock::now();
    ScratchStore scratch;
    ObjectStore store(scratch.dir);
    NullJobContext job;
    auto read = readCsvTable(store, data, CsvImportOptions{}, job);
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
    auto raw = rawTableInputs(**table, inputs, rows);
    if (!raw) {
        const std::string& where = raw.error().context;
        return Error{raw.error().code, raw.error().message, data.string() + (where.empty() ? "" : ", " + where)};
    }
    for (std::size_t i = 0; i < rows.size(); ++i) t.ids.push_back(std::to_string(i + 1));
    t.readSeconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (auto st = runBatches(exec, *raw, rows.size(), o, t); !st) return st.error();
    return t;
}

Result<PredictionTable> predictImages(const OnnxExecutor& exec, const fs::path& folder,
                                      const PredictOptions& o, PredictionTable t) {
    if (exec.inputNames().size() != 1 || exec.inputType(exec.inputNames()[0]) != "uint8")
        return makeError(ErrorCode::InvalidArgument,
                         "this model takes table columns; give it a CSV file, not an image folder");
    auto recipe = json::parse(exec.metadata().count("kiln.recipe") ? exec.metadata().at("kiln.recipe") : "{}",
                              nullptr, false);
    int size = recipe.is_object() && recipe.contains("image") ? recipe["image"].value("size", 32) : 32;
    int channels = recipe.is_object() && recipe.contains("image") ? recipe["image"].value("channels", 3) : 3;
    auto files = listImageFolder(folder);
    if (!files) return files.error();
    auto started = Clock::now();
    HostTensor x;
    x.type = HostTensor::Type::UInt8;
    x.shape = {std::int64_t(files->size()), size, size, channels};
    x.bytes.resize(files->size() * std::size_t(size * size * channels));
    try {
        for (std::size_t i = 0; i < files->size(); ++i) {
            const auto& f = (*files)[i];
            cv::Mat img = cv::imread(f.path.string(), channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
            if (img.empty()) return makeError(ErrorCode::Corrupt, "cannot decode image", f.path.string());
            if (channels == 3) cv::cvtColor(img, img, cv::COLOR_BGR2RGB);
            cv::Mat resized;
            cv::resize(img, resized, cv::Size(size, size), 0, 0, cv::INTER_AREA);
            std::uint8_t* dst = x.bytes.data() + i * std::size_t(size * size * channels);
            for (int y = 0; y < size; ++y)
                std::memcpy(dst + std::size_t(y * size * channels), resized.ptr<std::uint8_t>(y),
                            std::size_t(size * channels));
            t.ids.push_back(f.relative);
        }
    } catch (const cv::Exception& e) {
        return makeError(ErrorCode::Corrupt, std::string("OpenCV failed to read an image: ") + e.what(),
                         folder.string());
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

Result<PredictionTable> predictWith(const OnnxExecutor& exec, const fs::path& data,
                                    const PredictOptions& o) {
    OnnxExecutor::setThreads(o.threads);
    PredictionTable t;
    auto classes = exec.metadata().find("kiln.classes");
    if (classes != exec.metadata().end()) {
        auto j = json::parse(classes->second, nullptr, false);
        if (j.is_array()) t.classes = j.get<std::vector<std::string>>();
    }
    std::error_code ec;
    if (!fs::exists(data, ec))
        return makeError(ErrorCode::NotFound, "no such file or folder", data.string());
    if (fs::is_directory(data, ec)) return predictImages(exec, data, o, std::move(t));
    return predictCsv(exec, data, o, std::move(t));
}

Result<PredictionTable> predictFile(const fs::path& model, const fs::path& data,
                                    const PredictOptions& o) {
    auto exec = OnnxExecutor::load(model);
    if (!exec) return exec.error();
    return predictWith(*exec, data, o);
}

void writePredictionsCsv(const PredictionTable& t, std::ostream& out) {
    bool classify = !t.labels.empty();
    out << "row," << (classify ? "label" : "value");
    for (const auto& c : t.classes) out << ",p_" << c;
    out << "\n";
    const std::size_t k = t.classes.size();
    std::string line;
    char buf[32];
    for (std::size_t i = 0; i < t.rows(); ++i) {
        line = t.ids[i];
        line += ',';
        if (classify) {
            auto l = std::size_t(t.labels[i]);
            line += l < k ? t.classes[l] : std::to_string(l);
            for (std::size_t c = 0; c < k && t.probabilities.size() >= (i + 1) * k; ++c) {
                std::snprintf(buf, sizeof buf, ",%.6g", double(t.probabilities[i * k + c]));
                line += buf;
            }
        } else {
            std::snprintf(buf, sizeof buf, "%.7g", double(t.values[i]));
            line += buf;
        }
        line += '\n';
        out << line;
    }
}

}  // namespace kiln
