// The JSON Lines reader end to end, as `kiln import` runs it: the preview, the import through the
// cell-rows engine (sample, types, widening, columns met late), the stored table opened and
// profiled. The first byte picks the options (tolerant mode, header of a forced type).

#include <cstddef>
#include <cstdint>

#include "core/data/json_lines.h"
#include "core/data/profile.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"
#include "fuzz/fuzz_support.h"

using namespace kiln;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    unsigned flags = 0;
    auto text = fuzz::takeFlags(data, size, flags);
    const auto dir = fuzz::scratch() / "jsonl";
    fuzz::sweepEvery(dir / "objects", 512);
    const auto file = dir / "input.jsonl";
    fuzz::writeFile(file, text);

    ImportOptions options;
    options.format = ImportOptions::Format::JsonLines;
    options.skipBadRows = (flags & 1) != 0;
    if (flags & 2) options.typeOverrides.push_back("a=integer");
    if (flags & 4) options.skipColumns.push_back("b");
    options.threads = 2;

    (void)previewJsonLines(file, options, 20);

    ObjectStore store(dir / "objects");
    BasicJobContext job;
    auto read = readJsonLinesTable(store, file, options, job);
    if (!read) return 0;
    auto table = Table::open(store, read->manifestHash);
    if (!table) __builtin_trap();  // a committed table must open
    ProfileOptions profile;
    profile.threads = 1;
    BasicJobContext profileJob;
    (void)profileTable(**table, profile, profileJob);
    return 0;
}
