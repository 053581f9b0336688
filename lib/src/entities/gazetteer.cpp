// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/entities/gazetteer.hpp>

#include <fstream>
#include <sstream>
#include <unordered_map>

#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/text/utf8.hpp>

#include "detail/embedded_data.hpp"
#include "index/document_codec.hpp"

namespace ngosearch::entities {

namespace {

constexpr std::size_t kColumns = 9;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos
                                                                   : at - start));
        if (at == std::string_view::npos) return out;
        start = at + 1;
    }
}

std::vector<std::string> names(std::string_view field) {
    std::vector<std::string> out;
    for (const std::string_view n : split(field, '|')) {
        const std::string_view t = trim(n);
        if (!t.empty()) out.emplace_back(t);
    }
    return out;
}

bool valid_id(std::string_view id) {
    if (id.empty()) return false;
    for (const char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
}

// Parses one file; `where(line)` names a line in errors.
class Parser {
public:
    explicit Parser(std::string_view source) : source_(source) {}

    std::vector<GazetteerEntry> parse(std::string_view text) {
        if (!text::is_valid_utf8(text)) fail(0, "is not valid UTF-8");
        std::vector<GazetteerEntry> out;
        std::unordered_map<std::string, std::size_t> line_of;
        std::size_t line_no = 0;
        for (const std::string_view raw : split(text, '\n')) {
            ++line_no;
            const std::string_view line = trim(raw);
            if (line.empty() || line.front() == '#') continue;
            GazetteerEntry e = entry(raw, line_no);
            if (const auto [it, fresh] = line_of.emplace(e.id, line_no); !fresh) {
                fail(line_no, "id '" + e.id + "' is already used on line " +
                                  std::to_string(it->second));
            }
            out.push_back(std::move(e));
            lines_.push_back(line_no);
        }
        return out;
    }

    /// The line an entry of the last parse() came from.
    std::size_t line_of(std::size_t index) const { return lines_.at(index); }

    [[noreturn]] void fail(std::size_t line, const std::string& what) const {
        throw InputError(std::string(source_),
                         (line ? "gazetteer line " + std::to_string(line) + ": " : "gazetteer ") +
                             what);
    }

private:
    std::string date(std::string_view value, std::size_t line, std::string_view column) const {
        const std::string_view v = trim(value);
        if (v.empty()) return {};
        const auto d = ingest::normalize_date(v);
        if (!d) {
            fail(line, std::string(column) + " '" + std::string(v) +
                           "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        return *d;
    }

    GazetteerEntry entry(std::string_view raw, std::size_t line) const {
        std::string_view row = raw;
        if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
        const auto cols = split(row, '\t');
        if (cols.size() != kColumns) {
            fail(line, "expected " + std::to_string(kColumns) +
                           " tab-separated columns (id, type, en, ko, roles, from, to, "
                           "successor, note), found " +
                           std::to_string(cols.size()));
        }
        GazetteerEntry e;
        e.id = std::string(trim(cols[0]));
        if (!valid_id(e.id)) {
            fail(line, "id '" + e.id + "' must be lower-case ASCII letters, digits and '-'");
        }
        const auto type = parse_entity_type(trim(cols[1]));
        if (!type) {
            fail(line, "type '" + std::string(trim(cols[1])) +
                           "' is none of person, ministry, law, org, resolution");
        }
        e.type = *type;
        e.names_en = names(cols[2]);
        e.names_ko = names(cols[3]);
        if (e.names_en.empty() && e.names_ko.empty()) fail(line, "'" + e.id + "' has no name");
        for (const std::string_view r : split(cols[4], '|')) {
            const std::string_view role = trim(r);
            if (role.empty()) continue;
            const std::size_t at = role.rfind('@');
            const std::size_t dots = at == std::string_view::npos ? at : role.find("..", at);
            if (at == std::string_view::npos || at == 0 || dots == std::string_view::npos) {
                fail(line, "role '" + std::string(role) + "' must be written alias@FROM..TO");
            }
            e.roles.push_back({std::string(trim(role.substr(0, at))),
                               date(role.substr(at + 1, dots - at - 1), line, "role start"),
                               date(role.substr(dots + 2), line, "role end")});
        }
        e.from = date(cols[5], line, "from");
        e.to = date(cols[6], line, "to");
        if (!e.from.empty() && !e.to.empty() && e.to < e.from) {
            fail(line, "'" + e.id + "' ends (" + e.to + ") before it starts (" + e.from + ")");
        }
        e.successor = std::string(trim(cols[7]));
        if (!e.successor.empty() && !valid_id(e.successor)) {
            fail(line, "successor '" + e.successor + "' is not an id");
        }
        e.note = std::string(trim(cols[8]));
        return e;
    }

    std::string_view source_;
    std::vector<std::size_t> lines_;
};

}  // namespace

const std::string& GazetteerEntry::name() const noexcept {
    if (!names_en.empty()) return names_en.front();
    if (!names_ko.empty()) return names_ko.front();
    return id;
}

struct Gazetteer::Impl {
    std::vector<GazetteerEntry> entries;
    std::unordered_map<std::string, std::size_t> by_id;
    std::string fingerprint;

    // Indexes the entries; `bad_successor(i)` reports an entry whose successor is unknown.
    template <typename Fail>
    void finish(Fail bad_successor) {
        by_id.clear();
        for (std::size_t i = 0; i < entries.size(); ++i) by_id[entries[i].id] = i;
        std::string all;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const GazetteerEntry& e = entries[i];
            if (!e.successor.empty() && !by_id.contains(e.successor)) bad_successor(i);
            all += e.id + '\t' + std::string(to_string(e.type)) + '\t';
            for (const auto& n : e.names_en) all += n + '|';
            for (const auto& n : e.names_ko) all += n + '|';
            for (const auto& r : e.roles) all += r.alias + '@' + r.from + ".." + r.to + '|';
            all += '\t' + e.successor + '\n';
        }
        fingerprint = "gazetteer/" + std::to_string(entries.size()) + "/" +
                      detail::fnv1a_hex(all).substr(0, 8);
    }
};

Gazetteer::Gazetteer(Key, std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::~Gazetteer() = default;

std::shared_ptr<const Gazetteer> Gazetteer::parse(std::string_view text, std::string_view source) {
    Parser parser(source);
    auto impl = std::make_unique<Impl>();
    impl->entries = parser.parse(text);
    impl->finish([&](std::size_t i) {
        parser.fail(parser.line_of(i), "successor '" + impl->entries[i].successor +
                                           "' of '" + impl->entries[i].id +
                                           "' names no entry");
    });
    return std::make_shared<const Gazetteer>(Key{}, std::move(impl));
}

std::shared_ptr<const Gazetteer> Gazetteer::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string(), "cannot open gazetteer file");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw InputError(file.string(), "cannot read gazetteer file");
    return parse(text.str(), file.string());
}

