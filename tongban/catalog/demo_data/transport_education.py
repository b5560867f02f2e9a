"""交通 and 教育: road transport licensing, taxi drivers, vehicle repair, teachers, private schools, enrolment (demonstration data)."""

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
    choice,
    date,
    enterprise_form,
    id_no,
    integer,
    number,
    person_form,
    text,
)

T = "交通"
E = "教育"
ROAD = "《中华人民共和国道路运输条例》"
ROAD_NO = "国务院令第406号（2023年修订）"

FREIGHT_COMMITMENT = (
    "道路货物运输经营许可告知承诺书\n"
    "开封市交通运输局已告知本人（本单位）：申请道路普通货物运输经营许可，应当有与其经营业务相适应并经检测合格的车辆，有取得相应从业资格的驾驶人员，"
    "有健全的安全生产管理制度。使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需申请道路运输经营许可。\n"
    "本人（本单位）郑重承诺：\n"
    "一、已经知晓告知的全部内容，符合道路普通货物运输经营许可条件；\n"
    "二、拟投入运营的车辆已经检测合格，技术等级达到规定标准，驾驶人员均持有有效的道路货物运输从业资格证；\n"
    "三、已建立安全生产操作规程、安全生产责任制度、安全生产监督检查制度和驾驶人员、车辆安全管理制度；\n"
    "四、所填写的信息和提交的材料真实、准确、有效；\n"
    "五、愿意接受交通运输主管部门在许可后开展的核查；核查发现不符合承诺条件的，在规定期限内整改，逾期未整改的，愿意承担撤销许可的法律后果，"
    "虚假承诺信息记入道路运输信用档案并依法公示。\n"
    "承诺人（签字/盖章）：        日期："
)

