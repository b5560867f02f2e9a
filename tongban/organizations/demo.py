"""Demo organisation data for 开封市: regions, departments, halls and windows (idempotent, ``load()``).

Sources: GB/T 2260 codes of 开封市 and its nine county-level units (reference/standards-cn.md §7.3); the
城乡一体化示范区 modelled as a functional zone without a national code (§7.4); 12-digit township and village codes
follow GB/T 10114 ranges (§7.5). Codes and names marked ``演示数据`` below the county level are demonstration data,
not checked against the statistics bureau's list. Department names follow the 2016 leading-group list
(seeds 附件1) modernised to today's institutional names (e.g. 工商局/质监局/食药监局 → 市场监督管理局,
文广新局 → 文化广电和旅游局, 卫生计生委 → 卫生健康委员会, 行政服务中心 → 政务服务和大数据管理局).
"""

from __future__ import annotations

from django.db import transaction

from tongban.organizations.choices import ExerciseLevel, RegionLevel, WindowKind
from tongban.organizations.models import Department, Hall, Region
from tongban.organizations.services import (
    do_upsert_department,
    do_upsert_hall,
    do_upsert_region,
    do_upsert_window,
)

DEMO_NOTE = "演示数据"
# Platform-local code for the functional zone: letters make it impossible to confuse with a GB/T 2260 code.
DEMO_ZONE_CODE = "410200SFQ"

COUNTIES: list[tuple[str, str, str]] = [
    ("410202", "龙亭区", "2014 年金明区（410211）并入龙亭区"),
    ("410203", "顺河回族区", ""),
    ("410204", "鼓楼区", ""),
    ("410205", "禹王台区", ""),
    ("410212", "祥符区", "原开封县（410224），2014 年撤县设区"),
    ("410221", "杞县", ""),
    ("410222", "通许县", ""),
    ("410223", "尉氏县", ""),
    ("410225", "兰考县", "省直管县，区划代码仍在开封市下"),
]

# (code, name, note) — townships (level 3) and villages/communities (level 4); parent derived from the code.
TOWNSHIPS: list[tuple[str, str, str]] = [
    # 龙亭区: 街道 per §7.3; the first five are administered by the 示范区 (§7.4). Segment numbers are demo data.
    ("410202001000", "北书店街道", DEMO_NOTE),
    ("410202006000", "城西街道", "由城乡一体化示范区管理；代码为演示数据"),
    ("410202007000", "梁苑街道", "由城乡一体化示范区管理；代码为演示数据"),
    ("410202008000", "杏花营街道", "由城乡一体化示范区管理；代码为演示数据"),
    ("410202009000", "金耀街道", "由城乡一体化示范区管理；代码为演示数据"),
    ("410202202000", "水稻乡", "由城乡一体化示范区管理；代码为演示数据"),
    # 祥符区
    ("410212100000", "城关镇", DEMO_NOTE),
    ("410212101000", "陈留镇", DEMO_NOTE),
    ("410212200000", "西姜寨乡", DEMO_NOTE),
    # 兰考县
    ("410225100000", "城关镇", DEMO_NOTE),
    ("410225102000", "东坝头镇", DEMO_NOTE),
    ("410225200000", "仪封乡", DEMO_NOTE),
    # 杞县: 410221213000 is the statistics code cited in §7.5; the name is demonstration data.
    ("410221100000", "城关镇", DEMO_NOTE),
    ("410221213000", "板木乡", "代码见统计用区划代码（§7.5），名称为演示数据"),
]
VILLAGES: list[tuple[str, str, str]] = [
    ("410212100001", "东街社区居民委员会", DEMO_NOTE),
    ("410212100201", "前营村村民委员会", DEMO_NOTE),
    ("410212101201", "陈留村村民委员会", DEMO_NOTE),
    ("410225100001", "中山社区居民委员会", DEMO_NOTE),
    ("410225102201", "张庄村村民委员会", "代码为演示数据"),
    ("410221213001", "板木社区居民委员会", "代码见统计用区划代码（§7.5，城乡分类 122），名称为演示数据"),
    ("410221213203", "板木村村民委员会", "代码见统计用区划代码（§7.5，城乡分类 220），名称为演示数据"),
]

