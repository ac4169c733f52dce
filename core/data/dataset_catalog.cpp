#include "core/data/dataset_catalog.h"

#include <algorithm>
#include <cctype>

#include "core/base/names.h"
#include "core/store/catalog.h"

namespace kiln {

namespace {

constexpr const char* kVersionColumns =
    "v.id, v.dataset_id, d.name, d.kind, v.version, v.content_hash, v.schema_json, v.row_count, "
    "v.source_path, v.manifest, v.created_at FROM dataset_versions v JOIN datasets d ON d.id = "
    "v.dataset_id ";

DatasetVersion readVersion(const Statement& s) {
    DatasetVersion v;
    v.id = s.columnInt(0);
    v.datasetId = s.columnInt(1);
    v.dataset = s.columnText(2);
    v.kind = s.columnText(3);
    v.version = s.columnInt(4);
    v.contentHash = s.columnText(5);
    v.schemaJson = s.columnText(6);
    v.rows = std::uint64_t(s.columnInt(7));
    v.sourcePath = s.columnText(8);
    v.manifest = s.columnText(9);
    v.createdAt = s.columnText(10);
    return v;
}

// Runs a version query and collects its rows.
Result<std::vector<DatasetVersion>> queryVersions(Catalog& catalog, const std::string& where,
                                                  std::initializer_list<SqlValue> params) {
    auto stmt = catalog.prepare(std::string("SELECT ") + kVersionColumns + where);
    if (!stmt) return stmt.error();
    if (auto s = stmt->bind(params); !s) return s.error();
    std::vector<DatasetVersion> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(readVersion(*stmt));
    }
    return out;
}

bool isHexPrefix(std::string_view s) {
    return s.size() >= 4 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

bool isNumber(std::string_view s) {
    return !s.empty() && s.size() < 10 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Result<std::optional<DatasetVersion>> DatasetCatalog::findByHash(std::int64_t datasetId,
                                                                 const std::string& hash) {
    auto found = queryVersions(m_catalog, "WHERE v.dataset_id = ? AND v.content_hash = ?",
                               {datasetId, hash});
    if (!found) return found.error();
    if (found->empty()) return std::optional<DatasetVersion>();
    return std::optional<DatasetVersion>(found->front());
}

Result<RecordedVersion> DatasetCatalog::recordVersion(const NewDatasetVersion& e) {
    if (e.name.empty()) return makeError(ErrorCode::InvalidArgument, "a dataset needs a name");
    if (auto st = checkName(e.name, "dataset name"); !st) return st.error();
    if (auto s = m_catalog.begin(); !s) return s.error();
    auto fail = [&](Error error) {
        m_catalog.rollback();
        return error;
    };
    auto kind = m_catalog.queryValue("SELECT kind FROM datasets WHERE name = ?", {e.name});
    if (kind && std::get<std::string>(*kind) != e.kind)
        return fail(makeError(ErrorCode::InvalidArgument,
                              "dataset '" + e.name + "' holds " + std::get<std::string>(*kind) +
                                  ", not " + e.kind + "; choose another --name"));
    if (!kind && kind.error().code != ErrorCode::NotFound) return fail(kind.error());
    if (!kind)
        if (auto s = m_catalog.queryValue(
                "INSERT INTO datasets (name, kind) VALUES (?, ?) RETURNING id", {e.name, e.kind});
            !s)
            return fail(s.error());
    auto id = m_catalog.queryValue("SELECT id FROM datasets WHERE name = ?", {e.name});
    if (!id) return fail(id.error());
    std::int64_t datasetId = std::get<std::int64_t>(*id);
    if (!e.sourceSpec.empty())
        if (auto s = m_catalog.queryValue(
                "UPDATE datasets SET source_spec = ? WHERE id = ? RETURNING id", {e.sourceSpec, datasetId});
            !s)
            return fail(s.error());
    auto existing = findByHash(datasetId, e.contentHash);
    if (!existing) return fail(existing.error());
    if (*existing) {
        if (auto s = m_catalog.commit(); !s) return fail(s.error());  // keeps the source
        return RecordedVersion{**existing, false};
    }
    auto next = m_catalog.queryValue(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM dataset_versions WHERE dataset_id = ?",
        {datasetId});
    if (!next) return fail(next.error());
    auto inserted = m_catalog.queryValue(
        "INSERT INTO dataset_versions (dataset_id, version, content_hash, schema_json, row_count, "
        "source_path, manifest) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {datasetId, std::get<std::int64_t>(*next), e.contentHash, e.schemaJson,
         std::int64_t(e.rows), e.sourcePath, e.manifest});
    if (!inserted) return fail(inserted.error());
    auto created = findByHash(datasetId, e.contentHash);
    if (!created || !*created)
        return fail(created ? makeError(ErrorCode::Internal, "version vanished") : created.error());
    if (auto s = m_catalog.commit(); !s) return fail(s.error());
    return RecordedVersion{**created, true};
}

Result<std::vector<DatasetSummary>> DatasetCatalog::list() {
    auto stmt = m_catalog.prepare(
        "SELECT d.id, d.name, d.kind, d.description, d.created_at, "
        "(SELECT COUNT(*) FROM dataset_versions v WHERE v.dataset_id = d.id) FROM datasets d ORDER "
        "BY d.name");
    if (!stmt) return stmt.error();
    std::vector<DatasetSummary> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        DatasetSummary d{stmt->columnInt(0),  stmt->columnText(1), stmt->columnText(2),
                         stmt->columnText(3), stmt->columnText(4), stmt->columnInt(5),
                         std::nullopt};
        out.push_back(std::move(d));
    }
    for (auto& d : out) {
        auto latest = queryVersions(
            m_catalog, "WHERE v.dataset_id = ? ORDER BY v.version DESC LIMIT 1", {d.id});
        if (!latest) return latest.error();
        if (!latest->empty()) d.latest = latest->front();
    }
    return out;
}

Result<std::vector<DatasetVersion>> DatasetCatalog::versions(std::string_view name) {
    auto found =
        queryVersions(m_catalog, "WHERE d.name = ? ORDER BY v.version", {std::string(name)});
    if (!found) return found.error();
    if (found->empty()) {
        auto exists =
            m_catalog.queryValue("SELECT id FROM datasets WHERE name = ?", {std::string(name)});
        if (!exists)
            return makeError(ErrorCode::NotFound,
                             "no dataset named '" + std::string(name) + "'; see 'kiln datasets'");
    }
    return found;
}

Status DatasetCatalog::setDescription(std::string_view name, const std::string& description) {
    auto updated = m_catalog.queryValue(
        "UPDATE datasets SET description = ? WHERE name = ? RETURNING id",
        {description, std::string(name)});
    if (!updated && updated.error().code == ErrorCode::NotFound)
        return makeError(ErrorCode::NotFound,
                         "no dataset named '" + std::string(name) + "'; see 'kiln datasets'");
    if (!updated) return updated.error();
    return {};
}

Result<std::string> DatasetCatalog::description(std::string_view name) {
    auto found = m_catalog.queryValue("SELECT description FROM datasets WHERE name = ?",
                                      {std::string(name)});
    if (!found && found.error().code == ErrorCode::NotFound)
        return makeError(ErrorCode::NotFound,
                         "no dataset named '" + std::string(name) + "'; see 'kiln datasets'");
    if (!found) return found.error();
    if (const auto* text = std::get_if<std::string>(&*found)) return *text;
    return std::string();
}

Result<std::string> DatasetCatalog::sourceSpec(std::string_view name) {
    auto found = m_catalog.queryValue("SELECT source_spec FROM datasets WHERE name = ?",
                                      {std::string(name)});
    if (!found && found.error().code == ErrorCode::NotFound)
        return makeError(ErrorCode::NotFound,
                         "no dataset named '" + std::string(name) + "'; see 'kiln datasets'");
    if (!found) return found.error();
    if (const auto* text = std::get_if<std::string>(&*found)) return *text;
    return std::string();
}

Result<DatasetVersion> DatasetCatalog::resolve(std::string_view reference) {
    auto at = reference.rfind('@');
    std::string name(reference.substr(0, at));
    std::string which =
        at == std::string_view::npos ? std::string() : std::string(reference.substr(at + 1));
    for (char& c : which) c = char(std::tolower(static_cast<unsigned char>(c)));
    auto all = versions(name);
    if (!all) return all.error();
    if (all->empty())
        return makeError(ErrorCode::NotFound, "dataset '" + name + "' has no versions");
    if (which.empty()) return all->back();
    std::vector<DatasetVersion> matches;
    for (const auto& v : *all) {
        bool byNumber = isNumber(which) && std::to_string(v.version) == which;
        bool byHash = isHexPrefix(which) && v.contentHash.rfind(which, 0) == 0;
        if (byNumber || (!byNumber && byHash && !isNumber(which)) ||
            (isNumber(which) && which.size() >= 4 && byHash))
            matches.push_back(v);
    }
    if (matches.empty())
        return makeError(ErrorCode::NotFound, "dataset '" + name + "' has no version " + which +
                                                  " (it has " + std::to_string(all->size()) + ")");
    if (matches.size() > 1) {
        auto exact = std::find_if(matches.begin(), matches.end(),
                                  [&](auto& v) { return std::to_string(v.version) == which; });
        if (exact != matches.end()) return *exact;
        return makeError(
            ErrorCode::InvalidArgument,
            "'" + which + "' matches several versions of '" + name + "'; give more of the hash");
    }
    return matches.front();
}

}  // namespace kiln