ITEMS = [
    make_item(
        seq=1,
        name="道路普通货物运输经营许可",
        item_type="01",
        category=T,
        flow="commitment",
        guide={
            "legal_basis": [
                law(
                    ROAD,
                    ROAD_NO,
                    "第二十一条",
                    "申请从事货运经营的，应当具备下列条件：（一）有与其经营业务相适应并经检测合格的车辆；（二）有符合本条例第二十二条规定条件的驾驶人员；"
                    "（三）有健全的安全生产管理制度。",
                ),
                law(
                    ROAD,
                    ROAD_NO,
                    "第二十四条",
                    "申请从事危险货物运输经营以外的货运经营的，向县级人民政府交通运输主管部门提出申请。使用总质量4500千克及以下普通货运车辆从事普通货运经营的，"
                    "无需按照本条规定申请取得道路运输经营许可证及车辆营运证。",
                ),
                law(
                    "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》",
                    "国发〔2021〕7号",
                    "附件1",
                    "道路货物运输经营许可（除使用4500千克及以下普通货运车辆从事普通货运经营外，不含危险货物运输）实行告知承诺。",
                ),
            ],
            "service_objects": ["1", "2", "6"],
            "acceptance_conditions": "1. 拟使用总质量4500千克以上普通货运车辆从事普通货物运输经营（不含危险货物运输）；2. 有与经营业务相适应并经检测合格的车辆；"
            "3. 驾驶人员取得与准驾车型相符的机动车驾驶证，年龄不超过60周岁，经考试合格取得道路货物运输从业资格证；4. 有健全的安全生产管理制度；"
            "5. 自愿签署告知承诺书。",
            "handling_flow": "1. 网上申请并签署告知承诺书；2. 形式审查后当场作出许可决定；3. 核发电子道路运输经营许可证；4. 后续核查",
            "legal_days": 20,
            "promised_days": 1,
            "promised_days_note": "告知承诺当场办结",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "commitment": True,
            "commitment_text": FREIGHT_COMMITMENT,
            "handle_area": "全市通办",
            "result_type": "licence",
            "result_name": "道路运输经营许可证（电子证照）",
            "person_topics": ["employment"],
            "enterprise_topics": ["permits"],
            "form_schema": enterprise_form(
                "道路货物运输经营申请表",
                {
                    "situation": choice("申请情形", [("new", "新办"), ("change", "变更"), ("renew", "换证")]),
                    "scope": choice(
                        "经营范围",
                        [
                            ("general", "道路普通货物运输"),
                            ("container", "货物专用运输（集装箱）"),
                            ("large", "大型物件运输"),
                        ],
                    ),
                    "vehicles": integer("拟投入车辆数", 1),
                    "drivers": integer("驾驶人员数", 1),
                    "safety_manager": text("安全管理人员", 50),
                },
                ["situation", "scope", "vehicles", "drivers"],
            ),
            "materials": [
                form_doc(
                    "道路货物运输经营申请表", "《道路货物运输及站场管理规定》（交通运输部令2023年第12号）"
                ),
                mat(
                    "道路货物运输经营许可告知承诺书",
                    material_type="2",
                    fill_notes="在线阅读并电子签署",
                    accept_standard="申请人签字或单位盖章",
                    basis="《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号）",
                ),
                id_card(ROAD + "第二十一条", who="负责人（个体经营者）"),
                business_licence(ROAD + "第二十一条"),
            ],
            "faqs": [
                faq(
                    "4.5吨以下的货车跑运输需要办许可吗？",
                    "不需要。使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需办理道路运输经营许可证和车辆营运证。",
                ),
                faq("承诺后多久会核查？", "交通运输部门在许可后3个月内通过信息比对或现场检查核查承诺内容。"),
            ],
        },
        counties=county_impls(category=T),
    ),
    make_item(
        seq=2,
        name="出租汽车驾驶员从业资格证核发",
        item_type="01",
        category=T,
        guide={
            "legal_basis": [
                law(
                    "《出租汽车驾驶员从业资格管理规定》",
                    "交通运输部令2021年第15号",
                    "第十条",
                    "申请参加出租汽车驾驶员从业资格考试的，应当符合下列条件：（一）取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历；"
                    "（二）无交通肇事犯罪、危险驾驶犯罪记录，无吸毒记录，无饮酒后驾驶记录，最近连续3个记分周期内没有记满12分记录；（三）无暴力犯罪记录。",
                ),
                law(
                    "《出租汽车驾驶员从业资格管理规定》",
                    "交通运输部令2021年第15号",
                    "第十四条",
                    "设区的市级出租汽车行政主管部门应当在考试结束后公布考试成绩，并对考试合格人员核发从业资格证。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历；2. 无交通肇事犯罪、危险驾驶犯罪记录，无吸毒记录，无饮酒后驾驶记录，"
            "最近连续3个记分周期内没有记满12分记录；3. 无暴力犯罪记录；4. 已通过出租汽车驾驶员从业资格全国公共科目和区域科目考试。",
            "handling_flow": "1. 网上报名并预约考试；2. 参加全国公共科目和开封区域科目考试；3. 成绩合格后申请核发；4. 审核犯罪、吸毒、驾驶记录；5. 核发电子从业资格证",
            "legal_days": 10,
            "legal_days_note": "自考试成绩公布之日起计算",
            "promised_days": 5,
            "case_kind": "2",
            "online_depth": "3",
            "visits": 1,
            "visits_reason": "须本人到考点参加从业资格考试",
            "result_type": "licence",
            "result_name": "出租汽车驾驶员从业资格证",
            "person_topics": ["profession", "transport"],
            "form_schema": person_form(
                "出租汽车驾驶员从业资格申请表",
                {
                    "service_type": choice(
                        "从业类别", [("taxi", "巡游出租汽车"), ("ride_hailing", "网络预约出租汽车")]
                    ),
                    "licence_no": text("机动车驾驶证档案编号", 12),
                    "first_licence_date": date("初次领取驾驶证日期"),
                    "exam_no": text("考试准考证号", 30),
                },
                ["service_type", "licence_no", "first_licence_date"],
            ),
            "materials": [
                form_doc("出租汽车驾驶员从业资格申请表", "《出租汽车驾驶员从业资格管理规定》第十一条"),
                id_card("《出租汽车驾驶员从业资格管理规定》第十一条"),
                mat(
                    "机动车驾驶证",
                    material_type="1",
                    source="government",
                    source_note="公安机关交通管理部门核发",
                    fill_notes="通过驾驶证电子证照共享核验",
                    accept_standard="驾龄满3年，记分符合要求",
                    basis="《出租汽车驾驶员从业资格管理规定》第十一条",
                    exempt_if_shared=True,
                ),
                photo("近期一寸白底彩色免冠照片", "《出租汽车驾驶员从业资格管理规定》第十一条"),
            ],
            "faqs": [
                faq(
                    "网约车司机也需要这个证吗？",
                    "需要。从事网约车服务的驾驶员应当取得网络预约出租汽车驾驶员从业资格证，考试区域科目内容有所不同。",
                ),
                faq(
                    "无犯罪记录需要自己开证明吗？",
                    "不需要。交通运输部门通过与公安机关的信息共享核查，申请人无需另行提交。",
                ),
            ],
        },
        counties=county_impls("410225", category=T),
    ),
    make_item(
        seq=3,
        name="机动车维修经营备案",
        item_type="10",
        category=T,
        guide={
            "legal_basis": [
                law(
                    ROAD,
                    ROAD_NO,
                    "第三章第三节 机动车维修",
                    "从事机动车维修经营的，应当在依法向市场监督管理部门办理有关登记手续后，向所在地县级人民政府交通运输主管部门进行备案。",
                ),
                law(
                    "《机动车维修管理规定》",
                    "交通运输部令2023年第14号",
                    "第九条",
                    "从事机动车维修经营业务的，应当在依法向市场监督管理机构办理有关登记手续后，向所在地县级交通运输主管部门进行备案。",
                ),
            ],
            "service_objects": ["1", "2", "6"],
            "acceptance_conditions": "1. 已取得营业执照，经营范围含机动车维修；2. 有与维修类别相适应的经营场地、设备设施和技术人员；3. 在开展维修经营业务之日起15日内备案。",
            "handling_flow": "1. 网上提交备案信息；2. 材料齐全即予备案；3. 备案信息向社会公开",
            "legal_days": 1,
            "promised_days": 0,
            "promised_days_note": "材料齐全当场备案",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "result_type": "filing",
            "result_name": "机动车维修经营备案回执",
            "enterprise_topics": ["operation"],
            "form_schema": enterprise_form(
                "机动车维修经营备案表",
                {
                    "category": choice(
                        "维修类别",
                        [
                            ("class1", "一类汽车维修"),
                            ("class2", "二类汽车维修"),
                            ("class3", "三类专项维修"),
                            ("motorcycle", "摩托车维修"),
                        ],
                    ),
                    "site_area": number("维修场地面积（平方米）"),
                    "technicians": integer("技术人员数"),
                    "start_date": date("开展维修业务日期"),
                },
                ["category", "site_area", "start_date"],
            ),
            "materials": [
                form_doc("机动车维修经营备案表", "《机动车维修管理规定》第十条"),
                business_licence("《机动车维修管理规定》第十条"),
                mat(
                    "经营场地、停车场面积和主要维修设备设施清单",
                    material_type="3",
                    accept_standard="与备案维修类别相符",
                    basis="《机动车维修管理规定》第十条",
                ),
                mat(
                    "技术人员名单及职业资格（技能等级）证书",
                    material_type="1",
                    copies=1,
                    originals=0,
                    accept_standard="人员配备符合维修类别要求",
                    basis="《机动车维修管理规定》第十条",
                ),
            ],
            "faqs": [
                faq(
                    "备案后交通部门还会检查吗？",
                    "会。备案后交通运输部门按照“双随机、一公开”方式进行事中事后监管。",
                ),
                faq(
                    "快修店、洗车店需要备案吗？",
                    "从事机动车维修经营（含快修、专项维修）的都需要备案；仅从事洗车、美容装潢的无需备案。",
                ),
            ],
        },
        counties=county_impls(category=T),
    ),
    make_item(
        seq=1,
        name="教师资格认定",
        item_type="01",
        category=E,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国教师法》",
                    "主席令第十五号（2009年修正）",
                    "第十三条",
                    "中小学教师资格由县级以上地方人民政府教育行政部门认定。中等专业学校、技工学校的教师资格由县级以上地方人民政府教育行政部门组织有关主管部门认定。",
                ),
                law(
                    "《教师资格条例》",
                    "国务院令第188号",
                    "第十三条",
                    "幼儿园、小学和初级中学教师资格，由申请人户籍所在地或者申请人任教学校所在地的县级人民政府教育行政部门认定。普通高级中学教师资格，"
                    "由申请人户籍所在地或者申请人任教学校所在地的县级人民政府教育行政部门审查后，报上一级教育行政部门认定。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 遵守宪法和法律，热爱教育事业，具有良好的思想品德；2. 具备《教师法》规定的相应学历；3. 中小学教师资格考试合格（免考的按规定）；"
            "4. 普通话水平达到二级乙等以上（语文教师和对外汉语教师二级甲等以上）；5. 具有良好的身体素质和心理素质，体检合格；"
            "6. 户籍、居住证或人事关系（学籍）在开封市（本县区）。",
            "prohibited_conditions": "丧失或者被撤销教师资格的，不能重新取得教师资格；受到剥夺政治权利或者故意犯罪受到有期徒刑以上刑事处罚的，不能取得教师资格。",
            "handling_flow": "1. 在“中国教师资格网”网上申报；2. 网上审核（学历、考试、普通话信息自动核验）；3. 到指定医院体检；4. 认定机构审查；"
            "5. 作出认定决定；6. 颁发教师资格证书（可邮寄）",
            "legal_days": 30,
            "legal_days_note": "自受理期限终止之日起30日内作出认定结论",
            "promised_days": 20,
            "case_kind": "2",
            "online_depth": "3",
            "visits": 1,
            "visits_reason": "须到认定机构指定的医院参加体检",
            "result_type": "licence",
            "result_name": "教师资格证书",
            "person_topics": ["profession", "education"],
            "form_schema": person_form(
                "教师资格认定申请表",
                {
                    "level": choice(
                        "申请资格种类",
                        [
                            ("kindergarten", "幼儿园"),
                            ("primary", "小学"),
                            ("junior", "初级中学"),
                            ("senior", "高级中学"),
                            ("vocational", "中等职业学校"),
                        ],
                    ),
                    "subject": text("任教学科", 50),
                    "exam_cert_no": text("中小学教师资格考试合格证明编号", 30),
                    "mandarin_level": choice(
                        "普通话水平", [("1B", "一级乙等及以上"), ("2A", "二级甲等"), ("2B", "二级乙等")]
                    ),
                    "basis": choice(
                        "申请认定依据",
                        [("household", "户籍"), ("residence", "居住证"), ("school", "学籍或任教学校")],
                    ),
                },
                ["level", "subject", "exam_cert_no", "mandarin_level", "basis"],
            ),
            "materials": [
                form_doc("教师资格认定申请表", "《〈教师资格条例〉实施办法》第十五条"),
                id_card("《〈教师资格条例〉实施办法》第十五条"),
                mat(
                    "学历证书",
                    material_type="1",
                    source="government",
                    source_note="教育部学籍学历信息共享",
                    fill_notes="学信网可核验的无需提交，未能核验的上传学历认证报告",
                    accept_standard="学历符合申请资格种类要求",
                    basis="《中华人民共和国教师法》第十一条",
                    exempt_if_shared=True,
                ),
                mat(
                    "个人承诺书",
                    material_type="2",
                    fill_notes="网上申报时在线签署，替代思想品德鉴定表",
                    accept_standard="本人签署",
                    basis="《教育部关于进一步做好教师资格认定工作的通知》",
                ),
                mat(
                    "教师资格认定体检表",
                    material_type="1",
                    source="other",
                    source_note="认定机构指定的县级以上医院出具",
                    accept_standard="体检结论为合格",
                    basis="《〈教师资格条例〉实施办法》第十五条",
                ),
                photo("近期1寸白底免冠正面证件照（电子版）", "《〈教师资格条例〉实施办法》第十五条"),
            ],
            "faqs": [
                faq(
                    "在开封读书但户籍不在开封，可以在开封认定吗？",
                    "可以。全日制在读专科三年级以上学生可在就读学校所在地认定，持有开封居住证的也可在居住地认定。",
                ),
                faq(
                    "普通话证书和学历需要上传吗？",
                    "不需要。系统自动核验普通话水平测试等级和学历信息，核验不到的才需上传。",
                ),
            ],
        },
        counties=county_impls(category=E),
    ),
    make_item(
        seq=2,
        name="民办学校设立审批",
        item_type="01",
        category=E,
        flow="parallel",
        review_categories=["教育", "民政"],
        countersign_mode="any",
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国民办教育促进法》",
                    "主席令第二十四号（2018年修正）",
                    "第十二条",
                    "举办实施学历教育、学前教育、自学考试助学及其他文化教育的民办学校，由县级以上人民政府教育行政部门按照国家规定的权限审批。",
                ),
                law(
                    "《中华人民共和国民办教育促进法》",
                    "主席令第二十四号（2018年修正）",
                    "第十七条、第十八条",
                    "申请正式设立民办学校的，审批机关应当自受理之日起三个月内以书面形式作出是否批准的决定，并送达申请人。审批机关对批准正式设立的民办学校发给办学许可证。",
                ),
                law(
                    "《中华人民共和国民办教育促进法实施条例》",
                    "国务院令第741号",
                    "第二章 设立",
                    "举办者应当依法对其出资或者提供的财产承担相应责任，民办学校的举办者不得为其他依法设立的学校提供隐性担保。",
                ),
            ],
            "service_objects": ["1", "2", "4", "6"],
            "joint_departments": "开封市民政局（民办非企业单位登记）",
            "acceptance_conditions": "1. 举办者为具有法人资格的社会组织或具有政治权利和完全民事行为能力的公民；2. 符合开封市教育发展规划和学校布局；"
            "3. 有合格的校长和符合规定数量、资格的教师；4. 有与办学规模相适应的校舍、场地和设施设备，校舍经消防、安全检测合格；"
            "5. 有必备的办学资金和稳定的经费来源；6. 已完成筹设或者具备直接申请正式设立的条件。",
            "prohibited_conditions": "不得设立实施军事、警察、政治等特殊性质教育的民办学校；义务教育阶段不得新设营利性民办学校。",
            "handling_flow": "1. 申请（筹设或正式设立）；2. 受理；3. 教育部门审查办学条件并组织专家评议，民政部门审核举办者和章程是否符合民办非企业单位登记要求（或签）；"
            "4. 实地考察；5. 作出决定；6. 颁发办学许可证，并引导办理法人登记",
            "legal_days": 60,
            "legal_days_note": "法律规定为三个月",
            "promised_days": 40,
            "case_kind": "2",
            "special_procedures": "专家评议、实地考察（不计入办理时限）",
            "result_type": "licence",
            "result_name": "民办学校办学许可证",
            "enterprise_topics": ["permits"],
            "person_topics": ["education"],
            "form_schema": enterprise_form(
                "民办学校设立申请表",
                {
                    "stage": choice("申请阶段", [("preparation", "筹设"), ("formal", "正式设立")]),
                    "school_name": text("拟设立学校名称", 100),
                    "school_type": choice(
                        "学校类别",
                        [
                            ("kindergarten", "幼儿园"),
                            ("culture_training", "文化教育类校外培训机构"),
                            ("high_school", "普通高中"),
                        ],
                    ),
                    "nature": choice("办学性质", [("nonprofit", "非营利性"), ("profit", "营利性")]),
                    "capacity": integer("办学规模（人）", 1),
                    "principal": text("拟任校长（园长）", 50),
                },
                ["stage", "school_name", "school_type", "nature", "capacity"],
                required_if=[{"if": {"stage": "formal"}, "then": ["principal"]}],
            ),
            "materials": [
                form_doc("民办学校设立申办报告", "《中华人民共和国民办教育促进法》第十四条、第十六条"),
                mat(
                    "举办者的资格证明文件",
                    material_type="1",
                    fill_notes="举办者为法人的提供登记证书（可共享），为自然人的提供身份证",
                    accept_standard="举办者主体资格合法",
                    basis="《中华人民共和国民办教育促进法》第十四条",
                    exempt_if_shared=True,
                ),
                mat(
                    "学校章程和首届理事会（董事会）组成人员名单",
                    material_type="2",
                    accept_standard="章程内容符合《民办教育促进法》第二十条",
                    basis="《中华人民共和国民办教育促进法》第十六条",
                ),
                mat(
                    "资产来源、资金数额及有效证明文件",
                    material_type="1",
                    accept_standard="办学资金与办学规模相适应",
                    basis="《中华人民共和国民办教育促进法》第十四条",
                ),
                mat(
                    "校舍、场地使用证明及安全、消防检测合格报告",
                    material_type="1",
                    copies=1,
                    originals=0,
                    accept_standard="租赁期限不少于办学周期",
                    basis="《中华人民共和国民办教育促进法》第十六条",
                ),
                mat(
                    "校长、教师、财会人员的资格证明文件",
                    material_type="1",
                    fill_notes="教师资格信息可共享核验",
                    accept_standard="人员资格符合规定",
                    basis="《中华人民共和国民办教育促进法》第十六条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "拿到办学许可证就可以招生了吗？",
                    "还需依法办理法人登记：非营利性民办学校到民政部门登记为民办非企业单位，营利性民办学校到市场监管部门登记。",
                ),
                faq(
                    "可以直接申请正式设立吗？",
                    "具备办学条件、达到设置标准的，可以直接申请正式设立，无需经过筹设阶段。",
                ),
            ],
        },
    ),
    make_item(
        seq=3,
        name="义务教育阶段新生入学登记",
        item_type="20",
        category=E,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国义务教育法》",
                    "主席令第五十二号（2018年修正）",
                    "第十一条、第十二条",
                    "凡年满六周岁的儿童，其父母或者其他法定监护人应当送其入学接受并完成义务教育。适龄儿童、少年免试入学。地方各级人民政府应当保障适龄儿童、"
                    "少年在户籍所在地学校就近入学。父母或者其他法定监护人在非户籍所在地工作或者居住的适龄儿童、少年，在其父母或者其他法定监护人工作或者居住地"
                    "接受义务教育的，当地人民政府应当为其提供平等接受义务教育的条件。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 小学一年级：当年8月31日前年满6周岁的适龄儿童；初中一年级：当年小学毕业生；2. 儿童及其法定监护人户籍在学区内，"
            "或法定监护人在开封市（本县区）持有居住证并有合法稳定就业或住所（随迁子女）；3. 由法定监护人在规定时间内登记。",
            "handling_flow": "1. 每年7月在本平台“义务教育招生”专区网上登记；2. 户籍、不动产、居住证、社保信息联网核验；3. 学校和教育部门审核；"
            "4. 公布分配结果（多校划片区域电脑派位）；5. 新生按通知到校报到",
            "legal_days": 20,
            "legal_days_note": "按年度招生工作日程安排",
            "promised_days": 15,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "delivery_modes": ["electronic"],
            "supports_express": False,
            "result_type": "other",
            "result_name": "入学登记审核及学位分配结果",
            "person_topics": ["education"],
            "form_schema": person_form(
                "义务教育阶段新生入学登记表（由法定监护人填写）",
                {
                    "child_name": text("学生姓名", 50),
                    "child_id": id_no("学生身份证号码"),
                    "grade": choice("入学年级", [("primary", "小学一年级"), ("junior", "初中一年级")]),
                    "category": choice("登记类别", [("local", "学区内户籍"), ("migrant", "随迁子女")]),
                    "address": text("实际居住地址", 200),
                    "residence_permit": text(
                        "监护人居住证号码", 30, **{"x-show-if": {"category": "migrant"}}
                    ),
                },
                ["child_name", "child_id", "grade", "category", "address"],
                required_if=[{"if": {"category": "migrant"}, "then": ["residence_permit"]}],
            ),
            "materials": [
                mat(
                    "居民户口簿",
                    material_type="1",
                    source="government",
                    source_note="公安机关核发",
                    fill_notes="通过户籍信息共享核验",
                    accept_standard="学生与监护人户籍关系清楚",
                    basis="《中华人民共和国义务教育法》第十二条",
                    exempt_if_shared=True,
                ),
                mat(
                    "住房证明（不动产权证书或租赁备案证明）",
                    material_type="1",
                    source="government",
                    source_note="不动产登记机构、住房租赁管理部门",
                    fill_notes="通过不动产登记和租赁备案信息共享核验",
                    accept_standard="房屋位于登记学区内",
                    basis="《中华人民共和国义务教育法》第十二条",
                    exempt_if_shared=True,
                ),
                mat(
                    "监护人居住证及就业证明（随迁子女）",
                    material_type="1",
                    necessity="2",
                    fill_notes="随迁子女提交；社保缴费、营业执照信息共享核验",
                    accept_standard="居住证在有效期内",
                    basis="《居住证暂行条例》第十二条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "入学登记需要跑学校交材料吗？",
                    "不需要。入学登记全程网上办理，户籍、房产、居住证等信息通过数据共享自动核验。",
                ),
                faq(
                    "随迁子女能在开封公办学校上学吗？",
                    "可以。符合条件的随迁子女由教育部门统筹安排到公办学校就读或按规定享受政府购买学位服务。",
                ),
            ],
        },
        counties=county_impls(category=E),
    ),
]
