# The Parquet reader (core/data/parquet), part of kiln_base: Kiln's own Thrift footer reader and
# page decoders over Debian's codec libraries.
target_sources(kiln_base PRIVATE
  data/parquet/thrift_compact.cpp
  data/parquet/parquet_metadata.cpp
  data/parquet/parquet_codecs.cpp
  data/parquet/parquet_encodings.cpp
  data/parquet/parquet_file.cpp
  data/parquet/parquet_schema.cpp
  data/parquet/parquet_values.cpp
  data/parquet/parquet_reading.cpp
  data/parquet/parquet_import.cpp
  data/parquet/parquet_preview.cpp
)
find_package(PkgConfig REQUIRED)
pkg_check_modules(KILN_PARQUET_CODECS REQUIRED IMPORTED_TARGET snappy zlib libzstd liblz4)
target_link_libraries(kiln_base PRIVATE PkgConfig::KILN_PARQUET_CODECS)
