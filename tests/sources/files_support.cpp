#include "files_support.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "core/data/column_type.h"
#include "core/jobs/job_context.h"

using namespace kiln;

std::vector<std::string> ImportedFile::names() const {
    std::vector<std::string> names;
    for (std::size_t c = 0; c < table->columnCount(); ++c)
        names.push_back(table->column(c).info().name);
    return names;
}

std::string ImportedFile::type(const std::string& column) const {
    const int c = table->columnIndex(column);
    REQUIRE(c >= 0);
    return columnTypeName(table->column(std::size_t(c)).info().type);
}

std::string ImportedFile::cell(const std::string& column, std::uint64_t row) const {
    const int c = table->columnIndex(column);
    REQUIRE(c >= 0);
    REQUIRE(row < table->rows());
    return table->column(std::size_t(c)).text(row);
}

ImportedFile FileImports::import(const std::filesystem::path& file, const ImportOptions& options) {
    BasicJobContext job;
    auto read = readTable(m_store, file, options, job);
    if (!read) FAIL(read.error().message + " (" + read.error().context + ")");
    ImportedFile imported;
    imported.result = std::move(*read);
    auto table = Table::open(m_store, imported.result.manifestHash);
    REQUIRE(table);
    imported.table = *table;
    return imported;
}

Error FileImports::failure(const std::filesystem::path& file, const ImportOptions& options) {
    BasicJobContext job;
    auto read = readTable(m_store, file, options, job);
    if (read) return Error{};
    return read.error();
}

std::filesystem::path FileImports::write(const std::string& name, const std::string& text) const {
    const auto path = m_dir / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::filesystem::path fixture(const std::string& relative) {
    return std::filesystem::path(KILN_SOURCE_DIR) / "tests/cli/fixtures" / relative;
}
