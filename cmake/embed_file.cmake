# SPDX-License-Identifier: GPL-2.0-or-later
# Script mode: writes ${OUT}, a C++ file holding the bytes of ${IN} as ngosearch::data::${SYMBOL}.
file(READ ${IN} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE ${OUT}
"// Generated from ${IN} by cmake/embed_file.cmake; do not edit.
#include <string_view>
namespace ngosearch::data {
namespace { constexpr char kBytes[] = {${bytes} '\\0'}; }
extern const std::string_view ${SYMBOL};
const std::string_view ${SYMBOL}(kBytes, sizeof(kBytes) - 1);
}
")
