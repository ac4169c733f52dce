// A request body as kiln serve meets it: the first byte picks the reader (JSON rows or columns or
// CSV for a table model with number, boolean, date, date-time and category inputs; a picture or
// JSON with base64 pictures for a CNN), the rest is the body. What parses is run through the
// model, as the server would.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/export/onnx_executor.h"
#include "core/serve/predict_request.h"
#include "core/serve/served_model.h"

using namespace kiln;

namespace {

std::shared_ptr<const ServedModel> g_table, g_images;

std::shared_ptr<const ServedModel> load(const char* name) {
    auto m = loadServedFile(std::string(KILN_FUZZ_MODELS) + "/" + name);
    if (!m) __builtin_trap();  // the committed models must load
    return *m;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    OnnxExecutor::setThreads(1);
    g_table = load("dates.onnx");
    g_images = load("cnn.onnx");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
    RequestLimits limits;
    limits.maxRows = 64;
    Result<PredictRequest> parsed = makeError(ErrorCode::InvalidArgument, "");
    const ServedModel* model = nullptr;
    switch (data[0] % 4) {
    case 0: model = g_table.get(); parsed = parseJsonRequest(*model, body, limits); break;
    case 1: model = g_table.get(); parsed = parseCsvRequest(*model, body, limits); break;
    case 2: model = g_images.get(); parsed = parseImageRequest(*model, body); break;
    default: model = g_images.get(); parsed = parseJsonRequest(*model, body, limits); break;
    }
    if (parsed) {
        if (parsed->rows == 0 || parsed->rows > limits.maxRows) __builtin_trap();
        for (const auto& in : model->inputs)
            if (!parsed->inputs.count(in.name) || parsed->inputs.at(in.name).shape[0] != std::int64_t(parsed->rows))
                __builtin_trap();  // every input, with one entry per row
        (void)model->executor.run(parsed->inputs);
    }
    return 0;
}
