// SPDX-License-Identifier: GPL-2.0-or-later
// Korean morphology on sentences written for these tests: derived predicates reduce to their
// noun, auxiliaries and bound nouns written solid split as standard spacing writes them, and
// the lexicon keeps words, not conjugated forms.
#include <doctest/doctest.h>

#include <ngosearch/analysis/korean_lexicon.hpp>
#include <ngosearch/analysis/stemmer.hpp>

#include "analysis/korean_tails.hpp"
#include "support/analysis_check.hpp"
#include "support/temp_dir.hpp"

using namespace ngosearch::analysis;
using ngosearch::test::check_analyzes_to;
using ngosearch::test::terms_of;

namespace {

std::shared_ptr<const KoreanLexicon> system_lexicon() {
    auto lex = KoreanLexicon::system_default();
    REQUIRE_MESSAGE(lex->size() > 30000, "hunspell-ko is not installed (apt-get install hunspell-ko)");
    return lex;
}

void check_stems(const Stemmer& s, std::string_view noun, std::initializer_list<const char*> forms) {
    for (const char* w : forms) {
        CAPTURE(w);
        CHECK(s.stem(w) == noun);
    }
}

using Terms = std::vector<std::string>;

}  // namespace

TEST_CASE("korean predicates: noun + 하다 in every tense, connective, adnominal, nominaliser") {
    const auto s = make_korean_stemmer(system_lexicon());
    check_stems(*s, "석방",
                {"석방하다", "석방했다", "석방하였다", "석방한다", "석방합니다", "석방했습니다",
                 "석방하고", "석방하며", "석방하면", "석방해서", "석방하게", "석방하지",
                 "석방하도록", "석방한", "석방할", "석방하는", "석방하던", "석방하기", "석방함",
                 "석방하기를", "석방함으로써", "석방하셨다", "석방하시는", "석방했으며",
                 "석방했던", "석방하겠다", "석방해야", "석방했다고", "석방한다는"});
    check_stems(*s, "대비", {"대비할", "대비하여", "대비해야"});
    check_stems(*s, "신속", {"신속하게", "신속한", "신속하다"});
    check_stems(*s, "승리", {"승리하기", "승리했다"});
}

TEST_CASE("korean predicates: 되다, 시키다, 당하다, 받다, 지다 and the copula") {
    const auto s = make_korean_stemmer(system_lexicon());
    check_stems(*s, "석방", {"석방됐다", "석방되었다", "석방된", "석방될", "석방되는", "석방됨",
                            "석방되고", "석방되어", "석방돼야", "석방되었으며", "석방되였다"});
    check_stems(*s, "고조", {"고조되고", "고조된"});
    check_stems(*s, "피랍", {"피랍된지", "피랍됐다"});
    check_stems(*s, "강화", {"강화시켰다", "강화시킨", "강화시키는"});
    check_stems(*s, "납치", {"납치당했다", "납치당한", "납치당하는"});
    check_stems(*s, "처벌", {"처벌받았다", "처벌받은", "처벌받을"});
    check_stems(*s, "책임", {"책임지고", "책임진"});
    check_stems(*s, "잠재적", {"잠재적인", "잠재적이다", "잠재적으로"});
    check_stems(*s, "문제", {"문제였다", "문제이다", "문제인"});
}

TEST_CASE("korean particles: every particle is tried, the lexicon decides") {
    const auto s = make_korean_stemmer(system_lexicon());
    check_stems(*s, "결과", {"결과의", "결과는", "결과"});
    check_stems(*s, "효과", {"효과의"});
    check_stems(*s, "나라", {"나라도"});
    check_stems(*s, "탈북자", {"탈북자들의"});
    check_stems(*s, "광산", {"광산이었습니다", "광산이였습니다"});
    // A name or compound that ends like the copula stays whole without the lexicon's word.
    CHECK(s->stem("아시안게임이") == "아시안게임");
    // No verb stem is left as a noun.
    CHECK(s->stem("말하는") == "말하는");
    // A body's suffix with its particle is no word of its own: 보위부의 is not 보위|부의, and a
    // split less a particle beats the whole word's (교정본부의 is not 교정본|부의).
    check_stems(*s, "보위부", {"보위부의", "보위부가", "보위부는"});
    check_stems(*s, "교정본부", {"교정본부의"});
}

TEST_CASE("korean predicates: no noun is carved out of words that only look like predicates") {
    const auto s = make_korean_stemmer(system_lexicon());
    // One syllable before the ending is no noun: these are verbs and postpositions.
    for (const char* w : {"위한", "대한", "의하면", "통해", "한다", "했다"}) {
        CAPTURE(w);
        CHECK(s->stem(w) == w);
    }
    // Known words that end like an ending stay whole.
    for (const char* w : {"회의", "결과", "도로", "김정은", "문재인", "하나"}) {
        CAPTURE(w);
        CHECK(s->stem(w) == w);
    }
    // Without a lexicon, only endings that are surely endings go.
    const auto rules = make_korean_stemmer();
    CHECK(rules->stem("석방됐다") == "석방");
    CHECK(rules->stem("조사하였다") == "조사");
    CHECK(rules->stem("가나다인") == "가나다인");  // 인 may end a word: kept without a lexicon
}

