"""Pages printed by ``pdftotext -layout``: the columns side by side at fixed positions, cut
apart by where they start and read as pdftotext's plain mode prints them (``columns_apart``)."""

from __future__ import annotations

from audio_edition.text import parse_page
from audio_edition.text.columns_apart import columns_apart, cut_columns, is_layout_mode

# The top of a typeset page as pdftotext -layout printed it: the running head, a kicker, headline
# and subtitle over a caption, then the story's three columns side by side (CJK characters take
# one position each, so the columns start at the same positions all down the page).
THREE_COLUMNS = """\
2024 年 3 月 5 日   星期二                                 要闻                                        第2版



一线见闻

银发经济激发消费新活力
——一位老支书的三十年坚守




图为满载货物的车辆有序通过口岸查验通道。            郑凯 摄
    本报赤峰 3 月 1 日电          同比增长百分之二十二点         了四成。养老服务中心开设
（记者 周涛）下一步，当地将             五。治沙工人们顶着风沙扎        了康复理疗、文化娱乐等项
 继续完善配套设施，推动各              设草方格，一棵棵梭梭、沙        目，满足老年人多样化需
 项工作取得新的更大成效。              柳在沙丘上扎下了根。文旅        求。
 路通了，牧民的牛羊和奶制              部门统计显示，元旦假期全           一张蓝图绘到底
 品可以直接卖到城里，收入              市共接待游客四十六万人            一辆辆满载煤炭、木材
 一年比一年高。通过“空中              次，旅游收入三点二亿元。        和农产品的货车有序通过
 课堂”，偏远牧区的孩子们              科技赋能让老产业焕发新         查验通道，驶向全国各地。
 也能和城里学生同上一堂                    生机             在他们的指导下，村里建起
 课。                          “饭菜合口味，价钱也        了温室大棚，种上了反季节
    学校负责人介绍，目前             不贵，我们老两口几乎天天        蔬菜。
 已有一百四十多所农村牧               来吃。”七十八岁的赵大爷
 区学校接入了远程教学平               说。口岸管理部门推行“提
 台。前十个月，口岸进出口              前申报、货到放行”模式，
 货运量达到一千八百万吨，              通关时间比去年同期缩短



"""

# Three columns of three stories, the last two set tight: where a line of the middle column runs
# full, pdftotext -layout leaves one space before the next column (``亩， 餐饮``).
TIGHT_COLUMNS = """\
图为游客在冰雪乐园体验滑雪的乐趣。               陈静 摄
   新华社北京 3 月 3 日          磁材料实现了规模化生      政务服务大厅推行
电进入冬季，冰雪乐园、               产。           “一窗受理、集成服务”，群
滑雪场相继开门迎客，吸               服务——网格员上门排查   众办事只需跑一次。通过
引了大批外地游客前来体                     隐患     “空中课堂”，偏远牧区的
验。
 “家里暖和了，老人孩                  今年全区粮食总产量  孩子们也能和城里学生同
子过冬心里就踏实了。”家              达到七百九十一亿斤，连   上一堂课。
住新华街道的王大妈笑着               续多年稳定在七百亿斤以     沿黄各旗县区持续开
说。社区工作人员逐户征               上。路通了，牧民的牛羊   展河道清理和岸线整治，
求居民意见，把群众最关               和奶制品可以直接卖到城   水质稳定保持在三类以
心的问题列入改造清单。               里，收入一年比一年高。   上。当地推出了冰雪节、那
   湿地公园里，芦苇随                 今年全旗计划种植玉  达慕等特色活动，带动了
风摇曳，成群的候鸟在水               米、大豆等作物八十万亩， 餐饮、住宿等行业的发展。
面上觅食嬉戏。园区内，               良种覆盖率达到百分之九   这条公路全长六十八公
新建的生产线正在紧张调               十八以上。目前，全市已有  里，串起了沿线十二个嘎
试，预计明年上半年即可               八百多个政务服务事项实   查村和三个旅游景区。
投产达效。稀土企业加大               现了网上办、掌上办。
研发投入，一批高性能永

"""

# Two stories side by side, each over its columns, their kicker, headline and subtitle centred
# over them (so each tier starts where it may, the headline crossing a column's start).
HEADS_SIDE_BY_SIDE = """\
2024 年 3 月 5 日   星期二                         要闻                                         第2版



                                学习贯彻全会精神                                               学习贯彻全会精神
                 全区粮食产量再创历史新高                                                银发经济激发消费新活力
                       城乡居民收入增速快于经济增长                                        ——全区各地多措并举确保群众温暖过冬
  新华社赤峰 3 月 1 日电           们老两口几乎天天来吃。”        苇随风摇曳，成群的候鸟在          本报满洲里 3 月 1 日电   把群众最关心的问题列入
学校负责人介绍，目前已有               七十八岁的赵大爷说。政务        水面上觅食嬉戏。（吴敏）        社区食堂每天中午供应两        改造清单。
一百四十多所农村牧区学                服务大厅推行“一窗受理、                            荤两素一汤，老年人就餐还         治沙工人们顶着风沙
校接入了远程教学平台。前               集成服务”，群众办事只需                            能享受优惠。光伏板整齐排       扎设草方格，一棵棵梭梭、
十个月，口岸进出口货运量               跑一次。                                    列在沙地上，板下种植的牧       沙柳在沙丘上扎下了根。业
达到一千八百万吨，同比增                 养老服务中心开设了                             草既能固沙，又能喂养牛        内人士认为，产业链向下游
长百分之二十二点五。                 康复理疗、文化娱乐等项                             羊。生态环境部门建立了跨       延伸，有利于把资源优势转
  口岸管理部门推行“提               目，满足老年人多样化需                             区域联防联控机制，实现了       化为发展优势。一辆辆满载
前申报、货到放行”模式，通              求。下一步，当地将继续完                            监测数据实时共享。社区工       煤炭、木材和农产品的货车
关时间比去年同期缩短了                善配套设施，推动各项工作                            作人员逐户征求居民意见，       有序通过查验通道，驶向全
四成。路通了，牧民的牛羊               取得新的更大成效。风电场                                               国各地。（张晓明）
和奶制品可以直接卖到城                里，一排排白色风机迎风转
里，收入一年比一年高。   “饭           动，源源不断地将绿色电能
菜合口味，价钱也不贵，我               送入电网。湿地公园里，芦
"""

# A page's top where a full line of the first column pushed the second's line left of where the
# second column starts (``年上半年即可投产达效。 货到放行”模式``): no position tells the cut.
CROSSING_LINE = """\
2024 年 3 月 5 日   星期二                                要闻                                       第2版


                                           新春走基层
                                                                                   今日导读
                        乡村学校用上“空中课堂”                                            社区食堂端出“幸福味道”
                                                                                第4版
                                                                                稀土新材料产业链加速延伸
                                                                                第2版
                                                                                全区粮食产量再创历史新高
                                                                                第2版




图为改造后的小区环境焕然一新。            新华社发
   新华社阿拉善 3 月 2 “家里暖和了，老人孩子过                  之十提高到百分之四十以
日电（记者 王建国）通      冬心里就踏实了。”家住新                 上。稀土企业加大研发投
过“空中课堂”，偏远牧区     华街道的王大妈笑着说。                  入，一批高性能永磁材料
的孩子们也能和城里学生      保障——应急队伍随时待                  实现了规模化生产。在他
同上一堂课。高标准农田           命                       们的指导下，村里建起了
建设持续推进，节水灌溉                                   温室大棚，种上了反季节
面积进一步扩大，耕地质        湿地公园里，芦苇随                  蔬菜。风电场里，一排排
量稳步提升。政务服务大      风摇曳，成群的候鸟在水                  白色风机迎风转动，源源
厅推行“一窗受理、集成      面上觅食嬉戏。热力公司                  不断地将绿色电能送入电
服务”，群众办事只需跑一     设立了二十四小时服务热                  网。
次。               线，群众反映的问题做到
   园区内，新建的生产     当天受理、限时办结。口岸
线正在紧张调试，预计明      管理部门推行“提前申报、
年上半年即可投产达效。 货到放行”模式，通关时间
生态环境部门建立了跨区      比去年同期缩短了四成。
域联防联控机制，实现了      据悉，该项目总投资五十
监测数据实时共享。老师      六亿元，建成后可年产各
们利用课余时间集体备       类产品二十万吨。
课，把优质教学资源转化        经过多年治理，项目
为适合本校学生的课程。 区植被覆盖度由不足百分
"""

