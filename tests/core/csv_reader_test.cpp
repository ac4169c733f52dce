#include <catch2/catch.hpp>
#include <string>

#include "core/data/csv_dialect.h"
#include "core/data/csv_reader.h"
#include "core/data/csv_scan.h"
#include "core/data/text_encoding.h"

using namespace kiln;

namespace {

std::vector<std::vector<std::string>> readAll(std::string_view text, char delimiter = ',') {
    RecordReader reader(text.data(), text.data() + text.size(), delimiter);
    std::vector<std::vector<std::string>> out;
    while (reader.next() == RecordReader::Step::Record)
        if (!reader.blankLine()) out.emplace_back(reader.fields().begin(), reader.fields().end());
    return out;
}

}  // namespace

TEST_CASE("Quoted fields keep delimiters, escaped quotes and line breaks", "[csv]") {
    auto rows = readAll("a,\"b,c\",\"say \"\"hi\"\"\"\n\"multi\nline\",x,\"\"\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == std::vector<std::string>{"a", "b,c", "say \"hi\""});
    CHECK(rows[1] == std::vector<std::string>{"multi\nline", "x", ""});
}

TEST_CASE("Records end at LF, CRLF and CR", "[csv]") {
    CHECK(readAll("a,b\n1,2\n").size() == 2);
    CHECK(readAll("a,b\r\n1,2\r\n") ==
          std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}});
    CHECK(readAll("a,b\r1,2\r3,4") ==
          std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}, {"3", "4"}});
    CHECK(readAll("a\n\n\nb\n").size() == 2);  // blank lines are skipped
}

TEST_CASE("An unterminated quote is reported where it opens", "[csv]") {
    std::string text = "a,b\n1,\"open\n2,3\n";
    RecordReader reader(text.data(), text.data() + text.size(), ',');
    CHECK(reader.next() == RecordReader::Step::Record);
    CHECK(reader.next() == RecordReader::Step::UnterminatedQuote);
    CHECK(reader.errorPosition() - text.data() == 6);
    auto loc = locate(text, 6);
    CHECK(loc.line == 2);
    CHECK(loc.column == 3);
}

TEST_CASE("A quote inside an unquoted field is kept and flagged", "[csv]") {
    std::string text = "5\" screen,x\n";
    RecordReader reader(text.data(), text.data() + text.size(), ',');
    REQUIRE(reader.next() == RecordReader::Step::Record);
    CHECK(reader.fields()[0] == "5\" screen");
    CHECK(reader.strayQuote());
}

TEST_CASE("Locations count lines and characters, not bytes", "[csv]") {
    std::string text = "ä,b\r\nxé,y\rz";
    CHECK(locate(text, 0).line == 1);
    auto loc = locate(text, text.find('y'));
    CHECK(loc.line == 2);
    CHECK(loc.column == 4);
    CHECK(locate(text, text.find('z')).line == 3);
}

TEST_CASE("Chunk boundaries fall on record starts, never inside quotes", "[csv]") {
    std::string text = "h1,h2\n";
    for (int i = 0; i < 2000; ++i)
        text +=
            std::to_string(i) + (i % 7 == 0 ? ",\"multi\nline, \"\"quoted\"\"\"\n" : ",plain\n");
    bool unterminated = true;
    auto bounds = findChunkBoundaries(text, 6, 256, 2, unterminated);
    CHECK_FALSE(unterminated);
    REQUIRE(bounds.size() > 10);
    CHECK(bounds.front() == 6);
    CHECK(bounds.back() == text.size());
    // Reading from each boundary gives exactly the records a single reader sees.
    auto whole = readAll(std::string_view(text).substr(6));
    std::size_t total = 0;
    for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
        auto part = readAll(std::string_view(text).substr(bounds[k], bounds[k + 1] - bounds[k]));
        for (const auto& r : part) CHECK(r == whole[total++]);
    }
    CHECK(total == whole.size());
}

TEST_CASE("Unbalanced quotes are noticed by the boundary scan", "[csv]") {
    std::string text = "a\n\"never closed\n";
    for (int i = 0; i < 100; ++i) text += "row\n";
    bool unterminated = false;
    findChunkBoundaries(text, 2, 64, 2, unterminated);
    CHECK(unterminated);
}

