"""Article texts written for the typeset test pages (paraphrased local news, no real paper's copy).

The corpus draws on these lists; gold is built from them, never from what an extractor prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PLACES = (
    "北京",
    "呼和浩特",
    "包头",
    "赤峰",
    "鄂尔多斯",
    "通辽",
    "乌海",
    "兴安盟",
    "锡林浩特",
    "满洲里",
    "二连浩特",
    "阿拉善",
)
REPORTERS = (
    "张晓明",
    "李红",
    "王建国",
    "刘洋",
    "陈静",
    "杨帆",
    "赵磊",
    "孙丽",
    "周涛",
    "吴敏",
    "郑凯",
    "高原",
)

HEADLINES = (
    "冬季供暖保障有力有序",
    "草原牧区迎来新一轮春耕备耕",
    "边境口岸货运量创同期新高",
    "新能源装机规模突破一亿千瓦",
    "乡村学校用上“空中课堂”",
    "黄河流域生态保护治理扎实推进",
    "老旧小区改造让居民住得更舒心",
    "冰雪旅游带火北疆小城",
    "全区粮食产量再创历史新高",
    "社区食堂端出“幸福味道”",
    "稀土新材料产业链加速延伸",
    "一条公路带富一方百姓",
    "科技特派员扎根田间地头",
    "打好防沙治沙攻坚战",
    "文化惠民演出走进百个嘎查",
    "银发经济激发消费新活力",
    "数字政务让群众少跑腿",
    "牧民合作社闯出增收新路",
)
KICKERS = (
    "聚焦民生实事",
    "新春走基层",
    "奋力书写中国式现代化新篇章",
    "一线见闻",
    "高质量发展调研行",
    "学习贯彻全会精神",
    "记者蹲点",
    "开局之年看新气象",
)
SUBTITLES = (
    "——全区各地多措并举确保群众温暖过冬",
    "今年以来累计完成投资超过三百亿元",
    "——来自基层一线的调查",
    "三年行动计划全面收官",
    "——我区推进重点项目建设纪实",
    "一季度主要经济指标稳中向好",
    "——一位老支书的三十年坚守",
    "城乡居民收入增速快于经济增长",
)
SUBHEADS = (
    "准备——热企陆续启动设备",
    "服务——网格员上门排查隐患",
    "保障——应急队伍随时待命",
    "产业兴旺：从“种得好”到“卖得好”",
    "人才支撑 让技术留在村里",
    "绿色发展 守护一方碧水蓝天",
    "改革攻坚：审批时限压缩一半",
    "共建共享 居民议事有了新平台",
    "科技赋能让老产业焕发新生机",
    "一张蓝图绘到底",
)
SENTENCES = (
    "入冬以来，全市供热企业提前完成管网检修和设备调试，确保居民家中室温达标。",
    "记者在现场看到，工人们正在对换热站的阀门和仪表逐一进行检查。",
    "据了解，今年全市新增供热面积一百二十万平方米，惠及居民一万八千余户。",
    "热力公司设立了二十四小时服务热线，群众反映的问题做到当天受理、限时办结。",
    "“家里暖和了，老人孩子过冬心里就踏实了。”家住新华街道的王大妈笑着说。",
    "春耕时节，田野里一派繁忙景象，大型播种机来回穿梭，农民们抢抓农时忙生产。",
    "当地农技人员深入田间地头，手把手指导农户科学施肥、合理灌溉。",
    "今年全旗计划种植玉米、大豆等作物八十万亩，良种覆盖率达到百分之九十八以上。",
    "合作社负责人告诉记者，通过订单种植，社员每亩地可增收三百多元。",
    "口岸管理部门推行“提前申报、货到放行”模式，通关时间比去年同期缩短了四成。",
    "一辆辆满载煤炭、木材和农产品的货车有序通过查验通道，驶向全国各地。",
    "前十个月，口岸进出口货运量达到一千八百万吨，同比增长百分之二十二点五。",
    "风电场里，一排排白色风机迎风转动，源源不断地将绿色电能送入电网。",
    "光伏板整齐排列在沙地上，板下种植的牧草既能固沙，又能喂养牛羊。",
    "新能源项目建设带动了装备制造、运维服务等上下游产业在当地集聚发展。",
    "通过“空中课堂”，偏远牧区的孩子们也能和城里学生同上一堂课。",
    "学校负责人介绍，目前已有一百四十多所农村牧区学校接入了远程教学平台。",
    "老师们利用课余时间集体备课，把优质教学资源转化为适合本校学生的课程。",
    "沿黄各旗县区持续开展河道清理和岸线整治，水质稳定保持在三类以上。",
    "湿地公园里，芦苇随风摇曳，成群的候鸟在水面上觅食嬉戏。",
    "生态环境部门建立了跨区域联防联控机制，实现了监测数据实时共享。",
    "改造后的小区铺设了新路面，加装了电梯，还建起了休闲广场和充电车棚。",
    "社区工作人员逐户征求居民意见，把群众最关心的问题列入改造清单。",
    "“以前一下雨院子里就积水，现在出门再也不用踩泥了。”居民李师傅说。",
    "进入冬季，冰雪乐园、滑雪场相继开门迎客，吸引了大批外地游客前来体验。",
    "当地推出了冰雪节、那达慕等特色活动，带动了餐饮、住宿等行业的发展。",
    "文旅部门统计显示，元旦假期全市共接待游客四十六万人次，旅游收入三点二亿元。",
    "今年全区粮食总产量达到七百九十一亿斤，连续多年稳定在七百亿斤以上。",
    "高标准农田建设持续推进，节水灌溉面积进一步扩大，耕地质量稳步提升。",
    "社区食堂每天中午供应两荤两素一汤，老年人就餐还能享受优惠。",
    "食堂由社区提供场地、企业负责运营，做到了价格实惠、干净卫生。",
    "“饭菜合口味，价钱也不贵，我们老两口几乎天天来吃。”七十八岁的赵大爷说。",
    "稀土企业加大研发投入，一批高性能永磁材料实现了规模化生产。",
    "园区内，新建的生产线正在紧张调试，预计明年上半年即可投产达效。",
    "业内人士认为，产业链向下游延伸，有利于把资源优势转化为发展优势。",
    "这条公路全长六十八公里，串起了沿线十二个嘎查村和三个旅游景区。",
    "路通了，牧民的牛羊和奶制品可以直接卖到城里，收入一年比一年高。",
    "科技特派员常年驻村，帮助农户解决生产中遇到的技术难题。",
    "在他们的指导下，村里建起了温室大棚，种上了反季节蔬菜。",
    "治沙工人们顶着风沙扎设草方格，一棵棵梭梭、沙柳在沙丘上扎下了根。",
    "经过多年治理，项目区植被覆盖度由不足百分之十提高到百分之四十以上。",
    "演出队带来了歌舞、小品、好来宝等节目，台下的农牧民群众掌声不断。",
    "今年以来，文化惠民演出已走进一百多个嘎查村，观众超过五万人次。",
    "养老服务中心开设了康复理疗、文化娱乐等项目，满足老年人多样化需求。",
    "商家纷纷推出适老化产品，智能手环、助行器等商品销量明显增长。",
    "政务服务大厅推行“一窗受理、集成服务”，群众办事只需跑一次。",
    "目前，全市已有八百多个政务服务事项实现了网上办、掌上办。",
    "合作社采取“统一采购、统一防疫、统一销售”的方式，降低了养殖成本。",
    "去年合作社实现销售收入一千二百万元，社员人均分红一万余元。",
    "下一步，当地将继续完善配套设施，推动各项工作取得新的更大成效。",
    "有关部门表示，将进一步加强监督检查，确保各项惠民政策落到实处。",
    "据悉，该项目总投资五十六亿元，建成后可年产各类产品二十万吨。",
)
BRIEFS = (
    "近日，市公安局交警支队开展冬季道路交通安全宣传活动，向过往司机发放宣传资料三千余份。",
    "日前，旗图书馆举办“书香润万家”读书分享会，六十余名读者参加活动并交流读书心得。",
    "连日来，区市场监管局对辖区农贸市场开展专项检查，重点检查食品经营主体的进货台账。",
    "近期，县消防救援大队走进中小学校，为师生讲解火灾逃生自救知识并开展疏散演练。",
    "为丰富群众文化生活，街道近日组织开展了广场舞展演活动，十二支队伍同台竞技。",
    "日前，全盟首届农牧民技能大赛落下帷幕，八十名选手在农机操作等项目中一展身手。",
    "近日，市人社局举办春风行动专场招聘会，一百二十家企业提供就业岗位四千多个。",
    "连日来，苏木卫生院组织医护人员入户开展健康体检，为老人建立电子健康档案。",
    "近日，旗气象局发布寒潮蓝色预警，提醒群众注意防寒保暖，合理安排出行。",
)
CAPTIONS = (
    "工人们在换热站内检查设备运行情况。",
    "农民驾驶播种机在田间作业。",
    "满载货物的车辆有序通过口岸查验通道。",
    "游客在冰雪乐园体验滑雪的乐趣。",
    "改造后的小区环境焕然一新。",
    "治沙工人在沙丘上扎设草方格。",
)
ADS = (
    ("广告", "北疆牌羊绒衫 冬季新品上市 全场八折 订购电话：0471-6612345"),
    ("广告", "草原鲜奶 每日直送 家庭订奶热线：400-812-3456"),
    ("公益广告", "节约用水 从我做起 共建美丽家园"),
)
INDEX_ITEMS = (
    "全区粮食产量再创历史新高  第2版",
    "冰雪旅游带火北疆小城  第3版",
    "社区食堂端出“幸福味道”  第4版",
    "稀土新材料产业链加速延伸  第2版",
)
EDITORS = ("王敏", "李强", "赵磊", "马丽", "孙伟", "何静")
CHART_LABELS = ("单位：万吨", "2021年", "2022年", "2023年", "数据来源：市统计局")


@dataclass(frozen=True)
class Pool:
    """Every word a typeset page can draw, and the forms its datelines and credits take.

    Pool A (the lists above) is what every committed page and seed was made from; pools B to J
    (``texts_b`` … ``texts_j``) are other papers' words, to see whether a reading rule holds beyond
    the words it was tried on. A form with one choice is taken without a draw, so that pool A's
    pages come out as they always have.
    """

    name: str
    places: tuple[str, ...]
    reporters: tuple[str, ...]
    headlines: tuple[str, ...]
    kickers: tuple[str, ...]
    subtitles: tuple[str, ...]
    subheads: tuple[str, ...]
    sentences: tuple[str, ...]
    briefs: tuple[str, ...]
    captions: tuple[str, ...]
    ads: tuple[tuple[str, str], ...]
    index_items: tuple[str, ...]
    editors: tuple[str, ...]
    chart_labels: tuple[str, ...]
    chart_title: str = "图表：全市粮食产量"
    index_titles: tuple[str, ...] = ("今日导读",)
    """An index box's title (its items name stories on other pages)."""
    caption_credits: tuple[str, ...] = ("本报记者 {0} 摄", "新华社发", "{1} 摄")
    """The forms a photo's credit takes, formatted with two of the pool's reporters."""
    brief_titles: tuple[str, ...] = ("简讯",)
    """A box of briefs' title (the section its briefs are read under)."""
    months: tuple[int, ...] = (3,)
    days: tuple[int, int] = (1, 4)
    local_datelines: tuple[str, ...] = ("本报{place}{month}月{day}日电",)
    """A story's own paper's dateline, formatted with ``place``, ``month`` and ``day``."""
    agency_datelines: tuple[str, ...] = ("新华社{place}{month}月{day}日电",)
    credits: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(
        default_factory=lambda: {
            "after_dateline": (("记者 {0}",), ("记者 {0} {1}",)),
            "own_line": (("本报记者 {0}",), ("本报记者 {0}　{1}",)),
            "at_end": (("{0}",), ("{0}",)),
        }
    )
    """Per byline style, the forms a credit takes for one name and for two (``{0}``, ``{1}``)."""
    date: str | None = None
    """The running head's date and weekday (None: the page's default, 2024年3月5日 星期二)."""
    weekday: str | None = None
    section_name: str = "要闻"


POOL_A = Pool(
    name="A",
    places=PLACES,
    reporters=REPORTERS,
    headlines=HEADLINES,
    kickers=KICKERS,
    subtitles=SUBTITLES,
    subheads=SUBHEADS,
    sentences=SENTENCES,
    briefs=BRIEFS,
    captions=CAPTIONS,
    ads=ADS,
    index_items=INDEX_ITEMS,
    editors=EDITORS,
    chart_labels=CHART_LABELS,
)
