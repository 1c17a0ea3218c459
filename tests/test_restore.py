import pytest

from scrapedocs.restore import (
    RestoreConfig, detect_script, fix_encoding_debris, fix_placeholders, fix_punctuation, fix_whitespace,
    restore, restore_and_explain, strip_pinyin, to_simplified,
)


# ---- pinyin annotations

@pytest.mark.parametrize("garbled, restored", [
    ("產(chǎn)權(quán)", "產權"),
    ("發(fā)布日期", "發布日期"),
    ("國務(wù)院", "國務院"),
    ("綠(lǜ)色", "綠色"),                 # ü with tone, Latin Extended
    ("經(jīng)濟", "經濟"),
    ("關(guān)注（zhù）", "關注"),          # full-width parentheses
    ("長(cháng)城與長(zhǎng)大", "長城與長大"),  # heteronyms both count
    ("重(chóng)新重(zhòng)要", "重新重要"),
])
def test_pinyin_of_the_character_before_is_dropped(garbled, restored):
    assert strip_pinyin(garbled) == restored


@pytest.mark.parametrize("text", [
    "產(quán)",              # a syllable, but not a reading of 產
    "中(zhong)",          # no tone: not what the artifact looks like
    "纲要(2021—2035年)", "(记者 孙自法)", "中心(TISC)", "(附全文)", "(完)", "(十三)", "A(b)",
])
def test_real_parentheses_stay(text):
    assert strip_pinyin(text) == text


# ---- placeholders

@pytest.mark.parametrize("garbled, restored", [
    ("首頁 ? 資訊 ? 政策法規", "首頁 > 資訊 > 政策法規"),
    ("2021-11-01??來源:中新社??作者:孫自法", "2021-11-01 來源:中新社 作者:孫自法"),
    ("2021-11-01?来源:新华网", "2021-11-01 来源:新华网"),
    ("[ 資訊搜索 ]? [ 加入收藏 ]", "[ 資訊搜索 ] [ 加入收藏 ]"),
    ("放大字體??縮小字體", "放大字體 縮小字體"),
    ("?", ""),
    (" ? ", ""),
])
def test_placeholders_are_repaired_from_context(garbled, restored):
    assert fix_placeholders(garbled) == restored


@pytest.mark.parametrize("text", ["这是为什么?", "How?", "是否合法?请说明", "What? Really?"])
def test_real_question_marks_stay(text):
    assert fix_placeholders(text) == text


# ---- punctuation

@pytest.mark.parametrize("flat, restored", [
    ("印发《规划》,强调开放", "印发《规划》，强调开放"),
    ("发布日期:2021-11-01", "发布日期：2021-11-01"),
    ("增长19.2%,知识产权", "增长19.2%，知识产权"),
    ("同志们!百舸争流", "同志们！百舸争流"),
    ("这是为什么?我们", "这是为什么？我们"),
    ("第一,坚持;第二,创新", "第一，坚持；第二，创新"),
    ("纲要(2021—2035年)》", "纲要（2021—2035年）》"),
    ("(十三)主动参与", "（十三）主动参与"),
    ("支持中心(TISC)挂牌", "支持中心（TISC）挂牌"),
    ("格局。(记者 孙自法)", "格局。（记者 孙自法）"),
    ("(完)", "（完）"),
])
def test_flattened_chinese_punctuation_is_restored(flat, restored):
    assert fix_punctuation(flat) == restored


@pytest.mark.parametrize("text", [
    "达1,105亿元", "于10:30召开", "比分2:1", "https://www.example.cn/a,b:c", "写信至 a.b@example.cn,",
    "China News Service, Beijing, September 22.",
    'issued the "Outline (2021-2035)" to disclose: yes!',
    "the Outline (纲要) is", "`a,b` 代码",
])
def test_numbers_urls_code_and_english_keep_ascii(text):
    assert fix_punctuation(text) == text


def test_url_inside_a_chinese_sentence_is_left_alone():
    assert fix_punctuation("见链接:https://a.cn/x,y,谢谢") == "见链接：https://a.cn/x,y,谢谢"


# ---- script

def test_script_is_decided_per_document():
    assert detect_script("知識產權保護工作關係國家治理體系") == "hant"
    assert detect_script("知识产权保护工作关系国家治理体系") == "hans"
    assert to_simplified("知識產權") == "知识产权"


# ---- encoding debris and white space

def test_mojibake_entities_and_zero_width_are_repaired():
    text = "“知识产权”保护，关系治理。"
    assert fix_encoding_debris(text.encode("utf-8").decode("latin-1")) == text
    assert fix_encoding_debris(text.encode("gbk").decode("latin-1")) == text
    assert fix_encoding_debris("知识&amp;产权&#12288;x") == "知识&产权\u3000x"
    assert fix_encoding_debris("知识\u200b产权\ufeff") == "知识产权"


def test_correct_chinese_and_curly_quotes_are_untouched_by_ftfy():
    text = "他说：“《纲要》‘很好’——真的！”（完）"
    assert fix_encoding_debris(text) == text


def test_whitespace_indents_and_nbsp():
    assert fix_whitespace("\u3000\u3000正文\u00a0内容  结束 ") == "正文 内容 结束"


# ---- the pipeline

def test_order_matters_pinyin_before_script():
    assert restore("發(fā)展", RestoreConfig(script=True)) == "发展"


def test_explain_names_the_repairs_in_order():
    text, applied = restore_and_explain("發(fā)布日期:2021-11-01??來源", RestoreConfig(script=True))
    assert text == "发布日期：2021-11-01 来源"
    assert applied == ["pinyin", "placeholders", "punctuation", "script"]
    assert restore_and_explain("正常。") == ("正常。", [])


def test_each_repair_can_be_switched_off():
    assert restore("產(chǎn)", RestoreConfig(pinyin=False)) == "產（chǎn）"
    assert restore("說:好", RestoreConfig(punctuation=False)) == "說:好"


def test_one_line_in_one_line_out():
    text = "第一行,\n?\n\n第三行"
    assert restore(text).count("\n") == text.count("\n")


def test_marks_between_latin_words_follow_the_sentence_language():
    assert fix_punctuation("使用Python,Java等语言") == "使用Python，Java等语言"
    assert fix_punctuation("他说Hello, world然后走了") == "他说Hello, world然后走了"
    assert fix_punctuation("the Outline (纲要) is here, ok") == "the Outline (纲要) is here, ok"