std::shared_ptr<const Gazetteer> Gazetteer::standard() {
    static const std::shared_ptr<const Gazetteer> instance =
        parse(data::gazetteer, "the built-in gazetteer");
    return instance;
}

std::shared_ptr<const Gazetteer> Gazetteer::merged(
    const std::vector<std::shared_ptr<const Gazetteer>>& parts) {
    auto impl = std::make_unique<Impl>();
    std::unordered_map<std::string, std::size_t> at;
    for (const auto& part : parts) {
        if (!part) continue;
        for (const GazetteerEntry& e : part->entries()) {
            if (const auto it = at.find(e.id); it != at.end()) {
                impl->entries[it->second] = e;
            } else {
                at.emplace(e.id, impl->entries.size());
                impl->entries.push_back(e);
            }
        }
    }
    impl->finish([&](std::size_t i) {
        throw InputError("gazetteer", "successor '" + impl->entries[i].successor + "' of '" +
                                          impl->entries[i].id + "' names no entry");
    });
    return std::make_shared<const Gazetteer>(Key{}, std::move(impl));
}

const GazetteerEntry* Gazetteer::find(std::string_view id) const {
    const auto it = impl_->by_id.find(std::string(id));
    return it == impl_->by_id.end() ? nullptr : &impl_->entries[it->second];
}

const GazetteerEntry& Gazetteer::current(const GazetteerEntry& entry) const {
    const GazetteerEntry* e = &entry;
    // A chain of renames is short; the bound stops a cycle written by mistake.
    for (std::size_t steps = 0; steps < impl_->entries.size() && !e->successor.empty(); ++steps) {
        const GazetteerEntry* next = find(e->successor);
        if (!next) break;
        e = next;
    }
    return *e;
}

const std::vector<GazetteerEntry>& Gazetteer::entries() const noexcept { return impl_->entries; }

std::size_t Gazetteer::size() const noexcept { return impl_->entries.size(); }

const std::string& Gazetteer::fingerprint() const noexcept { return impl_->fingerprint; }

}  // namespace ngosearch::entities
