#include <catch2/catch.hpp>
#include <cmath>

#include "core/data/cell_parser.h"
#include "core/data/type_inference.h"

using namespace kiln;

TEST_CASE("Missing markers are recognised in any case", "[csv][types]") {
    for (const char* m :
         {"", "  ", "NA", "na", "N/A", "n/a", "null", "NULL", "NaN", "nan", "-", "?"})
        CHECK(isMissingMarker(m));
    for (const char* v : {"0", "none", "NAN1", "--", "x"}) CHECK_FALSE(isMissingMarker(v));
}

TEST_CASE("Numbers parse with signs, spaces, exponents and decimal commas", "[csv][types]") {
    std::int64_t i = 0;
    CHECK(parseInt64(" +42 ", i) == ParseOutcome::Ok);
    CHECK(i == 42);
    CHECK(parseInt64("-9223372036854775808", i) == ParseOutcome::Ok);
    CHECK(parseInt64("9223372036854775808", i) == ParseOutcome::Overflow);
    CHECK(parseInt64("4.0", i) == ParseOutcome::Invalid);
    double d = 0;
    CHECK((parseDouble("1e3", false, d) && d == 1000.0));
    CHECK((parseDouble("-0.25", false, d) && d == -0.25));
    CHECK((parseDouble("3,14", true, d) && d == 3.14));
    CHECK_FALSE(parseDouble("3.14", true, d));
    CHECK_FALSE(parseDouble("3,14", false, d));
    CHECK_FALSE(parseDouble("abc", false, d));
}

TEST_CASE("Dates parse in ISO and both slashed orders", "[csv][types]") {
    ParsedDate p;
    REQUIRE(parseDate("2024-01-31", DateOrder::DayFirst, p));
    CHECK(p.days == 19753);
    CHECK_FALSE(p.hasTime);
    REQUIRE(parseDate("2024-01-31T12:00:00", DateOrder::DayFirst, p));
    CHECK(p.msOfDay == 12 * 3600000);
    REQUIRE(parseDate("2024-01-31 12:00", DateOrder::DayFirst, p));
    CHECK(p.hasTime);
    REQUIRE(parseDate("31/01/2024", DateOrder::DayFirst, p));
    CHECK(p.days == 19753);
    REQUIRE(parseDate("01/31/2024", DateOrder::MonthFirst, p));
    CHECK(p.days == 19753);
    CHECK_FALSE(parseDate("01/31/2024", DateOrder::DayFirst, p));
    CHECK_FALSE(parseDate("2023-02-29", DateOrder::DayFirst, p));
    CHECK(parseDate("2024-02-29", DateOrder::DayFirst, p));
    CHECK(formatDate(19753) == "2024-01-31");
    CHECK(formatDate(-1) == "1969-12-31");
    CHECK(formatDateTime(19753LL * 86400000 + 8 * 3600000 + 250) == "2024-01-31T08:00:00.250");
}

TEST_CASE("Column types are inferred from the values", "[csv][types]") {
    CHECK(inferColumn("a", {"1", "2", "NA", "-7"}, false).type == ColumnType::Integer);
    CHECK(inferColumn("a", {"1", "2.5", ""}, false).type == ColumnType::Float);
    auto big = inferColumn("a", {"1", "99999999999999999999"}, false);
    CHECK(big.type == ColumnType::Float);
    CHECK(big.note == "integers beyond 64 bits: stored as float");
    CHECK(inferColumn("a", {"1,5", "2"}, true).type == ColumnType::Float);
    CHECK(inferColumn("a", {"true", "False", "yes", "NO"}, false).type == ColumnType::Boolean);
    CHECK(inferColumn("a", {"2024-01-01", "2024-02-01"}, false).type == ColumnType::Date);
    CHECK(inferColumn("a", {"2024-01-01", "2024-02-01T10:00"}, false).type == ColumnType::DateTime);
    std::vector<std::string> colours;
    for (int i = 0; i < 100; ++i) colours.push_back(i % 3 ? "red" : "blue");
    CHECK(inferColumn("a", colours, false).type == ColumnType::Categorical);
    CHECK(inferColumn("a", {"one words", "two words", "three words"}, false).type ==
          ColumnType::Text);
    auto empty = inferColumn("a", {"", "NA"}, false);
    CHECK(empty.type == ColumnType::Text);
    CHECK(empty.note == "no values in the sample: read as text");
}

TEST_CASE("The order of slashed dates is decided from the data and stated", "[csv][types]") {
    auto dayFirst = inferColumn("d", {"31/01/2024", "01/02/2024"}, false);
    CHECK(dayFirst.type == ColumnType::Date);
    CHECK(dayFirst.dateOrder == DateOrder::DayFirst);
    CHECK(dayFirst.note == "day-first dates (DD/MM/YYYY): a first number above 12 was seen");
    auto monthFirst = inferColumn("d", {"01/31/2024", "02/01/2024"}, false);
    CHECK(monthFirst.dateOrder == DateOrder::MonthFirst);
    CHECK(monthFirst.note == "month-first dates (MM/DD/YYYY): a second number above 12 was seen");
    auto ambiguous = inferColumn("d", {"01/02/2024", "03/04/2024"}, false);
    CHECK(ambiguous.dateOrder == DateOrder::DayFirst);
    CHECK(ambiguous.note.find("ambiguous dates") == 0);
    CHECK(ambiguous.note.find("assumed day-first") != std::string::npos);
    auto mixed = inferColumn("d", {"31/01/2024", "01/31/2024"}, false);
    CHECK(mixed.type != ColumnType::Date);
}

TEST_CASE("Types widen when a cell does not fit", "[csv][types]") {
    CHECK(widenedType(ColumnType::Integer) == ColumnType::Float);
    CHECK(widenedType(ColumnType::Date) == ColumnType::DateTime);
    CHECK(widenedType(ColumnType::Float) == ColumnType::Text);
    CHECK(widenedType(ColumnType::Boolean) == ColumnType::Text);
}
