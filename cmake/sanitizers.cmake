# SPDX-License-Identifier: GPL-2.0-or-later
# NGOSEARCH_SANITIZE=address,undefined instruments everything built in this tree.
if(NGOSEARCH_SANITIZE)
    add_compile_options(-fsanitize=${NGOSEARCH_SANITIZE} -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=${NGOSEARCH_SANITIZE})
endif()
