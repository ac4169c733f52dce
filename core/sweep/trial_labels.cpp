#include "core/sweep/trial_labels.h"

#include <cstdio>
#include <cstdlib>
#include <set>

namespace kiln {

namespace {

// A number as a person reads it in a list (3 significant digits: 0.00563); anything else as is.
std::string shown(const std::string& value) {
    if (value.empty()) return value;
    char* end = nullptr;
    const double number = std::strtod(value.c_str(), &end);
    if (end != value.c_str() + value.size()) return value;
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", number);
    return text;
}

std::string lastPart(const std::string& key) {
    const auto dot = key.rfind('.');
    return dot == std::string::npos ? key : key.substr(dot + 1);
}

// The keys whose values are not the same in every run.
std::set<std::string> differingKeys(const std::map<std::string, std::map<std::string, std::string>>& params) {
    std::map<std::string, std::set<std::string>> values;
    std::map<std::string, std::size_t> holders;
    for (const auto& [run, keys] : params)
        for (const auto& [key, value] : keys) {
            values[key].insert(value);
            ++holders[key];
        }
    std::set<std::string> out;
    for (const auto& [key, seen] : values)
        if (seen.size() > 1 || holders[key] != params.size()) out.insert(key);
    return out;
}

}  // namespace

std::map<std::string, std::string> labelTrials(
    const std::map<std::string, std::map<std::string, std::string>>& paramsByRun) {
    const std::set<std::string> keys = differingKeys(paramsByRun);
    std::map<std::string, int> shortNames;
    for (const auto& key : keys) ++shortNames[lastPart(key)];
    std::map<std::string, std::string> labels;
    for (const auto& [run, values] : paramsByRun) {
        std::string label;
        for (const auto& key : keys) {
            auto it = values.find(key);
            if (it == values.end()) continue;
            const std::string name = shortNames[lastPart(key)] > 1 ? key : lastPart(key);
            label += (label.empty() ? "" : " · ") + name + " " + shown(it->second);
        }
        labels[run] = label;
    }
    return labels;
}

Result<std::map<std::string, SweepTrial>> readSweepTrials(Catalog& catalog) {
    struct Tagged {
        std::string run, sweep;
        std::int64_t trial;
    };
    auto tagged = catalog.queryRows<Tagged>(
        "SELECT s.run_id, s.value, COALESCE(CAST(t.value AS INTEGER), 0) FROM tags s "
        "LEFT JOIN tags t ON t.run_id = s.run_id AND t.key = 'trial' WHERE s.key = 'sweep'",
        {}, [](const Statement& row) { return Tagged{row.columnText(0), row.columnText(1), row.columnInt(2)}; });
    if (!tagged) return tagged.error();
    struct Param {
        std::string run, key, value;
    };
    auto params = catalog.queryRows<Param>(
        "SELECT p.run_id, p.key, p.value FROM params p "
        "JOIN tags s ON s.run_id = p.run_id AND s.key = 'sweep'",
        {}, [](const Statement& row) { return Param{row.columnText(0), row.columnText(1), row.columnText(2)}; });
    if (!params) return params.error();
    std::map<std::string, std::string> sweepOf;
    std::map<std::string, std::map<std::string, std::map<std::string, std::string>>> bySweep;
    std::map<std::string, SweepTrial> trials;
    for (const Tagged& t : *tagged) {
        sweepOf[t.run] = t.sweep;
        bySweep[t.sweep][t.run];  // a trial without parameters still has its place
        trials[t.run] = SweepTrial{t.sweep, t.trial, {}};
    }
    for (const Param& p : *params) bySweep[sweepOf[p.run]][p.run][p.key] = p.value;
    for (const auto& [sweep, runs] : bySweep)
        for (const auto& [run, label] : labelTrials(runs))
            trials[run].label = label;
    return trials;
}

}  // namespace kiln
