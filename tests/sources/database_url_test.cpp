// Database URLs: which client reads them, and the password kept out of what is shown.
#include <catch2/catch.hpp>

#include "core/database/database_import.h"

using namespace kiln;

TEST_CASE("A database URL names its client", "[database][url]") {
    CHECK(*databaseKind("postgresql://ann@db.example:5433/sales") == DatabaseKind::PostgreSql);
    CHECK(*databaseKind("postgres://ann@db.example/sales") == DatabaseKind::PostgreSql);
    CHECK(*databaseKind("service=warehouse") == DatabaseKind::PostgreSql);
    CHECK(*databaseKind("host=/tmp dbname=x") == DatabaseKind::PostgreSql);
    CHECK(*databaseKind("sqlite:data/shop.db") == DatabaseKind::Sqlite);
    CHECK(*databaseKind("sqlite:///var/lib/shop.sqlite3") == DatabaseKind::Sqlite);
    CHECK(*databaseKind("exports/shop.sqlite") == DatabaseKind::Sqlite);
    CHECK(*databaseKind("shop.db") == DatabaseKind::Sqlite);
    auto bad = databaseKind("mysql://ann:pw@h/db");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == ErrorCode::InvalidArgument);
    CHECK(bad.error().message.find(":pw@") == std::string::npos);
    CHECK_FALSE(databaseKind(""));
    CHECK_FALSE(databaseKind("shop.csv"));
}

TEST_CASE("A password is removed from every form of URL", "[database][url]") {
    CHECK(redactedUrl("postgresql://ann:secret@h/db") == "postgresql://ann@h/db");
    CHECK(redactedUrl("postgresql://ann:s%40cret@h:5432,h2:5433/db?sslmode=require") ==
          "postgresql://ann@h:5432,h2:5433/db?sslmode=require");
    CHECK(redactedUrl("postgres://h/db?password=secret&sslmode=require") ==
          "postgres://h/db?sslmode=require");
    CHECK(redactedUrl("postgres://h/db?password=secret") == "postgres://h/db");
    CHECK(redactedUrl("postgresql://ann@h/db") == "postgresql://ann@h/db");
    CHECK(redactedUrl("postgresql://") == "postgresql://");
    CHECK(redactedUrl("host=h user=ann password=secret dbname=db") == "host=h user=ann dbname=db");
    CHECK(redactedUrl("host=h password='two words' dbname='my db'") == "host=h dbname='my db'");
    CHECK(redactedUrl("service=warehouse") == "service=warehouse");
    CHECK(redactedUrl("sqlite:shop.db") == "sqlite:shop.db");
    // A string libpq cannot read shows nothing of itself: it may hold a password.
    CHECK(redactedUrl("host=h password='unterminated").find("unterminated") == std::string::npos);
}

TEST_CASE("A URL libpq cannot read is not echoed with its password", "[database][url]") {
    const std::string url = "postgresql://ann:p%40ss-W0rd-9@[::1/db";  // an unclosed IPv6 bracket
    auto refused = testDatabaseConnection(url, "");
    REQUIRE_FALSE(refused);
    INFO(refused.error().toString());
    CHECK(refused.error().toString().find("p%40ss-W0rd-9") == std::string::npos);
    CHECK(refused.error().toString().find("p@ss-W0rd-9") == std::string::npos);
    CHECK(refused.error().message.find("bad PostgreSQL URL") != std::string::npos);
}
