# SPDX-License-Identifier: GPL-2.0-or-later
# ngosearch_embed(<out.cpp> <symbol> <file>): compiles a data file into the library as
# `extern const std::string_view <symbol>` in namespace ngosearch::data, so the library never
# depends on where its data files were installed.
function(ngosearch_embed out symbol file)
    add_custom_command(
        OUTPUT ${out}
        COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DSYMBOL=${symbol}
                -P ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
        DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
        COMMENT "Embedding ${file}")
endfunction()
