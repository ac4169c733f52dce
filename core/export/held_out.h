#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/export/host_tensor.h"

namespace kiln {

class ObjectStore;
class Table;
struct TrainedModel;

// A run's held-out (test split) rows in both forms: raw graph inputs for the exported file and
// the recipe's preprocessed features for the trained LibTorch model, plus the true targets.
struct HeldOutData {
    std::vector<std::uint64_t> rows;                // dataset rows, in order
    std::map<std::string, HostTensor> rawInputs;    // by graph input name
    std::vector<float> features;                    // tables: [rows, width]
    std::vector<std::uint8_t> pixels;               // images: [rows, C, S, S]
    std::vector<int> labels;                        // classification: class index (-1 unknown)
    std::vector<double> targets;                    // regression: the target in its units
    // Which split the rows come from: "test", "validation" when the split has no test part,
    // "training" when it has no held-out rows at all (then nothing is held out: say so).
    std::string part = "test";
    std::size_t count() const { return rows.size(); }
};

// Reads the run's dataset version from `store` and builds the held-out data for at most
// `maxRows` test rows (0: all); validation rows when the split has no test part, training rows
// when it holds nothing out (see HeldOutData::part). NotFound when the dataset is gone from the
// workspace.
Result<HeldOutData> loadHeldOut(const TrainedModel& model, const ObjectStore& store,
                                std::size_t maxRows = 0);

// What a tolerant read of raw inputs found, per entry of `rows` ("" when nothing).
struct RowIssues {
    std::vector<std::string> errors;  // a cell the model cannot take: the row gets no prediction
    std::vector<std::string> notes;   // an infinite number (or one beyond float), fed as missing
};

// Raw graph inputs for `rows` of a table, one per (name → ONNX element type) pair: "float"
// inputs take numbers (booleans 0/1; text is parsed; missing → NaN), "double" inputs take dates
// as days since 1970-01-01 (text is parsed as a date), "string" inputs take the cell text (""
// when missing). NotFound names every input column the table lacks. Without `issues`,
// InvalidArgument names the first cell that is not a number (or date); with it, such cells are
// fed as missing and listed in issues->errors, and infinite numbers (and numbers beyond float's
// range) are fed as missing and listed in issues->notes.
Result<std::map<std::string, HostTensor>> rawTableInputs(
    const Table& table, const std::vector<std::pair<std::string, std::string>>& inputs,
    const std::vector<std::uint64_t>& rows, RowIssues* issues = nullptr);

}  // namespace kiln
