#include "core/base/names.h"

#include <cstdint>
#include <cstdio>

namespace kiln {

namespace {

bool asciiNameChar(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
}

// The length of the UTF-8 sequence at text[i] whose code point is a letter-like character
// (U+00A0 and above), or 0 when the bytes there are not one.
std::size_t wideCharAt(const std::string& text, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    std::size_t n = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (n == 0 || (lead >= 0xF5) || i + n > text.size()) return 0;
    std::uint32_t cp = lead & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp < 0xA0) return 0;
    if (cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || (cp >= 0x200B && cp <= 0x200F)) return 0;
    return n;
}

std::string hex(unsigned char c) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
    return buffer;
}

}  // namespace

std::string nameProblem(const std::string& name) {
    if (name.empty()) return "it is empty";
    if (name.size() > kMaxNameBytes)
        return "it is longer than " + std::to_string(kMaxNameBytes) + " bytes";
    if (name[0] == '-') return "it starts with '-' (it would read as an option)";
    if (name[0] == '.') return "it starts with '.'";
    for (std::size_t i = 0; i < name.size();) {
        auto c = static_cast<unsigned char>(name[i]);
        if (asciiNameChar(c)) {
            ++i;
            continue;
        }
        if (std::size_t n = c >= 0x80 ? wideCharAt(name, i) : 0) {
            i += n;
            continue;
        }
        if (c == '@') return "it holds '@' (Kiln reads NAME@VERSION)";
        if (c < 0x20 || c == 0x7F) return "it holds a control character";
        if (c >= 0x80) return "it holds bytes that are not UTF-8 text";
        return std::string("it holds '") + char(c) + "'";
    }
    return {};
}

Status checkName(const std::string& name, const std::string& what) {
    std::string why = nameProblem(name);
    if (why.empty()) return {};
    return makeError(ErrorCode::InvalidArgument,
                     what + " '" + printable(name) + "' is not valid: " + why,
                     "names use letters, digits, '_', '.' and '-', start with a letter, digit or "
                     "'_', and have at most " +
                         std::to_string(kMaxNameBytes) + " bytes");
}

std::string validNameFrom(const std::string& raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size();) {
        auto c = static_cast<unsigned char>(raw[i]);
        std::size_t n = asciiNameChar(c) ? 1 : c >= 0x80 ? wideCharAt(raw, i) : 0;
        bool lead = out.empty() && (c == '-' || c == '.' || c == '_');
        if (n > 0 && !lead && out.size() + n <= kMaxNameBytes)
            out.append(raw, i, n);
        else if (n == 0 && !out.empty() && out.back() != '_' && out.size() < kMaxNameBytes)
            out += '_';
        i += n > 0 ? n : 1;
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out.empty() ? "data" : out;
}

std::string printable(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        bool c1 = c == 0xC2 && i + 1 < text.size() &&
                  static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                  static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if (c1) {
            out += hex(c) + hex(static_cast<unsigned char>(text[++i]));
        } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            out += hex(c);
        } else {
            out += char(c);
        }
    }
    return out;
}

}  // namespace kiln