# The same page's top as pdfplumber prints it: a line of each column on one line, a space apart,
# nothing at fixed positions.
UNALIGNED = """\
2024年3月5日 星期二 要闻 第2版
一线见闻
银发经济激发消费新活力
——一位老支书的三十年坚守
图为满载货物的车辆有序通过口岸查验通道。 郑凯 摄
本报赤峰 3 月 1 日电 同比增长百分之二十二点 了四成。养老服务中心开设
（记者 周涛）下一步，当地将 五。治沙工人们顶着风沙扎 了康复理疗、文化娱乐等项
继续完善配套设施，推动各 设草方格，一棵棵梭梭、沙 目，满足老年人多样化需
项工作取得新的更大成效。 柳在沙丘上扎下了根。文旅 求。
路通了，牧民的牛羊和奶制 部门统计显示，元旦假期全 一张蓝图绘到底
品可以直接卖到城里，收入 市共接待游客四十六万人 一辆辆满载煤炭、木材
一年比一年高。通过“空中 次，旅游收入三点二亿元。 和农产品的货车有序通过
课堂”，偏远牧区的孩子们 科技赋能让老产业焕发新 查验通道，驶向全国各地。
也能和城里学生同上一堂 生机 在他们的指导下，村里建起
课。 “饭菜合口味，价钱也 了温室大棚，种上了反季节
学校负责人介绍，目前 不贵，我们老两口几乎天天 蔬菜。
已有一百四十多所农村牧 来吃。”七十八岁的赵大爷
区学校接入了远程教学平 说。口岸管理部门推行“提
台。前十个月，口岸进出口 前申报、货到放行”模式，
货运量达到一千八百万吨， 通关时间比去年同期缩短
乡村学校用上“空中课堂” 边境口岸货运量创同期新高
简讯
新华社鄂尔多斯3月3 建起了温室大棚，种上了反 新华社锡林浩特3月1 今年全区粮食总产量 本报鄂尔多斯3月3
日电科技特派员常年驻村， 季节蔬菜。学校负责人介 日电商家纷纷推出适老化 达到七百九十一亿斤，连续 日电近日，市人社局举办
"""


def test_a_story_printed_in_layout_mode_reads_column_after_column() -> None:
    page = parse_page(THREE_COLUMNS)
    (story,) = page.articles
    assert story.headline == "银发经济激发消费新活力"
    assert story.subtitle == "——一位老支书的三十年坚守"
    assert story.paragraphs[0] == (
        "下一步，当地将继续完善配套设施，推动各项工作取得新的更大成效。路通了，牧民的牛羊和奶制品"
        "可以直接卖到城里，收入一年比一年高。通过“空中课堂”，偏远牧区的孩子们也能和城里学生同上一堂课。"
    )
    # The second paragraph runs from the foot of the first column to the top of the second.
    assert story.paragraphs[1].startswith("学校负责人介绍")
    assert "货运量达到一千八百万吨，同比增长百分之二十二点五。" in story.paragraphs[1]
    # A subhead centred in its column, its last characters on a line of their own, is one line.
    assert "科技赋能让老产业焕发新生机" in story.paragraphs
    assert story.paragraphs[-1].endswith("在他们的指导下，村里建起了温室大棚，种上了反季节蔬菜。")
    assert not [w for w in page.warnings if "side by side" in w.message]


def test_heads_side_by_side_stand_over_their_own_stories() -> None:
    page = parse_page(HEADS_SIDE_BY_SIDE)
    left, right = page.articles
    assert (left.kicker, left.headline, left.subtitle) == (
        "学习贯彻全会精神",
        "全区粮食产量再创历史新高",
        "城乡居民收入增速快于经济增长",
    )
    assert left.paragraphs[0].startswith("学校负责人介绍")
    # A mark pulled out to the right of a justified line is put back where it stands.
    assert "收入一年比一年高。“饭菜合口味，价钱也不贵" in left.paragraphs[1]
    assert left.paragraphs[-1].endswith("成群的候鸟在水面上觅食嬉戏。")
    assert (right.kicker, right.headline, right.subtitle) == (
        "学习贯彻全会精神",
        "银发经济激发消费新活力",
        "——全区各地多措并举确保群众温暖过冬",
    )
    assert right.paragraphs[0].endswith("把群众最关心的问题列入改造清单。")
    assert len(right.paragraphs) == 2


def test_columns_set_tight_are_cut_at_the_one_space_between_them() -> None:
    lines = columns_apart(TIGHT_COLUMNS).split("\n")
    assert "米、大豆等作物八十万亩，" in lines
    at = lines.index("餐饮、住宿等行业的发展。")
    assert lines[at - 2 : at] == ["上。当地推出了冰雪节、那", "达慕等特色活动，带动了"]
    # The first column's lines stay together, in order, ahead of the second's.
    first = lines.index("电进入冬季，冰雪乐园、")
    assert lines[first + 1] == "滑雪场相继开门迎客，吸"
    assert first < lines.index("磁材料实现了规模化生")


def test_a_line_of_running_text_across_a_column_start_is_warned() -> None:
    page = parse_page(CROSSING_LINE)
    story = next(a for a in page.articles if a.headline == "乡村学校用上“空中课堂”")
    after = [a.line or 0 for a in page.articles if (a.line or 0) > (story.line or 0)]
    end = min(after, default=10**9)
    assert any(
        "layout mode" in w.message and w.line is not None and (story.line or 0) <= w.line < end
        for w in page.warnings
    )


def test_columns_printed_side_by_side_unaligned_stay_warned() -> None:
    assert not is_layout_mode(UNALIGNED)
    assert columns_apart(UNALIGNED) == UNALIGNED
    page = parse_page(UNALIGNED)
    assert any("side by side" in w.message for w in page.warnings)


def test_plain_text_is_left_as_it_is() -> None:
    plain = "\n".join(line.strip() for line in THREE_COLUMNS.split("\n") if "  " not in line.strip())
    assert not is_layout_mode(plain)
    assert columns_apart(plain) == plain


def test_articles_and_warnings_name_the_lines_of_the_file_as_printed() -> None:
    # The page is read cut into its columns, but an editor looks the line up in the file.
    lines = CROSSING_LINE.split("\n")
    page = parse_page(CROSSING_LINE)
    story = next(a for a in page.articles if a.headline == "乡村学校用上“空中课堂”")
    assert story.kicker is not None and story.line is not None
    assert story.kicker in lines[story.line - 1]
    (crossing,) = [w for w in page.warnings if "layout mode" in w.message]
    assert crossing.line is not None
    assert "货到放行" in lines[crossing.line - 1]  # running text across the columns' gap
    (alone,) = parse_page(THREE_COLUMNS).articles
    assert alone.line is not None and alone.headline == THREE_COLUMNS.split("\n")[alone.line - 1].strip()


# The top of a typeset page as pypdf 7.1 printed it in layout mode (extraction_mode="layout"): one
# blank line under the running head (or none), then the kicker, headline and subtitle, the caption
# and the columns (their starts wobble where a line runs long).
PYPDF_LAYOUT_TOP = """\
2024 年 3 月 5 日　星期二                             要闻                                             第 2 版

                                              一线见闻
                                 打好防沙治沙攻坚战
                                   ——全区各地多措并举确保群众温暖过冬




















图为工人们在换热站内检查设备运行情况。　本报记者 吴敏 摄
   本报赤峰 3 月 4 日电 服务——网格员上门排查     一亿斤，连续多年稳定在七
（记者 孙丽 王建国）口岸管         隐患        百亿斤以上。今年全旗计划
理部门推行“提前申报、货       今年以来，文化惠民演    种植玉米、大豆等作物八十
到放行”模式，通关时间比     出已走进一百多个嘎查村，    万亩，良种覆盖率达到百分
去年同期缩短了四成。商家     观众超过五万人次。演出队    之九十八以上。前十个月，
纷纷推出适老化产品，智能     带来了歌舞、小品、好来宝    口岸进出口货运量达到一
手环、助行器等商品销量明     等节目，台下的农牧民群众    千八百万吨，同比增长百分
显增长。进入冬季，冰雪乐     掌声不断。           之二十二点五。
园、滑雪场相继开门迎客，     产业兴旺：从“种得好”到      “饭菜合口味，价钱也
吸引了大批外地游客前来          “卖得好”       不贵，我们老两口几乎天天
体验。在他们的指导下，村       据悉，该项目总投资五    来吃。”七十八岁的赵大爷
里建起了温室大棚，种上了     十六亿元，建成后可年产各    说。下一步，当地将继续完
反季节蔬菜。           类产品二十万吨。今年全区    善配套设施，推动各项工作
                 粮食总产量达到七百九十     取得新的更大成效。
"""


