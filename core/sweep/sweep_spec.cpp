#include "core/sweep/sweep_spec.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <stdexcept>

#include "core/runs/run_recorder.h"

namespace kiln {

namespace {

using nlohmann::json;

std::string formatNumber(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", v);
    return buffer;
}

bool toNumber(const std::string& text, double& out) {
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return !text.empty() && *end == '\0';
}

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> parts;
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, sep)) parts.push_back(part);
    return parts;
}

Error badDomain(const std::string& text, const std::string& why) {
    return makeError(ErrorCode::InvalidArgument,
                     "bad --param '" + text + "': " + why +
                         " (expected NAME=log:LOW:HIGH, uniform:LOW:HIGH, int:LOW:HIGH, "
                         "choice:A|B|C or a single value)");
}

Result<ParamDomain> parseRange(const std::string& text, ParamDomain d, const std::string& body) {
    auto parts = split(body, ':');
    if (parts.size() != 2 || !toNumber(parts[0], d.low) || !toNumber(parts[1], d.high))
        return badDomain(text, "a range needs LOW:HIGH numbers");
    if (d.low > d.high) return badDomain(text, "LOW is above HIGH");
    if (d.distribution == ParamDistribution::LogUniform && d.low <= 0)
        return badDomain(text, "a log range needs LOW > 0");
    return d;
}

std::string drawValue(const ParamDomain& d, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    switch (d.distribution) {
        case ParamDistribution::Uniform: return formatNumber(d.low + unit(rng) * (d.high - d.low));
        case ParamDistribution::LogUniform:
            return formatNumber(
                std::exp(std::log(d.low) + unit(rng) * (std::log(d.high) - std::log(d.low))));
        case ParamDistribution::IntUniform:
            return std::to_string(std::uniform_int_distribution<long long>(
                (long long)std::ceil(d.low), (long long)std::floor(d.high))(rng));
        case ParamDistribution::Choice:
            return d.choices[std::uniform_int_distribution<std::size_t>(0, d.choices.size() - 1)(rng)];
    }
    return {};
}

// The values a grid search takes from one parameter.
std::vector<std::string> gridValues(const ParamDomain& d, int points) {
    if (d.distribution == ParamDistribution::Choice) return d.choices;
    std::vector<std::string> values;
    int n = std::max(points, 1);
    for (int i = 0; i < n; ++i) {
        double f = n == 1 ? 0.5 : double(i) / double(n - 1);
        double v = d.distribution == ParamDistribution::LogUniform
                       ? std::exp(std::log(d.low) + f * (std::log(d.high) - std::log(d.low)))
                       : d.low + f * (d.high - d.low);
        std::string text = d.distribution == ParamDistribution::IntUniform
                               ? std::to_string((long long)std::llround(v))
                               : formatNumber(v);
        if (std::find(values.begin(), values.end(), text) == values.end()) values.push_back(text);
    }
    return values;
}

std::vector<Assignment> gridAssignments(const SweepSpec& s) {
    std::vector<std::vector<std::string>> axes;
    std::size_t total = 1;
    for (const auto& p : s.params) {
        axes.push_back(gridValues(p, s.gridPoints));
        total *= axes.back().size();
    }
    std::size_t budget = s.trials > 0 ? std::min<std::size_t>(total, std::size_t(s.trials)) : total;
    std::vector<Assignment> out;
    for (std::size_t t = 0; t < budget; ++t) {
        Assignment a(s.params.size());
        std::size_t rest = t;
        for (std::size_t i = s.params.size(); i-- > 0;) {  // last parameter varies fastest
            a[i] = {s.params[i].name, axes[i][rest % axes[i].size()]};
            rest /= axes[i].size();
        }
        out.push_back(std::move(a));
    }
    return out;
}

Result<double> number(const std::string& name, const std::string& value) {
    double x = 0;
    if (!toNumber(value, x))
        return makeError(ErrorCode::InvalidArgument, name + " expects a number, not '" + value + "'");
    return x;
}

Result<int> whole(const std::string& name, const std::string& value) {
    auto x = number(name, value);
    if (!x) return x.error();
    if (*x != std::floor(*x))
        return makeError(ErrorCode::InvalidArgument, name + " expects a whole number, not '" + value + "'");
    return int(*x);
}

