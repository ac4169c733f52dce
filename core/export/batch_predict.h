#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/export/host_tensor.h"

namespace kiln {

class OnnxExecutor;

// Predictions for every row or image of an input, in the input's order.
struct PredictionTable {
    std::vector<std::string> ids;      // "1", "2", … (data rows) or image paths
    std::vector<std::string> classes;  // from the model's metadata; empty for regression
    std::vector<std::int64_t> labels;  // class index per row
    std::vector<float> probabilities;  // [rows, classes]
    std::vector<float> values;         // regression
    std::vector<std::string> warnings; // e.g. columns the model does not use
    double readSeconds = 0, inferSeconds = 0;
    std::size_t rows() const { return ids.size(); }
};

// How to predict.
struct PredictOptions {
    std::size_t batchRows = 65536;  // rows per executor call
    int threads = 0;                // LibTorch threads (0: every core)
};

// Runs a Kiln-exported ONNX file on a CSV/TSV file (columns matched to inputs by name; missing
// columns are an error naming them, extra ones a warning; missing cells and unseen categories
// predict normally) or on a folder of images (decoded, RGB, area-resized to the training size as
// in training). NotFound, InvalidArgument or Unsupported with a message a person can act on.
Result<PredictionTable> predictFile(const std::filesystem::path& model,
                                    const std::filesystem::path& data,
                                    const PredictOptions& options = {});

// The same with an executor already loaded.
Result<PredictionTable> predictWith(const OnnxExecutor& executor, const std::filesystem::path& data,
                                    const PredictOptions& options = {});

// Writes the table as CSV: row (or path), label, then p_<class> per class; or row, value.
void writePredictionsCsv(const PredictionTable& table, std::ostream& out);

// Rows [begin, begin + count) of every [N, …] tensor in `inputs`.
std::map<std::string, HostTensor> sliceRows(const std::map<std::string, HostTensor>& inputs,
                                            std::size_t begin, std::size_t count);

}  // namespace kiln
