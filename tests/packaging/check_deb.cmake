# Builds the .deb into a scratch folder and checks its contents and computed dependencies.
set(out ${BUILD_DIR}/package-check)
file(REMOVE_RECURSE ${out})
execute_process(COMMAND cpack -G DEB -B ${out} WORKING_DIRECTORY ${BUILD_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed:\n${log}")
endif()
file(GLOB debs ${out}/kiln_*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one kiln_*.deb in ${out}, found: ${debs}")
endif()
execute_process(COMMAND dpkg-deb --field ${debs} Depends OUTPUT_VARIABLE depends)
execute_process(COMMAND dpkg-deb --contents ${debs} OUTPUT_VARIABLE contents)
# libpq5 comes with kiln-database.so, the database clients loaded for kiln import --db.
set(deps libtorch libsqlite3 libopencv-core libpq5)
set(paths ./usr/bin/kiln ./usr/libexec/kiln/kiln-engine ./usr/lib/kiln/kiln-database.so
          ./usr/share/kiln/samples/samples.json
          ./usr/share/kiln/samples/penguins.csv ./usr/share/kiln/samples/digits/7/7_01.png)
if(WITH_STUDIO)
  list(APPEND deps libqt6widgets6 libqt6charts6)
  list(APPEND paths ./usr/bin/kiln-studio ./usr/lib/kiln/kiln-engines.so
       ./usr/share/applications/io.kiln.Studio.desktop
       ./usr/share/metainfo/io.kiln.Studio.metainfo.xml
       ./usr/share/icons/hicolor/scalable/apps/io.kiln.Studio.svg)
endif()
foreach(dep ${deps})
  if(NOT depends MATCHES "${dep}")
    message(FATAL_ERROR "Depends lacks ${dep} (computed by dpkg-shlibdeps): ${depends}")
  endif()
endforeach()
foreach(path ${paths})
  string(FIND "${contents}" "${path}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the package lacks ${path}:\n${contents}")
  endif()
endforeach()
message(STATUS "package ok: ${debs}\nDepends: ${depends}")
