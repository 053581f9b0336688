// SPDX-License-Identifier: GPL-2.0-or-later
// The standard entity tagger on sentences written for these tests, with a small gazetteer of
// its own (the built-in one may grow; these tests must not depend on its contents).
#include <doctest/doctest.h>

#include <algorithm>

#include <ngosearch/entities/gazetteer.hpp>
#include <ngosearch/entities/tagger.hpp>
#include <ngosearch/error.hpp>

using namespace ngosearch;
using namespace ngosearch::entities;

namespace {

constexpr std::string_view kGazetteer =
    "# test gazetteer\n"
    "moon-jae-in\tperson\tMoon Jae-in|Moon Jae In|Moon Jaein\t문재인\t"
    "President Moon@2017-05-10..2022-05-09|문 대통령@2017-05-10..2022-05-09\t\t\t\t\n"
    "lee-myung-bak\tperson\tLee Myung-bak\t이명박\t"
    "President Lee@2008-02-25..2013-02-24|이 대통령@2008-02-25..2013-02-24\t\t\t\t\n"
    "lee-jae-myung\tperson\tLee Jae-myung|Lee Jae Myung\t이재명\t"
    "President Lee@2025-06-04..|이 대통령@2025-06-04..\t\t\t\t\n"
    "ministry-of-unification\tministry\tMinistry of Unification|Unification Ministry\t통일부"
    "\t\t1998\t\t\t\n"
    "ministry-of-foreign-affairs\tministry\tMinistry of Foreign Affairs\t외교부\t\t2013\t\t\t\n"
    "ministry-of-foreign-affairs-and-trade\tministry\tMinistry of Foreign Affairs and Trade\t"
    "외교통상부\t\t1998\t2013\tministry-of-foreign-affairs\t\n"
    "national-intelligence-service\tministry\tNational Intelligence Service|NIS\t"
    "국가정보원|국정원\t\t1999\t\t\t\n"
    "agency-for-national-security-planning\tministry\tAgency for National Security Planning\t"
    "국가안전기획부|안기부\t\t1981\t1999\tnational-intelligence-service\t\n"
    "national-security-act\tlaw\tNational Security Act|National Security Law|NSL\t국가보안법"
    "\t\t1948\t\t\t\n"
    "military-criminal-act\tlaw\tMilitary Criminal Act\t군형법\t\t\t\t\t\n"
    "iccpr\tlaw\tInternational Covenant on Civil and Political Rights|ICCPR\t"
    "시민적 및 정치적 권리에 관한 국제규약|자유권규약\t\t\t\t\t\n"
    "article-19\torg\tArticle 19\t\t\t\t\t\tNGO\n"
    "human-rights-council\torg\tUN Human Rights Council|Human Rights Council\t"
    "유엔 인권이사회|인권이사회\t\t\t\t\t\n"
    "constitutional-court\torg\tConstitutional Court of Korea|Constitutional Court\t헌법재판소"
    "\t\t\t\t\t\n";

std::shared_ptr<const EntityTagger> tagger() {
    static const auto t = make_standard_tagger(Gazetteer::parse(kGazetteer, "test"));
    return t;
}

// "type id surface" of each entity found, in order.
std::vector<std::string> found(std::string_view text, std::string_view date = {}) {
    std::vector<std::string> out;
    for (const Entity& e : tagger()->tag(text, date)) {
        out.push_back(std::string(to_string(e.type)) + " " + e.id + " " + e.surface +
                      (e.article.empty() ? "" : " art." + e.article));
    }
    return out;
}

using Found = std::vector<std::string>;

const Entity* first_of(const std::vector<Entity>& v, std::string_view id) {
    const auto it = std::find_if(v.begin(), v.end(), [&](const Entity& e) { return e.id == id; });
    return it == v.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("entities: gazetteer names in both languages, spans without particles") {
    CHECK(found("문재인은 통일부가 국가보안법을 폐지해야 한다고 말했다.") ==
          Found{"person moon-jae-in 문재인", "ministry ministry-of-unification 통일부",
                "law national-security-act 국가보안법"});
    CHECK(found("Moon Jae-in and the Ministry of Unification on the National Security Law.") ==
          Found{"person moon-jae-in Moon Jae-in",
                "ministry ministry-of-unification Ministry of Unification",
                "law national-security-act National Security Law"});
    // Romanisation variants and the case of the text do not matter.
    CHECK(found("MOON JAE IN spoke; Moon Jaein listened.").size() == 2);
    // Byte offsets into the text as given.
    const auto e = tagger()->tag("우리는 문재인은");
    REQUIRE(e.size() == 1);
    CHECK(e[0].begin == 10);
    CHECK(e[0].end == 19);
    CHECK(e[0].source == Source::Gazetteer);
    CHECK(e[0].name == "Moon Jae-in");
}

TEST_CASE("entities: titles are not part of the name; a title alone names no ministry") {
    CHECK(found("이명박 대통령은") == Found{"person lee-myung-bak 이명박"});
    CHECK(found("외교부 장관은") == Found{"ministry ministry-of-foreign-affairs 외교부"});
    CHECK(found("국정원장이 통일부장관과") ==
          Found{"ministry national-intelligence-service 국정원",
                "ministry ministry-of-unification 통일부"});
    CHECK(found("The Foreign Minister said so.").empty());
}

TEST_CASE("entities: title aliases decide by the text's date") {
    CHECK(found("President Moon spoke.") == Found{"person moon-jae-in Moon"});  // one Moon
    CHECK(found("President Lee spoke.", "2010-05-01") == Found{"person lee-myung-bak Lee"});
    CHECK(found("President Lee spoke.", "2025-10-28") == Found{"person lee-jae-myung Lee"});
    CHECK(found("President Lee spoke.").empty());  // two presidents Lee, and no date
    CHECK(found("이 대통령은", "2025-11") == Found{"person lee-jae-myung 이"});
}

TEST_CASE("entities: renamed bodies link to what they became") {
    const auto e = tagger()->tag("안기부와 외교통상부");
    REQUIRE(e.size() == 2);
    CHECK(e[0].id == "national-intelligence-service");
    CHECK(e[0].surface == "안기부");
    CHECK(e[1].id == "ministry-of-foreign-affairs");
}

TEST_CASE("entities: rules for bodies, laws and people the gazetteer does not know") {
    CHECK(found("the Ministry of Gender Equality and Family said") ==
          Found{"ministry ministry-of-gender-equality-and-family "
                "Ministry of Gender Equality and Family"});
    CHECK(found("the Office for Government Policy Coordination") ==
          Found{"ministry office-for-government-policy-coordination "
                "Office for Government Policy Coordination"});
    CHECK(found("under the Anti-Leaflet Act and the Refugee Act") ==
          Found{"law anti-leaflet-act Anti-Leaflet Act", "law refugee-act Refugee Act"});
    CHECK(found("Minister Kim Yeon-chul met Special Rapporteur Tomas Ojea.") ==
          Found{"person kim-yeon-chul Kim Yeon-chul", "person tomas-ojea Tomas Ojea"});
    CHECK(found("김영호 통일부 장관과 장관 정동영") ==
          Found{"person 김영호 김영호", "ministry ministry-of-unification 통일부",
                "person 정동영 정동영"});
    CHECK(found("북한인권재단법과 대북전단살포금지법") ==
          Found{"law 북한인권재단법 북한인권재단법", "law 대북전단살포금지법 대북전단살포금지법"});
    CHECK(found("인사혁신처와 병무청과 진실화해위원회") ==
          Found{"ministry 인사혁신처 인사혁신처", "ministry 병무청 병무청",
                "org 진실화해위원회 진실화해위원회"});
    // A body of three syllables ending in 처 must be in the gazetteer: 연락처 is a contact;
    // fishermen are no body.
    CHECK(found("연락처는 아래와 같다").empty());
    CHECK(found("납북귀환어부들과 광부").empty());
    CHECK(found("Commissioner General Eo Cheong-soo") == Found{"person eo-cheong-soo Eo Cheong-soo"});
    // The written name, not the key the initial-sound rule respelt, for a North Korean name.
    CHECK(found("리경철(가명, 50대 남성)은 말했다") == Found{"person 리경철 리경철"});
    // Names beside a role, after a label, in a list; not verbs or adverbs beside a role word.
    CHECK(found("유남영, 문경란 두 상임위원이 사퇴했다") ==
          Found{"person 유남영 유남영", "person 문경란 문경란"});
    CHECK(found("담당: 정책팀 김지현 (02-123-4567)") == Found{"person 김지현 김지현"});
    CHECK(found("인도적 지원을 어떻게 규정할지, 기간이 지나면 법원이 심사한다").empty());
}

TEST_CASE("entities: guards — common words, institutions and NGOs are not what they look like") {
    CHECK(found("새로운 학습방법, 정부의 요청, 일부 지도부").empty());
    CHECK(found("헌법재판소는") == Found{"org constitutional-court 헌법재판소"});
    CHECK(found("Citizens' Coalition for Unification").empty());
    CHECK(found("Justice For All, Transitional Justice Working Group").empty());
    CHECK(found("Prime Minister's Secretariat Government Complex").empty());
    // Article 19 the NGO, and article 19 of a covenant.
    CHECK(found("Article 19 wrote to us.") == Found{"org article-19 Article 19"});
    CHECK(found("Article 19 of the ICCPR protects it.") ==
          Found{"law iccpr Article 19 of the ICCPR art.19"});
}

TEST_CASE("entities: article references in both languages") {
    CHECK(found("Article 7 of the National Security Law") ==
          Found{"law national-security-act Article 7 of the National Security Law art.7"});
    CHECK(found("article 92-6 of the Military Criminal Act") ==
          Found{"law military-criminal-act article 92-6 of the Military Criminal Act art.92-6"});
    CHECK(found("국가보안법 제7조를 위반") ==
          Found{"law national-security-act 국가보안법 제7조 art.7"});
    CHECK(found("군형법 제92조의6은") == Found{"law military-criminal-act 군형법 제92조의6 art.92-6"});
    // An article alone refers to the law named before it.
    CHECK(found("국가보안법은 폐지되어야 한다. 특히 제4조제1항은") ==
          Found{"law national-security-act 국가보안법", "law national-security-act 제4조제1항 art.4(1)"});
    CHECK(found("제4조제1항은").empty());
}

TEST_CASE("entities: resolutions, never dates, fax numbers or paths") {
    CHECK(found("General Assembly resolution 78/218 and A/HRC/RES/55/1") ==
          Found{"resolution unga-78-218 General Assembly resolution 78/218",
                "resolution hrc-55-1 A/HRC/RES/55/1"});
    CHECK(found("유엔 총회 결의 78/218에 따라") == Found{"resolution unga-78-218 유엔 총회 결의 78/218"});
    CHECK(found("인권이사회 결의 25/25와 안보리 결의 2270호") ==
          Found{"resolution hrc-25-25 인권이사회 결의 25/25", "resolution unsc-2270 안보리 결의 2270호"});
    CHECK(found("Fax: 02/735 1234, on 12/25/2023, see www.un.org/78/218 or 24/7 help").empty());
}

TEST_CASE("entities: links within a text — short names, Korean titles, acronyms") {
    const auto e = tagger()->tag(
        "Moon Jae-in met them. Later Moon said that President Moon would act. "
        "이명박 대통령 시절, 이 대통령은 말했다. The International Coalition to Stop Crimes "
        "against Humanity in North Korea (ICNK) wrote; ICNK asked again.");
    std::vector<std::string> links, all;
    for (const auto& x : e) {
        if (x.source == Source::Link) links.push_back(x.id + " " + x.surface);
        all.push_back(x.id + " " + x.surface);
    }
    // "Moon" is linked; "President Moon" is also the gazetteer's title alias (no date needed:
    // only one President Moon).
    CHECK(std::count(links.begin(), links.end(), "moon-jae-in Moon") >= 1);
    CHECK(std::count(all.begin(), all.end(), "moon-jae-in Moon") == 2);
    CHECK(std::count(links.begin(), links.end(), "lee-myung-bak 이") == 1);
    // The acronym is only linked when what it stands for was found; here, by no rule: nothing.
    // A body the rules find, with its acronym:
    const auto b = tagger()->tag("the Ministry of Gender Equality and Family (MOGEF) and MOGEF");
    REQUIRE(b.size() == 3);
    CHECK(b[1].surface == "MOGEF");
    CHECK(b[2].source == Source::Link);
    CHECK(b[2].id == b[0].id);
}

TEST_CASE("entities: later references — surnames, 씨, foreign surnames, articles, short names") {
    const auto ids_of = [](const std::vector<Entity>& v, std::string_view surface) {
        std::vector<std::string> out;
        for (const auto& x : v) {
            if (x.surface == surface) out.push_back(x.id + (x.article.empty() ? "" : "/" + x.article));
        }
        return out;
    };
    // 문 대표 before 대표 문성호 is named: the one 문 of the text.
    const auto a = tagger()->tag("문 대표는 말했다. 이명박 대통령 시절이었다. 대표 문성호 드림");
    CHECK(ids_of(a, "문") == std::vector<std::string>{"문성호"});
    // 씨 names a witness, not the president of the same surname.
    const auto b = tagger()->tag("이순희(가명, 60대)는 증언했다. 이명박 대통령도 왔다. 이 씨는 울었다.");
    CHECK(ids_of(b, "이") == std::vector<std::string>{"이순희"});
    // An article cited again alone is the law it was cited with, not the last law named.
    const auto c = tagger()->tag(
        "Article 92-6 of the Military Criminal Act and the National Security Law. "
        "Article 92-6 should go.");
    CHECK(ids_of(c, "Article 92-6") == std::vector<std::string>{"military-criminal-act/92-6"});
    // "the Framework Act" after the Framework Act's full name is that act.
    const auto d = tagger()->tag(
        "the Framework Act on Military Status and Service, in force since 2016. Under the "
        "Framework Act, an ombudsman");
    REQUIRE(ids_of(d, "Framework Act").size() == 1);
    CHECK(ids_of(d, "Framework Act")[0] == "framework-act-on-military-status-and-service");
    // A short name defined with 이하, and the end of a law's name with an article.
    const auto f = tagger()->tag(
        "형의 집행 및 수용자의 처우에 관한 법률(이하 '형집행법')은 낡았다. 형집행법을 고치라.");
    const auto long_name = ids_of(f, "형의 집행 및 수용자의 처우에 관한 법률");
    REQUIRE(long_name.size() == 1);
    CHECK(ids_of(f, "형집행법") == std::vector<std::string>{long_name[0], long_name[0]});
    const auto g = make_standard_tagger()->tag(
        "진실·화해를 위한 과거사정리 기본법이 있다. 기본법 제25조제2항에 따라");
    CHECK(ids_of(g, "기본법 제25조제2항") ==
          std::vector<std::string>{"framework-act-on-truth-and-reconciliation/25(2)"});
    // A two-syllable surname: 남궁 씨 is 남궁혜원.
    const auto h = tagger()->tag("남궁혜원(가명, 30대)은 말했다. 남궁 씨는 석방되었다.");
    CHECK(ids_of(h, "남궁") == std::vector<std::string>{"남궁혜원"});
    // "Article 24 of that convention" cites the convention named before.
    const auto k = tagger()->tag(
        "Japan joined the Convention against Torture. Article 14 of that convention says so.");
    CHECK(ids_of(k, "Article 14") == std::vector<std::string>{"convention-against-torture/14"});
    // A Korean short name is syllables of the full name, in order (no 이하 needed).
    const auto m = tagger()->tag("형의 집행 및 수용자의 처우에 관한 법률은 낡았다. 형집행법 제112조는 위헌이다.");
    CHECK(ids_of(m, "형집행법 제112조") ==
          std::vector<std::string>{ids_of(m, "형의 집행 및 수용자의 처우에 관한 법률").at(0) + "/112"});
    // A paragraph after the article cited last; 제7조 제1항 is one reference.
    const auto p = tagger()->tag("국가보안법의 제7조 제1항과 같은 조 제5항, 그리고 제3항");
    CHECK(ids_of(p, "국가보안법의 제7조 제1항") == std::vector<std::string>{"national-security-act/7(1)"});
    CHECK(ids_of(p, "같은 조 제5항") == std::vector<std::string>{"national-security-act/7(5)"});
    CHECK(ids_of(p, "제3항") == std::vector<std::string>{"national-security-act/7(3)"});
    CHECK(ids_of(p, "제1항").empty());
    CHECK(found("repeal NSL Article 7(1)") ==
          Found{"law national-security-act NSL Article 7(1) art.7(1)"});
    // The same name with other hyphens is the same person.
    const auto q = tagger()->tag("Minister Han Ji-woo spoke. Later Han Jiwoo, a lawyer, wrote.");
    CHECK(ids_of(q, "Han Jiwoo") == std::vector<std::string>{"han-ji-woo"});
    // A foreign name's last word before a title, with the standard gazetteer.
    const auto standard = make_standard_tagger();
    CHECK(ids_of(standard->tag("커비 위원장은 말했다"), "커비") ==
          std::vector<std::string>{"michael-kirby"});
    // English: a contact label, a role after a comma; a police agency is a government body.
    CHECK(found("Media contact: Daniel Frost, Geneva") == Found{"person daniel-frost Daniel Frost"});
    CHECK(found("In Washington, Chris Smith, co-chair of the commission") ==
          Found{"person chris-smith Chris Smith"});
    CHECK(found("\"No,\" said Claire Hollis, Asia advocacy director at the group.") ==
          Found{"person claire-hollis Claire Hollis"});
    CHECK(found("Suman Tamang (a pseudonym), a Nepali worker") ==
          Found{"person suman-tamang Suman Tamang"});
    // A street is not the body it is named after; a regulation is a law.
    CHECK(found("at 1 Cheongwadae-ro, Jongno-gu").empty());
    CHECK(found("the Regulation on Standards for the Use of Police Equipment") ==
          Found{"law regulation-on-standards-for-the-use-of-police-equipment "
                "Regulation on Standards for the Use of Police Equipment"});
    CHECK(found("이태원 참사 특별법을 제정하라") == Found{"law 이태원참사특별법 이태원 참사 특별법"});
    CHECK(found("the Ministry of Unification and the Gyeonggi Provincial Police Agency") ==
          Found{"ministry ministry-of-unification Ministry of Unification",
                "ministry gyeonggi-provincial-police-agency Gyeonggi Provincial Police Agency"});
}

TEST_CASE("entities: bodies, laws and people of the held-out kinds, with the standard gazetteer") {
    const auto t = make_standard_tagger();
    const auto all = [&](std::string_view text, std::string_view date = {}) {
        std::vector<std::string> out;
        for (const auto& e : t->tag(text, date)) {
            out.push_back(std::string(to_string(e.type)) + " " + e.id + " " + e.surface +
                          (e.article.empty() ? "" : " art." + e.article));
        }
        return out;
    };
    // A law of a law is another law; "of the DPRK" is not part of a body's name.
    CHECK(all("Article 5 of the Enforcement Decree of the Refugee Act") ==
          Found{"law enforcement-decree-of-the-refugee-act Article 5 of the Enforcement Decree of "
                "the Refugee Act art.5"});
    CHECK(all("Chairman of the National Defence Commission of the Democratic People's Republic of "
              "Korea") == Found{"ministry state-affairs-commission National Defence Commission"});
    // Offices of the state, numbered camps, people with surnames that are English words.
    CHECK(all("the Seoul Central District Prosecutors' Office and Political Prison Camp No. 15") ==
          Found{"ministry seoul-central-district-prosecutors-office Seoul Central District "
                "Prosecutors' Office",
                "ministry political-prison-camp-no-15 Political Prison Camp No. 15"});
    CHECK(all("Ma Jin-seok wrote. Do you agree?") == Found{"person ma-jin-seok Ma Jin-seok"});
    CHECK(all("Acting President Hwang said", "2017-03-01") == Found{"person hwang-kyo-ahn Hwang"});
    // A gazetteer name whose end looks like a particle keeps it (다루스만, not 다루스).
    CHECK(all("마르주키 다루스만 특별보고관. 다루스만은 말했다") ==
          Found{"person marzuki-darusman 마르주키 다루스만", "person marzuki-darusman 다루스만"});
    // Korean laws: a special act about something, a bill, a law ending in 비법; camps numbered.
    CHECK(all("제주4·3사건 진상규명 및 희생자 명예회복에 관한 특별법 제14조") ==
          Found{"law 제주4·3사건진상규명및희생자명예회복에관한특별법 제주4·3사건 진상규명 및 희생자 "
                "명예회복에 관한 특별법 제14조 art.14"});
    CHECK(all("차별금지법안을 발의했다") == Found{"law anti-discrimination-bill 차별금지법"});
    CHECK(all("국방경비법 위반") == Found{"law 국방경비법 국방경비법"});
    CHECK(all("15호 관리소와 아파트 관리소, 지역관리소") == Found{"ministry 15호관리소 15호 관리소"});
    // No person: a title with a particle before a word, a verb before 전 장관.
    CHECK(all("대통령도 추념식에서 약속했다").size() == 0);
    CHECK(all("법률에 담도록 하라. 전 장관의 결단").size() == 0);
}

TEST_CASE("entities: markup, no-break spaces and curly apostrophes are tagged as clean text") {
    CHECK(found("the <u>Moon Jae-in</u> government") == Found{"person moon-jae-in Moon Jae-in"});
    CHECK(found("Moon\xC2\xA0Jae-in\xE2\x80\x99s policy") ==
          Found{"person moon-jae-in Moon\xC2\xA0Jae-in"});
    CHECK(found("국가보안법<sup>1</sup>을") == Found{"law national-security-act 국가보안법"});
}

TEST_CASE("entities: any bytes — no crash, spans in bounds and ordered") {
    const std::string bad = "Moon Jae-in \xFF\xFE 문재인\xC3 국가보안법을 \xE2\x80 Ministry of";
    const auto e = tagger()->tag(bad);
    std::uint32_t previous = 0;
    for (const auto& x : e) {
        CHECK(x.begin < x.end);
        CHECK(x.end <= bad.size());
        CHECK(x.begin >= previous);
        previous = x.end;
    }
    CHECK(first_of(e, "moon-jae-in") != nullptr);
    CHECK(tagger()->tag("").empty());
}

TEST_CASE("gazetteer: lines are checked, errors name the file and the line") {
    const auto g = Gazetteer::parse(kGazetteer, "test");
    CHECK(g->size() == 14);
    CHECK(g->find("moon-jae-in")->names_ko.front() == "문재인");
    CHECK(g->current(*g->find("agency-for-national-security-planning")).id ==
          "national-intelligence-service");
    CHECK(g->fingerprint().starts_with("gazetteer/14/"));
    const auto bad = [](std::string_view text) {
        try {
            Gazetteer::parse(text, "mine.tsv");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(bad("a\tperson\tA\n").find("mine.tsv") != std::string::npos);
    CHECK(bad("# c\n\na\tperson\tA\n").find("line 3") != std::string::npos);
    CHECK(bad("A B\tperson\tA\t\t\t\t\t\t\n").find("lower-case") != std::string::npos);
    CHECK(bad("a\tpeople\tA\t\t\t\t\t\t\n").find("type 'people'") != std::string::npos);
    CHECK(bad("a\tperson\t\t\t\t\t\t\t\n").find("no name") != std::string::npos);
    CHECK(bad("a\tperson\tA\t\tPresident A\t\t\t\t\n").find("alias@FROM..TO") !=
          std::string::npos);
    CHECK(bad("a\tperson\tA\t\t\t2020-13\t\t\t\n").find("not a date") != std::string::npos);
    CHECK(bad("a\tperson\tA\t\t\t\t\t\t\na\tperson\tB\t\t\t\t\t\t\n").find("line 1") !=
          std::string::npos);
    CHECK(bad("a\tministry\tA\t\t\t\t\tb\t\n").find("successor 'b'") != std::string::npos);
    CHECK(bad("a\tperson\t\xFF\t\t\t\t\t\t\n").find("UTF-8") != std::string::npos);
    CHECK_THROWS_AS(Gazetteer::load("/nonexistent/names.tsv"), InputError);
    // A user's file corrects the built-in entries of the same id and adds its own.
    const auto mine = Gazetteer::parse(
        "moon-jae-in\tperson\tMoon Jae-in\t문재인\t\t\t\t\tcorrected\n"
        "kim-new\tperson\tKim New-name\t김새이름\t\t\t\t\t\n",
        "mine.tsv");
    const auto both = Gazetteer::merged({g, mine});
    CHECK(both->size() == 15);
    CHECK(both->find("moon-jae-in")->note == "corrected");
}
