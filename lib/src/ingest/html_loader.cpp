// SPDX-License-Identifier: GPL-2.0-or-later
// HTML with libxml2's HTML parser (it recovers from broken nesting and decodes entities): the
// visible text of the page, its title, its language, and the date its metadata gives.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <array>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>

#include "detail/ascii.hpp"
#include "detail/document_utf8.hpp"
#include "ingest/loaders.hpp"
#include "ingest/text_decode.hpp"
#include "ingest/text_metadata.hpp"

namespace ngosearch::ingest {

namespace {

// Elements whose text a reader does not see, or that are a site's furniture, not the document.
constexpr std::array<std::string_view, 16> kSkipped{
    "script", "style", "noscript", "template", "head", "nav", "aside", "footer",
    "form",   "button", "select",  "svg",      "iframe", "object", "canvas", "menu"};
// Elements that end a line of text.
constexpr std::array<std::string_view, 30> kBlocks{
    "p",  "div", "br",  "li",      "ul",     "ol",      "h1",    "h2",         "h3",  "h4",
    "h5", "h6",  "tr",  "table",   "section", "article", "main", "blockquote", "pre", "dd",
    "dt", "dl",  "hr",  "header",  "figure", "figcaption", "address", "caption", "td", "th"};

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlFree {
    void operator()(xmlChar* s) const { xmlFree(s); }
};

std::string_view name_of(const xmlNode* n) {
    return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

std::string attribute(const xmlNode* n, const char* name) {
    const std::unique_ptr<xmlChar, XmlFree> v(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
    return v ? std::string(reinterpret_cast<const char*>(v.get())) : std::string();
}

bool in(std::string_view name, auto const& list) {
    for (const std::string_view s : list) {
        if (s == name) return true;
    }
    return false;
}

bool hidden(const xmlNode* n) {
    if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
    if (attribute(n, "aria-hidden") == "true") return true;
    const std::string role = attribute(n, "role");
    if (role == "navigation" || role == "banner" || role == "contentinfo") return true;
    // Classes that hide by convention (Bootstrap, WordPress): the stylesheet is not read.
    const std::string classes = " " + ::ngosearch::detail::lower_ascii(attribute(n, "class")) + " ";
    for (const char* c : {" hidden ", " d-none ", " sr-only ", " visually-hidden ",
                          " screen-reader-text "}) {
        if (classes.find(c) != std::string::npos) return true;
    }
    std::string style = ::ngosearch::detail::lower_ascii(attribute(n, "style"));
    std::erase(style, ' ');
    return style.find("display:none") != std::string::npos ||
           style.find("visibility:hidden") != std::string::npos;
}

std::string text_of(const xmlNode* n) {
    const std::unique_ptr<xmlChar, XmlFree> c(xmlNodeGetContent(n));
    return c ? std::string(reinterpret_cast<const char*>(c.get())) : std::string();
}

// What the page says about itself: <title>, <html lang>, and dates and authors in <meta>.
struct PageFacts {
    std::string title, first_heading, lang, date;
    std::map<std::string, std::string> metadata;
};

// The visible text, one line per block, runs of spaces collapsed (not in <pre>).
class TextCollector {
public:
    void text(std::string_view s, bool preformatted) {
        for (const char c : s) {
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
            if (preformatted && c == '\n') {
                line_end();
            } else if (space) {
                pending_space_ = !out_.empty() && out_.back() != '\n';
            } else {
                if (pending_space_) out_ += ' ';
                pending_space_ = false;
                out_ += c;
            }
        }
    }
    void line_end() {
        pending_space_ = false;
        if (!out_.empty() && out_.back() != '\n') out_ += '\n';
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
    bool pending_space_ = false;
};

void read_head(const xmlNode* n, PageFacts& facts) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string_view name = name_of(c);
        if (name == "title" && facts.title.empty()) {
            facts.title = detail::clip_title(text_of(c));
        } else if (name == "meta") {
            const std::string key = ::ngosearch::detail::lower_ascii(
                attribute(c, "name").empty() ? attribute(c, "property") : attribute(c, "name"));
            const std::string content = attribute(c, "content");
            if (content.empty()) continue;
            if (key == "date" || key == "dc.date" || key == "dcterms.date" ||
                key == "article:published_time" || key == "citation_publication_date") {
                if (facts.date.empty()) {
                    if (auto d = normalize_date(content.substr(0, 10))) facts.date = *d;
                }
            } else if (key == "author" || key == "dc.creator" || key == "description") {
                facts.metadata[key == "dc.creator" ? "author" : key] = content;
            }
        }
    }
}

// Walks the tree without recursion (broken pages nest deeply).
std::string visible_text(const xmlNode* root, PageFacts& facts) {
    TextCollector out;
    struct Frame {
        const xmlNode* node;
        bool leaving;
        bool pre;
    };
    std::vector<Frame> stack{{root, false, false}};
    while (!stack.empty()) {
        const Frame f = stack.back();
        stack.pop_back();
        const xmlNode* n = f.node;
        if (f.leaving) {
            out.line_end();
            continue;
        }
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) out.text(reinterpret_cast<const char*>(n->content), f.pre);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE && n->type != XML_DOCUMENT_NODE &&
            n->type != XML_HTML_DOCUMENT_NODE) {
            continue;
        }
        const std::string_view name = name_of(n);
        if (n->type == XML_ELEMENT_NODE) {
            if (name == "head") read_head(n, facts);
            if (name == "html" && facts.lang.empty()) {
                facts.lang = attribute(n, "lang");
                if (facts.lang.empty()) facts.lang = attribute(n, "xml:lang");
            }
            if (in(name, kSkipped) || hidden(n)) continue;
            if (name == "h1" && facts.first_heading.empty()) {
                facts.first_heading = detail::clip_title(text_of(n));
            }
        }
        const bool block = in(name, kBlocks);
        const bool pre = f.pre || name == "pre";
        if (block) {
            out.line_end();
            stack.push_back({n, true, pre});
        }
        // Children in document order: push them last first.
        std::vector<const xmlNode*> children;
        for (const xmlNode* c = n->children; c; c = c->next) children.push_back(c);
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, false, pre});
    }
    return out.take();
}

