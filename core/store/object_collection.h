#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/base/result.h"

namespace kiln {

class Catalog;
class ObjectStore;

// The object store held for a collector that removes objects. While it is held no import is
// committing (each holds the commit lock shared for its whole life, see ImportRecord), so every
// object an import stored is already referenced by its catalog row. Released on destruction.
class CollectionLock {
public:
    // Busy when an import is committing now; Io when the lock file cannot be made.
    static Result<std::unique_ptr<CollectionLock>> acquire(const ObjectStore& store);
    ~CollectionLock();
    CollectionLock(const CollectionLock&) = delete;
    CollectionLock& operator=(const CollectionLock&) = delete;

private:
    explicit CollectionLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

// One stored object: its hash and size in bytes.
struct StoredObject {
    std::string hash;
    std::uint64_t bytes = 0;
};

// Every object the store holds (objects/ab/cdef…; temporaries and foreign files left out).
std::vector<StoredObject> listObjects(const ObjectStore& store);

// Every object hash a table's dataset versions name: each manifest and the arrays it lists. An
// image dataset's pictures are named by its listing table's sha256 column, which this does not
// read (core/lifecycle does).
Result<std::unordered_set<std::string>> datasetObjectReferences(Catalog& catalog);

}  // namespace kiln
