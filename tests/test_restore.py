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
    assert fix_punctuation("见链接:https://a.cn/x,y,谢谢") == "见链接：https://a.cn/x,y，谢谢"


# ---- script

def test_script_is_decided_per_document():
    assert detect_script("知識產權保護工作關係國家治理體系") == "hant"
    assert detect_script("知识产权保护工作关系国家治理体系") == "hans"
    assert to_simplified("知識產權") == "知识产权"


def test_a_long_page_is_judged_by_all_of_it():
    # s2t is read part by part: a Simplified opening does not decide a page that is Traditional after it
    simplified, traditional = "知识产权保护工作关系国家治理体系。\n" * 150, "知識產權保護工作關係國家治理體系。\n" * 300
    assert detect_script(simplified + traditional) == "hant"
    assert detect_script(traditional[:2000] + simplified * 2) == "hans"


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


# ---- more cases, one per rule of the brief

def test_tone_letters_come_from_pypinyin_and_cover_both_unicode_blocks():
    from scrapedocs.restore import TONE_LETTERS

    for letter in "àáèéìíòóùúü" + "āǎēěīǐōǒūǔǖǘǚǜ":
        assert letter in TONE_LETTERS


@pytest.mark.parametrize("garbled, restored", [
    ("產(cha\u030cn)權", "產權"),        # decomposed tone mark, compared after NFC
    ("女(nǚ)士", "女士"),                 # ǚ, Latin Extended-B
    ("國務(wù)院印發(fā)", "國務院印發"),
])
def test_pinyin_more_cases(garbled, restored):
    assert strip_pinyin(garbled) == restored


def test_pinyin_of_another_character_is_kept():
    assert strip_pinyin("產(quán)權(chǎn)") == "產(quán)權(chǎn)"
    assert strip_pinyin("中(zhōng)(TISC)") == "中(TISC)"


@pytest.mark.parametrize("garbled, restored", [
    ("當前位置: 首頁 ? 資訊 ? 政策法規 ? 理論與實踐 ? 正文", "當前位置: 首頁 > 資訊 > 政策法規 > 理論與實踐 > 正文"),
    ("發布日期:2021-11-01??來源:中新社??作者:孫自法??瀏覽次數:1105",
     "發布日期:2021-11-01 來源:中新社 作者:孫自法 瀏覽次數:1105"),
    ("[ 資訊搜索 ]? [ 加入收藏 ]? [ 打印本文 ]? [ 關閉窗口 ]", "[ 資訊搜索 ] [ 加入收藏 ] [ 打印本文 ] [ 關閉窗口 ]"),
    ("[ 搜索 ] ? [ 收藏 ]", "[ 搜索 ] [ 收藏 ]"),         # toolbar, not a breadcrumb "]>["
    ("首页?|?关于我们", "首页 | 关于我们"),
    ("2021-11-01?责任编辑:张三", "2021-11-01 责任编辑:张三"),
    ("  ??  ", ""),
])
def test_placeholders_more_cases(garbled, restored):
    assert fix_placeholders(garbled) == restored


@pytest.mark.parametrize("text", [
    "是这样吗[1]?",            # a question mark before a footnote or after one stays
    "为什么?[1]",
    "你是作者?作者说不是",      # a label word without its colon is not a metadata field
    "这是一个非常非常非常非常非常非常非常非常非常非常长的问题 ? 回答",  # not short breadcrumb items
])
def test_placeholders_leave_real_question_marks(text):
    assert fix_placeholders(text) == text


@pytest.mark.parametrize("flat, restored", [
    ("来源: 中新社", "来源：中新社"),                  # a full-width mark carries its own spacing
    ("邮箱: a.b@qq.com,欢迎来信", "邮箱：a.b@qq.com，欢迎来信"),
    ("工作时间:周一至周五,8:00-18:00,节假日休息", "工作时间：周一至周五，8:00-18:00，节假日休息"),
    ("见 www.example.cn/a,b。", "见 www.example.cn/a,b。"),
    ("他说:“好!”", "他说：“好！”"),
])
def test_punctuation_more_cases(flat, restored):
    assert fix_punctuation(flat) == restored


@pytest.mark.parametrize("text", [
    "Deepen cooperation in the “Belt and Road Initiative”, build a platform.",
    "China’s intellectual property power country also includes: building",
    "知识产权，保护。“《纲要》”（完）",
])
def test_english_and_full_width_text_is_untouched(text):
    assert restore(text) == text


def test_encoding_debris_leaves_full_width_forms_and_clean_text_alone():
    for text in ["２０２１年，“知识产权”！", "【资讯】「引号」『书名』", "Plain ASCII, nothing to do."]:
        assert fix_encoding_debris(text) == text
    assert restore("知识&nbsp;&nbsp;产权") == "知识 产权"
    assert fix_encoding_debris("a\u200cb\u200dc\u2060d") == "abcd"


def test_whitespace_rules():
    assert fix_whitespace("\u3000\u3000  \u00a0正文") == "正文"
    assert fix_whitespace("a \u00a0 b\t") == "a b"
    assert fix_whitespace("\u00a0") == ""


def test_multi_line_input_is_repaired_line_by_line():
    text = "首頁 ? 資訊\n?\n發(fā)布:2021??來源\n  English, kept.  \n"
    restored, applied = restore_and_explain(text)
    assert restored == "首頁 > 資訊\n\n發布：2021 來源\nEnglish, kept.\n"
    assert applied == ["pinyin", "placeholders", "punctuation", "whitespace"]
    for repair in (fix_encoding_debris, strip_pinyin, fix_placeholders, fix_punctuation, fix_whitespace):
        assert repair(text).count("\n") == text.count("\n")


def test_config_lists_the_repairs_in_order():
    from dataclasses import fields

    from scrapedocs.restore import REPAIRS

    assert [name for name, _ in REPAIRS] == [
        "encoding", "pinyin", "placeholders", "punctuation", "script", "whitespace"]
    assert [f.name for f in fields(RestoreConfig)] == [name for name, _ in REPAIRS]
    assert RestoreConfig().script is False
    with pytest.raises(AttributeError):
        RestoreConfig().pinyin = False
