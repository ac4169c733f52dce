// kiln import: CSV/TSV, Parquet, JSON Lines and Excel files → immutable dataset versions in the
// workspace; databases through kiln-database.so (import_database.h); image folders through the
// hook kiln-engine installs (import_images.h), since decoding images needs OpenCV.
#include <chrono>
#include <csignal>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/cli/cli_app.h"
#include "app/cli/import_database.h"
#include "app/cli/import_images.h"
#include "app/cli/import_output.h"
#include "core/base/names.h"
#include "core/data/csv_import.h"
#include "core/data/dataset_catalog.h"
#include "core/data/dataset_source.h"
#include "core/data/table_import.h"
#include "core/samples/sample_library.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

// The job context of a CLI import: Ctrl-C cancels it; warnings are kept for the summary.
class CliJob : public BasicJobContext {
public:
    bool cancelled() const override { return g_interrupted || BasicJobContext::cancelled(); }
};

}  // namespace

ImageImportHook& imageImportHook() {
    static ImageImportHook hook = nullptr;
    return hook;
}

namespace {

// "a,b,c" → {a, b, c}, empty items left out.
std::vector<std::string> splitOn(const std::string& text, char separator) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(separator, start), text.size());
        if (end > start) items.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

// --rename OLD=NEW,…  --skip COL,…  --order COL=LOW|…|HIGH (repeatable options: joined by ',').
Status parseColumnChoices(const Arguments& args, ImportOptions& o) {
    for (const auto& item : splitOn(args.value("rename").value_or(""), ',')) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0)
            return makeError(ErrorCode::InvalidArgument,
                             "--rename is written OLD=NEW, not '" + item + "'");
        o.renames.emplace_back(item.substr(0, eq), item.substr(eq + 1));
    }
    o.skipColumns = splitOn(args.value("skip").value_or(""), ',');
    for (const auto& item : splitOn(args.value("order").value_or(""), ',')) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
            return makeError(ErrorCode::InvalidArgument,
                             "--order is written COLUMN=LOW|…|HIGH, not '" + item + "'");
        o.categoryOrders.push_back({item.substr(0, eq), splitOn(item.substr(eq + 1), '|')});
    }
    return {};
}

Result<ImportOptions> parseOptions(const Arguments& args) {
    ImportOptions o;
    if (auto f = args.value("format")) {
        if (*f == "csv")
            o.format = ImportOptions::Format::Csv;
        else if (*f == "tsv")
            o.format = ImportOptions::Format::Tsv;
        else if (*f == "parquet")
            o.format = ImportOptions::Format::Parquet;
        else if (*f == "jsonl" || *f == "ndjson")
            o.format = ImportOptions::Format::JsonLines;
        else if (*f == "xlsx" || *f == "excel")
            o.format = ImportOptions::Format::Excel;
        else if (*f != "auto" && *f != "images")
            return makeError(ErrorCode::InvalidArgument,
                             "--format must be auto, csv, tsv, parquet, jsonl, xlsx or images, not '" +
                                 *f + "'");
    }
    if (auto d = args.value("delimiter")) {
        std::string v = *d;
        if (v == "\\t" || v == "tab" || v == "TAB")
            v = "\t";
        else if (v == "comma")
            v = ",";
        else if (v == "semicolon")
            v = ";";
        else if (v == "pipe")
            v = "|";
        if (v.size() != 1 || v == "\"" || v == "\n" || v == "\r")
            return makeError(ErrorCode::InvalidArgument,
                             "--delimiter must be one character (or tab), not '" + *d + "'");
        o.delimiter = v[0];
    }
    o.noHeader = args.has("no-header");
    o.forceHeader = args.has("header");
    if (o.noHeader && o.forceHeader)
        return makeError(ErrorCode::InvalidArgument, "--header and --no-header contradict each other");
    if (auto d = args.value("decimal-comma")) {
        if (*d != "yes" && *d != "no")
            return makeError(ErrorCode::InvalidArgument, "--decimal-comma must be yes or no, not '" + *d + "'");
        o.decimalComma = *d == "yes";
    }
    o.sheet = args.value("sheet").value_or("");
    o.skipBadRows = args.has("skip-bad-rows");
    o.strictEncoding = args.has("strict-encoding");
    if (auto t = args.value("type")) o.typeOverrides.push_back(*t);
    if (auto s = parseColumnChoices(args, o); !s) return s.error();
    return o;
}

nlohmann::json columnsJson(const TableManifest& m) {
    nlohmann::json cols = nlohmann::json::array();
    for (const auto& c : m.columns) {
        nlohmann::json col = {
            {"name", c.name}, {"type", columnTypeName(c.type)}, {"missing", c.missing}, {"note", c.note}};
        if (c.ordered) col["levels"] = c.categories;
        cols.push_back(std::move(col));
    }
    return cols;
}

