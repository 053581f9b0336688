# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared fixtures: a small index of English, Korean and mixed documents."""
import os

import pytest

import ngosearch

SOURCE_DIR = os.environ.get(
    "NGOSEARCH_SOURCE_DIR", os.path.dirname(os.path.dirname(os.path.dirname(__file__))))

DOCUMENTS = [
    dict(id="en-nsl", title="Letter on the National Security Law",
         body="We urge the government to repeal Article 7 of the National Security Law. "
              "Prosecutions under the law continue, and activists were prosecuted in 2019.",
         language="en", date="2020-02-21", type="letter",
         metadata={"author": "Coalition", "pages": "2"}),
    dict(id="ko-nsl", title="국가보안법 폐지 촉구 성명",
         body="국가보안법을 폐지해야 한다. 국가보안법 제7조는 찬양ㆍ고무ㆍ선전을 처벌한다. "
              "검찰은 활동가들을 기소했다.",
         language="ko", date="2021-05-03", type="statement"),
    dict(id="ko-unification", title="통일부에 보내는 서한",
         body="통일부는 북한에서 탈출한 사람들의 인권을 보호해야 한다. 문재인 대통령은 "
              "답하라. 2024년 보고서가 발표되었다.",
         language="ko", date="2024-03-15", type="letter"),
    dict(id="mixed-letter", title="Open letter on 통일부 policy",
         body="We write to the Ministry of Unification (통일부) about the North Korean Human "
              "Rights Act (북한인권법). 통일부는 책임을 다해야 한다.",
         language="mixed", date="2018-07-01", type="open-letter"),
    dict(id="emoji", title="🙂 기록 𠀀",
         body="😀😀 𠀀𠀁 앞에 쓴 글. 문재인 대통령은 국가보안법을 개정하라. 🇰🇷 끝.",
         language="ko", date="2022-01-01", type="note"),
]


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory):
    """The path of a committed index holding DOCUMENTS."""
    path = tmp_path_factory.mktemp("sample") / "index"
    with ngosearch.Index(path, create=True) as ix:
        for d in DOCUMENTS:
            ix.add(**d)
    return path
