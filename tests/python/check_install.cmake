# SPDX-License-Identifier: GPL-2.0-or-later
# Script mode: see CMakeLists.txt beside this file.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix}
                        --component python
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${rc}):\n${out}\n${err}")
endif()
foreach(f __init__.py _ngosearch.pyi py.typed)
    if(NOT EXISTS ${prefix}/${PACKAGE_DIR}/ngosearch/${f})
        message(FATAL_ERROR "not installed: ${PACKAGE_DIR}/ngosearch/${f}")
    endif()
endforeach()
# Run from an empty folder with only the prefix on the path: the build tree must not be used.
file(MAKE_DIRECTORY ${WORK_DIR}/run)
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=PYTHONPATH
                        PYTHONPATH=${prefix}/${PACKAGE_DIR} PYTHONDONTWRITEBYTECODE=1
                        ${PYTHON} ${CHECK_SCRIPT} ${prefix}/${PACKAGE_DIR}
                WORKING_DIRECTORY ${WORK_DIR}/run
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the installed package failed (${rc}):\n${out}\n${err}")
endif()
message(STATUS "${out}")
