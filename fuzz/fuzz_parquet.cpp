// The Parquet reader end to end, as `kiln import` runs it: the footer's Thrift, the schema,
// page headers, codecs and decoders, the preview, the parallel read into a stored table, which
// is then opened and profiled. The first byte picks the options (threads, a type override).

#include <cstddef>
#include <cstdint>

#include "core/data/parquet/parquet_import.h"
#include "core/data/profile.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/store/object_store.h"
#include "fuzz/fuzz_support.h"

using namespace kiln;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    unsigned flags = 0;
    auto bytes = fuzz::takeFlags(data, size, flags);
    const auto dir = fuzz::scratch() / "parquet";
    fuzz::sweepEvery(dir / "objects", 512);
    const auto file = dir / "input.parquet";
    fuzz::writeFile(file, bytes);

    ImportOptions options;
    options.threads = (flags & 1) ? 1 : 2;
    // A forced type on the first column of the seeds: conversion from text, and its errors.
    if (flags & 2) options.typeOverrides = {(flags & 4) ? "id=text" : "id=float"};

    (void)previewParquet(file, options, 20);

    ObjectStore store(dir / "objects");
    BasicJobContext job;
    auto read = readParquetTable(store, file, options, job);
    if (!read) return 0;
    auto table = Table::open(store, read->manifestHash);
    if (!table) __builtin_trap();  // a committed table must open
    ProfileOptions profile;
    profile.threads = 1;
    BasicJobContext profileJob;
    (void)profileTable(**table, profile, profileJob);
    return 0;
}
