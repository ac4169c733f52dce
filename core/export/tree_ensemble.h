#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace kiln {

// A trained tree ensemble as the ONNX export writes it: every tree of an XGBoost model, its
// nodes in the model's own order, with thresholds and leaf weights as the floats XGBoost uses.
// A row goes to a node's left child when `value < threshold`, and when the value is missing
// (NaN) where `defaultLeft` says so. The margin of class (or output) c is `baseMargin` plus the
// leaf weights of the trees of class c that the row reaches.
struct TreeEnsemble {
    enum class Objective { Regression, Binary, Multiclass };

    struct Node {
        int feature = -1;  // input index; -1 for a leaf
        float threshold = 0;
        int left = -1, right = -1;  // node ids within the tree; -1 for a leaf
        bool defaultLeft = false;
        float weight = 0;  // leaf: its weight (learning rate applied)
        bool leaf() const { return left < 0; }
    };
    struct Tree {
        int target = 0;           // which margin the tree adds to (the class for multi-class)
        std::vector<Node> nodes;  // node id = index; the root is node 0
    };

    Objective objective = Objective::Regression;
    std::string objectiveName;  // as XGBoost names it: "binary:logistic", …
    int margins = 1;            // margins per row: the class count for multi-class, else 1
    int features = 0;           // inputs the trees read (the recipe's width)
    float baseMargin = 0;       // base_score in margin space (its logit for binary:logistic)
    std::vector<Tree> trees;

    std::size_t nodeCount() const;
};

// Reads an XGBoost 1.x JSON model (XGBoosterSaveModel to a ".json" name): a gbtree booster with
// numerical splits and one of the objectives reg:squarederror, binary:logistic, multi:softprob
// (multi:softmax is read as softprob). NotFound when the file is missing; Corrupt when it does
// not parse or its trees are inconsistent (the message says where); Unsupported for another
// booster, objective, categorical splits or vector leaves.
Result<TreeEnsemble> readXgboostModel(const std::filesystem::path& file);

}  // namespace kiln
