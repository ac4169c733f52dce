#include "core/data/xlsx/excel_sheet_source.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/data/csv_dialect.h"

namespace kiln {

namespace {

constexpr std::size_t kHeaderSampleRows = 20;

std::string sheetList(const Workbook& book) {
    std::string list;
    for (const auto& sheet : book.sheets) list += (list.empty() ? "'" : ", '") + sheet.name + "'";
    return list;
}

std::vector<std::string> dense(const SheetStream::Row& row) {
    std::vector<std::string> cells;
    for (const auto& cell : row.cells) {
        if (cell.column >= cells.size()) cells.resize(cell.column + 1);
        cells[cell.column] = cell.value;
    }
    return cells;
}

}  // namespace

Result<std::unique_ptr<ExcelSheetSource>> ExcelSheetSource::open(const std::filesystem::path& file,
                                                                 const ImportOptions& options) {
    auto book = readWorkbook(file, true);
    if (!book) return book.error();
    auto source = std::unique_ptr<ExcelSheetSource>(new ExcelSheetSource());
    source->m_file = file;
    source->m_book = std::move(*book);
    const auto& sheets = source->m_book.sheets;
    auto sheet = options.sheet.empty()
                     ? sheets.begin()
                     : std::find_if(sheets.begin(), sheets.end(),
                                    [&](const auto& s) { return s.name == options.sheet; });
    if (sheet == sheets.end())
        return makeError(ErrorCode::InvalidArgument,
                         "no sheet '" + options.sheet +
                             "' in the workbook; its sheets: " + sheetList(source->m_book),
                         file.string());
    source->m_sheet = sheet->name;
    source->m_stream = std::make_unique<SheetStream>(
        source->m_book, file, sheet->part, file.string() + ", sheet '" + sheet->name + "'");
    // Merged ranges follow the cells in the sheet's XML: one pass to learn them first.
    if (auto s = source->m_stream->open(true); !s) return s.error();
    SheetStream::Row row;
    for (;;) {
        auto more = source->m_stream->next(row);
        if (!more) return more.error();
        if (!*more) break;
    }
    source->m_merges = source->m_stream->merges();
    source->m_totalRows = source->m_stream->rowsSeen();
    if (auto s = source->decideHeader(options); !s) return s.error();
    if (auto s = source->rewind(); !s) return s.error();
    return source;
}

Status ExcelSheetSource::decideHeader(const ImportOptions& options) {
    if (auto s = m_stream->open(); !s) return s;
    std::vector<std::vector<std::string>> records;
    std::uint64_t firstRow = 0;
    SheetStream::Row row;
    while (records.size() < kHeaderSampleRows) {
        auto more = m_stream->next(row);
        if (!more) return more.error();
        if (!*more) break;
        if (records.empty()) firstRow = row.number;
        records.push_back(dense(row));
    }
    if (records.empty()) return {};
    m_header = options.forceHeader || (!options.noHeader && looksLikeHeader(records, false));
    if (!m_header) return {};
    m_headerNames = records.front();
    for (const auto& merged : m_merges) {
        if (merged.firstRow > firstRow || merged.lastRow < firstRow ||
            merged.firstColumn >= m_headerNames.size())
            continue;
        const std::string name = m_headerNames[merged.firstColumn];
        if (merged.lastColumn >= m_headerNames.size()) m_headerNames.resize(merged.lastColumn + 1);
        for (auto c = merged.firstColumn; c <= merged.lastColumn; ++c) m_headerNames[c] = name;
    }
    widen(m_headerNames.size());
    return {};
}

// Names for columns up to `width`: the header's, made unique, then column_N.
void ExcelSheetSource::widen(std::size_t width) {
    if (width <= m_names.size()) return;
    const auto names = uniqueColumnNames(m_headerNames, width);
    for (std::size_t c = m_names.size(); c < width; ++c) m_names.push_back(names[c]);
}

Result<bool> ExcelSheetSource::next(std::vector<std::string>& cells) {
    SheetStream::Row row;
    auto more = m_stream->next(row);
    if (!more) return more.error();
    if (!*more) return false;
    m_row = row.number;
    ++m_rowsRead;
    if (!row.cells.empty()) widen(std::size_t(row.cells.back().column) + 1);
    for (const auto& cell : row.cells) widen(std::size_t(cell.column) + 1);
    cells.resize(m_names.size());
    for (auto& cell : cells) cell.clear();
    for (auto& cell : row.cells) cells[cell.column] = std::move(cell.value);
    return true;
}

Status ExcelSheetSource::rewind() {
    if (auto s = m_stream->open(); !s) return s;
    m_row = 0;
    m_rowsRead = 0;
    if (!m_header) return {};
    SheetStream::Row header;
    auto more = m_stream->next(header);
    if (!more) return more.error();
    return {};
}

std::string ExcelSheetSource::location() const {
    return m_stream->context() + (m_row ? ", row " + std::to_string(m_row) : "");
}

std::pair<std::uint64_t, std::uint64_t> ExcelSheetSource::progress() const {
    return {m_rowsRead, m_totalRows};
}

std::string ExcelSheetSource::sourceJson() const {
    return nlohmann::json{{"reader", "xlsx"},
                          {"sheet", m_sheet},
                          {"header", m_header},
                          {"date_system", m_book.date1904 ? 1904 : 1900}}
        .dump();
}

std::vector<std::string> ExcelSheetSource::notes() const {
    std::vector<std::string> notes;
    if (const auto errors = m_stream->errorCells())
        notes.push_back(std::to_string(errors) + " cell" + (errors == 1 ? "" : "s") +
                        " held an Excel error and read as missing (the first: " +
                        m_stream->firstErrorCell() + ")");
    if (const auto dates = m_stream->impossibleDates())
        notes.push_back(
            std::to_string(dates) + " date cell" + (dates == 1 ? "" : "s") +
            " with no calendar date (Excel's 1900-02-29, or out of range) read as missing");
    if (m_book.date1904) notes.push_back("dates in the 1904 date system");
    return notes;
}

std::vector<std::string> ExcelSheetSource::sheets() const {
    std::vector<std::string> names;
    for (const auto& sheet : m_book.sheets) names.push_back(sheet.name);
    return names;
}

}  // namespace kiln
