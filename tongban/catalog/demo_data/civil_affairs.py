"""民政: marriage and adoption registration, social assistance, disability allowances (demonstration data)."""

from __future__ import annotations

from tongban.catalog.demo_data._common import county_impls, faq, form_doc, id_card, law, make_item, mat, photo
from tongban.catalog.demo_data._forms import area, choice, date, id_no, integer, number, person_form, text

C = "民政"
ASSIST = "《社会救助暂行办法》"
ASSIST_NO = "国务院令第649号（2019年修订）"
DIBAO_RULES = "《最低生活保障审核确认办法》（民发〔2021〕57号）"
AUTH = mat(
    "家庭经济状况核对授权书",
    material_type="2",
    fill_notes="共同生活的家庭成员（未成年人由监护人代签）在线或现场签署，授权民政部门查询存款、房产、车辆、社保缴费等信息",
    accept_standard="全体共同生活家庭成员签字",
    basis=f"{ASSIST}第六十条",
)

ITEMS = [
    make_item(
        seq=1,
        name="内地居民结婚登记",
        item_type="07",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国民法典》",
                    "主席令第四十五号",
                    "第一千零四十九条",
                    "要求结婚的男女双方应当亲自到婚姻登记机关申请结婚登记。符合本法规定的，予以登记，发给结婚证。完成结婚登记，即确立婚姻关系。",
                ),
                law(
                    "《婚姻登记条例》",
                    "国务院令第387号公布，2025年修订",
                    "第二章 结婚登记",
                    "办理结婚登记的内地居民应当出具本人的居民身份证，以及本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明。"
                    "婚姻登记机关应当对结婚登记当事人出具的证件、证明材料进行审查并询问相关情况，对符合结婚条件的，应当当场予以登记，发给结婚证。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 男女双方均为内地居民，男方年满22周岁、女方年满20周岁；2. 双方完全自愿；3. 双方均无配偶；"
            "4. 双方没有直系血亲和三代以内旁系血亲关系；5. 双方共同亲自到婚姻登记机关申请。",
            "prohibited_conditions": "一方或双方未到法定婚龄、已有配偶、属于直系血亲或三代以内旁系血亲的，不予登记。",
            "handling_flow": "1. 网上预约登记日期（可选）；2. 双方持身份证到场，现场填写《申请结婚登记声明书》并签名、按指纹；3. 登记员审查询问；"
            "4. 当场登记、颁发结婚证（可选择颁证仪式）",
            "legal_days": 1,
            "legal_days_note": "符合条件的当场登记",
            "promised_days": 0,
            "case_kind": "1",
            "handling_forms": ["1"],
            "online_depth": "2",
            "visits": 1,
            "visits_reason": "依据《民法典》第一千零四十九条，须男女双方亲自到场申请",
            "delivery_modes": ["window"],
            "supports_express": False,
            "accept_on_receipt": True,
            "handle_area": "全国通办",
            "result_type": "licence",
            "result_name": "结婚证",
            "person_topics": ["marriage"],
            "form_schema": person_form(
                "结婚登记预约及申请信息",
                {
                    "partner_name": text("对方姓名", 50),
                    "partner_id_number": id_no("对方身份证号码"),
                    "partner_phone": {"type": "string", "title": "对方联系电话", "x-format": "phone"},
                    "appointment_date": date("预约登记日期"),
                    "ceremony": choice("是否参加颁证仪式", [("yes", "参加"), ("no", "不参加")]),
                },
                ["partner_name", "partner_id_number", "appointment_date"],
            ),
            "materials": [
                id_card("《婚姻登记条例》第二章", who="男女双方"),
                mat(
                    "本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明",
                    material_type="2",
                    fill_notes="在婚姻登记机关现场由双方本人填写签字，不得代签",
                    accept_standard="双方本人签名、按指纹",
                    basis="《婚姻登记条例》第二章",
                ),
                photo("双方近期2寸半身免冠合影照片（3张）", "《婚姻登记条例》第二章", count=3),
            ],
            "faqs": [
                faq(
                    "办理结婚登记还需要户口簿吗？",
                    "不需要。依据2025年修订的《婚姻登记条例》，内地居民办理结婚登记只需出具双方居民身份证，并可在全国任一婚姻登记机关办理。",
                ),
                faq("结婚登记收费吗？", "不收费。婚姻登记不收取登记费和证书工本费。"),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=2,
        name="最低生活保障审核确认",
        item_type="05",
        category=C,
        guide={
            "legal_basis": [
                law(
                    ASSIST,
                    ASSIST_NO,
                    "第九条",
                    "国家对共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合当地最低生活保障家庭财产状况规定的家庭，给予最低生活保障。",
                ),
                law(
                    ASSIST,
                    ASSIST_NO,
                    "第十一条",
                    "申请最低生活保障，由共同生活的家庭成员向户籍所在地的乡镇人民政府、街道办事处提出书面申请；家庭成员申请有困难的，"
                    "可以委托村民委员会、居民委员会代为提出申请。",
                ),
                law(
                    "《最低生活保障审核确认办法》",
                    "民发〔2021〕57号",
                    "第二十二条",
                    "乡镇人民政府（街道办事处）应当自受理最低生活保障申请之日起30个工作日之内作出审核确认决定；有特殊情况的，可以延长至45个工作日。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 申请人持有开封市（本县区）户籍，或持有居住证且在居住地连续居住满一年；2. 共同生活的家庭成员人均月收入低于开封市人民政府"
            "公布的城市或农村最低生活保障标准；3. 家庭财产状况符合《开封市最低生活保障家庭财产状况认定标准》规定；"
            "4. 全体共同生活家庭成员签署家庭经济状况核对授权书。",
            "handling_flow": "1. 向户籍所在地（或经常居住地）乡镇人民政府（街道办事处）提出申请，也可网上申请；2. 受理；3. 家庭经济状况信息核对与入户调查；"
            "4. 审核确认；5. 在村（居）委会公示7天；6. 按月发放最低生活保障金",
            "legal_days": 30,
            "legal_days_note": "有特殊情况的可延长至45个工作日",
            "promised_days": 20,
            "case_kind": "2",
            "online_depth": "3",
            "visits": 1,
            "visits_reason": "工作人员须入户调查核实家庭状况（由工作人员上门，申请人无需另行到场）",
            "special_procedures": "公示7天（不计入办理时限）",
            "tolerance": True,
            "one_visit": True,
            "result_type": "approval",
            "result_name": "最低生活保障审核确认决定书及低保金发放",
            "person_topics": ["assistance"],
            "form_schema": person_form(
                "最低生活保障申请书",
                {
                    "household_type": choice(
                        "申请类别", [("urban", "城市最低生活保障"), ("rural", "农村最低生活保障")]
                    ),
                    "members": integer("共同生活家庭成员人数", 1, maximum=20),
                    "monthly_income": number("家庭月总收入（元）"),
                    "reason": area("申请理由（家庭困难情况说明）", 1000),
                    "special_member": choice("是否有重病、重残家庭成员", [("no", "否"), ("yes", "是")]),
                    "bank_account": text("低保金收款账号（本人社会保障卡）", 30),
                },
                ["household_type", "members", "monthly_income", "reason"],
            ),
            "materials": [
                form_doc("最低生活保障申请书", f"{ASSIST}第十一条"),
                id_card(f"{ASSIST}第十一条", who="共同生活家庭成员"),
                AUTH,
                mat(
                    "家庭成员收入情况说明及工资、经营收入凭证",
                    material_type="3",
                    necessity="3",
                    fill_notes="容缺受理：可在入户调查时补交；已通过数据核对获取的免交",
                    accept_standard="收入情况真实完整",
                    basis=DIBAO_RULES + "第十条",
                ),
                mat(
                    "重病、重残家庭成员的残疾人证或病历诊断书",
                    material_type="1",
                    necessity="2",
                    fill_notes="家庭成员中有重病、重残人员的提交，残疾人证可共享获取",
                    accept_standard="证件真实有效",
                    basis=DIBAO_RULES + "第十条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "家里有人在外打工，收入怎么计算？",
                    "按实际收入计算；无法核实的，参照当地最低工资标准等方式核定，并扣除必要的就业成本。",
                ),
                faq(
                    "低保金什么时候开始发放？",
                    "审核确认后从作出确认决定的次月起按月发放，直接打入本人社会保障卡银行账户。",
                ),
            ],
        },
        counties=county_impls(
            category=C,
            overrides={
                "410225": {
                    "acceptance_conditions": "1. 申请人持有兰考县户籍，或持有居住证且在兰考县连续居住满一年；2. 共同生活的家庭成员人均月收入低于兰考县人民政府"
                    "公布的城乡最低生活保障标准；3. 家庭财产状况符合兰考县最低生活保障家庭财产状况认定标准；"
                    "4. 全体共同生活家庭成员签署家庭经济状况核对授权书。",
                }
            },
            reasons={
                "410225": {
                    "acceptance_conditions": "兰考县为省直管县，城乡最低生活保障标准和家庭财产认定标准由兰考县人民政府自行制定公布，受理条件引用本县标准"
                }
            },
        ),
    ),
    make_item(
        seq=3,
        name="特困人员认定",
        item_type="07",
        category=C,
        guide={
            "legal_basis": [
                law(
                    ASSIST,
                    ASSIST_NO,
                    "第十四条",
                    "国家对无劳动能力、无生活来源且无法定赡养、抚养、扶养义务人，或者其法定赡养、抚养、扶养义务人无赡养、抚养、扶养能力的老年人、"
                    "残疾人以及未满16周岁的未成年人，给予特困人员供养。",
                ),
                law(
                    "《特困人员认定办法》",
                    "民发〔2021〕43号",
                    "第三章 申请及受理",
                    "申请特困人员救助供养，应当由本人向户籍所在地乡镇人民政府（街道办事处）提出书面申请；本人申请有困难的，可以委托村（居）民委员会"
                    "或者他人代为提出申请。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 申请人为本市户籍的老年人（年满60周岁）、残疾人或者未满18周岁的未成年人；2. 无劳动能力；3. 无生活来源，收入低于当地"
            "最低生活保障标准且财产符合当地特困人员财产状况规定；4. 无法定赡养、抚养、扶养义务人，或者其法定义务人无履行义务能力。",
            "handling_flow": "1. 向户籍所在地乡镇人民政府（街道办事处）申请；2. 受理；3. 入户调查、信息核对；4. 乡镇审核并公示；"
            "5. 县级民政部门确认；6. 确定分散或集中供养方式并发放救助供养金",
            "legal_days": 40,
            "legal_days_note": "乡镇（街道）审核与县级民政部门确认时限合计",
            "promised_days": 20,
            "case_kind": "2",
            "online_depth": "3",
            "visits": 1,
            "visits_reason": "工作人员须入户核实生活自理能力和家庭状况",
            "special_procedures": "公示7天（不计入办理时限）",
            "result_type": "approval",
            "result_name": "特困人员救助供养证",
            "person_topics": ["assistance"],
            "form_schema": person_form(
                "特困人员救助供养申请书",
                {
                    "category": choice(
                        "申请人类别", [("elderly", "老年人"), ("disabled", "残疾人"), ("minor", "未成年人")]
                    ),
                    "care_mode": choice(
                        "意愿供养方式", [("home", "分散供养（在家）"), ("institution", "集中供养（敬老院）")]
                    ),
                    "self_care": choice(
                        "生活自理能力",
                        [
                            ("full", "具备生活自理能力"),
                            ("partial", "部分丧失生活自理能力"),
                            ("none", "完全丧失生活自理能力"),
                        ],
                    ),
                    "obligor_note": area("法定赡养、抚养、扶养义务人情况说明", 500),
                },
                ["category", "care_mode", "self_care"],
            ),
            "materials": [
                form_doc("特困人员救助供养申请书", "《特困人员认定办法》第三章"),
                id_card("《特困人员认定办法》第三章"),
                AUTH,
                mat(
                    "残疾人证",
                    material_type="1",
                    source="government",
                    source_note="残联核发",
                    necessity="2",
                    fill_notes="残疾人申请时提供，可共享获取",
                    accept_standard="第二代残疾人证且在有效期内",
                    basis="《特困人员认定办法》第三章",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "已经是低保对象还能申请特困吗？",
                    "可以。符合特困人员认定条件的低保对象可以申请，认定为特困人员后不再享受低保待遇。",
                ),
                faq(
                    "特困人员生病住院怎么办？",
                    "特困人员住院期间需要护理的，可按规定享受照料护理补贴，医疗费用按医疗救助政策给予救助。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=4,
        name="临时救助",
        item_type="05",
        category=C,
        guide={
            "legal_basis": [
                law(
                    ASSIST,
                    ASSIST_NO,
                    "第四十七条",
                    "国家对因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭，或者因生活必需支出突然增加"
                    "超出家庭承受能力，导致基本生活暂时出现严重困难的最低生活保障家庭，以及遭遇其他特殊困难的家庭，给予临时救助。",
                ),
                law(
                    ASSIST,
                    ASSIST_NO,
                    "第四十八条",
                    "申请临时救助的，应当向乡镇人民政府、街道办事处提出，经审核、公示后，由县级人民政府民政部门审批；情况紧急的，可以按照规定简化审批手续。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 因火灾、交通事故等意外事件，或家庭成员突发重大疾病，导致基本生活暂时出现严重困难；2. 最低生活保障家庭因生活必需支出"
            "突然增加超出家庭承受能力；3. 在开封市遭遇生活无着的流动人员（由救助管理机构实施）。具备以上情形之一。",
            "handling_flow": "1. 向户籍地或经常居住地乡镇（街道）申请，急难情况可直接向县级民政部门申请；2. 受理；3. 调查核实；4. 审核审批；"
            "5. 发放救助金或实物。急难型临时救助实行“先救助、后补手续”",
            "legal_days": 20,
            "promised_days": 10,
            "promised_days_note": "急难型临时救助24小时内先行救助",
            "case_kind": "2",
            "online_depth": "3",
            "tolerance": True,
            "result_type": "other",
            "result_name": "临时救助审批决定及救助金发放",
            "person_topics": ["assistance"],
            "form_schema": person_form(
                "临时救助申请书",
                {
                    "kind": choice(
                        "救助类型",
                        [
                            ("urgent", "急难型（意外事件、突发重病）"),
                            ("spending", "支出型（生活必需支出突增）"),
                        ],
                    ),
                    "event_date": date("困难发生日期"),
                    "event": area("困难情况说明", 1000),
                    "amount": number("已发生或预计支出（元）"),
                },
                ["kind", "event_date", "event"],
            ),
            "materials": [
                form_doc("临时救助申请书", f"{ASSIST}第四十八条"),
                id_card(f"{ASSIST}第四十八条"),
                AUTH,
                mat(
                    "意外事件、疾病或大额支出的证明票据（事故认定书、医院诊断书、医疗费用票据）",
                    material_type="1",
                    necessity="3",
                    fill_notes="容缺受理：急难情况可先行救助，10个工作日内补交",
                    accept_standard="票据与申请事由相符",
                    basis="《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）",
                ),
            ],
            "faqs": [
                faq(
                    "非本地户籍可以申请临时救助吗？",
                    "可以。在开封市经常居住的非本地户籍人员，可向经常居住地乡镇（街道）申请。",
                ),
                faq("一年可以申请几次？", "同一事由原则上一年内只救助一次；遭遇新的困难的可以再次申请。"),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=5,
        name="中国公民收养登记",
        item_type="07",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国民法典》",
                    "主席令第四十五号",
                    "第一千零九十八条",
                    "收养人应当同时具备下列条件：（一）无子女或者只有一名子女；（二）有抚养、教育和保护被收养人的能力；（三）未患有在医学上认为不应当"
                    "收养子女的疾病；（四）无不利于被收养人健康成长的违法犯罪记录；（五）年满三十周岁。",
                ),
                law(
                    "《中华人民共和国民法典》",
                    "主席令第四十五号",
                    "第一千一百零五条",
                    "收养应当向县级以上人民政府民政部门登记。收养关系自登记之日起成立。",
                ),
                law(
                    "《中国公民收养子女登记办法》",
                    "民政部令第14号",
                    "第七条",
                    "收养登记机关收到收养登记申请书及有关材料后，应当自次日起30日内进行审查。对符合民法典规定条件的，为当事人办理收养登记，发给收养登记证。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 收养人符合《民法典》第一千零九十八条规定的条件；2. 被收养人为丧失父母的孤儿、查找不到生父母的未成年人或生父母有特殊困难"
            "无力抚养的子女；3. 有配偶者收养子女，经夫妻共同同意并共同申请；4. 收养八周岁以上未成年人的，已征得被收养人同意；"
            "5. 收养人、送养人到被收养人常住户口所在地的收养登记机关共同申请。",
            "handling_flow": "1. 预约并提交申请；2. 受理；3. 审查，开展收养评估；4. 公告查找生父母（查找不到生父母的弃婴、儿童）；5. 登记发证",
            "legal_days": 30,
            "legal_days_note": "公告查找生父母期间（60日）不计入",
            "promised_days": 20,
            "case_kind": "2",
            "handling_forms": ["1"],
            "online_depth": "2",
            "visits": 2,
            "visits_reason": "收养人、送养人须共同到场申请并接受询问；领取收养登记证时须到场",
            "special_procedures": "收养评估、公告查找生父母（不计入办理时限）",
            "intermediary": True,
            "intermediary_note": "收养评估可委托第三方专业机构开展，费用由政府承担",
            "one_visit": False,
            "delivery_modes": ["window"],
            "result_type": "licence",
            "result_name": "收养登记证",
            "person_topics": ["birth"],
            "form_schema": person_form(
                "收养登记申请书",
                {
                    "adoptee_name": text("被收养人姓名", 50),
                    "adoptee_birth": date("被收养人出生日期"),
                    "adoptee_kind": choice(
                        "被收养人情况",
                        [
                            ("welfare", "社会福利机构抚养的儿童"),
                            ("relative", "三代以内旁系同辈血亲的子女"),
                            ("stepchild", "继子女"),
                            ("family", "生父母有特殊困难无力抚养的子女"),
                        ],
                    ),
                    "spouse_name": text("收养人配偶姓名", 50),
                    "spouse_id": id_no("收养人配偶身份证号码"),
                    "reason": area("收养目的和理由", 1000),
                },
                ["adoptee_name", "adoptee_birth", "adoptee_kind", "reason"],
            ),
            "materials": [
                form_doc("收养登记申请书", "《中国公民收养子女登记办法》第五条"),
                id_card("《中国公民收养子女登记办法》第五条", who="收养人"),
                mat(
                    "收养人县级以上医疗机构出具的身体健康检查证明",
                    material_type="1",
                    source="other",
                    source_note="县级以上医疗机构出具",
                    accept_standard="6个月内出具，结论明确",
                    basis="《中国公民收养子女登记办法》第五条",
                ),
                mat(
                    "收养人无不利于被收养人健康成长的违法犯罪记录证明",
                    material_type="1",
                    source="government",
                    source_note="公安机关出具",
                    fill_notes="可通过部门间数据共享获取",
                    accept_standard="查询结果为无违法犯罪记录",
                    basis="《中华人民共和国民法典》第一千零九十八条",
                    exempt_if_shared=True,
                ),
                mat(
                    "送养人的居民身份证、户口簿或社会福利机构送养证明",
                    material_type="1",
                    copies=1,
                    originals=1,
                    accept_standard="送养主体资格明确",
                    basis="《中国公民收养子女登记办法》第六条",
                ),
                mat(
                    "被收养人出生医学证明",
                    material_type="1",
                    copies=1,
                    originals=0,
                    necessity="2",
                    fill_notes="被收养人有出生医学证明的提交，可共享获取",
                    accept_standard="信息与被收养人一致",
                    basis="《中国公民收养子女登记办法》第六条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "收养继子女需要满足年满30周岁的条件吗？",
                    "不需要。继父或者继母经继子女的生父母同意，可以收养继子女，不受收养人年龄和子女数量等限制。",
                ),
                faq(
                    "收养评估收费吗？",
                    "不收费。收养评估由民政部门组织开展或委托第三方机构开展，费用由政府承担。",
                ),
            ],
        },
        counties=county_impls("410212", "410225", category=C),
    ),
    make_item(
        seq=6,
        name="困难残疾人生活补贴和重度残疾人护理补贴",
        item_type="05",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国残疾人保障法》",
                    "主席令第十六号（2018年修正）",
                    "第四十八条",
                    "各级人民政府对生活确有困难的残疾人，通过多种渠道给予生活、教育、住房和其他社会救助。对生活不能自理的残疾人，"
                    "地方各级人民政府应当根据情况给予护理补贴。",
                ),
                law(
                    "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》",
                    "国发〔2015〕52号",
                    "二、主要内容",
                    "困难残疾人生活补贴主要补助残疾人因残疾产生的额外生活支出，对象为低保家庭中的残疾人；重度残疾人护理补贴主要补助残疾人因残疾产生的"
                    "额外长期照护支出，对象为残疾等级被评定为一级、二级且需要长期照护的重度残疾人。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 持有第二代《中华人民共和国残疾人证》且户籍在开封市（本县区）；2. 申请生活补贴的，为最低生活保障家庭中的残疾人；"
            "3. 申请护理补贴的，残疾等级为一级、二级且需要长期照护，或经评定需要长期照护的三级、四级智力、精神残疾人。",
            "handling_flow": "1. 网上申请或向户籍所在地乡镇（街道）申请；2. 乡镇（街道）初审；3. 县级残联审核；4. 县级民政部门审定；5. 按月发放补贴",
            "legal_days": 20,
            "legal_days_note": "乡镇初审、残联审核、民政审定合计",
            "promised_days": 15,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "handle_area": "跨省通办",
            "result_type": "other",
            "result_name": "残疾人两项补贴审批结果及按月发放",
            "person_topics": ["disability", "assistance"],
            "form_schema": person_form(
                "残疾人两项补贴申请审批表",
                {
                    "subsidy": choice(
                        "申请补贴",
                        [
                            ("living", "困难残疾人生活补贴"),
                            ("care", "重度残疾人护理补贴"),
                            ("both", "两项补贴同时申请"),
                        ],
                    ),
                    "disability_cert_no": text("残疾人证号", 20),
                    "disability_level": choice(
                        "残疾等级", [("1", "一级"), ("2", "二级"), ("3", "三级"), ("4", "四级")]
                    ),
                    "agent_name": text("代办人姓名（监护人代为申请时填写）", 50),
                },
                ["subsidy", "disability_cert_no", "disability_level"],
            ),
            "materials": [
                form_doc(
                    "残疾人两项补贴申请审批表",
                    "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）",
                ),
                mat(
                    "第二代中华人民共和国残疾人证",
                    material_type="1",
                    source="government",
                    source_note="残联核发",
                    fill_notes="通过残疾人证电子证照共享核验",
                    accept_standard="在有效期内",
                    exempt_if_shared=True,
                    basis="《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）",
                ),
                id_card(
                    "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）"
                ),
            ],
            "faqs": [
                faq(
                    "两项补贴可以同时领取吗？",
                    "可以。既符合困难残疾人生活补贴条件又符合重度残疾人护理补贴条件的，可以同时申领。",
                ),
                faq(
                    "户籍不在开封可以在开封申请吗？",
                    "两项补贴申领已实现“跨省通办”，可在居住地网上申请，由户籍地审核发放。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
]
