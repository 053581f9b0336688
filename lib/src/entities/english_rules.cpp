// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>
#include <array>

#include <ngosearch/text/normalize.hpp>

#include "entities/rules.hpp"

namespace ngosearch::entities::detail {

namespace {

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

// Lower-case words that may stand inside a name: "Ministry of Gender Equality and Family".
constexpr std::array<std::string_view, 12> kConnectors{"of", "for", "and", "on", "the", "in",
                                                       "against", "to", "at", "de", "from", "a"};

// Heads of body names: "Ministry of …" (and "… Ministry"), "Office of/for …".
constexpr std::array<std::string_view, 2> kBodyHeads{"ministry", "office"};

// Last words of law and treaty names.
constexpr std::array<std::string_view, 12> kLawHeads{
    "act",     "law",          "code",        "convention", "covenant",   "protocol",
    "charter", "constitution", "declaration", "regulation", "regulations", "decree"};

// Last words of organisations' names (NGOs, institutes, courts, parliaments, parties).
constexpr std::array<std::string_view, 26> kOrgHeads{
    "network", "watch", "project", "solidarity", "coalition", "alliance", "center", "centre",
    "institute", "foundation", "association", "federation", "union", "campaign", "forum",
    "party", "congress", "court", "tribunal", "initiative", "society", "council", "committee",
    "commission", "agency", "league"};

// Roles written after a person's name and a comma: "Lee Do-hyun, an objector".
constexpr std::array<std::string_view, 14> kRoles{
    "spokesperson", "spokesman", "spokeswoman", "head", "member", "founder", "lawyer",
    "researcher", "coordinator", "activist", "secretary", "deputy", "representative", "senator"};

// Titles before a person's name.
constexpr std::array<std::string_view, 18> kTitles{
    "president", "minister", "ambassador", "rapporteur", "chairman", "chairwoman", "chair",
    "chairperson", "director", "commissioner", "dr", "mr", "ms", "mrs", "judge", "prosecutor",
    "lawmaker", "professor"};

// Capitalised words that name institutions and places, not people: "Prime Minister's
// Secretariat", "Justice For All", "Transitional Justice Working Group".
constexpr std::array<std::string_view, 56> kNotNameWords{
    "secretariat", "government", "complex", "office", "council", "committee", "commission",
    "agency", "ministry", "department", "court", "assembly", "party", "group", "service",
    "coordination", "affairs", "republic", "korea", "nations", "united", "general", "national",
    "international", "human", "rights", "foundation", "center", "centre", "institute",
    "association", "coalition", "network", "campaign", "alliance", "union", "federation",
    "watch", "forum", "board", "bureau", "division", "team", "working", "special", "high",
    "prime", "deputy", "vice", "foreign", "state", "democratic", "justice", "all", "building",
    "road"};

// Romanised Korean surnames (Revised, McCune-Reischauer and common spellings). Those that are
// also short English words (An, In, On, So, Do, No, Go, Ma) are left out.
constexpr std::array<std::string_view, 97> kSurnames{
    "kim",   "lee",   "yi",    "rhee",  "ri",    "park",  "pak",   "bak",   "choi",  "choe",
    "jung",  "jeong", "chung", "kang",  "cho",   "jo",    "yoon",  "yun",   "jang",  "chang",
    "lim",   "im",    "rim",   "han",   "oh",    "seo",   "suh",   "shin",  "sin",   "kwon",
    "hwang", "ahn",   "song",  "ryu",   "yoo",   "yu",    "hong",  "jeon",  "chun",  "jun",
    "ko",    "koh",   "moon",  "mun",   "yang",  "son",   "sohn",  "bae",   "baek",  "paik",
    "heo",   "hur",   "nam",   "shim",  "sim",   "roh",   "noh",   "ha",    "kwak",  "sung",
    "seong", "cha",   "joo",   "ju",    "woo",   "min",   "na",    "jin",   "ji",    "chi",
    "eom",   "um",    "chae",  "won",   "cheon", "bang",  "kong",  "gong",  "hyun",  "hyeon",
    "ham",   "byun",  "byeon", "yeom",  "yeo",   "choo",  "chu",   "seok",  "suk",   "seol",
    "ban",   "ra",    "wang",  "yook",  "maeng", "tak",   "eo"};

// Romanised Korean surnames that are also English words: a name only before a hyphenated
// given name, never linked alone.
constexpr std::array<std::string_view, 8> kWordSurnames{"an", "in", "on", "so", "do",
                                                        "no", "go", "ma"};

// A syllable of romanised Korean: an initial, a vowel, a final (Revised and McCune-Reischauer
// spellings, with the breves folded away).
bool romanised_syllable(std::string_view s) {
    static constexpr std::array<std::string_view, 22> kInitials{
        "kk", "tt", "pp", "ss", "jj", "ch", "wh", "g", "k", "n", "d", "t", "r", "l", "m",
        "b", "p", "s", "j", "h", "y", "w"};
    static constexpr std::array<std::string_view, 24> kVowels{
        "yae", "yeo", "wae", "ae", "ya", "eo", "ye", "wa", "oe", "yo", "wo", "we", "wi", "yu",
        "eu", "ui", "oo", "ee", "ou", "a",  "e",  "o",  "u",  "i"};
    static constexpr std::array<std::string_view, 13> kFinals{
        "ng", "k", "n", "t", "l", "m", "p", "g", "b", "d", "r", "s", ""};
    const auto try_from = [&](std::string_view rest) {
        for (const std::string_view v : kVowels) {
            if (!rest.starts_with(v)) continue;
            const std::string_view tail = rest.substr(v.size());
            if (in(kFinals, tail)) return true;
        }
        return false;
    };
    if (try_from(s) || s == "ahn") return true;  // 안 as in Kyo-ahn
    for (const std::string_view i : kInitials) {
        if (s.starts_with(i) && try_from(s.substr(i.size()))) return true;
    }
    return false;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// A given name written the Korean way: two romanised syllables joined by a hyphen, the second
// in lower case or capitalised: Yeon-chul, Jae-in, Suk-Yeol.
bool korean_given_name(std::string_view written) {
    const std::size_t dash = written.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 >= written.size()) return false;
    const std::string_view a = written.substr(0, dash), b = written.substr(dash + 1);
    if (!(a.front() >= 'A' && a.front() <= 'Z')) return false;
    for (const std::string_view part : {a, b}) {
        if (part.size() > 6) return false;  // cheong, hyeong, byeong
        for (const char c : part) {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
        }
    }
    return romanised_syllable(lower(a)) && romanised_syllable(lower(b));
}

bool latin(const TextView& text, std::size_t i) {
    return text.words[i].token->script == text::Script::Latin;
}

bool connector(const TextView& text, std::size_t i) {
    return latin(text, i) && !text.capitalized(i) && in(kConnectors, text.words[i].key);
}

// A capitalised word that may be part of a name (not a sentence's "The").
bool name_word(const TextView& text, std::size_t i) {
    return latin(text, i) && text.capitalized(i) && text.words[i].key != "the";
}

// A word that may be part of a person's name after a title: capitalised, no institution word.
bool person_word(const TextView& text, std::size_t i) {
    return name_word(text, i) && !in(kConnectors, text.words[i].key) &&
           !in(kNotNameWords, text.words[i].key) && !in(kTitles, text.words[i].key) &&
           !in(kBodyHeads, text.words[i].key);
}

Mention mention(const TextView& text, EntityType type, std::size_t first, std::size_t last) {
    Mention m;
    m.entity.type = type;
    m.entity.source = Source::Rule;
    const auto begin = text.words[first].token->begin;
    const auto end = text.span_of(*text.words[last - 1].token, {}).second;
    set_span(text, begin, end, m.entity);
    m.entity.name = m.entity.surface;
    m.entity.id = id_from_name(m.entity.surface);
    m.first = first;
    m.last = last;
    return m;
}

// Words i, i+1, … that continue a name: capitalised words, and connectors followed by one.
std::size_t name_run_end(const TextView& text, std::size_t i) {
    std::size_t end = i;
    for (std::size_t j = i; j < text.words.size();) {
        if (j > i && !text.spaced(j)) break;
        if (name_word(text, j)) {
            end = ++j;
        } else if (connector(text, j) && j + 1 < text.words.size() && text.spaced(j + 1) &&
                   (name_word(text, j + 1) || connector(text, j + 1))) {
            ++j;
        } else {
            break;
        }
    }
    return end;
}

// "Contact:", "Media contact:", "Signed:" just before word i.
bool contact_label_before(const TextView& text, std::size_t i) {
    if (i == 0) return false;
    const std::string& k = text.words[i - 1].key;
    if (k != "contact" && k != "contacts" && k != "signed") return false;
    const std::string_view gap = text.source.substr(
        text.words[i - 1].token->end, text.words[i].token->begin - text.words[i - 1].token->end);
    return gap.find(':') != std::string_view::npos && gap.find('\n') == std::string_view::npos;
}

// ", co-chair of", ", director of", ", a lawyer": a comma and a role after word end - 1.
bool role_after(const TextView& text, std::size_t end) {
    if (end >= text.words.size()) return false;
    const std::string_view gap = text.source.substr(
        text.words[end - 1].token->end, text.words[end].token->begin - text.words[end - 1].token->end);
    if (gap != ", ") return false;
    // The role within four words: ", Asia advocacy director at …", ", a lawyer".
    for (std::size_t w = end; w < text.words.size() && w < end + 4; ++w) {
        if (w > end && !text.spaced(w)) break;
        const std::string_view written = text.written(*text.words[w].token);
        const std::string& k = text.words[w].key;
        if (in(kTitles, k) || in(kRoles, k) || written.starts_with("co-") ||
            written.starts_with("Co-")) {
            return true;
        }
    }
    return false;
}

// True when word i opens a sentence or a line.
bool sentence_start(const TextView& text, std::size_t i) {
    std::size_t at = text.words[i].token->begin;
    while (at > 0 && text.source[at - 1] == ' ') --at;
    if (at == 0) return true;
    const char c = text.source[at - 1];
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == '"';
}

// " (a pseudonym)", " (not her real name)", " (34)", " (aged 34)" after word end - 1: what NGO
// reports write after a witness's name.
bool alias_or_age_after(const TextView& text, std::size_t end) {
    const std::uint32_t at = text.words[end - 1].token->end;
    const std::string_view after = text.source.substr(at, 24);
    if (!after.starts_with(" (")) return false;
    const std::string_view inside = after.substr(2);
    if (!inside.empty() && inside[0] >= '0' && inside[0] <= '9') return true;
    for (const std::string_view p : {"a pseudonym", "pseudonym", "not her real name",
                                     "not his real name", "name changed", "aged "}) {
        if (inside.starts_with(p)) return true;
    }
    return false;
}

// Where a name goes on after its head word i with what it is about or for: "Framework Act on
// Military Status and Service", "Framework Act on the Management of Disasters and Safety" (a
// law), "Network for North Korean Human Rights". i + 1 when nothing follows.
std::size_t subject_end(const TextView& text, std::size_t i, bool law) {
    const std::size_t n = text.words.size();
    if (i + 2 >= n || !text.spaced(i + 1) || !text.spaced(i + 2) || !connector(text, i + 1) ||
        text.words[i + 1].key == "and" || text.words[i + 1].key == "the") {
        return i + 1;
    }
    std::size_t j = i + 2;
    // A law is on or of "the …" (Framework Act on the Management of Disasters); an organisation
    // "of the …" is part of another (Defense Committee of the National Assembly).
    if (law && text.words[j].key == "the" && j + 1 < n && text.spaced(j + 1)) ++j;
    // "… Commission of the Democratic People's Republic of Korea": whose it is, not its name.
    const std::string& k = text.words[j].key;
    if (text.words[i + 1].key == "of" &&
        (k == "democratic" || k == "republic" || k == "korea" || k == "dprk" || k == "rok")) {
        return i + 1;
    }
    return name_word(text, j) ? name_run_end(text, j) : i + 1;
}

}  // namespace

void match_english_rules(const NameIndex& /*names*/, const TextView& text,
                         std::vector<Mention>& out) {
    const std::size_t n = text.words.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (!latin(text, i) || !text.capitalized(i)) continue;
        const std::string& key = text.words[i].key;
        // Ministry of Unification; Office for Government Policy Coordination.
        if (in(kBodyHeads, key) && i + 2 < n && text.spaced(i + 1) && text.spaced(i + 2) &&
            (text.words[i + 1].key == "of" || text.words[i + 1].key == "for")) {
            std::size_t j = i + 2;
            if (j + 1 < n && text.words[j].key == "the" && text.spaced(j + 1)) ++j;
            const std::size_t end = j < n && name_word(text, j) ? name_run_end(text, j) : j;
            if (end > j) out.push_back(mention(text, EntityType::Ministry, i, end));
        }
        // The Unification Ministry, the Foreign Ministry (one or two words before it, not a
        // person's name or title: "… Minister Chung Dong-young Ministry of …").
        const bool of_follows =
            i + 1 < n && (text.words[i + 1].key == "of" || text.words[i + 1].key == "for");
        if (key == "ministry" && !of_follows && i > 0 && text.spaced(i) &&
            person_word(text, i - 1) &&
            text.written(*text.words[i - 1].token).find('-') == std::string_view::npos) {
            std::size_t first = i - 1;
            if (first > 0 && text.spaced(first) && person_word(text, first - 1)) --first;
            out.push_back(mention(text, EntityType::Ministry, first, i + 1));
        }
        // Military Criminal Act, the Anti-Leaflet Law, Convention against Torture.
        if (in(kLawHeads, key)) {
            std::size_t first = i;
            // Back over the name's words, not into the name of a body before it ("the CAT
            // Committee and the Convention against Torture").
            const auto institution = [&](std::size_t w) {
                const std::string& k = text.words[w].key;
                return in(kLawHeads, k) || in(kBodyHeads, k) || in(kOrgHeads, k) ||
                       k == "assembly" || k == "group";
            };
            while (first > 0 && text.spaced(first) && !institution(first - 1) &&
                   text.words[first - 1].key != "the" &&
                   (name_word(text, first - 1) || connector(text, first - 1))) {
                --first;
            }
            while (first < i && connector(text, first)) ++first;
            // "Convention against Torture", "Framework Act on Military Status and Service": the
            // subject after the head.
            const std::size_t last = subject_end(text, i, true);
            if (first < i || last > i + 1) out.push_back(mention(text, EntityType::Law, first, last));
        }
        // Peninsula Justice Network, Suwon District Court, US Congress: capitalised words
        // before a word that heads an organisation's name.
        if (in(kOrgHeads, key) && i > 0 && text.spaced(i) && name_word(text, i - 1) &&
            !in(kTitles, text.words[i - 1].key)) {
            std::size_t first = i - 1;
            // Not back over "the": "the Ministry of Unification and the Korean National Police
            // Agency" names two bodies.
            while (first > 0 && text.spaced(first) &&
                   (name_word(text, first - 1) || connector(text, first - 1)) &&
                   text.words[first - 1].key != "the" &&
                   !in(kOrgHeads, text.words[first - 1].key) &&
                   !in(kBodyHeads, text.words[first - 1].key)) {
                --first;
            }
            while (first < i && connector(text, first)) ++first;
            // "… Network for North Korean Human Rights": what it is for, after the head.
            const std::size_t last = subject_end(text, i, false);
            // A police agency is part of the government, as the ministries are.
            const bool police = std::any_of(
                text.words.begin() + static_cast<std::ptrdiff_t>(first),
                text.words.begin() + static_cast<std::ptrdiff_t>(i),
                [](const Word& w) { return w.key == "police"; });
            const EntityType type = police && key == "agency" ? EntityType::Ministry : EntityType::Org;
            if (first < i) out.push_back(mention(text, type, first, last));
        }
        // "Contact: Daniel Frost", "Chris Smith, co-chair of …": two or three capitalised
        // words after a contact label, or before a comma and a role.
        if (person_word(text, i) && (i == 0 || !person_word(text, i - 1) || !text.spaced(i))) {
            std::size_t end = i + 1;
            while (end < n && end < i + 3 && text.spaced(end) && person_word(text, end)) ++end;
            // A capitalised word that opens a sentence ("Later Han Jiwoo, a lawyer") is not
            // taken for a first name when two words are left.
            const std::size_t first = end - i == 3 && sentence_start(text, i) ? i + 1 : i;
            if (end - first >= 2 && (contact_label_before(text, first) || role_after(text, end) ||
                                     alias_or_age_after(text, end))) {
                out.push_back(mention(text, EntityType::Person, first, end));
            }
        }
        // Incheon Airport Immigration Office, Seoul Central District Prosecutors' Office: an
        // office of immigration, prosecution, tax or customs. (A plural possessive leaves its
        // apostrophe between the words.)
        const auto joined = [&](std::size_t w) {
            if (text.spaced(w)) return true;
            const std::uint32_t from = text.words[w - 1].token->end;
            const std::string_view gap = text.source.substr(from, text.words[w].token->begin - from);
            return gap == "' " || gap == "\xE2\x80\x99 ";
        };
        if (key == "office" && i > 1 && joined(i) && name_word(text, i - 1)) {
            std::size_t first = i;
            bool state = false;
            while (first > 0 && i - first < 6 && joined(first) && name_word(text, first - 1) &&
                   text.words[first - 1].key != "the") {
                --first;
                const std::string& k = text.words[first].key;
                state = state || k == "immigration" || k == "prosecutors" || k == "prosecutor" ||
                        k == "district" || k == "tax" || k == "customs";
            }
            if (state && i - first >= 2) out.push_back(mention(text, EntityType::Ministry, first, i + 1));
        }
        // Political Prison Camp No. 15, Camp No. 16: numbered DPRK camps.
        if (key == "camp" && i + 2 < n && text.words[i + 1].key == "no" &&
            text.words[i + 2].token->kind == analysis::TokenKind::Number) {
            std::size_t first = i;
            while (first > 0 && i - first < 3 && text.spaced(first) && name_word(text, first - 1) &&
                   text.words[first - 1].key != "the") {
                --first;
            }
            out.push_back(mention(text, EntityType::Ministry, first, i + 3));
        }
        // Kim Yeon-chul: a surname and a hyphenated given name (Ma Jin-seok, Do Eun-hye: the
        // surnames that are English words too, only so).
        if ((in(kSurnames, key) || in(kWordSurnames, key)) && i + 1 < n && text.spaced(i + 1) &&
            korean_given_name(text.written(*text.words[i + 1].token))) {
            out.push_back(mention(text, EntityType::Person, i, i + 2));
        }
        // Special Rapporteur Elizabeth Salmón, President Joe Biden: a title and two or three
        // capitalised words (or a surname and a hyphenated given name, above).
        if (in(kTitles, key)) {
            const std::size_t j = i + 1;
            std::size_t end = j;
            // "Mr. Kim": a dot may close an abbreviated title.
            const auto gap_ok = [&](std::size_t w) {
                if (text.spaced(w)) return true;
                if (w != j) return false;
                const std::string_view gap =
                    text.source.substr(text.words[i].token->end,
                                       text.words[j].token->begin - text.words[i].token->end);
                return gap.starts_with(".") && gap.substr(1).find_first_not_of(' ') ==
                                                   std::string_view::npos;
            };
            while (end < n && end < j + 3 && person_word(text, end) && gap_ok(end)) ++end;
            if (end - j >= 2) out.push_back(mention(text, EntityType::Person, j, end));
        }
    }
}

