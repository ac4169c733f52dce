#include "core/data/xlsx/xml_reader.h"

#include <expat.h>
#include <cstring>

namespace kiln {

struct XmlReader::Impl {
    XML_Parser parser = nullptr;
    Handlers handlers;
};

namespace {

void XMLCALL onStart(void* data, const XML_Char* name, const XML_Char** attributes) {
    auto& h = static_cast<XmlReader::Handlers*>(data)[0];
    if (h.start) h.start(XmlReader::localName(name), attributes);
}

void XMLCALL onEnd(void* data, const XML_Char* name) {
    auto& h = static_cast<XmlReader::Handlers*>(data)[0];
    if (h.end) h.end(XmlReader::localName(name));
}

void XMLCALL onText(void* data, const XML_Char* text, int length) {
    auto& h = static_cast<XmlReader::Handlers*>(data)[0];
    if (h.text) h.text(std::string_view(text, std::size_t(length)));
}

}  // namespace

XmlReader::XmlReader(Handlers handlers) : m_impl(new Impl) {
    m_impl->handlers = std::move(handlers);
    m_impl->parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(m_impl->parser, &m_impl->handlers);
    XML_SetElementHandler(m_impl->parser, onStart, onEnd);
    XML_SetCharacterDataHandler(m_impl->parser, onText);
}

XmlReader::~XmlReader() {
    XML_ParserFree(m_impl->parser);
    delete m_impl;
}

Status XmlReader::feed(const char* data, std::size_t size, bool last) {
    if (XML_Parse(m_impl->parser, data, int(size), last ? 1 : 0) == XML_STATUS_OK) return {};
    return makeError(ErrorCode::InvalidArgument,
                     std::string("malformed XML: ") +
                         XML_ErrorString(XML_GetErrorCode(m_impl->parser)) + " (XML line " +
                         std::to_string(XML_GetCurrentLineNumber(m_impl->parser)) + ")");
}

const char* XmlReader::attribute(const char** attributes, std::string_view name) {
    for (const char** a = attributes; a && *a; a += 2)
        if (localName(a[0]) == name) return a[1];
    return nullptr;
}

std::string_view XmlReader::localName(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon ? std::string_view(colon + 1) : std::string_view(name);
}

}  // namespace kiln
