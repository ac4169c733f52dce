#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.h"
#include "core/export/host_tensor.h"

namespace kiln {

class OnnxExecutor;

// Predictions for every row or image of an input, in the input's order.
struct PredictionTable {
    bool classification = false;       // the model has label/probabilities outputs (else value)
    std::vector<std::string> ids;      // "1", "2", … (data rows) or image paths
    std::vector<std::string> classes;  // from the model's metadata; empty for regression
    std::vector<std::int64_t> labels;  // class index per row
    std::vector<float> probabilities;  // [rows, classes]
    std::vector<float> values;         // regression
    // Per row: "" or why the row has no prediction (a cell that is not a date, an image that
    // does not decode, an output that is not a number); such rows' outputs are meaningless.
    std::vector<std::string> errors;
    std::vector<std::string> warnings;  // e.g. columns the model does not use, rows without
    double readSeconds = 0, inferSeconds = 0;
    std::size_t rows() const { return ids.size(); }
    bool hasErrors() const;
};

// How to predict.
struct PredictOptions {
    std::size_t batchRows = 8192;  // rows per executor call (at most 8192)
    int threads = 0;               // batches run side by side (0: every core)
};

// Runs a Kiln-exported ONNX file on a CSV/TSV file (columns matched to inputs by name; missing
// columns are an error naming them, extra ones a warning; missing cells and unseen categories
// predict normally; infinite numbers are predicted as missing, with a warning naming the rows;
// a cell that is not a number or a date leaves its row without a prediction, listed in
// `errors` and a warning) or on a folder of images (decoded, RGB, area-resized to the training
// size as in training; an image that does not decode gets no prediction, the others do).
// NotFound, InvalidArgument, Corrupt (a model file that is empty, not ONNX, or not a Kiln
// export) or Unsupported with a message a person can act on.
Result<PredictionTable> predictFile(const std::filesystem::path& model,
                                    const std::filesystem::path& data,
                                    const PredictOptions& options = {});

// The same with an executor already loaded.
Result<PredictionTable> predictWith(const OnnxExecutor& executor, const std::filesystem::path& data,
                                    const PredictOptions& options = {});

// Runs `executor` on `rows` rows of graph inputs already built (rawTableInputs) in batches, side
// by side as predictFile runs them, and appends the outputs to `table` (whose classification and
// classes describeKilnOutputs has set). The first batch's error stops the rest and is returned.
Status predictInputs(const OnnxExecutor& executor, const std::map<std::string, HostTensor>& inputs,
                     std::size_t rows, const PredictOptions& options, PredictionTable& table);

// Checks that `executor` holds a model Kiln exported (inputs; label, probabilities and
// kiln.classes, or value) and sets `table`'s classification and classes from it. Corrupt naming
// what is missing.
Status describeKilnOutputs(const OnnxExecutor& executor, PredictionTable& table);

// The image size and channels an image model's recipe names (32×32 RGB when it names none). The
// file may come from anywhere: a size outside training's 8..512 or channels other than 1 and 3
// are Corrupt rather than allocated or decoded into.
Result<std::pair<int, int>> modelImageCoding(const OnnxExecutor& executor);

// Decodes an image held in memory (PNG, JPEG, BMP, TIFF, WebP) as kiln predict decodes a file:
// its header checked first (checkImageBytes), then RGB (or grey), area-resized to size × size,
// NHWC into `out` (size·size·channels bytes). Corrupt saying why when it does not decode.
Status decodeModelImage(const std::string& bytes, int size, int channels, std::uint8_t* out);

// Writes the table as CSV (RFC 4180: fields with a comma, a quote or a line break are quoted,
// quotes doubled; CRLF-free "\n" line ends): row (or path), label, then p_<class> per class; or
// row, value; then `error` when some row has no prediction (its other cells empty). Text that
// a spreadsheet would run as a formula (starting with = + - @, a tab or a CR, and not a plain
// number) is prefixed with a single quote.
void writePredictionsCsv(const PredictionTable& table, std::ostream& out);

// One CSV field as writePredictionsCsv writes text: neutralised, then quoted when needed.
std::string csvTextField(const std::string& text);

// Rows [begin, begin + count) of every [N, …] tensor in `inputs`.
std::map<std::string, HostTensor> sliceRows(const std::map<std::string, HostTensor>& inputs,
                                            std::size_t begin, std::size_t count);

}  // namespace kiln
