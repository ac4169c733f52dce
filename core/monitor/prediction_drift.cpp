#include "core/monitor/prediction_drift.h"

#include <cmath>

#include "core/data/table.h"
#include "core/export/batch_predict.h"
#include "core/export/held_out.h"
#include "core/export/onnx_executor.h"
#include "core/jobs/job_context.h"
#include "core/monitor/column_sample.h"

namespace kiln {

namespace {

using Inputs = std::vector<std::pair<std::string, std::string>>;  // graph input → element type

Result<Inputs> tableInputs(const OnnxExecutor& model) {
    Inputs inputs;
    for (const auto& name : model.inputNames()) {
        if (model.inputType(name) == "uint8")
            return makeError(ErrorCode::Unsupported,
                             "the predictions of an image model are not compared with a table's; "
                             "kiln monitor MODEL --traffic compares a served image model's");
        inputs.emplace_back(name, model.inputType(name));
    }
    return inputs;
}

// The model's predictions on an even sample of the table's rows; rows without one have their
// error in `errors`.
Result<PredictionTable> predictSample(const OnnxExecutor& model, const Inputs& inputs,
                                      const Table& table, const PredictionTable& kind,
                                      std::uint64_t maxRows) {
    const std::uint64_t n = sampledRowCount(table.rows(), maxRows);
    std::vector<std::uint64_t> rows(n);
    for (std::uint64_t i = 0; i < n; ++i) rows[i] = sampledRow(i, table.rows(), n);
    RowIssues issues;
    auto raw = rawTableInputs(table, inputs, rows, &issues);
    if (!raw) return raw.error();
    PredictionTable t;
    t.classification = kind.classification;
    t.classes = kind.classes;
    t.ids.resize(n);
    if (auto st = predictInputs(model, *raw, n, PredictOptions{}, t); !st) return st.error();
    t.errors = std::move(issues.errors);
    t.errors.resize(n);
    return t;
}

std::string labelName(const PredictionTable& t, std::int64_t label) {
    if (label >= 0 && std::size_t(label) < t.classes.size()) return t.classes[std::size_t(label)];
    return std::to_string(label);
}

CategorySample labelCounts(const PredictionTable& t) {
    CategorySample s;
    s.rows = t.rows();
    for (std::size_t i = 0; i < t.rows(); ++i)
        if (t.errors[i].empty())
            s.counts[labelName(t, t.labels[i])] += 1;
        else
            ++s.missing;
    return s;
}

NumberSample valueSample(const PredictionTable& t) {
    NumberSample s;
    s.rows = t.rows();
    for (std::size_t i = 0; i < t.rows(); ++i)
        if (t.errors[i].empty() && std::isfinite(t.values[i])) s.sorted.push_back(t.values[i]);
    s.missing = s.rows - s.sorted.size();
    sortNumbers(s.sorted);
    return s;
}

double share(std::uint64_t part, std::uint64_t whole) {
    return whole ? double(part) / double(whole) : 0;
}

ColumnMonitor compareLabels(const PredictionTable& a, const PredictionTable& b,
                            const MonitorOptions& o) {
    const CategorySample sa = labelCounts(a), sb = labelCounts(b);
    std::vector<double> ca, cb;
    alignCounts(sa, sb, ca, cb);
    ColumnMonitor c;
    c.type = "categorical";
    c.test = testCategories(ca, cb, o);
    c.missingReference = share(sa.missing, sa.rows);
    c.missingCurrent = share(sb.missing, sb.rows);
    c.referenceValues = sa.rows - sa.missing;
    c.currentValues = sb.rows - sb.missing;
    return c;
}

ColumnMonitor compareValues(const PredictionTable& a, const PredictionTable& b,
                            const MonitorOptions& o) {
    const NumberSample sa = valueSample(a), sb = valueSample(b);
    ColumnMonitor c;
    c.type = "float";
    c.test = testNumbers(sa.sorted, sb.sorted, o);
    c.missingReference = share(sa.missing, sa.rows);
    c.missingCurrent = share(sb.missing, sb.rows);
    c.referenceValues = sa.sorted.size();
    c.currentValues = sb.sorted.size();
    return c;
}

// `error` with the side it came from in its context.
Error onSide(Error error, const char* side) {
    error.context = error.context.empty() ? side : std::string(side) + ", " + error.context;
    return error;
}

}  // namespace

Result<ColumnMonitor> predictionDrift(const OnnxExecutor& model, const Table& reference,
                                      const Table& current, const MonitorOptions& options,
                                      JobContext& job) {
    PredictionTable kind;
    if (auto st = describeKilnOutputs(model, kind); !st) return st.error();
    auto inputs = tableInputs(model);
    if (!inputs) return inputs.error();
    job.progress(0, 2, "Predicting on the reference");
    auto a = predictSample(model, *inputs, reference, kind, options.predictionRows);
    if (!a) return onSide(a.error(), "the reference data");
    if (job.cancelled()) return makeError(ErrorCode::Cancelled, "monitoring cancelled");
    job.progress(1, 2, "Predicting on the current data");
    auto b = predictSample(model, *inputs, current, kind, options.predictionRows);
    if (!b) return onSide(b.error(), "the current data");
    job.progress(2, 2, "Predicted");
    ColumnMonitor c =
        kind.classification ? compareLabels(*a, *b, options) : compareValues(*a, *b, options);
    c.column = "prediction";
    c.pAdjusted = c.test.pValue;
    if (c.test.test == "none") {
        c.drifted = c.referenceValues + c.currentValues > 0;
        c.note = "the model gave no predictions on one side";
    }
    decideColumn(c, options.alpha);
    return c;
}

}  // namespace kiln
