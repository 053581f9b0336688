// SPDX-License-Identifier: GPL-2.0-or-later
// Patterns for the entities the gazetteer does not know. Each finder appends candidate mentions;
// the standard tagger then keeps the longest of overlapping ones (a gazetteer name beats a rule).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "entities/name_index.hpp"
#include "entities/text_view.hpp"

namespace ngosearch::entities::detail {

/// "Ministry of …", "Office of/for …", "… Ministry"; "… Act/Law/Code/Convention/Covenant";
/// romanised Korean names ("Kim Yeon-chul"); names after titles ("Special Rapporteur Elizabeth
/// Salmón", "President Joe Biden").
void match_english_rules(const NameIndex& names, const TextView& text, std::vector<Mention>& out);

/// Korean laws (…법, …법률, "… 에 관한 법률"), bodies (…부, …처, …청; …위원회, …법원 as
/// organisations) with guards for common words (방법, 정부, 요청), names before or after a title
/// ("김영호 장관", "장관 김영호").
void match_korean_rules(const NameIndex& names, const TextView& text, std::vector<Mention>& out);

/// UN resolutions: symbols with RES (A/RES/78/218, A/HRC/RES/55/1), and "resolution 78/218" /
/// "결의 78/218" (a bare number pair only beside the word: never a date, fax number or path).
void match_resolutions(const NameIndex& names, const TextView& text, std::vector<Mention>& out);

/// The ids a resolution filter value stands for: a symbol (A/RES/78/218 → unga-78-218,
/// A/HRC/RES/55/1 → hrc-55-1, S/RES/2397 → unsc-2397), a number pair (78/218: the General
/// Assembly's or the Human Rights Council's) or a Security Council number (2397). Empty for
/// anything else.
std::vector<std::string> resolution_ids(std::string_view value);

/// Article references standing alone ("Article 7(1)", "Article 10"), not followed by "of …":
/// law mentions with an empty id, which link_mentions() gives the law named before them (or
/// drops).
void match_article_references(const TextView& text, std::vector<Mention>& out);

/// True for a Korean word naming a role or office that stands beside a name: 장관, 위원,
/// 연구원, 사무국장, 외무상.
bool korean_role_word(std::string_view key);

/// True when a Korean name starts with a two-syllable surname (남궁혜원, 황보준).
bool korean_compound_surname(std::string_view name);

/// True for a romanised Korean surname in lower case ("kim", "lee", "park", "ri").
bool korean_surname(std::string_view lower);

/// Extends law mentions with the article they cite and adds article references that stand
/// alone: "Article 7 of the National Security Law", "국가보안법 제7조", "article 92-6 of the
/// Military Criminal Act"; "제4조제1항" after a law refers to that law.
void attach_articles(const TextView& text, std::vector<Mention>& mentions);

/// Links later short forms to an entity named before: "Moon" and "President Moon" after "Moon
/// Jae-in", "이 대통령" after "이명박", an acronym defined in the text ("… (ICNK)") and its later
/// uses. Appends Source::Link mentions for words no mention covers.
void link_mentions(const TextView& text, std::vector<Mention>& mentions);

/// The Korean article reference written at text[at…): 제7조 → "7", 제92조의6 → "92-6",
/// 제4조제1항 → "4(1)"; with the offset where it ends.
std::optional<std::pair<std::string, std::size_t>> korean_article(std::string_view text,
                                                                  std::size_t at);

/// An id made from a name: lower-case ASCII words joined by '-' ("Kim Yeon-chul" →
/// "kim-yeon-chul"); a name with other letters keeps them, spaces removed ("김영호").
std::string id_from_name(std::string_view name);

}  // namespace ngosearch::entities::detail