Result<std::vector<int>> widths(const std::string& value) {
    std::vector<int> out;
    for (const auto& part : split(value, ',')) {
        auto w = whole("hidden", part);
        if (!w) return w.error();
        out.push_back(*w);
    }
    return out;
}

// Sets one named parameter of `spec` from text.
Status applyOne(RunSpec& spec, const std::string& name, const std::string& value) {
    auto setNumber = [&](double& field) -> Status {
        auto x = number(name, value);
        if (!x) return x.error();
        field = *x;
        return {};
    };
    auto setWhole = [&](int& field) -> Status {
        auto x = whole(name, value);
        if (!x) return x.error();
        field = *x;
        return {};
    };
    if (name == "lr") return setNumber(spec.optimizer.lr);
    if (name == "weight_decay") return setNumber(spec.optimizer.weightDecay);
    if (name == "momentum") return setNumber(spec.optimizer.momentum);
    if (name == "dropout") return setNumber(spec.model.dropout);
    if (name == "batch_size") return setWhole(spec.batchSize);
    if (name == "trees") return setWhole(spec.model.trees);
    if (name == "max_depth") return setWhole(spec.model.maxDepth);
    if (name == "learning_rate") return setNumber(spec.model.learningRate);
    if (name == "min_child_weight") return setNumber(spec.model.minChildWeight);
    if (name == "subsample") return setNumber(spec.model.subsample);
    if (name == "colsample") return setNumber(spec.model.colsample);
    if (name == "l1") return setNumber(spec.model.l1);
    if (name == "l2") return setNumber(spec.model.l2);
    if (name == "epochs") return setWhole(spec.epochs);
    if (name == "early_stopping") return setWhole(spec.earlyStopping);
    if (name == "optimizer") return spec.optimizer.name = value, Status{};
    if (name == "activation") return spec.model.activation = value, Status{};
    if (name == "schedule") return spec.optimizer.schedule = value, Status{};
    if (name == "model") return spec.model.family = value, Status{};
    if (name == "batch_norm") return spec.model.batchNorm = value == "true" || value == "1", Status{};
    if (name == "hidden") {
        auto w = widths(value);
        if (!w) return w.error();
        spec.model.hidden = *w;
        return {};
    }
    if (name == "seed") {
        auto x = whole(name, value);
        if (!x || *x < 0) return makeError(ErrorCode::InvalidArgument, "seed expects a whole number ≥ 0");
        setRunSeed(spec, std::uint64_t(*x));
        return {};
    }
    return makeError(ErrorCode::InvalidArgument, "'" + name + "' cannot be swept");
}

}  // namespace

const std::vector<std::string>& sweepableParams() {
    static const std::vector<std::string> names = {
        "lr",         "weight_decay", "momentum", "dropout", "batch_size", "epochs",
        "early_stopping", "optimizer", "activation", "schedule", "model", "batch_norm",
        "hidden",     "seed", "trees", "max_depth", "learning_rate", "min_child_weight",
        "subsample", "colsample", "l1", "l2"};
    return names;
}

Result<ParamDomain> parseParamDomain(const std::string& text) {
    auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) return badDomain(text, "no NAME=");
    ParamDomain d;
    d.name = text.substr(0, eq);
    std::replace(d.name.begin(), d.name.end(), '-', '_');
    const auto& known = sweepableParams();
    if (std::find(known.begin(), known.end(), d.name) == known.end())
        return badDomain(text, "'" + d.name + "' cannot be swept");
    std::string body = text.substr(eq + 1);
    auto colon = body.find(':');
    std::string kind = colon == std::string::npos ? "" : body.substr(0, colon);
    std::string rest = colon == std::string::npos ? body : body.substr(colon + 1);
    if (kind == "log" || kind == "loguniform")
        return d.distribution = ParamDistribution::LogUniform, parseRange(text, d, rest);
    if (kind == "uniform")
        return d.distribution = ParamDistribution::Uniform, parseRange(text, d, rest);
    if (kind == "int") return d.distribution = ParamDistribution::IntUniform, parseRange(text, d, rest);
    if (kind != "choice") rest = body;  // a single fixed value
    d.choices = split(rest, '|');
    if (d.choices.empty() || std::count(d.choices.begin(), d.choices.end(), std::string()))
        return badDomain(text, "an empty choice");
    return d;
}

