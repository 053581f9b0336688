// SPDX-License-Identifier: GPL-2.0-or-later
// The gazetteer: canonical ids of people, bodies, laws and organisations with their English and
// Korean names and aliases. ngosearch ships one (lib/data/gazetteer.tsv, built in); users add
// their own files in the same format.
//
//     auto g = ngosearch::entities::Gazetteer::standard();
//     g->find("moon-jae-in")->names_ko.front() == "문재인"
//     auto mine = ngosearch::entities::Gazetteer::load("my-names.tsv");
//     auto both = ngosearch::entities::Gazetteer::merged({g, mine});
//
// Format: UTF-8, tab-separated, one entity a line, '#' comments; nine columns:
//   id  type  en  ko  roles  from  to  successor  note
// id: [a-z0-9-]+; type: person|ministry|law|org|resolution; en, ko: names and aliases, '|'
// between them, canonical first; roles: title aliases valid in a period, "alias@FROM..TO"
// (President Lee@2025-06-04..); from, to: when a body existed (YYYY or YYYY-MM-DD); successor:
// the id of the body it was renamed into; note: free text.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <ngosearch/entities/entity.hpp>

namespace ngosearch::entities {

/// A title alias that names an entity only in a period: "President Moon" in 2017–2022.
struct Role {
    std::string alias;
    std::string from;  ///< YYYY-MM-DD, or YYYY / YYYY-MM; empty: from always
    std::string to;    ///< likewise; empty: until now
};

struct GazetteerEntry {
    std::string id;
    EntityType type = EntityType::Person;
    std::vector<std::string> names_en;  ///< canonical first
    std::vector<std::string> names_ko;  ///< canonical first
    std::vector<Role> roles;
    std::string from, to;    ///< when the body existed (renamed bodies)
    std::string successor;   ///< id of the body it was renamed into
    std::string note;

    /// The canonical name: the first English name, else the first Korean one, else the id.
    const std::string& name() const noexcept;
};

/// An immutable set of entries, safe to share between threads.
class Gazetteer {
public:
    /// The gazetteer built into ngosearch (lib/data/gazetteer.tsv). Loaded once per process.
    static std::shared_ptr<const Gazetteer> standard();

    /// Reads a gazetteer file. @throws InputError naming the file and line of a malformed
    /// line, a duplicate id, or a successor that names no entry.
    static std::shared_ptr<const Gazetteer> load(const std::filesystem::path& file);

    /// Parses gazetteer text; `source` names it in errors. @throws InputError as load().
    static std::shared_ptr<const Gazetteer> parse(std::string_view text, std::string_view source);

    /// The entries of all `parts`, later ones replacing earlier entries of the same id (so a
    /// user's file can correct or extend the standard one). @throws InputError for a successor
    /// that names no entry.
    static std::shared_ptr<const Gazetteer> merged(
        const std::vector<std::shared_ptr<const Gazetteer>>& parts);

    /// The entry with this id, or null.
    const GazetteerEntry* find(std::string_view id) const;

    /// What a renamed body became, following successors to the end (the entry itself when it
    /// has none).
    const GazetteerEntry& current(const GazetteerEntry& entry) const;

    const std::vector<GazetteerEntry>& entries() const noexcept;
    std::size_t size() const noexcept;

    /// "gazetteer/<entries>/<hash>": changes whenever any entry does.
    const std::string& fingerprint() const noexcept;

    ~Gazetteer();
    Gazetteer(const Gazetteer&) = delete;
    Gazetteer& operator=(const Gazetteer&) = delete;

    struct Impl;
    /// Construction goes through the factories above (the key is private to them).
    class Key {
        friend class Gazetteer;
        Key() = default;
    };
    Gazetteer(Key, std::unique_ptr<Impl> impl);

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace ngosearch::entities
