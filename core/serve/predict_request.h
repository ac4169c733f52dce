#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.h"
#include "core/export/host_tensor.h"

namespace kiln {

struct ServedModel;

// The rows of one request, as the model's graph inputs take them, and the same values as JSON
// (by input, a column each) for the traffic log.
struct PredictRequest {
    std::map<std::string, HostTensor> inputs;
    std::size_t rows = 0;
    nlohmann::json columns = nlohmann::json::object();
    std::vector<std::string> warnings;  // columns the model does not use, infinite numbers
};

// Limits on one request.
struct RequestLimits {
    std::size_t maxRows = 10000;
};

// A JSON body: {"rows": [{"column": value, …}, …]}, {"columns": {"column": [value, …], …}} or a
// bare array of row objects. Numbers (booleans read as 0/1, numeric text parsed) for number
// inputs, text (ISO 2024-03-01, or slashed day first) for dates, text (numbers written as
// text) for categories; null or a key absent from a row is a missing cell; ±infinity (as the
// text "Infinity") is predicted as missing, with a warning. InvalidArgument for malformed JSON,
// a column no row has, a value of the wrong type or too many rows, its context naming the row
// (from 1) and the column.
Result<PredictRequest> parseJsonRequest(const ServedModel& model, std::string_view body,
                                        const RequestLimits& limits = {});

// For an image model, JSON rows or columns carry each picture as base64 text (a data: URL's
// "data:image/png;base64," prefix is allowed): decoded as kiln predict decodes files, its header
// checked before anything is allocated. This reads one picture sent as the whole body
// (Content-Type image/…); InvalidArgument when it does not decode.
Result<PredictRequest> parseImageRequest(const ServedModel& model, const std::string& body);

// A CSV body with a header line, read as `kiln predict` reads a file (the same dialect and type
// detection), so the same rows give the same predictions. Errors as for JSON.
Result<PredictRequest> parseCsvRequest(const ServedModel& model, const std::string& body,
                                       const RequestLimits& limits = {});

}  // namespace kiln
