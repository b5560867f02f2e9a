"""司法, 退役军人, 残联, 政务服务: legal aid, lawyers, veterans, disability services, assisted handling (demonstration data)."""

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
    photo,
)
from tongban.catalog.demo_data._forms import (
    area,
    choice,
    date,
    enterprise_form,
    integer,
    person_form,
    text,
)

J = "司法"
V = "退役军人"
DF = "残联"
G = "政务服务"
AID = "《中华人民共和国法律援助法》"
AID_NO = "主席令第九十三号"
LAWYER = "《中华人民共和国律师法》"
LAWYER_NO = "主席令第七十六号（2017年修正）"

ITEMS = [
    make_item(
        seq=1,
        name="法律援助申请",
        item_type="20",
        category=J,
        guide={
            "legal_basis": [
                law(
                    AID,
                    AID_NO,
                    "第三十一条",
                    "下列事项的当事人，因经济困难没有委托代理人的，可以向法律援助机构申请法律援助：（一）依法请求国家赔偿；（二）请求给予社会保险待遇或者社会救助；"
                    "（三）请求发给抚恤金；（四）请求给付赡养费、抚养费、扶养费；（五）请求确认劳动关系或者支付劳动报酬；（六）请求认定公民无民事行为能力或者"
                    "限制民事行为能力；（七）请求工伤事故、交通事故、食品药品安全事故、医疗事故人身损害赔偿；（八）请求环境污染、生态破坏损害赔偿。",
                ),
                law(
                    AID,
                    AID_NO,
                    "第四十二条、第四十三条",
                    "法律援助申请人有材料证明属于无固定生活来源的未成年人、老年人、残疾人等特定群体，社会救助、司法救助或者优抚对象，申请支付劳动报酬或者请求工伤事故"
                    "人身损害赔偿的进城务工人员的，免予核查经济困难状况。法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 申请事项属于《法律援助法》第三十一条规定的范围，或者属于刑事案件犯罪嫌疑人、被告人及其近亲属依法申请的情形；"
            "2. 申请人经济困难（如实说明经济困难状况，符合开封市法律援助经济困难标准），或属于免予核查经济困难状况的人员；3. 申请人没有委托代理人；"
            "4. 向争议处理机关所在地或者事由发生地的法律援助机构提出申请。",
            "handling_flow": "1. 网上、12348热线预约或到法律援助工作站申请；2. 受理；3. 审查经济困难状况（个人诚信承诺，信息核查）；4. 作出给予或不予法律援助的决定；"
            "5. 指派律师、基层法律服务工作者或法律援助志愿者承办",
            "legal_days": 7,
            "promised_days": 3,
            "promised_days_note": "情况紧急的先行提供法律援助",
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "handle_area": "全市通办",
            "result_type": "approval",
            "result_name": "给予法律援助决定书及指派通知",
            "person_topics": ["assistance"],
            "form_schema": person_form(
                "法律援助申请表",
                {
                    "case_type": choice(
                        "案件类型",
                        [
                            ("wage", "请求支付劳动报酬"),
                            ("injury", "工伤、交通事故、医疗事故人身损害赔偿"),
                            ("support", "请求给付赡养费、抚养费、扶养费"),
                            ("social", "请求给予社会保险待遇或社会救助"),
                            ("criminal", "刑事案件辩护或代理"),
                        ],
                    ),
                    "case_summary": area("案情概要及申请事项", 1500),
                    "exempt": choice(
                        "是否属于免予核查经济困难状况的人员",
                        [
                            ("no", "否"),
                            ("migrant_wage", "进城务工人员请求支付劳动报酬或工伤赔偿"),
                            ("assistance", "社会救助、优抚对象"),
                            ("special", "无固定生活来源的未成年人、老年人、残疾人"),
                        ],
                    ),
                    "opponent": text("对方当事人", 100),
                },
                ["case_type", "case_summary", "exempt"],
            ),
            "materials": [
                form_doc("法律援助申请表", AID + "第四十一条"),
                id_card(AID + "第四十一条"),
                mat(
                    "经济困难状况说明表（个人诚信承诺）",
                    material_type="2",
                    fill_notes="如实填写家庭人口、收入和财产状况并签署承诺，无需开具经济困难证明；免予核查人员无需填写",
                    accept_standard="申请人签字",
                    basis=AID + "第四十一条",
                ),
                mat(
                    "与所申请法律援助事项有关的案件材料（劳动合同、工资欠条、事故认定书、起诉状或法律文书）",
                    material_type="1",
                    copies=1,
                    originals=0,
                    accept_standard="能够说明案件基本事实",
                    basis=AID + "第四十一条",
                ),
            ],
            "faqs": [
                faq(
                    "申请法律援助需要开经济困难证明吗？",
                    "不需要。申请人如实说明经济困难状况并签署个人诚信承诺即可，法律援助机构通过信息共享核查。",
                ),
                faq(
                    "法律援助收费吗？",
                    "不收费。法律援助是国家无偿提供的法律服务，承办人员不得向受援人收取任何费用。",
                ),
            ],
        },
    ),
    make_item(
        seq=2,
        name="律师执业许可（设区的市级审查）",
        item_type="01",
        category=J,
        guide={
            "legal_basis": [
                law(
                    LAWYER,
                    LAWYER_NO,
                    "第五条",
                    "申请律师执业，应当具备下列条件：（一）拥护中华人民共和国宪法；（二）通过国家统一法律职业资格考试取得法律职业资格；"
                    "（三）在律师事务所实习满一年；（四）品行良好。",
                ),
                law(
                    LAWYER,
                    LAWYER_NO,
                    "第六条",
                    "申请律师执业，应当向设区的市级或者直辖市的区人民政府司法行政部门提出申请，并提交下列材料：（一）国家统一法律职业资格证书；"
                    "（二）律师协会出具的申请人实习考核合格的材料；（三）申请人的身份证明；（四）律师事务所出具的同意接收申请人的证明。"
                    "受理申请的部门应当自受理之日起二十日内予以审查，并将审查意见和全部申请材料报送省、自治区、直辖市人民政府司法行政部门。"
                    "省、自治区、直辖市人民政府司法行政部门应当自收到报送材料之日起十日内予以审核，作出是否准予执业的决定。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 拥护中华人民共和国宪法；2. 已取得国家统一法律职业资格证书（A证或C证）；3. 在开封市律师事务所实习满一年并经律师协会考核合格；"
            "4. 品行良好，不存在《律师法》第七条规定的不予颁发律师执业证书情形；5. 拟执业律师事务所同意接收。",
            "prohibited_conditions": "无民事行为能力或者限制民事行为能力的，受过刑事处罚的（过失犯罪除外），被开除公职或者被吊销律师、公证员执业证书的，不予颁发律师执业证书。",
            "handling_flow": "1. 网上申请；2. 受理；3. 市司法局审查（20日内）并报送；4. 河南省司法厅审核决定（10日内）；5. 颁发律师执业证书",
            "legal_days": 30,
            "legal_days_note": "设区的市级审查20日、省级审核决定10日",
            "promised_days": 20,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "joint_departments": "河南省司法厅（作出决定）",
            "result_type": "licence",
            "result_name": "律师执业证书（河南省司法厅颁发）",
            "person_topics": ["profession"],
            "form_schema": person_form(
                "律师执业申请登记表",
                {
                    "qualification_no": text("法律职业资格证书编号", 30),
                    "law_firm": text("拟执业律师事务所", 100),
                    "practice_type": choice("执业类别", [("full", "专职律师"), ("part", "兼职律师")]),
                    "internship_start": date("实习开始日期"),
                    "internship_end": date("实习结束日期"),
                },
                ["qualification_no", "law_firm", "practice_type", "internship_start", "internship_end"],
            ),
            "materials": [
                form_doc("律师执业申请登记表", LAWYER + "第六条"),
                mat(
                    "法律职业资格证书",
                    material_type="1",
                    source="government",
                    source_note="司法部颁发",
                    fill_notes="通过法律职业资格信息共享核验",
                    accept_standard="证书有效",
                    basis=LAWYER + "第六条",
                    exempt_if_shared=True,
                ),
                mat(
                    "律师协会出具的申请人实习考核合格意见",
                    material_type="1",
                    source="other",
                    source_note="开封市律师协会出具",
                    accept_standard="考核结论为合格",
                    basis=LAWYER + "第六条",
                ),
                id_card(LAWYER + "第六条"),
                mat(
                    "律师事务所同意接收申请人的书面意见",
                    material_type="2",
                    accept_standard="律师事务所盖章",
                    basis=LAWYER + "第六条",
                ),
            ],
            "faqs": [
                faq(
                    "实习期可以缩短吗？",
                    "不可以。申请律师执业须在律师事务所连续实习满一年，并通过律师协会的实习考核。",
                ),
                faq(
                    "兼职律师有什么条件？",
                    "高等院校、科研机构中从事法学教育、研究工作的人员，符合律师法第五条规定条件的，经所在单位同意可以申请兼职律师执业。",
                ),
            ],
        },
    ),
    make_item(
        seq=1,
        name="退役军人优待证申领",
        item_type="20",
        category=V,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国退役军人保障法》",
                    "主席令第六十三号",
                    "第六章 抚恤优待",
                    "（摘要）国家建立退役军人优待制度，退役军人凭有效证件享受交通、文化、医疗、公共服务等方面的优待。",
                ),
                law(
                    "《退役军人、其他优抚对象优待证管理办法（试行）》",
                    "退役军人事务部等部门印发",
                    "全文",
                    "（摘要）优待证分为“中华人民共和国退役军人优待证”和“中华人民共和国烈士、因公牺牲军人、病故军人遗属优待证”，由退役军人事务部统一制发，"
                    "以合作银行借记卡为载体，持证人凭证享受优待目录清单中的优待服务。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 申请人为户籍在开封市（本县区）的退役军人，或烈士遗属、因公牺牲军人遗属、病故军人遗属；"
            "2. 已完成退役军人（优抚对象）信息采集；3. 未持有有效的优待证。",
            "handling_flow": "1. 通过本平台、“河南退役军人”小程序或退役军人服务站申请；2. 县级退役军人事务部门审核身份信息；3. 合作银行制卡；"
            "4. 本人到退役军人服务站或银行网点领取并激活",
            "legal_days": 20,
            "promised_days": 15,
            "case_kind": "2",
            "online_depth": "3",
            "visits": 1,
            "visits_reason": "优待证以银行借记卡为载体，须本人领取激活",
            "delivery_modes": ["window"],
            "supports_express": False,
            "result_type": "licence",
            "result_name": "中华人民共和国退役军人优待证",
            "person_topics": ["social_security"],
            "form_schema": person_form(
                "退役军人优待证申领表",
                {
                    "holder_type": choice(
                        "申请人类别",
                        [
                            ("veteran", "退役军人"),
                            ("martyr_family", "烈士遗属"),
                            ("duty_death_family", "因公牺牲军人遗属"),
                            ("illness_death_family", "病故军人遗属"),
                        ],
                    ),
                    "discharge_date": date("退役时间", **{"x-show-if": {"holder_type": "veteran"}}),
                    "bank": choice(
                        "合作银行",
                        [("icbc", "工商银行"), ("ccb", "建设银行"), ("abc", "农业银行"), ("boc", "中国银行")],
                    ),
                    "pickup": text("领取网点（退役军人服务站）", 100),
                },
                ["holder_type", "bank", "pickup"],
                required_if=[{"if": {"holder_type": "veteran"}, "then": ["discharge_date"]}],
            ),
            "materials": [
                id_card("《退役军人、其他优抚对象优待证管理办法（试行）》"),
                photo(
                    "近期2寸白底免冠彩色照片（电子版）", "《退役军人、其他优抚对象优待证管理办法（试行）》"
                ),
                mat(
                    "退出现役证明或烈士证明书、因公牺牲证明书、病故证明书",
                    material_type="1",
                    source="government",
                    source_note="退役军人信息采集系统已有的免交",
                    accept_standard="信息与申请人一致",
                    basis="《退役军人、其他优抚对象优待证管理办法（试行）》",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "优待证办理收费吗？",
                    "不收费。优待证免费制发，作为银行借记卡使用时不收取年费、小额账户管理费。",
                ),
                faq(
                    "凭优待证可以享受哪些优待？",
                    "可按规定优先办理政务服务、优先乘坐交通工具、免费或优惠游览政府投资的公园景区等，具体以优待目录清单为准。",
                ),
            ],
        },
    ),
    make_item(
        seq=1,
        name="残疾人证核发",
        item_type="20",
        category=DF,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国残疾人保障法》",
                    "主席令第十六号（2018年修正）",
                    "第二条",
                    "残疾人是指在心理、生理、人体结构上，某种组织、功能丧失或者不正常，全部或者部分丧失以正常方式从事某种活动能力的人。残疾人包括视力残疾、"
                    "听力残疾、言语残疾、肢体残疾、智力残疾、精神残疾、多重残疾和其他残疾的人。残疾标准由国务院规定。",
                ),
                law(
                    "《中华人民共和国残疾人证管理办法》",
                    "中国残疾人联合会印发",
                    "全文",
                    "（摘要）残疾人证是认定残疾人及残疾类别、残疾等级的合法证件，由县级残疾人联合会受理、审核、发放；申请人经指定评定机构评定，"
                    "符合残疾标准的予以核发。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 申请人为户籍在开封市（本县区）或持有本地居住证的中国公民；2. 视力、听力、言语、肢体、智力、精神或多重残疾，"
            "经指定的残疾评定机构评定符合《残疾人残疾分类和分级》（GB/T 26341）标准；3. 由本人或监护人申请。",
            "handling_flow": "1. 网上或向县级残联（乡镇、街道）申请；2. 到指定医疗机构进行残疾评定（行动不便的可申请上门评定）；3. 县级残联审核；"
            "4. 公示；5. 核发第二代残疾人证并同步签发电子残疾人证",
            "legal_days": 20,
            "legal_days_note": "残疾评定时间不计入",
            "promised_days": 10,
            "case_kind": "2",
            "online_depth": "3",
            "visits": 1,
            "visits_reason": "须本人到指定医疗机构进行残疾评定（行动不便的可申请上门评定）",
            "special_procedures": "残疾评定（不计入办理时限）",
            "handle_area": "跨省通办",
            "result_type": "licence",
            "result_name": "中华人民共和国残疾人证（第二代）",
            "person_topics": ["disability"],
            "form_schema": person_form(
                "中华人民共和国残疾人证申请表",
                {
                    "situation": choice(
                        "申请情形",
                        [
                            ("new", "新办"),
                            ("change_level", "残疾等级变更"),
                            ("renew", "换领"),
                            ("lost", "遗失补办"),
                            ("transfer", "迁移"),
                        ],
                    ),
                    "disability_type": choice(
                        "残疾类别",
                        [
                            ("visual", "视力残疾"),
                            ("hearing", "听力残疾"),
                            ("speech", "言语残疾"),
                            ("physical", "肢体残疾"),
                            ("intellectual", "智力残疾"),
                            ("mental", "精神残疾"),
                            ("multiple", "多重残疾"),
                        ],
                    ),
                    "home_visit": choice("是否申请上门评定", [("no", "否"), ("yes", "是")]),
                    "guardian": text("监护人姓名（智力、精神残疾或未成年人填写）", 50),
                },
                ["situation", "disability_type", "home_visit"],
            ),
            "materials": [
                form_doc("中华人民共和国残疾人证申请表", "《中华人民共和国残疾人证管理办法》"),
                id_card("《中华人民共和国残疾人证管理办法》"),
                photo("近期2寸白底免冠彩色照片（3张）", "《中华人民共和国残疾人证管理办法》", count=3),
                mat(
                    "残疾评定表",
                    material_type="1",
                    source="other",
                    source_note="县级残联指定的评定机构出具",
                    fill_notes="评定机构直接推送至残联系统，申请人无需携带",
                    accept_standard="评定结论明确残疾类别和等级",
                    basis="《中华人民共和国残疾人证管理办法》",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq("办理残疾人证收费吗？", "残疾人证免费发放，不收取工本费；残疾评定费用按当地规定减免。"),
                faq(
                    "残疾人证有效期多久？",
                    "第二代残疾人证有效期为10年，残疾状况发生变化的可申请重新评定并变更等级。",
                ),
            ],
        },
        counties=county_impls(category=DF),
    ),
    make_item(
        seq=2,
        name="用人单位按比例安排残疾人就业情况审核",
        item_type="07",
        category=DF,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国残疾人保障法》",
                    "主席令第十六号（2018年修正）",
                    "第三十三条",
                    "国家实行按比例安排残疾人就业制度。国家机关、社会团体、企业事业单位、民办非企业单位应当按照规定的比例安排残疾人就业，并为其选择适当的工种和岗位。"
                    "达不到规定比例的，按照国家有关规定履行保障残疾人就业义务。",
                ),
                law(
                    "《残疾人就业条例》",
                    "国务院令第488号",
                    "第八条",
                    "用人单位应当按照一定比例安排残疾人就业，并为其提供适当的工种、岗位。用人单位安排残疾人就业的比例不得低于本单位在职职工总数的1.5%。"
                    "具体比例由省、自治区、直辖市人民政府根据本地区的实际情况规定。",
                ),
            ],
            "service_objects": ["2", "3", "4", "6"],
            "acceptance_conditions": "1. 在开封市（本县区）依法登记的用人单位；2. 上年度安排残疾人就业，与残疾职工签订1年以上劳动合同（服务协议）并足额缴纳社会保险；"
            "3. 残疾职工持有第二代残疾人证或残疾军人证（1至8级）。",
            "handling_flow": "1. 网上申报上年度安排残疾人就业情况；2. 残疾人证、社保缴费、劳动合同信息联网比对；3. 审核；4. 审核结果推送税务部门，作为残疾人就业保障金申报依据",
            "legal_days": 20,
            "promised_days": 5,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "result_type": "other",
            "result_name": "用人单位安排残疾人就业情况审核确认结果",
            "enterprise_topics": ["hr"],
            "form_schema": enterprise_form(
                "用人单位安排残疾人就业情况申报表",
                {
                    "year": integer("审核年度", 2020, maximum=2100),
                    "employees": integer("上年在职职工年平均人数", 1),
                    "disabled_employees": integer("安排残疾人就业人数"),
                    "disabled_list": area("残疾职工姓名及残疾人证号", 2000),
                },
                ["year", "employees", "disabled_employees"],
            ),
            "materials": [
                business_licence("《残疾人就业条例》第八条"),
                form_doc("用人单位安排残疾人就业情况申报表", "《残疾人就业条例》第八条"),
                mat(
                    "与残疾职工签订的劳动合同（服务协议）",
                    material_type="1",
                    copies=1,
                    originals=0,
                    fill_notes="已在人社部门劳动用工备案系统登记的免交",
                    accept_standard="期限1年以上",
                    basis="《残疾人就业条例》第八条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "达不到比例怎么办？",
                    "未达到规定比例的用人单位应当依法缴纳残疾人就业保障金，由税务部门征收；在职职工30人（含）以下的小微企业按规定暂免征收。",
                ),
                faq(
                    "安排1名重度残疾人就业怎么计算？",
                    "用人单位安排1名一级、二级重度残疾人就业的，按照安排2名残疾人就业计算。",
                ),
            ],
        },
        counties=county_impls("410212", "410225", category=DF),
    ),
    make_item(
        seq=1,
        name="政务服务帮办代办",
        item_type="20",
        category=G,
        guide={
            "legal_basis": [
                law(
                    "《国务院关于加快推进政务服务标准化规范化便利化的指导意见》",
                    "国发〔2022〕5号",
                    "四、提升政务服务便利化水平",
                    "（摘要）推动政务服务场所为老年人、残疾人等特殊群体提供帮办代办、上门办理等服务；建立健全重大项目、重点企业帮办代办机制。",
                ),
                law(
                    "《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》",
                    "国发〔2024〕3号",
                    "二、优化业务流程",
                    "（摘要）优化帮办代办服务，为企业和群众提供精准、专业的帮办代办服务。",
                ),
            ],
            "service_objects": ["1", "2", "6"],
            "acceptance_conditions": "1. 个人：年满60周岁的老年人、残疾人、重病患者、孕产妇等行动不便或不熟悉网上办事的群众；2. 企业：开封市重点项目、"
            "新开办企业及首次办理工程建设项目审批的企业；3. 代办事项为本平台已发布的政务服务事项，申请人签署代办委托书。",
            "handling_flow": "1. 网上或电话（12345、窗口）提出帮办代办需求；2. 即时受理并指定帮办代办员；3. 帮办员联系申请人、指导准备材料或上门收件；"
            "4. 代为提交申请并跟踪办理进度；5. 将结果送达申请人",
            "legal_days": 1,
            "promised_days": 0,
            "promised_days_note": "受理即时办结，代办事项按其承诺时限办理",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "supports_kiosk": True,
            "result_type": "other",
            "result_name": "帮办代办服务单",
            "person_topics": ["disability", "retirement"],
            "enterprise_topics": ["construction", "establish"],
            "form_schema": person_form(
                "帮办代办服务申请",
                {
                    "service_kind": choice(
                        "服务方式",
                        [
                            ("guide", "帮办（指导申办）"),
                            ("proxy", "代办（委托代为办理）"),
                            ("home", "上门办理"),
                        ],
                    ),
                    "target_item": text("需要办理的事项", 100),
                    "reason": choice(
                        "申请原因",
                        [
                            ("elderly", "老年人"),
                            ("disabled", "残疾人"),
                            ("ill", "重病或行动不便"),
                            ("project", "重点项目或企业"),
                        ],
                    ),
                    "address": text("上门服务地址", 200, **{"x-show-if": {"service_kind": "home"}}),
                    "preferred_date": date("期望服务日期"),
                },
                ["service_kind", "target_item", "reason"],
                required_if=[{"if": {"service_kind": "home"}, "then": ["address", "preferred_date"]}],
            ),
            "materials": [
                id_card("国发〔2022〕5号"),
                mat(
                    "帮办代办委托书",
                    material_type="2",
                    necessity="2",
                    fill_notes="选择代办或上门办理时在线签署；仅咨询帮办的无需签署",
                    accept_standard="委托事项、权限和期限明确",
                    basis="国发〔2022〕5号",
                ),
            ],
            "faqs": [
                faq("帮办代办收费吗？", "不收费。帮办代办是政务服务中心提供的免费服务。"),
                faq(
                    "帮办员会替我保管原件吗？",
                    "帮办员仅在办理所需期间保管材料，交接时登记签字，办结后当面或邮寄退还。",
                ),
            ],
        },
        counties=county_impls(category=G),
    ),
]
