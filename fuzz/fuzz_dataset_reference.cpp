// The references people type for datasets, `NAME`, `NAME@VERSION` and `NAME@HASHPREFIX`, resolved
// against a real catalog with two datasets of a few versions each; and the name rule they rest
// on, checked as properties: a name made valid is valid, printable text has no control bytes
// but line feeds and tabs.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/base/names.h"
#include "core/data/dataset_catalog.h"
#include "core/store/workspace.h"
#include "fuzz/fuzz_support.h"

using namespace kiln;

namespace {

Workspace& workspace() {
    static std::unique_ptr<Workspace> ws = [] {
        auto opened = Workspace::open(fuzz::scratch() / "ws");
        if (!opened) __builtin_trap();
        DatasetCatalog datasets((*opened)->catalog());
        const char* hashes[] = {"0123abcd", "0123abff", "9f00", "deadbeef"};
        int n = 0;
        for (const char* name : {"wine", "wine.v2"})
            for (int v = 0; v < 2; ++v) {
                NewDatasetVersion entry;
                entry.name = name;
                entry.kind = "table";
                entry.contentHash = std::string(hashes[n++]) + std::string(56, '0');
                entry.manifest = "{}";
                if (!datasets.recordVersion(entry)) __builtin_trap();
            }
        return std::move(*opened);
    }();
    return *ws;
}

// Bytes that move a terminal's cursor or start an escape; printable() keeps line feeds and tabs.
bool hasControlBytes(const std::string& text) {
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return true;
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    DatasetCatalog datasets(workspace().catalog());
    auto found = datasets.resolve(text);
    if (found && found->dataset.empty()) __builtin_trap();

    if (!nameProblem(validNameFrom(text)).empty()) __builtin_trap();
    if (hasControlBytes(printable(text))) __builtin_trap();
    (void)checkName(text, "dataset name");
    return 0;
}