bool korean_surname(std::string_view lower) { return in(kSurnames, lower); }

void match_article_references(const TextView& text, std::vector<Mention>& out) {
    const std::size_t n = text.words.size();
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const std::string& key = text.words[i].key;
        if (!latin(text, i) || (key != "article" && key != "articles")) continue;
        std::size_t j = i + 1;
        while (j < n && j < i + 4 && text.words[j].token->kind == analysis::TokenKind::Number &&
               text.words[j].token->begin <= text.words[j - 1].token->end + 1) {
            ++j;
        }
        if (j == i + 1) continue;
        // "Article 24 of that convention", "of the same Act": the law named before.
        const auto refers_back = [&](std::size_t w) {
            if (w + 1 >= n) return false;
            const std::string& k = text.words[w].key;
            std::size_t head = w + 1;
            if (k == "the" && text.words[w + 1].key == "same") {
                ++head;
            } else if (k != "that" && k != "this") {
                return false;
            }
            return head < n && in(kLawHeads, text.words[head].key);
        };
        if (j < n && (text.words[j].key == "of" || text.words[j].key == "in") &&
            !(text.words[j].key == "of" && refers_back(j + 1))) {
            continue;
        }
        Mention m;
        m.entity.type = EntityType::Law;
        m.entity.source = Source::Link;
        std::uint32_t end = text.words[j - 1].token->end;
        if (end < text.source.size() && text.source[end] == ')') ++end;  // 7(1)
        set_span(text, text.words[i].token->begin, end, m.entity);
        const std::uint32_t from = text.words[i + 1].token->begin;
        m.entity.article = std::string(text.source.substr(from, end - from));
        m.first = i;
        m.last = j;
        out.push_back(std::move(m));
    }
}

std::string id_from_name(std::string_view written) {
    const std::string name = text::fold_accents(written);
    std::string out;
    bool gap = false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (gap && !out.empty() && c < 0x80) out += '-';
            out += static_cast<char>(c);
            gap = false;
        } else if (c >= 'A' && c <= 'Z') {
            if (gap && !out.empty()) out += '-';
            out += static_cast<char>(c - 'A' + 'a');
            gap = false;
        } else {
            gap = true;  // spaces, hyphens, dots and the like separate words
        }
    }
    return out;
}

}  // namespace ngosearch::entities::detail
