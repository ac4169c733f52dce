#pragma once

#include <cstddef>
#include <string>

#include "core/base/result.h"
#include "core/data/csv_import.h"
#include "core/data/csv_scan.h"
#include "core/data/text_encoding.h"

namespace kiln {

// Checks a CSV/TSV file's text before it is parsed: refuses an empty file and binary data (a NUL
// byte anywhere, or control bytes in more than 5% of the first 256 KiB) with InvalidArgument,
// context "PATH:LINE:COLUMN", and settles the encoding from the whole file: a UTF-8 file with a
// few invalid bytes (see mostlyUtf8; a BOM always counts as UTF-8) has them replaced by U+FFFD
// and listed in `repairs`, or refused when `strictEncoding`; any other is re-read as Latin-1.
// Scans on `threads` threads in pieces of about `pieceBytes`, releasing the pages it read. The
// same read finds the quotes and record ends that a parallel parse is cut by: given `quotes`, it
// is filled with them, or left without pieces when the text changed (repaired bytes, Latin-1) or
// has no LF line ends; cut chunks from it with chunkBoundaries (core/data/csv_scan.h).
Status checkCsvText(TextSource& source, const std::string& path, bool strictEncoding,
                    unsigned threads, EncodingRepairs& repairs, QuoteScan* quotes = nullptr,
                    std::size_t pieceBytes = std::size_t(4) << 20);

// "3 invalid UTF-8 bytes replaced by U+FFFD (the first at line 5, column 4)"; `repairs` has a
// sample.
std::string encodingRepairsNote(const EncodingRepairs& repairs);

}  // namespace kiln
