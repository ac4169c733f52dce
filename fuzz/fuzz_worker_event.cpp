// The worker protocol's line parser, as hosts read a worker's stdout (local, SSH, re-attached
// from an events file). A line that parses must serialise to a line that parses to the same
// serialisation: what Kiln writes, it must read back.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/remote/worker_event.h"

using namespace kiln;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view line(reinterpret_cast<const char*>(data), size);
    auto event = parseWorkerEvent(line);
    if (!event) return 0;
    (void)event->kind();
    const std::string once = serialiseWorkerEvent(*event);
    auto again = parseWorkerEvent(once);
    if (!again) __builtin_trap();
    if (serialiseWorkerEvent(*again) != once) __builtin_trap();
    return 0;
}
