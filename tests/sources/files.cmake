# JSON Lines and Excel readers: the finer points (flattening, escapes, bad lines, dates in both
# systems, merged headers, sparse cells), over committed fixtures and files written by the tests.
add_executable(kiln_files_tests
  files_support.cpp
  files_jsonl.cpp
  files_jsonl_vs_csv.cpp
  files_xlsx.cpp
)
target_link_libraries(kiln_files_tests PRIVATE kiln_base kiln_catch_main kiln_test_support minizip)
target_include_directories(kiln_files_tests PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_definitions(kiln_files_tests PRIVATE KILN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_test(NAME sources/files COMMAND kiln_files_tests)
