# SPDX-License-Identifier: GPL-2.0-or-later
# Our warning flags live on an INTERFACE target linked PRIVATE, so consumers never inherit them.
add_library(ngosearch_warnings INTERFACE)
target_compile_options(ngosearch_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(NGOSEARCH_WERROR)
    target_compile_options(ngosearch_warnings INTERFACE -Werror)
endif()
# GCC 12 reports -Wrestrict false positives inside std::string at -O3 (GCC bug 105329, fixed in
# 13); without this a Release build with NGOSEARCH_WERROR fails on correct code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(ngosearch_warnings INTERFACE -Wno-restrict)
endif()
