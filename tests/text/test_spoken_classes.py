"""Classes of printed numbers a listener hears wrong first (issue 24), each as a rule with cases
and, where a property says more than examples, a hypothesis property over the whole class.

The oracle for a property is usually the plain form of the same number: a zero-padded date reads
as the unpadded one, digits spread apart by a PDF extractor read as the same digits together.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition.text.lexicon import Lexicon
from audio_edition.text.numerals import say_clock, say_integer
from audio_edition.text.spoken import LatinReading, SpokenReader
from tests.text.test_spoken import assert_chinese_kept

# A sixth of the profile's examples each (50 in the everyday run, 500 under thorough): a dozen
# properties, each example a full spoken-text pass.
EXAMPLES = settings(deadline=None, max_examples=max(20, settings().max_examples // 6))
READER = SpokenReader(Lexicon())  # module-level: hypothesis reuses it across examples
speak = READER.speak

NEWS = [
    # compound units with a slash
    ("血清钙为2.5mg/100mL。", "血清钙为二点五毫克每一百毫升。"),
    ("空腹血糖7.0mmol/L以上", "空腹血糖七点零毫摩尔每升以上"),
    ("PM2.5浓度38微克/m³", "PM二点五浓度三十八微克每立方米"),
    # a minus before ‰, a number, a fraction
    ("人口自然增长率为-1.48‰", "人口自然增长率为负千分之一点四八"),
    ("利润为-3亿元", "利润为负三亿元"),
    ("同比增长-1.5亿", "同比增长负一点五亿"),
    ("约占-1/3", "约占负三分之一"),
    # designators
    ("歼-20和运-20飞越天安门", "歼二十和运二十飞越天安门"),
    ("东风-41导弹", "东风四十一导弹"),
    ("9名米格-19飞行员", "九名米格十九飞行员"),
    ("“伊-26”号潜艇", "“伊二十六”号潜艇"),
    ("衰变产物钴-56（半衰期77天）", "衰变产物钴五十六，半衰期七十七天"),
    ("波音-737客机", "波音七三七客机"),
    ("视星等为-13。", "视星等为负十三。"),
    ("门槛-8000美元", "门槛负八千美元"),
    # zero-padded dates and times
    ("2024年04月03日07时58分", "二零二四年四月三日七时五十八分"),
    ("04月03日07时05分发生地震", "四月三日七时零五分发生地震"),
    ("2008-08", "二零零八年八月"),
    ("2008.08发布", "二零零八年八月发布"),
    ("08-08", "八月八日"),
    # digits spread apart by PDF extraction
    ("2 0 2 4 年 1 2 月", "二零二四年十二月"),
    ("同比增长1 2 . 5 %", "同比增长百分之十二点五"),
    # versions and addresses
    ("升级到V2.3.1版本", "升级到V二点三点一版本"),
    ("访问127.0.0.1", "访问一二七点零点零点一"),
    # phone numbers with an area code
    ("服务热线025-96110", "服务热线零二五九六幺幺零"),
    ("联系电话：0471-12345678转8001。", "联系电话：零四七幺幺二三四五六七八转八零零幺。"),
    ("他的电话是138 0013 8000。", "他的电话是幺三八零零幺三八零零零。"),
    ("M2余额达到299.8万亿元。", "M二余额达到两百九十九点八万亿元。"),
    # a year in a name, a document number, season pairs, eras, spans
    ("2023全国网上年货节开幕", "二零二三全国网上年货节开幕"),
    ("国发〔2014〕45号文件", "国发二零一四四十五号文件"),
    ("2013/2014赛季", "二零一三到二零一四赛季"),
    ("公元前221年秦统一六国", "公元前二二一年秦统一六国"),
    ("秦朝（公元前221年—前206年）", "秦朝，公元前二二一年到前二零六年"),
    ("公元1900年至2000年", "公元一九零零年至二零零零年"),
    ("公元31年", "公元三十一年"),
    ("公元900年", "公元九百年"),
    ("距今3000年", "距今三千年"),
    ("距今约5000多年", "距今约五千多年"),
    # athletics marks
    ("跳远成绩8米10", "跳远成绩八米一零"),
    ("以1分24秒565夺冠", "以一分二十四秒五六五夺冠"),
    ("他以2:05:30的成绩夺冠。", "他以两小时零五分三十秒的成绩夺冠。"),
    ("汪顺以1:55.00夺得金牌。", "汪顺以一分五十五秒零零夺得金牌。"),
    ("于5:35:36发射", "于五点三十五分三十六秒发射"),
    ("面积约9.6万km²", "面积约九点六万平方千米"),
    # + inside names, units in capitals
    ("打造5G+智慧工厂", "打造五G加智慧工厂"),
    ("重量10KG", "重量十千克"),
    ("全长50M", "全长五十米"),
    ("开通100M宽带", "开通一百M宽带"),
    # scores, ordinals, clocks, currency
    ("中国队3-1战胜日本队", "中国队三比一战胜日本队"),
    ("第123456名", "第十二万三千四百五十六名"),
    ("会议于8:00 a.m.开始", "会议于上午八点开始"),
    ("会议于2:02开始", "会议于两点零二分开始"),
    ("价格是A$13.5", "价格是十三点五澳元"),
    ("CNY 1.25", "一点二五人民币"),
    # arcs and signs
    ("东经116°23′，北纬39°54′", "东经一百一十六度二十三分，北纬三十九度五十四分"),
    ("东经116°23′17″", "东经一百一十六度二十三分十七秒"),
    ("π≈3.14", "π约等于三点一四"),
    # what PDF extractors write: U+2011 hyphens, U+2212 minus, full-width signs
    ("2021\u20112035年", "二零二一到二零三五年"),
    ("气温\u22125℃", "气温零下五摄氏度"),
    ("1／3的人", "三分之一的人"),
    ("第1、2季度", "第一、二季度"),
    # ranges stay ranges
    ("3号线-5号线", "三号线到五号线"),
    ("开辟出一条约8公里－10公里宽的走廊", "开辟出一条约八公里到十公里宽的走廊"),
    ("第78-99页", "第七十八到九十九页"),
    ("花被片9-11，", "花被片九到十一，"),
    ("比去年同期-3.5", "比去年同期负三点五"),
    ("1-2天", "一到两天"),
    ("5-10人", "五到十人"),
    ("上证指数报2023.12点", "上证指数报两千零二十三点一二点"),
]


@pytest.mark.parametrize(("printed", "spoken"), NEWS, ids=[p[:20] for p, _ in NEWS])
def test_news_classes(printed: str, spoken: str) -> None:
    assert speak(printed) == spoken


_YEARS = st.integers(1950, 2049)
_MONTHS = st.integers(1, 12)
_DAYS = st.integers(1, 28)


@EXAMPLES
@given(_YEARS, _MONTHS, _DAYS, st.integers(0, 23), st.integers(0, 59))
def test_a_zero_padded_date_reads_as_the_unpadded_one(
    year: int, month: int, day: int, hour: int, minute: int
) -> None:
    padded = speak(f"{year}年{month:02d}月{day:02d}日{hour:02d}时{minute:02d}分")
    assert padded == speak(f"{year}年{month}月{day}日{hour}时{minute:02d}分")
    assert not re.search("零[一二三四五六七八九十]+月", padded)


@EXAMPLES
@given(_YEARS, _MONTHS, st.sampled_from("-/."))
def test_a_year_and_padded_month_is_a_date(year: int, month: int, sep: str) -> None:
    assert speak(f"{year}{sep}{month:02d}") == speak(f"{year}年{month}月")


@EXAMPLES
@given(
    st.sampled_from(
        ["歼", "运", "轰", "直", "东风", "红旗", "长征", "鹰击", "翼龙", "神舟", "米格", "伊", "钴", "苏"]
    ),
    st.integers(1, 99),
    st.sampled_from(["", "战机", "飞越", "。", "型"]),
)
def test_a_designator_never_reads_minus(name: str, number: int, after: str) -> None:
    spoken = speak(f"{name}-{number}{after}")
    assert "负" not in spoken
    assert spoken == speak(f"{name}{number}{after}")


@EXAMPLES
@given(
    st.sampled_from(["为", "是", "达", "增长", "：", "，"]),
    st.decimals(0, 1000, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["", "‰", "%", "亿元", "/3"]),
)
def test_a_minus_sign_is_said(before: str, number: str, after: str) -> None:
    spoken = speak(f"{before}-{number}{after}")
    assert "负" in spoken
    assert spoken.replace("负", "", 1) == speak(f"{before}{number}{after}")


@EXAMPLES
@given(
    st.from_regex(r"[1-9][0-9]{0,3}(\.[0-9]{1,2})?", fullmatch=True),
    st.sampled_from(["年", "%", "亿元", "个"]),
)
def test_digits_spread_apart_read_as_digits_together(number: str, after: str) -> None:
    assert speak(" ".join(number) + " " + after) == speak(number + after)


@EXAMPLES
@given(st.integers(0, 23), st.integers(0, 59))
def test_a_clock_time_is_said_with_no_leading_zero(hour: int, minute: int) -> None:
    for printed in (f"{hour}:{minute:02d}", f"{hour:02d}:{minute:02d}"):
        spoken = speak(f"会议于{printed}开始")
        assert spoken == f"会议于{say_clock(str(hour), f'{minute:02d}')}开始"
        assert not spoken.startswith("会议于零") or hour == 0


@EXAMPLES
@given(
    st.integers(0, 999),
    st.integers(0, 999),
    st.sampled_from(["公里", "元", "号线", "个", "米", "人", "吨"]),
    st.sampled_from(["-", "－", "—", "～"]),
)
def test_a_dash_between_the_same_unit_is_a_range(low: int, high: int, unit: str, dash: str) -> None:
    spoken = speak(f"约{low}{unit}{dash}{high}{unit}")
    assert spoken == speak(f"约{low}{unit}到{high}{unit}")
    assert "负" not in spoken


@EXAMPLES
@given(st.integers(0, 5), st.integers(0, 5), st.sampled_from(["战胜", "击败", "。", "，"]))
def test_a_dash_between_goals_after_a_team_is_a_score(home: int, away: int, after: str) -> None:
    assert speak(f"中国队{home}-{away}{after}") == speak(f"中国队{home}比{away}{after}")


@EXAMPLES
@given(
    st.sampled_from(["mg/L", "mmol/L", "g/100mL", "微克/立方米", "kg/m³"]),
    st.decimals(0, 500, places=1, allow_nan=False, allow_infinity=False).map(str),
)
def test_a_compound_unit_is_said_per(unit: str, number: str) -> None:
    spoken = speak(f"含量为{number}{unit}")
    assert "每" in spoken
    assert not re.search(r"[A-Za-z/\d]", spoken), spoken


@EXAMPLES
@given(st.integers(0, 99), st.integers(0, 20), st.integers(0, 30))
def test_a_version_reads_dot_by_dot(major: int, minor: int, patch: int) -> None:
    spoken = speak(f"升级到{major}.{minor}.{patch}版")
    assert spoken == "升级到" + "点".join(map(say_integer, map(str, (major, minor, patch)))) + "版"


@EXAMPLES
@given(st.integers(1, 10**11))
def test_an_ordinal_is_a_count(number: int) -> None:
    assert speak(f"第{number}名") == f"第{say_integer(str(number))}名"


# --- any mix of the classes with words around them -------------------------------------------

_WORDS = st.sampled_from(
    [
        "增长",
        "同比",
        "全区",
        "热线",
        "气温",
        "亿元",
        "年",
        "月份",
        "个",
        "至",
        "队",
        "以",
        "，",
        "。",
        "（",
        "）",
    ]
)
_PIECES = st.one_of(
    st.builds("{}年{:02d}月{:02d}日".format, _YEARS, _MONTHS, _DAYS),
    st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.integers(0, 59)),
    st.builds("{}:{:02d}.{:02d}".format, st.integers(1, 9), st.integers(0, 59), st.integers(0, 99)),
    st.builds("{}-{}".format, st.sampled_from(["歼", "运", "东风", "长征"]), st.integers(1, 99)),
    st.builds(
        "-{}{}".format, st.decimals(0, 100, places=2).map(str), st.sampled_from(["‰", "%", "/3", "亿"])
    ),
    st.builds("{}.{}.{}".format, st.integers(0, 20), st.integers(0, 20), st.integers(0, 20)),
    st.builds("0{}-{}".format, st.integers(10, 999), st.integers(10000, 99999999)),
    st.builds("{}{}".format, st.sampled_from(["A$", "CNY", "₩", "HKD ", "€"]), st.integers(1, 10**6)),
    st.builds(
        "{}{}".format,
        st.decimals(0, 500, places=1).map(str),
        st.sampled_from(["mg/100mL", "mmol/L", "KG", "M"]),
    ),
    st.builds(" ".join, st.from_regex(r"[1-9][0-9]{1,3}", fullmatch=True)),
    st.builds("{}/{}赛季".format, st.integers(1990, 2030), st.integers(1990, 2030)),
    st.builds("国发〔{}〕{}号".format, _YEARS, st.integers(1, 99)),
    st.builds("{}-{}".format, st.integers(0, 120), st.integers(0, 120)),
    st.builds("第{}".format, st.integers(1, 10**12)),
)


@EXAMPLES
@given(st.lists(st.one_of(_WORDS, _PIECES), min_size=1, max_size=8).map("".join))
def test_any_mix_of_the_classes_reads_without_digits(printed: str) -> None:
    for latin in LatinReading:
        spoken = speak(printed, latin=latin)
        assert not re.search(r"[0-9%‰]", spoken), (printed, spoken)
        assert_chinese_kept(printed, spoken, READER.lexicon)
    assert not re.search(r"[A-Za-z]", speak(printed, latin=LatinReading.CHINESE))
