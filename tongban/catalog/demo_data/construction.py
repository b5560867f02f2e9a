"""住建 and 公积金: construction permits, presale, qualifications, housing security, housing provident fund (demonstration data)."""

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
    choice,
    date,
    enterprise_form,
    integer,
    number,
    person_form,
    text,
)

C = "住建"
F = "公积金"
BUILD_LAW = "《中华人民共和国建筑法》"
BUILD_LAW_NO = "主席令第二十九号（2019年修正）"
PERMIT_RULES = "《建筑工程施工许可管理办法》（住房和城乡建设部令第18号，2021年修正）"
HPF = "《住房公积金管理条例》"
HPF_NO = "国务院令第350号（2019年修订）"

QUALIFICATION_COMMITMENT = (
    "建筑业企业资质告知承诺书\n"
    "开封市住房和城乡建设局已告知本企业：申请建筑业企业资质，应当符合《建筑业企业资质标准》规定的企业资产、注册建造师及技术负责人、"
    "技术工人、工程业绩等条件，并提交规定的申请材料。\n"
    "本企业郑重承诺：\n"
    "一、已经知晓并理解告知的全部内容，本企业符合所申请资质类别和等级的标准条件；\n"
    "二、在全国建筑市场监管公共服务平台填报的企业资产、人员、业绩信息真实、准确，所列注册人员和技术负责人均与本企业签订劳动合同并由本企业缴纳社会保险，"
    "未在其他单位注册或任职；\n"
    "三、愿意接受住房和城乡建设部门在取得资质后6个月内开展的核查，并按要求提供人员社保缴纳记录、劳动合同和业绩证明原件；\n"
    "四、如核查发现承诺不实，愿意承担撤回资质、1年内不得再次申请该资质、记入建筑市场主体不良信用记录并向社会公开的法律后果；\n"
    "五、以上承诺是本企业真实意思表示，本企业愿意承担虚假承诺引起的一切法律责任。\n"
    "承诺企业（盖章）：        法定代表人签字：        日期："
)

