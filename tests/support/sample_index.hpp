// SPDX-License-Identifier: GPL-2.0-or-later
// A small index of hand-written documents that the search tests query.
#pragma once

#include <ngosearch/index/indexer.hpp>

#include "support/temp_dir.hpp"

namespace ngosearch::test {

inline std::vector<Document> sample_documents() {
    return {
        {.id = "en-nsl",
         .title = "Letter on the National Security Law",
         .body = "We urge the government to repeal Article 7 of the National Security Law. "
                 "Prosecutions under the law continue, and activists were prosecuted in 2019.",
         .language = "en", .date = "2020-02-21", .type = "letter"},
        {.id = "en-repatriation",
         .title = "Forced repatriation from China",
         .body = "China forcibly repatriated escapees. The Ministry of Unification should "
                 "respond. Korea's government must protect those at risk of repatriation.",
         .language = "en", .date = "2023-10-12", .type = "press-release"},
        {.id = "en-un",
         .title = "Report to the U.N. Human Rights Council",
         .body = "The Commission of Inquiry report A/HRC/25/63 documented crimes against "
                 "humanity. Resolution 78/218 was co-sponsored by South Korea. See "
                 "www.ohchr.org for the text.",
         .language = "en", .date = "2024-01", .type = "report"},
        {.id = "ko-nsl",
         .title = "국가보안법 폐지 촉구 성명",
         .body = "국가보안법을 폐지해야 한다. 국가보안법 제7조는 찬양ㆍ고무ㆍ선전을 처벌한다. "
                 "검찰은 활동가들을 기소했다.",
         .language = "ko", .date = "2021-05-03", .type = "statement"},
        {.id = "ko-unification",
         .title = "통일부에 보내는 서한",
         .body = "통일부는 북한에서 탈출한 사람들의 인권을 보호해야 한다. UN인권이사회의 결의를 "
                 "이행하라. 2024년 보고서가 발표되었다.",
         .language = "ko", .date = "2024-03-15", .type = "letter"},
        {.id = "mixed-letter",
         .title = "Open letter on 통일부 policy",
         .body = "We write to the Ministry of Unification (통일부) about the North Korean Human "
                 "Rights Act (북한인권법). 통일부는 책임을 다해야 한다.",
         .language = "mixed", .date = "2018-07-01", .type = "open-letter"},
        {.id = "ko-nk",
         .title = "로동신문 보도 분석",
         .body = "로동신문은 력사를 왜곡했다. 리설주와 녀성 동맹이 등장했다. 랍치 피해자 문제는 "
                 "언급되지 않았다.",
         .language = "ko", .date = "2022-06-01", .type = "report"},
        {.id = "ko-spaced",
         .title = "세 계 인 권 선 언 기념 성명",
         .body = "국가 보안법 폐지와 인권 침해 중단을 요구한다. 정치범 수용소 실태를 조사하라. "
                 "북한 인권 재단을 설립하고 이주 로동자들의 권리를 보장하라.",
         .language = "ko", .date = "2019-12-10", .type = "statement"},
        {.id = "en-undated",
         .title = "Note on detention conditions",
         .body = "Detainees described detention conditions and the prosecution of activists.",
         .language = "en", .type = "report"},
    };
}

/// A temporary index holding sample_documents(), committed.
class SampleIndex {
public:
    SampleIndex() {
        Indexer ix(path());
        for (const auto& d : sample_documents()) ix.add(d);
        ix.commit();
    }
    std::filesystem::path path() const { return dir_ / "index"; }

private:
    TempDir dir_;
};

}  // namespace ngosearch::test
