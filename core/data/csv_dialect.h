#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiln {

// How a delimited text file is written: what separates fields, whether the first record names
// the columns, how decimals and line ends are written. Plain value type.
struct CsvDialect {
    char delimiter = ',';
    bool header = true;
    bool decimalComma = false;      // "3,14" means 3.14 (only with ';' as the delimiter)
    std::string lineEnding = "lf";  // "lf", "crlf" or "cr" (of the first line end seen)
};

// The delimiter (one of , ; TAB |) that splits the records of `sample` most consistently into
// the most fields; ',' when nothing splits it. `sample` holds whole records. Thread-safe.
char sniffDelimiter(std::string_view sample);
// "lf", "crlf" or "cr": the first line end in `sample` ("lf" when there is none).
std::string detectLineEnding(std::string_view sample);
// True when `delimiter` is ';' and unquoted numbers in `sample` are written with a decimal comma.
bool detectDecimalComma(std::string_view sample, char delimiter);

// Whether the first of `records` names the columns: some column whose other cells all read as
// numbers, booleans or dates has a first cell that does not, or (when every column is text) the
// first cells are present, not numbers, and not repeated below. Thread-safe.
bool looksLikeHeader(const std::vector<std::vector<std::string>>& records, bool decimalComma);

// Column names from a header record: empty names become `column_N` (N from 1), repeated ones
// get `_2`, `_3`… so that every name is unique; `count` names in all (missing ones generated).
std::vector<std::string> uniqueColumnNames(const std::vector<std::string>& header,
                                           std::size_t count);

// "," → "comma", ";" → "semicolon", "\t" → "tab", "|" → "pipe", else the character itself.
std::string delimiterName(char delimiter);

}  // namespace kiln
