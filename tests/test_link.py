"""Citations become links: registry, folding, mention matching, cited pages, backlinks."""
from __future__ import annotations

from scrapedocs.config import BuildConfig
from scrapedocs.link import Registry, find_mentions, fold, link_collection
from scrapedocs.model import Block, Collection
from scrapedocs.pipeline import build_collection

from conftest import ROOT
from helpers import make_doc


def _doc(name, title, *paragraphs):
    doc = make_doc("", name)
    doc.meta = {"title": title}
    doc.slug = name.split(".")[0]
    doc.blocks = [Block("paragraph", p) for p in paragraphs]
    return doc


def test_folding_ignores_script_width_quotes_dashes_year_and_country_prefix():
    assert fold("《知识产权强国建设纲要（2021—2035年）》") == fold("知识产权强国建设纲要(2021-2035)")
    assert fold("“十四五”國家知識產權保護和運用規劃") == fold("十四五国家知识产权保护和运用规划")
    assert fold("中华人民共和国专利法") == fold("专利法")


def test_longest_title_wins_and_generic_short_names_link_only_where_defined():
    a = _doc("a.txt", "甲", "国务院印发《关于强化知识产权保护的意见》（以下简称《意见》）。《意见》提出要求。")
    b = _doc("b.txt", "乙", "《意见》是另一份文件的简称。")
    reg = Registry.build([a, b], [])
    auto = reg.automaton()
    in_a = [a.blocks[0].text[m.start:m.end] for m in find_mentions(a.blocks[0].text, a, reg, auto)]
    assert in_a == ["《关于强化知识产权保护的意见》", "《意见》", "《意见》"]  # the definition, then the use
    assert find_mentions(b.blocks[0].text, b, reg, auto) == []


def test_a_shorter_title_inside_a_longer_one_is_not_a_mention():
    a = _doc("a.txt", "甲", "《专利法》修改。", "《关于〈专利法〉修改的说明》发布。")
    reg = Registry.build([a], [])
    auto = reg.automaton()
    spans = [a.blocks[1].text[m.start:m.end] for m in find_mentions(a.blocks[1].text, a, reg, auto)]
    assert spans == ["《关于〈专利法〉修改的说明》"]


def test_ambiguous_alias_gets_no_link_and_a_report_line(tmp_path):
    (tmp_path / "aliases.yml").write_text("""documents:
  - {title: 甲规划全文甲, aliases: [共同简称规划名]}
  - {title: 乙规划全文乙, aliases: [共同简称规划名]}
""", encoding="utf-8")
    a = _doc("a.txt", "甲页面标题", "落实共同简称规划名的要求。")
    collection = link_collection(Collection([a], config=BuildConfig(project_dir=tmp_path)))
    assert a.blocks[0].links == []
    assert any("ambiguous" in w for w in collection.warnings)


def test_seeds_citations_reach_the_cited_pages():
    collection = build_collection(ROOT / "seeds")
    pages = {doc.relpath[:3]: doc for doc in collection.published}

    def targets(key, needle):
        doc = pages[key]
        return {link.target for b in doc.blocks for link in b.links if needle in b.text[link.start:link.end]}

    plan, outline = pages["001"].page, pages["002"].page
    assert targets("000", "《“十四五”国家知识产权保护和运用规划》") == {plan}
    assert targets("003", "“十四五”时期国家知识产权保护和运用规划") == {plan}
    (cited,) = targets("000", "《知识产权强国建设纲要（2021—2035年）》")
    assert cited.startswith("cited/") and outline in collection.pages[cited].replace("../", "")
    assert targets("004", "知识产权强国战略纲要（2021-2035）") == {cited}
    # Each cited page links back to its citers.
    assert "000_29e46c3a256b3124.md" in pages["001"].markdown.split("## 被引用", 1)[1]
    back = pages["002"].markdown.split("## 被引用", 1)[1]
    assert "000_29e46c3a256b3124.md" in back and "004_991a9348aedf864f.md" in back
    # Documents the collection does not hold are the collector's to-do list.
    assert "专利审查指南" in collection.pages["cited/index.md"].split("尚未收录", 1)[1]


