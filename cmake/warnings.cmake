# SPDX-License-Identifier: GPL-2.0-or-later
# Our warning flags live on an INTERFACE target linked PRIVATE, so consumers never inherit them.
add_library(ngosearch_warnings INTERFACE)
target_compile_options(ngosearch_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(NGOSEARCH_WERROR)
    target_compile_options(ngosearch_warnings INTERFACE -Werror)
endif()
