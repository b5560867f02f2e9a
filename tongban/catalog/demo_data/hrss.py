"""人社: employment services, unemployment insurance, pensions, social security cards (demonstration data)."""

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
from tongban.catalog.demo_data._forms import (
    area,
    choice,
    date,
    enterprise_form,
    id_no,
    integer,
    number,
    person_form,
    text,
)

C = "人社"
SIL = "《中华人民共和国社会保险法》"
SIL_NO = "主席令第二十五号（2018年修正）"
EMPLOY_RULES = "《就业服务与就业管理规定》（劳动和社会保障部令第28号，2022年修订）"

ITEMS = [
    make_item(
        seq=1,
        name="失业登记",
        item_type="20",
        category=C,
        guide={
            "legal_basis": [
                law(
                    SIL,
                    SIL_NO,
                    "第五十条",
                    "用人单位应当及时为失业人员出具终止或者解除劳动关系的证明，并将失业人员的名单自终止或者解除劳动关系之日起十五日内告知社会保险经办机构。"
                    "失业人员应当持本单位为其出具的终止或者解除劳动关系的证明，及时到指定的公共就业服务机构办理失业登记。",
                ),
                law(
                    "《就业服务与就业管理规定》",
                    "劳动和社会保障部令第28号（2022年修订）",
                    "第六章 失业登记",
                    "劳动年龄内、有劳动能力、有就业要求、处于无业状态的城镇常住人员，可以到常住地的公共就业服务机构进行失业登记。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 在法定劳动年龄内，有劳动能力和就业要求；2. 处于无业状态；3. 在开封市（本县区）常住（户籍地或常住地均可登记）。",
            "handling_flow": "1. 网上或窗口提交失业登记信息；2. 身份核验与就业状态信息比对；3. 当场登记；4. 提供职业指导、职业介绍和培训服务",
            "legal_days": 1,
            "promised_days": 0,
            "promised_days_note": "即时办结",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "handle_area": "全省通办",
            "result_type": "other",
            "result_name": "失业登记信息（电子就业创业证记载）",
            "person_topics": ["employment"],
            "form_schema": person_form(
                "失业登记表",
                {
                    "reason": choice(
                        "失业原因",
                        [
                            ("dismissed", "解除或终止劳动合同"),
                            ("graduate", "毕业未就业"),
                            ("business_closed", "个体经营停业"),
                            ("returned", "返乡人员"),
                        ],
                    ),
                    "last_employer": text("原工作单位", 100),
                    "leave_date": date("离职（停业）日期"),
                    "job_wanted": text("求职意向（岗位）", 100),
                    "need_training": choice("是否需要职业技能培训", [("yes", "需要"), ("no", "不需要")]),
                },
                ["reason", "job_wanted"],
                required_if=[{"if": {"reason": "dismissed"}, "then": ["last_employer", "leave_date"]}],
            ),
            "materials": [
                id_card(EMPLOY_RULES + "第六章"),
                mat(
                    "解除或者终止劳动关系的证明",
                    material_type="1",
                    necessity="2",
                    source="other",
                    source_note="原用人单位出具",
                    fill_notes="原用人单位已通过社保系统办理减员的可不提交",
                    accept_standard="载明解除或终止日期并加盖单位印章",
                    basis=f"{SIL}第五十条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "外地户籍可以在开封办理失业登记吗？",
                    "可以。在开封常住的人员可在常住地公共就业服务机构办理失业登记，享受同等就业服务。",
                ),
                faq(
                    "失业登记后能享受哪些服务？",
                    "可免费享受政策咨询、职业指导、职业介绍，符合条件的可参加补贴性职业技能培训、申领失业保险金等。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=2,
        name="失业保险金申领",
        item_type="05",
        category=C,
        guide={
            "legal_basis": [
                law(
                    SIL,
                    SIL_NO,
                    "第四十五条",
                    "失业人员符合下列条件的，从失业保险基金中领取失业保险金：（一）失业前用人单位和本人已经缴纳失业保险费满一年的；"
                    "（二）非因本人意愿中断就业的；（三）已经进行失业登记，并有求职要求的。",
                ),
                law(
                    "《失业保险条例》",
                    "国务院令第258号",
                    "第十七条",
                    "失业人员失业前所在单位和本人按照规定累计缴费时间满1年不足5年的，领取失业保险金的期限最长为12个月；累计缴费时间满5年不足10年的，"
                    "领取失业保险金的期限最长为18个月；累计缴费时间10年以上的，领取失业保险金的期限最长为24个月。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 失业前用人单位和本人已经缴纳失业保险费满一年；2. 非因本人意愿中断就业；3. 已经进行失业登记并有求职要求；"
            "4. 未领取基本养老金，未重新就业、应征服兵役或移居境外。",
            "handling_flow": "1. 通过本平台、“河南社保”APP或窗口申领；2. 信息核验；3. 核定领取期限和标准；4. 按月发放至本人社会保障卡，并同步代缴基本医疗保险费",
            "legal_days": 10,
            "promised_days": 3,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "handle_area": "全省通办",
            "result_type": "other",
            "result_name": "失业保险待遇核定结果及失业保险金按月发放",
            "person_topics": ["employment", "social_security"],
            "form_schema": person_form(
                "失业保险金申领登记表",
                {
                    "leave_date": date("失业日期"),
                    "leave_reason": choice(
                        "离职原因",
                        [
                            ("contract_end", "劳动合同期满终止"),
                            ("employer_terminated", "用人单位解除劳动合同"),
                            ("employer_fault", "因用人单位过错由本人解除劳动合同"),
                            ("bankrupt", "用人单位破产、关闭"),
                        ],
                    ),
                    "contribution_years": number("累计缴纳失业保险费年限"),
                    "bank_card": text("社会保障卡金融账号", 30),
                },
                ["leave_date", "leave_reason"],
            ),
            "materials": [
                id_card(f"{SIL}第五十条"),
                mat(
                    "解除或者终止劳动关系的证明",
                    material_type="1",
                    source="other",
                    source_note="原用人单位出具",
                    fill_notes="社保系统已有减员信息的免交",
                    accept_standard="载明非因本人意愿中断就业",
                    basis=f"{SIL}第五十条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "主动辞职能领失业保险金吗？",
                    "因本人意愿中断就业的不能领取；但因用人单位未及时足额支付劳动报酬、未依法缴纳社会保险费等过错，劳动者依法解除劳动合同的可以领取。",
                ),
                faq(
                    "领取失业保险金期间医保怎么办？",
                    "领取期间的职工基本医疗保险费从失业保险基金中支付，个人不缴纳。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=3,
        name="社会保障卡申领",
        item_type="20",
        category=C,
        guide={
            "legal_basis": [
                law(
                    SIL,
                    SIL_NO,
                    "第五十八条",
                    "国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。",
                ),
                law(
                    "《“中华人民共和国社会保障卡”管理办法》",
                    "人社部发〔2011〕47号",
                    "第二条",
                    "本办法所称社会保障卡，是指面向社会公众发行，主要应用于人力资源社会保障领域政府社会管理和公共服务的集成电路卡。"
                    "社会保障卡是持卡人享有社会保障和公共就业服务权益的电子凭证，具有信息记录、信息查询、业务办理等基本功能。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 在开封市参加社会保险或拟参保的人员，或持有开封市户籍、居住证的人员；2. 本人（或监护人）提出申请；"
            "3. 未持有有效的第三代社会保障卡（已持有的办理换卡）。",
            "handling_flow": "1. 选择即时制卡网点或网上申请；2. 核验身份、采集相片；3. 即时制卡或集中制卡后邮寄；4. 本人激活社保和金融功能；同步签发电子社保卡",
            "legal_days": 1,
            "promised_days": 0,
            "promised_days_note": "即时制卡网点立等可取；网上申请的邮寄送达",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "supports_kiosk": True,
            "handle_area": "全市通办",
            "result_type": "licence",
            "result_name": "中华人民共和国社会保障卡（第三代）及电子社会保障卡",
            "person_topics": ["social_security"],
            "form_schema": person_form(
                "社会保障卡申领表",
                {
                    "situation": choice(
                        "申领情形",
                        [
                            ("first", "首次申领"),
                            ("lost", "挂失补领"),
                            ("damaged", "损坏换领"),
                            ("upgrade", "换领第三代卡"),
                        ],
                    ),
                    "bank": choice(
                        "合作银行",
                        [
                            ("icbc", "工商银行"),
                            ("ccb", "建设银行"),
                            ("abc", "农业银行"),
                            ("boc", "中国银行"),
                            ("rcu", "农村商业银行"),
                        ],
                    ),
                    "delivery": choice("领卡方式", [("branch", "网点即时领取"), ("post", "邮寄")]),
                    "address": text("邮寄地址", 200, **{"x-show-if": {"delivery": "post"}}),
                },
                ["situation", "bank", "delivery"],
                required_if=[{"if": {"delivery": "post"}, "then": ["address"]}],
            ),
            "materials": [
                id_card("《“中华人民共和国社会保障卡”管理办法》（人社部发〔2011〕47号）"),
                mat(
                    "近期白底彩色免冠数码相片",
                    material_type="3",
                    necessity="2",
                    paper_spec="",
                    fill_notes="已有居民身份证相片的可授权共享，无需另拍",
                    accept_standard="符合社会保障卡制卡相片标准",
                    basis="《“中华人民共和国社会保障卡”管理办法》（人社部发〔2011〕47号）",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq("首次申领社保卡要钱吗？", "首次申领、换领第三代社会保障卡免费。"),
                faq(
                    "社保卡丢了怎么办？",
                    "可立即通过电子社保卡、12333电话或合作银行网点办理临时挂失，再申请补领；补领后社会保障号码不变，账户资金不受影响。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=4,
        name="城乡居民基本养老保险参保登记",
        item_type="20",
        category=C,
        guide={
            "legal_basis": [
                law(
                    SIL,
                    SIL_NO,
                    "第二十条、第二十二条",
                    "国家建立和完善新型农村社会养老保险制度。国家建立和完善城镇居民社会养老保险制度。省、自治区、直辖市人民政府根据实际情况，"
                    "可以将城镇居民社会养老保险和新型农村社会养老保险合并实施。",
                ),
                law(
                    "《国务院关于建立统一的城乡居民基本养老保险制度的意见》",
                    "国发〔2014〕8号",
                    "四、参保范围",
                    "年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的城乡居民，可以在户籍地参加城乡居民养老保险。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 年满16周岁（不含在校学生）；2. 户籍在开封市（本县区）；3. 不属于国家机关、事业单位工作人员，且未参加职工基本养老保险。",
            "handling_flow": "1. 网上或到户籍地乡镇（街道）、村（社区）服务站登记；2. 信息比对查重；3. 当场完成参保登记；4. 选择缴费档次并通过税务渠道缴费",
            "legal_days": 1,
            "promised_days": 0,
            "promised_days_note": "即时办结",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "result_type": "other",
            "result_name": "城乡居民基本养老保险参保登记信息",
            "person_topics": ["social_security", "retirement"],
            "form_schema": person_form(
                "城乡居民基本养老保险参保登记表",
                {
                    "household": text("户籍地址", 200),
                    "grade": choice(
                        "拟选缴费档次（元/年）",
                        [
                            ("200", "200"),
                            ("300", "300"),
                            ("500", "500"),
                            ("1000", "1000"),
                            ("2000", "2000"),
                            ("5000", "5000"),
                        ],
                    ),
                    "special_group": choice(
                        "是否属于代缴对象",
                        [("no", "否"), ("low", "低保对象"), ("poor", "特困人员"), ("disabled", "重度残疾人")],
                    ),
                },
                ["household", "grade", "special_group"],
            ),
            "materials": [
                id_card("《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）"),
                mat(
                    "居民户口簿",
                    material_type="1",
                    source="government",
                    source_note="公安机关核发",
                    fill_notes="通过户籍信息共享核验，无需提交",
                    accept_standard="户籍在本地",
                    basis="《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "城乡居民养老保险每年可以改缴费档次吗？",
                    "可以。参保人每年可自主选择缴费档次，多缴多得；政府按档次给予相应缴费补贴。",
                ),
                faq(
                    "低保对象缴不起保费怎么办？",
                    "对低保对象、特困人员、返贫致贫人口、重度残疾人等缴费困难群体，由政府按最低缴费档次代缴部分或全部保费。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=5,
        name="企业职工基本养老保险待遇申领（退休）",
        item_type="05",
        category=C,
        guide={
            "legal_basis": [
                law(
                    SIL,
                    SIL_NO,
                    "第十六条",
                    "参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，按月领取基本养老金。",
                ),
                law(
                    "《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》",
                    "2024年9月13日第十四届全国人大常委会第十一次会议通过",
                    "附件《国务院关于渐进式延迟法定退休年龄的办法》第二条",
                    "从2030年1月1日起，将职工按月领取基本养老金最低缴费年限由15年逐步提高至20年，每年提高6个月。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 参加开封市企业职工基本养老保险；2. 达到法定退休年龄（含按规定弹性提前或延迟退休）；"
            "3. 累计缴费年限达到国家规定的按月领取基本养老金最低缴费年限。",
            "handling_flow": "1. 单位或个人网上申请；2. 档案审核与视同缴费年限认定；3. 待遇测算与核定；4. 公示；5. 次月起按月发放至社会保障卡",
            "legal_days": 20,
            "legal_days_note": "含视同缴费年限认定",
            "promised_days": 10,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "result_type": "approval",
            "result_name": "基本养老金核定表",
            "person_topics": ["retirement", "social_security"],
            "enterprise_topics": ["hr"],
            "form_schema": person_form(
                "职工退休申请表",
                {
                    "retire_type": choice(
                        "退休类型",
                        [
                            ("normal", "正常退休"),
                            ("flexible_early", "弹性提前退休"),
                            ("flexible_late", "弹性延迟退休"),
                        ],
                    ),
                    "retire_date": date("申请退休日期"),
                    "employer": text("所在单位（灵活就业人员填“无”）", 100),
                    "deemed_years": number("视同缴费年限（年，无则填0）"),
                },
                ["retire_type", "retire_date", "employer"],
            ),
            "materials": [
                id_card(f"{SIL}第十六条"),
                mat(
                    "职工本人人事档案",
                    material_type="3",
                    source="other",
                    source_note="档案保管单位提供",
                    fill_notes="用于核定出生时间、参加工作时间和视同缴费年限；无视同缴费年限的可不提供",
                    necessity="2",
                    accept_standard="档案记载完整，出生时间以最早记载为准",
                    basis="《关于制止和纠正违反国家规定办理企业职工提前退休有关问题的通知》（劳社部发〔1999〕8号）",
                ),
            ],
            "faqs": [
                faq(
                    "什么是弹性退休？",
                    "职工达到最低缴费年限的，可以自愿选择弹性提前退休，提前时间最长不超过3年；也可以经与单位协商一致弹性延迟退休，延迟时间最长不超过3年。",
                ),
                faq("养老金从什么时候开始发？", "待遇核定后，从达到退休条件并办理退休手续的次月起按月发放。"),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=6,
        name="丧葬补助金和抚恤金申领",
        item_type="05",
        category=C,
        guide={
            "legal_basis": [
                law(
                    SIL,
                    SIL_NO,
                    "第十七条",
                    "参加基本养老保险的个人，因病或者非因工死亡的，其遗属可以领取丧葬补助金和抚恤金；在未达到法定退休年龄时因病或者非因工致残完全丧失"
                    "劳动能力的，可以领取病残津贴。所需资金从基本养老保险基金中支付。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 死者为开封市企业职工基本养老保险参保人员或退休人员；2. 因病或非因工死亡；3. 申请人为死者的直系亲属或法定继承人。",
            "handling_flow": "1. 遗属网上或窗口申请（可与户口注销“身后一件事”联办）；2. 核验死亡信息；3. 核定丧葬补助金和抚恤金；4. 一次性发放",
            "legal_days": 20,
            "promised_days": 5,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "result_type": "other",
            "result_name": "丧葬补助金、抚恤金核定发放",
            "person_topics": ["death", "retirement"],
            "form_schema": person_form(
                "丧葬补助金、抚恤金申领表",
                {
                    "deceased_name": text("死者姓名", 50),
                    "deceased_id": id_no("死者身份证号码"),
                    "death_date": date("死亡日期"),
                    "relation": choice(
                        "申请人与死者关系",
                        [
                            ("spouse", "配偶"),
                            ("child", "子女"),
                            ("parent", "父母"),
                            ("heir", "其他法定继承人"),
                        ],
                    ),
                    "bank_account": text("收款账户（申请人社会保障卡或银行账户）", 30),
                },
                ["deceased_name", "deceased_id", "death_date", "relation", "bank_account"],
            ),
            "materials": [
                id_card(f"{SIL}第十七条"),
                mat(
                    "死亡证明（居民死亡医学证明书或户口注销证明）",
                    material_type="1",
                    source="government",
                    source_note="公安、卫健部门数据共享",
                    fill_notes="已办理户口注销的通过共享获取",
                    accept_standard="信息与死者一致",
                    basis=f"{SIL}第十七条",
                    exempt_if_shared=True,
                ),
                mat(
                    "申请人与死者亲属关系证明",
                    material_type="1",
                    copies=1,
                    originals=0,
                    fill_notes="户口簿、结婚证、出生医学证明之一，可共享核验",
                    accept_standard="亲属关系清楚",
                    basis=f"{SIL}第十七条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "丧葬补助金和抚恤金的标准是多少？",
                    "按照人社部、财政部统一规定执行：丧葬补助金和抚恤金标准与死者缴费年限、当地城镇居民人均可支配收入等挂钩，由经办机构核定。",
                ),
                faq(
                    "死者是城乡居民养老保险参保人怎么办？",
                    "城乡居民养老保险参保人死亡的，其个人账户余额可依法继承，按城乡居民养老保险规定办理。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=7,
        name="劳务派遣经营许可",
        item_type="01",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国劳动合同法》",
                    "主席令第七十三号（2012年修正）",
                    "第五十七条",
                    "经营劳务派遣业务应当具备下列条件：（一）注册资本不得少于人民币二百万元；（二）有与开展业务相适应的固定的经营场所和设施；"
                    "（三）有符合法律、行政法规规定的劳务派遣管理制度。经营劳务派遣业务，应当向劳动行政部门依法申请行政许可。",
                ),
                law(
                    "《劳务派遣行政许可实施办法》",
                    "人力资源和社会保障部令第19号",
                    "第十一条",
                    "许可机关应当自受理之日起20个工作日内作出是否准予行政许可的决定。",
                ),
            ],
            "service_objects": ["2"],
            "acceptance_conditions": "1. 已取得营业执照，注册资本不少于人民币200万元；2. 有与开展业务相适应的固定经营场所和设施；"
            "3. 有符合法律、行政法规规定的劳务派遣管理制度（含劳动合同、劳动报酬、社会保险、工作时间、休息休假、劳动纪律等内容）；"
            "4. 企业及其法定代表人近三年无劳动保障违法重大失信记录。",
            "handling_flow": "1. 申请；2. 受理；3. 审查（必要时实地核查）；4. 决定；5. 颁发《劳务派遣经营许可证》",
            "legal_days": 20,
            "legal_days_note": "经负责人批准可延长10个工作日",
            "promised_days": 10,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "result_type": "licence",
            "result_name": "劳务派遣经营许可证",
            "enterprise_topics": ["hr", "qualification"],
            "form_schema": enterprise_form(
                "劳务派遣经营许可申请书",
                {
                    "situation": choice(
                        "申请情形", [("new", "首次申请"), ("change", "变更"), ("renew", "延续")]
                    ),
                    "registered_capital": number("注册资本（万元）", 200),
                    "office_address": text("经营场所地址", 200),
                    "office_area": number("经营场所面积（平方米）"),
                    "staff": integer("专职工作人员数"),
                    "licence_no": text("原许可证编号", 30, **{"x-show-if": {"situation": "renew"}}),
                },
                ["situation", "registered_capital", "office_address"],
                required_if=[{"if": {"situation": "renew"}, "then": ["licence_no"]}],
            ),
            "materials": [
                form_doc("劳务派遣经营许可申请书", "《劳务派遣行政许可实施办法》第八条"),
                business_licence("《劳务派遣行政许可实施办法》第八条"),
                mat(
                    "经营场所的使用证明（不动产权证书或租赁合同）",
                    material_type="1",
                    copies=1,
                    originals=0,
                    accept_standard="租赁期限不少于1年",
                    basis="《劳务派遣行政许可实施办法》第八条",
                ),
                mat(
                    "劳务派遣管理制度",
                    material_type="3",
                    accept_standard="包括劳动合同、劳动报酬、社会保险、工作时间、休息休假、劳动纪律等与劳动者切身利益相关的规章制度文本",
                    basis="《劳务派遣行政许可实施办法》第八条",
                ),
                mat(
                    "拟与用工单位签订的劳务派遣协议样本",
                    material_type="2",
                    accept_standard="协议条款符合《劳动合同法》第五十九条",
                    basis="《劳务派遣行政许可实施办法》第八条",
                ),
            ],
            "faqs": [
                faq(
                    "劳务派遣经营许可证有效期多久？",
                    "有效期为3年。需要延续的，应当在有效期届满60日前向许可机关提出延续申请。",
                ),
                faq(
                    "用工单位使用被派遣劳动者有比例限制吗？",
                    "有。依据《劳务派遣暂行规定》，用工单位使用的被派遣劳动者数量不得超过其用工总量的10%。",
                ),
            ],
        },
        counties=county_impls("410212", category=C),
    ),
    make_item(
        seq=8,
        name="用人单位社会保险登记",
        item_type="20",
        category=C,
        guide={
            "legal_basis": [
                law(
                    SIL,
                    SIL_NO,
                    "第五十七条",
                    "用人单位应当自成立之日起三十日内凭营业执照、登记证书或者单位印章，向当地社会保险经办机构申请办理社会保险登记。"
                    "社会保险经办机构应当自收到申请之日起十五日内予以审核，发给社会保险登记证件。",
                ),
            ],
            "service_objects": ["2", "3", "4", "6"],
            "acceptance_conditions": "1. 在开封市（本县区）依法设立的企业、机关事业单位、社会组织、有雇工的个体工商户；2. 自成立之日起30日内申请；"
            "3. 尚未在本统筹地区办理社会保险登记。",
            "handling_flow": "1. 企业开办时“一表填报”自动完成，或单独网上申请；2. 信息校验；3. 即时完成登记；4. 为职工办理参保增员",
            "legal_days": 15,
            "promised_days": 1,
            "promised_days_note": "企业开办同步办理的即时办结",
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "result_type": "filing",
            "result_name": "社会保险登记信息（以统一社会信用代码为登记编号）",
            "enterprise_topics": ["hr", "establish"],
            "form_schema": enterprise_form(
                "社会保险登记表",
                {
                    "established": date("单位成立日期"),
                    "unit_type": choice(
                        "单位类型",
                        [
                            ("enterprise", "企业"),
                            ("institution", "事业单位"),
                            ("social_org", "社会组织"),
                            ("individual", "有雇工的个体工商户"),
                        ],
                    ),
                    "insurances": area(
                        "参保险种", 200, description="如：企业职工基本养老保险、失业保险、工伤保险"
                    ),
                    "employees": integer("参保职工人数"),
                },
                ["established", "unit_type", "insurances"],
            ),
            "materials": [
                business_licence(f"{SIL}第五十七条"),
                form_doc("社会保险登记表", f"{SIL}第五十七条"),
            ],
            "faqs": [
                faq(
                    "新开办企业还需要单独去社保窗口登记吗？",
                    "不需要。通过企业开办“一网通办”填报的，营业执照核发后社会保险登记自动完成。",
                ),
                faq(
                    "逾期未办理社会保险登记有什么后果？",
                    "由社会保险行政部门责令限期改正；逾期不改正的，依法处以罚款。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=9,
        name="职业介绍",
        item_type="20",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国就业促进法》",
                    "主席令第二十四号（2015年修正）",
                    "第三十五条",
                    "县级以上人民政府建立健全公共就业服务体系，设立公共就业服务机构，为劳动者免费提供下列服务：（一）就业政策法规咨询；"
                    "（二）职业供求信息、市场工资指导价位信息和职业培训信息发布；（三）职业指导和职业介绍；（四）对就业困难人员实施就业援助。",
                ),
            ],
            "service_objects": ["1", "2"],
            "acceptance_conditions": "1. 求职者：法定劳动年龄内、有劳动能力和求职意愿的劳动者；2. 招聘单位：依法登记的用人单位，招聘岗位信息真实合法，"
            "不含民族、性别、宗教信仰、户籍等就业歧视内容。",
            "handling_flow": "1. 求职者登记求职信息或单位发布招聘岗位；2. 信息审核；3. 智能匹配推荐岗位；4. 组织面试或招聘会；5. 跟踪反馈就业结果",
            "legal_days": 1,
            "promised_days": 0,
            "promised_days_note": "登记即时办结，免费服务",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "result_type": "other",
            "result_name": "求职登记及岗位推荐信息",
            "person_topics": ["employment"],
            "enterprise_topics": ["hr"],
            "form_schema": person_form(
                "求职登记表",
                {
                    "education": choice(
                        "学历",
                        [
                            ("junior", "初中及以下"),
                            ("senior", "高中/中专"),
                            ("college", "大专"),
                            ("bachelor", "本科"),
                            ("master", "研究生"),
                        ],
                    ),
                    "job_wanted": text("意向岗位", 100),
                    "expected_salary": number("期望月薪（元）"),
                    "work_area": choice(
                        "意向工作地",
                        [
                            ("city", "开封市区"),
                            ("xiangfu", "祥符区"),
                            ("lankao", "兰考县"),
                            ("qixian", "杞县"),
                            ("any", "不限"),
                        ],
                    ),
                },
                ["education", "job_wanted", "work_area"],
            ),
            "materials": [
                id_card("《中华人民共和国就业促进法》第三十五条", who="求职者"),
            ],
            "faqs": [
                faq(
                    "公共就业服务机构介绍工作收费吗？",
                    "不收费。公共就业服务机构为劳动者免费提供职业介绍、职业指导等服务。",
                ),
                faq(
                    "企业怎样发布招聘信息？",
                    "企业登录本平台法人空间“用工社保”专区发布岗位，经审核后向匹配的求职者推送。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
]
