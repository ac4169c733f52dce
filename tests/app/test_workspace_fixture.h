#pragma once

#include <QString>

namespace kiln::test {

// Creates a workspace at `dir` with a few catalog rows (two datasets with versions, a run, a
// model) and two stored objects, as the data module would leave them. Returns the hash of one
// object, or an empty string when something failed.
QString makeSampleWorkspace(const QString& dir);

// Overwrites the stored object `hash` in the workspace at `dir` with other bytes.
bool corruptObject(const QString& dir, const QString& hash);

// Marks the catalog at `dir` as written by a newer Kiln.
bool makeSchemaTooNew(const QString& dir);

}  // namespace kiln::test
