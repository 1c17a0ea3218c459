"""A document in English, on made-up wire stories (not the seeds): headline, dateline, stray paragraphs."""
from __future__ import annotations

from helpers import make_doc
from scrapedocs.clean import clean
from scrapedocs.extract import extract
from scrapedocs.link.mentions import sentence_around
from scrapedocs.render import render
from scrapedocs.restore import restore_document
from scrapedocs.structure import structure

WIRE = """\
Xinhua News Agency, Shanghai, March 3. The municipal government yesterday released the "Regulations on Data \
Protection in the Free Trade Zone" to announce that, as part of its plan for an open economy, Shanghai will set up a \
cross-border data service centre by the end of the year.

The regulations cover data classification, security assessments and the handling of personal information.

Companies in the zone will be able to apply for a fast-track review of their data transfers.

The centre will also train compliance officers for small and medium-sized firms.

上海市人民政府日前发布《自由贸易试验区数据保护条例》，明确年底前建成跨境数据服务中心。（完）
"""


def convert(text: str, name: str = "wire.txt"):
    doc = structure(extract(restore_document(clean(make_doc(text, name)))))
    return render(doc)


def test_wire_story_gets_source_lang_and_a_headline_not_a_cut_sentence():
    doc = convert(WIRE)
    assert doc.meta["lang"] == "en"
    assert doc.meta["source"] == "Xinhua News Agency"
    title = doc.meta["title"]
    assert title == "Shanghai will set up a cross-border data service centre by the end of the year"
    assert not title.endswith("…")


def test_trailing_chinese_paragraph_leaves_the_body_but_is_shown_and_reported():
    doc = convert(WIRE)
    body = "\n".join(block.text for block in doc.blocks)
    assert "上海市人民政府" not in body
    assert any("not the English article" in w for w in doc.warnings)
    section = doc.markdown.split("## Untranslated paragraph in Chinese", 1)
    assert len(section) == 2 and "上海市人民政府日前发布" in section[1]
    assert '{: lang="zh" }' in section[1]


def test_a_short_first_line_is_the_headline():
    doc = convert("Shanghai opens data centre\n\nThe centre opened on Monday, officials said, and will serve "
                  "companies across the region.\n\nIt employs forty staff.\n")
    assert doc.meta["title"] == "Shanghai opens data centre"


def test_place_first_dateline():
    doc = convert("BEIJING, Sept. 22 (Reuters) - China said on Wednesday it would widen patent cooperation "
                  "with its trading partners.\n\nThe move follows talks in Geneva.\n\nMore talks are planned.\n")
    assert doc.meta["source"] == "Reuters"


def test_a_chinese_page_keeps_a_trailing_english_line():
    text = ("国务院近日印发规划，强调推进知识产权国际合作，实现国际合作取得新突破，备受海内外关注。\n\n"
            "规划提出，要主动参与知识产权全球治理，提升国际合作水平。\n\nSource: State Council\n")
    doc = convert(text, "zh.txt")
    assert doc.meta["lang"] == "zh"
    assert "Untranslated" not in doc.markdown


def test_backlink_quote_never_starts_or_ends_mid_word():
    text = ("China News Service, Beijing, September 22. The Central Committee of the Communist Party of China and "
            "the State Council recently issued the Outline for Building a Powerful Country with Intellectual Property "
            "Rights to disclose that China must deeply participate in global intellectual property governance and "
            "expand cooperation with many partners across the world in the years to come")
    start = text.index("Outline")
    quote = sentence_around(text, start, start + 7)
    assert quote.startswith("…") and quote.endswith("…")
    inner = quote.strip("…")
    assert text.find(inner) >= 0
    at = text.find(inner)
    assert text[at - 1] == " " and text[at + len(inner)] == " ", quote


def test_an_english_headline_wins_over_the_chinese_outlet_and_date_line_under_it():
    page = "Shanghai sets up a cross-border data service centre\n\n新京报 2020-06-11\n\n" + WIRE
    doc = convert(page)
    assert doc.meta["title"] == "Shanghai sets up a cross-border data service centre"
