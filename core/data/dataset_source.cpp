#include "core/data/dataset_source.h"

#include <glob.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/base/names.h"
#include "core/jobs/job_context.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* formatWord(ImportOptions::Format format) {
    switch (format) {
        case ImportOptions::Format::Auto: return "auto";
        case ImportOptions::Format::Csv: return "csv";
        case ImportOptions::Format::Tsv: return "tsv";
        case ImportOptions::Format::Parquet: return "parquet";
        case ImportOptions::Format::JsonLines: return "jsonl";
        case ImportOptions::Format::Excel: return "xlsx";
    }
    return "auto";
}

ImportOptions::Format formatFromWord(const std::string& word) {
    for (auto f : {ImportOptions::Format::Csv, ImportOptions::Format::Tsv, ImportOptions::Format::Parquet,
                   ImportOptions::Format::JsonLines, ImportOptions::Format::Excel})
        if (word == formatWord(f)) return f;
    return ImportOptions::Format::Auto;
}

json optionsJson(const ImportOptions& o) {
    json doc = {{"format", formatWord(o.format)}};
    if (o.delimiter) doc["delimiter"] = std::string(1, *o.delimiter);
    if (o.noHeader) doc["no_header"] = true;
    if (o.forceHeader) doc["header"] = true;
    if (o.decimalComma) doc["decimal_comma"] = *o.decimalComma;
    if (!o.sheet.empty()) doc["sheet"] = o.sheet;
    if (!o.typeOverrides.empty()) doc["types"] = o.typeOverrides;
    if (!o.renames.empty()) doc["renames"] = o.renames;
    if (!o.skipColumns.empty()) doc["skip"] = o.skipColumns;
    if (!o.categoryOrders.empty()) {
        json orders = json::array();
        for (const auto& order : o.categoryOrders)
            orders.push_back({{"column", order.column}, {"levels", order.levels}});
        doc["orders"] = orders;
    }
    if (o.skipBadRows) doc["skip_bad_rows"] = true;
    if (o.strictEncoding) doc["strict_encoding"] = true;
    return doc;
}

ImportOptions optionsFrom(const json& doc) {
    ImportOptions o;
    o.format = formatFromWord(doc.value("format", "auto"));
    if (auto d = doc.value("delimiter", std::string()); d.size() == 1) o.delimiter = d[0];
    o.noHeader = doc.value("no_header", false);
    o.forceHeader = doc.value("header", false);
    if (doc.contains("decimal_comma")) o.decimalComma = doc["decimal_comma"].get<bool>();
    o.sheet = doc.value("sheet", "");
    o.typeOverrides = doc.value("types", std::vector<std::string>{});
    o.renames = doc.value("renames", std::vector<std::pair<std::string, std::string>>{});
    o.skipColumns = doc.value("skip", std::vector<std::string>{});
    for (const auto& order : doc.value("orders", json::array()))
        o.categoryOrders.push_back(
            {order.value("column", ""), order.value("levels", std::vector<std::string>{})});
    o.skipBadRows = doc.value("skip_bad_rows", false);
    o.strictEncoding = doc.value("strict_encoding", false);
    return o;
}

const char* kindWord(DatasetSource::Kind kind) {
    switch (kind) {
        case DatasetSource::Kind::File: return "file";
        case DatasetSource::Kind::Glob: return "glob";
        case DatasetSource::Kind::Database: return "database";
    }
    return "file";
}

}  // namespace

std::string DatasetSource::toJson() const {
    json doc = {{"kind", kindWord(kind)}};
    if (kind == Kind::File) doc["path"] = path;
    if (kind == Kind::Glob) doc["pattern"] = path;
    if (kind == Kind::Database) {
        doc["url"] = url;
        if (!table.empty()) doc["table"] = table;
        if (!query.empty()) doc["query"] = query;
    }
    doc["options"] = optionsJson(options);
    return doc.dump();
}