ITEMS = [
    make_item(
        seq=1,
        name="建筑工程施工许可证核发",
        item_type="01",
        category=C,
        flow="parallel",
        review_categories=["住建", "自然资源", "生态环境"],
        countersign_mode="all",
        guide={
            "legal_basis": [
                law(
                    BUILD_LAW,
                    BUILD_LAW_NO,
                    "第七条",
                    "建筑工程开工前，建设单位应当按照国家有关规定向工程所在地县级以上人民政府建设行政主管部门申请领取施工许可证；"
                    "但是，国务院建设行政主管部门确定的限额以下的小型工程除外。",
                ),
                law(
                    BUILD_LAW,
                    BUILD_LAW_NO,
                    "第八条",
                    "申请领取施工许可证，应当具备下列条件：（一）已经办理该建筑工程用地批准手续；（二）依法应当办理建设工程规划许可证的，已经取得建设工程规划"
                    "许可证；（三）需要拆迁的，其拆迁进度符合施工要求；（四）已经确定建筑施工企业；（五）有满足施工需要的资金安排、施工图纸及技术资料；"
                    "（六）有保证工程质量和安全的具体措施。建设行政主管部门应当自收到申请之日起七日内，对符合条件的申请颁发施工许可证。",
                ),
                law(
                    "《建筑工程施工许可管理办法》",
                    "住房和城乡建设部令第18号（2021年修正）",
                    "第二条",
                    "工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证。",
                ),
            ],
            "service_objects": ["2", "3", "5", "6"],
            "joint_departments": "开封市自然资源和规划局、开封市生态环境局",
            "acceptance_conditions": "1. 工程投资额30万元以上且建筑面积300平方米以上的房屋建筑及其附属设施、市政基础设施工程；2. 已办理用地批准手续；"
            "3. 已取得建设工程规划许可证；4. 需要征收房屋的，征收进度符合施工要求；5. 已依法确定施工企业；6. 建设资金已经落实并签署承诺；"
            "7. 施工图设计文件已按规定审查合格或已作出审查承诺，施工组织设计中有针对工程特点的质量、安全技术措施。",
            "prohibited_conditions": "应当招标的工程未依法招标或者施工企业资质不符的，不予许可。",
            "handling_flow": "1. 通过河南省工程建设项目审批管理系统或本平台申报；2. 住建窗口受理；3. 住建、自然资源和规划、生态环境部门并联审查"
            "（规划许可符合性、环评手续核验）；4. 住建部门作出决定；5. 核发电子施工许可证",
            "legal_days": 7,
            "promised_days": 3,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "result_type": "licence",
            "result_name": "建筑工程施工许可证（电子证照）",
            "enterprise_topics": ["construction"],
            "form_schema": enterprise_form(
                "建筑工程施工许可申请表",
                {
                    "project_code": text("投资项目代码", 30),
                    "project_name": text("工程名称", 100),
                    "project_address": text("建设地址", 200),
                    "contract_price": number("合同价格（万元）"),
                    "building_area": number("建筑面积（平方米）"),
                    "contractor": text("施工总承包单位", 100),
                    "start_date": date("计划开工日期"),
                },
                [
                    "project_code",
                    "project_name",
                    "project_address",
                    "contract_price",
                    "contractor",
                    "start_date",
                ],
            ),
            "materials": [
                form_doc("建筑工程施工许可申请表", PERMIT_RULES + "第五条"),
                mat(
                    "用地批准手续（不动产权证书或用地批准文件）",
                    material_type="1",
                    source="government",
                    source_note="自然资源和规划部门核发",
                    fill_notes="通过工程建设项目审批系统共享获取",
                    accept_standard="用地单位、位置与申请一致",
                    basis=PERMIT_RULES + "第四条",
                    exempt_if_shared=True,
                ),
                mat(
                    "建设工程规划许可证",
                    material_type="1",
                    source="government",
                    source_note="自然资源和规划部门核发",
                    fill_notes="通过工程建设项目审批系统共享获取",
                    accept_standard="建设规模与规划许可一致",
                    basis=PERMIT_RULES + "第四条",
                    exempt_if_shared=True,
                ),
                mat(
                    "中标通知书及施工合同（直接发包的提供直接发包批准手续）",
                    material_type="1",
                    copies=1,
                    originals=0,
                    accept_standard="施工企业资质与工程规模相符",
                    basis=PERMIT_RULES + "第四条",
                ),
                mat(
                    "建设资金已经落实承诺书",
                    material_type="2",
                    accept_standard="建设单位法定代表人签字并加盖公章",
                    basis=PERMIT_RULES + "第四条",
                ),
                mat(
                    "施工图设计文件审查合格书或审查承诺书",
                    material_type="1",
                    fill_notes="已在施工图联合审查系统通过审查的共享获取",
                    accept_standard="审查结论为合格",
                    basis=PERMIT_RULES + "第四条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "施工许可证可以分段办理吗？",
                    "可以。对于符合条件的项目，可以按照地下（基坑支护和土方开挖）、地上分阶段办理施工许可。",
                ),
                faq(
                    "领证后多久必须开工？",
                    "应当自领取施工许可证之日起三个月内开工；因故不能按期开工的，应当向发证机关申请延期，延期以两次为限，每次不超过三个月。",
                ),
            ],
        },
    ),
    make_item(
        seq=2,
        name="商品房预售许可",
        item_type="01",
        category=C,
        flow="parallel",
        review_categories=["住建", "自然资源"],
        countersign_mode="all",
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国城市房地产管理法》",
                    "主席令第三十二号（2019年修正）",
                    "第四十五条",
                    "商品房预售，应当符合下列条件：（一）已交付全部土地使用权出让金，取得土地使用权证书；（二）持有建设工程规划许可证；"
                    "（三）按提供预售的商品房计算，投入开发建设的资金达到工程建设总投资的百分之二十五以上，并已经确定施工进度和竣工交付日期；"
                    "（四）向县级以上人民政府房产管理部门办理预售登记，取得商品房预售许可证明。",
                ),
                law(
                    "《城市商品房预售管理办法》",
                    "建设部令第131号（2004年修正）",
                    "第七条",
                    "房地产管理部门作出的准予商品房预售许可的决定，应当予以公开，公众有权查阅。开发企业申请预售许可，应当提交规定的证件及资料。",
                ),
            ],
            "service_objects": ["2"],
            "joint_departments": "开封市自然资源和规划局",
            "acceptance_conditions": "1. 申请人为取得房地产开发资质的企业；2. 已交付全部土地使用权出让金，取得不动产权证书（土地）；3. 持有建设工程规划许可证和施工许可证；"
            "4. 按提供预售的商品房计算，投入开发建设的资金达到工程建设总投资的25%以上，并已确定施工进度和竣工交付日期；"
            "5. 已与监管银行签订商品房预售资金监管协议。",
            "handling_flow": "1. 网上申请；2. 受理；3. 住建部门审查工程形象进度和监管协议，自然资源和规划部门核验规划许可与土地权属；4. 现场查勘；5. 决定并公示；"
            "6. 核发商品房预售许可证",
            "legal_days": 10,
            "promised_days": 5,
            "case_kind": "2",
            "special_procedures": "现场查勘（不计入办理时限）",
            "result_type": "licence",
            "result_name": "商品房预售许可证",
            "enterprise_topics": ["construction", "operation"],
            "form_schema": enterprise_form(
                "商品房预售许可申请表",
                {
                    "project_name": text("项目名称", 100),
                    "buildings": text("申请预售楼栋", 200),
                    "presale_area": number("预售面积（平方米）"),
                    "units": integer("预售套数"),
                    "investment_ratio": number("已投入开发建设资金占总投资比例（%）", 25, maximum=100),
                    "delivery_date": date("竣工交付日期"),
                    "escrow_bank": text("预售资金监管银行", 100),
                },
                [
                    "project_name",
                    "buildings",
                    "presale_area",
                    "units",
                    "investment_ratio",
                    "delivery_date",
                    "escrow_bank",
                ],
            ),
            "materials": [
                form_doc("商品房预售许可申请表", "《城市商品房预售管理办法》第七条"),
                business_licence("《城市商品房预售管理办法》第七条"),
                mat(
                    "不动产权证书（土地）、建设工程规划许可证和施工许可证",
                    material_type="1",
                    source="government",
                    source_note="自然资源和规划、住建部门核发",
                    fill_notes="通过电子证照共享获取",
                    accept_standard="证载信息与预售项目一致",
                    basis="《中华人民共和国城市房地产管理法》第四十五条",
                    exempt_if_shared=True,
                ),
                mat(
                    "工程施工进度计划及投资达到25%以上的证明（监理单位出具的形象进度说明）",
                    material_type="1",
                    source="other",
                    source_note="施工、监理单位出具",
                    accept_standard="进度达到规定标准",
                    basis="《城市商品房预售管理办法》第七条",
                ),
                mat(
                    "商品房预售方案",
                    material_type="2",
                    accept_standard="载明商品房位置、面积、竣工交付日期、预售价格及公共部位说明",
                    basis="《城市商品房预售管理办法》第七条",
                ),
                mat(
                    "商品房预售资金监管协议",
                    material_type="1",
                    accept_standard="开发企业、监管银行和住建部门三方签订",
                    basis="《开封市商品房预售资金监管办法》",
                ),
            ],
            "faqs": [
                faq(
                    "购房者如何查询楼盘是否取得预售许可？",
                    "可在本平台“公开查询”或开封市住房和城乡建设局网站查询预售许可证号、预售范围和监管账户。",
                ),
                faq(
                    "预售资金必须存入监管账户吗？",
                    "是的。购房款须全部直接存入预售资金监管账户，按工程进度节点拨付使用。",
                ),
            ],
        },
    ),
    make_item(
        seq=3,
        name="建筑业企业资质核准",
        item_type="01",
        category=C,
        flow="commitment",
        guide={
            "legal_basis": [
                law(
                    BUILD_LAW,
                    BUILD_LAW_NO,
                    "第十三条",
                    "从事建筑活动的建筑施工企业、勘察单位、设计单位和工程监理单位，按照其拥有的注册资本、专业技术人员、技术装备和已完成的建筑工程业绩等资质条件，"
                    "划分为不同的资质等级，经资质审查合格，取得相应等级的资质证书后，方可在其资质等级许可的范围内从事建筑活动。",
                ),
                law(
                    "《建筑业企业资质管理规定》",
                    "住房和城乡建设部令第22号（2018年修正）",
                    "第十条",
                    "下列建筑业企业资质，由企业工商注册所在地设区的市人民政府住房城乡建设主管部门许可：施工总承包资质序列三级资质（不含铁路、通信工程施工总承包"
                    "三级资质）；专业承包资质序列三级资质及预拌混凝土、模板脚手架专业承包资质；燃气燃烧器具安装、维修企业资质。",
                ),
                law(
                    "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》",
                    "国发〔2021〕7号",
                    "附件1",
                    "对设区的市级权限内的建筑业企业资质核准实行告知承诺，申请人承诺符合资质标准的，当场作出审批决定。",
                ),
            ],
            "service_objects": ["2"],
            "acceptance_conditions": "1. 申请企业在开封市注册，已取得营业执照；2. 申请的资质类别和等级属于设区的市级许可权限；3. 企业资产、注册建造师、技术负责人、技术工人等"
            "符合《建筑业企业资质标准》；4. 企业申请资质前一年内及申请期间无《建筑业企业资质管理规定》第二十三条所列违法违规行为；5. 自愿签署告知承诺书。",
            "prohibited_conditions": "企业因虚假承诺被撤回资质未满1年的，不适用告知承诺方式。",
            "handling_flow": "1. 在全国建筑市场监管公共服务平台填报并网上申请；2. 签署告知承诺书；3. 形式审查后当场作出决定；4. 核发电子资质证书；"
            "5. 6个月内开展人员、业绩事后核查",
            "legal_days": 20,
            "promised_days": 1,
            "promised_days_note": "告知承诺当场办结",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "commitment": True,
            "commitment_text": QUALIFICATION_COMMITMENT,
            "result_type": "licence",
            "result_name": "建筑业企业资质证书（电子证书）",
            "enterprise_topics": ["qualification"],
            "form_schema": enterprise_form(
                "建筑业企业资质申请表",
                {
                    "situation": choice(
                        "申请情形",
                        [("first", "首次申请"), ("add", "增项申请"), ("renew", "延续"), ("change", "变更")],
                    ),
                    "sequence": choice("资质序列", [("general", "施工总承包"), ("special", "专业承包")]),
                    "qualification": text(
                        "申请资质类别及等级", 100, description="如：建筑工程施工总承包三级"
                    ),
                    "tech_lead": text("技术负责人姓名", 50),
                    "constructors": integer("注册建造师人数"),
                    "certificate_no": text("原资质证书编号", 30, **{"x-show-if": {"situation": "renew"}}),
                },
                ["situation", "sequence", "qualification", "tech_lead"],
                required_if=[{"if": {"situation": "renew"}, "then": ["certificate_no"]}],
            ),
            "materials": [
                form_doc("建筑业企业资质申请表", "《建筑业企业资质管理规定》第十二条"),
                business_licence("《建筑业企业资质管理规定》第十二条"),
                mat(
                    "建筑业企业资质告知承诺书",
                    material_type="2",
                    fill_notes="在线阅读并电子签署",
                    accept_standard="法定代表人签字并加盖企业公章",
                    basis="《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号）",
                ),
                mat(
                    "注册人员和技术负责人信息",
                    material_type="3",
                    source="government",
                    source_note="全国建筑市场监管公共服务平台",
                    fill_notes="从“四库一平台”人员库自动调取，无需上传证书",
                    accept_standard="人员注册单位为本企业",
                    basis="《建筑业企业资质管理规定》第十二条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "告知承诺取得的资质和普通审批取得的有区别吗？",
                    "没有区别，资质证书效力相同；但承诺企业须接受事后核查，承诺不实的将被撤回资质并记入不良信用记录。",
                ),
                faq("资质证书有效期多久？", "有效期为5年。需要延续的，应当在有效期届满3个月前申请延续。"),
            ],
        },
    ),
    make_item(
        seq=4,
        name="公共租赁住房保障资格申请",
        item_type="05",
        category=C,
        guide={
            "legal_basis": [
                law(
                    "《公共租赁住房管理办法》",
                    "住房和城乡建设部令第11号",
                    "第七条",
                    "申请公共租赁住房，应当符合以下条件：（一）在本地无住房或者住房面积低于规定标准；（二）收入、财产低于规定标准；"
                    "（三）申请人为外来务工人员的，在本地稳定就业达到规定年限。",
                ),
                law(
                    "《公共租赁住房管理办法》",
                    "住房和城乡建设部令第11号",
                    "第九条",
                    "市、县级人民政府住房保障主管部门应当会同有关部门，对申请人提交的申请材料进行审核。经审核，对符合申请条件的申请人，应当予以公示，"
                    "经公示无异议或者异议不成立的，登记为公共租赁住房轮候对象，并向社会公开。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 申请人具有完全民事行为能力，以家庭为单位申请；2. 申请人及家庭成员在开封市区无自有住房，或人均住房建筑面积低于15平方米；"
            "3. 家庭人均收入和财产低于开封市人民政府公布的公共租赁住房保障标准；4. 外来务工人员、新就业无房职工在开封市区稳定就业并连续缴纳社会保险满6个月。",
            "handling_flow": "1. 网上申请或向户籍（工作）所在地街道申请；2. 受理；3. 住房、收入、财产信息联网核查；4. 审核；5. 公示7日；6. 登记轮候，摇号配租",
            "legal_days": 30,
            "promised_days": 20,
            "case_kind": "2",
            "online_depth": "3",
            "special_procedures": "公示7日（不计入办理时限）",
            "result_type": "approval",
            "result_name": "公共租赁住房保障资格确认通知书",
            "person_topics": ["housing"],
            "form_schema": person_form(
                "公共租赁住房申请表",
                {
                    "applicant_type": choice(
                        "申请类别",
                        [
                            ("low_income", "城镇中等偏下收入住房困难家庭"),
                            ("new_worker", "新就业无房职工"),
                            ("migrant", "外来务工人员"),
                        ],
                    ),
                    "members": integer("共同申请家庭成员人数", 1, maximum=10),
                    "current_area": number("现住房人均建筑面积（平方米）"),
                    "monthly_income": number("家庭人均月收入（元）"),
                    "employer": text("工作单位", 100),
                },
                ["applicant_type", "members", "monthly_income"],
                required_if=[
                    {"if": {"applicant_type": "new_worker"}, "then": ["employer"]},
                    {"if": {"applicant_type": "migrant"}, "then": ["employer"]},
                ],
            ),
            "materials": [
                form_doc("公共租赁住房申请表", "《公共租赁住房管理办法》第八条"),
                id_card("《公共租赁住房管理办法》第八条", who="申请人及共同申请家庭成员"),
                mat(
                    "家庭经济状况核对授权书",
                    material_type="2",
                    fill_notes="授权住房保障部门查询不动产、车辆、存款、社保缴费等信息",
                    accept_standard="全体共同申请成员签字",
                    basis="《公共租赁住房管理办法》第八条",
                ),
                mat(
                    "劳动合同",
                    material_type="1",
                    necessity="2",
                    copies=1,
                    originals=0,
                    fill_notes="新就业无房职工、外来务工人员提交；社保缴费记录通过共享核验",
                    accept_standard="在有效期内",
                    basis="《公共租赁住房管理办法》第八条",
                ),
            ],
            "faqs": [
                faq(
                    "公租房租金是多少？",
                    "公租房租金按照略低于同地段住房市场租金水平确定；符合条件的低保、低收入家庭可申请租金减免。",
                ),
                faq(
                    "承租公租房后可以转租吗？",
                    "不可以。转借、转租或者擅自调换所承租公共租赁住房的，应当退回住房，并记入信用档案。",
                ),
            ],
        },
        counties=county_impls(
            category=C,
            overrides={
                "410225": {
                    "acceptance_conditions": "1. 申请人具有完全民事行为能力，以家庭为单位申请；2. 申请人及家庭成员在兰考县城区无自有住房，或人均住房建筑面积低于15平方米；"
                    "3. 家庭人均收入和财产低于兰考县人民政府公布的公共租赁住房保障标准；4. 外来务工人员、新就业无房职工在兰考县稳定就业并连续缴纳社会保险满3个月。",
                }
            },
            reasons={
                "410225": {
                    "acceptance_conditions": "依据《兰考县公共租赁住房管理实施细则》，保障范围为兰考县城区，收入标准由县人民政府公布，"
                    "外来务工人员社保缴纳年限要求为3个月（县人民政府为吸引产业工人作出的放宽规定）"
                }
            },
        ),
    ),
    make_item(
        seq=1,
        name="住房公积金提取",
        item_type="20",
        category=F,
        guide={
            "legal_basis": [
                law(
                    HPF,
                    HPF_NO,
                    "第二十四条",
                    "职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额：（一）购买、建造、翻建、大修自住住房的；（二）离休、退休的；"
                    "（三）完全丧失劳动能力，并与单位终止劳动关系的；（四）出境定居的；（五）偿还购房贷款本息的；（六）房租超出家庭工资收入的规定比例的。",
                ),
                law(
                    HPF,
                    HPF_NO,
                    "第二十五条",
                    "职工提取住房公积金账户内的存储余额的，所在单位应当予以核实，并出具提取证明。住房公积金管理中心应当自受理申请之日起3日内作出准予提取或者"
                    "不准提取的决定，并通知申请人；准予提取的，由受委托银行办理支付手续。",
                ),
            ],
            "service_objects": ["1"],
            "acceptance_conditions": "1. 申请人在开封住房公积金管理中心正常缴存或封存住房公积金；2. 符合下列提取情形之一：购买、建造、翻建、大修自住住房，偿还自住住房贷款本息，"
            "无房职工租赁住房，离休、退休，完全丧失劳动能力并与单位终止劳动关系，出境定居；3. 同一提取事由在规定的间隔期内未重复提取。",
            "handling_flow": "1. 通过本平台、开封公积金APP或窗口申请；2. 系统联网核验不动产、婚姻、贷款等信息；3. 审核；4. 提取资金划转至本人银行卡",
            "legal_days": 3,
            "promised_days": 1,
            "promised_days_note": "租房、还贷、退休提取线上即时到账",
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "handle_area": "跨省通办",
            "result_type": "other",
            "result_name": "住房公积金提取审批结果（资金划转至本人账户）",
            "person_topics": ["housing"],
            "form_schema": person_form(
                "住房公积金提取申请表",
                {
                    "reason": choice(
                        "提取原因",
                        [
                            ("purchase", "购买自住住房"),
                            ("loan", "偿还住房贷款本息"),
                            ("rent", "无房职工租赁住房"),
                            ("retire", "离休、退休"),
                            ("emigrate", "出境定居"),
                        ],
                    ),
                    "amount": number("提取金额（元）"),
                    "house_address": text("房屋坐落", 200),
                    "contract_no": text(
                        "购房合同或不动产权证书编号", 50, **{"x-show-if": {"reason": "purchase"}}
                    ),
                    "bank_card": text("收款银行卡号（本人一类账户）", 30),
                },
                ["reason", "amount", "bank_card"],
                required_if=[{"if": {"reason": "purchase"}, "then": ["house_address", "contract_no"]}],
            ),
            "materials": [
                id_card(HPF + "第二十四条"),
                mat(
                    "购房合同、不动产权证书或购房发票（购房提取）",
                    material_type="1",
                    necessity="2",
                    copies=1,
                    originals=1,
                    fill_notes="仅购房提取提交；已网签备案或已办理不动产登记的通过共享获取",
                    accept_standard="购房人为本人、配偶或直系亲属",
                    basis=HPF + "第二十四条",
                    exempt_if_shared=True,
                ),
                mat(
                    "结婚证（提取配偶账户时）",
                    material_type="1",
                    necessity="2",
                    source="government",
                    source_note="民政部门核发",
                    fill_notes="通过婚姻登记信息共享核验",
                    accept_standard="婚姻关系有效",
                    basis=HPF + "第二十四条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "租房提取每年能提多少？",
                    "在开封无自有住房且租赁住房的，按开封住房公积金管理中心公布的年度限额提取，可按月或按年线上办理。",
                ),
                faq(
                    "异地购房可以提取吗？",
                    "可以。在户籍地或工作地购买自住住房的均可提取，可在全国住房公积金小程序“跨省通办”。",
                ),
            ],
        },
    ),
    make_item(
        seq=2,
        name="住房公积金单位缴存登记",
        item_type="20",
        category=F,
        guide={
            "legal_basis": [
                law(
                    HPF,
                    HPF_NO,
                    "第十四条",
                    "新设立的单位应当自设立之日起30日内向住房公积金管理中心办理住房公积金缴存登记，并自登记之日起20日内，为本单位职工办理住房公积金账户设立手续。",
                ),
            ],
            "service_objects": ["2", "3", "4", "6"],
            "acceptance_conditions": "1. 在开封市依法设立的机关、事业单位、企业、民办非企业单位、社会团体；2. 自设立之日起30日内办理；3. 尚未在开封住房公积金管理中心办理缴存登记。",
            "handling_flow": "1. 企业开办时“一表填报”同步办理或单独网上申请；2. 信息校验；3. 即时完成登记；4. 为职工设立个人账户",
            "legal_days": 1,
            "promised_days": 0,
            "promised_days_note": "即时办结",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "result_type": "filing",
            "result_name": "住房公积金单位缴存登记信息",
            "enterprise_topics": ["hr", "establish"],
            "form_schema": enterprise_form(
                "住房公积金单位缴存登记表",
                {
                    "established": date("单位设立日期"),
                    "rate": choice("缴存比例", [("5", "5%"), ("8", "8%"), ("10", "10%"), ("12", "12%")]),
                    "employees": integer("缴存职工人数"),
                    "handler_bank": choice(
                        "受托银行",
                        [("icbc", "工商银行"), ("ccb", "建设银行"), ("boc", "中国银行"), ("abc", "农业银行")],
                    ),
                },
                ["established", "rate", "employees", "handler_bank"],
            ),
            "materials": [
                business_licence(HPF + "第十四条"),
                form_doc("住房公积金单位缴存登记表", HPF + "第十四条"),
            ],
            "faqs": [
                faq(
                    "缴存比例可以自己定吗？",
                    "单位和职工缴存比例均不得低于5%、不得高于12%，单位可在此范围内自主确定。",
                ),
                faq(
                    "小微企业可以申请降低缴存比例吗？",
                    "生产经营困难的企业经职工代表大会或工会讨论通过，可申请降低缴存比例或缓缴。",
                ),
            ],
        },
    ),
]