# The 21 city departments (name, short name, category), then others from the 2016 list under today's names.
CITY_DEPARTMENTS: list[tuple[str, str, str]] = [
    ("开封市发展和改革委员会", "市发展改革委", "发展改革"),
    ("开封市教育局", "市教育局", "教育"),
    ("开封市公安局", "市公安局", "公安"),
    ("开封市民政局", "市民政局", "民政"),
    ("开封市司法局", "市司法局", "司法"),
    ("开封市人力资源和社会保障局", "市人社局", "人社"),
    ("开封市自然资源和规划局", "市自然资源和规划局", "自然资源"),
    ("开封市住房和城乡建设局", "市住建局", "住建"),
    ("开封市交通运输局", "市交通运输局", "交通"),
    ("开封市商务局", "市商务局", "商务"),
    ("开封市文化广电和旅游局", "市文广旅局", "文旅"),
    ("开封市卫生健康委员会", "市卫健委", "卫健"),
    ("开封市市场监督管理局", "市市场监管局", "市场监管"),
    ("开封市医疗保障局", "市医保局", "医保"),
    ("开封市残疾人联合会", "市残联", "残联"),
    ("开封市烟草专卖局", "市烟草专卖局", "烟草"),
    ("开封市住房公积金管理中心", "市公积金中心", "公积金"),
    ("开封市政务服务和大数据管理局", "市政务服务和大数据局", "政务服务"),
    ("开封市生态环境局", "市生态环境局", "生态环境"),
    ("开封市水利局", "市水利局", "水利"),
    ("开封市退役军人事务局", "市退役军人事务局", "退役军人"),
]
CITY_DEPARTMENTS_MORE: list[tuple[str, str, str]] = [
    ("开封市科学技术局", "市科技局", "科技"),
    ("开封市工业和信息化局", "市工信局", "工业信息化"),
    ("开封市民族宗教事务委员会", "市民宗委", "民族宗教"),
    ("开封市财政局", "市财政局", "财政"),
    ("开封市城市管理局", "市城管局", "城市管理"),
    ("开封市农业农村局", "市农业农村局", "农业农村"),
    ("开封市审计局", "市审计局", "审计"),
    ("开封市体育局", "市体育局", "体育"),
    ("开封市统计局", "市统计局", "统计"),
]
CITY_DEPARTMENT_COUNT = len(CITY_DEPARTMENTS)

# County departments: (category, name suffix or full-name template). ``{p}`` is the county's official prefix.
COUNTY_DEPARTMENT_TEMPLATES: list[tuple[str, str]] = [
    ("市场监管", "{p}市场监督管理局"),
    ("民政", "{p}民政局"),
    ("人社", "{p}人力资源和社会保障局"),
    ("公安", "{police}"),
    ("教育", "{p}教育局"),
    ("卫健", "{p}卫生健康委员会"),
    ("住建", "{p}住房和城乡建设局"),
    ("交通", "{p}交通运输局"),
    ("医保", "{p}医疗保障局"),
    ("残联", "{p}残疾人联合会"),
    ("政务服务", "{p}行政审批和政务信息管理局"),
]
COUNTIES_WITH_DEPARTMENTS: dict[str, dict[str, str]] = {
    "410212": {"p": "开封市祥符区", "police": "开封市公安局祥符分局"},
    "410225": {"p": "兰考县", "police": "兰考县公安局"},
    "410221": {"p": "杞县", "police": "杞县公安局"},
}

CITY_HALL = "开封市市民之家"
CITY_HALL_WINDOWS: list[tuple[str, str, str]] = [
    *[(str(n), f"综合受理{n}号窗口", WindowKind.GENERAL_INTAKE) for n in range(1, 9)],
    ("9", "出件窗口", WindowKind.RESULT_PICKUP),
    ("10", "帮办代办窗口", WindowKind.ASSISTED),
    ("11", "跨省通办窗口", WindowKind.CROSS_PROVINCE),
    ("12", "企业开办专区", WindowKind.ENTERPRISE),
]
COUNTY_HALLS: dict[str, str] = {
    "410212": "祥符区政务服务中心",
    "410225": "兰考县政务服务中心",
    "410221": "杞县政务服务中心",
}
TOWNSHIP_HALL_CODE = "410212100000"
TOWNSHIP_HALL = "祥符区城关镇便民服务中心"
OPENING_HOURS = "法定工作日 上午 9:00–12:00，下午 13:00–17:00（演示数据）"


def _region(code: str) -> Region:
    return Region.objects.get(code=code)


def _parent_code(code: str) -> str:
    # 12-digit codes: a village's parent is its township (xxxxxxyyy000), a township's parent its county.
    if code.endswith("000"):
        return code[:6]
    return code[:9] + "000"


