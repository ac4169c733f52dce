# Parquet reader tests. DuckDB (npm @duckdb/node-api, test-only) writes the fixtures and its own
# reading of each as the reference: the sources/parquet_setup fixture runs `npm ci
# --ignore-scripts` into the build folder once (the package's prebuilt binary comes in a
# platform package, so no install script is needed) and then tests/sources/parquet/make_fixtures.mjs.
add_executable(kiln_parquet_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/parquet_duckdb_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/parquet_corrupt_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/parquet_decoder_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/parquet_handmade_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/parquet_test_writer.cpp)
target_link_libraries(kiln_parquet_tests PRIVATE kiln_base kiln_catch_main kiln_test_support)
set(kiln_parquet_dir ${CMAKE_CURRENT_BINARY_DIR}/parquet)
target_compile_definitions(kiln_parquet_tests PRIVATE KILN_PARQUET_FIXTURES="${kiln_parquet_dir}/fixtures")

set(kiln_parquet_src ${CMAKE_CURRENT_SOURCE_DIR}/parquet)
add_test(NAME sources/parquet_setup
  COMMAND sh -c "mkdir -p '${kiln_parquet_dir}' && cp '${kiln_parquet_src}/package.json' '${kiln_parquet_src}/package-lock.json' '${kiln_parquet_src}/make_fixtures.mjs' '${kiln_parquet_dir}/' && cd '${kiln_parquet_dir}' && { [ -d node_modules/@duckdb/node-api ] || npm ci --ignore-scripts --no-audit --no-fund; } && node make_fixtures.mjs fixtures > /dev/null")
set_tests_properties(sources/parquet_setup PROPERTIES FIXTURES_SETUP parquet_fixtures TIMEOUT 300)
add_test(NAME sources/parquet COMMAND kiln_parquet_tests)
set_tests_properties(sources/parquet PROPERTIES FIXTURES_REQUIRED parquet_fixtures TIMEOUT 600)
