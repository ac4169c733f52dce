// The ONNX executor's graph walker: libonnx parses the model, each node runs as its op from the
// families in onnx_ops_*.cpp (LibTorch on the CPU), values are freed after their last use.
#include "core/export/onnx_executor.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "core/base/parallel.h"
#include "core/export/onnx_ops.h"

namespace kiln {

namespace onnx_exec {

torch::ScalarType scalarType(int onnxType) {
    switch (onnxType) {
        case onnx::TensorProto::FLOAT: return torch::kFloat;
        case onnx::TensorProto::DOUBLE: return torch::kDouble;
        case onnx::TensorProto::INT64: return torch::kLong;
        case onnx::TensorProto::INT32: return torch::kInt;
        case onnx::TensorProto::UINT8: return torch::kByte;
        case onnx::TensorProto::INT8: return torch::kChar;
        case onnx::TensorProto::BOOL: return torch::kBool;
        default: throw std::runtime_error("element type " + std::to_string(onnxType) + " is not supported");
    }
}

namespace {

struct Tables {
    OpTable ops;
    PrepareTable prepare;
};

const Tables& tables() {
    static const Tables t = [] {
        Tables t;
        addElementwiseOps(t.ops);
        addNnOps(t.ops);
        addShapeOps(t.ops);
        addStringOps(t.ops);
        addTreeOps(t.ops, t.prepare);
        return t;
    }();
    return t;
}

}  // namespace

const OpTable& ops() {
    return tables().ops;
}
const PrepareTable& prepareOps() {
    return tables().prepare;
}

}  // namespace onnx_exec

using namespace onnx_exec;

namespace {

// The elements a constant of these dimensions holds. The file may come from anywhere: a negative
// dimension, or a count that overflows, is refused before anything is allocated.
std::int64_t elementCount(const std::vector<std::int64_t>& dims, const std::string& name) {
    std::int64_t n = 1;
    for (auto d : dims) {
        if (d < 0) throw std::runtime_error("initializer " + name + " has a negative dimension");
        if (d != 0 && n > std::numeric_limits<std::int64_t>::max() / 16 / d)
            throw std::runtime_error("initializer " + name + " has dimensions too large to hold");
        n *= d;
    }
    return n;
}

// Values stored in a typed field must fill the dimensions exactly (more would be written past
// the tensor, fewer would leave it half read).
void checkFilled(std::int64_t expected, int stored, const onnx::TensorProto& p) {
    if (std::int64_t(stored) != expected)
        throw std::runtime_error("initializer " + p.name() + " holds " + std::to_string(stored) +
                                 " values for its " + std::to_string(expected) + " elements");
}

Value fromProto(const onnx::TensorProto& p) {
    std::vector<std::int64_t> dims(p.dims().begin(), p.dims().end());
    const std::int64_t count = elementCount(dims, p.name());
    if (p.data_type() == onnx::TensorProto::STRING) {
        checkFilled(count, p.string_data_size(), p);
        return Value{{}, true, {p.string_data().begin(), p.string_data().end()}, dims};
    }
    auto type = scalarType(p.data_type());
    if (!p.raw_data().empty()) {
        if (p.raw_data().size() != std::size_t(count) * c10::elementSize(type))
            throw std::runtime_error("initializer " + p.name() + " has the wrong byte size");
        auto t = torch::empty(dims, torch::TensorOptions().dtype(type));
        std::memcpy(t.data_ptr(), p.raw_data().data(), p.raw_data().size());
        return tensor(t);
    }
    if (type == torch::kFloat) checkFilled(count, p.float_data_size(), p);
    else if (type == torch::kDouble) checkFilled(count, p.double_data_size(), p);
    else if (type == torch::kLong) checkFilled(count, p.int64_data_size(), p);
    else checkFilled(count, p.int32_data_size(), p);  // int32, uint8, int8 and bool
    auto t = torch::empty(dims, torch::TensorOptions().dtype(type));
    if (type == torch::kFloat) {
        std::copy(p.float_data().begin(), p.float_data().end(), t.data_ptr<float>());
    } else if (type == torch::kDouble) {
        std::copy(p.double_data().begin(), p.double_data().end(), t.data_ptr<double>());
    } else if (type == torch::kLong) {
        std::copy(p.int64_data().begin(), p.int64_data().end(), t.data_ptr<std::int64_t>());
    } else {
        auto v = torch::tensor(std::vector<std::int32_t>(p.int32_data().begin(), p.int32_data().end()));
        t.copy_(v.view(dims));
    }
    return tensor(t);
}

}  // namespace

struct OnnxExecutor::Impl {
    std::vector<Node> nodes;
    std::vector<const OpFn*> fns;
    std::unordered_map<std::string, Value> constants;
    std::vector<std::string> inputs, outputs;
    std::map<std::string, int> inputTypes;
    std::map<std::string, std::string> metadata;
    std::vector<std::vector<std::string>> freeAfter;  // values no later node reads
};

namespace {

Node toNode(const onnx::NodeProto& p) {
    Node n;
    n.op = p.op_type();
    n.name = p.name().empty() ? (p.output_size() ? p.output(0) : p.op_type()) : p.name();
    n.inputs.assign(p.input().begin(), p.input().end());
    n.outputs.assign(p.output().begin(), p.output().end());
    for (const auto& a : p.attribute()) n.attrs[a.name()] = a;
    return n;
}

std::string supportedList() {
    std::string s;
    for (const auto& [name, fn] : ops()) s += (s.empty() ? "" : ", ") + name;
    return s;
}

// Builds the runnable graph; Unsupported names the first op the executor lacks.
Result<std::shared_ptr<OnnxExecutor::Impl>> prepare(const onnx::ModelProto& model,
                                                     const std::string& origin) {
    auto impl = std::make_shared<OnnxExecutor::Impl>();
    for (const auto& p : model.metadata_props()) impl->metadata[p.key()] = p.value();
    const auto& g = model.graph();
    for (const auto& init : g.initializer()) impl->constants[init.name()] = fromProto(init);
    for (const auto& i : g.input())
        if (!impl->constants.count(i.name())) {
            impl->inputs.push_back(i.name());
            impl->inputTypes[i.name()] = i.type().tensor_type().elem_type();
        }
    for (const auto& o : g.output()) impl->outputs.push_back(o.name());
    std::map<std::string, std::size_t> lastUse;
    for (const auto& p : g.node()) {
        bool standard = p.domain().empty() || p.domain() == "ai.onnx";
        const std::string key = standard ? p.op_type() : p.domain() + "." + p.op_type();
        auto it = ops().find(key);
        if (it == ops().end())
            return makeError(ErrorCode::Unsupported,
                             "Kiln's ONNX executor does not support op '" +
                                 (standard ? "" : p.domain() + ".") + p.op_type() +
                                 "' (node '" + p.name() + "'); it runs: " + supportedList(),
                             origin);
        impl->nodes.push_back(toNode(p));
        impl->fns.push_back(&it->second);
        if (auto prep = prepareOps().find(key); prep != prepareOps().end())
            impl->nodes.back().prepared = prep->second(impl->nodes.back());
        if (p.op_type() == "Constant" && p.attribute_size() && p.output_size())
            impl->constants[p.output(0)] = fromProto(p.attribute(0).t());
        for (const auto& name : p.input()) lastUse[name] = impl->nodes.size() - 1;
    }
    impl->freeAfter.resize(impl->nodes.size());
    for (auto& [name, k] : lastUse)
        if (std::find(impl->outputs.begin(), impl->outputs.end(), name) == impl->outputs.end())
            impl->freeAfter[k].push_back(name);
    return impl;
}

Value toValue(const HostTensor& h, const std::string& name) {
    if (h.elements() != std::int64_t(h.type == HostTensor::Type::String   ? h.strings.size()
                                     : h.type == HostTensor::Type::Float  ? h.floats.size()
                                     : h.type == HostTensor::Type::Double ? h.doubles.size()
                                     : h.type == HostTensor::Type::Int64  ? h.int64s.size()
                                                                          : h.bytes.size()))
        throw std::invalid_argument("input '" + name + "': the values do not fill its shape");
    auto blob = [&](const void* p, torch::ScalarType t) {
        return torch::from_blob(const_cast<void*>(p), h.shape, torch::TensorOptions().dtype(t));
    };
    switch (h.type) {
        case HostTensor::Type::String: return Value{{}, true, h.strings, h.shape};
        case HostTensor::Type::Float: return tensor(blob(h.floats.data(), torch::kFloat));
        case HostTensor::Type::Double: return tensor(blob(h.doubles.data(), torch::kDouble));
        case HostTensor::Type::Int64: return tensor(blob(h.int64s.data(), torch::kLong));
        case HostTensor::Type::UInt8: return tensor(blob(h.bytes.data(), torch::kByte));
        case HostTensor::Type::Bool: return tensor(blob(h.bytes.data(), torch::kByte).to(torch::kBool));
    }
    throw std::invalid_argument("input '" + name + "': unknown type");
}

HostTensor toHost(const Value& v) {
    HostTensor h;
    if (v.isString) {
        h.type = HostTensor::Type::String;
        h.shape = v.shape;
        h.strings = v.s;
        return h;
    }
    auto t = v.t.contiguous();
    h.shape = t.sizes().vec();
    auto n = std::size_t(t.numel());
    switch (t.scalar_type()) {
        case torch::kFloat:
            h.floats.assign(t.data_ptr<float>(), t.data_ptr<float>() + n);
            break;
        case torch::kDouble:
            h.type = HostTensor::Type::Double;
            h.doubles.assign(t.data_ptr<double>(), t.data_ptr<double>() + n);
            break;
        case torch::kBool:
        case torch::kByte: {
            h.type = t.scalar_type() == torch::kBool ? HostTensor::Type::Bool : HostTensor::Type::UInt8;
            auto b = t.to(torch::kByte);
            h.bytes.assign(b.data_ptr<std::uint8_t>(), b.data_ptr<std::uint8_t>() + n);
            break;
        }
        default: {
            h.type = HostTensor::Type::Int64;
            auto l = t.to(torch::kLong);
            h.int64s.assign(l.data_ptr<std::int64_t>(), l.data_ptr<std::int64_t>() + n);
        }
    }
    return h;
}

std::string expectedType(int onnxType) {
    switch (onnxType) {
        case onnx::TensorProto::FLOAT: return "float";
        case onnx::TensorProto::DOUBLE: return "double";
        case onnx::TensorProto::INT64: return "int64";
        case onnx::TensorProto::UINT8: return "uint8";
        case onnx::TensorProto::BOOL: return "bool";
        case onnx::TensorProto::STRING: return "string";
        default: return "type " + std::to_string(onnxType);
    }
}

// What a standard-library exception from a node means to a person: a lookup that failed
// (`std::map::at`) is a graph that lacks an attribute or value the op needs, not a Kiln defect.
std::string describeFailure(const std::exception& e) {
    if (dynamic_cast<const std::out_of_range*>(&e))
        return "the graph is malformed: a node lacks an attribute or input its op needs";
    return e.what();
}

}  // namespace

Result<OnnxExecutor> OnnxExecutor::fromBytes(const std::string& bytes, const std::string& origin) {
    onnx::ModelProto model;
    if (!model.ParseFromString(bytes))
        return makeError(ErrorCode::Corrupt, "not an ONNX model (the protobuf does not parse)", origin);
    if (!model.has_graph() || model.graph().node_size() == 0)
        return makeError(ErrorCode::Corrupt, "not an ONNX model (it holds no graph)", origin);
    try {
        auto impl = prepare(model, origin);
        if (!impl) return impl.error();
        return OnnxExecutor(std::move(*impl));
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Corrupt, "cannot load the ONNX graph: " + describeFailure(e), origin);
    }
}

