#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/base/result.h"
#include "core/data/table_import.h"

namespace kiln {

class JobContext;
class Workspace;

// Where a dataset's rows come from, recorded with each import (the catalog's
// datasets.source_spec) so that `kiln refresh`, Studio's Refresh and pipelines read them again
// with the same choices. Never holds a password: a database URL is stored redacted.
struct DatasetSource {
    enum class Kind { File, Glob, Database };
    Kind kind = Kind::File;
    std::string path;     // File: the absolute path; Glob: the absolute pattern (newest match read)
    std::string url;      // Database: the URL without its password
    std::string table;    // Database: a table or view …
    std::string query;    // … or a query
    ImportOptions options;  // the user's choices (threads and chunk sizes are not kept)

    // {"kind": "file"|"glob"|"database", "path"|"pattern"|"url", "table"|"query", "options": {…}}
    std::string toJson() const;
    // InvalidArgument for JSON this did not write (an unknown kind, a missing path).
    static Result<DatasetSource> fromJson(std::string_view json);
    // What a person reads: the path, the pattern, or "URL table T" / "URL query".
    std::string describe() const;
};

// The newest regular file matching `pattern` (a shell glob: * ? [..]), by modification time, then
// by name. NotFound when nothing matches.
Result<std::filesystem::path> newestMatch(const std::string& pattern);

// Imports the newest file matching `pattern` as a version of dataset `name` and records the
// pattern as its source, so a refresh takes the newest file again.
Result<DatasetImport> importNewestMatch(Workspace& workspace, const std::string& pattern,
                                        const std::string& name, const ImportOptions& options,
                                        JobContext& job);

// Reads a file or glob source of dataset `name` again: a new version only when the content
// changed (DatasetImport::created false otherwise). Unsupported for a database source (read
// through core/database) and for datasets that recorded no source.
Result<DatasetImport> refreshFileDataset(Workspace& workspace, const std::string& name,
                                         const DatasetSource& source, JobContext& job);

}  // namespace kiln