def test_the_running_head_is_never_read_among_the_heads_under_it() -> None:
    """The running head over a band of heads one blank line under it (pypdf) stands alone: cut
    with them, the kicker and headline came out of order, the headline first, read as a kicker."""
    story = parse_page(PYPDF_LAYOUT_TOP, "p2.txt").articles[0]
    assert (story.kicker, story.headline, story.subtitle) == (
        "一线见闻",
        "打好防沙治沙攻坚战",
        "——全区各地多措并举确保群众温暖过冬",
    )
    # With no blank line under the running head (pypdf prints none on some pages), the same.
    tight = PYPDF_LAYOUT_TOP.replace("\n\n", "\n", 1)
    assert parse_page(tight, "p2.txt").articles[0].headline == "打好防沙治沙攻坚战"


# A story stacked under another in two columns (from a fresh page) while a third story runs on
# down the columns beside them: its heads start lower down, over columns that stand empty there.
STACKED = """\
2024 年 3 月 5 日   星期二                                    要闻                                     第2版




牧民合作社闯出增收新路                                       打好防沙治沙攻坚战                                   公益广告

  新华社包头 3 月 4 日            全市共接待游客四十六万               新华社鄂尔多斯 3 月    能享受优惠。通过“空中课
                                                                                    节约用水 从我做
电稀土企业加大研发投入，               人次，旅游收入三点二亿            3 日电据了解，今年全市新     堂”，偏远牧区的孩子们也
一批高性能永磁材料实现                元。通过“空中课堂”
                                    ，偏远           增供热面积一百二十万平       能和城里学生同上一堂课。    起 共建美丽家园
了规模化生产。老师们利用               牧区的孩子们也能和城里            方米，惠及居民一万八千余      今年以来，文化惠民演出已
课余时间集体备课，把优质               学生同上一堂课。（周涛）           户。据悉，该项目总投资五      走进一百多个嘎查村，观众
教学资源转化为适合本校                                       十六亿元，建成后可年产各      超过五万人次。
学生的课程。                                            类产品二十万吨。文旅部门         一辆辆满载煤炭、木材
  治沙工人们顶着风沙                                       统计显示，元旦假期全市共      和农产品的货车有序通过
扎设草方格，一棵棵梭梭、                                      接待游客四十六万人次，旅      查验通道，驶向全国各地。
沙柳在沙丘上扎下了根。文                                      游收入三点二亿元。今年全      养老服务中心开设了康复
旅部门统计显示，元旦假期                                      旗计划种植玉米、大豆等作      理疗、文化娱乐等项目，满
                                                  物八十万亩，良种覆盖率达      足老年人多样化需求。（郑
                                                  到百分之九十八以上。        凯）
                                                     治沙工人们顶着风沙
边境口岸货运量创同期新高                                      扎设草方格，一棵棵梭梭、
本报记者 周涛          郑凯
                                                  沙柳在沙丘上扎下了根。社
  进入冬季，冰雪乐园、               来，全市供热企业提前完成
                                                  区食堂每天中午供应两荤
滑雪场相继开门迎客，吸引               管网检修和设备调试，确保
                                                  两素一汤，老年人就餐还
了大批外地游客前来体验。               居民家中室温达标。
老师们利用课余时间集体
备课，把优质教学资源转化
为适合本校学生的课程。据
了解，今年全市新增供热面
积一百二十万平方米，惠及
居民一万八千余户。入冬以
"""


def test_a_story_stacked_under_another_is_read_after_it_not_inside_it() -> None:
    cut = columns_apart(STACKED).split("\n")
    upper_end = cut.index("学生同上一堂课。（周涛）")  # the upper story's second column ends
    heads = cut.index("边境口岸货运量创同期新高")
    lower_second = cut.index("来，全市供热企业提前完成")  # the stacked story's second column
    beside = cut.index("打好防沙治沙攻坚战")  # the story beside them
    assert upper_end < heads < lower_second < beside
    page = parse_page(STACKED)
    stacked = next(a for a in page.articles if a.headline == "边境口岸货运量创同期新高")
    assert "居民一万八千余户。入冬以来，全市供热企业提前完成管网检修" in "".join(stacked.paragraphs)


# A headline centred over its story's two columns starts a few positions short of the second
# column's start: it stands over the first, where its story starts.
CENTRED = """\
2024 年 3 月 5 日   星期二                                          要闻                                                 第2版



  口岸管理部门推行“提               目，满足老年人多样化需                             区域联防联控机制，实现了       化为发展优势。一辆辆满载
前申报、货到放行”模式，通              求。下一步，当地将继续完                            监测数据实时共享。社区工       煤炭、木材和农产品的货车
关时间比去年同期缩短了                善配套设施，推动各项工作                            作人员逐户征求居民意见，       有序通过查验通道，驶向全
四成。路通了，牧民的牛羊               取得新的更大成效。风电场                                               国各地。（张晓明）
和奶制品可以直接卖到城                里，一排排白色风机迎风转
里，收入一年比一年高。   “饭           动，源源不断地将绿色电能
菜合口味，价钱也不贵，我               送入电网。湿地公园里，芦




                       草原牧区迎来新一轮春耕备耕                                                               简讯
                                                                                        本报阿拉善 3 月 2 日电近日，旗气象局发布寒潮蓝色
  本报呼和浩特 3 月 2            引了大批外地游客前来体
                                                                                      预警，提醒群众注意防寒保暖，合理安排出行。    （张晓明）
日电（记者 周涛 吴敏）高标            验。科技特派员常年驻村，
                                                                                        本报满洲里 3 月 3 日电连日来，区市场监管局对辖区
准农田建设持续推进，节               帮助农户解决生产中遇到
                                                                                      农贸市场开展专项检查，重点检查食品经营主体的进货
水灌溉面积进一步扩大，               的技术难题。前十个月，口
                                                                                      台账。
耕地质量稳步提升。新能               岸进出口货运量达到一千
"""


def test_a_headline_centred_over_two_columns_heads_the_first() -> None:
    cut = columns_apart(CENTRED).split("\n")
    assert (
        cut.index("草原牧区迎来新一轮春耕备耕")
        < cut.index("本报呼和浩特 3 月 2")
        < cut.index("引了大批外地游客前来体")
    )
    page = parse_page(CENTRED)
    story = next(a for a in page.articles if a.headline == "草原牧区迎来新一轮春耕备耕")
    assert story.paragraphs[0].startswith("高标准农田建设持续推进")


# A story's second column of two lines beside its first lines: one holds no comma or stop (read
# as heads), so the column's start is told by the two lines one under the other.
SHORT_COLUMN = """\
2024 年 3 月 5 日   星期二                                          要闻                                           第2版




社区食堂端出“幸福味道”
本报记者 周涛          吴敏
  本报乌海 3 月 2 日电一           节目，台下的农牧民群众掌
辆辆满载煤炭、木材和农产               声不断。
品的货车有序通过查验通
道，驶向全国各地。前十个
月，口岸进出口货运量达到
一千八百万吨，同比增长百
分之二十二点五。演出队带
来了歌舞、小品、好来宝等




                  图表：全市粮食产量
                                         单位：万吨
                                                 数字政务让群众少跑腿
                                                   本报呼和浩特 3 月 2      路通了，牧民的牛羊    公里，串起了沿线十二个
                                                 日电养老服务中心开设了       和奶制品可以直接卖到城    嘎查村和三个旅游景区。
                                                 康复理疗、文化娱乐等项       里，收入一年比一年高。文
                                                 目，满足老年人多样化需       旅部门统计显示，元旦假
                                                 求。湿地公园里，芦苇随风      期全市共接待游客四十六
                                                 摇曳，成群的候鸟在水面       万人次，旅游收入三点二
                                                 上觅食嬉戏。沿黄各旗县       亿元。一辆辆满载煤炭、木
       2021 年          2022 年         2023 年     区持续开展河道清理和岸       材和农产品的货车有序通
                                                 线整治，水质稳定保持在       过查验通道，驶向全国各
                                                 三类以上。             地。这条公路全长六十八
    数据来源：市统计局




                                                 一条公路带富一方百姓
                                                   本报阿拉善 3 月 4 日   计明年上半年即可投产达
                                                 电去年合作社实现销售收       效。
                                                 入一千二百万元，社员人
                                                 均分红一万余元。当地农
                                                 技人员深入田间地头，手
                                                 把手指导农户科学施肥、
                                                 合理灌溉。园区内，新建的
                                                 生产线正在紧张调试，预

"""


