// SPDX-License-Identifier: GPL-2.0-or-later
// The gazetteer's names, analysed once into sequences of match keys and indexed by their first
// key, so that a text is matched against every name in one pass over its tokens. A key is what
// the analysis makes of a word: for Korean the stem (국가보안법을 → 국가보안법, so particles and
// the spacing variants the analyzer knows match), for other scripts the normalised word.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/entities/gazetteer.hpp>

namespace ngosearch::entities::detail {

/// A name or a title alias of one entry.
struct NameRef {
    std::uint32_t entry = 0;         ///< index into Gazetteer::entries()
    std::int32_t role = -1;          ///< index into the entry's roles; -1 for a name
    bool shared_role = false;        ///< another entity has the same title alias
    /// The name is an acronym in capitals (CAT, COI): the text must write it so too (cat is a
    /// cat).
    bool capitals = false;
    /// A name of one capitalised word (Constitution): the text must capitalise it too.
    bool capitalised = false;
    std::vector<std::string> rest;   ///< the keys after the first
    /// A Korean name's last word as the gazetteer writes it, when its key is shorter (다루스만,
    /// whose 만 the stemmer takes for a particle): the span keeps it.
    std::string last_written;
};

/// True when `name` is an acronym in capitals (ICCPR, CAT).
bool acronym(std::string_view name);

class NameIndex {
public:
    NameIndex(std::shared_ptr<const Gazetteer> gazetteer,
              std::shared_ptr<const analysis::Analyzer> analyzer);

    /// What a token is matched by.
    std::string key(const analysis::Token& token) const;

    /// The keys of a short text's words (the tokens written, not the extra terms).
    std::vector<std::string> keys(std::string_view text) const;

    /// Names and aliases whose first key is `key`.
    std::span<const NameRef> starting_with(const std::string& key) const;

    /// Entries one of whose names (not title aliases) is exactly `keys`.
    std::vector<const GazetteerEntry*> named(const std::vector<std::string>& keys) const;

    /// The person a foreign name's last word names in Korean text (커비 for 마이클 커비), when
    /// one person only has it; nullptr otherwise.
    const GazetteerEntry* person_by_last_word(const std::string& key) const;

    const Gazetteer& gazetteer() const noexcept { return *gazetteer_; }
    const analysis::Analyzer& analyzer() const noexcept { return *analyzer_; }

private:
    std::shared_ptr<const Gazetteer> gazetteer_;
    std::shared_ptr<const analysis::Analyzer> analyzer_;
    std::unordered_map<std::string, std::vector<NameRef>> by_first_;
    std::unordered_map<std::string, std::int64_t> by_last_word_;  ///< entry, or -1 if shared
};

}  // namespace ngosearch::entities::detail
