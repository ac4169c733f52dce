#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/data/table.h"
#include "core/data/table_import.h"
#include "core/store/object_store.h"
#include "temp_dir.h"

// A file imported into a scratch store, read back as text cells: what the tests of the JSON Lines
// and Excel readers look at.
struct ImportedFile {
    kiln::TableImportResult result;
    std::shared_ptr<kiln::Table> table;
    std::vector<std::string> names() const;
    std::string type(const std::string& column) const;
    std::string cell(const std::string& column, std::uint64_t row) const;  // "" when missing
};

class FileImports {
public:
    // Imports `file` (its format detected unless `options` says); FAILs the test on an error.
    ImportedFile import(const std::filesystem::path& file, const kiln::ImportOptions& options = {});
    // The error an import of `file` ends with (empty when it succeeds).
    kiln::Error failure(const std::filesystem::path& file, const kiln::ImportOptions& options = {});
    // Writes `text` to a file of this name in the scratch folder.
    std::filesystem::path write(const std::string& name, const std::string& text) const;

private:
    TempDir m_dir;
    kiln::ObjectStore m_store{m_dir / "objects"};
};

// A committed fixture of tests/cli/fixtures.
std::filesystem::path fixture(const std::string& relative);