TEST_CASE("korean tails: generated conjugations, and which are sure") {
    const auto& t = KoreanTails::instance();
    for (const char* tail : {"했다", "하였다", "됐다", "되였다", "시켰다", "당했다", "받았다",
                             "합니다", "됩니다", "하셨습니다", "한다는", "할", "함으로써",
                             "이었다", "이라는", "였다"}) {
        CAPTURE(tail);
        CHECK(t.contains(tail));
    }
    CHECK_FALSE(t.contains("했는다"));
    CHECK_FALSE(t.contains("받은다"));
    std::vector<KoreanTails::Match> m;
    t.match("석방됐다", m);
    REQUIRE_FALSE(m.empty());
    CHECK(m.front().bytes == 6);  // 됐다, the longest
    CHECK(m.front().strength == KoreanTails::Strength::Strong);
    m.clear();
    t.match("잠재적인", m);
    REQUIRE_FALSE(m.empty());
    CHECK(m.back().strength == KoreanTails::Strength::Weak);  // 인 alone may end a word
    const auto& aux = KoreanTails::auxiliary_verbs();
    CHECK((aux.verbs_of("있습니다") & KoreanTails::kIss) != 0);
    CHECK((aux.verbs_of("않았다") & KoreanTails::kAnh) != 0);
    CHECK((aux.verbs_of("한다") & KoreanTails::kHa) != 0);
    CHECK(aux.verbs_of("필사") == 0);
}

TEST_CASE("korean lexicon: a flag alias past any number is no error") {
    ngosearch::test::TempDir dir;
    dir.write("ko.aff", "FLAG num\nAF 1\nAF 1\n");
    dir.write("ko.dic", "2\n국가/99999999999999999999999\n통일/1\n");
    const auto lex = KoreanLexicon::load_hunspell(dir / "ko.dic");
    CHECK(lex->contains("국가"));
    CHECK(lex->contains("통일"));
}

TEST_CASE("korean lexicon: words, not conjugated forms; a predicate vouches for its noun") {
    const auto lex = system_lexicon();
    CHECK(lex->contains("보호"));
    CHECK(lex->contains("국가보안법"));
    CHECK_FALSE(lex->contains("보호하다"));  // the predicate is looked up by its noun
    CHECK_FALSE(lex->contains("해결해"));    // conjugated bases hunspell keeps for its affixes
    CHECK_FALSE(lex->contains("제작한"));
}

TEST_CASE("korean spacing: auxiliaries and bound nouns written solid split as written apart") {
    const auto& an = *Analyzer::standard();
    check_analyzes_to(an, "할수있다", {{"할", 0, 3, 0}, {"수", 3, 6, 1}, {"있다", 6, 12, 2}});
    CHECK(terms_of(an, "할수있다") == terms_of(an, "할 수 있다"));
    check_analyzes_to(an, "받아들이고있습니다",
                      {{"받아들이고", 0, 15, 0}, {"있습니다", 15, 27, 1}});
    check_analyzes_to(an, "할것이다", {{"할", 0, 3, 0}, {"것이다", 3, 12, 1}});
    CHECK(terms_of(an, "보호해야한다") == Terms{"보호해야", "한다"});
    CHECK(terms_of(an, "하지않았다") == Terms{"하지", "않았다"});
    CHECK(terms_of(an, "보호할수있게되었다") == Terms{"보호할", "수", "있게", "되었다"});
    CHECK(terms_of(an, "실패할때까지") == Terms{"실패할", "때까지"});
    CHECK(terms_of(an, "할수밖에없다") == Terms{"할", "수밖에", "없다"});
    CHECK(terms_of(an, "한적이있다") == Terms{"한", "적이", "있다"});
    CHECK(terms_of(an, "해야만한다") == Terms{"해야만", "한다"});
    CHECK(terms_of(an, "하려고한다") == Terms{"하려고", "한다"});
    CHECK(terms_of(an, "써주었다") == Terms{"써", "주었다"});
    // Positions after a split word move on; a phrase still lines up.
    const TokenBuffer t = an.analyze("할수있다 조사");
    CHECK(t.back().text == "조사");
    CHECK(t.back().position == 3);
    // Nouns that look alike stay whole: 수 needs 있다/없다 after it, an 어 form a real one.
    CHECK(terms_of(an, "인원수가") == Terms{"인원수가"});
    CHECK(terms_of(an, "필사본은") == Terms{"필사본은"});
    CHECK(terms_of(an, "정보가") == Terms{"정보가"});
}

TEST_CASE("korean spacing: pieces of a word that was normalised keep the word's offsets") {
    // 할수있다 as conjoining jamo (NFD): the pieces cannot be cut out of the source bytes.
    const std::string nfd = "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAF"   // 할
                            "\xE1\x84\x89\xE1\x85\xAE"               // 수
                            "\xE1\x84\x8B\xE1\x85\xB5\xE1\x86\xBB"   // 있
                            "\xE1\x84\x83\xE1\x85\xA1";              // 다
    const auto n = static_cast<std::uint32_t>(nfd.size());
    check_analyzes_to(*Analyzer::standard(), nfd,
                      {{"할", 0, n, 0}, {"수", 0, n, 1}, {"있다", 0, n, 2}});
}
