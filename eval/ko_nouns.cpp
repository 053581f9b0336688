// SPDX-License-Identifier: GPL-2.0-or-later
#include "ko_nouns.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "pair_queries.hpp"

namespace fs = std::filesystem;

// The measurement reads hunspell-ko on its own, apart from the library's lexicon loader: the
// query words must not come from the code under measurement.
namespace eval {
namespace {

// hunspell-ko stores its words as conjoining jamo; the text we measure is precomposed.
std::string nfc(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU has no NFC normaliser");
    const icu::UnicodeString out = n->normalize(icu::UnicodeString::fromUTF8(utf8), status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU could not normalise a dictionary word");
    std::string s;
    out.toUTF8String(s);
    return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string part; std::getline(ss, part, sep);) out.push_back(part);
    return out;
}

struct AffixFacts {
    std::vector<std::vector<std::string>> aliases;  // AF line k (1-based) = aliases[k - 1]
    std::set<std::string> not_alone;                 // ONLYINCOMPOUND, FORBIDDENWORD, NEEDAFFIX
    std::set<std::string> object_flags;              // suffix rules adding 을/를 to the bare word
};

AffixFacts read_affix_facts(const fs::path& aff) {
    std::ifstream in(aff);
    if (!in) throw std::runtime_error("cannot read " + aff.string());
    AffixFacts facts;
    bool flag_num = false, seen_af_count = false;
    for (std::string line; std::getline(in, line);) {
        std::istringstream ss(line);
        std::vector<std::string> p;
        for (std::string field; ss >> field;) p.push_back(field);
        if (p.size() < 2) continue;
        if (p[0] == "FLAG") {
            flag_num = p[1] == "num";
        } else if (p[0] == "AF") {
            if (seen_af_count) facts.aliases.push_back(split(p[1], ','));
            seen_af_count = true;
        } else if (p[0] == "ONLYINCOMPOUND" || p[0] == "FORBIDDENWORD" || p[0] == "NEEDAFFIX") {
            facts.not_alone.insert(p[1]);
        } else if (p[0] == "SFX" && p.size() >= 4 && p[2] == "0") {
            const std::string add = nfc(p[3].substr(0, p[3].find('/')));
            if (add == "을" || add == "를") facts.object_flags.insert(p[1]);
        }
    }
    if (in.bad()) throw std::runtime_error("cannot read " + aff.string());
    if (!flag_num) throw std::runtime_error(aff.string() + " does not use FLAG num");
    if (facts.object_flags.empty()) {
        throw std::runtime_error(aff.string() + " has no suffix rule adding 을/를");
    }
    return facts;
}

std::vector<std::string> entry_flags(const std::string& field, const AffixFacts& facts) {
    if (field.empty()) return {};
    if (!facts.aliases.empty() && field.find_first_not_of("0123456789") == std::string::npos) {
        const unsigned long k = std::strtoul(field.c_str(), nullptr, 10);
        if (k == 0 || k > facts.aliases.size()) return {};
        return facts.aliases[k - 1];
    }
    return split(field, ',');
}

}  // namespace

fs::path korean_dictionary_path() {
    const char* env = std::getenv("NGOSEARCH_KO_DICT");
    return (env && *env) ? fs::path(env) : fs::path("/usr/share/hunspell/ko_KR.dic");
}

KoreanNouns read_korean_nouns(const fs::path& dic) {
    fs::path aff = dic;
    aff.replace_extension(".aff");
    if (!fs::exists(dic)) throw std::runtime_error(dic.string() + " not found");
    if (!fs::exists(aff)) throw std::runtime_error(aff.string() + " not found");
    const AffixFacts facts = read_affix_facts(aff);
    std::ifstream in(dic);
    if (!in) throw std::runtime_error("cannot read " + dic.string());
    KoreanNouns nouns;
    nouns.dic = dic;
    std::string line;
    std::getline(in, line);  // the entry count
    while (std::getline(in, line)) {
        const auto begin = line.find_first_not_of(" \t\r");
        if (begin == std::string::npos) continue;
        line = line.substr(begin, line.find_last_not_of(" \t\r") + 1 - begin);
        const auto slash = line.find('/');
        const std::string word = nfc(line.substr(0, slash));
        if (!all_hangul(word)) continue;
        ++nouns.hangul_entries;
        if (syllables(word) < 2) continue;
        const auto flags =
            entry_flags(slash == std::string::npos ? "" : line.substr(slash + 1), facts);
        bool object = false, alone = true;
        for (const auto& f : flags) {
            object = object || facts.object_flags.count(f);
            alone = alone && !facts.not_alone.count(f);
        }
        if (object && alone) nouns.words.insert(word);
    }
    if (in.bad()) throw std::runtime_error("cannot read " + dic.string());
    return nouns;
}

}  // namespace eval
