# Monitoring (core/monitor), part of kiln_base: the two-sample drift tests, the comparison of two
# tables column by column, and the reports kept in the catalog. What runs a model (the drift of
# its predictions, monitorModel) is in kiln_monitor_engine (core/monitor/CMakeLists.txt).
target_sources(kiln_base PRIVATE
  monitor/column_sample.cpp
  monitor/drift_tests.cpp
  monitor/data_monitor.cpp
  monitor/monitor_store.cpp
)
