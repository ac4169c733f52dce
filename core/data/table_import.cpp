#include "core/data/table_import.h"

#include <array>
#include <cstring>
#include <fstream>

#include "core/base/names.h"
#include "core/data/csv_import.h"
#include "core/data/csv_preview.h"
#include "core/data/dataset_catalog.h"
#include "core/data/dataset_source.h"
#include "core/data/json_lines.h"
#include "core/data/parquet/parquet_import.h"
#include "core/data/xlsx/xlsx_import.h"
#include "core/store/object_store.h"
#include "core/store/workspace.h"

namespace kiln {

const char* tableFormatName(TableFormat format) {
    switch (format) {
        case TableFormat::Csv: return "csv";
        case TableFormat::Parquet: return "parquet";
        case TableFormat::JsonLines: return "jsonl";
        case TableFormat::Excel: return "xlsx";
    }
    return "csv";
}

namespace {

namespace fs = std::filesystem;

bool startsWith(const std::string& bytes, const char* prefix) {
    return bytes.compare(0, std::strlen(prefix), prefix) == 0;
}

// Whether a zip's first entries name an Excel workbook (its local headers hold the file names).
bool looksLikeWorkbook(const std::string& head) {
    return head.find("xl/workbook.xml") != std::string::npos ||
           head.find("[Content_Types].xml") != std::string::npos;
}

// Whether the first line of `head` (after a BOM and blanks) opens a JSON object that closes on
// that line: a CSV file whose first cell starts with '{' has a delimiter after the closing brace.
bool looksLikeJsonLines(const std::string& head) {
    std::size_t i = startsWith(head, "\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
    if (i >= head.size() || head[i] != '{') return false;
    std::size_t end = head.find('\n', i);
    if (end == std::string::npos) end = head.size();
    std::size_t last = end;
    while (last > i && (head[last - 1] == ' ' || head[last - 1] == '\t' || head[last - 1] == '\r')) --last;
    return last > i && head[last - 1] == '}';
}

Result<TableFormat> fromContent(const fs::path& file) {
    std::error_code ec;
    if (fs::is_directory(file, ec))
        return makeError(ErrorCode::Unsupported,
                         "is a folder: image folders are handled by the image importer",
                         file.string());
    // A FIFO, a device or a missing file: the CSV reader refuses it with the reason (opening a
    // FIFO here would wait for a writer).
    if (!fs::exists(file, ec)) return makeError(ErrorCode::NotFound, "no such file", file.string());
    if (!fs::is_regular_file(file, ec)) return TableFormat::Csv;
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::Io, "cannot read the file", file.string());
    std::string head(64 * 1024, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(std::size_t(in.gcount()));
    if (startsWith(head, "PAR1")) return TableFormat::Parquet;
    if (startsWith(head, "PK\x03\x04") && looksLikeWorkbook(head)) return TableFormat::Excel;
    // A JSON object on a first line longer than the head (wide records): read on to its end, up
    // to 64 MiB, as the CSV sample does for wide tables.
    const std::size_t brace = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    while (brace != std::string::npos && head[brace] == '{' && head.find('\n') == std::string::npos &&
           head.size() < (std::size_t(64) << 20) && in) {
        std::string more(head.size(), '\0');
        in.read(more.data(), std::streamsize(more.size()));
        head.append(more, 0, std::size_t(in.gcount()));
    }
    if (looksLikeJsonLines(head)) return TableFormat::JsonLines;
    return TableFormat::Csv;
}

}  // namespace

Result<TableFormat> detectTableFormat(const fs::path& file, const ImportOptions& options) {
    switch (options.format) {
        case ImportOptions::Format::Csv:
        case ImportOptions::Format::Tsv: return TableFormat::Csv;
        case ImportOptions::Format::Parquet: return TableFormat::Parquet;
        case ImportOptions::Format::JsonLines: return TableFormat::JsonLines;
        case ImportOptions::Format::Excel: return TableFormat::Excel;
        case ImportOptions::Format::Auto: break;
    }
    return fromContent(file);
}

Result<TableImportResult> readTable(const ObjectStore& store, const fs::path& file,
                                    const ImportOptions& options, JobContext& job) {
    auto format = detectTableFormat(file, options);
    if (!format) return format.error();
    switch (*format) {
        case TableFormat::Parquet: return readParquetTable(store, file, options, job);
        case TableFormat::JsonLines: return readJsonLinesTable(store, file, options, job);
        case TableFormat::Excel: return readExcelTable(store, file, options, job);
        case TableFormat::Csv: break;
    }
    return readCsvTable(store, file, options, job);
}

Result<TablePreview> previewTable(const fs::path& file, const ImportOptions& options, std::size_t rows) {
    auto format = detectTableFormat(file, options);
    if (!format) return format.error();
    switch (*format) {
        case TableFormat::Parquet: return previewParquet(file, options, rows);
        case TableFormat::JsonLines: return previewJsonLines(file, options, rows);
        case TableFormat::Excel: return previewExcel(file, options, rows);
        case TableFormat::Csv: break;
    }
    return previewCsv(file, options, rows);
}

std::string fileSourceSpec(const fs::path& file, const ImportOptions& options) {
    std::error_code ec;
    DatasetSource source;
    source.path = fs::absolute(file, ec).lexically_normal().string();
    source.options = options;
    return source.toJson();
}

Result<DatasetImport> recordImportedTable(Workspace& workspace, TableImportResult table,
                                          const std::string& name, const std::string& sourcePath,
                                          const std::string& sourceSpec) {
    NewDatasetVersion entry;
    entry.name = name;
    entry.contentHash = table.manifestHash;
    entry.schemaJson = table.manifest.schemaJson();
    entry.rows = table.manifest.rows;
    entry.sourcePath = sourcePath;
    entry.manifest = table.manifest.toJson();
    entry.sourceSpec = sourceSpec;
    DatasetCatalog catalog(workspace.catalog());
    auto recorded = catalog.recordVersion(entry);
    if (!recorded) return recorded.error();
    table.pending.reset();  // the catalog references the objects now
    DatasetImport out;
    out.table = std::move(table);
    out.dataset = entry.name;
    out.version = recorded->version.version;
    out.created = recorded->created;
    return out;
}

Result<DatasetImport> importTableDataset(Workspace& workspace, const fs::path& file,
                                         const std::string& name, const ImportOptions& options,
                                         JobContext& job) {
    auto format = detectTableFormat(file, options);
    if (!format) return format.error();
    auto table = readTable(workspace.objects(), file, options, job);
    if (!table) return table.error();
    if (job.cancelled()) return makeError(ErrorCode::Cancelled, "import cancelled");
    std::error_code ec;
    return recordImportedTable(workspace, std::move(*table),
                               name.empty() ? validNameFrom(file.stem().string()) : name,
                               fs::absolute(file, ec).string(), fileSourceSpec(file, options));
}

}  // namespace kiln
