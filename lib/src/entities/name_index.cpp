// SPDX-License-Identifier: GPL-2.0-or-later
#include "entities/name_index.hpp"

#include <algorithm>
#include <map>

#include <ngosearch/error.hpp>

#include "detail/hangul.hpp"

namespace ngosearch::entities::detail {

namespace {

bool all_hangul(const std::vector<std::string>& keys, const analysis::TokenBuffer& tokens) {
    return !keys.empty() && std::all_of(tokens.begin(), tokens.end(), [](const auto& t) {
        return analysis::is_extra(t.kind) || t.script == text::Script::Hangul;
    });
}

}  // namespace

bool acronym(std::string_view name) {
    std::size_t letters = 0;
    for (const char c : name) {
        if (c >= 'A' && c <= 'Z') {
            ++letters;
        } else if (!((c >= '0' && c <= '9') || c == '&')) {
            return false;
        }
    }
    return letters >= 2;
}

NameIndex::NameIndex(std::shared_ptr<const Gazetteer> gazetteer,
                     std::shared_ptr<const analysis::Analyzer> analyzer)
    : gazetteer_(std::move(gazetteer)), analyzer_(std::move(analyzer)) {
    if (!gazetteer_ || !analyzer_) throw InvalidArgument("NameIndex: null gazetteer or analyzer");
    const auto& entries = gazetteer_->entries();
    // Title aliases that two entities share ("President Lee") need a date to decide.
    std::map<std::vector<std::string>, int> role_count;
    const auto add = [&](std::uint32_t entry, std::int32_t role, const std::string& name) {
        const analysis::TokenBuffer tokens = analyzer_->analyze(name);
        std::vector<std::string> k;
        std::string last_written;
        for (const auto& t : tokens) {
            if (analysis::is_extra(t.kind)) continue;
            k.push_back(key(t));
            last_written = t.script == text::Script::Hangul && k.back() != t.text ? t.text : "";
        }
        if (k.empty()) return;
        std::vector<std::vector<std::string>> forms{k};
        // A Korean name of several words is also found written solid: 유엔 인권이사회 in
        // 유엔인권이사회는 (one word, whose stem is the joined name).
        if (k.size() > 1 && all_hangul(k, tokens)) {
            std::string solid;
            for (const auto& w : k) solid += w;
            forms.push_back({analyzer_->stem(solid)});
        }
        for (auto& f : forms) {
            if (role >= 0) ++role_count[f];
            const bool one_word = f.size() == 1 && name.find(' ') == std::string::npos;
            const bool capitalised = one_word && !name.empty() && name[0] >= 'A' && name[0] <= 'Z';
            NameRef ref{entry, role, false, acronym(name), capitalised, {f.begin() + 1, f.end()},
                        f.size() == k.size() ? last_written : std::string()};
            by_first_[f.front()].push_back(std::move(ref));
        }
    };
    const auto add_last_word = [&](std::uint32_t entry, const std::string& name) {
        const std::vector<std::string> k = keys(name);
        if (k.size() < 2 || ::ngosearch::detail::code_points(k.back()) < 2) return;
        const auto [it, added] = by_last_word_.emplace(k.back(), entry);
        if (!added && it->second != entry) it->second = -1;
    };
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
        for (const auto& n : entries[i].names_en) add(i, -1, n);
        for (const auto& n : entries[i].names_ko) {
            add(i, -1, n);
            if (entries[i].type == EntityType::Person) add_last_word(i, n);
        }
        for (std::int32_t r = 0; r < static_cast<std::int32_t>(entries[i].roles.size()); ++r) {
            add(i, r, entries[i].roles[static_cast<std::size_t>(r)].alias);
        }
    }
    for (auto& [first, refs] : by_first_) {
        for (auto& ref : refs) {
            if (ref.role < 0) continue;
            std::vector<std::string> k{first};
            k.insert(k.end(), ref.rest.begin(), ref.rest.end());
            ref.shared_role = role_count[k] > 1;
        }
        // Longest names first: the matcher takes the first that fits.
        std::stable_sort(refs.begin(), refs.end(), [](const NameRef& a, const NameRef& b) {
            return a.rest.size() > b.rest.size();
        });
    }
}

std::string NameIndex::key(const analysis::Token& token) const {
    if (token.script == text::Script::Hangul) return analyzer_->stem(token.text);
    return token.text;
}

std::vector<std::string> NameIndex::keys(std::string_view text) const {
    std::vector<std::string> out;
    for (const auto& t : analyzer_->analyze(text)) {
        if (!analysis::is_extra(t.kind)) out.push_back(key(t));
    }
    return out;
}

std::span<const NameRef> NameIndex::starting_with(const std::string& key) const {
    const auto it = by_first_.find(key);
    if (it == by_first_.end()) return {};
    return it->second;
}

const GazetteerEntry* NameIndex::person_by_last_word(const std::string& key) const {
    const auto it = by_last_word_.find(key);
    if (it == by_last_word_.end() || it->second < 0) return nullptr;
    return &gazetteer_->entries()[static_cast<std::size_t>(it->second)];
}

std::vector<const GazetteerEntry*> NameIndex::named(const std::vector<std::string>& keys) const {
    std::vector<const GazetteerEntry*> out;
    if (keys.empty()) return out;
    for (const NameRef& ref : starting_with(keys.front())) {
        if (ref.role >= 0 || ref.rest.size() + 1 != keys.size()) continue;
        if (!std::equal(ref.rest.begin(), ref.rest.end(), keys.begin() + 1)) continue;
        const GazetteerEntry* e = &gazetteer_->entries()[ref.entry];
        if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
    return out;
}

}  // namespace ngosearch::entities::detail