Result<OnnxExecutor> OnnxExecutor::load(const std::filesystem::path& file) {
    std::error_code ec;
    auto status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status))
        return makeError(ErrorCode::NotFound, "no such ONNX file", file.string());
    if (std::filesystem::is_directory(status))
        return makeError(ErrorCode::InvalidArgument, "the model is a folder, not an ONNX file",
                         file.string());
    if (!std::filesystem::is_regular_file(status))  // a FIFO would block the read
        return makeError(ErrorCode::InvalidArgument, "the model is not a regular file",
                         file.string());
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::Io, "cannot read the ONNX file", file.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return makeError(ErrorCode::Io, "cannot read the ONNX file", file.string());
    if (ss.str().empty())
        return makeError(ErrorCode::Corrupt, "the file is empty, not an ONNX model", file.string());
    return fromBytes(ss.str(), file.string());
}

const std::vector<std::string>& OnnxExecutor::inputNames() const { return m_impl->inputs; }
const std::vector<std::string>& OnnxExecutor::outputNames() const { return m_impl->outputs; }
const std::map<std::string, std::string>& OnnxExecutor::metadata() const { return m_impl->metadata; }

std::string OnnxExecutor::inputType(const std::string& name) const {
    auto it = m_impl->inputTypes.find(name);
    return it == m_impl->inputTypes.end() ? "" : expectedType(it->second);
}

