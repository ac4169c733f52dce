#include "test_workspace_fixture.h"

#include <fstream>

#include "core/store/workspace.h"

namespace kiln::test {
namespace {

constexpr const char* kSampleRows = R"sql(
INSERT INTO datasets (name, kind, description) VALUES
  ('titanic', 'table', 'Passengers of the Titanic'),
  ('flowers', 'images', 'Five kinds of flowers');
INSERT INTO dataset_versions (dataset_id, version, content_hash, row_count) VALUES
  (1, 1, 'a1b2c3', 891), (1, 2, 'd4e5f6', 891), (2, 1, '0718ab', 3670);
INSERT INTO runs (id, name, dataset_version_id, status) VALUES
  ('20261123-0001', 'titanic-mlp', 2, 'completed');
INSERT INTO models (name, description) VALUES ('titanic-survival', 'MLP on titanic v2');
)sql";

}  // namespace

QString makeSampleWorkspace(const QString& dir) {
    auto workspace = kiln::Workspace::open(dir.toStdString(), true);
    if (!workspace) return {};
    if (!workspace.value()->catalog().execute(kSampleRows)) return {};
    auto first = workspace.value()->objects().put("PassengerId,Survived\n1,0\n");
    auto second = workspace.value()->objects().put("column bytes");
    if (!first || !second) return {};
    return QString::fromStdString(first.value());
}

bool corruptObject(const QString& dir, const QString& hash) {
    auto workspace = kiln::Workspace::open(dir.toStdString(), false);
    if (!workspace) return false;
    std::ofstream out(workspace.value()->objects().pathFor(hash.toStdString()),
                      std::ios::binary | std::ios::trunc);
    out << "not what was stored";
    return bool(out);
}

bool makeSchemaTooNew(const QString& dir) {
    auto workspace = kiln::Workspace::open(dir.toStdString(), true);
    if (!workspace) return false;
    return bool(workspace.value()->catalog().execute(
        "INSERT INTO schema_version (version, description, kiln_version) "
        "VALUES (999, 'from the future', '99.0')"));
}

}  // namespace kiln::test
