#pragma once

#include <vector>

namespace kiln {

// One step of the catalog schema: applied once, in order, inside a transaction.
struct Migration {
    int version;
    const char* description;
    const char* sql;
};

// Every migration this build knows, in ascending version order. Never edit a released step;
// add a new one.
const std::vector<Migration>& catalogMigrations();

}  // namespace kiln