std::string language_code(std::string lang) {
    lang = ::ngosearch::detail::lower_ascii(lang);
    if (lang == "ko" || lang.starts_with("ko-")) return "ko";
    if (lang == "en" || lang.starts_with("en-")) return "en";
    return {};
}

bool declares_charset(std::string_view bytes) {
    const std::string head = ::ngosearch::detail::lower_ascii(bytes.substr(0, 4096));
    return head.find("charset") != std::string::npos || head.starts_with("<?xml");
}

class HtmlLoader final : public Loader {
public:
    HtmlLoader() {
        static std::once_flag once;
        std::call_once(once, [] { xmlInitParser(); });  // before threads parse at once
    }
    std::string_view name() const noexcept override { return "html"; }
    std::vector<std::string> extensions() const override { return {".html", ".htm", ".xhtml"}; }

    LoadedFile load(std::string_view bytes, std::string_view path) const override {
        const std::string where(path);
        LoadedFile out;
        // A page that names its encoding is read in it by libxml2; others are decoded here
        // (libxml2 would take them for Latin-1).
        std::string decoded;
        const char* encoding = nullptr;
        if (!declares_charset(bytes)) {
            detail::DecodedText d = detail::decode_text(bytes, path);
            out.encoding = d.encoding;
            out.invalid_bytes = d.invalid_bytes;
            out.first_invalid = d.first_invalid;
            out.warnings = std::move(d.warnings);
            decoded = std::move(d.text);
            bytes = decoded;
            encoding = "UTF-8";
        }
        if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
            throw InputError(where, "HTML file too large to parse (over 2 GiB)");
        }
        const std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
            bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding,
            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                HTML_PARSE_COMPACT | XML_PARSE_HUGE));
        if (!doc) throw InputError(where, "not readable as HTML");
        PageFacts facts;
        const std::string text = visible_text(reinterpret_cast<const xmlNode*>(doc.get()), facts);
        const auto blank = text.find_first_not_of(" \n") == std::string::npos;
        if (blank) throw InputError(where, "empty file (no visible text to index)");
        Document& d = out.document;
        d.body = text;
        d.title = !facts.title.empty() ? facts.title : facts.first_heading;
        d.language = language_code(facts.lang);
        d.date = facts.date;
        d.metadata = std::move(facts.metadata);
        detail::complete_from_text(d, d.body);
        repair_fields(out);
        return out;
    }

private:
    // libxml2 passes some ill-formed bytes of a page that declares UTF-8 through to its text;
    // a Document holds well-formed UTF-8 only.
    static void repair_fields(LoadedFile& out) {
        const std::size_t replaced = ::ngosearch::detail::repair_utf8_fields(out.document);
        if (replaced == 0) return;
        out.invalid_bytes += replaced;
        out.warnings.push_back("invalid UTF-8 in a page that declares UTF-8: " +
                               std::to_string(replaced) + " byte(s) replaced with U+FFFD");
    }
};

}  // namespace

std::shared_ptr<const Loader> make_html_loader() { return std::make_shared<HtmlLoader>(); }

}  // namespace ngosearch::ingest