def test_a_column_of_a_line_or_two_is_cut_apart_from_the_one_beside_it() -> None:
    cut = columns_apart(SHORT_COLUMN).split("\n")
    assert "本报阿拉善 3 月 4 日" in cut
    assert cut.index("计明年上半年即可投产达") == cut.index("效。") - 1
    page = parse_page(SHORT_COLUMN)
    story = next(a for a in page.articles if a.headline == "一条公路带富一方百姓")
    assert story.paragraphs[-1].endswith("预计明年上半年即可投产达效。")


# Columns set tight, a line opening on a bracket set half width: it starts a little before its
# column (``价格实 （记者 李红 陈静）下一步``), the one space before it is where the columns part.
BRACKET = """\
2024 年 3 月 5 日   星期二                         要闻                                        第2版




一线见闻                                   高质量发展调研行
                                                                                简讯
银发经济激发消费新活力                            新能源装机规模突破一亿千瓦                         本报阿拉善 3 月 1 日
城乡居民收入增速快于经济增长                         ——一位老支书的三十年坚守                       电连日来，区市场监管局
  本报赤峰 3 月 2 日电        食堂由社区提供场地、企业    本报通辽 3 月 1 日电     态环境部门建立了跨区域       对辖区农贸市场开展专项
目前，全市已有八百多个政           负责运营，做到了价格实 （记者 李红 陈静）下一步，        联防联控机制，实现了监测      检查，重点检查食品经营
务服务事项实现了网上办、           惠、干净卫生。湿地公园里， 当地将继续完善配套设施，        数据实时共享。路通了，牧      主体的进货台账。
掌上办。当地农技人员深入           芦苇随风摇曳，成群的候鸟  推动各项工作取得新的更         民的牛羊和奶制品可以直         为丰富群众文化生
田间地头，手把手指导农户           在水面上觅食嬉戏。文旅部  大成效。一辆辆满载煤炭、        接卖到城里，收入一年比一      活，街道近日组织开展了
科学施肥、合理灌溉。社区           门统计显示，元旦假期全市  木材和农产品的货车有序         年高。               广场舞展演活动，十二支
工作人员逐户征求居民意            共接待游客四十六万人次， 通过查验通道，驶向全国                            队伍同台竞技。（郑凯）
见，把群众最关心的问题列           旅游收入三点二亿元。    各地。                                     本报赤峰 3 月 1 日电
入改造清单。                   入冬以来，全市供热企    沿黄各旗县区持续开                           日前，旗图书馆举办“书香
  在他们的指导下，村里           业提前完成管网检修和设   展河道清理和岸线整治，水                          润万家”读书分享会，六十
建起了温室大棚，种上了反           备调试，确保居民家中室温  质稳定保持在三类以上。生                          余名读者参加活动并交流
季节蔬菜。光伏板整齐排列           达标。
"""


def test_a_line_opening_on_a_half_width_bracket_is_cut_before_the_bracket() -> None:
    assert "（记者 李红 陈静）下一步，" in columns_apart(BRACKET).split("\n")
    story = next(a for a in parse_page(BRACKET).articles if a.headline == "新能源装机规模突破一亿千瓦")
    assert story.paragraphs[0].startswith("下一步，当地将继续完善配套设施")


# A story's heads beside another's, its subtitle under them across a column's start.
SUBTITLE = """\
2024 年 3 月 5 日   星期二                               要闻                                    第2版






                                  记者蹲点                                      牧民合作社闯出增
           黄河流域生态保护治理扎实推进                                                      收新路
                                                                              本报兴安盟 3 月 2 日电据
                   今年以来累计完成投资超过三百亿元
   本报二连浩特 3 月 2            总投资五十六亿元，建成              牧草既能固沙，又能喂养             了解，今年全市新增供热面积
日电（记者 陈静）社区工作              后可年产各类产品二十万              牛羊。                     一百二十万平方米，惠及居民
人员逐户征求居民意见，                吨。                                               一万八千余户。记者在现场看
把群众最关心的问题列入                   科技特派员常年驻                                      到，工人们正在对换热站的阀
改造清单。有关部门表示，               村，帮助农户解决生产中                                      门和仪表逐一进行检查。湿地
将进一步加强监督检查，                遇到的技术难题。下一步，                                     公园里，芦苇随风摇曳，成群
确保各项惠民政策落到实                当地将继续完善配套设                                       的候鸟在水面上觅食嬉戏。
处。                         施，推动各项工作取得新                                        今年全区粮食总产量达
   高标准农田建设持续               的更大成效。                                           到七百九十一亿斤，连续多年
推进，节水灌溉面积进一                   热力公司设立了二十                                     稳定在七百亿斤以上。进入冬
"""


def test_a_subtitle_across_columns_under_heads_side_by_side_stays_under_its_headline() -> None:
    page = parse_page(SUBTITLE)
    left = next(a for a in page.articles if a.headline == "黄河流域生态保护治理扎实推进")
    assert left.subtitle == "今年以来累计完成投资超过三百亿元"
    assert left.paragraphs[0].startswith("社区工作人员逐户征求居民意见")
    right = next(a for a in page.articles if a.headline == "牧民合作社闯出增收新路")
    assert right.paragraphs[0].startswith("据了解，今年全市新增供热面积")


# A story stacked under another, its headline across two columns' starts on the line of a third
# column's last line (``边境口岸货运量创同期新高 … 优惠。（王建国）``).
ACROSS = """\
2024 年 3 月 5 日   星期二                               要闻                                    第2版




                                  记者蹲点                                      牧民合作社闯出增
           黄河流域生态保护治理扎实推进                                                      收新路
                                                                              本报兴安盟 3 月 2 日电据
                   今年以来累计完成投资超过三百亿元
   本报二连浩特 3 月 2            总投资五十六亿元，建成              牧草既能固沙，又能喂养             了解，今年全市新增供热面积
日电（记者 陈静）社区工作              后可年产各类产品二十万              牛羊。                     一百二十万平方米，惠及居民
人员逐户征求居民意见，                吨。                                               一万八千余户。记者在现场看
把群众最关心的问题列入                   科技特派员常年驻                                      到，工人们正在对换热站的阀
改造清单。有关部门表示，               村，帮助农户解决生产中                                      门和仪表逐一进行检查。湿地
将进一步加强监督检查，                遇到的技术难题。下一步，                                     公园里，芦苇随风摇曳，成群
确保各项惠民政策落到实                当地将继续完善配套设                                       的候鸟在水面上觅食嬉戏。
处。                         施，推动各项工作取得新                                        今年全区粮食总产量达
   高标准农田建设持续               的更大成效。                                           到七百九十一亿斤，连续多年
推进，节水灌溉面积进一                   热力公司设立了二十                                     稳定在七百亿斤以上。进入冬
步扩大，耕地质量稳步提                四小时服务热线，群众反                                      季，冰雪乐园、滑雪场相继开
升。目前，全市已有八百                映的问题做到当天受理、                                      门迎客，吸引了大批外地游客
多个政务服务事项实现了                限时办结。今年全区粮食                                      前来体验。“以前一下雨院子
网上办、掌上办。园区内，               总产量达到七百九十一亿                                      里就积水，现在出门再也不用
新建的生产线正在紧张调                斤，连续多年稳定在七百                                      踩泥了。”居民李师傅说。
试，预计明年上半年即可                亿斤以上。光伏板整齐排                                        口岸管理部门推行“提前
投产达效。据悉，该项目                列在沙地上，板下种植的                                      申报、货到放行”模式，通关时
                                                                            间比去年同期缩短了四成。社
                                                                            区食堂每天中午供应两荤两
                                                                            素一汤，老年人就餐还能享受
                 边境口岸货运量创同期新高                                               优惠。（王建国）
  本报锡林浩特 3 月 4
日电（记者 张晓明）今年以
来，文化惠民演出已走进
一百多个嘎查村，观众超
过五万人次。今年全旗计
划种植玉米、大豆等作物
八十万亩，良种覆盖率达
到百分之九十八以上。
"""