TEST_CASE("Dialect sniffing finds , ; TAB | and decimal commas", "[csv]") {
    CHECK(sniffDelimiter("a,b,c\n1,2,3\n4,5,6\n") == ',');
    CHECK(sniffDelimiter("a;b;c\n1,5;2,5;3\n4;5;6\n") == ';');
    CHECK(sniffDelimiter("a\tb\n1, 2\t3\n4\t5\n") == '\t');
    CHECK(sniffDelimiter("a|b\nx,y|1\nz|2\n") == '|');
    CHECK(sniffDelimiter("just one column\nvalue\n") == ',');
    CHECK(detectDecimalComma("a;b\n1,5;2\n3,25;4\n", ';'));
    CHECK_FALSE(detectDecimalComma("a;b\n1.5;2\n3.25;4\n", ';'));
    CHECK_FALSE(detectDecimalComma("a,b\n1,5\n", ','));
    CHECK(detectLineEnding("a\r\nb") == "crlf");
    CHECK(detectLineEnding("a\rb") == "cr");
    CHECK(detectLineEnding("a\nb") == "lf");
}

TEST_CASE("Headers are detected from the types below them", "[csv]") {
    CHECK(looksLikeHeader({{"id", "x"}, {"1", "2.5"}, {"2", "3.5"}}, false));
    CHECK_FALSE(looksLikeHeader({{"1", "2.5"}, {"2", "3.5"}}, false));
    CHECK(looksLikeHeader({{"name", "city"}, {"ann", "oslo"}, {"bob", "rome"}}, false));
    CHECK_FALSE(looksLikeHeader({{"ann", "oslo"}, {"bob", "oslo"}, {"ann", "rome"}}, false));
}

TEST_CASE("Header names are made unique", "[csv]") {
    CHECK(uniqueColumnNames({"a", "a", "", "b", "a"}, 5) ==
          std::vector<std::string>{"a", "a_2", "column_3", "b", "a_3"});
    CHECK(uniqueColumnNames({"a", "a", "a_2"}, 4) ==
          std::vector<std::string>{"a", "a_3", "a_2", "column_4"});
    CHECK(uniqueColumnNames({}, 2) == std::vector<std::string>{"column_1", "column_2"});
}

TEST_CASE("UTF-8 validation finds the first bad byte", "[csv]") {
    std::string good = "plain ascii and ä ö 日本 and more ascii text";
    CHECK(findInvalidUtf8(good.data(), good.size()) == good.size());
    std::string bad = "abcdefgh Zo\xeb!";
    CHECK(findInvalidUtf8(bad.data(), bad.size()) == 11);
    std::string overlong = "\xc0\xaf";
    CHECK(findInvalidUtf8(overlong.data(), overlong.size()) == 0);
    // fuzz_parquet's second finding: "DuckDB\xe0\x89\x9a" (an overlong three-byte form) passed,
    // and the manifest's JSON writer refused it.
    for (const std::string& bad3 : {std::string("ab\xe0\x89\x9a"), std::string("ab\xed\xa0\x80"),
                                    std::string("ab\xf0\x8f\xbf\xbf"), std::string("ab\xf4\x90\x80\x80")})
        CHECK(findInvalidUtf8(bad3.data(), bad3.size()) == 2);
    for (const std::string& edge : {std::string("\xe0\xa0\x80"), std::string("\xed\x9f\xbf"),
                                    std::string("\xf0\x90\x80\x80"), std::string("\xf4\x8f\xbf\xbf")})
        CHECK(findInvalidUtf8(edge.data(), edge.size()) == edge.size());
}

TEST_CASE("a whole value cut off inside a character is invalid there; a chunk's end is not", "[csv]") {
    const std::string cut = "caf\xc3";
    CHECK(findInvalidUtf8(cut.data(), cut.size()) == cut.size());  // the next chunk may finish it
    CHECK(findInvalidUtf8InValue(cut.data(), cut.size()) == 3);
    const std::string three = "ab\xe6\x97";
    CHECK(findInvalidUtf8InValue(three.data(), three.size()) == 2);
    const std::string whole = "ab\xe6\x97\xa5 \xf0\x9f\x98\x80";
    CHECK(findInvalidUtf8InValue(whole.data(), whole.size()) == whole.size());
    CHECK(findInvalidUtf8InValue("", 0) == 0);
}
