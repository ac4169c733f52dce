// The JSON Lines reader: flattening, values, escapes, line endings, bad lines and columns met late.

#include <catch2/catch.hpp>

#include "core/data/json_lines.h"
#include "files_support.h"

using namespace kiln;

namespace {

ImportOptions jsonl() {
    ImportOptions options;
    options.format = ImportOptions::Format::JsonLines;
    return options;
}

}  // namespace

TEST_CASE("JSON Lines: nested objects flatten to dotted names, arrays keep their JSON",
          "[files][jsonl]") {
    FileImports files;
    auto t = files.import(fixture("jsonl/nested.jsonl"));
    CHECK(t.result.format == "jsonl");
    CHECK(t.names() == std::vector<std::string>{"id", "name", "address.city", "address.zip", "tags",
                                                "ok", "score", "extra"});
    CHECK(t.table->rows() == 3);
    CHECK(t.cell("address.city", 1) == "Busan");
    CHECK(t.cell("tags", 0) == "[1,\"a b\",{\"x\":null}]");
    CHECK(t.cell("tags", 1) == "[]");
    CHECK(t.type("ok") == std::string("boolean"));
    CHECK(t.cell("score", 1) == "");  // null is missing
    CHECK(t.cell("extra", 2) == "late");
    CHECK(t.cell("extra", 0) == "");
    // The leading-zero rule: zip codes stay text.
    CHECK(t.type("address.zip") == std::string("text"));
    CHECK(t.cell("address.zip", 0) == "08123");
}

TEST_CASE("JSON Lines: escapes and surrogate pairs become UTF-8", "[files][jsonl]") {
    FileImports files;
    auto file =
        files.write("escapes.jsonl",
                    "{\"s\": \"tab\\there \\\"q\\\" \\\\ \\/ \\u00e9 \\ud83d\\ude00 \\u20ac\"}\n"
                    "{\"s\": \"line\\nbreak\"}\n");
    auto t = files.import(file, jsonl());
    CHECK(t.cell("s", 0) == "tab\there \"q\" \\ / \xC3\xA9 \xF0\x9F\x98\x80 \xE2\x82\xAC");
    CHECK(t.cell("s", 1) == "line\nbreak");
}

TEST_CASE("JSON Lines: numbers as written, booleans, a BOM, CRLF and blank lines",
          "[files][jsonl]") {
    FileImports files;
    auto file = files.write("values.jsonl",
                            "\xEF\xBB\xBF{\"n\": -2.5e-3, \"i\": 12, \"b\": true}\r\n"
                            "\r\n"
                            "   \n"
                            "{\"n\": 1E2, \"i\": -7, \"b\": false}\r\n");
    auto t = files.import(file);  // detected from the content
    CHECK(t.result.format == "jsonl");
    CHECK(t.table->rows() == 2);
    CHECK(t.type("n") == std::string("float"));
    CHECK(t.type("i") == std::string("integer"));
    CHECK(t.type("b") == std::string("boolean"));
    CHECK(t.table->column(0).number(0) == Approx(-0.0025));
    CHECK(t.table->column(0).number(1) == Approx(100.0));
    CHECK(t.cell("i", 1) == "-7");
    CHECK(t.cell("b", 0) == "true");
}

TEST_CASE("JSON Lines: a string of digits with a leading zero stays text", "[files][jsonl]") {
    FileImports files;
    auto file = files.write(
        "codes.jsonl", "{\"code\": \"08123\"}\n{\"code\": \"00001\"}\n{\"code\": \"12345\"}\n");
    auto t = files.import(file, jsonl());
    CHECK(t.type("code") != std::string("integer"));
    CHECK(t.cell("code", 0) == "08123");
}

