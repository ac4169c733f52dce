#pragma once

#include <QString>

namespace kiln {
struct Sample;
}

namespace kiln {
namespace studio {

// A sample dataset's title and one-line description in the interface language. The samples
// Kiln ships are translated here; another sample keeps the English of its samples.json.
QString sampleTitle(const kiln::Sample& sample);
QString sampleDescription(const kiln::Sample& sample);
// "Classification of species · CC0 1.0" (the task, its target, the licence).
QString sampleSummary(const kiln::Sample& sample);

}  // namespace studio
}  // namespace kiln