nlohmann::json invalidUtf8Json(const EncodingRepairs& r) {
    nlohmann::json samples = nlohmann::json::array();
    for (const auto& s : r.samples)
        samples.push_back({{"line", s.line}, {"column", s.column}, {"message", s.message}});
    return {{"count", r.count}, {"samples", samples}};
}

}  // namespace

nlohmann::json importJson(const std::string& file, const DatasetImport& r, double seconds) {
    const auto& t = r.table;
    nlohmann::json skipped = nlohmann::json::array();
    for (const auto& s : t.skippedSamples)
        skipped.push_back({{"line", s.line}, {"column", s.column}, {"message", s.message}});
    nlohmann::json doc = {{"file", file},
            {"format", t.format},
            {"dataset", r.dataset},
            {"version", r.version},
            {"hash", t.manifestHash},
            {"created", r.created},
            {"rows", t.manifest.rows},
            {"columns", columnsJson(t.manifest)},
            {"dialect",
             {{"delimiter", std::string(1, t.dialect.delimiter)},
              {"delimiter_name", delimiterName(t.dialect.delimiter)},
              {"header", t.dialect.header},
              {"decimal_comma", t.dialect.decimalComma},
              {"line_ending", t.dialect.lineEnding}}},
            {"encoding", textEncodingName(t.encoding)},
            {"invalid_utf8", invalidUtf8Json(t.invalidUtf8)},
            {"skipped_rows", t.skippedRows},
            {"skipped", skipped},
            {"bytes", t.bytes},
            {"seconds", seconds},
            {"parallel", !t.sequential},
            {"notes", t.notes}};
    if (t.format != "csv") {
        doc.erase("dialect");
        doc.erase("encoding");
        doc.erase("invalid_utf8");
    }
    if (!t.sheet.empty()) doc["sheet"] = t.sheet;
    return doc;
}

namespace {

void printRepairs(const EncodingRepairs& r) {
    if (!r.count) return;
    std::cout << "  warning: " << r.count << " invalid UTF-8 byte" << (r.count == 1 ? "" : "s")
              << " replaced by U+FFFD (--strict-encoding refuses them):\n";
    for (const auto& s : r.samples)
        std::cout << "    line " << s.line << ", column " << s.column << ": " << s.message << "\n";
}

void printDialect(const TableImportResult& t) {
    std::cout << "  dialect: delimiter " << delimiterName(t.dialect.delimiter) << ", header "
              << (t.dialect.header ? "yes" : "no") << ", decimal "
              << (t.dialect.decimalComma ? "comma" : "point") << ", line ends "
              << t.dialect.lineEnding << ", encoding " << textEncodingName(t.encoding)
              << (t.encoding == TextEncoding::Latin1 ? " (not valid UTF-8: read as Latin-1)" : "")
              << "\n";
    printRepairs(t.invalidUtf8);
}

void printColumns(const TableManifest& m) {
    std::size_t width = 6;
    for (const auto& c : m.columns) width = std::max(width, printable(c.name).size());
    std::cout << "  " << std::left << std::setw(int(width)) << "column"
              << "  " << std::setw(11) << "type" << std::right << std::setw(9) << "missing"
              << "  note\n";
    for (const auto& c : m.columns)
        std::cout << "  " << std::left << std::setw(int(width)) << printable(c.name) << "  " << std::setw(11)
                  << columnTypeName(c.type) << std::right << std::setw(9) << c.missing << "  "
                  << printable(c.note) << "\n";
}

void printSkipped(const TableImportResult& t) {
    if (!t.skippedRows) return;
    std::cout << "  skipped " << t.skippedRows << " bad row" << (t.skippedRows == 1 ? "" : "s")
              << ":\n";
    for (const auto& s : t.skippedSamples)
        std::cout << "    line " << s.line << (s.column ? ", column " + std::to_string(s.column) : "")
                  << ": " << printable(s.message) << "\n";
}

}  // namespace

void printImport(const std::string& file, const DatasetImport& r, double seconds) {
    const auto& t = r.table;
    const auto& m = t.manifest;
    if (r.created)
        std::cout << "Imported " << printable(file) << " as dataset '" << r.dataset << "' version "
                  << r.version;
    else
        std::cout << "Unchanged: " << printable(file) << " is identical to dataset '" << r.dataset
                  << "' version " << r.version << "; no new version";
    std::cout << " (hash " << t.manifestHash.substr(0, 12) << ")\n"
              << "  " << m.rows << " rows x " << m.columns.size() << " columns, " << t.bytes
              << " bytes in " << std::fixed << std::setprecision(2) << seconds << " s\n";
    if (t.format == "csv") printDialect(t);
    else
        std::cout << "  format: " << t.format
                  << (t.sheet.empty() ? "" : ", sheet '" + printable(t.sheet) + "'") << "\n";
    for (const auto& note : t.notes) std::cout << "  note: " << printable(note) << "\n";
    printColumns(m);
    printSkipped(t);
}

