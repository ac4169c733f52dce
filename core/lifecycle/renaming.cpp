#include "core/lifecycle/renaming.h"

#include "core/base/names.h"
#include "core/store/catalog.h"

namespace kiln {

namespace {

Result<bool> exists(Catalog& catalog, const char* sql, const std::string& key) {
    auto count = catalog.queryValue(sql, {key});
    if (!count) return count.error();
    return std::get<std::int64_t>(*count) > 0;
}

}  // namespace

Status renameDataset(Catalog& catalog, const std::string& from, const std::string& to) {
    if (auto s = checkName(to, "dataset name"); !s) return s;
    Transaction tx(catalog);
    if (!tx) return tx.error();
    auto found = exists(catalog, "SELECT COUNT(*) FROM datasets WHERE name = ?", from);
    if (!found) return found.error();
    if (!*found) return makeError(ErrorCode::NotFound, "no dataset '" + printable(from) + "'");
    if (from == to) return tx.commit();
    auto taken = exists(catalog, "SELECT COUNT(*) FROM datasets WHERE name = ?", to);
    if (!taken) return taken.error();
    if (*taken)
        return makeError(ErrorCode::InvalidArgument, "a dataset named '" + printable(to) + "' exists already");
    if (auto s = catalog.execute("UPDATE datasets SET name = ? WHERE name = ?", {to, from}); !s) return s;
    return tx.commit();
}

Status renameRun(Catalog& catalog, const std::string& runId, const std::string& name) {
    if (name.empty() || name.size() > 200)
        return makeError(ErrorCode::InvalidArgument, "a run name has 1 to 200 bytes");
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f)
            return makeError(ErrorCode::InvalidArgument, "a run name has no control characters");
    auto found = exists(catalog, "SELECT COUNT(*) FROM runs WHERE id = ?", runId);
    if (!found) return found.error();
    if (!*found) return makeError(ErrorCode::NotFound, "no run '" + printable(runId) + "'");
    return catalog.execute("UPDATE runs SET name = ? WHERE id = ?", {name, runId});
}

}  // namespace kiln