namespace {

// OpenBLAS keeps its own thread count, which LibTorch's does not change: a GEMM called from two
// threads at once with two BLAS threads each oversubscribes the cores (predictions ran 2x
// slower). Found at run time, as BLAS is whichever libblas.so.3 Debian's alternatives chose.
void setBlasThreads(int threads) {
    using SetThreads = void (*)(int);
    static const auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    if (set) set(threads);
}

}  // namespace

void OnnxExecutor::setThreads(int threads) {
    const int n = threads > 0 ? threads : defaultThreadCount();
    torch::set_num_threads(n);
    setBlasThreads(n);
}

namespace {

// InvalidArgument for the first graph input that `inputs` lacks or holds with the wrong type.
Status checkInputs(const OnnxExecutor& executor, const std::map<std::string, HostTensor>& inputs) {
    for (const auto& name : executor.inputNames()) {
        auto it = inputs.find(name);
        if (it == inputs.end())
            return makeError(ErrorCode::InvalidArgument, "the model needs an input '" + name + "'");
        if (hostTypeName(it->second.type) != executor.inputType(name))
            return makeError(ErrorCode::InvalidArgument, "input '" + name + "' must be " +
                                                             executor.inputType(name) + ", not " +
                                                             hostTypeName(it->second.type));
    }
    return {};
}

// The values a node reads, from the values computed so far or the constants (nullptr for an
// omitted optional input); throws when one does not exist.
Inputs argumentsOf(const Node& n, const std::unordered_map<std::string, Value>& env,
                   const std::unordered_map<std::string, Value>& constants) {
    Inputs args;
    for (const auto& name : n.inputs) {
        if (name.empty()) {
            args.push_back(nullptr);
            continue;
        }
        auto e = env.find(name);
        auto c = constants.find(name);
        if (e == env.end() && c == constants.end())
            throw std::runtime_error("no value named '" + name + "'");
        args.push_back(e != env.end() ? &e->second : &c->second);
    }
    return args;
}

// Where a run failed, for the error's context: "node 'NAME' (OP)", or empty past the last node.
std::string nodeContext(const std::vector<Node>& nodes, std::size_t k) {
    return k < nodes.size() ? "node '" + nodes[k].name + "' (" + nodes[k].op + ")" : "";
}

}  // namespace

