#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/train/run_spec.h"

namespace kiln {

class Table;
class ObjectStore;

// How one input column becomes model inputs; the numbers are fitted on the training rows only.
struct FeatureStep {
    std::string column;
    std::string kind;            // numeric | categorical | boolean | date
    bool indicator = false;      // numeric/date: an extra 0/1 input "column is missing"
    double fill = 0;             // numeric/date: the training median, used for missing cells
    double mean = 0, scale = 1;  // numeric: (x - mean) / scale; date: of the year
    std::vector<std::string> categories;  // categorical: one input per category, in this order
    int mode = 0;                      // categorical/boolean: most frequent, used for missing cells
    std::vector<std::string> outputs;  // names of the inputs this step makes
    // Tree families: numbers and dates are neither filled nor scaled (mean 0, scale 1, no
    // indicator); a missing or infinite cell becomes NaN in every output of the step, and the
    // trees learn which way it goes.
    bool keepMissing = false;
};

// How the target becomes labels: class names (index = label) or a standardised number.
struct TargetCoding {
    TaskKind task = TaskKind::Regression;
    std::vector<std::string> classes;  // classification
    double mean = 0, scale = 1;        // regression: models predict (y - mean) / scale
};

// Image inputs: decoded, resized to size×size, scaled to [0, 1], normalised per channel.
struct ImageCoding {
    bool enabled = false;
    std::string column = "sha256";  // object hashes of the image files
    int size = 32;
    int channels = 3;
    std::vector<double> mean, std;  // per channel, on the training images
    bool flip = false;              // random horizontal flips while training
};

// A fitted feature recipe: the steps that turn a table row into model inputs. Saved with the run
// as recipe.json; the ONNX export rebuilds the same steps inside its graph.
struct FeatureRecipe {
    std::vector<FeatureStep> steps;
    TargetCoding target;
    std::string targetColumn;
    ImageCoding image;
    // What fitting decided that a person should hear (infinite values treated as missing, …);
    // not saved in recipe.json.
    std::vector<std::string> notes;

    // Number of model inputs a tabular row becomes.
    int width() const;
    // Fits the steps on `trainRows` of `table` for the spec's features and target (for a tree
    // family, numbers keep their missing values and scale, see FeatureStep::keepMissing).
    static Result<FeatureRecipe> fit(const Table& table, const RunSpec& spec,
                                     const std::vector<std::uint64_t>& trainRows);
    // Writes the inputs of one tabular row into out[0 .. width()); NaN and ±inf numbers take the
    // step's fill (the training median), or stay NaN where the step keeps missing values.
    void transformRow(const Table& table, std::uint64_t row, float* out) const;
    // Writes the inputs of `rows`, one after another, into out[0 .. rows.size() × width()).
    void transformRows(const Table& table, const std::vector<std::uint64_t>& rows,
                       float* out) const;
    // The class index of a row's target (-1 when missing or a class unseen in the data).
    int label(const Table& table, std::uint64_t row) const;
    // The standardised regression target of a row (NaN when missing).
    double scaledTarget(const Table& table, std::uint64_t row) const;

    std::string toJson(int indent = 2) const;
    static Result<FeatureRecipe> fromJson(const std::string& json);
};

// The class names of a classification target, in a stable order (numbers numerically,
// categories in code order, text alphabetically); missing cells are not a class.
std::vector<std::string> targetClasses(const Table& table, const std::string& target);

// Rows whose target is present (and, for classification, one of `classes`).
std::vector<std::uint64_t> labelledRows(const Table& table, const FeatureRecipe& recipe);

// Decoded images for `rows`: uint8, row-major [rows, channels, size, size], resized with area
// interpolation; grey images are repeated to 3 channels and colour ones kept in RGB order.
Result<std::vector<std::uint8_t>> loadImages(const ObjectStore& store, const Table& table,
                                             const ImageCoding& coding,
                                             const std::vector<std::uint64_t>& rows);

// Fits the per-channel mean and standard deviation (of pixels scaled to [0, 1]) on decoded images.
void fitImageNormalisation(ImageCoding& coding, const std::vector<std::uint8_t>& pixels);

}  // namespace kiln