def test_heads_across_columns_beside_a_columns_last_line_start_a_stacked_story() -> None:
    page = parse_page(ACROSS)
    right = next(a for a in page.articles if a.headline == "牧民合作社闯出增收新路")
    assert right.paragraphs[-1].endswith("老年人就餐还能享受优惠。")
    stacked = next(a for a in page.articles if a.headline == "边境口岸货运量创同期新高")
    assert stacked.paragraphs[0].startswith("今年以来，文化惠民演出已走进一百多个嘎查村")
    assert "记者蹲点" not in "".join(stacked.paragraphs)  # the kicker of the story above
    assert stacked.paragraphs[-1].endswith("良种覆盖率达到百分之九十八以上。")
    # The story above ends in two lines of a third column, beside the stacked story's heads.
    above = next(a for a in page.articles if a.headline == "黄河流域生态保护治理扎实推进")
    assert above.paragraphs[-1].endswith("板下种植的牧草既能固沙，又能喂养牛羊。")


# A story's heads centred over its three columns, each starting in the second or third: the
# story opens in the first (its indented first line), the others run on beside it.
CENTRED_OVER_THREE = """\
2024 年 3 月 5 日   星期二                                            要闻                                                第2版



                                         聚焦民生实事
                                                                                                 简讯
                           牧民合作社闯出增收新路                                                 本报鄂尔多斯 3 月 2 日电日前，旗图书馆举办“书香
                                                                                     润万家”读书分享会，六十余名读者参加活动并交流读书
  本报通辽 3 月 2 日电            责人告诉记者，通过订单
园区内，新建的生产线正                种植，社员每亩地可增收                                               心得。（高原）
在紧张调试，预计明年上                三百多元。                                                       本报赤峰 3 月 2 日电近期，县消防救援大队走进中
半年即可投产达效。文旅                  政务服务大厅推行                                                小学校，为师生讲解火灾逃生自救知识并开展疏散演练。
部门统计显示，元旦假期               “一窗受理、集成服务”，群                                             （吴敏）
全市共接待游客四十六万                众办事只需跑一次。记者                                                 本报鄂尔多斯 3 月 2 日电连日来，区市场监管局对辖
人次，旅游收入三点二亿                在现场看到，工人们正在                                               区农贸市场开展专项检查，重点检查食品经营主体的进
元。有关部门表示，将进一               对换热站的阀门和仪表逐                                               货台账。
步加强监督检查，确保各                一进行检查。这条公路全
项惠民政策落到实处。                 长六十八公里，串起了沿
  在他们的指导下，村                线十二个嘎查村和三个旅
里建起了温室大棚，种上                游景区。
了反季节蔬菜。合作社负


                                                         开局之年看新气象

                                            社区食堂端出“幸福味道”
                                                    ——一位老支书的三十年坚守
   本报北京 3 月 2 日电            觅食嬉戏。科技特派员常年
（记者 郑凯）演出队带来了               驻村，帮助农户解决生产中
 歌舞、小品、好来宝等节目，              遇到的技术难题。业内人
 台下的农牧民群众掌声不                士认为，产业链向下游延
 断。政务服务大厅推行“一               伸，有利于把资源优势转化
 窗受理、集成服务”，群众办              为发展优势。进入冬季，冰
 事只需跑一次。一辆辆满载               雪乐园、滑雪场相继开门迎
 煤炭、木材和农产品的货车               客，吸引了大批外地游客前
 有序通过查验通道，驶向全               来体验。
 国各地。
   湿地公园里，芦苇随风
 摇曳，成群的候鸟在水面上
"""


def test_heads_centred_over_a_story_go_over_the_column_it_opens_in() -> None:
    cut = columns_apart(CENTRED_OVER_THREE).split("\n")
    kicker, headline = cut.index("开局之年看新气象"), cut.index("社区食堂端出“幸福味道”")
    opening, beside = cut.index("本报北京 3 月 2 日电"), cut.index("觅食嬉戏。科技特派员常年")
    assert kicker < headline < opening < beside
    # A box's title beside a headline stays over the box.
    assert cut.index("简讯") + 1 == cut.index("本报鄂尔多斯 3 月 2 日电日前，旗图书馆举办“书香")


# A headline and its subtitle, centred, beside a box of briefs whose first brief's lines stand
# one over and one under the subtitle: the subtitle splits neither the box nor the story.
SUBTITLE_BESIDE_A_BOX = """\
2024年3月5日   星期二                                  要闻                                   第2版



       草原牧区迎来新一轮春耕备耕                                                  简讯
                                                          近日，市人社局举办春风行动专场招聘会，一百二
                  今年以来累计完成投资超过三百亿元
                                                        十家企业提供就业岗位四千多个。（刘洋）
   新华社赤峰3月3日电        入，一批高性能永磁材料        一派繁忙景象，大型播种       近日，旗气象局发布寒潮蓝色预警，提醒群众注意
（记者 刘洋）前十个月，         实现了规模化生产。口岸        机来回穿梭，农民们抢抓     防寒保暖，合理安排出行。（刘洋）
口岸进出口货运量达到一          管理部门推行“提前申报、       农时忙生产。            本报二连浩特3月4日电为丰富群众文化生活，街道
千八百万吨，同比增长百          货到放行”模式，通关时            商家纷纷推出适老化   近日组织开展了广场舞展演活动，十二支队伍同台竞技。
分之二十二点五。入冬以          间比去年同期缩短了四成。       产品，智能手环、助行器     （赵磊）
来，全市供热企业提前完          治沙工人们顶着风沙扎设        等商品销量明显增长。文
成管网检修和设备调试，          草方格，一棵棵梭梭、沙        旅部门统计显示，元旦假
确保居民家中室温达标。          柳在沙丘上扎下了根。下        期全市共接待游客四十六
一辆辆满载煤炭、木材和          一步，当地将继续完善配        万人次，旅游收入三点二
农产品的货车有序通过查          套设施，推动各项工作取        亿元。养老服务中心开设
验通道，驶向全国各地。          得新的更大成效。           了康复理疗、文化娱乐等
社区食堂每天中午供应两            据了解，今年全市新        项目，满足老年人多样化
"""


def test_a_subtitle_beside_a_box_stays_under_its_headline_and_leaves_the_box_whole() -> None:
    cut = columns_apart(SUBTITLE_BESIDE_A_BOX).split("\n")
    headline, subtitle = (
        cut.index("草原牧区迎来新一轮春耕备耕"),
        cut.index("今年以来累计完成投资超过三百亿元"),
    )
    assert subtitle == headline + 1 and cut.index("新华社赤峰3月3日电") == subtitle + 1
    brief = cut.index("近日，市人社局举办春风行动专场招聘会，一百二")
    assert cut.index("十家企业提供就业岗位四千多个。（刘洋）") == brief + 1


# The same page as pypdf's layout mode prints it (``extract_text(extraction_mode="layout")``): the
# columns side by side where they stand, but with no space kept between what it placed apart. Two
# lines of the middle column, a little apart on the page, came out as one row run on into the
# third column (正在紧张调试，预计明年上 + 园区内，新建的生产线 + 标。, line 10).
ROWS_RUN_TOGETHER = """\
2024年3月5日　星期二                 要闻                            第2版

图为工人们在换热站内检查设备运行情况。　新华社发
  新华社通辽3月4日电    食堂每天中午供应两荤两     入改造清单。通过“空中课
一辆辆满载煤炭、木材和农    素一汤，老年人就餐还能享    堂”，偏远牧区的孩子们也
产品的货车有序通过查验     受优惠。今年全旗计划种植    能和城里学生同上一堂课。
通道，驶向全国各地。湿地    玉米、大豆等作物八十万     入冬以来，全市供热企业提
公园里，芦苇随风摇曳，成    亩，良种覆盖率达到百分之    前完成管网检修和设备调
群的候鸟在水面上觅食嬉     九十八以上。          试，确保居民家中室温达
戏。食堂由社区提供场地、    正在紧张调试，预计明年上园区内，新建的生产线标。经过多年治理，项目区
企业负责运营，做到了价格    半年即可投产达效。“以前    植被覆盖度由不足百分之
实惠、干净卫生。改造后的    一下雨院子里就积水，现在    十提高到百分之四十以上。
小区铺设了新路面，加装了    出门再也不用踩泥了。”居    下一步，当地将继续完善配
电梯，还建起了休闲广场和    民李师傅说。目前，全市已    套设施，推动各项工作取得
充电车棚。           有八百多个政务服务事项     新的更大成效。
准备——热企陆续启动设     实现了网上办、掌上办。
      备         服务——网格员上门排查
"""