TEST_CASE("JSON Lines: a bad line is an error naming its line and column", "[files][jsonl]") {
    FileImports files;
    struct Case {
        std::string line;
        std::string message;
        std::string column;
    };
    const std::vector<Case> cases = {
        {"[1, 2]", "expected a JSON object", ":1"},
        {"{\"a\": 1} x", "text after the object", ":10"},
        {"{\"a\": 1", "expected ',' or '}' in the object", ":8"},
        {"{\"a\": \"\\x\"}", "invalid escape '\\x'", ":8"},
        {"{\"a\": \"\\ud83d\"}", "a high surrogate without its low half", ":8"},
        {"{\"a\": \"\\ude00\"}", "a lone low surrogate", ":8"},
        {"{\"a\": \"\xC3\x28\"}", "invalid UTF-8", ":8"},
        {"{\"a\": 01}", "expected ',' or '}'", ":8"},  // "0" then "1": JSON has no leading zeros
        {"{\"a\": tru}", "expected a value", ":7"},
        {"{a: 1}", "expected a key in double quotes", ":2"},
        {"{\"é\": \"x\" y}", "expected ',' or '}'", ":11"},  // columns count characters
    };
    for (const auto& c : cases) {
        INFO(c.line);
        auto file = files.write("bad.jsonl", "{\"a\": 0}\n" + c.line + "\n");
        auto error = files.failure(file, jsonl());
        CHECK(error.code == ErrorCode::InvalidArgument);
        CHECK_THAT(error.message, Catch::Contains(c.message));
        CHECK_THAT(error.context, Catch::StartsWith(file.string() + ":2" + c.column));
    }
}

TEST_CASE("JSON Lines: with skipBadRows bad lines are skipped and counted", "[files][jsonl]") {
    FileImports files;
    auto options = jsonl();
    options.skipBadRows = true;
    auto t = files.import(fixture("jsonl/bad_lines.jsonl"), options);
    CHECK(t.table->rows() == 3);
    CHECK(t.result.skippedRows == 2);
    REQUIRE(t.result.skippedSamples.size() == 2);
    CHECK(t.result.skippedSamples[0].line == 3);
    CHECK(t.result.skippedSamples[1].line == 4);
    CHECK(t.result.skippedSamples[1].column == 17);
    CHECK(t.cell("a", 2) == "5");
    // A bad line's keys do not become columns.
    auto file = files.write("bad_keys.jsonl", "{\"a\": 1}\n{\"zzz\": 1, \"b\": }\n{\"a\": 2}\n");
    auto u = files.import(file, options);
    CHECK(u.names() == std::vector<std::string>{"a"});
}

TEST_CASE("JSON Lines: a key first met past the sample becomes a column", "[files][jsonl]") {
    FileImports files;
    std::string text;
    for (int i = 0; i < 12000; ++i) text += "{\"i\": " + std::to_string(i) + "}\n";
    text += "{\"i\": 12000, \"late\": 3.5}\n{\"i\": 12001, \"late\": 4}\n";
    auto t = files.import(files.write("late.jsonl", text), jsonl());
    CHECK(t.table->rows() == 12002);
    CHECK(t.names() == std::vector<std::string>{"i", "late"});
    CHECK(t.type("late") == std::string("float"));
    CHECK(t.cell("late", 12000) == "3.5");
    CHECK(t.cell("late", 5) == "");
    CHECK(t.cell("i", 12001) == "12001");
}

TEST_CASE("JSON Lines: keys in any order, repeated and deeply nested", "[files][jsonl]") {
    FileImports files;
    auto file = files.write("order.jsonl",
                            "{\"a\": 1, \"b\": {\"c\": {\"d\": \"x\"}}}\n"
                            "{\"b\": {\"c\": {\"d\": \"y\"}, \"e\": 2}, \"a\": 2, \"a\": 3}\n"
                            "{\"b\": {}, \"a\": 4}\n");
    auto t = files.import(file, jsonl());
    CHECK(t.names() == std::vector<std::string>{"a", "b.c.d", "b.e"});
    CHECK(t.cell("a", 1) == "3");  // the last of a repeated key
    CHECK(t.cell("b.c.d", 1) == "y");
    CHECK(t.cell("b.e", 1) == "2");
    CHECK(t.cell("b.c.d", 2) == "");
    std::string deep = "{\"v\": ";
    for (int i = 0; i < 100; ++i) deep += "[";
    auto error = files.failure(files.write("deep.jsonl", deep + "\n"), jsonl());
    CHECK_THAT(error.message, Catch::Contains("nested more than 64 levels"));
}

TEST_CASE("JSON Lines: the preview types the sample", "[files][jsonl]") {
    auto preview = previewJsonLines(fixture("jsonl/nested.jsonl"), {}, 2);
    REQUIRE(preview);
    CHECK(preview->format == TableFormat::JsonLines);
    REQUIRE(preview->columns.size() == 8);
    CHECK(preview->columns[0].name == "id");
    CHECK(preview->columns[0].type == ColumnType::Integer);
    CHECK(preview->rows.size() == 2);
    CHECK(preview->sampledRecords == 3);
}
