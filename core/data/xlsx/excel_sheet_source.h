#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/data/cell_rows.h"
#include "core/data/xlsx/sheet_stream.h"
#include "core/data/xlsx/workbook.h"

namespace kiln {

// One sheet of a workbook as rows of text cells for the cell-rows engine: the header found as
// CSV import finds it (looksLikeHeader; noHeader/forceHeader), a header merged across columns
// naming each of them, cells placed by reference so sparse rows and skipped columns line up.
class ExcelSheetSource : public CellRowSource {
public:
    // Reads the workbook's parts and the sheet once for its merged ranges. InvalidArgument for a
    // file that is not a workbook, or an unknown sheet (the message lists the sheets).
    static Result<std::unique_ptr<ExcelSheetSource>> open(const std::filesystem::path& file,
                                                          const ImportOptions& options);

    const std::vector<std::string>& columnNames() const override { return m_names; }
    Result<bool> next(std::vector<std::string>& cells) override;
    Status rewind() override;
    std::string location() const override;
    std::pair<std::uint64_t, std::uint64_t> progress() const override;
    std::string sourceJson() const override;
    std::vector<std::string> notes() const override;

    const std::string& sheet() const { return m_sheet; }
    std::vector<std::string> sheets() const;

private:
    ExcelSheetSource() = default;
    Status decideHeader(const ImportOptions& options);
    void widen(std::size_t width);

    std::filesystem::path m_file;
    Workbook m_book;
    std::string m_sheet;
    std::unique_ptr<SheetStream> m_stream;
    std::uint64_t m_totalRows = 0;
    std::vector<MergedRange> m_merges;
    bool m_header = false;
    std::vector<std::string> m_headerNames;  // as in the sheet (merges applied), before uniqueness
    std::vector<std::string> m_names;
    std::uint64_t m_row = 0;  // sheet row of the last row read
    std::uint64_t m_rowsRead = 0;
};

}  // namespace kiln
