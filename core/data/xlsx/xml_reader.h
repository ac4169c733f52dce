#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace kiln {

// A streaming XML reader over expat: elements by local name (a prefix such as "x:" dropped),
// their attributes looked up by local name, character data in pieces. Feed it text as it
// arrives; nothing is kept as a tree. Not thread-safe.
class XmlReader {
public:
    struct Handlers {
        // name, then attributes as expat gives them: {name, value, name, value, …, nullptr}
        std::function<void(std::string_view name, const char** attributes)> start;
        std::function<void(std::string_view name)> end;
        std::function<void(std::string_view text)> text;
    };
    explicit XmlReader(Handlers handlers);
    ~XmlReader();
    XmlReader(const XmlReader&) = delete;
    XmlReader& operator=(const XmlReader&) = delete;

    // Parses the next piece (`last` for the final one). InvalidArgument with expat's reason and
    // line for malformed XML.
    Status feed(const char* data, std::size_t size, bool last);

    // The value of attribute `name` (local name), or nullptr.
    static const char* attribute(const char** attributes, std::string_view name);
    static std::string_view localName(const char* name);

private:
    struct Impl;
    Impl* m_impl;
};

}  // namespace kiln