Status SweepSpec::validate() const {
    std::string problems;
    if (search == SearchKind::Random && trials <= 0)
        problems += "a random search needs a trial budget (--trials N)\n";
    if (trials < 0) problems += "the trial budget must be ≥ 0\n";
    if (parallel < 0 || parallel > kMaxThreads)
        problems += "parallel trials must be in 0.." + std::to_string(kMaxThreads) + "\n";
    if (params.empty()) problems += "nothing to sweep: give at least one --param\n";
    if (metric.empty()) problems += "no metric names the best trial\n";
    for (const auto& a : sweepAssignments(*this)) {
        auto spec = applyAssignment(base, a);
        auto st = spec ? spec->validate() : Status(spec.error());
        if (!st) {
            problems += st.error().message + "\n";
            break;
        }
    }
    if (problems.empty()) return {};
    problems.pop_back();
    return makeError(ErrorCode::InvalidArgument, problems);
}

int SweepSpec::effectiveParallel() const {
    if (parallel > 0) return parallel;
    bool cpu = base.device == "cpu";
    return !cpu && gpus > 0 ? gpus : 1;
}

std::string SweepSpec::toJson() const {
    json params_ = json::array();
    for (const auto& p : params) {
        const char* kinds[] = {"uniform", "log", "int", "choice"};
        params_.push_back({{"name", p.name},
                           {"distribution", kinds[int(p.distribution)]},
                           {"low", p.low},
                           {"high", p.high},
                           {"choices", p.choices}});
    }
    json j = {{"search", search == SearchKind::Grid ? "grid" : "random"},
              {"trials", trials},
              {"parallel", effectiveParallel()},
              {"grid_points", gridPoints},
              {"seed", seed},
              {"metric", metric},
              {"mode", maximize ? "max" : "min"},
              {"reduce", reduce == MetricReduce::Best ? "best" : "final"},
              {"median_stopping", medianStopping},
              {"params", params_},
              {"base", json::parse(base.toJson())}};
    return j.dump(2);
}

Result<SweepSpec> SweepSpec::fromJson(const std::string& text) {
    SweepSpec s;
    try {
        json j = json::parse(text);
        auto base = RunSpec::fromJson(j.at("base").dump());
        if (!base) return base.error();
        s.base = std::move(*base);
        s.search = j.at("search") == "grid" ? SearchKind::Grid : SearchKind::Random;
        j.at("trials").get_to(s.trials);
        j.at("parallel").get_to(s.parallel);
        j.at("grid_points").get_to(s.gridPoints);
        j.at("seed").get_to(s.seed);
        j.at("metric").get_to(s.metric);
        s.maximize = j.at("mode") == "max";
        s.reduce = j.at("reduce") == "final" ? MetricReduce::Final : MetricReduce::Best;
        j.at("median_stopping").get_to(s.medianStopping);
        const std::vector<std::string> kinds = {"uniform", "log", "int", "choice"};
        for (const auto& p : j.at("params")) {
            ParamDomain d;
            p.at("name").get_to(d.name);
            auto kind =
                std::find(kinds.begin(), kinds.end(), p.at("distribution").get<std::string>());
            if (kind == kinds.end()) throw std::invalid_argument("unknown distribution");
            d.distribution = ParamDistribution(kind - kinds.begin());
            p.at("low").get_to(d.low);
            p.at("high").get_to(d.high);
            p.at("choices").get_to(d.choices);
            s.params.push_back(std::move(d));
        }
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Corrupt, std::string("not a sweep definition: ") + e.what());
    }
    return s;
}

std::vector<Assignment> sweepAssignments(const SweepSpec& s) {
    if (s.search == SearchKind::Grid) return gridAssignments(s);
    std::mt19937_64 rng(s.seed);
    std::vector<Assignment> out;
    for (int t = 0; t < s.trials; ++t) {
        Assignment a;
        for (const auto& p : s.params) a.emplace_back(p.name, drawValue(p, rng));
        out.push_back(std::move(a));
    }
    return out;
}

Result<RunSpec> applyAssignment(const RunSpec& base, const Assignment& assignment) {
    RunSpec spec = base;
    for (const auto& [name, value] : assignment)
        if (auto st = applyOne(spec, name, value); !st) return st.error();
    return spec;
}

std::string newSweepId() { return "sw-" + newRunId(); }

}  // namespace kiln
