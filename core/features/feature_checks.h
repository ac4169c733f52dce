#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiln {

class Table;

// What may be wrong with a feature column, found before anything trains.
struct FeatureWarning {
    enum class Reason {
        UniquePerRow,    // a different value on every row: an identifier, not a pattern
        IdentifierName,  // named and valued like an identifier or a matched-set number (id, *_id, stratum)
        PredictsTarget,  // its values alone give the target on nearly every row: a leak?
        MostlyMissing,   // a large share of its cells is missing (`share`)
    };
    std::string column;
    Reason reason = Reason::UniquePerRow;
    double share = 0;  // PredictsTarget: rows its values classify right (or |r|); MostlyMissing: missing
};

// The warnings for `features` of `table` when predicting `target` (classification when
// `classification`, else regression), at most one per column, in feature order. Reads every row
// once per checked column (a few ms per million cells).
std::vector<FeatureWarning> checkFeatures(const Table& table, const std::string& target,
                                          const std::vector<std::string>& features, bool classification);

// The warning in English, for notes and the CLI ("column 'id' has a different value on every
// row (an identifier?)").
std::string describeFeatureWarning(const FeatureWarning& warning);

// The column named like a target (target, label, class, y, outcome, response, or one ending in
// _target, _label or _class), or empty when none is: then a person is asked.
std::string suggestTarget(const Table& table);

}  // namespace kiln
