"""公安: driving licences, exit-entry documents, household registration, special trades (demonstration data)."""

from __future__ import annotations

from tongban.catalog.demo_data._common import (
    business_licence,
    county_impls,
    faq,
    fee,
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
    id_no,
    integer,
    person_form,
    text,
)

C = "公安"
PASSPORT_LAW = law(
    "《中华人民共和国护照法》",
    "主席令第五十号",
    "第五条、第六条",
    "公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国的，由本人向户籍所在地的县级以上地方人民政府公安机关出入境管理机构申请普通护照。"
    "公安机关出入境管理机构应当自收到申请材料之日起十五日内签发普通护照。",
)
EXIT_ENTRY_LAW = law(
    "《中华人民共和国出境入境管理法》",
    "主席令第五十七号",
    "第十条",
    "中国公民往来内地与香港特别行政区、澳门特别行政区，中国公民往来大陆与台湾地区，应当依法申请办理通行证件，并遵守本法有关规定。具体管理办法由国务院规定。",
)
HOUSEHOLD_LAW = "《中华人民共和国户口登记条例》"
FEE_2019 = "《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》（发改价格〔2019〕914号）"
FEE_2017 = "《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》（发改价格〔2017〕1186号）"

ITEMS = [
    make_item(
        seq=1,
        name="机动车驾驶证核发（换证、补证）",
        item_type="01",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国道路交通安全法》",
                    "主席令第四十七号（2021年修正）",
                    "第十九条",
                    "驾驶机动车，应当依法取得机动车驾驶证。申请机动车驾驶证，应当符合国务院公安部门规定的驾驶许可条件；经考试合格后，"
                    "由公安机关交通管理部门发给相应类别的机动车驾驶证。",
                ),
                law(
                    "《机动车驾驶证申领和使用规定》",
                    "公安部令第162号",
                    "第四章 换证、补证",
                    "机动车驾驶人应当于机动车驾驶证有效期满前九十日内，向机动车驾驶证核发地或者核发地以外的车辆管理所申请换证。"
                    "机动车驾驶证遗失的，机动车驾驶人应当向机动车驾驶证核发地或者核发地以外的车辆管理所申请补领。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "换证：1. 机动车驾驶证有效期满前90日内，或者驾驶人户籍迁出原车辆管理所管辖区、身份证明名称或号码变更、"
            "驾驶证损毁无法辨认；2. 驾驶人身体条件符合相应准驾车型要求。补证：机动车驾驶证遗失，且驾驶证未被扣押、扣留、暂扣、"
            "吊销、注销，驾驶人未处于驾驶证记分周期内记满12分未处理状态。",
            "prohibited_conditions": "驾驶证被依法扣押、扣留或者暂扣期间，不予补证。",
            "handling_flow": "1. 通过交管12123或本平台提交申请（窗口、自助终端亦可）；2. 身份核验并采集（共享）身体条件证明；3. 车管所审核；"
            "4. 制作驾驶证并同步发放电子驾驶证；5. 窗口领取或邮寄送达",
            "legal_days": 1,
            "legal_days_note": "符合规定的当日核发",
            "promised_days": 1,
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "supports_online_payment": True,
            "supports_kiosk": True,
            "handle_area": "全国通办",
            "result_type": "licence",
            "result_name": "中华人民共和国机动车驾驶证（含电子驾驶证）",
            "is_fee": True,
            "fees": [
                fee(
                    "机动车驾驶证工本费",
                    "10元/证",
                    "《国家发展改革委 财政部关于公安交通管理收费标准及有关问题的通知》（发改价格〔2004〕2831号）",
                )
            ],
            "person_topics": ["transport"],
            "form_schema": person_form(
                "机动车驾驶证申请表（换证、补证）",
                {
                    "situation": choice(
                        "申请情形",
                        [
                            ("expire", "有效期满换证"),
                            ("change", "信息变化换证"),
                            ("damaged", "损毁换证"),
                            ("lost", "遗失补证"),
                        ],
                    ),
                    "licence_no": text("驾驶证档案编号", 12),
                    "vehicle_class": choice(
                        "准驾车型",
                        [
                            ("C1", "C1 小型汽车"),
                            ("C2", "C2 小型自动挡汽车"),
                            ("B2", "B2 大型货车"),
                            ("A2", "A2 重型牵引挂车"),
                            ("D", "D 普通三轮摩托车"),
                            ("E", "E 普通二轮摩托车"),
                        ],
                    ),
                    "change_detail": area("变化的信息", 300, **{"x-show-if": {"situation": "change"}}),
                    "delivery_address": text("邮寄地址（选择邮寄时填写）", 200),
                },
                ["situation", "licence_no", "vehicle_class"],
                required_if=[{"if": {"situation": "change"}, "then": ["change_detail"]}],
            ),
            "materials": [
                form_doc("机动车驾驶证申请表", "《机动车驾驶证申领和使用规定》第四章"),
                id_card("《机动车驾驶证申领和使用规定》第四章"),
                mat(
                    "机动车驾驶人身体条件证明",
                    material_type="1",
                    source="other",
                    source_note="县级或者部队团级以上医疗机构、经公安交管部门备案的体检机构出具",
                    fill_notes="电子体检信息已上传交管系统的无需提交纸质证明；补证且不涉及身体条件变化的无需提交",
                    accept_standard="6个月内出具，结论符合准驾车型身体条件",
                    basis="《机动车驾驶证申领和使用规定》第四章",
                    exempt_if_shared=True,
                ),
                photo(
                    "近期一寸白底彩色免冠照片", "《机动车驾驶证申领和使用规定》第四章", count=1, necessity="2"
                ),
            ],
            "faqs": [
                faq(
                    "驾驶证到期了可以在开封以外的地方换证吗？",
                    "可以。驾驶证换证、补证全国通办，可在全国任一车辆管理所或通过交管12123网上办理。",
                ),
                faq(
                    "换了驾驶证还需要重新领取电子驾驶证吗？",
                    "不需要。换证、补证后电子驾驶证自动同步更新，可在交管12123中查看和出示。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=2,
        name="普通护照签发",
        item_type="01",
        category=C,
        guide={
            "legal_basis": [
                PASSPORT_LAW,
                law(
                    "《中华人民共和国出境入境管理法》",
                    "主席令第五十七号",
                    "第九条",
                    "中国公民出境入境，应当依法申请办理护照或者其他旅行证件。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 具有中华人民共和国国籍的公民因私出国；2. 本人持居民身份证申请（未满16周岁的由监护人陪同）；"
            "3. 不属于《护照法》第十三条规定的不予签发情形；4. 登记备案的国家工作人员已取得所在单位同意出境的意见。",
            "prohibited_conditions": "被判处刑罚正在服刑，或者人民法院通知有未了结的民事案件不能出境等《护照法》第十三条规定情形的，不予签发。",
            "handling_flow": "1. 在线预约并填写申请信息；2. 本人到出入境窗口采集指纹、人像；3. 受理并收费；4. 审批签发；5. 邮寄或窗口领取",
            "legal_days": 15,
            "legal_days_note": "偏远地区或特殊情况经签发机关负责人批准可延长至30日",
            "promised_days": 7,
            "promised_days_note": "全国通办，7个工作日内签发",
            "case_kind": "2",
            "online_depth": "3",
            "visits": 1,
            "visits_reason": "首次申请须本人到场采集指纹和人像信息",
            "supports_online_payment": True,
            "handle_area": "全国通办",
            "result_type": "licence",
            "result_name": "中华人民共和国普通护照",
            "is_fee": True,
            "fees": [fee("普通护照", "120元/本", FEE_2019)],
            "person_topics": ["travel"],
            "form_schema": person_form(
                "中国公民出入境证件申请表（普通护照）",
                {
                    "situation": choice(
                        "申请类别",
                        [
                            ("first", "首次申请"),
                            ("expire", "失效重新申请"),
                            ("lost", "遗失补发"),
                            ("endorse", "加注"),
                        ],
                    ),
                    "purpose": choice(
                        "出境事由",
                        [
                            ("travel", "旅游"),
                            ("visit", "探亲访友"),
                            ("study", "留学"),
                            ("business", "商务"),
                            ("work", "劳务"),
                            ("settle", "定居"),
                        ],
                    ),
                    "lost_detail": area("遗失时间、地点及经过", 500, **{"x-show-if": {"situation": "lost"}}),
                    "state_staff": choice("是否为登记备案的国家工作人员", [("no", "否"), ("yes", "是")]),
                    "delivery": choice("领取方式", [("window", "窗口领取"), ("post", "邮寄送达")]),
                },
                ["situation", "purpose", "state_staff", "delivery"],
                required_if=[{"if": {"situation": "lost"}, "then": ["lost_detail"]}],
            ),
            "materials": [
                form_doc(
                    "中国公民出入境证件申请表",
                    "《中华人民共和国护照法》第五条",
                    fill_notes="在线预约填写或现场打印，本人签字",
                ),
                id_card("《中华人民共和国护照法》第五条"),
                photo("出入境证件相片（现场采集）", "《中华人民共和国护照法》第五条"),
                mat(
                    "登记备案的国家工作人员所在单位同意出境意见",
                    material_type="2",
                    necessity="2",
                    fill_notes="仅登记备案的国家工作人员提交，按干部管理权限由所在单位出具",
                    accept_standard="加盖单位公章并由负责人签字",
                    basis="《中华人民共和国护照法》第五条",
                ),
                mat(
                    "原护照或遗失报失证明",
                    material_type="1",
                    necessity="2",
                    originals=1,
                    fill_notes="换发须交验原护照；遗失补发的在窗口现场报失",
                    accept_standard="原护照与申请人信息一致",
                    basis="《中华人民共和国护照法》第十一条",
                ),
            ],
            "faqs": [
                faq(
                    "户口不在开封可以在开封办护照吗？",
                    "可以。普通护照实行全国通办，持居民身份证即可在开封任一出入境窗口申请。",
                ),
                faq(
                    "未成年人办理护照需要什么？",
                    "未满16周岁的须由监护人陪同，并提交出生医学证明或户口簿等监护关系证明及监护人居民身份证。",
                ),
            ],
        },
        counties=county_impls("410212", "410225", category=C),
    ),
    make_item(
        seq=3,
        name="往来港澳通行证及签注签发",
        item_type="01",
        category=C,
        guide={
            "legal_basis": [
                EXIT_ENTRY_LAW,
                law(
                    "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》",
                    "1986年12月3日国务院批准，公安部发布",
                    "第二章",
                    "内地公民因私事前往香港、澳门，须向户口所在地的市、县公安局出入境管理部门提出申请。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 申请人为内地居民；2. 持居民身份证申请（未满16周岁的由监护人陪同）；3. 申请签注的，持有效的往来港澳通行证；"
            "4. 登记备案的国家工作人员已取得所在单位同意出境的意见；5. 不属于法律规定不准出境的情形。",
            "handling_flow": "1. 在线预约；2. 采集指纹、人像并受理；3. 审批；4. 制证；5. 领取证件。有效通行证续签签注可在自助签注机即时办理",
            "legal_days": 30,
            "legal_days_note": "暂行管理办法规定30日（地处偏僻、交通不便的60日）",
            "promised_days": 7,
            "case_kind": "2",
            "online_depth": "3",
            "visits": 1,
            "visits_reason": "首次申请须本人到场采集指纹和人像信息",
            "supports_kiosk": True,
            "supports_online_payment": True,
            "handle_area": "全国通办",
            "result_type": "licence",
            "result_name": "往来港澳通行证（电子）及签注",
            "is_fee": True,
            "fees": [
                fee("往来港澳通行证", "60元/证", FEE_2019),
                fee("往来港澳一次有效签注", "15元/件", FEE_2017),
                fee("往来港澳二次有效签注", "30元/件", FEE_2017),
            ],
            "person_topics": ["travel"],
            "form_schema": person_form(
                "中国公民出入境证件申请表（往来港澳）",
                {
                    "situation": choice(
                        "申请类别",
                        [
                            ("first", "首次申领通行证并签注"),
                            ("renew", "换发通行证"),
                            ("lost", "补发通行证"),
                            ("endorse", "仅申请签注"),
                        ],
                    ),
                    "endorsement_type": choice(
                        "签注种类",
                        [("L", "团队旅游"), ("G", "个人旅游"), ("T", "探亲"), ("S", "商务"), ("D", "逗留")],
                    ),
                    "endorsement_times": choice("签注次数", [("1", "一次有效"), ("2", "二次有效")]),
                    "permit_no": text(
                        "现持往来港澳通行证号码", 12, **{"x-show-if": {"situation": "endorse"}}
                    ),
                    "destination": choice("前往地", [("HK", "香港"), ("MO", "澳门"), ("both", "香港、澳门")]),
                },
                ["situation", "endorsement_type", "endorsement_times", "destination"],
                required_if=[{"if": {"situation": "endorse"}, "then": ["permit_no"]}],
            ),
            "materials": [
                form_doc(
                    "中国公民出入境证件申请表",
                    "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第九条",
                ),
                id_card("《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第九条"),
                photo("出入境证件相片（现场采集）", "《中华人民共和国出境入境管理法》第十条"),
                mat(
                    "探亲签注的亲属关系证明",
                    material_type="1",
                    necessity="2",
                    fill_notes="仅申请探亲签注提交，如港澳亲属的身份证件复印件及亲属关系说明",
                    accept_standard="亲属关系清楚",
                    basis="《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第九条",
                ),
            ],
            "faqs": [
                faq(
                    "签注用完了可以网上续签吗？",
                    "可以。持有效电子往来港澳通行证的，可在出入境自助签注机或“移民局12367”网上申请再次签注，签注立等可取。",
                ),
                faq("办证需要几天？", "受理后7个工作日内签发，可选择免费邮寄或窗口领取。"),
            ],
        },
        counties=county_impls("410212", "410225", category=C),
    ),
    make_item(
        seq=4,
        name="居住证申领",
        item_type="07",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《居住证暂行条例》",
                    "国务院令第663号",
                    "第二条",
                    "公民离开常住户口所在地，到其他城市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，"
                    "可以依照本条例的规定申领居住证。",
                ),
                law(
                    "《居住证暂行条例》",
                    "国务院令第663号",
                    "第九条、第十条",
                    "申领居住证，应当向居住地公安派出所或者受公安机关委托的社区服务机构提交本人居民身份证、本人相片以及居住地住址、就业、"
                    "就读等证明材料。受理申领居住证的公安派出所或者社区服务机构应当自受理之日起15日内制作发放居住证。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 户籍不在开封市（本县区），已在居住地办理居住登记并居住满半年；2. 在居住地有合法稳定就业、合法稳定住所或者"
            "连续就读，具备其中之一；3. 未满16周岁的未成年人和行动不便的老年人、残疾人等，可由其监护人、近亲属代为申领。",
            "handling_flow": "1. 网上申请或到居住地派出所申请；2. 核验身份并采集相片；3. 审核居住、就业或就读信息；4. 制作发放居住证",
            "legal_days": 15,
            "promised_days": 10,
            "case_kind": "2",
            "online_depth": "3",
            "visits": 1,
            "visits_reason": "首次申领须采集本人相片（已有符合要求的证件照可共享免采）",
            "result_type": "licence",
            "result_name": "河南省居住证",
            "person_topics": ["household"],
            "form_schema": person_form(
                "居住证申领登记表",
                {
                    "residence_address": text("居住地详细地址", 200),
                    "residence_since": date("在居住地居住起始日期"),
                    "basis": choice(
                        "申领依据",
                        [("job", "合法稳定就业"), ("house", "合法稳定住所"), ("study", "连续就读")],
                    ),
                    "employer": text("就业单位名称", 100, **{"x-show-if": {"basis": "job"}}),
                    "school": text("就读学校名称", 100, **{"x-show-if": {"basis": "study"}}),
                },
                ["residence_address", "residence_since", "basis"],
                required_if=[
                    {"if": {"basis": "job"}, "then": ["employer"]},
                    {"if": {"basis": "study"}, "then": ["school"]},
                ],
            ),
            "materials": [
                id_card("《居住证暂行条例》第九条"),
                photo("近期白底彩色免冠相片", "《居住证暂行条例》第九条", necessity="2"),
                mat(
                    "居住地住址证明（不动产权证书或房屋租赁合同）",
                    material_type="1",
                    copies=1,
                    originals=0,
                    fill_notes="已在平台办理房屋租赁备案或有不动产登记信息的，可共享免交",
                    accept_standard="住址与申请地址一致",
                    basis="《居住证暂行条例》第九条",
                    exempt_if_shared=True,
                ),
                mat(
                    "就业或就读证明（劳动合同、营业执照或学校在读证明，三者之一）",
                    material_type="1",
                    copies=1,
                    originals=0,
                    fill_notes="以合法稳定就业、连续就读申领的提交；可通过社保缴费、营业执照信息共享核验",
                    accept_standard="与申领依据相符",
                    basis="《居住证暂行条例》第九条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq("办理居住证要交费吗？", "首次申领免收证件工本费；换领、补领的按规定缴纳证件工本费。"),
                faq(
                    "居住证需要每年签注吗？",
                    "居住证每年签注一次。持证人在居住地连续居住的，应在居住每满一年之日前一个月内申请签注，可在网上办理。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=5,
        name="户口迁移（迁入）",
        item_type="07",
        category=C,
        guide={
            "legal_basis": [
                law(
                    HOUSEHOLD_LAW,
                    "1958年1月9日全国人大常委会通过",
                    "第十条、第十三条",
                    "公民迁出本户口管辖区，由本人或者户主在迁出前向户口登记机关申报迁出登记，领取迁移证件，注销户口。公民迁移，从到达迁入地的时候起，"
                    "城市在三日以内，农村在十日以内，由本人或者户主持迁移证件向户口登记机关申报迁入登记，缴销迁移证件。",
                ),
                law(
                    "《国务院关于进一步推进户籍制度改革的意见》",
                    "国发〔2014〕25号",
                    "二、进一步调整户口迁移政策",
                    "全面放开建制镇和小城市落户限制，有序放开中等城市落户限制，合理确定大城市落户条件。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "具备下列条件之一：1. 在开封市城区、县城或建制镇拥有合法稳定住所（含租赁）的本人及其共同居住生活的配偶、子女、父母；"
            "2. 在开封市合法稳定就业并参加城镇社会保险的人员及其共同居住生活的配偶、子女、父母；3. 投靠开封市常住户口的配偶、父母、子女；"
            "4. 普通高校、职业院校毕业生及留学回国人员。",
            "handling_flow": "1. 向迁入地派出所提出申请（跨省迁移实行“一站式”办理，无需回迁出地开具准迁证和迁移证）；2. 审核；"
            "3. 迁入地办理落户并通过系统通知迁出地注销原户口；4. 领取新户口簿，申领居民身份证",
            "legal_days": 20,
            "legal_days_note": "参照《行政许可法》一般期限",
            "promised_days": 5,
            "promised_days_note": "省内迁移即时办结，跨省迁移5个工作日",
            "case_kind": "2",
            "online_depth": "3",
            "visits": 1,
            "visits_reason": "落户后须本人到派出所采集人像、申领居民身份证",
            "handle_area": "跨省通办",
            "result_type": "other",
            "result_name": "常住人口登记卡及居民户口簿",
            "person_topics": ["household"],
            "form_schema": person_form(
                "户口迁移申请表",
                {
                    "reason": choice(
                        "迁移类别",
                        [
                            ("house", "合法稳定住所落户"),
                            ("job", "合法稳定就业落户"),
                            ("family", "投靠亲属"),
                            ("graduate", "毕业生落户"),
                        ],
                    ),
                    "from_address": text("原户籍地址", 200),
                    "to_address": text("迁入地址", 200),
                    "relation": choice(
                        "与投靠人关系",
                        [("spouse", "配偶"), ("parent", "父母"), ("child", "子女")],
                        **{"x-show-if": {"reason": "family"}},
                    ),
                    "host_id": id_no("投靠人身份证号码", **{"x-show-if": {"reason": "family"}}),
                    "movers": integer("随迁人数", 0, maximum=10),
                },
                ["reason", "from_address", "to_address"],
                required_if=[{"if": {"reason": "family"}, "then": ["relation", "host_id"]}],
            ),
            "materials": [
                form_doc("户口迁移申请表", HOUSEHOLD_LAW + "第十三条"),
                id_card(HOUSEHOLD_LAW + "第十三条", who="迁移人"),
                mat(
                    "居民户口簿",
                    material_type="1",
                    source="government",
                    source_note="户籍地公安机关核发",
                    fill_notes="通过人口信息系统核验",
                    accept_standard="与迁移人信息一致",
                    basis=HOUSEHOLD_LAW + "第十三条",
                    exempt_if_shared=True,
                ),
                mat(
                    "落户依据证明（不动产权证书、租赁备案、劳动合同、结婚证、毕业证，按迁移类别提交其一）",
                    material_type="1",
                    copies=1,
                    originals=1,
                    fill_notes="已有电子证照或共享数据的免交",
                    accept_standard="与迁移类别相符",
                    basis="《国务院关于进一步推进户籍制度改革的意见》（国发〔2014〕25号）",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "跨省迁户口还要回老家开准迁证吗？",
                    "不需要。户口迁移实行跨省“一站式”办理，只需到迁入地派出所申请，迁出手续由系统内部流转。",
                ),
                faq(
                    "迁户口后身份证号码会变吗？",
                    "不会。公民身份号码终身不变，迁入后须申领新的居民身份证（住址变更）。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=6,
        name="户口注销（死亡）",
        item_type="07",
        category=C,
        guide={
            "legal_basis": [
                law(
                    HOUSEHOLD_LAW,
                    "1958年1月9日全国人大常委会通过",
                    "第八条",
                    "公民死亡，城市在葬前，农村在一个月以内，由户主、亲属、抚养人或者邻居向户口登记机关申报死亡登记，注销户口。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 死者户籍在开封市（本县区）；2. 由户主、亲属、抚养人或者邻居申报；3. 持有医疗卫生机构出具的《居民死亡医学证明（推断）书》"
            "或者公安机关出具的死亡证明。",
            "handling_flow": "1. 申报人提交申请（可通过“身后一件事”联办）；2. 核验死亡信息；3. 当场注销户口；4. 信息推送民政、人社、医保、公积金部门",
            "legal_days": 1,
            "promised_days": 0,
            "promised_days_note": "材料齐全当场办结",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "result_type": "other",
            "result_name": "户口注销证明（居民户口簿注销页）",
            "person_topics": ["death", "household"],
            "form_schema": person_form(
                "死亡人员户口注销申报表",
                {
                    "deceased_name": text("死者姓名", 50),
                    "deceased_id": id_no("死者身份证号码"),
                    "death_date": date("死亡日期"),
                    "relation": choice(
                        "申报人与死者关系",
                        [
                            ("spouse", "配偶"),
                            ("child", "子女"),
                            ("parent", "父母"),
                            ("guardian", "抚养人"),
                            ("neighbor", "邻居"),
                        ],
                    ),
                    "joint": choice(
                        "是否同步办理“身后一件事”",
                        [("yes", "是（同步办理社保、医保、公积金等业务）"), ("no", "否")],
                    ),
                },
                ["deceased_name", "deceased_id", "death_date", "relation"],
            ),
            "materials": [
                mat(
                    "居民死亡医学证明（推断）书",
                    material_type="1",
                    source="other",
                    source_note="医疗卫生机构出具",
                    fill_notes="医院已上传电子死亡医学证明的可共享免交",
                    accept_standard="加盖出具机构印章，信息与死者一致",
                    basis=HOUSEHOLD_LAW + "第八条",
                    exempt_if_shared=True,
                ),
                id_card(HOUSEHOLD_LAW + "第八条", who="申报人"),
                mat(
                    "死者居民身份证（收缴）",
                    material_type="1",
                    necessity="2",
                    fill_notes="遗失的可不交，在申报表中说明",
                    accept_standard="证件信息与死者一致",
                    basis="《中华人民共和国居民身份证法》第十五条",
                ),
            ],
            "faqs": [
                faq(
                    "家属去世后还要分别去办社保、医保停保吗？",
                    "选择“身后一件事”联办的，注销户口信息自动推送人社、医保、公积金等部门，丧葬补助金等待遇可一并申请。",
                ),
                faq(
                    "死者身份证找不到了怎么办？",
                    "不影响办理，申报时在表中说明即可，系统注销后该证件自动失效。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
    make_item(
        seq=7,
        name="旅馆业特种行业许可证核发",
        item_type="01",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《国务院对确需保留的行政审批项目设定行政许可的决定》",
                    "国务院令第412号",
                    "第31项",
                    "旅馆业特种行业许可证核发，实施机关：县级以上地方人民政府公安机关。",
                ),
                law(
                    "《旅馆业治安管理办法》",
                    "国务院批准，公安部令发布（2022年修订）",
                    "第四条",
                    "申请开办旅馆，应取得市场监管部门核发的营业执照，向当地公安机关申领特种行业许可证后，方准开业。",
                ),
            ],
            "service_objects": ["2", "6"],
            "acceptance_conditions": "1. 已取得营业执照；2. 房屋建筑、消防设施符合国家有关规定；3. 具备必要的防盗等安全设施和旅客住宿登记信息系统；"
            "4. 有治安保卫组织或者指定安全保卫人员，并建立旅客住宿登记、访客管理、财物保管等安全管理制度。",
            "handling_flow": "1. 申请；2. 受理；3. 现场检查安全防范设施；4. 审批决定；5. 发证并开通旅馆业治安管理信息系统",
            "legal_days": 20,
            "promised_days": 7,
            "case_kind": "2",
            "special_procedures": "现场检查（不计入办理时限）",
            "result_type": "licence",
            "result_name": "特种行业许可证（旅馆业）",
            "enterprise_topics": ["permits"],
            "form_schema": enterprise_form(
                "旅馆业特种行业许可申请表",
                {
                    "hotel_name": text("旅馆名称", 100),
                    "hotel_address": text("经营地址", 200),
                    "rooms": integer("客房数（间）", 1),
                    "beds": integer("床位数（张）", 1),
                    "security_officer": text("安全保卫负责人", 50),
                },
                ["hotel_name", "hotel_address", "rooms", "beds", "security_officer"],
            ),
            "materials": [
                form_doc("旅馆业特种行业许可申请表", "《旅馆业治安管理办法》第四条"),
                business_licence("《旅馆业治安管理办法》第四条"),
                mat(
                    "经营场所平面图及安全防范设施（监控、防盗）设置说明",
                    material_type="3",
                    accept_standard="标明客房、通道、出入口和监控点位",
                    basis="《旅馆业治安管理办法》第三条",
                ),
                mat(
                    "治安保卫组织或安全保卫人员名单及旅客住宿登记等安全管理制度",
                    material_type="3",
                    accept_standard="人员身份信息真实，制度齐全",
                    basis="《旅馆业治安管理办法》第三条",
                ),
                id_card("《旅馆业治安管理办法》第四条", who="法定代表人（负责人）"),
            ],
            "faqs": [
                faq(
                    "民宿需要办理特种行业许可证吗？",
                    "以经营住宿为目的、对外提供住宿服务的民宿按旅馆业管理，应依法办理特种行业许可证并落实住宿实名登记。",
                ),
                faq(
                    "变更法定代表人需要重新申请吗？",
                    "旅馆变更名称、法定代表人、地址或改变经营范围的，应当在变更后向原发证公安机关办理变更手续。",
                ),
            ],
        },
        counties=county_impls("410212", "410225", category=C),
    ),
    make_item(
        seq=8,
        name="无犯罪记录证明开具",
        item_type="20",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《公安机关办理犯罪记录查询工作规定》",
                    "公通字〔2021〕19号",
                    "第六条、第十条",
                    "个人可以向户籍地或者居住地公安派出所提出查询申请，查询本人有无犯罪记录。公安机关应当在受理之日起三个工作日内办理完毕。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 申请人为中国公民，户籍地或居住地在开封市（本县区）；2. 查询对象为申请人本人（委托他人的须有书面委托）；"
            "3. 注明查询用途。",
            "handling_flow": "1. 网上或窗口申请；2. 受理；3. 查询犯罪记录；4. 出具证明（电子证明可在线验证）",
            "legal_days": 3,
            "promised_days": 1,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "handle_area": "全市通办",
            "result_type": "other",
            "result_name": "无犯罪记录证明",
            "person_topics": ["employment"],
            "form_schema": person_form(
                "犯罪记录查询申请表",
                {
                    "purpose": choice(
                        "查询用途",
                        [
                            ("job", "就业"),
                            ("study", "入学"),
                            ("exit", "出国（境）"),
                            ("licence", "申请执业资格"),
                            ("adopt", "收养"),
                        ],
                    ),
                    "receiver": text("证明提交单位", 100),
                    "agent": choice("是否委托他人办理", [("no", "否"), ("yes", "是")]),
                    "agent_name": text("受托人姓名", 50, **{"x-show-if": {"agent": "yes"}}),
                },
                ["purpose", "agent"],
                required_if=[{"if": {"agent": "yes"}, "then": ["agent_name"]}],
            ),
            "materials": [
                form_doc("犯罪记录查询申请表", "《公安机关办理犯罪记录查询工作规定》第六条"),
                id_card("《公安机关办理犯罪记录查询工作规定》第六条"),
                mat(
                    "授权委托书及受托人居民身份证",
                    material_type="2",
                    necessity="2",
                    fill_notes="委托他人代为申请时提交",
                    accept_standard="委托人签字，委托事项明确",
                    basis="《公安机关办理犯罪记录查询工作规定》第七条",
                ),
            ],
            "faqs": [
                faq(
                    "电子版无犯罪记录证明有效吗？",
                    "有效。电子证明加盖公安机关电子印章，接收单位可扫描证明上的二维码在线核验真伪。",
                ),
                faq(
                    "单位可以直接查询员工有无犯罪记录吗？",
                    "单位查询须有法律、行政法规依据，并经本人书面授权，按规定向公安机关申请。",
                ),
            ],
        },
        counties=county_impls(category=C),
    ),
]
