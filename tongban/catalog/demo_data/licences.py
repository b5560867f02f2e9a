"""Which demo items produce an electronic licence, and which materials a licence replaces (免证可办).

THIS IS DEMONSTRATION DATA. The codes are the demo licence types of ``tongban/licenses/demo_data/license_types.json``
(证照类型代码 = the defining agency's 统一社会信用代码 + 3 digits, GB/T 36904); ``catalog`` does not import
``licenses``, so they are repeated here as plain strings and a test checks that each one names a demo type.
"""

from __future__ import annotations

from typing import Any

# 证照类型代码 of the demo types, by the licence's name.
BUSINESS_LICENCE = "11100000TBDEM0001T001"  # 营业执照
INDIVIDUAL_BUSINESS_LICENCE = "11100000TBDEM0001T002"  # 个体工商户营业执照
FOOD_BUSINESS = "11100000TBDEM0001T003"  # 食品经营许可证
FOOD_PRODUCTION = "11100000TBDEM0001T004"  # 食品生产许可证
SPECIAL_EQUIPMENT = "11100000TBDEM0001T005"  # 特种设备使用登记证
DRUG_RETAIL = "11100000TBDEM0002X001"  # 药品经营许可证
RESIDENCE_PERMIT = "11100000TBDEM00031001"  # 居住证
DRIVING_LICENCE = "11100000TBDEM00031002"  # 机动车驾驶证
HOTEL_TRADE = "11100000TBDEM00031003"  # 特种行业许可证（旅馆业）
NO_CRIMINAL_RECORD = "11100000TBDEM00031004"  # 无犯罪记录证明
MARRIAGE = "11100000TBDEM00044001"  # 结婚证
TEACHER = "11100000TBDEM00057001"  # 教师资格证书
DISABILITY = "11100000TBDEM0006A001"  # 中华人民共和国残疾人证
CONSTRUCTION_PERMIT = "11100000000013338W901"  # 建筑工程施工许可证 (住房和城乡建设部's real credit code)
PRESALE_PERMIT = "11100000000013338W902"  # 商品房预售许可证
ROAD_TRANSPORT = "11100000TBDEM0007D001"  # 道路运输经营许可证
POLLUTANT_DISCHARGE = "11100000TBDEM0008G001"  # 排污许可证
TOBACCO_RETAIL = "11100000TBDEM0009K001"  # 烟草专卖零售许可证
PUBLIC_HEALTH = "11100000TBDEM0010Q001"  # 公共场所卫生许可证
LAND_USE_PLANNING = "11100000TBDEM0011U001"  # 建设用地规划许可证
ENGINEERING_PLANNING = "11100000TBDEM0011U002"  # 建设工程规划许可证
LAWYER = "11100000TBDEM0012Y001"  # 律师执业证
ENTERTAINMENT = "11100000TBDEM00132001"  # 娱乐场所经营许可证

# 办理结果证照类型代码: approving the item (by its name) issues a licence of this type.
ITEM_LICENSE_TYPES: dict[str, str] = {
    "企业设立登记": BUSINESS_LICENCE,
    "个体工商户登记": INDIVIDUAL_BUSINESS_LICENCE,
    "食品经营许可": FOOD_BUSINESS,
    "食品生产许可": FOOD_PRODUCTION,
    "特种设备使用登记": SPECIAL_EQUIPMENT,
    "药品零售经营许可": DRUG_RETAIL,
    "居住证申领": RESIDENCE_PERMIT,
    "机动车驾驶证核发（换证、补证）": DRIVING_LICENCE,
    "旅馆业特种行业许可证核发": HOTEL_TRADE,
    "无犯罪记录证明开具": NO_CRIMINAL_RECORD,
    "内地居民结婚登记": MARRIAGE,
    "教师资格认定": TEACHER,
    "残疾人证核发": DISABILITY,
    "建筑工程施工许可证核发": CONSTRUCTION_PERMIT,
    "商品房预售许可": PRESALE_PERMIT,
    "道路普通货物运输经营许可": ROAD_TRANSPORT,
    "排污许可证核发": POLLUTANT_DISCHARGE,
    "烟草专卖零售许可": TOBACCO_RETAIL,
    "公共场所卫生许可": PUBLIC_HEALTH,
    "建设用地规划许可证核发": LAND_USE_PLANNING,
    "建设工程规划许可证核发": ENGINEERING_PLANNING,
    "律师执业许可（设区的市级审查）": LAWYER,
    "娱乐场所经营许可": ENTERTAINMENT,
}

# 可用电子证照替代: a material (by its exact name, in every item that asks for it) that a valid licence of this
# type replaces, so the applicant picks the licence instead of uploading a copy.
MATERIAL_LICENSE_TYPES: dict[str, str] = {
    "营业执照": BUSINESS_LICENCE,
    "残疾人证": DISABILITY,
    "第二代中华人民共和国残疾人证": DISABILITY,
    "机动车驾驶证": DRIVING_LICENCE,
    "建设工程规划许可证": ENGINEERING_PLANNING,
    "使用土地的证明文件（建设用地规划许可证或不动产权证书）": LAND_USE_PLANNING,
    "结婚证（提取配偶账户时）": MARRIAGE,
    "收养人无不利于被收养人健康成长的违法犯罪记录证明": NO_CRIMINAL_RECORD,
}


def _link_materials(materials: list[dict[str, Any]]) -> None:
    for material in materials:
        code = MATERIAL_LICENSE_TYPES.get(material.get("name", ""))
        if code:
            material["license_type_code"] = code


def link_licences(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Set ``license_type_code`` on the guides and materials of ``items`` (in place); returns ``items``."""
    for item in items:
        guide = item["guide"]
        code = ITEM_LICENSE_TYPES.get(item["name"])
        if code:
            guide["license_type_code"] = code
        _link_materials(guide.get("materials") or [])
        for county in (item.get("counties") or {}).values():
            _link_materials((county.get("overrides") or {}).get("materials") or [])
    return items