Result<std::map<std::string, HostTensor>> OnnxExecutor::run(
    const std::map<std::string, HostTensor>& inputs) const {
    return run(inputs, {});
}

Result<std::map<std::string, HostTensor>> OnnxExecutor::run(
    const std::map<std::string, HostTensor>& inputs,
    const std::vector<std::string>& alsoReturn) const {
    const Impl& g = *m_impl;
    if (auto st = checkInputs(*this, inputs); !st) return st.error();
    for (const auto& name : alsoReturn)
        if (std::none_of(g.nodes.begin(), g.nodes.end(),
                         [&](const Node& n) { return n.outputs.at(0) == name; }))
            return makeError(ErrorCode::InvalidArgument,
                             "no node of the graph computes '" + name + "'");
    auto kept = [&](const std::string& name) {
        return std::find(alsoReturn.begin(), alsoReturn.end(), name) != alsoReturn.end();
    };
    std::unordered_map<std::string, Value> env;
    std::size_t k = 0;
    try {
        torch::NoGradGuard noGrad;
        for (const auto& name : g.inputs) env[name] = toValue(inputs.at(name), name);
        for (; k < g.nodes.size(); ++k) {
            const Node& n = g.nodes[k];
            Inputs args = argumentsOf(n, env, g.constants);
            if (n.op != "Constant") env[n.outputs.at(0)] = (*g.fns[k])(n, args);
            for (const auto& dead : g.freeAfter[k])
                if (alsoReturn.empty() || !kept(dead)) env.erase(dead);
        }
        std::map<std::string, HostTensor> out;
        for (const auto& name : g.outputs) {
            auto e = env.find(name);
            out[name] = toHost(e != env.end() ? e->second : g.constants.at(name));
        }
        for (const auto& name : alsoReturn) out[name] = toHost(env.at(name));
        return out;
    } catch (const c10::Error& e) {
        return makeError(ErrorCode::InvalidArgument,
                         std::string("LibTorch failed: ") + e.what_without_backtrace(),
                         nodeContext(g.nodes, k));
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidArgument, describeFailure(e), nodeContext(g.nodes, k));
    }
}

}  // namespace kiln
