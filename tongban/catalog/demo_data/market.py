"""市场监管: market-entity registration, food and drug licensing, special equipment (demonstration data)."""

from __future__ import annotations

from tongban.catalog.demo_data._common import (
    business_licence,
    county_impls,
    faq,
    form_doc,
    id_card,
    law,
    make_item,
    mat,
)
from tongban.catalog.demo_data._forms import area, choice, date, enterprise_form, number, person_form, text

C = "市场监管"
REG = law(
    "《中华人民共和国市场主体登记管理条例》",
    "国务院令第746号",
    "第三条",
    "市场主体应当依照本条例办理登记。未经登记，不得以市场主体名义从事经营活动。法律、行政法规规定无需办理登记的除外。",
)
REG_19 = law(
    "《中华人民共和国市场主体登记管理条例》",
    "国务院令第746号",
    "第十九条",
    "登记机关应当对申请材料进行形式审查。对申请材料齐全、符合法定形式的予以确认并当场登记。不能当场登记的，应当在3个工作日内予以登记；"
    "情形复杂的，经登记机关负责人批准，可以再延长3个工作日。",
)
REG_RULES = "《中华人民共和国市场主体登记管理条例实施细则》（国家市场监督管理总局令第52号）"
FOOD_LAW = law(
    "《中华人民共和国食品安全法》",
    "主席令第二十一号（2021年修正）",
    "第三十五条",
    "国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。但是，销售食用农产品和仅销售预包装食品的，"
    "不需要取得许可。仅销售预包装食品的，应当报所在地县级以上地方人民政府食品安全监督管理部门备案。",
)

