#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

namespace kiln {

// The number of threads to use when a caller says 0: the machine's cores (at least 1).
int defaultThreadCount();

// Calls fn(part, begin, end) for `parts` contiguous slices of [0, n), one thread per part
// (the calling thread takes the first). Exceptions thrown by fn are rethrown on the caller's
// thread after every part has finished.
void parallelSlices(std::uint64_t n, int parts,
                    const std::function<void(int part, std::uint64_t begin, std::uint64_t end)>& fn);

}  // namespace kiln
