# The Excel (.xlsx) reader (core/data/xlsx), part of kiln_base.
target_sources(kiln_base PRIVATE
  data/xlsx/xlsx_import.cpp
)
