# The Excel (.xlsx) reader (core/data/xlsx), part of kiln_base: the zip through minizip, the XML
# streamed through expat.
find_package(PkgConfig REQUIRED)
pkg_check_modules(KILN_MINIZIP REQUIRED IMPORTED_TARGET minizip)
find_package(EXPAT REQUIRED)
target_sources(kiln_base PRIVATE
  data/xlsx/excel_dates.cpp
  data/xlsx/excel_sheet_source.cpp
  data/xlsx/sheet_stream.cpp
  data/xlsx/workbook.cpp
  data/xlsx/xlsx_import.cpp
  data/xlsx/xml_reader.cpp
  data/xlsx/zip_entry.cpp
)
target_link_libraries(kiln_base PRIVATE PkgConfig::KILN_MINIZIP EXPAT::EXPAT)