ITEMS = [
    make_item(
        seq=1,
        name="企业设立登记",
        item_type="01",
        category=C,
        guide={
            "legal_basis": [
                REG,
                REG_19,
                law(
                    "《中华人民共和国公司法》",
                    "主席令第十五号（2023年修订）",
                    "第二十九条",
                    "设立公司，应当依法向公司登记机关申请设立登记。法律、行政法规规定设立公司必须报经批准的，应当在公司登记前依法办理批准手续。",
                ),
            ],
            "service_objects": ["1", "2", "6"],
            "acceptance_conditions": "1. 拟设立企业的名称经自主申报且不与同一登记机关已登记的企业名称相同；2. 住所（经营场所）位于开封市行政区域内，"
            "已如实申报并承诺真实；3. 公司的股东人数、出资方式、组织机构符合《公司法》规定；4. 经营范围按国家经营范围规范目录选择，"
            "涉及登记前置许可的已取得批准文件；5. 法定代表人不存在《市场主体登记管理条例》第十二条规定的不得担任情形。",
            "prohibited_conditions": "被列入严重违法失信名单的当事人担任法定代表人的，不予登记。",
            "handling_flow": "1. 网上申报（河南省企业登记全程电子化平台或本平台企业开办专区）或窗口提交；2. 全体投资人及法定代表人实名认证、电子签名；"
            "3. 登记机关形式审查；4. 核准登记，生成电子营业执照；5. 领取纸质营业执照（窗口领取或免费邮寄），同步免费刻制公章",
            "legal_days": 3,
            "legal_days_note": "情形复杂的经登记机关负责人批准可延长3个工作日",
            "promised_days": 1,
            "promised_days_note": "企业开办全流程（登记、刻章、申领发票、社保和公积金登记）0.5个工作日内办结",
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "result_type": "licence",
            "result_name": "营业执照（含电子营业执照）",
            "handle_area": "全市通办",
            "person_topics": ["employment"],
            "enterprise_topics": ["establish"],
            "form_schema": person_form(
                "企业设立登记申请书",
                {
                    "company_name": text("拟设立企业名称", 100),
                    "company_type": choice(
                        "企业类型",
                        [
                            ("llc", "有限责任公司"),
                            ("one_person_llc", "有限责任公司（自然人独资）"),
                            ("joint_stock", "股份有限公司"),
                            ("partnership", "合伙企业"),
                            ("sole", "个人独资企业"),
                        ],
                    ),
                    "registered_capital": number(
                        "注册资本（出资额，万元）",
                        description="有限责任公司股东认缴出资应在公司成立之日起五年内缴足",
                    ),
                    "address": text("住所（经营场所）", 200),
                    "business_scope": area("经营范围", 2000, description="请按经营范围规范表述目录勾选"),
                    "legal_rep_name": text("法定代表人（执行事务合伙人、投资人）姓名", 50),
                    "need_seal": choice("是否同步免费刻制公章", [("yes", "是"), ("no", "否")]),
                },
                ["company_name", "company_type", "address", "business_scope", "legal_rep_name"],
                section="企业基本信息",
                required_if=[
                    {"if": {"company_type": "llc"}, "then": ["registered_capital"]},
                    {"if": {"company_type": "joint_stock"}, "then": ["registered_capital"]},
                ],
            ),
            "materials": [
                form_doc("公司登记（备案）申请书", "《中华人民共和国市场主体登记管理条例》第十六条"),
                mat(
                    "公司章程（合伙协议、个人独资企业无需提交）",
                    material_type="2",
                    fill_notes="可使用平台提供的章程范本在线生成，由全体股东电子签名",
                    accept_standard="内容符合《公司法》规定，全体股东签字（盖章）",
                    basis="《中华人民共和国市场主体登记管理条例》第十六条",
                ),
                id_card("《中华人民共和国市场主体登记管理条例》第十六条", who="股东（投资人）、法定代表人"),
                mat(
                    "法人股东的主体资格证明",
                    material_type="1",
                    source="government",
                    source_note="法人股东为境内企业的，通过登记信息共享获取",
                    necessity="2",
                    fill_notes="股东为法人或其他组织时提供",
                    accept_standard="主体资格文件在有效期内",
                    basis=REG_RULES + "第二十七条",
                    exempt_if_shared=True,
                ),
                mat(
                    "董事、监事和高级管理人员的任职文件",
                    material_type="2",
                    fill_notes="股东会决议或股东决定，可在线生成",
                    accept_standard="任职人员、职务与章程规定一致",
                    basis="《中华人民共和国市场主体登记管理条例》第十六条",
                ),
                mat(
                    "住所（经营场所）信息申报承诺书",
                    material_type="2",
                    fill_notes="开封市实行住所（经营场所）申报承诺制，无需提交产权证明",
                    accept_standard="地址具体到门牌号，申请人签字承诺",
                    basis="《河南省市场主体住所（经营场所）登记管理办法》",
                ),
            ],
            "faqs": [
                faq(
                    "注册资本需要在设立时实缴吗？",
                    "不需要。依据2023年修订的《公司法》第四十七条，有限责任公司全体股东认缴的出资额由股东按照公司章程的规定自公司成立之日起五年内缴足。",
                ),
                faq(
                    "办理企业设立登记需要跑几次？",
                    "全程网办零跑动：网上提交、电子签名后，电子营业执照即时生成，纸质执照和免费刻制的公章可选择免费邮寄到家。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=2,
        name="个体工商户登记",
        item_type="01",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《促进个体工商户发展条例》",
                    "国务院令第755号",
                    "第二条",
                    "有经营能力的公民在中华人民共和国境内从事工商业经营，依法登记为个体工商户的，适用本条例。",
                ),
                REG_19,
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 申请人为有经营能力的中国公民（或港澳居民、台湾居民）；2. 经营场所位于开封市行政区域内；"
            "3. 经营项目不属于法律、行政法规禁止个体工商户经营的项目，涉及前置许可的已取得批准文件。",
            "handling_flow": "1. 网上申报或窗口提交；2. 实名认证与电子签名；3. 登记机关形式审查；4. 当场核准登记并发放营业执照",
            "legal_days": 3,
            "promised_days": 0,
            "promised_days_note": "材料齐全、符合法定形式的当场办结",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "result_type": "licence",
            "result_name": "营业执照（个体工商户）",
            "person_topics": ["employment"],
            "enterprise_topics": ["establish"],
            "form_schema": person_form(
                "个体工商户登记（备案）申请书",
                {
                    "situation": choice(
                        "申请情形", [("new", "设立登记"), ("change", "变更登记"), ("cancel", "注销登记")]
                    ),
                    "shop_name": text("个体工商户名称（可不申报名称）", 60),
                    "registration_no": text(
                        "原统一社会信用代码", 18, **{"x-show-if": {"situation": "change"}}
                    ),
                    "business_place": text("经营场所", 200),
                    "business_scope": area("经营范围", 1000),
                    "change_items": area(
                        "变更事项及变更后内容", 500, **{"x-show-if": {"situation": "change"}}
                    ),
                    "cancel_reason": choice(
                        "注销原因",
                        [("stop", "停止经营"), ("transfer", "转为企业"), ("death", "经营者死亡")],
                        **{"x-show-if": {"situation": "cancel"}},
                    ),
                },
                ["situation", "business_place"],
                required_if=[
                    {"if": {"situation": "new"}, "then": ["business_scope"]},
                    {"if": {"situation": "change"}, "then": ["registration_no", "change_items"]},
                    {"if": {"situation": "cancel"}, "then": ["cancel_reason"]},
                ],
            ),
            "materials": [
                form_doc("个体工商户登记（备案）申请书", "《中华人民共和国市场主体登记管理条例》第十六条"),
                id_card("《中华人民共和国市场主体登记管理条例》第十六条", who="经营者"),
                mat(
                    "经营场所信息申报承诺书",
                    material_type="2",
                    fill_notes="实行经营场所申报承诺制，无需提交产权证明",
                    accept_standard="地址具体到门牌号，经营者签字",
                    basis="《河南省市场主体住所（经营场所）登记管理办法》",
                ),
                mat(
                    "委托代理人身份证件及授权委托书",
                    material_type="2",
                    necessity="2",
                    fill_notes="委托他人代为办理时提交",
                    accept_standard="委托事项、权限、期限明确，经营者签字",
                    basis=REG_RULES + "第二十六条",
                ),
            ],
            "faqs": [
                faq(
                    "个体工商户可以不起名称吗？",
                    "可以。个体工商户可以使用名称，也可以不使用名称；不使用名称的，营业执照名称栏显示“*”。",
                ),
                faq(
                    "个体工商户转为企业需要先注销吗？",
                    "不需要。可直接申请“个转企”变更登记，保留原有字号和有关许可，无需先注销再设立。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=3,
        name="食品经营许可",
        item_type="01",
        category=C,
        guide={
            "legal_basis": [
                FOOD_LAW,
                law(
                    "《食品经营许可和备案管理办法》",
                    "国家市场监督管理总局令第78号",
                    "第二章 食品经营许可",
                    "在中华人民共和国境内从事食品销售和餐饮服务活动，应当依法取得食品经营许可。县级以上地方市场监督管理部门应当自受理申请之日起"
                    "10个工作日内作出是否准予行政许可的决定。",
                ),
            ],
            "service_objects": ["1", "2", "6"],
            "acceptance_conditions": "1. 已取得营业执照或其他主体资格证明文件；2. 具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，"
            "与有毒、有害场所以及其他污染源保持规定的距离；3. 具有与经营的食品品种、数量相适应的经营设备或者设施；"
            "4. 有专职或者兼职的食品安全总监、食品安全员等食品安全管理人员和保证食品安全的规章制度；"
            "5. 具有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染。",
            "prohibited_conditions": "申请人隐瞒真实情况或者提供虚假材料申请食品经营许可的，1年内不得再次申请。",
            "handling_flow": "1. 申请；2. 受理；3. 审查（需要现场核查的进行现场核查）；4. 决定；5. 制证送达",
            "legal_days": 10,
            "legal_days_note": "因特殊原因需要延长的，经负责人批准可延长5个工作日",
            "promised_days": 5,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "special_procedures": "现场核查（不计入办理时限）",
            "tolerance": True,
            "result_type": "licence",
            "result_name": "食品经营许可证",
            "enterprise_topics": ["permits"],
            "person_topics": ["employment"],
            "form_schema": enterprise_form(
                "食品经营许可申请书",
                {
                    "situation": choice(
                        "申请情形",
                        [("new", "新办"), ("change", "变更"), ("renew", "延续"), ("cancel", "注销")],
                    ),
                    "licence_no": text("原食品经营许可证编号", 20, **{"x-show-if": {"situation": "change"}}),
                    "business_type": choice(
                        "主体业态",
                        [("sale", "食品销售经营者"), ("catering", "餐饮服务经营者"), ("canteen", "单位食堂")],
                    ),
                    "business_items": area(
                        "经营项目", 500, description="如：散装食品销售、热食类食品制售、冷食类食品制售"
                    ),
                    "business_area": number("经营场所面积（平方米）"),
                    "safety_officer": text("食品安全管理人员姓名", 50),
                    "change_reason": area("变更事项及原因", 500, **{"x-show-if": {"situation": "change"}}),
                },
                ["situation", "business_type"],
                required_if=[
                    {
                        "if": {"situation": "new"},
                        "then": ["business_items", "business_area", "safety_officer"],
                    },
                    {"if": {"situation": "change"}, "then": ["licence_no", "change_reason"]},
                ],
            ),
            "materials": [
                form_doc("食品经营许可申请书", "《食品经营许可和备案管理办法》第二章"),
                business_licence("《食品经营许可和备案管理办法》第二章"),
                mat(
                    "经营场所平面布局图和主要设备设施布局、操作流程说明",
                    material_type="3",
                    fill_notes="标明功能分区、面积、设备位置及人流物流走向",
                    accept_standard="图示清晰，与实际经营场所一致",
                    basis="《食品经营许可和备案管理办法》第二章",
                ),
                mat(
                    "食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度文本",
                    material_type="3",
                    necessity="3",
                    fill_notes="容缺受理：可在领证前或承诺期限（5个工作日）内补交",
                    accept_standard="制度内容与经营项目相适应",
                    basis="《中华人民共和国食品安全法》第三十三条",
                ),
                id_card("《食品经营许可和备案管理办法》第二章", who="法定代表人（负责人）"),
            ],
            "faqs": [
                faq(
                    "只卖预包装食品还需要办食品经营许可证吗？",
                    "不需要。依据《食品安全法》第三十五条，仅销售预包装食品的只需向所在地市场监管部门备案，本平台“仅销售预包装食品备案”可即时办理。",
                ),
                faq(
                    "食品经营许可证有效期多久？",
                    "有效期为5年。需要延续的，应当在有效期届满前90个工作日至15个工作日期间提出延续申请。",
                ),
            ],
        },
        counties=county_impls(
            category=C, overrides={"410225": {"promised_days": 3}, "410221": {"promised_days": 3}}
        ),
    ),
    make_item(
        seq=4,
        name="企业注销登记",
        item_type="01",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国市场主体登记管理条例》",
                    "国务院令第746号",
                    "第三十一条、第三十三条",
                    "市场主体因解散、被宣告破产或者其他法定事由需要终止的，应当依法向登记机关申请注销登记。经登记机关注销登记，市场主体终止。"
                    "市场主体未发生债权债务或者已将债权债务清偿完结，……并由全体投资人书面承诺对上述情况的真实性承担法律责任的，可以按照简易程序办理注销登记。",
                ),
                law(
                    "《中华人民共和国公司法》",
                    "主席令第十五号（2023年修订）",
                    "第二百三十九条",
                    "公司清算结束后，清算组应当制作清算报告，报股东会或者人民法院确认，并报送公司登记机关，申请注销公司登记。",
                ),
            ],
            "service_objects": ["2", "6"],
            "acceptance_conditions": "一般注销：1. 企业已依法成立清算组并完成清算；2. 清算组已通过国家企业信用信息公示系统发布债权人公告满45日。"
            "简易注销：1. 企业未发生债权债务或者已将债权债务清偿完结；2. 已结清清偿费用、职工工资、社会保险费用、法定补偿金和应缴纳税款；"
            "3. 全体投资人书面承诺并已通过国家企业信用信息公示系统公示满20日且无异议。",
            "prohibited_conditions": "存在股权（财产份额）被冻结、出质或者动产抵押，或者对其他市场主体存在投资，或者正在被立案调查、"
            "采取行政强制措施的，不适用简易注销程序。",
            "handling_flow": "1. 选择注销方式并在线公示（简易注销公示20日，一般注销债权人公告45日）；2. 提交注销登记申请；3. 形式审查；"
            "4. 核准注销，收缴营业执照；5. 注销信息同步推送税务、人社、医保、公积金、海关、商务部门",
            "legal_days": 3,
            "legal_days_note": "公示期、公告期不计入办理时限",
            "promised_days": 1,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "special_procedures": "简易注销公示20日、一般注销债权人公告45日（不计入办理时限）",
            "result_type": "approval",
            "result_name": "准予注销登记通知书",
            "enterprise_topics": ["closure"],
            "form_schema": enterprise_form(
                "企业注销登记申请书",
                {
                    "mode": choice("注销方式", [("simple", "简易注销"), ("general", "一般注销")]),
                    "reason": choice(
                        "注销原因",
                        [
                            ("articles", "章程规定的解散事由出现"),
                            ("resolution", "股东会决议解散"),
                            ("revoked", "依法被吊销营业执照、责令关闭或者被撤销"),
                            ("bankrupt", "人民法院宣告破产"),
                        ],
                    ),
                    "publicity_date": date("公示（公告）开始日期"),
                    "liquidator": text("清算组负责人", 50, **{"x-show-if": {"mode": "general"}}),
                },
                ["mode", "reason", "publicity_date"],
                required_if=[{"if": {"mode": "general"}, "then": ["liquidator"]}],
            ),
            "materials": [
                form_doc("企业注销登记申请书", "《中华人民共和国市场主体登记管理条例》第三十二条"),
                mat(
                    "（一般注销）经股东会确认的清算报告",
                    material_type="2",
                    fill_notes="仅一般注销提交；由清算组成员签字，股东会确认",
                    accept_standard="清算报告载明债权债务清偿情况并经确认",
                    basis="《中华人民共和国公司法》第二百三十九条",
                ),
                mat(
                    "（简易注销）全体投资人承诺书",
                    material_type="2",
                    fill_notes="仅简易注销提交；已在公示系统公示的，打印公示版本签字",
                    accept_standard="全体投资人签字（盖章）",
                    basis="《中华人民共和国市场主体登记管理条例》第三十三条",
                ),
                business_licence("《中华人民共和国市场主体登记管理条例》第三十二条"),
            ],
            "faqs": [
                faq(
                    "企业注销还需要分别去税务、社保等部门办理吗？",
                    "不需要。注销登记信息通过“企业注销一网通办”同步推送相关部门，税务未办理涉税事宜的纳税人可免予到税务部门办理清税证明。",
                ),
                faq(
                    "简易注销公示期内有人提出异议怎么办？",
                    "公示期内被提出异议的，登记机关不予简易注销，企业可以按一般注销程序办理。",
                ),
            ],
        },
        counties=county_impls("410212", "410225", category=C),
    ),
    make_item(
        seq=5,
        name="特种设备使用登记",
        item_type="01",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国特种设备安全法》",
                    "主席令第四号",
                    "第三十三条",
                    "特种设备使用单位应当在特种设备投入使用前或者投入使用后三十日内，向负责特种设备安全监督管理的部门办理使用登记，取得使用登记证书。"
                    "登记标志应当置于该特种设备的显著位置。",
                ),
                law(
                    "《特种设备使用管理规则》",
                    "TSG 08-2017",
                    "第3章 使用登记",
                    "登记机关对申请资料进行审查，自受理之日起15个工作日内，对符合要求的办理使用登记，发给使用登记证。",
                ),
            ],
            "service_objects": ["1", "2", "3", "6"],
            "acceptance_conditions": "1. 特种设备已按规定完成安装（改造、修理）监督检验或者定期检验且结论为合格；2. 使用单位已配备取得相应资格的安全管理人员和作业人员；"
            "3. 在特种设备投入使用前或者投入使用后30日内申请；4. 特种设备未列入国家明令淘汰或已经报废的范围。",
            "handling_flow": "1. 网上申请（填写使用登记表）；2. 受理；3. 审查（必要时现场核查）；4. 核发使用登记证；5. 使用单位将登记标志置于设备显著位置",
            "legal_days": 15,
            "promised_days": 5,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "result_type": "licence",
            "result_name": "特种设备使用登记证",
            "enterprise_topics": ["operation"],
            "form_schema": enterprise_form(
                "特种设备使用登记表",
                {
                    "situation": choice(
                        "申请情形", [("new", "首次登记"), ("change", "变更登记"), ("cancel", "注销登记")]
                    ),
                    "equipment_kind": choice(
                        "设备种类",
                        [
                            ("boiler", "锅炉"),
                            ("vessel", "压力容器"),
                            ("elevator", "电梯"),
                            ("crane", "起重机械"),
                            ("vehicle", "场（厂）内专用机动车辆"),
                        ],
                    ),
                    "product_no": text("产品编号", 50),
                    "install_address": text("设备使用地点", 200),
                    "safety_manager": text("安全管理员姓名", 50),
                    "registration_no": text("原使用登记证编号", 30, **{"x-show-if": {"situation": "change"}}),
                },
                ["situation", "equipment_kind", "product_no", "install_address"],
                required_if=[
                    {"if": {"situation": "change"}, "then": ["registration_no"]},
                    {"if": {"situation": "new"}, "then": ["safety_manager"]},
                ],
            ),
            "materials": [
                form_doc("特种设备使用登记表（一式两份）", "《特种设备使用管理规则》第3章"),
                business_licence("《特种设备使用管理规则》第3章"),
                mat(
                    "特种设备产品合格证（含产品数据表）",
                    material_type="1",
                    source="other",
                    source_note="特种设备制造单位出具",
                    copies=1,
                    originals=0,
                    accept_standard="与设备铭牌一致",
                    basis="《特种设备使用管理规则》第3章",
                ),
                mat(
                    "特种设备监督检验证书或定期检验报告",
                    material_type="1",
                    source="other",
                    source_note="特种设备检验机构出具",
                    copies=1,
                    originals=0,
                    accept_standard="检验结论为合格且在有效期内",
                    basis="《中华人民共和国特种设备安全法》第三十二条",
                ),
            ],
            "faqs": [
                faq(
                    "电梯由物业公司管理，谁来办理使用登记？",
                    "使用登记由特种设备使用单位办理。委托物业服务企业管理的电梯，由受托的物业服务企业作为使用单位办理。",
                ),
                faq(
                    "设备停用需要办理什么手续？",
                    "停用1年以上的，应当在停用后30日内向登记机关办理报停手续，重新启用前应经定期检验合格并办理启用手续。",
                ),
            ],
        },
        counties=county_impls("410212", "410225", category=C),
    ),
    make_item(
        seq=6,
        name="药品零售经营许可",
        item_type="01",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国药品管理法》",
                    "主席令第三十一号（2019年修订）",
                    "第五十一条、第五十二条",
                    "从事药品零售活动，应当经所在地县级以上地方人民政府药品监督管理部门批准，取得药品经营许可证。无药品经营许可证的，不得经营药品。"
                    "从事药品经营活动应当具备以下条件：（一）有依法经过资格认定的药师或者其他药学技术人员；（二）有与所经营药品相适应的营业场所、设备、"
                    "仓储设施和卫生环境；（三）有与所经营药品相适应的质量管理机构或者人员；（四）有保证药品质量的规章制度，并符合药品经营质量管理规范要求。",
                ),
                law(
                    "《药品经营和使用质量监督管理办法》",
                    "国家市场监督管理总局令第84号",
                    "第二章 经营许可",
                    "药品零售企业经营许可的申请、受理、审查、现场检查和决定，适用本章规定。",
                ),
            ],
            "service_objects": ["2", "6"],
            "acceptance_conditions": "1. 已取得营业执照；2. 经营处方药、甲类非处方药的配备依法经过资格认定的执业药师，只经营乙类非处方药的配备经设区的市级"
            "药品监督管理部门组织考核合格的药学技术人员；3. 营业场所、仓储设施、卫生环境与经营范围和经营规模相适应；"
            "4. 有与所经营药品相适应的质量管理人员和质量管理制度，具备药品追溯能力。",
            "handling_flow": "1. 申请；2. 受理；3. 资料审查；4. 按《药品经营质量管理规范》现场检查；5. 决定；6. 制证送达",
            "legal_days": 15,
            "legal_days_note": "现场检查所需时间不计入",
            "promised_days": 10,
            "case_kind": "2",
            "special_procedures": "现场检查（不计入办理时限）",
            "tolerance": True,
            "result_type": "licence",
            "result_name": "药品经营许可证（零售）",
            "enterprise_topics": ["permits"],
            "form_schema": enterprise_form(
                "药品经营许可证（零售）申请表",
                {
                    "situation": choice(
                        "申请情形", [("new", "核发"), ("change", "变更"), ("renew", "重新审查发证")]
                    ),
                    "business_mode": choice("经营方式", [("single", "单体药店"), ("chain", "连锁门店")]),
                    "business_scope": area(
                        "经营范围", 500, description="如：处方药、甲类非处方药、乙类非处方药、中药饮片"
                    ),
                    "pharmacist": text("执业药师姓名", 50),
                    "pharmacist_cert": text("执业药师注册证编号", 50),
                    "store_area": number("营业面积（平方米）"),
                },
                ["situation", "business_mode", "business_scope", "pharmacist"],
                required_if=[{"if": {"situation": "new"}, "then": ["pharmacist_cert", "store_area"]}],
            ),
            "materials": [
                form_doc("药品经营许可证申请表", "《药品经营和使用质量监督管理办法》第二章"),
                business_licence("《药品经营和使用质量监督管理办法》第二章"),
                mat(
                    "执业药师注册证",
                    material_type="1",
                    source="government",
                    source_note="药品监督管理部门核发",
                    fill_notes="通过执业药师注册信息共享核验",
                    accept_standard="注册单位为本企业且在有效期内",
                    basis="《中华人民共和国药品管理法》第五十二条",
                    exempt_if_shared=True,
                ),
                mat(
                    "营业场所、仓库平面布置图及房屋产权证明或租赁合同",
                    material_type="3",
                    copies=1,
                    originals=0,
                    accept_standard="面积、功能分区标注清楚",
                    basis="《药品经营和使用质量监督管理办法》第二章",
                ),
                mat(
                    "药品质量管理制度文件及主要设施设备目录",
                    material_type="3",
                    necessity="3",
                    fill_notes="容缺受理：应在现场检查前补齐",
                    accept_standard="符合《药品经营质量管理规范》要求",
                    basis="《中华人民共和国药品管理法》第五十二条",
                ),
            ],
            "faqs": [
                faq(
                    "药品经营许可证有效期是多久？",
                    "有效期为5年。有效期届满需要继续经营的，应当在有效期届满前6个月至2个月期间申请重新审查发证。",
                ),
                faq(
                    "连锁药店门店可以简化吗？",
                    "药品零售连锁门店由总部统一质量管理的，可按规定简化部分质量管理制度文件。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=7,
        name="食品生产许可",
        item_type="01",
        category=C,
        guide={
            "legal_basis": [
                FOOD_LAW,
                law(
                    "《食品生产许可管理办法》",
                    "国家市场监督管理总局令第24号",
                    "第二十五条",
                    "县级以上地方市场监督管理部门应当对申请人提交的申请材料进行审查。需要对申请材料的实质内容进行核实的，应当进行现场核查。",
                ),
            ],
            "service_objects": ["2", "6"],
            "acceptance_conditions": "1. 已取得营业执照；2. 具有与生产的食品品种、数量相适应的生产场所和生产设备；3. 有专职或者兼职的食品安全专业技术人员、"
            "食品安全管理人员和保证食品安全的规章制度；4. 具有合理的设备布局和工艺流程；5. 申请的食品类别属于市级市场监管部门许可权限。",
            "handling_flow": "1. 申请；2. 受理；3. 材料审查；4. 现场核查；5. 决定；6. 发证",
            "legal_days": 10,
            "legal_days_note": "特殊原因可延长5个工作日；现场核查时间不计入",
            "promised_days": 8,
            "case_kind": "2",
            "special_procedures": "现场核查（不计入办理时限）",
            "result_type": "licence",
            "result_name": "食品生产许可证",
            "enterprise_topics": ["permits"],
            "form_schema": enterprise_form(
                "食品、食品添加剂生产许可申请书",
                {
                    "situation": choice(
                        "申请情形", [("new", "首次申请"), ("change", "变更"), ("renew", "延续")]
                    ),
                    "food_category": text("申请食品类别", 100, description="如：糕点、速冻食品、豆制品"),
                    "production_address": text("生产地址", 200),
                    "licence_no": text("原食品生产许可证编号", 20, **{"x-show-if": {"situation": "renew"}}),
                },
                ["situation", "food_category", "production_address"],
                required_if=[{"if": {"situation": "renew"}, "then": ["licence_no"]}],
            ),
            "materials": [
                form_doc("食品生产许可申请书", "《食品生产许可管理办法》第十三条"),
                business_licence("《食品生产许可管理办法》第十三条"),
                mat(
                    "食品生产加工场所及其周围环境平面图、生产加工各功能区间布局平面图",
                    material_type="3",
                    accept_standard="标注清楚、比例适当",
                    basis="《食品生产许可管理办法》第十三条",
                ),
                mat(
                    "食品生产主要设备、设施清单和工艺设备布局图、工艺流程图",
                    material_type="3",
                    accept_standard="与申请食品类别相适应",
                    basis="《食品生产许可管理办法》第十三条",
                ),
                mat(
                    "专职或者兼职的食品安全专业技术人员、食品安全管理人员信息和食品安全管理制度",
                    material_type="3",
                    accept_standard="人员信息真实，制度完整",
                    basis="《食品生产许可管理办法》第十三条",
                ),
            ],
            "faqs": [
                faq("食品生产许可证有效期是多久？", "食品生产许可证有效期为5年。"),
                faq(
                    "哪些情况可以不进行现场核查？",
                    "申请变更或延续时，申请人声明生产条件未发生变化的，可以不再进行现场核查。",
                ),
            ],
        },
    ),
]
