#pragma once
// Internal to core/train: XGBoost's C API behind small owners. Only the tree files include it,
// so no public header (and no user of kiln_core) sees XGBoost.

#include <xgboost/c_api.h>

#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiln::xgb {

// An XGBoost call failed; what() is XGBoost's own message.
struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline void check(int rc, const char* what) {
    if (rc != 0) throw Failure(std::string(what) + ": " + XGBGetLastError());
}

struct MatrixDeleter {
    void operator()(void* m) const { XGDMatrixFree(m); }
};
struct BoosterDeleter {
    void operator()(void* b) const { XGBoosterFree(b); }
};
using Matrix = std::unique_ptr<void, MatrixDeleter>;
using Booster = std::shared_ptr<void>;  // shared: a predictor outlives the training that made it

// A dense row-major [rows, width] matrix; NaN is missing.
inline Matrix denseMatrix(const float* x, std::size_t rows, int width, int threads) {
    DMatrixHandle h = nullptr;
    check(XGDMatrixCreateFromMat_omp(x, bst_ulong(rows), bst_ulong(width),
                                     std::numeric_limits<float>::quiet_NaN(), &h, threads),
          "creating the data matrix");
    return Matrix(h);
}

inline void setFloats(const Matrix& m, const char* field, const std::vector<float>& v) {
    check(XGDMatrixSetFloatInfo(m.get(), field, v.data(), bst_ulong(v.size())), field);
}

// A booster whose prediction cache holds `cached` (the matrices it predicts every round).
inline Booster newBooster(const std::vector<const Matrix*>& cached) {
    std::vector<DMatrixHandle> handles;
    for (const auto* m : cached) handles.push_back(m->get());
    BoosterHandle h = nullptr;
    check(XGBoosterCreate(handles.data(), bst_ulong(handles.size()), &h), "creating the booster");
    return Booster(h, BoosterDeleter{});
}

inline void setParam(const Booster& b, const std::string& name, const std::string& value) {
    check(XGBoosterSetParam(b.get(), name.c_str(), value.c_str()), name.c_str());
}

// Predictions for every row of `m` in XGBoost's own buffer, valid until the booster's next call
// on this thread: `margin` raw scores, else the objective's outputs (probabilities). Row-major
// [rows, columns]. Matrices in the booster's prediction cache only predict the newest trees.
struct PredictionView {
    const float* values = nullptr;
    std::size_t rows = 0, columns = 1;
};

inline PredictionView predictView(const Booster& b, const Matrix& m, bool margin) {
    std::string config = std::string("{\"type\": ") + (margin ? "1" : "0") +
                         ", \"training\": false, \"iteration_begin\": 0, \"iteration_end\": 0, "
                         "\"strict_shape\": true}";
    const bst_ulong* shape = nullptr;
    bst_ulong dim = 0;
    PredictionView view;
    check(XGBoosterPredictFromDMatrix(b.get(), m.get(), config.c_str(), &shape, &dim, &view.values),
          "predicting");
    view.rows = dim >= 1 ? std::size_t(shape[0]) : 0;
    for (bst_ulong i = 1; i < dim; ++i) view.columns *= std::size_t(shape[i]);
    return view;
}

// predictView copied out.
inline std::vector<float> predict(const Booster& b, const Matrix& m, bool margin,
                                  std::size_t& columns) {
    PredictionView v = predictView(b, m, margin);
    columns = v.columns;
    return std::vector<float>(v.values, v.values + v.rows * v.columns);
}

// The leaf each row reaches in each tree: [rows, trees] node ids.
inline std::vector<float> predictLeaves(const Booster& b, const Matrix& m, std::size_t& trees) {
    const char* config =
        "{\"type\": 6, \"training\": false, \"iteration_begin\": 0, \"iteration_end\": 0, "
        "\"strict_shape\": false}";
    const bst_ulong* shape = nullptr;
    bst_ulong dim = 0;
    const float* out = nullptr;
    check(XGBoosterPredictFromDMatrix(b.get(), m.get(), config, &shape, &dim, &out),
          "predicting leaves");
    std::size_t n = 1;
    for (bst_ulong i = 0; i < dim; ++i) n *= shape[i];
    trees = dim >= 2 ? n / std::size_t(shape[0]) : 1;
    return std::vector<float>(out, out + n);
}

inline std::string saveToBuffer(const Booster& b, const char* format) {
    bst_ulong len = 0;
    const char* data = nullptr;
    std::string config = std::string("{\"format\": \"") + format + "\"}";
    check(XGBoosterSaveModelToBuffer(b.get(), config.c_str(), &len, &data), "saving the model");
    return std::string(data, data + len);
}

inline void loadFromBuffer(const Booster& b, const std::string& bytes) {
    check(XGBoosterLoadModelFromBuffer(b.get(), bytes.data(), bst_ulong(bytes.size())),
          "loading the model");
}

// The first `rounds` boosting rounds of `b` as a booster of their own.
inline Booster slice(const Booster& b, int rounds) {
    BoosterHandle out = nullptr;
    check(XGBoosterSlice(b.get(), 0, rounds, 1, &out), "cutting the model at the best round");
    return Booster(out, BoosterDeleter{});
}

// One JSON text per tree, with split gains and covers.
inline std::vector<std::string> dumpTrees(const Booster& b) {
    bst_ulong n = 0;
    const char** dump = nullptr;
    check(XGBoosterDumpModelEx(b.get(), "", 1, "json", &n, &dump), "reading the trees");
    return std::vector<std::string>(dump, dump + n);
}

}  // namespace kiln::xgb
