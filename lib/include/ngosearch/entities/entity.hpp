// SPDX-License-Identifier: GPL-2.0-or-later
// Entities: the people, government bodies, laws, organisations and resolutions a text names,
// each linked to a canonical id so that mentions in either language meet.
//
//     for (const auto& e : tagger->tag("문재인 대통령은 국가보안법 제7조를 …"))
//         std::cout << to_string(e.type) << ' ' << e.id << ' ' << e.surface << '\n';
//     // person moon-jae-in 문재인
//     // law national-security-act 국가보안법 (article 7)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ngosearch::entities {

enum class EntityType {
    Person,
    Ministry,    ///< ROK and DPRK government bodies: ministries, agencies, the presidential office
    Law,         ///< laws, acts, constitutions, treaties, covenants (and article references)
    Org,         ///< NGOs, UN bodies and mechanisms, courts, parliaments, parties, commissions
    Resolution,  ///< UN resolutions: 78/218, A/HRC/RES/55/…
};

/// "person", "ministry", "law", "org", "resolution".
std::string_view to_string(EntityType type) noexcept;
std::optional<EntityType> parse_entity_type(std::string_view name) noexcept;

/// Every type, in the order above.
inline constexpr EntityType kEntityTypes[] = {EntityType::Person, EntityType::Ministry,
                                              EntityType::Law, EntityType::Org,
                                              EntityType::Resolution};

/// How a mention was found.
enum class Source {
    Gazetteer,  ///< a name or alias of the gazetteer
    Rule,       ///< a pattern: "Ministry of …", "… Act", a romanised Korean name, "제7조" …
    Link,       ///< a later short form of an entity named before in the same text: "Moon" after
                ///< "Moon Jae-in", "이 대통령" after "이명박", an acronym defined in the text
};

/// "gazetteer", "rule", "link".
std::string_view to_string(Source source) noexcept;

/// One mention.
struct Entity {
    EntityType type = EntityType::Person;
    /// Canonical id: the gazetteer's ("moon-jae-in", "national-security-act"; a renamed body
    /// has the id of what it became), else one made from the name ("kim-yeon-chul", "김영호").
    std::string id;
    /// Canonical name: the gazetteer's first English name (else its first Korean one), or the
    /// mention itself for entities found by rules.
    std::string name;
    /// The mention as written, without particles, endings or titles: 문재인은 → 문재인.
    std::string surface;
    std::uint32_t begin = 0;  ///< byte offset of the mention in the text
    std::uint32_t end = 0;    ///< byte offset one past it
    Source source = Source::Gazetteer;
    /// Law references: the article cited ("7", "92-6", "4(1)" for 제4조제1항); else empty.
    std::string article;

    friend bool operator==(const Entity&, const Entity&) = default;
};

}  // namespace ngosearch::entities
