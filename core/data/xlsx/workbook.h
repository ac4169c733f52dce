#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/data/xlsx/excel_dates.h"

namespace kiln {

// What a sheet's cells refer to, read from the small parts of an .xlsx workbook: the sheets
// (xl/workbook.xml and its relationships), the date system, the shared strings and which cell
// styles are dates (xl/styles.xml). Plain value type.
struct Workbook {
    struct Sheet {
        std::string name;
        std::string part;  // the zip member holding its XML ("xl/worksheets/sheet1.xml")
    };
    std::vector<Sheet> sheets;
    bool date1904 = false;
    std::vector<std::string> sharedStrings;  // rich text runs joined
    std::vector<DateKind> styleDates;        // by cell style index (a cell's s="…")
};

// Reads the workbook's sheet list and date system; with `content`, its shared strings and styles
// too. InvalidArgument for a file that is not a zip archive or a zip that is not a workbook.
Result<Workbook> readWorkbook(const std::filesystem::path& file, bool content);

}  // namespace kiln
