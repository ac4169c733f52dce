// One table written as CSV and as JSON Lines imports to the same columns, types and cells.

#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "files_support.h"

using namespace kiln;

namespace {

struct TwoFiles {
    std::string csv, jsonl;
};

// 7,000 rows (past the 5,000-row sample) of integers, floats, booleans, dates, datetimes, a
// category, text with commas and quotes, and codes with leading zeros; some cells missing.
TwoFiles makeTable() {
    std::mt19937 random(42);
    std::ostringstream csv, jsonl;
    csv << "id,amount,flag,day,at,city,comment,code\n";
    const char* cities[] = {"Seoul", "Busan", "Lyon", "Porto"};
    for (int i = 0; i < 7000; ++i) {
        const bool missing = random() % 17 == 0;
        const double amount = double(int(random() % 200000) - 100000) / 1000.0;
        const bool flag = random() % 2;
        const int day = 1 + int(random() % 28);
        char dayText[16], atText[32], code[8], amountText[32];
        std::snprintf(dayText, sizeof dayText, "2024-03-%02d", day);
        std::snprintf(atText, sizeof atText, "2024-03-%02dT%02d:%02d:05", day, int(random() % 24),
                      int(random() % 60));
        std::snprintf(code, sizeof code, "%05d", int(random() % 100000));
        std::snprintf(amountText, sizeof amountText, "%.3f", amount);
        const std::string city = cities[random() % 4];
        csv << i << ',' << (missing ? "" : amountText) << ',' << (flag ? "true" : "false") << ','
            << dayText << ',' << atText << ',' << city << ",\"item " << i << ", said \"\"ok\"\"\","
            << code << "\n";
        jsonl << "{\"id\":" << i << ",\"amount\":" << (missing ? "null" : amountText)
              << ",\"flag\":" << (flag ? "true" : "false") << ",\"day\":\"" << dayText
              << "\",\"at\":\"" << atText << "\",\"city\":\"" << city << "\",\"comment\":\"item "
              << i << ", said \\\"ok\\\"\",\"code\":\"" << code << "\"}\n";
    }
    return {csv.str(), jsonl.str()};
}

}  // namespace

TEST_CASE("A table imported as CSV and as JSON Lines matches cell by cell", "[files][jsonl]") {
    FileImports files;
    const auto table = makeTable();
    auto fromCsv = files.import(files.write("t.csv", table.csv));
    auto fromJsonl = files.import(files.write("t.jsonl", table.jsonl));
    CHECK(fromCsv.result.format == "csv");
    CHECK(fromJsonl.result.format == "jsonl");
    REQUIRE(fromCsv.names() == fromJsonl.names());
    REQUIRE(fromCsv.table->rows() == 7000);
    REQUIRE(fromJsonl.table->rows() == 7000);
    for (const auto& name : fromCsv.names()) {
        INFO(name);
        CHECK(fromCsv.type(name) == fromJsonl.type(name));
        std::size_t differing = 0;
        for (std::uint64_t r = 0; r < 7000; ++r)
            if (fromCsv.cell(name, r) != fromJsonl.cell(name, r) && differing++ < 3)
                CHECK(fromCsv.cell(name, r) == fromJsonl.cell(name, r));
        CHECK(differing == 0);
    }
    CHECK(fromJsonl.type("day") == std::string("date"));
    CHECK(fromJsonl.type("at") == std::string("datetime"));
    CHECK(fromJsonl.type("city") == std::string("categorical"));
    CHECK(fromJsonl.type("code") == std::string("text"));
}