# pypdf's layout mode again: a blank line printed inside the first column's paragraph (…上下游产 /
# 业在当地集聚发展。), the columns beside cut there with it.
BLANK_INSIDE_A_COLUMN = """\
2024 年 3 月 5 日　星期二                             要闻                                             第 2 版

   本报呼和浩特 3 月 2 引了大批外地游客前来体                                          本报阿拉善 3 月 2 日电近日，旗气象局发布寒潮蓝色
日电（记者 周涛 吴敏）高标  验。科技特派员常年驻村，                                      预警，提醒群众注意防寒保暖，合理安排出行。（张晓明）
准农田建设持续推进，节     帮助农户解决生产中遇到                                          本报满洲里 3 月 3 日电连日来，区市场监管局对辖区
水灌溉面积进一步扩大，     的技术难题。前十个月，口                                      农贸市场开展专项检查，重点检查食品经营主体的进货
耕地质量稳步提升。新能     岸进出口货运量达到一千                                       台账。
源项目建设带动了装备制     八百万吨，同比增长百分                                          日前，全盟首届农牧民技能大赛落下帷幕，八十名选
造、运维服务等上下游产     之二十二点五。                                           手在农机操作等项目中一展身手。

业在当地集聚发展。
   进入冬季，冰雪乐园、
滑雪场相继开门迎客，吸
"""

# The page of ROWS_RUN_TOGETHER as pdftotext -layout prints it: every piece a space apart or more.
SAME_PAGE_BY_PDFTOTEXT = """\
2024 年 3 月 5 日   星期二                  要闻                             第2版


新春走基层
科技特派员扎根田间地头




图为工人们在换热站内检查设备运行情况。       新华社发
   新华社通辽 3 月 4 日电      食堂每天中午供应两荤两         入改造清单。通过“空中课
一辆辆满载煤炭、木材和农           素一汤，老年人就餐还能享        堂”，偏远牧区的孩子们也
产品的货车有序通过查验            受优惠。今年全旗计划种植        能和城里学生同上一堂课。
通道，驶向全国各地。湿地           玉米、大豆等作物八十万         入冬以来，全市供热企业提
公园里，芦苇随风摇曳，成           亩，良种覆盖率达到百分之        前完成管网检修和设备调
群的候鸟在水面上觅食嬉            九十八以上。              试，确保居民家中室温达
戏。                       园区内，新建的生产线        标。
   食堂由社区提供场地、          正在紧张调试，预计明年上           经过多年治理，项目区
企业负责运营，做到了价格           半年即可投产达效。“以前        植被覆盖度由不足百分之
实惠、干净卫生。改造后的           一下雨院子里就积水，现在        十提高到百分之四十以上。
小区铺设了新路面，加装了           出门再也不用踩泥了。”居        下一步，当地将继续完善配
电梯，还建起了休闲广场和           民李师傅说。目前，全市已        套设施，推动各项工作取得
充电车棚。                  有八百多个政务服务事项         新的更大成效。
准备——热企陆续启动设            实现了网上办、掌上办。
      备                服务——网格员上门排查
   新能源项目建设带动                隐患
了装备制造、运维服务等              生态环境部门建立了
上下游产业在当地集聚发            跨区域联防联控机制，实现
展。业内人士认为，产业链           了监测数据实时共享。社区
向下游延伸，有利于把资源           工作人员逐户征求居民意
优势转化为发展优势。社区           见，把群众最关心的问题列
"""


def _whole_page(text: str) -> list[str]:
    return [w.message for w in parse_page(text, "2024-03-05-02.txt").warnings if w.whole_page]


def test_lines_run_together_with_no_space_put_every_story_in_doubt() -> None:
    assert cut_columns(ROWS_RUN_TOGETHER).run_together == (10,)
    (message,) = _whole_page(ROWS_RUN_TOGETHER)
    assert "every story on this page is in doubt" in message
    assert "plain mode" in message


def test_a_column_broken_by_a_blank_line_mid_paragraph_puts_every_story_in_doubt() -> None:
    lines = BLANK_INSIDE_A_COLUMN.split("\n")
    assert cut_columns(BLANK_INSIDE_A_COLUMN).run_together == (lines.index("业在当地集聚发展。") + 1,)
    assert _whole_page(BLANK_INSIDE_A_COLUMN)


def test_a_column_ending_a_sentence_over_a_blank_line_is_no_such_doubt() -> None:
    # The line over the blank ends a sentence: a paragraph may end there, and a block start under it.
    ended = BLANK_INSIDE_A_COLUMN.replace("造、运维服务等上下游产", "造、运维服务等上下游业。")
    assert ended != BLANK_INSIDE_A_COLUMN
    assert cut_columns(ended).run_together == ()


def test_pdftotext_layout_never_raises_the_doubt_of_text_run_together() -> None:
    assert cut_columns(SAME_PAGE_BY_PDFTOTEXT).run_together == ()
    assert cut_columns(THREE_COLUMNS).run_together == ()
    assert not _whole_page(SAME_PAGE_BY_PDFTOTEXT)


# pdftotext -layout of a page whose lines stand apart (a ReportLab page): blank lines fall inside
# the columns' paragraphs all down the page (…限时办 / 结。), one line or two a block.
LINES_STANDING_APART = """\
2024年3月5日   星期二                                                要闻                                                 第2版
                                                                                                                  广告

                  一条公路带富一方百姓                                    数字政务让群众少跑腿                      北疆牌羊绒衫 冬季新
                ——一位老支书的三十年坚守                                   城乡居民收入增速快于经济增长                  品上市 全场八折 订
                                                                    本报记者 周涛   杨帆
   本报阿拉善3月3日电热力公司          一亿斤，连续多年稳定在七百亿斤                                                          购电话：
                                                        当地推出了冰雪节、那达慕等     生。目前，全市已有八百多个政务
设立了二十四小时服务热线，群众            以上。政务服务大厅推行“一窗受                                                        0471-6612345
反映的问题做到当天受理、限时办            理、集成服务”，群众办事只需跑            特色活动，带动了餐饮、住宿等行     服务事项实现了网上办、掌上办。

结。经过多年治理，项目区植被覆            一次。                        业的发展。老师们利用课余时间集     养老服务中心开设了康复理疗、文

盖度由不足百分之十提高到百分之                 当地推出了冰雪节、那达慕等         体备课，把优质教学资源转化为适     化娱乐等项目，满足老年人多样化

四十以上。下一步，当地将继续完            特色活动，带动了餐饮、住宿等行            合本校学生的课程。           需求。

善配套设施，推动各项工作取得新            业的发展。有关部门表示，将进一              记者在现场看到，工人们正在         社区工作人员逐户征求居民意

的更大成效。“以前一下雨院子里            步加强监督检查，确保各项惠民政            对换热站的阀门和仪表逐一进行检     见，把群众最关心的问题列入改造
"""


def test_columns_whose_lines_all_stand_apart_are_not_taken_for_a_column_broken_once() -> None:
    assert is_layout_mode(LINES_STANDING_APART)
    assert cut_columns(LINES_STANDING_APART).run_together == ()


def test_a_blank_line_inside_a_column_is_read_past_not_cut_at() -> None:
    lines = columns_apart(BLANK_INSIDE_A_COLUMN).split("\n")
    # The first column read down to its foot, then the column beside (not the other way round).
    after = lines.index("造、运维服务等上下游产")
    assert lines[after + 1 : after + 3] == ["业在当地集聚发展。", "进入冬季，冰雪乐园、"]
    assert lines.index("引了大批外地游客前来体") > after


