#include "core/data/xlsx/sheet_stream.h"

#include <cstdlib>

namespace kiln {

namespace {

constexpr std::size_t kReadBytes = 64 * 1024;
constexpr std::uint32_t kMaxColumns = 16384;  // XFD, Excel's last column

}  // namespace

bool parseCellReference(const std::string& ref, std::uint32_t& column, std::uint64_t& row) {
    std::size_t i = 0;
    std::uint64_t col = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
        col = col * 26 + unsigned(ref[i++] - 'A' + 1);
    if (i == 0 || col > kMaxColumns || i == ref.size()) return false;
    std::uint64_t r = 0;
    for (std::size_t j = i; j < ref.size(); ++j) {
        if (ref[j] < '0' || ref[j] > '9' || r > 100000000) return false;
        r = r * 10 + unsigned(ref[j] - '0');
    }
    if (r == 0) return false;
    column = std::uint32_t(col - 1);
    row = r;
    return true;
}

std::string columnLetters(std::uint32_t column) {
    std::string letters;
    for (std::uint64_t n = std::uint64_t(column) + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), char('A' + (n - 1) % 26));
    return letters;
}

SheetStream::SheetStream(const Workbook& book, std::filesystem::path file, std::string part,
                         std::string context)
    : m_book(book),
      m_file(std::move(file)),
      m_part(std::move(part)),
      m_context(std::move(context)) {}

SheetStream::~SheetStream() = default;

Status SheetStream::open(bool mergesOnly) {
    m_mergesOnly = mergesOnly;
    m_finished = false;
    m_error.reset();
    m_ready.clear();
    m_inRow = m_inValue = m_inInline = m_inText = false;
    m_phonetic = 0;
    m_lastRow = m_rowsSeen = m_errorCells = m_impossibleDates = 0;
    m_firstError.clear();
    m_ref.clear();
    m_merges.clear();
    if (auto s = m_zip.open(m_file, m_part); !s)
        return makeError(ErrorCode::InvalidArgument, s.error().message, m_context);
    XmlReader::Handlers handlers;
    handlers.start = [this](std::string_view name, const char** a) { startElement(name, a); };
    handlers.end = [this](std::string_view name) { endElement(name); };
    handlers.text = [this](std::string_view text) {
        if (m_mergesOnly) return;
        if (m_inValue)
            m_value.append(text);
        else if (m_inText && m_phonetic == 0)
            m_inline.append(text);
    };
    m_xml = std::make_unique<XmlReader>(std::move(handlers));
    return {};
}

Result<bool> SheetStream::next(Row& row) {
    char buffer[kReadBytes];
    while (m_ready.empty() && !m_finished) {
        auto got = m_zip.read(buffer, sizeof buffer);
        if (!got) return makeError(ErrorCode::InvalidArgument, got.error().message, m_context);
        m_finished = *got == 0;
        auto s = m_xml->feed(buffer, *got, m_finished);
        if (!s && !m_error)
            m_error = makeError(ErrorCode::InvalidArgument, "damaged sheet: " + s.error().message,
                                m_context + (m_ref.empty() ? "" : ", cell " + m_ref));
        if (m_error) return *m_error;
    }
    if (m_ready.empty()) return false;
    row = std::move(m_ready.front());
    m_ready.pop_front();
    return true;
}

void SheetStream::failAtCell(const std::string& message) {
    if (!m_error)
        m_error = makeError(ErrorCode::InvalidArgument, message, m_context + ", cell " + m_ref);
}

void SheetStream::startElement(std::string_view name, const char** a) {
    if (name == "mergeCell") {
        const char* ref = XmlReader::attribute(a, "ref");
        std::string range = ref ? ref : "";
        const auto colon = range.find(':');
        MergedRange merged;
        if (colon != std::string::npos &&
            parseCellReference(range.substr(0, colon), merged.firstColumn, merged.firstRow) &&
            parseCellReference(range.substr(colon + 1), merged.lastColumn, merged.lastRow))
            m_merges.push_back(merged);
        return;
    }
    if (name == "row") {
        const char* r = XmlReader::attribute(a, "r");
        m_row.number = r ? std::strtoull(r, nullptr, 10) : m_lastRow + 1;
        if (m_row.number <= m_lastRow) m_row.number = m_lastRow + 1;
        m_lastRow = m_row.number;
        ++m_rowsSeen;
        m_row.cells.clear();
        m_nextColumn = 0;
        m_inRow = true;
        return;
    }
    if (m_mergesOnly || !m_inRow) return;
    if (name == "c") {
        const char* r = XmlReader::attribute(a, "r");
        const char* t = XmlReader::attribute(a, "t");
        const char* s = XmlReader::attribute(a, "s");
        std::uint64_t rowNumber = m_row.number;
        if (r) {
            m_ref = r;
            if (!parseCellReference(m_ref, m_column, rowNumber))
                return failAtCell("bad cell reference '" + m_ref + "'");
        } else {
            m_column = m_nextColumn;
            m_ref = columnLetters(m_column) + std::to_string(m_row.number);
        }
        if (m_column >= kMaxColumns) return failAtCell("a cell beyond column XFD");
        m_nextColumn = m_column + 1;
        m_type = t ? t : "n";
        const std::size_t style = s ? std::strtoul(s, nullptr, 10) : 0;
        m_dateKind = style < m_book.styleDates.size() ? m_book.styleDates[style] : DateKind::None;
        m_value.clear();
        m_inline.clear();
    } else if (name == "v") {
        m_inValue = true;
    } else if (name == "is") {
        m_inInline = true;
    } else if (name == "t") {
        m_inText = m_inInline;
    } else if (name == "rPh") {
        ++m_phonetic;
    }
}

void SheetStream::endElement(std::string_view name) {
    if (name == "row") {
        m_inRow = false;
        if (!m_mergesOnly && !m_row.cells.empty()) m_ready.push_back(std::move(m_row));
        m_row.cells.clear();
        return;
    }
    if (m_mergesOnly || !m_inRow) return;
    if (name == "c")
        finishCell();
    else if (name == "v")
        m_inValue = false;
    else if (name == "is")
        m_inInline = false;
    else if (name == "t")
        m_inText = false;
    else if (name == "rPh")
        --m_phonetic;
}

void SheetStream::finishCell() {
    std::string value;
    if (m_type == "s") {
        if (m_value.empty()) return;
        char* end = nullptr;
        const unsigned long long index = std::strtoull(m_value.c_str(), &end, 10);
        if (*end || index >= m_book.sharedStrings.size())
            return failAtCell("shared string " + m_value + " does not exist");
        value = m_book.sharedStrings[index];
    } else if (m_type == "inlineStr") {
        value = std::move(m_inline);
    } else if (m_type == "b") {
        value = m_value == "1" ? "true" : m_value == "0" ? "false" : m_value;
    } else if (m_type == "e") {
        if (m_errorCells++ == 0) m_firstError = "cell " + m_ref + ", " + m_value;
        return;
    } else if (m_type == "n" && m_dateKind != DateKind::None && !m_value.empty()) {
        char* end = nullptr;
        const double serial = std::strtod(m_value.c_str(), &end);
        auto iso = *end ? std::nullopt : excelSerialToIso(serial, m_dateKind, m_book.date1904);
        if (!iso) {
            ++m_impossibleDates;
            return;
        }
        value = std::move(*iso);
    } else {
        value = std::move(
            m_value);  // a number as written, a formula's string ("str"), an ISO date ("d")
    }
    if (value.empty()) return;
    m_row.cells.push_back({m_column, std::move(value)});
}

}  // namespace kiln
