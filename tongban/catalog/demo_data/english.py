"""English names of the demonstration items (shown on the English UI, indexed for English search) and 办件公示.

DEMONSTRATION DATA: the English names are descriptive translations for the demo, not official titles.
"""

from __future__ import annotations

# Chinese item name → English name.
NAME_EN: dict[str, str] = {
    "企业设立登记": "Company registration (business licence for a new company)",
    "个体工商户登记": "Registration of an individual business (business licence for a sole proprietor)",
    "食品经营许可": "Food business licence",
    "企业注销登记": "Company deregistration",
    "特种设备使用登记": "Registration of the use of special equipment",
    "药品零售经营许可": "Retail pharmacy licence",
    "食品生产许可": "Food production licence",
    "机动车驾驶证核发（换证、补证）": "Driving licence renewal and replacement",
    "普通护照签发": "Passport application",
    "往来港澳通行证及签注签发": "Travel permit and endorsements for Hong Kong and Macao",
    "居住证申领": "Residence permit application",
    "户口迁移（迁入）": "Household registration transfer (moving in)",
    "户口注销（死亡）": "Cancelling household registration after a death",
    "旅馆业特种行业许可证核发": "Special trade licence for hotels",
    "无犯罪记录证明开具": "Certificate of no criminal record",
    "内地居民结婚登记": "Marriage registration",
    "最低生活保障审核确认": "Minimum living allowance (dibao) application",
    "特困人员认定": "Recognition as a person in extreme poverty",
    "临时救助": "Temporary assistance",
    "中国公民收养登记": "Adoption registration",
    "困难残疾人生活补贴和重度残疾人护理补贴": "Living and care allowances for people with disabilities",
    "失业登记": "Unemployment registration",
    "失业保险金申领": "Unemployment insurance benefit claim",
    "社会保障卡申领": "Social security card application",
    "城乡居民基本养老保险参保登记": "Enrolment in the basic pension insurance for urban and rural residents",
    "企业职工基本养老保险待遇申领（退休）": "Retirement pension claim for employees",
    "丧葬补助金和抚恤金申领": "Funeral grant and survivor benefit claim",
    "劳务派遣经营许可": "Labour dispatch business licence",
    "用人单位社会保险登记": "Social insurance registration of an employer",
    "职业介绍": "Job placement service",
    "医师执业注册": "Physician practice registration",
    "护士执业注册": "Nurse practice registration",
    "公共场所卫生许可": "Hygiene licence for public places",
    "医疗机构执业登记": "Practice registration of a medical institution",
    "出生医学证明补发、换发": "Replacement of a birth certificate",
    "基本医疗保险参保人员异地就医备案": "Filing for medical treatment in another place (basic medical insurance)",
    "城乡居民基本医疗保险参保登记": "Enrolment in the basic medical insurance for urban and rural residents",
    "门诊慢特病待遇认定": "Recognition for outpatient chronic and special disease benefits",
    "建筑工程施工许可证核发": "Construction permit for building works",
    "商品房预售许可": "Pre-sale permit for commercial housing",
    "建筑业企业资质核准": "Qualification approval of a construction company",
    "公共租赁住房保障资格申请": "Eligibility for public rental housing",
    "住房公积金提取": "Housing provident fund withdrawal",
    "住房公积金单位缴存登记": "Housing provident fund registration of an employer",
    "道路普通货物运输经营许可": "Road freight transport business licence",
    "出租汽车驾驶员从业资格证核发": "Taxi driver qualification certificate",
    "机动车维修经营备案": "Filing of a vehicle repair business",
    "教师资格认定": "Teacher qualification certification",
    "民办学校设立审批": "Approval to establish a private school",
    "义务教育阶段新生入学登记": "School enrolment for compulsory education",
    "建设用地规划许可证核发": "Planning permit for construction land",
    "建设工程规划许可证核发": "Planning permit for construction works",
    "国有建设用地使用权及房屋所有权转移登记": "Transfer registration of land use rights and house ownership (property)",
    "建设项目环境影响评价文件审批": "Approval of an environmental impact assessment",
    "排污许可证核发": "Pollutant discharge permit",
    "取水许可": "Water abstraction permit",
    "生产建设项目水土保持方案审批": "Approval of a soil and water conservation plan",
    "企业投资项目备案": "Filing of an enterprise investment project",
    "企业投资项目核准": "Approval of an enterprise investment project",
    "成品油零售经营资格审批": "Approval for retail sale of refined oil",
    "再生资源回收经营者备案": "Filing of a recycling business",
    "娱乐场所经营许可": "Entertainment venue licence",
    "旅行社业务经营许可（国内和入境旅游业务）": "Travel agency licence (domestic and inbound tourism)",
    "烟草专卖零售许可": "Tobacco retail licence",
    "法律援助申请": "Legal aid application",
    "律师执业许可（设区的市级审查）": "Lawyer practice licence (city-level review)",
    "退役军人优待证申领": "Veteran preferential treatment card application",
    "残疾人证核发": "Disability certificate",
    "用人单位按比例安排残疾人就业情况审核": "Review of an employer's quota of employees with disabilities",
    "政务服务帮办代办": "Assisted service: staff help you apply",
}

# 办件公示 (``disclose_cases``): by default an item is disclosed when organisations can apply for it and not when
# it serves natural persons only (personal circumstances). These items deviate from that default.
DISCLOSE_OVERRIDES: dict[str, bool] = {
    "个体工商户登记": True,  # a business registration: public like a company's
    "职业介绍": False,  # reveals that a person is looking for work
    "政务服务帮办代办": False,  # an assisted-service request, often for the elderly or disabled
}
ORGANISATION_SERVICE_OBJECTS = frozenset({"2", "3", "4", "5", "6"})


def default_disclose(name: str, service_objects: list[str]) -> bool:
    """Whether the demo item ``name`` serving ``service_objects`` is disclosed on 办件公示."""
    if name in DISCLOSE_OVERRIDES:
        return DISCLOSE_OVERRIDES[name]
    return bool(ORGANISATION_SERVICE_OBJECTS & set(service_objects or []))