def test_a_document_is_linked_at_its_first_mention_in_a_paragraph_and_every_mention_counts():
    """Wikipedia's rule: later mentions in the same paragraph stay text; 被引用 counts them all."""
    held = _doc("held.txt", "关于加强知识产权保护的意见", "正文。")
    sentence = "根据《关于加强知识产权保护的意见》和《专利审查指南》，落实《关于加强知识产权保护的意见》。"
    citing = _doc("citing.txt", "某地贯彻落实情况", sentence * 50, "再次提到《关于加强知识产权保护的意见》。")
    link_collection(Collection([held, citing], config=BuildConfig(project_dir=ROOT)))
    first, second = citing.blocks
    assert [(first.text[link.start:link.end], link.target) for link in first.links] == [
        ("《关于加强知识产权保护的意见》", held.page), ("《专利审查指南》", first.links[1].target)]
    assert first.links[0].start == sentence.index("《")  # the first mention, not a later one
    assert len(second.links) == 1, "a new paragraph links the document again"
    appendix = "\n".join(held.appendix)
    assert "（引用 101 处）" in appendix, "every mention counts under 被引用, linked or not"


def test_one_document_cannot_flood_the_registry(tmp_path):
    """Titles cited in 《》 become pages under cited/: one hostile page adds at most MAX_CITED of them."""
    from scrapedocs.link.facts import MAX_CITED, MAX_CITED_TITLE, gather

    made_up = "".join(f"《关于第{i}号知识产权事项的通知》" for i in range(MAX_CITED + 300))
    doc = gather(_doc("flood.txt", "标题", made_up, "《" + "很长" * MAX_CITED_TITLE + "》"))
    titles = {key for key, _ in doc.facts["link"]["cited"]}
    assert len(titles) == MAX_CITED and "关于第0号知识产权事项的通知" in titles
    assert any("300 distinct titles cited" in w for w in doc.warnings)
    collection = link_collection(Collection([doc], config=BuildConfig(project_dir=tmp_path)))
    lists = ("cited/index.md", "cited/held", "cited/missing")  # the list of cited documents, paginated
    assert len([p for p in collection.pages if p.startswith("cited/") and not p.startswith(lists)]) == MAX_CITED


def test_a_rebuild_with_the_same_names_takes_the_scans_of_unchanged_texts(tmp_path):
    """`link.scans`: the automaton's matches are kept under the text and the set of names; an unchanged
    text is not scanned again, a changed text or a changed set of names is, and the links are the same."""
    from dataclasses import replace

    from scrapedocs.link.scans import Scans

    config = BuildConfig(project_dir=tmp_path, report=tmp_path / "build" / "report.json")
    scanned: list[int] = []
    folded: list[int] = []  # texts whose positions were worked out again
    original = Scans.save

    def save(self):
        scanned.append(self.scanned)
        folded.append(self.folded)
        original(self)

    def build(text: str, title: str = "关于强化知识产权保护的意见", cfg=config):
        held = _doc("held.txt", title, "正文。")
        citing = _doc("citing.txt", "引用者", text, "另见《专利法实施细则》。")
        other = _doc("other.txt", "专利法实施细则", "第一条。")
        link_collection(Collection([held, citing, other], config=cfg))
        return [[(link.start, link.end, link.target) for link in b.links] for b in citing.blocks]

    Scans.save = save
    try:
        first = build("依照《关于强化知识产权保护的意见》办理。")
        assert first[0] and first[1] and scanned[-1] > 0 and folded[-1] > 0
        assert build("依照《关于强化知识产权保护的意见》办理。") == first and scanned[-1] == 0 and folded[-1] == 0
        moved = build("前言。依照《关于强化知识产权保护的意见》办理。")  # the text changed: scanned again
        assert scanned[-1] > 0 and folded[-1] == 1 and moved[0][0][0] == first[0][0][0] + 3
        # Where a match stands depends on the text itself: the same text in Traditional script, quoted,
        # folds as the last one did (its scan is taken) but its positions are its own.
        traditional = build("前言。依照“關於強化知識產權保護的意見”辦理。")
        assert scanned[-1] == 0 and folded[-1] == 1 and traditional[0][0][:2] == moved[0][0][:2]
        # The names changed (a title corrected): every text is scanned with the new automaton.
        renamed = build("依照《关于强化知识产权保护的意见》办理。", title="关于强化知识产权保护的意见（修订）")
        assert scanned[-1] > 0
        assert renamed == build("依照《关于强化知识产权保护的意见》办理。", title="关于强化知识产权保护的意见（修订）",
                                cfg=replace(config, use_cache=False))
    finally:
        Scans.save = original


def _automaton(names):
    import ahocorasick

    auto = ahocorasick.Automaton()
    for name in names:
        auto.add_word(name, name)
    auto.make_automaton()
    return auto


