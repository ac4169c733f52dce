#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiln {

// A tensor in plain memory, as it enters or leaves an ONNX graph: an element type, a shape
// (row-major) and the values in the one vector that matches the type. Used at the boundary of
// the ONNX executor so callers never see LibTorch.
struct HostTensor {
    enum class Type { Float, Double, Int64, UInt8, Bool, String };
    Type type = Type::Float;
    std::vector<std::int64_t> shape;
    std::vector<float> floats;           // Float
    std::vector<double> doubles;         // Double
    std::vector<std::int64_t> int64s;    // Int64
    std::vector<std::uint8_t> bytes;     // UInt8 and Bool (0/1)
    std::vector<std::string> strings;    // String

    // Number of elements the shape holds.
    std::int64_t elements() const {
        std::int64_t n = 1;
        for (auto d : shape) n *= d;
        return n;
    }
};

// The ONNX name of a type ("float", "double", "int64", "uint8", "bool", "string").
const char* hostTypeName(HostTensor::Type type);

}  // namespace kiln
