set(copy ${WORK_DIR}/kiln_ko_check.ts)
configure_file(${SOURCE_DIR}/translations/kiln_ko.ts ${copy} COPYONLY)
execute_process(COMMAND ${LUPDATE} -silent -I . widgets app/studio -ts ${copy}
                WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed:\n${out}")
endif()
file(READ ${copy} ts)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*(<comment>[^<]*</comment>[ \n]*)?<translation type=\"unfinished\"" missing "${ts}")
list(LENGTH missing count)
if(count GREATER 0)
  string(REPLACE ";" "\n" listed "${missing}")
  message(FATAL_ERROR "${count} user-visible string(s) have no Korean translation in "
                      "translations/kiln_ko.ts (run: lupdate -I . widgets app/studio -ts "
                      "translations/kiln_ko.ts, then translate):\n${listed}")
endif()
message(STATUS "every message in kiln_ko.ts is translated")

# English needs its plural forms ("1 run", "2 runs") for every tr("%n run(s)").
set(english ${WORK_DIR}/kiln_en_check.ts)
configure_file(${SOURCE_DIR}/translations/kiln_en.ts ${english} COPYONLY)
execute_process(COMMAND ${LUPDATE} -silent -pluralonly -source-language en -target-language en
                        -I . widgets app/studio -ts ${english}
                WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed:\n${out}")
endif()
file(READ ${english} ts)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*(<comment>[^<]*</comment>[ \n]*)?<translation type=\"unfinished\"" missing "${ts}")
list(LENGTH missing count)
if(count GREATER 0)
  string(REPLACE ";" "\n" listed "${missing}")
  message(FATAL_ERROR "${count} plural message(s) have no English forms in translations/kiln_en.ts "
                      "(run: lupdate -pluralonly -source-language en -target-language en -I . "
                      "widgets app/studio -ts translations/kiln_en.ts, then write both forms):\n${listed}")
endif()
message(STATUS "every plural message has its English forms in kiln_en.ts")