def test_scans_are_kept_with_their_names_and_taken_only_where_the_names_that_changed_cannot_be_met(tmp_path):
    """`link.scans`: the same names take every kept scan; other names take a kept scan only of a text
    holding none of the departures (a name that changed could be met there: the text is scanned again)."""
    from scrapedocs.link.scans import Scans

    config = BuildConfig(project_dir=tmp_path, report=tmp_path / "build" / "report.json")

    def scans(names, *texts):
        found = Scans(_automaton(names), names, config)
        got = [found.iter_long(text) for text in texts]
        assert got == [tuple(_automaton(names).iter_long(text)) for text in texts]  # always what a scan finds
        found.save()
        return found.scanned

    cites, other = "依照专利法实施细则办理", "商标法第二条"
    assert scans(["专利法", "商标法"], cites, other) == 2
    assert scans(["商标法", "专利法"], cites, other) == 0  # the same names, in another order
    assert scans(["专利法", "商标法", "专利法实施细则"], cites, other) == 1  # a longer name met in `cites` only
    assert scans(["专利法", "商标法", "专利法实施细则", "版权法"], cites, other) == 0  # 版 is in neither text
    assert scans(["专利法", "商标法", "专利法实施细则", "版权法", "商标"], cites, other) == 1  # ends inside 商标法
    assert scans(["专利法", "商标法", "专利法实施细则", "版权法", "商标", "第二"], cites, other) == 1  # 第: `other` only


def _random_names(rng):
    """Two sets of names over a small alphabet (so that names share prefixes and end inside each other),
    the second a few names away from the first, and the maker of random words over that alphabet."""
    alphabet = "专利法则"[:rng.randint(2, 4)]

    def word(n):
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, n)))

    before = {word(6) for _ in range(rng.randint(1, 8))}
    now = set(before)
    for _ in range(rng.randint(1, 3)):
        if now and rng.random() < 0.5:
            now.discard(rng.choice(sorted(now)))
        else:
            now.add(word(6))
    return word, before, now


def test_a_scan_is_the_same_for_two_sets_of_names_on_a_text_holding_none_of_their_departures():
    """The rule `link.scans` relies on, against the library itself: random names over a small alphabet
    (so that names share prefixes and end inside each other), random texts."""
    import random

    from scrapedocs.link.scans import departures

    rng = random.Random(18)
    checked = 0
    for _ in range(20000):
        word, before, now = _random_names(rng)
        text = word(40)
        if not now or now == before or any(part in text for part in departures(before, now)):
            continue
        checked += 1
        a, b = _automaton(before), _automaton(now)
        assert list(a.iter_long(text)) == list(b.iter_long(text)), (before, now, text)
        assert list(a.iter(text)) == list(b.iter(text)), (before, now, text)
    assert checked > 1000


def test_fold_positions_are_those_of_fold_map():
    """The link stage works out positions with `fold_positions`: the same as `fold_map`'s, 年 dropped
    after a year (also when written as a compatibility ideograph), quotes, spaces and brackets too."""
    from scrapedocs.link.fold import fold_map, fold_positions, fold_text

    for text in ["《知识产权强国建设纲要（2021—2035年）》", "“专利 法”", "2021\uf98e)", "無年份的標題",
                 "（2016-2020年）和2025年,", "", "ａｂｃ　ｄ ½", "2020年度报告", "2035年）与2025年"]:
        assert fold_positions(text).tolist() == fold_map(text)[1], text
        # as the link stage calls it, with the length of the folded text the `citations` stage kept
        assert fold_positions(text, len(fold_text(text))).tolist() == fold_map(text)[1], text


def test_a_text_scanned_again_only_in_its_lines_holding_a_departure_is_scanned_as_a_whole():
    """`link.scans.rescan` against the library: a text of several lines (a document's paragraphs), kept
    from a scan with other names, scanned again only in the lines holding a departure, gives the
    matches of a scan of the whole text with the new names."""
    import random

    from scrapedocs.link.scans import departures, rescan

    rng = random.Random(18)
    partial = 0
    for _ in range(5000):
        word, before, now = _random_names(rng)
        if not now or now == before:
            continue
        text = "\n".join(word(12) for _ in range(rng.randint(1, 6)))
        parts = departures(before, now)
        met = {part for part in parts if part in text}
        lines = text.split("\n")
        partial += bool(met) and any(not any(part in line for part in met) for line in lines)
        kept = tuple(_automaton(before).iter_long(text))
        assert rescan(_automaton(now), text, kept, met) == tuple(_automaton(now).iter_long(text)), (before, now, text)
    assert partial > 500  # texts with some lines kept and some scanned again