namespace {
// Imports one path: a folder (or --format images) as images, a file in its format (CSV/TSV,
// Parquet, JSON Lines, Excel: detected from the content unless --format says).
int importOne(Workspace& ws, const std::string& path, const Arguments& args, const ImportOptions& options,
              nlohmann::json& imports) {
    CliJob job;
    auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    std::error_code ec;
    bool images = args.value("format") == std::optional<std::string>("images") ||
                  std::filesystem::is_directory(path, ec);
    if (images) {
        if (!imageImportHook())
            return reportError(makeError(ErrorCode::Internal,
                                         "image folders are imported by kiln-engine", path));
        return imageImportHook()(ws, path, args, job, imports, elapsed);
    }
    auto result = args.has("newest")
                      ? importNewestMatch(ws, path, args.value("name").value_or(""), options, job)
                      : importTableDataset(ws, path, args.value("name").value_or(""), options, job);
    if (!result) return reportError(result.error());
    if (args.json) imports.push_back(importJson(path, *result, elapsed()));
    else printImport(path, *result, elapsed());
    return kExitOk;
}

// --sample NAME: one of Kiln's samples, named after it unless --name says otherwise, its source
// and licence recorded as the dataset's description.
int runSampleImport(const Arguments& args, const ImportOptions& options) {
    if (!args.positionals.empty())
        return reportUsageError("--sample imports a sample dataset; give it no file as well");
    auto sample = findSample(*args.value("sample"));
    if (!sample) return reportError(sample.error());
    Arguments named = args;
    if (!named.has("name")) named.options["name"] = sample->name;
    auto workspace = openWorkspace(args, true);
    if (!workspace) return reportError(workspace.error());
    std::signal(SIGINT, [](int) { g_interrupted = 1; });
    nlohmann::json imports = nlohmann::json::array();
    if (int s = importOne(**workspace, sample->path, named, options, imports); s != kExitOk) return s;
    const std::string name = *named.value("name");
    DatasetCatalog catalog((*workspace)->catalog());
    if (auto s = catalog.setDescription(name, describeSample(*sample)); !s) return reportError(s.error());
    if (args.json) {
        std::cout << nlohmann::json{{"imports", imports}, {"sample", sample->name},
                                    {"target", sample->target}}.dump(2)
                  << "\n";
    } else {
        std::cout << "  " << sample->title << ", " << sample->licence << "\n"
                  << "  train it: kiln train " << printable(name) << " --target " << sample->target
                  << "\n";
    }
    return kExitOk;
}

// --db URL (--table T | --query SQL): through the database module (import_database.h).
int runDatabaseImport(const Arguments& args) {
    if (!args.positionals.empty())
        return reportUsageError("--db imports from a database; give it no file as well");
    if (args.has("table") == args.has("query"))
        return reportUsageError("--db needs one of --table TABLE or --query SQL");
    auto workspace = openWorkspace(args, true);
    if (!workspace) return reportError(workspace.error());
    std::signal(SIGINT, [](int) { g_interrupted = 1; });
    CliJob job;
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    nlohmann::json imports = nlohmann::json::array();
    const int status = importFromDatabase(**workspace, args, job, imports, elapsed);
    if (args.json && status == kExitOk) std::cout << nlohmann::json{{"imports", imports}}.dump(2) << "\n";
    return status;
}

int runImport(const Arguments& args) {
    if (args.has("db")) return runDatabaseImport(args);
    if (args.has("sample")) {
        auto options = parseOptions(args);
        if (!options) return reportError(options.error());
        return runSampleImport(args, *options);
    }
    if (args.positionals.empty())
        return reportUsageError("'kiln import' needs more arguments: a file or folder to import, or "
                                "--sample NAME");
    if (args.has("name") && args.positionals.size() > 1)
        return reportUsageError(
            "--name names one dataset; import several files without it (each is named after its "
            "file)");
    auto options = parseOptions(args);
    if (!options) return reportError(options.error());
    auto workspace = openWorkspace(args, true);
    if (!workspace) return reportError(workspace.error());
    std::signal(SIGINT, [](int) { g_interrupted = 1; });
    nlohmann::json imports = nlohmann::json::array();
    int status = kExitOk;
    for (const auto& path : args.positionals)
        if (int s = importOne(**workspace, path, args, *options, imports); s != kExitOk) status = s;
    if (args.json) std::cout << nlohmann::json{{"imports", imports}}.dump(2) << "\n";
    return status;
}

}  // namespace

