"""卫健 and 医保: practitioner registration, public-place hygiene, medical institutions, medical insurance (demonstration data)."""

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
    id_no,
    integer,
    number,
    person_form,
    text,
)

H = "卫健"
M = "医保"
SIL = "《中华人民共和国社会保险法》"
SIL_NO = "主席令第二十五号（2018年修正）"

HYGIENE_COMMITMENT = (
    "公共场所卫生许可告知承诺书\n"
    "开封市卫生健康委员会已告知本单位：申请公共场所卫生许可，应当具备《公共场所卫生管理条例》及其实施细则规定的条件，"
    "即具有符合卫生要求的经营场所和设施、卫生管理制度和卫生管理人员，从业人员取得有效健康合格证明，集中空调通风系统（如有）符合卫生规范。\n"
    "本单位郑重承诺：\n"
    "一、已经知晓告知的全部内容，本单位的经营场所和设施已符合上述条件；\n"
    "二、所提交的申请材料真实、合法、有效，复印件与原件一致；\n"
    "三、自取得卫生许可证之日起3个月内，向发证机关提交具有资质的检验机构出具的公共场所卫生检测或者评价报告；\n"
    "四、愿意接受卫生健康部门的事后核查，核查发现与承诺不符的，在限期内整改；逾期不整改或整改后仍不符合条件的，愿意承担被撤销卫生许可的法律后果，"
    "并同意将失信信息记入信用档案、依法公示；\n"
    "五、以上承诺是本单位真实意思表示，如有虚假承诺，愿意依法承担相应法律责任。\n"
    "承诺单位（盖章）：        法定代表人（负责人）签字：        日期："
)

