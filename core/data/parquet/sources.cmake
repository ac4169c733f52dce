# The Parquet reader (core/data/parquet), part of kiln_base.
target_sources(kiln_base PRIVATE
  data/parquet/parquet_import.cpp
)
