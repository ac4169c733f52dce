// CNN training throughput of Kiln's trainer on an image folder (the peer of
// ../shared/bench/train_torch_py.py --which cnn28 / cnn32). Run by bench/train_vs_torch.py --cnn.
//
// usage: kiln_train_cnn_bench IMAGE_FOLDER WORKSPACE SIZE EPOCHS THREADS
// Imports the folder, trains conv16-conv32-fc128-fc10 (Adam 1e-3, batch 64, all rows for
// training) for EPOCHS epochs and prints one JSON line: samples/s per epoch.
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/data/image_folder.h"
#include "core/data/table.h"
#include "core/store/workspace.h"
#include "core/train/trainer.h"

namespace {

struct Recorder : kiln::TrainListener {
    nlohmann::json sps = nlohmann::json::array(), loss = nlohmann::json::array();
    void progress(int, std::int64_t, std::int64_t) override {}
    void metric(const std::string& key, double value, std::int64_t, int) override {
        if (key == "samples_per_s") sps.push_back(value);
        if (key == "train_loss") loss.push_back(value);
    }
    void log(const std::string&, const std::string&) override {}
    void artifact(const std::string&, const std::string&) override {}
    bool cancelled() override { return false; }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 6) {
        std::cerr << "usage: kiln_train_cnn_bench IMAGE_FOLDER WORKSPACE SIZE EPOCHS THREADS\n";
        return 2;
    }
    auto ws = kiln::Workspace::open(argv[2]);
    if (!ws) return std::cerr << ws.error().toString() << "\n", 1;
    kiln::NullJobContext job;
    auto images = kiln::importImageFolder((*ws)->objects(), argv[1], job);
    if (!images) return std::cerr << images.error().toString() << "\n", 1;
    kiln::RunSpec spec;
    spec.dataset = "bench";
    spec.datasetKind = "images";
    spec.datasetHash = images->manifestHash;
    spec.target = "class";
    spec.task = kiln::TaskKind::Classification;
    spec.features = {"sha256"};
    spec.model.family = "cnn";
    spec.model.cnnWidth = 16;
    spec.model.cnnDepth = 2;
    spec.imageSize = std::atoi(argv[3]);
    spec.epochs = std::atoi(argv[4]);
    spec.threads = std::atoi(argv[5]);
    spec.batchSize = 64;
    spec.earlyStopping = 0;
    spec.split = {1.0, 0.0, 0.0, 1};
    Recorder out;
    auto run = kiln::runTraining(spec, (*ws)->root(), (*ws)->runsDir() / "bench", false, out);
    if (!run) return std::cerr << run.error().toString() << "\n", 1;
    std::cout << nlohmann::json{{"samples_per_s", out.sps}, {"train_loss", out.loss}}.dump() << "\n";
    return 0;
}