Result<DatasetSource> DatasetSource::fromJson(std::string_view text) {
    const json doc = json::parse(text, nullptr, false);
    if (!doc.is_object())
        return makeError(ErrorCode::InvalidArgument, "the dataset's recorded source is not JSON");
    try {
        DatasetSource source;
        const std::string kind = doc.value("kind", "");
        if (kind == "file") {
            source.kind = Kind::File;
            source.path = doc.value("path", "");
        } else if (kind == "glob") {
            source.kind = Kind::Glob;
            source.path = doc.value("pattern", "");
        } else if (kind == "database") {
            source.kind = Kind::Database;
            source.url = doc.value("url", "");
            source.table = doc.value("table", "");
            source.query = doc.value("query", "");
        } else {
            return makeError(ErrorCode::InvalidArgument,
                             "the dataset's recorded source has an unknown kind '" + kind + "'");
        }
        if (source.kind != Kind::Database && source.path.empty())
            return makeError(ErrorCode::InvalidArgument, "the dataset's recorded source names no file");
        if (source.kind == Kind::Database && (source.url.empty() || source.table.empty() == source.query.empty()))
            return makeError(ErrorCode::InvalidArgument,
                             "the dataset's recorded source names no database table or query");
        if (doc.contains("options")) source.options = optionsFrom(doc["options"]);
        return source;
    } catch (const json::exception& e) {
        return makeError(ErrorCode::InvalidArgument,
                         std::string("the dataset's recorded source is malformed: ") + e.what());
    }
}

std::string DatasetSource::describe() const {
    switch (kind) {
        case Kind::File: return path;
        case Kind::Glob: return path + " (newest match)";
        case Kind::Database: return url + (table.empty() ? " query" : " table " + table);
    }
    return path;
}

Result<fs::path> newestMatch(const std::string& pattern) {
    glob_t found{};
    const int status = ::glob(pattern.c_str(), GLOB_NOSORT, nullptr, &found);
    std::vector<fs::path> files;
    if (status == 0)
        for (std::size_t i = 0; i < found.gl_pathc; ++i) {
            std::error_code ec;
            if (fs::is_regular_file(found.gl_pathv[i], ec)) files.emplace_back(found.gl_pathv[i]);
        }
    ::globfree(&found);
    if (files.empty()) return makeError(ErrorCode::NotFound, "no file matches", pattern);
    auto newer = [](const fs::path& a, const fs::path& b) {
        std::error_code ea, eb;
        const auto ta = fs::last_write_time(a, ea), tb = fs::last_write_time(b, eb);
        return ta != tb ? ta < tb : a < b;
    };
    return *std::max_element(files.begin(), files.end(), newer);
}

namespace {

Result<DatasetImport> importRecording(Workspace& workspace, const fs::path& file,
                                      const std::string& name, const DatasetSource& source,
                                      JobContext& job) {
    auto table = readTable(workspace.objects(), file, source.options, job);
    if (!table) return table.error();
    if (job.cancelled()) return makeError(ErrorCode::Cancelled, "import cancelled");
    std::error_code ec;
    return recordImportedTable(workspace, std::move(*table), name, fs::absolute(file, ec).string(),
                               source.toJson());
}

}  // namespace

Result<DatasetImport> importNewestMatch(Workspace& workspace, const std::string& pattern,
                                        const std::string& name, const ImportOptions& options,
                                        JobContext& job) {
    std::error_code ec;
    DatasetSource source;
    source.kind = DatasetSource::Kind::Glob;
    source.path = fs::absolute(pattern, ec).string();
    source.options = options;
    auto file = newestMatch(source.path);
    if (!file) return file.error();
    return importRecording(workspace, *file, name.empty() ? validNameFrom(file->stem().string()) : name,
                           source, job);
}

Result<DatasetImport> refreshFileDataset(Workspace& workspace, const std::string& name,
                                         const DatasetSource& source, JobContext& job) {
    if (source.kind == DatasetSource::Kind::Database)
        return makeError(ErrorCode::Unsupported, "a database source is read by the database importer",
                         name);
    fs::path file = source.path;
    if (source.kind == DatasetSource::Kind::Glob) {
        auto newest = newestMatch(source.path);
        if (!newest) return newest.error();
        file = *newest;
    }
    return importRecording(workspace, file, name, source, job);
}

}  // namespace kiln