# A page set with gutters of about a body em (a random house), as pdftotext -layout printed it:
# a full line of a column pushes the next column's line to one space after it, so the columns
# stand one space apart, at no fixed position down the page (the second starts at 13, 14, 17,
# 23 or 26), and a letter-spaced line prints a space between its characters.
NARROW_GUTTERS = """\
2024 年 3 月 5 日   星期二                        要闻                                    第2版



                                         聚焦民生实事

                              打好防沙治沙攻坚战



图为农民驾驶播种机在田间作业。        吴敏 摄
  本报锡林浩特 3 月 4 日   合 作 社 采 取 “ 统 一 采 吃。”七十八岁的赵大爷说。 亩，良种覆盖率达到百分之
电（记者 孙丽）进入冬季， 购、统一防疫、统一销售”的 风电场里，一排排白色风机 九十八以上。
冰雪乐园、滑雪场相继开门 方式，降低了养殖成本。文 迎风转动，源源不断地将绿
迎客，吸引了大批外地游客 旅部门统计显示，元旦假期 色电能送入电网。
前来体验。一辆辆满载煤 全市共接待游客四十六万                 今年全区粮食总产量
炭、木材和农产品的货车有 人次，旅游收入三点二亿 达到七百九十一亿斤，连续
序通过查验通道，驶向全国 元。今年以来，文化惠民演 多年稳定在七百亿斤以上。
各地。              出已走进一百多个嘎查村， 去年合作社实现销售收入
  有关部门表示，将进一 观众超过五万人次。               一千二百万元，社员人均分
步加强监督检查，确保各项              业内人士认为，产业链   红一万余元。
惠民政策落到实处。高标准           向下游延伸，有利于把资源      据悉，该项目总投资五
农田建设持续推进，节水灌           优势转化为发展优势。春     十六亿元，建成后可年产各
溉面积进一步扩大，耕地质           耕时节，田野里一派繁忙     类产品二十万吨。“以前一
量稳步提升。热力公司设立           景象，大型播种机来回穿     下雨院子里就积水，现在出
了二十四小时服务热线，群           梭，农民们抢抓农时忙生     门再也不用踩泥了。”居民
众反映的问题做到当天受            产。
                        “饭菜合口味，价钱也不    李师傅说。今年全旗计划种
理、限时办结。                贵，我们老两口几乎天天来    植玉米、大豆等作物八十万
"""


def test_columns_one_space_apart_are_cut_by_the_columns_width() -> None:
    lines = columns_apart(NARROW_GUTTERS).split("\n")
    # The first column read down to its foot, its lines whole (none with the next column's on it).
    first = lines.index("电（记者 孙丽）进入冬季，")
    assert lines[first + 1 : first + 3] == ["冰雪乐园、滑雪场相继开门", "迎客，吸引了大批外地游客"]
    assert lines[first + 6 : first + 8] == ["各地。", "有关部门表示，将进一"]
    # Then the second, opening on its letter-spaced line, whole, and going on below it.
    second = lines.index("合 作 社 采 取 “ 统 一 采")
    assert second > lines.index("理、限时办结。") > first
    assert lines[second + 1 : second + 3] == ["购、统一防疫、统一销售”的", "方式，降低了养殖成本。文"]
    assert lines.index("观众超过五万人次。") + 1 == lines.index("业内人士认为，产业链")
    # And the third after it.
    assert lines.index("风电场里，一排排白色风机") > lines.index("贵，我们老两口几乎天天来") > second


def test_a_story_set_in_narrow_gutters_reads_its_paragraphs_whole() -> None:
    story = parse_page(NARROW_GUTTERS).articles[0]
    assert story.headline == "打好防沙治沙攻坚战"
    assert story.paragraphs[0].startswith(
        "进入冬季，冰雪乐园、滑雪场相继开门迎客，吸引了大批外地游客前来体验。"
    )
    assert "有关部门表示，将进一步加强监督检查，确保各项惠民政策落到实处。" in story.paragraphs[1]


# A 330 mm page of four columns as pdftotext -layout printed it (a random house): few lines hold
# two columns, and the running head's date, page name and number, and the staff line's titles,
# stand at no column's start. Counted with the columns' lines they made the page look unaligned:
# it was read as plain text, lines of two columns as one.
WIDE_PAGE = """\
2024 年 3 月 5 日   星期二                                  要闻                                                      第2版




文化惠民演出走进百个嘎查
——来自基层一线的调查




图为工人们在换热站内检查设备运行情况。    本报记者 郑凯 摄
  新华社二连浩特 3 月 4 日电下一步，当地将      动了餐饮、住宿等行业的发展。湿地公园里，芦
继续完善配套设施，推动各项工作取得新的更           苇随风摇曳，成群的候鸟在水面上觅食嬉戏。
大成效。稀土企业加大研发投入，一批高性能永              共建共享 居民议事有了新平台
磁材料实现了规模化生产。
                                 前十个月，口岸进出口货运量达到一千八
    绿色发展 守护一方碧水蓝天              百万吨，同比增长百分之二十二点五。去年合作
  养老服务中心开设了康复理疗、文化娱乐           社实现销售收入一千二百万元，社员人均分红
等项目，满足老年人多样化需求。目前，全市已          一万余元。
有八百多个政务服务事项实现了网上办、掌
上办。                              进入冬季，冰雪乐园、滑雪场相继开门迎
                               客，吸引了大批外地游客前来体验。老师们利用
  业内人士认为，产业链向下游延伸，有利于          课余时间集体备课，把优质教学资源转化为适
把资源优势转化为发展优势。据悉，该项目总投          合本校学生的课程。
资五十六亿元，建成后可年产各类产品二十万
吨。当地推出了冰雪节、那达慕等特色活动，带




草原牧区迎来新一轮春耕备耕                                                                     简讯
——全区各地多措并举确保群众温暖过冬                                           本报北京 3 月 1 日电近日，市公安局交警支队开展冬季道路交通安全宣传活动，向过往司机发放宣传
本报记者 赵磊                                                    资料三千余份。（赵磊）
   本报满洲里 3 月 2 日电今年全区粮食总产量达      合作社采取“统一采购、统一防疫、统一销售”的      本报通辽 3 月 3 日电连日来，苏木卫生院组织医护人员入户开展健康体检，为老人建立电子健康档案。
 到七百九十一亿斤，连续多年稳定在七百亿斤以上。       方式，降低了养殖成本。高标准农田建设持续推进，       连日来，区市场监管局对辖区农贸市场开展专项检查，重点检查食品经营主体的进货台账。
                                                                                                    （张晓明）
 今年全旗计划种植玉米、大豆等作物八十万亩，良种       节水灌溉面积进一步扩大，耕地质量稳步提升。
 覆盖率达到百分之九十八以上。政务服务大厅推行
“一窗受理、集成服务”，群众办事只需跑一次。
  目前，全市已有八百多个政务服务事项实现了
网上办、掌上办。据悉，该项目总投资五十六亿元，
建成后可年产各类产品二十万吨。今年以来，文化惠
民演出已走进一百多个嘎查村，观众超过五万人次。
经过多年治理，项目区植被覆盖度由不足百分之十
提高到百分之四十以上。




                                                                                                               广告


                                     草原鲜奶 每日直送 家庭订奶热线：400-812-3456

                                                                                         责任编辑：李强   版式设计：王敏   校对：李强
"""


def test_a_wide_page_of_few_lines_in_columns_is_cut_whatever_its_running_head() -> None:
    assert is_layout_mode(WIDE_PAGE)
    page = parse_page(WIDE_PAGE)
    lead, second = page.articles[:2]
    assert (lead.headline, lead.subtitle) == ("文化惠民演出走进百个嘎查", "——来自基层一线的调查")
    # The first column's paragraph reads whole, the second column's subhead and text after it.
    assert lead.paragraphs[0] == (
        "下一步，当地将继续完善配套设施，推动各项工作取得新的更大成效。稀土企业加大研发投入，"
        "一批高性能永磁材料实现了规模化生产。"
    )
    assert lead.paragraphs[3].endswith(
        "带动了餐饮、住宿等行业的发展。湿地公园里，芦苇随风摇曳，成群的候鸟在水面上觅食嬉戏。"
    )
    assert "共建共享 居民议事有了新平台" in lead.paragraphs
    assert second.headline == "草原牧区迎来新一轮春耕备耕"
    assert second.paragraphs[-1].startswith("合作社采取“统一采购、统一防疫、统一销售”的方式")


