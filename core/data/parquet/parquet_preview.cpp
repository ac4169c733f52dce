#include <algorithm>
#include <unordered_set>

#include "core/data/column_choices.h"
#include "core/data/parquet/parquet_import.h"
#include "core/data/parquet/parquet_reading.h"

namespace kiln {

using namespace parquet;

namespace {

constexpr std::size_t kSampleRows = 5000;

// The first rows' cells of every flat column as text ("" for null), read from the first row
// groups until `rows` rows.
Result<std::vector<std::vector<std::string>>> sampleCells(const OpenedParquet& opened,
                                                          std::size_t rows) {
    const auto& columns = opened.schema.columns;
    std::vector<std::vector<std::string>> cells(columns.size());
    const auto& groups = opened.file->meta().rowGroups;
    for (std::size_t g = 0; g < groups.size() && (cells[0].size() < rows); ++g) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            ColumnData data;
            try {
                readColumnChunk(*opened.file, groups[g].columns[columns[c].leaf], columns[c].info,
                                groups[g].numRows, data);
            } catch (const std::exception& e) {
                return chunkError(opened, g, columns[c].name, data.pages, e.what());
            }
            std::size_t v = 0;
            for (std::size_t r = 0; r < data.defined.size() && cells[c].size() < rows; ++r)
                cells[c].push_back(data.defined[r] ? formatValue(columns[c], data.values, v++)
                                                   : std::string());
        }
    }
    return cells;
}

// The distinct values of a sampled column in the order met; empty past kMaxListedValues.
std::vector<std::string> listedValues(const std::vector<std::string>& cells,
                                      std::size_t& distinct) {
    std::vector<std::string> values;
    std::unordered_set<std::string> seen;
    for (const auto& cell : cells) {
        if (cell.empty() || !seen.insert(cell).second) continue;
        if (values.size() <= kMaxListedValues) values.push_back(cell);
    }
    distinct = seen.size();
    if (values.size() > kMaxListedValues) values.clear();
    return values;
}

}  // namespace

Result<TablePreview> previewParquet(const std::filesystem::path& file, const ImportOptions& options,
                                    std::size_t rows) {
    auto opened = openParquet(file);
    if (!opened) return opened.error();
    auto cells = sampleCells(*opened, std::max(rows, kSampleRows));
    if (!cells) return cells.error();
    TablePreview preview;
    preview.format = TableFormat::Parquet;
    preview.notes = opened->schema.notes;
    preview.bytes = opened->file->size();
    preview.columns = initialSpecs(*opened);
    preview.sampledRecords = (*cells)[0].size();
    for (std::size_t c = 0; c < cells->size(); ++c) {
        std::size_t distinct = 0;
        preview.values.push_back(listedValues((*cells)[c], distinct));
        // The import decides over the whole column; the sample's share stands in for it here.
        auto& spec = preview.columns[c];
        if (spec.type == ColumnType::Categorical &&
            distinct > std::max<std::size_t>(20, preview.sampledRecords / 20))
            spec.type = ColumnType::Text;
    }
    if (auto s = applyColumnChoices(preview.columns, options); !s) return s.error();
    const std::size_t shown = std::min(rows, preview.sampledRecords);
    for (std::size_t r = 0; r < shown; ++r) {
        std::vector<std::string> row;
        for (const auto& column : *cells) row.push_back(column[r]);
        preview.rows.push_back(std::move(row));
    }
    return preview;
}

}  // namespace kiln
