#include "core/data/xlsx/workbook.h"

#include <cstdlib>
#include <map>
#include <vector>

#include "core/data/xlsx/xml_reader.h"
#include "core/data/xlsx/zip_entry.h"

namespace kiln {

namespace {

// Streams one member of the archive through `handlers`. A missing member is NotFound.
Status parseMember(const std::filesystem::path& file, const std::string& entry,
                   XmlReader::Handlers handlers) {
    ZipEntryReader zip;
    if (auto s = zip.open(file, entry); !s) return s;
    XmlReader reader(std::move(handlers));
    std::vector<char> buffer(64 * 1024);
    for (;;) {
        auto got = zip.read(buffer.data(), buffer.size());
        if (!got) return got.error();
        if (auto s = reader.feed(buffer.data(), *got, *got == 0); !s)
            return makeError(ErrorCode::InvalidArgument, s.error().message,
                             file.string() + ", " + entry);
        if (!*got) return {};
    }
}

// A part the workbook may leave out (shared strings, styles): missing is fine.
Status parseOptionalMember(const std::filesystem::path& file, const std::string& entry,
                           XmlReader::Handlers handlers) {
    auto s = parseMember(file, entry, std::move(handlers));
    return !s && s.error().code == ErrorCode::NotFound ? Status{} : s;
}

// A relationship's target as a zip member name: relative to xl/ unless it starts with '/'.
std::string memberName(const std::string& target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    if (target.rfind("../", 0) == 0) return target.substr(3);  // from xl/ up to the root
    return "xl/" + target;
}

Status readSheets(const std::filesystem::path& file, Workbook& book) {
    const std::string where = file.string() + ", xl/workbook.xml";
    std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
    XmlReader::Handlers handlers;
    handlers.start = [&](std::string_view name, const char** a) {
        if (name == "sheet") {
            const char* sheetName = XmlReader::attribute(a, "name");
            const char* id = XmlReader::attribute(a, "id");
            sheets.emplace_back(sheetName ? sheetName : "", id ? id : "");
        } else if (name == "workbookPr") {
            const char* d = XmlReader::attribute(a, "date1904");
            book.date1904 = d && (std::string(d) == "1" || std::string(d) == "true");
        }
    };
    if (auto s = parseMember(file, "xl/workbook.xml", handlers); !s) {
        if (s.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::InvalidArgument,
                             "not an Excel workbook: the zip archive has no xl/workbook.xml",
                             file.string());
        return s;
    }
    std::map<std::string, std::string> targets;
    XmlReader::Handlers relHandlers;
    relHandlers.start = [&](std::string_view name, const char** a) {
        const char* id = XmlReader::attribute(a, "Id");
        const char* target = XmlReader::attribute(a, "Target");
        if (name == "Relationship" && id && target) targets[id] = target;
    };
    if (auto s = parseMember(file, "xl/_rels/workbook.xml.rels", relHandlers); !s) {
        if (s.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::InvalidArgument,
                             "not an Excel workbook: " + s.error().message, file.string());
        return s;
    }
    for (const auto& [name, id] : sheets) {
        auto it = targets.find(id);
        if (it == targets.end())
            return makeError(ErrorCode::InvalidArgument,
                             "sheet '" + name + "' has no part in the workbook", where);
        book.sheets.push_back({name, memberName(it->second)});
    }
    if (book.sheets.empty())
        return makeError(ErrorCode::InvalidArgument, "the workbook has no sheets", where);
    return {};
}

Status readSharedStrings(const std::filesystem::path& file, Workbook& book) {
    bool inText = false;
    int phonetic = 0;  // inside <rPh>: reading aids, not the text
    XmlReader::Handlers handlers;
    handlers.start = [&](std::string_view name, const char**) {
        if (name == "si")
            book.sharedStrings.emplace_back();
        else if (name == "rPh")
            ++phonetic;
        else if (name == "t")
            inText = phonetic == 0 && !book.sharedStrings.empty();
    };
    handlers.end = [&](std::string_view name) {
        if (name == "t")
            inText = false;
        else if (name == "rPh")
            --phonetic;
    };
    handlers.text = [&](std::string_view text) {
        if (inText) book.sharedStrings.back().append(text);
    };
    return parseOptionalMember(file, "xl/sharedStrings.xml", handlers);
}

Status readStyles(const std::filesystem::path& file, Workbook& book) {
    std::map<int, std::string> codes;
    std::vector<int> formatIds;
    bool inCellXfs = false;
    XmlReader::Handlers handlers;
    handlers.start = [&](std::string_view name, const char** a) {
        if (name == "numFmt") {
            const char* id = XmlReader::attribute(a, "numFmtId");
            const char* code = XmlReader::attribute(a, "formatCode");
            if (id && code) codes[std::atoi(id)] = code;
        } else if (name == "cellXfs") {
            inCellXfs = true;
        } else if (name == "xf" && inCellXfs) {
            const char* id = XmlReader::attribute(a, "numFmtId");
            formatIds.push_back(id ? std::atoi(id) : 0);
        }
    };
    handlers.end = [&](std::string_view name) {
        if (name == "cellXfs") inCellXfs = false;
    };
    if (auto s = parseOptionalMember(file, "xl/styles.xml", handlers); !s) return s;
    for (int id : formatIds) {
        auto it = codes.find(id);
        book.styleDates.push_back(classifyNumberFormat(id, it == codes.end() ? "" : it->second));
    }
    return {};
}

}  // namespace

Result<Workbook> readWorkbook(const std::filesystem::path& file, bool content) {
    Workbook book;
    if (auto s = readSheets(file, book); !s) return s.error();
    if (!content) return book;
    if (auto s = readSharedStrings(file, book); !s) return s.error();
    if (auto s = readStyles(file, book); !s) return s.error();
    return book;
}

}  // namespace kiln
