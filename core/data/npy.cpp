#include "core/data/npy.h"

#include <cstring>

namespace kiln {

std::string npyHeader(std::string_view descr, std::uint64_t length) {
    std::string dict = "{'descr': '" + std::string(descr) +
                       "', 'fortran_order': False, 'shape': (" + std::to_string(length) + ",), }";
    std::size_t total = 10 + dict.size() + 1;  // magic+version+len, dict, '\n'
    std::size_t padded = (total + 63) / 64 * 64;
    dict.append(padded - total, ' ');
    dict += '\n';
    std::string out("\x93NUMPY\x01\x00", 8);
    std::uint16_t len = std::uint16_t(dict.size());
    out += char(len & 0xff);
    out += char(len >> 8);
    return out + dict;
}

namespace {

Error corrupt(const std::string& what) {
    return makeError(ErrorCode::Corrupt, "not a .npy array: " + what);
}

// The quoted value after `'key':` in a numpy header dict, or the raw text up to ',' / '}'.
std::string dictValue(std::string_view dict, std::string_view key) {
    auto at = dict.find("'" + std::string(key) + "'");
    if (at == std::string_view::npos) return {};
    at = dict.find(':', at);
    if (at == std::string_view::npos) return {};
    ++at;
    while (at < dict.size() && dict[at] == ' ') ++at;
    if (at < dict.size() && dict[at] == '\'') {
        auto end = dict.find('\'', at + 1);
        return end == std::string_view::npos ? std::string{}
                                             : std::string(dict.substr(at + 1, end - at - 1));
    }
    if (at < dict.size() && dict[at] == '(') {
        auto end = dict.find(')', at);
        return end == std::string_view::npos ? std::string{}
                                             : std::string(dict.substr(at, end - at + 1));
    }
    auto end = dict.find_first_of(",}", at);
    return std::string(dict.substr(at, end - at));
}

}  // namespace

Result<NpyHeader> parseNpyHeader(std::string_view bytes) {
    if (bytes.size() < 10 || std::memcmp(bytes.data(), "\x93NUMPY", 6) != 0)
        return corrupt("bad magic");
    auto u8 = [&](std::size_t i) { return std::uint32_t(std::uint8_t(bytes[i])); };
    std::size_t headerLen = 0, start = 10;
    if (u8(6) == 1) {
        headerLen = u8(8) | (u8(9) << 8);
    } else if (u8(6) == 2 && bytes.size() >= 12) {
        headerLen = u8(8) | (u8(9) << 8) | (u8(10) << 16) | (u8(11) << 24);
        start = 12;
    } else {
        return corrupt("unknown version");
    }
    if (bytes.size() < start + headerLen) return corrupt("truncated header");
    std::string_view dict = bytes.substr(start, headerLen);
    NpyHeader h;
    h.descr = dictValue(dict, "descr");
    if (h.descr.empty()) return corrupt("no descr");
    if (dictValue(dict, "fortran_order") != "False") return corrupt("not C order");
    std::string shape = dictValue(dict, "shape");  // "(N,)"
    if (shape.size() < 4 || shape.front() != '(' || shape.find(',') == std::string::npos)
        return corrupt("not one-dimensional");
    try {
        h.length = std::stoull(shape.substr(1));
    } catch (...) {
        return corrupt("bad shape");
    }
    h.dataOffset = start + headerLen;
    return h;
}

const char* npyValuesDescr(ColumnType type) {
    switch (type) {
        case ColumnType::Integer: return "<i8";
        case ColumnType::Float: return "<f8";
        case ColumnType::Date: return "<M8[D]";
        case ColumnType::DateTime: return "<M8[ms]";
        case ColumnType::Categorical: return "<i4";
        case ColumnType::Boolean:
        case ColumnType::Text: return "|u1";
    }
    return "|u1";
}

}  // namespace kiln
