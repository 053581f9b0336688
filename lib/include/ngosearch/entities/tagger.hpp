// SPDX-License-Identifier: GPL-2.0-or-later
// Entity taggers find the entities a text names.
//
//     auto tagger = ngosearch::entities::make_standard_tagger();
//     for (const auto& e : tagger->tag("President Moon met Special Rapporteur Ojea Quintana."))
//         std::cout << e.id << " [" << e.begin << ',' << e.end << ")\n";
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <ngosearch/analysis/token.hpp>
#include <ngosearch/entities/entity.hpp>

namespace ngosearch::analysis {
class Analyzer;
}

namespace ngosearch::entities {

class Gazetteer;

/// Finds entities in text. Implementations are immutable and safe to share between threads.
class EntityTagger {
public:
    virtual ~EntityTagger() = default;

    /// Appends the entities of `text` (any bytes: invalid UTF-8 never crashes) to `out`, in
    /// order of their begin offsets, never overlapping. `date` is the text's date (YYYY,
    /// YYYY-MM or YYYY-MM-DD, or empty): it decides title aliases valid only in a period
    /// ("President Lee" is Lee Myung-bak in 2010 and Lee Jae-myung in 2025).
    virtual void tag(std::string_view text, std::string_view date,
                     std::vector<Entity>& out) const = 0;

    /// As tag() above, for a caller that has analysed `text` already (an indexer): `tokens`
    /// are analyzer.analyze(text). A tagger that analyses with the same analyzer uses them
    /// instead of analysing again; the default ignores them.
    virtual void tag(std::string_view text, std::string_view date,
                     const analysis::Analyzer& analyzer, const analysis::TokenBuffer& tokens,
                     std::vector<Entity>& out) const;

    /// Convenience: the entities of `text` in a fresh vector.
    std::vector<Entity> tag(std::string_view text, std::string_view date = {}) const;

    /// Identifies what this tagger finds (its gazetteer and rules): "gazetteer/412/…+rules/1".
    virtual const std::string& fingerprint() const noexcept = 0;
};

/// The standard tagger: the gazetteer's names and aliases, rules for what it does not know, and
/// links within the text. Where mentions overlap, the longest wins and a gazetteer name beats a
/// rule. Null arguments mean Gazetteer::standard() and Analyzer::standard().
std::shared_ptr<const EntityTagger> make_standard_tagger(
    std::shared_ptr<const Gazetteer> gazetteer = nullptr,
    std::shared_ptr<const analysis::Analyzer> analyzer = nullptr);

}  // namespace ngosearch::entities