Result<ImportOptions> importOptionsFrom(const Arguments& args) { return parseOptions(args); }

Command makeImportCommand() {
    Command c;
    c.name = "import";
    c.summary = "import CSV/TSV, Parquet, JSON Lines or Excel files, image folders or database tables as dataset versions";
    c.usage =
        "kiln import PATH... | --sample NAME | --db URL (--table T | --query SQL) [--name N] "
        "[--format auto|csv|tsv|parquet|jsonl|xlsx|images] [--sheet S] [--delimiter C] "
        "[--header|--no-header] "
        "[--type COL=TYPE,...] [--skip-bad-rows] [--strict-encoding]";
    c.description =
        "Reads each file (UTF-8 with or without BOM, UTF-16 with BOM, or Latin-1, decided from "
        "the whole\n"
        "file: a few invalid bytes in UTF-8 are replaced by U+FFFD and listed), detects its "
        "dialect\n"
        "(delimiter , ; TAB |, header, decimal comma) and column types (integer, float, boolean, "
        "date,\n"
        "datetime, categorical, text), and stores it as an immutable dataset version named by its "
        "content\n"
        "hash. Re-importing identical content makes no new version. Each file becomes its own "
        "dataset,\n"
        "named after the file unless --name is given. Bad rows stop the import with their line and "
        "column,\n"
        "or, with --skip-bad-rows, are skipped and counted. Types: integer, float, boolean, date, "
        "date-dmy,\n"
        "date-mdy, datetime, categorical, text.\n"
        "A folder is an image dataset (PNG, JPEG, BMP, TIFF, WebP): one sub-folder per class\n"
        "(nested folders give class names like outer/inner), or flat and unlabelled; files that\n"
        "cannot be decoded are skipped and listed.\n"
        "Parquet (flat columns; nested ones are left out and named), JSON Lines (one object per\n"
        "line, nested objects flattened to dotted names) and Excel workbooks (.xlsx; --sheet picks\n"
        "the sheet, the first by default) are told from their content, whatever their extension.\n"
        "--db URL reads a PostgreSQL database (postgresql://USER@HOST:PORT/DB, service=NAME,\n"
        "passwords from ~/.pgpass or $PGPASSWORD, never stored) or a SQLite file (sqlite:PATH):\n"
        "one --table or the rows of a --query, types from the database's own.\n"
        "--sample NAME imports one of the datasets shipped with Kiln (kiln samples lists them).";
    c.options = {
        {"name", "N", "dataset name (default: the file name without extension)"},
        {"sample", "NAME", "import a sample dataset shipped with Kiln (see kiln samples)"},
        {"format", "FORMAT", "auto (default), csv, tsv, parquet, jsonl, xlsx or images"},
        {"sheet", "S", "Excel: the sheet to read (default: the first)"},
        {"newest", "",
         "PATH is a quoted pattern ('incoming/wine-*.csv'): import its newest file, and let "
         "'kiln refresh' take the newest again"},
        {"db", "URL", "import from a database: postgresql://USER@HOST/DB, service=NAME or sqlite:FILE"},
        {"table", "T", "with --db: the table (or view) to import"},
        {"query", "SQL", "with --db: the query whose rows to import"},
        {"delimiter", "C", "field delimiter (one character, or 'tab')"},
        {"no-header", "", "the first row is data, not column names"},
        {"header", "", "the first row is column names, even if it looks like data"},
        {"decimal-comma", "yes|no", "whether 3,14 means 3.14 (default: detected)"},
        {"type", "COL=TYPE", "force column types: --type id=text,day=date-mdy (repeatable)", true},
        {"rename", "OLD=NEW", "store a column under another name: --rename V1=height (repeatable)",
         true},
        {"skip", "COL", "leave a column out: --skip row_id,notes (repeatable)", true},
        {"order", "COL=A|B|C",
         "categories with an order, low to high: --order 'agegp=25-34|35-44|45-54' (repeatable)",
         true},
        {"skip-bad-rows", "",
         "skip rows with the wrong number of fields (reported with line numbers)"},
        {"strict-encoding", "",
         "refuse a UTF-8 file with invalid bytes (default: replace them by U+FFFD and report "
         "them)"}};
    c.minPositionals = 0;
    c.maxPositionals = -1;
    c.run = runImport;
    return c;
}

}  // namespace kiln::cli
