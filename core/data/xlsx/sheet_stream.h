#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/xlsx/workbook.h"
#include "core/data/xlsx/xml_reader.h"
#include "core/data/xlsx/zip_entry.h"

namespace kiln {

// A rectangle of merged cells, 0-based and inclusive.
struct MergedRange {
    std::uint32_t firstColumn = 0, lastColumn = 0;
    std::uint64_t firstRow = 0, lastRow = 0;  // 1-based sheet rows
};

// The rows of one sheet, streamed from its XML (never held whole): cells placed by their
// reference ("BC12"), values as the cell-rows engine reads text: shared and inline strings,
// numbers as written, booleans "true"/"false", dates (by the cell's number format) as ISO text,
// formulas by their cached value, error cells missing. Rows without values are passed over.
// Not thread-safe.
class SheetStream {
public:
    struct Cell {
        std::uint32_t column = 0;  // 0-based
        std::string value;
    };
    struct Row {
        std::uint64_t number = 0;  // 1-based, as in the sheet
        std::vector<Cell> cells;
    };

    // `book` must outlive the stream; `context` names the sheet in messages ("FILE, sheet 'Data'").
    SheetStream(const Workbook& book, std::filesystem::path file, std::string part,
                std::string context);
    ~SheetStream();

    // (Re)starts at the first row. With `mergesOnly`, rows are not kept: a pass to learn the
    // merged ranges (stored after the cells) and the row count.
    Status open(bool mergesOnly = false);
    // The next row with a value; false at the end. InvalidArgument naming the sheet and cell for
    // damaged XML or a cell that refers to nothing.
    Result<bool> next(Row& row);

    const std::vector<MergedRange>& merges() const { return m_merges; }
    std::uint64_t rowsSeen() const { return m_rowsSeen; }
    // Error cells (t="e") met so far, and the first one ("cell C4, #DIV/0!").
    std::uint64_t errorCells() const { return m_errorCells; }
    const std::string& firstErrorCell() const { return m_firstError; }
    // Date cells whose serial has no calendar date (Excel's 1900-02-29, out of range).
    std::uint64_t impossibleDates() const { return m_impossibleDates; }
    const std::string& context() const { return m_context; }

private:
    void startElement(std::string_view name, const char** attributes);
    void endElement(std::string_view name);
    void finishCell();
    void failAtCell(const std::string& message);

    const Workbook& m_book;
    std::filesystem::path m_file;
    std::string m_part;
    std::string m_context;
    ZipEntryReader m_zip;
    std::unique_ptr<XmlReader> m_xml;
    bool m_mergesOnly = false;
    bool m_finished = false;
    std::optional<Error> m_error;
    std::deque<Row> m_ready;
    Row m_row;
    bool m_inRow = false;
    // The cell being read.
    std::string m_ref;
    std::uint32_t m_column = 0;
    std::uint32_t m_nextColumn = 0;
    std::string m_type;
    DateKind m_dateKind = DateKind::None;
    std::string m_value;
    std::string m_inline;
    bool m_inValue = false, m_inInline = false, m_inText = false;
    int m_phonetic = 0;
    std::uint64_t m_lastRow = 0;
    std::uint64_t m_rowsSeen = 0;
    std::vector<MergedRange> m_merges;
    std::uint64_t m_errorCells = 0;
    std::string m_firstError;
    std::uint64_t m_impossibleDates = 0;
};

// "BC12" → column 54 (0-based), row 12; false for a malformed reference.
bool parseCellReference(const std::string& ref, std::uint32_t& column, std::uint64_t& row);
// 0 → "A", 54 → "BC".
std::string columnLetters(std::uint32_t column);

}  // namespace kiln
