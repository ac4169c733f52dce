# The database import (core/database): PostgreSQL against a server the test starts itself
# (database_server.cpp: initdb and pg_ctl, as the postgres user when run as root), SQLite files
# the test writes. The password case runs the `kiln` CLI too.
add_executable(kiln_database_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/database_server.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/database_url_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/database_sqlite_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/database_postgres_test.cpp)
target_link_libraries(kiln_database_tests PRIVATE kiln_database kiln_base kiln_catch_main
  kiln_test_support PkgConfig::LIBPQ SQLite::SQLite3)
target_compile_definitions(kiln_database_tests PRIVATE KILN_CLI="$<TARGET_FILE:kiln>")
add_dependencies(kiln_database_tests kiln)
add_test(NAME sources/database COMMAND kiln_database_tests)
set_tests_properties(sources/database PROPERTIES TIMEOUT 300)
