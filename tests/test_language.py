"""Japanese and Korean pages are not Chinese in another script (issue 16, item 4), on made-up pages.

A Japanese page written with 記念, 開催, 予約, 疑問 keeps them: no script conversion, none of
the Chinese repairs (pinyin, placeholders, punctuation), `lang: ja` in its front matter and
on its page; Korean likewise. A Chinese page quoting Japanese stays Chinese.
"""
from __future__ import annotations

import pytest

from helpers import make_doc
from scrapedocs.clean import clean
from scrapedocs.extract import extract
from scrapedocs.extract.policy import apply_policy
from scrapedocs.language import language
from scrapedocs.render import render
from scrapedocs.restore import restore_document

JAPANESE = """\
トップ > ニュース > 社会
創立50周年記念式典を開催
2024年5月20日 10:00
市は20日、創立50周年を記念する式典を市民会館で開催した。式典には約300人が出席し、市長が「これからも市民とともに歩みたい」と述べた。
会場では記念品の予約受付も行われ、午前中に定員に達した。一部の市民からは、予約方法について疑問の声も上がった。
市によると、記念事業は来年3月まで続く予定だという。
"""

KOREAN = """\
홈 > 뉴스
창립 50주년 기념식 개최
2024년 5월 20일
시는 20일 창립 50주년을 기념하는 행사를 시민회관에서 개최했다. 행사에는 약 300명이 참석했으며, 시장은 "앞으로도 시민과 함께 하겠다"고 말했다.
행사장에서는 기념품 예약 접수도 진행되었고, 오전 중에 마감되었다. 일부 시민들은 예약 방법에 대해 의문을 제기했다.
"""


def convert(text: str, name: str = "page.txt"):
    return render(apply_policy(extract(restore_document(clean(make_doc(text, name))))))


# ---- deciding the language

@pytest.mark.parametrize("text, lang", [
    ("国务院印发《“十四五”国家知识产权保护和运用规划》，强调推进知识产权国际合作。", "zh"),
    ("國務院印發規劃，強調推進知識產權國際合作，備受海內外關注。", "zh"),
    ("創立50周年を記念する式典を市民会館で開催した。", "ja"),
    ("市は20日、式典を開催した。", "ja"),
    ("시는 20일 창립 50주년을 기념하는 행사를 개최했다.", "ko"),
    ("The State Council issued a plan on intellectual property.", "en"),
])
def test_language_of_a_paragraph(text, lang):
    assert language(text) == lang


def test_a_chinese_page_quoting_japanese_stays_chinese():
    # A few Japanese words inside Chinese sentences, and a whole Japanese sentence quoted in a shorter paragraph.
    text = ("日本动画《進撃の巨人》和《鬼滅の刃》在中国同样拥有大量观众，相关衍生品的版权保护问题受到关注。\n"
            "原作者在声明中写道：「無断転載を禁止します」。\n"
            "业内人士认为，跨国版权合作需要建立更加完善的授权机制，各方应当加强沟通与协调。")
    assert language(text) == "zh"


def test_a_japanese_page_with_kanji_only_lines_stays_japanese():
    # Names and headings written in kanji alone could be either language: they do not vote.
    text = "東京都知事選\n石丸伸二\n不動産\n市長は20日の定例会見で、立候補する思いを言葉にした。\n外国人観光客"
    assert language(text) == "ja"


def test_mixed_pages_go_to_the_language_most_of_the_text_is_in():
    chinese = "国务院近日印发规划，强调推进知识产权国际合作，实现国际合作取得新突破，备受海内外关注。"
    japanese = "市は20日、創立50周年を記念する式典を市民会館で開催し、約300人が出席したと発表した。"
    assert language("\n".join([chinese, chinese, japanese])) == "zh"
    assert language("\n".join([japanese, japanese, chinese])) == "ja"


def test_the_middle_dot_of_a_chinese_name_is_not_kana():
    assert language("卡尔・马克思的著作在德国出版，影响深远，至今仍被广泛阅读和研究。") == "zh"


# ---- what the page becomes

def test_a_japanese_page_keeps_its_script_and_gets_lang_ja():
    doc = convert(JAPANESE)
    body = "\n".join(line.text for line in doc.body)
    for word in ("記念", "開催", "予約", "疑問", "会館"):
        assert word in body, word
    for converted in ("记念", "开催", "予约", "疑问"):
        assert converted not in body, converted
    assert doc.meta["lang"] == "ja"
    assert doc.meta["title"] == "創立50周年記念式典を開催"
    assert "original_script" not in doc.meta, "Japanese is not Traditional Chinese"
    assert "script" not in doc.repairs
    assert "\nlang: ja\n" in doc.markdown


def test_a_japanese_page_gets_none_of_the_chinese_repairs():
    text = JAPANESE.replace("述べた。", "述べた!?").replace("開催した。", "開催した(予定通り)。")
    text = text.replace("約300人", "約300人(やく)")  # a reading in kana, not pinyin
    doc = convert(text)
    body = "\n".join(line.text for line in doc.body)
    assert "述べた!?" in body, "ASCII marks in Japanese are left as written"
    assert "開催した(予定通り)" in body
    assert "約300人(やく)" in body
    assert not set(doc.repairs) & {"pinyin", "placeholders", "punctuation", "script"}


def test_a_korean_page_gets_lang_ko_and_its_hanja_stay():
    doc = convert(KOREAN.replace("시민회관", "市民會館"))
    assert doc.meta["lang"] == "ko"
    assert "市民會館" in "\n".join(line.text for line in doc.body)
    assert doc.meta["title"] == "창립 50주년 기념식 개최"
    assert doc.meta["date"] == "2024-05-20"


def test_a_japanese_html_page_title_is_left_as_written():
    html = ("<html><head><meta charset='utf-8'><title>創立50周年記念式典を開催 - 市民ニュース</title></head><body>"
            "<nav>トップ ニュース 社会</nav><article><h1>創立50周年記念式典を開催</h1>"
            + "".join(f"<p>{line}</p>" for line in JAPANESE.splitlines()[3:]) + "</article></body></html>")
    doc = make_doc(html, "page.html")
    doc.kind = "html"
    doc = convert_doc(doc)
    assert doc.meta["lang"] == "ja"
    assert doc.meta["title"] == "創立50周年記念式典を開催"
    assert "疑問の声" in "\n".join(line.text for line in doc.body)


def convert_doc(doc):
    return render(apply_policy(extract(restore_document(clean(doc)))))


def test_a_traditional_chinese_page_quoting_a_japanese_line_converts_only_the_chinese():
    text = ("首頁 > 資訊\n日本動畫版權合作論壇舉行\n"
            "日本動畫在中國擁有大量觀眾，相關衍生品的版權保護問題受到業界關注，各方呼籲加強合作。\n"
            "原作者在聲明中寫道：「作品の無断転載を禁止します。記念グッズの予約は公式サイトで受け付けています。」\n"
            "業內人士認為，跨國版權合作需要建立更加完善的授權機制，各方應當加強溝通與協調。\n")
    doc = convert(text)
    body = "\n".join(line.text for line in doc.body)
    assert doc.meta["lang"] == "zh" and doc.meta["original_script"] == "hant"
    assert "版权保护" in body and "业内人士" in body
    assert "記念グッズの予約" in body, "the Japanese quotation is left as written"


def test_an_english_page_stays_english():
    text = ("Xinhua News Agency, Shanghai, March 3. The municipal government released new rules on data "
            "protection in the free trade zone on Monday.\n\nCompanies will be able to apply for a fast-track "
            "review of their data transfers.\n")
    doc = convert(text)
    assert doc.meta["lang"] == "en"