@transaction.atomic
def load_regions() -> None:
    """开封市, its nine county-level units, the 示范区, and demo townships and villages."""
    city = do_upsert_region("410200", "开封市", RegionLevel.CITY, short_name="开封")
    for order, (code, name, note) in enumerate(COUNTIES, start=1):
        do_upsert_region(code, name, RegionLevel.COUNTY, city, note=note, sort_order=order)
    do_upsert_region(
        DEMO_ZONE_CODE,
        "开封市城乡一体化示范区",
        RegionLevel.COUNTY,
        city,
        has_national_code=False,
        short_name="示范区",
        sort_order=len(COUNTIES) + 1,
        note="功能区，无国家区划代码（平台自编码）；管理龙亭区城西、梁苑、杏花营、金耀街道和水稻乡等，法定区划仍属龙亭区",
    )
    for order, (code, name, note) in enumerate(TOWNSHIPS, start=1):
        do_upsert_region(
            code, name, RegionLevel.TOWNSHIP, _region(_parent_code(code)), note=note, sort_order=order
        )
    for order, (code, name, note) in enumerate(VILLAGES, start=1):
        do_upsert_region(
            code, name, RegionLevel.VILLAGE, _region(_parent_code(code)), note=note, sort_order=order
        )


@transaction.atomic
def load_departments() -> None:
    """The city departments and the county departments of 祥符区, 兰考县 and 杞县."""
    city = _region("410200")
    city_by_category: dict[str, Department] = {}
    for order, (name, short, category) in enumerate(CITY_DEPARTMENTS + CITY_DEPARTMENTS_MORE, start=1):
        department = do_upsert_department(
            name, category, city, ExerciseLevel.CITY, short_name=short, sort_order=order, phone="12345"
        )
        city_by_category[category] = department
    for county_code, names in COUNTIES_WITH_DEPARTMENTS.items():
        county = _region(county_code)
        for order, (category, template) in enumerate(COUNTY_DEPARTMENT_TEMPLATES, start=1):
            name = template.format(**names)
            # A county 公安 branch (分局) is part of the city bureau; other county bodies stand alone.
            parent = city_by_category["公安"] if name.startswith("开封市公安局") else None
            do_upsert_department(
                name,
                category,
                county,
                ExerciseLevel.COUNTY,
                short_name=name.removeprefix("开封市"),
                parent=parent,
                sort_order=order,
            )


@transaction.atomic
def load_halls() -> None:
    """开封市市民之家 with its windows, three county halls and one township 便民服务中心."""
    city = _region("410200")
    hall = do_upsert_hall(
        CITY_HALL, city, "开封市城乡一体化示范区（演示地址）", opening_hours=OPENING_HOURS, phone="12345"
    )
    general = list(
        Department.objects.filter(region=city, category__in=["市场监管", "公安", "民政", "人社", "住建"])
    )
    enterprise = list(
        Department.objects.filter(region=city, category__in=["市场监管", "公安", "医保", "人社"])
    )
    for number, name, kind in CITY_HALL_WINDOWS:
        stationed = (
            enterprise
            if kind == WindowKind.ENTERPRISE
            else general
            if kind == WindowKind.GENERAL_INTAKE
            else []
        )
        do_upsert_window(hall, number, name, kind, departments=stationed)
    for code, name in COUNTY_HALLS.items():
        county = _region(code)
        county_hall = do_upsert_hall(name, county, f"{county.name}（演示地址）", opening_hours=OPENING_HOURS)
        stationed = list(Department.objects.filter(region=county))
        for number in ("1", "2", "3"):
            do_upsert_window(
                county_hall,
                number,
                f"综合受理{number}号窗口",
                WindowKind.GENERAL_INTAKE,
                departments=stationed,
            )
        do_upsert_window(county_hall, "4", "出件窗口", WindowKind.RESULT_PICKUP)
        do_upsert_window(county_hall, "5", "帮办代办窗口", WindowKind.ASSISTED)
    township = _region(TOWNSHIP_HALL_CODE)
    township_hall = do_upsert_hall(
        TOWNSHIP_HALL, township, "祥符区城关镇（演示地址）", opening_hours=OPENING_HOURS
    )
    do_upsert_window(township_hall, "1", "综合受理窗口", WindowKind.GENERAL_INTAKE)
    do_upsert_window(township_hall, "2", "帮办代办窗口", WindowKind.ASSISTED)


def load() -> None:
    """Load (or refresh) the demo organisations; safe to run repeatedly."""
    load_regions()
    load_departments()
    load_halls()


def get_city_hall() -> Hall:
    """开封市市民之家 (after :func:`load`)."""
    return Hall.objects.get(name=CITY_HALL, region__code="410200")
