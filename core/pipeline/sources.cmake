# Pipelines (core/pipeline), part of kiln_base: pipeline files (YAML, yaml-cpp), step keys and
# plans, the records in the catalog and the runner. The steps that export, predict or register
# models are in kiln_pipeline_engine (core/pipeline/CMakeLists.txt), linked by kiln-engine only.
target_sources(kiln_base PRIVATE
  pipeline/pipeline_spec.cpp
  pipeline/pipeline_store.cpp
  pipeline/pipeline_plan.cpp
  pipeline/pipeline_runner.cpp
  pipeline/step_inputs.cpp
  pipeline/base_steps.cpp
)
target_link_libraries(kiln_base PRIVATE yaml-cpp)
