// An ONNX file as `kiln predict` meets it: parsed and prepared by Kiln's executor (libonnx's
// protobuf, then every node checked and its constants read), and when it loads, run through
// batch prediction on three rows made for its inputs (numbers, text, a missing cell) or on two
// small images, with the predictions written as CSV.

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "core/export/batch_predict.h"
#include "core/export/onnx_executor.h"
#include "fuzz/fuzz_support.h"

using namespace kiln;

namespace {

// A 4×4 RGB PNG.
const unsigned char kTinyPng[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x04, 0x08, 0x02, 0x00, 0x00, 0x00, 0x26, 0x93, 0x09,
    0x29, 0x00, 0x00, 0x00, 0x36, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x60, 0x60, 0xb0,
    0xb1, 0xb1, 0xa9, 0xa8, 0xa8, 0xd8, 0xb2, 0x65, 0x0b, 0x83, 0x88, 0x88, 0x48, 0x40, 0x40, 0x40,
    0x4f, 0x4f, 0xcf, 0x89, 0x13, 0x27, 0x18, 0x34, 0x34, 0x34, 0x52, 0x52, 0x52, 0x16, 0x2c, 0x58,
    0x70, 0xe7, 0xce, 0x1d, 0x84, 0x9a, 0x0f, 0x1f, 0x3e, 0x00, 0x00, 0xe2, 0x23, 0x16, 0x81, 0xf3,
    0x3a, 0x74, 0x6c, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82
};

// A CSV with one column per model input, holding values of the input's type.
std::string rowsFor(const OnnxExecutor& exec) {
    std::string header, rows[3];
    for (const auto& name : exec.inputNames()) {
        const bool text = exec.inputType(name) == "string";
        std::string sep = header.empty() ? "" : ",";
        header += sep + csvTextField(name);
        rows[0] += sep + (text ? "a" : "1.5");
        rows[1] += sep + (text ? "\"b,c\"" : "-2");
        rows[2] += sep;
    }
    return header + "\n" + rows[0] + "\n" + rows[1] + "\n" + rows[2] + "\n";
}

bool takesImages(const OnnxExecutor& exec) {
    return exec.inputNames().size() == 1 && exec.inputType(exec.inputNames()[0]) == "uint8";
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    OnnxExecutor::setThreads(1);
    const auto images = fuzz::scratch() / "images";
    for (const char* name : {"a.png", "b.png"})
        fuzz::writeFile(images / name, {reinterpret_cast<const char*>(kTinyPng), sizeof kTinyPng});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto exec = OnnxExecutor::fromBytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.onnx");
    if (!exec) return 0;
    std::filesystem::path input = fuzz::scratch() / "images";
    if (!takesImages(*exec)) {
        input = fuzz::scratch() / "rows.csv";
        fuzz::writeFile(input, rowsFor(*exec));
    }
    PredictOptions options;
    options.threads = 1;
    auto predictions = predictWith(*exec, input, options);
    if (!predictions) return 0;
    std::ostringstream out;
    writePredictionsCsv(*predictions, out);
    return 0;
}
