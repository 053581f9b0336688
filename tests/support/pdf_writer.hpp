// SPDX-License-Identifier: GPL-2.0-or-later
// A minimal PDF writer for tests: pages of ASCII lines in Helvetica, an optional document
// information dictionary. Enough for poppler to read the text back.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace ngosearch::test {

struct PdfInfo {
    std::string title{};          // empty: none
    std::string creation_date{};  // PDF date, e.g. "D:20201215093000Z"; empty: none
};

inline std::string pdf_string(const std::string& s) {
    std::string out = "(";
    for (const char c : s) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out + ")";
}

/// A PDF whose page i holds the lines of pages[i].
inline std::string make_pdf(const std::vector<std::vector<std::string>>& pages,
                            const PdfInfo& info = {}) {
    std::vector<std::string> objects;  // object n is objects[n - 1]
    const std::size_t first_page = 4;
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        kids += std::to_string(first_page + 2 * i) + " 0 R ";
    }
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                      std::to_string(pages.size()) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        std::string content = "BT /F1 12 Tf 72 720 Td 14 TL\n";
        for (const std::string& line : pages[i]) content += pdf_string(line) + " Tj T*\n";
        content += "ET";
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                          "<< /Font << /F1 3 0 R >> >> /Contents " +
                          std::to_string(first_page + 2 * i + 1) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
                          content + "\nendstream");
    }
    std::string info_dict;
    if (!info.title.empty() || !info.creation_date.empty()) {
        info_dict = "<< ";
        if (!info.title.empty()) info_dict += "/Title " + pdf_string(info.title) + " ";
        if (!info.creation_date.empty()) {
            info_dict += "/CreationDate " + pdf_string(info.creation_date) + " ";
        }
        objects.push_back(info_dict + ">>");
    }
    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t n = 0; n < objects.size(); ++n) {
        offsets.push_back(out.size());
        out += std::to_string(n + 1) + " 0 obj\n" + objects[n] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t o : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R";
    if (!info_dict.empty()) out += " /Info " + std::to_string(objects.size()) + " 0 R";
    out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

}  // namespace ngosearch::test