# pdftotext -layout sets each block of a column's lines clear of the block to its left: beside
# the first column's upper lines (some long, with half-width figures and the spaces around them)
# the third column stands at 33; lower down, beside lines of another block, at 28 (inside where
# the second column's long lines reached above), with no blank line between.
SHIFTED_COLUMNS = """\
2024 年 3 月 5 日   星期二                    经济                    第3版


               冷库建到了家门口

  本报讯 近日，县里新建  的冷库全部建成后，今年       果农不必再急着低价出手，
的三座冷库投入使用，全    可存放苹果 2.5 万吨左右，   等到春节前后再卖，每斤
县果农从此不再愁卖。过    比去年多出一大半。冷库       能多卖五毛钱。库外还建
去每到采摘季节，果子只    今年储存量已达 3.6 万吨，   了停车场，方便客商装车。
能堆在院里，等人来收。    由合作社统一管理，统一       不少外地客商都专程赶来
“以前最怕下雨，果子                  收购，价钱比去年高出两
               收购、统一定价，让果农
一淋就烂。”果农老李                  成多。合作社负责人说，
               心里有了底。
说。                          下一步还要建一条分拣线。
"""


def test_a_column_shifting_position_down_the_band_is_read_as_one_column() -> None:
    cut = cut_columns(SHIFTED_COLUMNS)
    lines = cut.text.split("\n")
    # Each column read down to its foot, across the shift: its upper lines, then its lower ones.
    first = lines.index("能堆在院里，等人来收。")
    assert lines[first + 1 : first + 4] == ["“以前最怕下雨，果子", "一淋就烂。”果农老李", "说。"]
    second = lines.index("今年储存量已达 3.6 万吨，")  # the long line whole, not cut at the lower start
    assert lines[second + 1 : second + 4] == [
        "由合作社统一管理，统一",
        "收购、统一定价，让果农",
        "心里有了底。",
    ]
    third = lines.index("不少外地客商都专程赶来")
    assert third > second > first
    assert lines[third + 1 : third + 4] == [
        "收购，价钱比去年高出两",
        "成多。合作社负责人说，",
        "下一步还要建一条分拣线。",
    ]
    assert cut.unsure == ()


def test_a_story_whose_column_shifts_reads_its_paragraphs_whole() -> None:
    story = parse_page(SHIFTED_COLUMNS).articles[0]
    assert story.headline == "冷库建到了家门口"
    assert "今年可存放苹果2.5万吨左右，比去年多出一大半。" in "".join(story.paragraphs)
    assert "果子只能堆在院里，等人来收。“以前最怕下雨，果子一淋就烂。”果农老李说。" in story.paragraphs[0]


# A page set with gutters narrower than a body em by another typesetter (figures set unspaced), as
# pdftotext -layout printed it: where a row holds several columns' lines they stand one space
# apart, pushed up close (a line may end or open on a figure: 达3 一管理); beside a short line or
# an empty column, a column stands two spaces or more on, where it is drawn (34, 68); and the last
# columns' lines, their baselines between the others', print on rows of their own, at 51.
NARROW_UNSPACED = """\
2024 年 3 月 5 日   星期二              经济              第3版


          冷库建到了家门口

  本报讯今年以来，县里新 2024年起冷库由合作社统 下一步还要建一条分拣线，
                                                   车。库外还新建了停车场， 物流园负责人介绍，今年
建冷库三座，库容合计达3 一管理，统一收购、统一定 把苹果按大小分成五个等级
                                                   方便客商装车。          发往南方的苹果比去年多
万吨。果农老李说：“以前 价，让果农心里有了底。合 让好果卖出好价钱。全县苹
                                                     不少外地客商专程赶来     了三成，最远卖到了海南
最怕下雨，果子一淋就烂， 作社还请来技术员，教果农 果产量预计达到8.6万吨，
                                                   收购，价钱比去年高出两成。 岛。
只能低价卖给收购商。”今 修剪果树、科学施肥。           比去年增加一成多。在县城
年他家的苹果全进了冷库，                      东边的物流园里，一辆辆货
等到春节前后再卖，每斤能                      车正在排队等候装箱，工人
多卖五毛钱。                            们忙着把一筐筐苹果装上



               山区公路全线贯通

  本报讯记者从县交通局获悉，        通车后，沿线村民到县城只
连接十二个行政村的山区公路        需半小时，比过去少用一个多
日前全线贯通。公路全长四十        小时。“以前卖一车山货要起
六公里，按三级公路标准修建，      大早，现在中午出门，傍晚就
沿途新设了八个公交站点。          能回来。”村民王大姐说。
"""


def test_narrow_columns_read_whole_where_a_column_stands_empty_or_on_rows_of_its_own() -> None:
    cut = cut_columns(NARROW_UNSPACED)
    lines = cut.text.split("\n")
    first = lines.index(
        "建冷库三座，库容合计达3"
    )  # the figure ends the line: the space after it is the gutter
    assert lines[first + 1 : first + 7] == [
        "万吨。果农老李说：“以前",
        "最怕下雨，果子一淋就烂，",
        "只能低价卖给收购商。”今",
        "年他家的苹果全进了冷库，",
        "等到春节前后再卖，每斤能",
        "多卖五毛钱。",
    ]
    second = lines.index("2024年起冷库由合作社统")
    assert lines[second + 4] == "修剪果树、科学施肥。"
    # The third column whole, its lines two spaces or more past the first column's read in it.
    third = lines.index("下一步还要建一条分拣线，")
    assert third > second > first
    assert lines[third + 4 : third + 8] == [
        "比去年增加一成多。在县城",
        "东边的物流园里，一辆辆货",
        "车正在排队等候装箱，工人",
        "们忙着把一筐筐苹果装上",
    ]
    # And the fourth and fifth after it, from their rows of their own.
    assert lines[third + 9 : third + 13] == [
        "车。库外还新建了停车场，",
        "方便客商装车。",
        "不少外地客商专程赶来",
        "收购，价钱比去年高出两成。",
    ]
    assert lines[third + 14 : third + 18] == [
        "物流园负责人介绍，今年",
        "发往南方的苹果比去年多",
        "了三成，最远卖到了海南",
        "岛。",
    ]
    assert cut.unsure == ()


# A page set in narrow gutters all over, as pdftotext -layout printed it: its columns' lines stand
# one space apart on every row (no line holds runs two spaces apart), a column's line alone on its
# row stands where its column is drawn (the second column's lines under the first's foot), and
# beside a short line the next column stands two spaces or more on.
NARROW_ALL_OVER = """\
2024 年 3 月 5 日 星期二 民生 第4版


              暖气进了千家万户

  本报讯入冬以来，镇 施工队先后铺设管道六公 供热公司设立了服务热线，
上的暖气改造工程全部完 里，新建换热站两座，每 安排专人二十四小时值守，
工，两千多户居民家里暖 户装上了智能温控阀。居 群众反映的问题做到当天
和了。七十岁的周大娘说： 民在手机上就能查看室温， 受理、限时办结。入冬以
“往年冬天屋里冷得穿棉 遇到问题随时报修。镇上 来，热线共接到咨询三百
袄，今年穿毛衣就行了。” 还组织党员志愿者上门走 多件，已全部办结。“师
改造由镇政府统一组织。 访，帮助老人学会使用温 傅们来得快，修得也好。”
             控阀，把好事办到群众心 居民李先生说。今年镇里
             坎上。下一步，镇里将对 还新建了一座便民服务中
             老旧小区的外墙进行保温 心，水电气暖业务都能在
             改造，让更多居民过上温 一个窗口办理，居民办事
             暖舒适的冬天。      更方便了。
"""


def test_a_page_set_in_narrow_gutters_all_over_is_cut_into_its_columns() -> None:
    assert is_layout_mode(NARROW_ALL_OVER)
    lines = columns_apart(NARROW_ALL_OVER).split("\n")
    first = lines.index("本报讯入冬以来，镇")
    assert lines[first + 1 : first + 7] == [
        "上的暖气改造工程全部完",
        "工，两千多户居民家里暖",
        "和了。七十岁的周大娘说：",
        "“往年冬天屋里冷得穿棉",
        "袄，今年穿毛衣就行了。”",
        "改造由镇政府统一组织。",
    ]
    # The second column whole, its lines under the first's foot with it.
    second = lines.index("施工队先后铺设管道六公")
    assert second > first
    assert lines[second + 8 : second + 12] == [
        "坎上。下一步，镇里将对",
        "老旧小区的外墙进行保温",
        "改造，让更多居民过上温",
        "暖舒适的冬天。",
    ]
    assert lines.index("一个窗口办理，居民办事") + 1 == lines.index("更方便了。")
    assert lines.index("供热公司设立了服务热线，") > second
