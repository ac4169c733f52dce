#include "core/data/table.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

#include "core/data/cell_parser.h"
#include "core/data/column_chunk.h"
#include "core/data/npy.h"
#include "core/store/object_store.h"

namespace kiln {

std::string TableManifest::toJson() const {
    nlohmann::json columnsJson = nlohmann::json::array();
    for (const auto& c : columns) {
        nlohmann::json col = {{"name", c.name},
                              {"type", columnTypeName(c.type)},
                              {"missing", c.missing},
                              {"values", c.values},
                              {"note", c.note}};
        if (!c.mask.empty()) col["mask"] = c.mask;
        if (!c.offsets.empty()) col["offsets"] = c.offsets;
        if (c.type == ColumnType::Categorical) col["categories"] = c.categories;
        // Written only when set, so the manifests (and hashes) of every other table stay as
        // they always were.
        if (c.ordered) col["ordered"] = true;
        if (!c.labels.empty()) col["labels"] = c.labels;
        columnsJson.push_back(std::move(col));
    }
    nlohmann::json source = nlohmann::json::parse(sourceJson, nullptr, false);
    if (source.is_discarded()) source = nlohmann::json::object();
    nlohmann::json doc = {
        {"format", "kiln-table/1"}, {"rows", rows}, {"columns", columnsJson}, {"source", source}};
    // A name or category that is not UTF-8 (a reader's slip) is written with U+FFFD, never a
    // crash: every valid manifest dumps, and hashes, as it always did.
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string TableManifest::schemaJson() const {
    nlohmann::json schema = nlohmann::json::array();
    for (const auto& c : columns) {
        nlohmann::json column = {
            {"name", c.name}, {"type", columnTypeName(c.type)}, {"missing", c.missing}, {"note", c.note}};
        if (c.ordered) column["ordered"] = true;
        schema.push_back(std::move(column));
    }
    return schema.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<TableManifest> TableManifest::fromJson(std::string_view json) {
    auto doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || doc.value("format", "") != "kiln-table/1")
        return makeError(ErrorCode::Corrupt, "not a kiln-table/1 manifest");
    try {
        TableManifest m;
        m.rows = doc.at("rows").get<std::uint64_t>();
        m.sourceJson = doc.value("source", nlohmann::json::object()).dump();
        for (const auto& col : doc.at("columns")) {
            ColumnInfo c;
            c.name = col.at("name").get<std::string>();
            auto type = parseColumnType(col.at("type").get<std::string>());
            if (!type)
                return makeError(ErrorCode::Corrupt, "unknown column type in manifest", c.name);
            c.type = *type;
            c.missing = col.value("missing", std::uint64_t(0));
            c.values = col.at("values").get<std::string>();
            c.mask = col.value("mask", "");
            c.offsets = col.value("offsets", "");
            c.note = col.value("note", "");
            if (col.contains("categories"))
                c.categories = col.at("categories").get<std::vector<std::string>>();
            c.ordered = col.value("ordered", false);
            if (col.contains("labels")) {
                c.labels = col.at("labels").get<std::vector<std::string>>();
                if (c.labels.size() != 2)
                    return makeError(ErrorCode::Corrupt, "a boolean column has two labels", c.name);
            }
            m.columns.push_back(std::move(c));
        }
        return m;
    } catch (const nlohmann::json::exception& e) {
        return makeError(ErrorCode::Corrupt, std::string("malformed manifest: ") + e.what());
    }
}

// One memory-mapped .npy object: the mapping and where its elements start.
struct ColumnView::Mapping {
    void* base = nullptr;
    std::size_t length = 0;
    const std::uint8_t* data = nullptr;
    std::uint64_t count = 0;
    ~Mapping() {
        if (base) ::munmap(base, length);
    }
};

namespace {

Result<std::shared_ptr<ColumnView::Mapping>> mapArray(const ObjectStore& store,
                                                      const std::string& hash,
                                                      const std::string& descr,
                                                      std::size_t itemSize) {
    if (hash.empty()) return std::shared_ptr<ColumnView::Mapping>();
    auto path = store.pathFor(hash);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::NotFound, "a column array is missing from the object store",
                         hash);
    struct stat st {};
    ::fstat(fd, &st);
    auto m = std::make_shared<ColumnView::Mapping>();
    m->length = std::size_t(st.st_size);
    void* base = m->length ? ::mmap(nullptr, m->length, PROT_READ, MAP_SHARED, fd, 0) : MAP_FAILED;
    ::close(fd);
    if (base == MAP_FAILED)
        return makeError(ErrorCode::Io, "cannot map a column array", path.string());
    m->base = base;
    auto header = parseNpyHeader(std::string_view(static_cast<const char*>(base), m->length));
    if (!header) return header.error();
    if (header->descr != descr || header->dataOffset + header->length * itemSize > m->length)
        return makeError(ErrorCode::Corrupt, "column array has the wrong type or size",
                         path.string());
    m->data = static_cast<const std::uint8_t*>(base) + header->dataOffset;
    m->count = header->length;
    return m;
}

std::size_t itemSizeOf(ColumnType type) {
    switch (type) {
        case ColumnType::Boolean:
        case ColumnType::Text:
            return 1;
        case ColumnType::Categorical:
            return 4;
        default:
            return 8;
    }
}

std::string formatNumber(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.15g", v);
    return buffer;
}

}  // namespace

const double* ColumnView::floats() const {
    return m_info->type == ColumnType::Float ? reinterpret_cast<const double*>(m_values->data)
                                             : nullptr;
}
const std::int64_t* ColumnView::int64s() const {
    auto t = m_info->type;
    bool wide = t == ColumnType::Integer || t == ColumnType::Date || t == ColumnType::DateTime;
    return wide ? reinterpret_cast<const std::int64_t*>(m_values->data) : nullptr;
}
const std::uint8_t* ColumnView::bytes() const {
    auto t = m_info->type;
    return (t == ColumnType::Boolean || t == ColumnType::Text) ? m_values->data : nullptr;
}
const std::int32_t* ColumnView::codes() const {
    return m_info->type == ColumnType::Categorical
               ? reinterpret_cast<const std::int32_t*>(m_values->data)
               : nullptr;
}
const std::int64_t* ColumnView::textOffsets() const {
    return m_offsets ? reinterpret_cast<const std::int64_t*>(m_offsets->data) : nullptr;
}
const std::uint8_t* ColumnView::missingMask() const {
    return m_mask ? m_mask->data : nullptr;
}

bool ColumnView::isMissing(std::uint64_t row) const {
    switch (m_info->type) {
        case ColumnType::Float:
            return std::isnan(floats()[row]);
        case ColumnType::Date:
        case ColumnType::DateTime:
            return int64s()[row] == kNaT;
        case ColumnType::Categorical:
            return codes()[row] < 0;
        default:
            return m_mask && m_mask->data[row] != 0;
    }
}

double ColumnView::number(std::uint64_t row) const {
    if (isMissing(row)) return std::nan("");
    switch (m_info->type) {
        case ColumnType::Float:
            return floats()[row];
        case ColumnType::Integer:
        case ColumnType::Date:
        case ColumnType::DateTime:
            return double(int64s()[row]);
        case ColumnType::Boolean:
            return bytes()[row];
        default:
            return std::nan("");
    }
}

std::string ColumnView::text(std::uint64_t row) const {
    if (isMissing(row)) return {};
    switch (m_info->type) {
        case ColumnType::Integer:
            return std::to_string(int64s()[row]);
        case ColumnType::Float:
            return formatNumber(floats()[row]);
        case ColumnType::Boolean:
            if (m_info->labels.size() == 2) return m_info->labels[bytes()[row] ? 1 : 0];
            return bytes()[row] ? "true" : "false";
        case ColumnType::Date:
            return formatDate(int64s()[row]);
        case ColumnType::DateTime:
            return formatDateTime(int64s()[row]);
        case ColumnType::Categorical: {
            auto code = std::size_t(codes()[row]);
            return code < m_info->categories.size() ? m_info->categories[code] : std::string();
        }
        case ColumnType::Text: {
            auto offsets = textOffsets();
            return std::string(reinterpret_cast<const char*>(bytes()) + offsets[row],
                               std::size_t(offsets[row + 1] - offsets[row]));
        }
    }
    return {};
}

std::int32_t ColumnView::code(std::uint64_t row) const {
    return m_info->type == ColumnType::Categorical ? codes()[row] : -1;
}

Result<std::shared_ptr<Table>> Table::open(const ObjectStore& store,
                                           const std::string& manifestHash) {
    auto json = store.read(manifestHash);
    if (!json) return json.error();
    auto manifest = TableManifest::fromJson(*json);
    if (!manifest) return manifest.error();
    auto table = std::make_shared<Table>();
    table->m_manifest = std::move(*manifest);
    const auto rows = table->m_manifest.rows;
    for (const auto& info : table->m_manifest.columns) {
        ColumnView view;
        view.m_info = &info;
        view.m_rows = rows;
        auto values = mapArray(store, info.values, npyValuesDescr(info.type), itemSizeOf(info.type));
        auto mask = mapArray(store, info.mask, "|u1", 1);
        auto offsets = mapArray(store, info.offsets, "<i8", 8);
        if (!values) return values.error();
        if (!mask) return mask.error();
        if (!offsets) return offsets.error();
        view.m_values = *values, view.m_mask = *mask, view.m_offsets = *offsets;
        bool text = info.type == ColumnType::Text;
        if (!view.m_values || (!text && view.m_values->count != rows) ||
            (text && (!view.m_offsets || view.m_offsets->count != rows + 1)) ||
            (view.m_mask && view.m_mask->count != rows))
            return makeError(ErrorCode::Corrupt, "column arrays do not match the row count",
                             info.name);
        table->m_columns.push_back(std::move(view));
    }
    return table;
}

int Table::columnIndex(std::string_view name) const {
    for (std::size_t i = 0; i < m_manifest.columns.size(); ++i)
        if (m_manifest.columns[i].name == name) return int(i);
    return -1;
}

}  // namespace kiln
