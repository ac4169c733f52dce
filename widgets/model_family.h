#pragma once

#include <QString>

namespace kiln {
namespace widgets {

// How a model family is named to a person, in the current language: "boosted" → "boosted
// trees", "forest" → "random forest", "tree" → "decision tree", "mlp" → "MLP", … An unknown
// family is returned as it is.
QString modelFamilyName(const QString& family);

// Whether `family` is one of the tree families (boosted, forest, tree).
bool isTreeFamilyName(const QString& family);

// How a metric key of report.json is named ("accuracy" → "Accuracy", "r2" → "R²", "macro_f1" →
// "Macro F1"); an unknown key is returned as it is.
QString metricDisplayName(const QString& key);

}  // namespace widgets
}  // namespace kiln
