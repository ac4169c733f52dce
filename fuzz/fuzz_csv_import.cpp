// The CSV/TSV reader end to end, as `kiln import` runs it: encoding and dialect detection, the
// preview, the parallel parse (chunks of a few bytes, so records cross chunk boundaries), the
// stored table read back and profiled. The first byte picks the options.

#include <cstddef>
#include <cstdint>

#include "core/data/csv_import.h"
#include "core/data/csv_preview.h"
#include "core/data/profile.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"
#include "fuzz/fuzz_support.h"

using namespace kiln;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    unsigned flags = 0;
    auto text = fuzz::takeFlags(data, size, flags);
    const auto dir = fuzz::scratch() / "csv";
    fuzz::sweepEvery(dir / "objects", 512);
    const auto file = dir / ((flags & 1) ? "input.tsv" : "input.csv");
    fuzz::writeFile(file, text);

    ImportOptions options;
    if (flags & 2) options.format = (flags & 1) ? ImportOptions::Format::Tsv : ImportOptions::Format::Csv;
    if (flags & 4) options.noHeader = true;
    else if (flags & 8) options.forceHeader = true;
    if (flags & 16) options.decimalComma = (flags & 32) != 0;
    options.skipBadRows = (flags & 64) != 0;
    options.strictEncoding = (flags & 128) != 0;
    options.threads = 2;
    options.chunkBytes = 16 + (text.size() % 48);

    (void)previewCsv(file, options, 20);

    ObjectStore store(dir / "objects");
    BasicJobContext job;
    auto read = readCsvTable(store, file, options, job);
    if (!read) return 0;
    auto table = Table::open(store, read->manifestHash);
    if (!table) __builtin_trap();  // a committed table must open
    ProfileOptions profile;
    profile.threads = 1;
    BasicJobContext profileJob;
    (void)profileTable(**table, profile, profileJob);
    return 0;
}