ITEMS = [
    make_item(
        seq=1,
        name="医师执业注册",
        item_type="01",
        category=H,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国医师法》",
                    "主席令第九十四号",
                    "第十三条",
                    "国家实行医师执业注册制度。取得医师资格的，可以向所在地县级以上地方人民政府卫生健康主管部门申请注册。医疗卫生机构可以为本机构中的"
                    "申请人集体办理注册手续。除有本法规定不予注册的情形外，卫生健康主管部门应当自受理申请之日起二十个工作日内准予注册，"
                    "将注册信息录入国家信息平台，并发给医师执业证书。",
                ),
                law(
                    "《医师执业注册管理办法》",
                    "国家卫生和计划生育委员会令第13号",
                    "第九条",
                    "拟在医疗、保健机构中执业的人员，应当向批准该机构执业的卫生计生行政部门申请注册；拟在预防机构中执业的人员，"
                    "应当向该机构的同级卫生计生行政部门申请注册。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 已取得医师资格证书；2. 拟执业的医疗卫生机构位于开封市（本县区）且由本机关批准或备案，并出具拟聘用意见；"
            "3. 不存在《医师法》第十六条规定的不予注册情形（无民事行为能力或限制民事行为能力、受刑事处罚执行完毕不满二年、"
            "被吊销医师执业证书不满二年、甲类乙类传染病传染期或者精神疾病发病期等健康状况不适宜执业）。",
            "prohibited_conditions": "有《医师法》第十六条规定情形之一的，不予注册。",
            "handling_flow": "1. 通过国家医师电子化注册系统或本平台申请（可由执业机构集体办理）；2. 受理；3. 审核；4. 准予注册，发放电子化医师执业证书",
            "legal_days": 20,
            "promised_days": 5,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "tolerance": True,
            "result_type": "licence",
            "result_name": "医师执业证书（电子证照）",
            "person_topics": ["profession", "medical"],
            "form_schema": person_form(
                "医师执业注册申请审核表",
                {
                    "situation": choice(
                        "申请情形",
                        [
                            ("first", "首次注册"),
                            ("change", "变更注册（执业地点、类别、范围）"),
                            ("multi", "多机构执业备案"),
                            ("cancel", "注销注册"),
                        ],
                    ),
                    "qualification_no": text("医师资格证书编码", 30),
                    "category": choice(
                        "执业类别",
                        [("clinical", "临床"), ("tcm", "中医"), ("dental", "口腔"), ("public", "公共卫生")],
                    ),
                    "scope": text("执业范围", 100, description="如：内科专业、外科专业、全科医学专业"),
                    "institution": text("主要执业机构名称", 100),
                    "change_reason": area("变更事项及理由", 500, **{"x-show-if": {"situation": "change"}}),
                },
                ["situation", "qualification_no", "category", "scope", "institution"],
                required_if=[{"if": {"situation": "change"}, "then": ["change_reason"]}],
            ),
            "materials": [
                form_doc("医师执业注册申请审核表", "《医师执业注册管理办法》第十条"),
                id_card("《医师执业注册管理办法》第十条"),
                mat(
                    "医师资格证书",
                    material_type="1",
                    source="government",
                    source_note="国家卫生健康委核发",
                    fill_notes="通过医师资格信息共享核验",
                    accept_standard="资格类别与申请执业类别一致",
                    basis="《医师执业注册管理办法》第十条",
                    exempt_if_shared=True,
                ),
                mat(
                    "医疗卫生机构拟聘用意见",
                    material_type="2",
                    accept_standard="加盖执业机构公章",
                    basis="《医师执业注册管理办法》第十条",
                ),
                mat(
                    "近6个月内县级以上医疗机构出具的健康体检证明",
                    material_type="1",
                    source="other",
                    source_note="县级以上医疗机构出具",
                    necessity="3",
                    fill_notes="容缺受理：可在注册决定作出前补交",
                    accept_standard="体检结论适宜从事医师执业活动",
                    basis="《医师执业注册管理办法》第十条",
                ),
                photo("近6个月2寸白底免冠正面半身照片", "《医师执业注册管理办法》第十条"),
            ],
            "faqs": [
                faq(
                    "在多家医院执业需要分别注册吗？",
                    "不需要。医师在主要执业机构注册后，到其他机构执业的办理多机构执业备案即可，可在电子化注册系统在线办理。",
                ),
                faq(
                    "纸质医师执业证书还发吗？",
                    "已实行电子化注册，电子证照与纸质证书具有同等效力，可在“医师电子证照”中亮证核验。",
                ),
            ],
        },
        counties=county_impls(category=H),
    ),
    make_item(
        seq=2,
        name="护士执业注册",
        item_type="01",
        category=H,
        guide={
            "legal_basis": [
                law(
                    "《护士条例》",
                    "国务院令第517号（2020年修订）",
                    "第七条",
                    "护士执业，应当经执业注册取得护士执业证书。申请护士执业注册，应当具备下列条件：（一）具有完全民事行为能力；（二）在中等职业学校、"
                    "高等学校完成国务院教育主管部门和国务院卫生主管部门规定的普通全日制3年以上的护理、助产专业课程学习，包括在教学、综合医院完成8个月以上"
                    "护理临床实习，并取得相应学历证书；（三）通过国务院卫生主管部门组织的护士执业资格考试；（四）符合国务院卫生主管部门规定的健康标准。",
                ),
                law(
                    "《护士条例》",
                    "国务院令第517号（2020年修订）",
                    "第八条",
                    "申请护士执业注册的，应当向批准设立拟执业医疗机构或者为该医疗机构备案的卫生主管部门提出申请。收到申请的卫生主管部门应当自收到申请之日起"
                    "20个工作日内做出决定，对具备本条例规定条件的，准予注册，并发给护士执业证书。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 具有完全民事行为能力；2. 取得普通全日制3年以上护理、助产专业学历证书，完成8个月以上护理临床实习；"
            "3. 已通过护士执业资格考试，且在成绩合格之日起3年内申请（超过3年的须在教学、综合医院接受3个月临床护理培训并考核合格）；"
            "4. 符合国家规定的健康标准；5. 拟执业医疗机构由本机关批准设立或备案。",
            "handling_flow": "1. 通过护士电子化注册系统申请（可由医疗机构集体办理）；2. 受理；3. 审核；4. 准予注册，发放电子化护士执业证书",
            "legal_days": 20,
            "promised_days": 5,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "tolerance": True,
            "result_type": "licence",
            "result_name": "护士执业证书（电子证照）",
            "person_topics": ["profession", "medical"],
            "form_schema": person_form(
                "护士执业注册申请审核表",
                {
                    "situation": choice(
                        "申请情形",
                        [
                            ("first", "首次注册"),
                            ("change", "变更注册"),
                            ("renew", "延续注册"),
                            ("reregister", "重新注册"),
                        ],
                    ),
                    "exam_pass_date": date("护士执业资格考试成绩合格日期"),
                    "institution": text("拟执业医疗机构名称", 100),
                    "education": choice(
                        "学历", [("secondary", "中专"), ("college", "大专"), ("bachelor", "本科及以上")]
                    ),
                    "certificate_no": text("原护士执业证书编号", 30, **{"x-show-if": {"situation": "renew"}}),
                },
                ["situation", "institution", "education"],
                required_if=[
                    {"if": {"situation": "first"}, "then": ["exam_pass_date"]},
                    {"if": {"situation": "renew"}, "then": ["certificate_no"]},
                ],
            ),
            "materials": [
                form_doc("护士执业注册申请审核表", "《护士执业注册管理办法》第七条"),
                id_card("《护士执业注册管理办法》第七条"),
                mat(
                    "学历证书及专业学习中的临床实习证明",
                    material_type="1",
                    copies=1,
                    originals=0,
                    fill_notes="学历信息可通过学信网共享核验",
                    accept_standard="护理或助产专业，全日制3年以上",
                    basis="《护士执业注册管理办法》第七条",
                    exempt_if_shared=True,
                ),
                mat(
                    "护士执业资格考试成绩合格证明",
                    material_type="1",
                    source="government",
                    source_note="国家卫生健康委人才交流服务中心",
                    fill_notes="通过考试成绩信息共享核验",
                    accept_standard="成绩合格",
                    basis="《护士执业注册管理办法》第七条",
                    exempt_if_shared=True,
                ),
                mat(
                    "医疗卫生机构拟聘用证明",
                    material_type="2",
                    accept_standard="加盖拟执业机构公章",
                    basis="《护士执业注册管理办法》第七条",
                ),
                mat(
                    "近6个月内二级以上医院出具的健康体检证明",
                    material_type="1",
                    source="other",
                    source_note="二级以上医院出具",
                    necessity="3",
                    fill_notes="容缺受理：可在注册决定作出前补交",
                    accept_standard="结论符合护士执业健康标准",
                    basis="《护士执业注册管理办法》第七条",
                ),
            ],
            "faqs": [
                faq(
                    "护士执业证书有效期多久？",
                    "有效期为5年。有效期届满需要继续执业的，应当在有效期届满前30日向执业地卫生主管部门申请延续注册。",
                ),
                faq(
                    "考试通过超过3年了还能注册吗？",
                    "可以，但须在教学、综合医院接受3个月临床护理培训并考核合格后申请。",
                ),
            ],
        },
        counties=county_impls(category=H),
    ),
    make_item(
        seq=3,
        name="公共场所卫生许可",
        item_type="01",
        category=H,
        flow="commitment",
        guide={
            "legal_basis": [
                law(
                    "《公共场所卫生管理条例》",
                    "国发〔1987〕24号（2019年修订）",
                    "第八条",
                    "除公园、体育场（馆）、公共交通工具外的公共场所，经营单位应当及时向卫生行政部门申请办理“卫生许可证”。",
                ),
                law(
                    "《公共场所卫生管理条例实施细则》",
                    "卫生部令第80号（2017年修正）",
                    "第二十二条",
                    "国家对公共场所实行卫生许可证管理。公共场所经营者应当按照规定向县级以上地方人民政府卫生计生行政部门申请卫生许可证。"
                    "未取得卫生许可证的，不得营业。",
                ),
                law(
                    "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》",
                    "国发〔2021〕7号",
                    "附件1",
                    "公共场所卫生许可实行告知承诺，申请人承诺符合许可条件并提交材料的，当场作出审批决定。",
                ),
            ],
            "service_objects": ["2", "6"],
            "acceptance_conditions": "1. 已取得营业执照，经营项目属于宾馆、旅店、招待所，公共浴室，理发店、美容店，游泳场（馆），候诊室等需取得卫生许可的公共场所；"
            "2. 经营场所选址、布局、设施设备符合卫生规范；3. 建立卫生管理制度并配备专（兼）职卫生管理人员；4. 直接为顾客服务的从业人员取得有效健康合格证明；"
            "5. 自愿选择告知承诺方式并签署告知承诺书。",
            "prohibited_conditions": "申请人曾作出虚假承诺被撤销卫生许可未满1年的，不适用告知承诺方式。",
            "handling_flow": "1. 网上或窗口提交申请并签署告知承诺书；2. 材料齐全的当场作出许可决定并发证；3. 3个月内开展事后核查（现场检查和检测报告核验）",
            "legal_days": 20,
            "promised_days": 1,
            "promised_days_note": "告知承诺当场发证",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "commitment": True,
            "commitment_text": HYGIENE_COMMITMENT,
            "result_type": "licence",
            "result_name": "公共场所卫生许可证",
            "enterprise_topics": ["permits"],
            "form_schema": enterprise_form(
                "公共场所卫生许可申请表",
                {
                    "situation": choice("申请情形", [("new", "新办"), ("change", "变更"), ("renew", "延续")]),
                    "place_type": choice(
                        "场所类别",
                        [
                            ("hotel", "宾馆、旅店、招待所"),
                            ("bath", "公共浴室"),
                            ("beauty", "理发店、美容店"),
                            ("swimming", "游泳场（馆）"),
                        ],
                    ),
                    "place_address": text("经营地址", 200),
                    "area": number("经营面积（平方米）"),
                    "staff": integer("直接为顾客服务的从业人员数"),
                    "central_ac": choice("是否使用集中空调通风系统", [("no", "否"), ("yes", "是")]),
                },
                ["situation", "place_type", "place_address", "area"],
            ),
            "materials": [
                form_doc("公共场所卫生许可申请表", "《公共场所卫生管理条例实施细则》第二十三条"),
                business_licence("《公共场所卫生管理条例实施细则》第二十三条"),
                mat(
                    "公共场所卫生许可告知承诺书",
                    material_type="2",
                    fill_notes="在线阅读并电子签署",
                    accept_standard="法定代表人（负责人）签字并加盖公章",
                    basis="《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号）",
                ),
                mat(
                    "公共场所地址方位示意图、平面图和卫生设施平面布局图",
                    material_type="3",
                    accept_standard="标注清楚，与实际一致",
                    basis="《公共场所卫生管理条例实施细则》第二十三条",
                ),
                mat(
                    "公共场所卫生管理制度",
                    material_type="3",
                    accept_standard="含卫生管理人员、清洗消毒、从业人员健康管理等内容",
                    basis="《公共场所卫生管理条例实施细则》第二十三条",
                ),
            ],
            "faqs": [
                faq(
                    "开饭馆、咖啡馆需要办公共场所卫生许可证吗？",
                    "不需要。饭馆、咖啡馆、酒吧、茶座等的公共场所卫生许可已取消，按食品经营许可管理。",
                ),
                faq(
                    "承诺后不提交检测报告会怎样？",
                    "事后核查发现未按承诺提交检测报告或不符合条件的，责令限期整改；逾期不整改的依法撤销许可，并记入信用记录。",
                ),
            ],
        },
        counties=county_impls(category=H),
    ),
    make_item(
        seq=4,
        name="医疗机构执业登记",
        item_type="01",
        category=H,
        guide={
            "legal_basis": [
                law(
                    "《医疗机构管理条例》",
                    "国务院令第149号（2022年修订）",
                    "第十四条",
                    "医疗机构执业，必须进行登记，领取《医疗机构执业许可证》；诊所按照国务院卫生行政部门的规定向所在地的县级人民政府卫生行政部门备案后，可以执业。",
                ),
                law(
                    "《医疗机构管理条例实施细则》",
                    "国家卫生和计划生育委员会令第12号（2017年修正）",
                    "第二十九条",
                    "登记机关应当自受理执业登记申请之日起45日内，根据条例和医疗机构基本标准进行审核，审核合格的予以登记，发给《医疗机构执业许可证》。",
                ),
            ],
            "service_objects": ["2", "3", "4", "6"],
            "acceptance_conditions": "1. 按照规定取得设置医疗机构批准书（按规定免于设置审批的除外）；2. 符合医疗机构基本标准；3. 有适合的名称、组织机构和场所；"
            "4. 有与其开展的业务相适应的经费、设施、设备和专业卫生技术人员；5. 有相应的规章制度；6. 能够独立承担民事责任。",
            "handling_flow": "1. 申请；2. 受理；3. 材料审查；4. 现场审核（按医疗机构基本标准）；5. 决定；6. 发放医疗机构执业许可证（电子证照）",
            "legal_days": 45,
            "legal_days_note": "条例规定为45日",
            "promised_days": 20,
            "case_kind": "2",
            "special_procedures": "现场审核、专家评审（不计入办理时限）",
            "tolerance": True,
            "result_type": "licence",
            "result_name": "医疗机构执业许可证",
            "enterprise_topics": ["permits"],
            "form_schema": enterprise_form(
                "医疗机构申请执业登记注册书",
                {
                    "institution_name": text("医疗机构名称", 100),
                    "institution_type": choice(
                        "医疗机构类别",
                        [
                            ("hospital", "医院"),
                            ("clinic_center", "门诊部"),
                            ("health_center", "社区卫生服务中心"),
                            ("nursing", "护理院"),
                        ],
                    ),
                    "beds": integer("核定床位数"),
                    "departments": area("诊疗科目", 500),
                    "principal": text("主要负责人", 50),
                },
                ["institution_name", "institution_type", "departments", "principal"],
            ),
            "materials": [
                form_doc("医疗机构申请执业登记注册书", "《医疗机构管理条例实施细则》第二十五条"),
                mat(
                    "设置医疗机构批准书",
                    material_type="1",
                    source="government",
                    source_note="卫生健康行政部门核发",
                    fill_notes="本机关核发的通过系统调取",
                    accept_standard="在有效期内",
                    basis="《医疗机构管理条例实施细则》第二十五条",
                    exempt_if_shared=True,
                ),
                mat(
                    "医疗机构用房产权证明或者使用证明",
                    material_type="1",
                    copies=1,
                    originals=0,
                    accept_standard="使用期限与执业需要相适应",
                    basis="《医疗机构管理条例实施细则》第二十五条",
                ),
                mat(
                    "医疗机构建筑设计平面图",
                    material_type="3",
                    accept_standard="功能分区和流程符合院感要求",
                    basis="《医疗机构管理条例实施细则》第二十五条",
                ),
                mat(
                    "医疗机构规章制度和人员岗位职责",
                    material_type="3",
                    necessity="3",
                    fill_notes="容缺受理：可在现场审核前补交",
                    accept_standard="核心制度齐全",
                    basis="《医疗机构管理条例实施细则》第二十五条",
                ),
                mat(
                    "卫生技术人员名录及执业资格证明",
                    material_type="1",
                    fill_notes="医师、护士执业信息可通过电子化注册系统核验",
                    accept_standard="人员配备符合基本标准",
                    basis="《医疗机构管理条例实施细则》第二十五条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "开诊所还需要办执业许可证吗？",
                    "不需要。2022年修订的《医疗机构管理条例》规定诊所实行备案管理，向县级卫生健康部门备案后即可执业。",
                ),
                faq(
                    "医疗机构执业许可证需要校验吗？",
                    "需要。床位100张以上的综合医院等每3年校验一次，其他医疗机构每年校验一次。",
                ),
            ],
        },
    ),
    make_item(
        seq=5,
        name="出生医学证明补发、换发",
        item_type="20",
        category=H,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国母婴保健法》",
                    "主席令第十八号（2017年修正）",
                    "第二十三条",
                    "医疗卫生机构和从事家庭接生的人员按照国务院卫生行政部门的规定，出具统一制发的新生儿出生医学证明；有产妇和婴儿死亡以及新生儿出生缺陷情况的，"
                    "应当向卫生行政部门报告。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 新生儿在开封市（本县区）助产机构出生，已签发出生医学证明；2. 补发：出生医学证明遗失且在户籍登记前或户籍登记后有需要；"
            "换发：出生医学证明严重污损、签发后登记项目错误需要更正；3. 由新生儿父母或监护人申请。",
            "handling_flow": "1. 网上或窗口申请；2. 核查出生信息和原证签发记录；3. 审核；4. 签发新证（原证作废公告）",
            "legal_days": 20,
            "promised_days": 5,
            "case_kind": "2",
            "online_depth": "3",
            "result_type": "licence",
            "result_name": "出生医学证明",
            "person_topics": ["birth"],
            "form_schema": person_form(
                "出生医学证明补发、换发申请表",
                {
                    "situation": choice(
                        "申请情形",
                        [("reissue", "遗失补发"), ("replace", "污损换发"), ("correct", "信息更正换发")],
                    ),
                    "baby_name": text("新生儿姓名", 50),
                    "birth_date": date("出生日期"),
                    "hospital": text("出生医院", 100),
                    "certificate_no": text("原出生医学证明编号", 20),
                    "correct_detail": area("需更正的内容", 300, **{"x-show-if": {"situation": "correct"}}),
                },
                ["situation", "baby_name", "birth_date", "hospital"],
                required_if=[{"if": {"situation": "correct"}, "then": ["correct_detail"]}],
            ),
            "materials": [
                form_doc(
                    "出生医学证明补发、换发申请表",
                    "《国家卫生计生委 公安部关于进一步加强出生医学证明管理的通知》（国卫妇幼发〔2013〕52号）",
                ),
                id_card(
                    "《国家卫生计生委 公安部关于进一步加强出生医学证明管理的通知》（国卫妇幼发〔2013〕52号）",
                    who="新生儿父母",
                ),
                mat(
                    "原出生医学证明（正副页）",
                    material_type="1",
                    necessity="2",
                    fill_notes="换发时交回；遗失补发的无需提交",
                    accept_standard="与签发记录一致",
                    basis="《国家卫生计生委 公安部关于进一步加强出生医学证明管理的通知》（国卫妇幼发〔2013〕52号）",
                ),
                mat(
                    "助产机构出具的分娩记录",
                    material_type="1",
                    source="other",
                    source_note="出生医院病案室出具",
                    fill_notes="通过妇幼信息系统可调取的免交",
                    accept_standard="与新生儿信息一致",
                    basis="《国家卫生计生委 公安部关于进一步加强出生医学证明管理的通知》（国卫妇幼发〔2013〕52号）",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "孩子刚出生，要办哪些手续？",
                    "可在本平台选择“出生一件事”，一次申请出生医学证明、户口登记、医保参保、社保卡申领和预防接种证。",
                ),
                faq("出生医学证明可以补发几次？", "原则上只补发一次，补发时应审慎核实。"),
            ],
        },
        counties=county_impls(category=H),
    ),
    make_item(
        seq=1,
        name="基本医疗保险参保人员异地就医备案",
        item_type="20",
        category=M,
        guide={
            "legal_basis": [
                law(
                    SIL,
                    SIL_NO,
                    "第二十九条",
                    "参保人员医疗费用中应当由基本医疗保险基金支付的部分，由社会保险经办机构与医疗机构、药品经营单位直接结算。社会保险行政部门和卫生行政部门"
                    "应当建立异地就医医疗费用结算制度，方便参保人员享受基本医疗保险待遇。",
                ),
                law(
                    "《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》",
                    "医保发〔2022〕22号",
                    "二、统一住院、普通门诊和门诊慢特病费用跨省直接结算基金支付政策",
                    "参保人员跨省异地就医前，可通过国家医保服务平台APP、国家异地就医备案小程序或参保地经办机构窗口等线上线下途径办理异地就医备案手续。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 参加开封市职工基本医疗保险或城乡居民基本医疗保险且处于正常参保状态；2. 属于异地长期居住人员（异地安置退休、异地长期居住、"
            "常驻异地工作）或临时外出就医人员（异地转诊、异地急诊抢救、临时外出就医）之一。",
            "handling_flow": "1. 通过国家医保服务平台APP、本平台或窗口申请；2. 系统校验参保状态；3. 即时完成备案；4. 在备案地定点医疗机构直接结算",
            "legal_days": 1,
            "promised_days": 0,
            "promised_days_note": "即时办结",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "handle_area": "全国通办",
            "result_type": "filing",
            "result_name": "异地就医备案信息",
            "person_topics": ["medical"],
            "form_schema": person_form(
                "基本医疗保险参保人员异地就医备案表",
                {
                    "kind": choice(
                        "备案类型",
                        [
                            ("retired", "异地安置退休人员"),
                            ("resident", "异地长期居住人员"),
                            ("worker", "常驻异地工作人员"),
                            ("referral", "异地转诊人员"),
                            ("temporary", "临时外出就医人员"),
                        ],
                    ),
                    "destination": text("就医地（省、市、县）", 100),
                    "start_date": date("备案开始日期"),
                    "hospital": text("转诊医疗机构", 100, **{"x-show-if": {"kind": "referral"}}),
                },
                ["kind", "destination", "start_date"],
                required_if=[{"if": {"kind": "referral"}, "then": ["hospital"]}],
            ),
            "materials": [
                id_card("医保发〔2022〕22号"),
                mat(
                    "个人承诺书（异地长期居住或临时外出就医）",
                    material_type="2",
                    necessity="2",
                    fill_notes="异地长期居住人员、临时外出就医人员在线签署承诺书即可，无需提交居住证明",
                    accept_standard="本人签署",
                    basis="医保发〔2022〕22号",
                ),
                mat(
                    "转诊医疗机构出具的转诊证明",
                    material_type="1",
                    source="other",
                    source_note="参保地定点医疗机构出具",
                    necessity="2",
                    fill_notes="异地转诊人员提交，医院已线上推送的免交",
                    accept_standard="注明转往医疗机构和诊断",
                    basis="医保发〔2022〕22号",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "备案后多久可以在外地看病报销？",
                    "备案即时生效，备案后即可在就医地跨省联网定点医疗机构直接结算。",
                ),
                faq(
                    "临时外出就医备案有效期多久？",
                    "临时外出就医人员备案有效期不少于6个月，有效期内可在就医地多次就诊并享受直接结算服务。",
                ),
            ],
        },
        counties=county_impls(category=M),
    ),
    make_item(
        seq=2,
        name="城乡居民基本医疗保险参保登记",
        item_type="20",
        category=M,
        guide={
            "legal_basis": [
                law(
                    SIL,
                    SIL_NO,
                    "第二十五条",
                    "国家建立和完善城镇居民基本医疗保险制度。城镇居民基本医疗保险实行个人缴费和政府补贴相结合。享受最低生活保障的人、丧失劳动能力的残疾人、"
                    "低收入家庭六十周岁以上的老年人和未成年人等所需个人缴费部分，由政府给予补贴。",
                ),
                law(
                    "《国务院关于整合城乡居民基本医疗保险制度的意见》",
                    "国发〔2016〕3号",
                    "二、整合基本制度政策",
                    "城乡居民医保制度覆盖范围包括现有城镇居民医保和新农合所有应参保（合）人员，即覆盖除职工基本医疗保险应参保人员以外的其他所有城乡居民。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 户籍在开封市（本县区），或持有开封市居住证，或为在开封就读的大中专院校学生；2. 未参加职工基本医疗保险；"
            "3. 新生儿可在出生后随时参保。",
            "handling_flow": "1. 网上或窗口登记（新生儿可通过“出生一件事”联办）；2. 信息核验查重；3. 即时完成参保登记；4. 通过税务渠道缴纳个人缴费",
            "legal_days": 1,
            "promised_days": 0,
            "promised_days_note": "即时办结",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "result_type": "other",
            "result_name": "城乡居民基本医疗保险参保登记信息",
            "person_topics": ["medical", "social_security"],
            "form_schema": person_form(
                "城乡居民基本医疗保险参保登记表",
                {
                    "insured_name": text("参保人姓名（为家庭成员登记时填写）", 50),
                    "insured_id": id_no("参保人身份证号码"),
                    "category": choice(
                        "参保人员类别",
                        [
                            ("adult", "成年居民"),
                            ("minor", "未成年人"),
                            ("student", "大中专学生"),
                            ("newborn", "新生儿"),
                        ],
                    ),
                    "subsidy": choice(
                        "是否属于资助参保对象",
                        [("no", "否"), ("low", "低保对象"), ("poor", "特困人员"), ("disabled", "重度残疾人")],
                    ),
                },
                ["insured_id", "category", "subsidy"],
            ),
            "materials": [
                id_card("《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）", who="参保人"),
                mat(
                    "新生儿出生医学证明",
                    material_type="1",
                    source="government",
                    source_note="助产机构签发，卫健部门共享",
                    necessity="2",
                    fill_notes="新生儿参保时提供，可共享获取",
                    accept_standard="信息与参保人一致",
                    basis="《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "城乡居民医保什么时候缴费？",
                    "每年集中缴费期（一般为9月至12月）缴纳次年保费；新生儿、退役军人等特殊人员可随时参保。",
                ),
                faq(
                    "新生儿出生后多久内参保可以报销出生后的医疗费？",
                    "新生儿在出生后90天内参保缴费的，自出生之日起享受医保待遇。",
                ),
            ],
        },
        counties=county_impls(category=M),
    ),
    make_item(
        seq=3,
        name="门诊慢特病待遇认定",
        item_type="07",
        category=M,
        guide={
            "legal_basis": [
                law(
                    SIL,
                    SIL_NO,
                    "第二十八条",
                    "符合基本医疗保险药品目录、诊疗项目、医疗服务设施标准以及急诊、抢救的医疗费用，按照国家规定从基本医疗保险基金中支付。",
                ),
                law(
                    "《国家医疗保障局 财政部关于建立医疗保障待遇清单制度的意见》",
                    "医保发〔2021〕5号",
                    "二、主要内容",
                    "基本医疗保险保障范围包括住院和门诊费用，门诊慢特病保障按照国家和省统一的病种范围和认定标准执行。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 参加开封市职工或城乡居民基本医疗保险且处于正常参保状态；2. 所患疾病属于河南省门诊慢特病病种目录；"
            "3. 有二级及以上定点医疗机构出具的诊断依据，符合该病种认定标准。",
            "handling_flow": "1. 在定点医疗机构“一站式”申请或网上申请；2. 医疗机构初审；3. 医保经办机构（或委托专家）认定；4. 认定结果录入系统，次月起享受待遇",
            "legal_days": 20,
            "promised_days": 10,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "tolerance": True,
            "special_procedures": "专家鉴定（不计入办理时限）",
            "result_type": "approval",
            "result_name": "门诊慢特病待遇认定结果",
            "person_topics": ["medical"],
            "form_schema": person_form(
                "门诊慢特病待遇认定申请表",
                {
                    "disease": choice(
                        "申请病种",
                        [
                            ("hypertension", "高血压（Ⅱ级及以上）"),
                            ("diabetes", "糖尿病"),
                            ("uremia", "尿毒症透析"),
                            ("cancer", "恶性肿瘤门诊放化疗"),
                            ("transplant", "器官移植抗排异治疗"),
                        ],
                    ),
                    "hospital": text("诊断医院", 100),
                    "diagnosis_date": date("确诊日期"),
                    "designated": text("选择的门诊慢特病定点医疗机构", 100),
                },
                ["disease", "hospital", "diagnosis_date", "designated"],
            ),
            "materials": [
                form_doc("门诊慢特病待遇认定申请表", "医保发〔2021〕5号"),
                id_card("医保发〔2021〕5号"),
                mat(
                    "二级及以上定点医疗机构的诊断证明和检查检验报告",
                    material_type="1",
                    source="other",
                    source_note="定点医疗机构出具",
                    necessity="3",
                    fill_notes="容缺受理：可先提交诊断证明，检查检验报告在认定前补齐；医院已上传电子病历的免交",
                    accept_standard="符合该病种认定标准",
                    basis="医保发〔2021〕5号",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "门诊慢特病认定后有效期多久？",
                    "大多数病种长期有效；部分病种（如恶性肿瘤门诊放化疗）按规定定期复审。",
                ),
                faq(
                    "可以在医院直接申请吗？",
                    "可以。开封市二级及以上定点医疗机构设有门诊慢特病“一站式”服务，就诊时即可申请认定。",
                ),
            ],
        },
        counties=county_impls(category=M),
    ),
]
