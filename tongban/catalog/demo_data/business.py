"""发展改革, 商务, 文旅, 烟草: investment projects, fuel retail, recycling, entertainment, travel agencies, tobacco (demonstration data)."""

from __future__ import annotations

from tongban.catalog.demo_data._common import (
    business_licence,
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
    enterprise_form,
    integer,
    number,
    text,
)

D = "发展改革"
B = "商务"
CT = "文旅"
TB = "烟草"
PROJECT = "《企业投资项目核准和备案管理条例》"
PROJECT_NO = "国务院令第673号"

TRAVEL_COMMITMENT = (
    "旅行社业务经营许可告知承诺书\n"
    "开封市文化广电和旅游局已告知本企业：申请经营国内旅游业务和入境旅游业务，应当取得企业法人资格，有固定的经营场所、必要的营业设施和经营管理人员，"
    "并在取得许可证之日起3个工作日内存入质量保证金或提交银行担保。\n"
    "本企业郑重承诺：\n"
    "一、已经知晓告知的全部内容，本企业符合旅行社业务经营许可条件；\n"
    "二、经营场所、营业设施和经营管理人员真实存在，所提交材料真实、合法、有效；\n"
    "三、自取得旅行社业务经营许可证之日起3个工作日内，在国务院旅游行政主管部门指定的银行开设专门的质量保证金账户存入质量保证金20万元，"
    "或者向作出许可的旅游行政管理部门提交依法取得的担保额度不低于20万元的银行担保；\n"
    "四、愿意接受文化和旅游部门的事后核查，如承诺不实，愿意承担撤销许可、记入旅游市场信用记录的法律后果；\n"
    "五、以上承诺是本企业真实意思表示。\n"
    "承诺企业（盖章）：        法定代表人签字：        日期："
)

ITEMS = [
    make_item(
        seq=1,
        name="企业投资项目备案",
        item_type="10",
        category=D,
        guide={
            "legal_basis": [
                law(
                    PROJECT,
                    PROJECT_NO,
                    "第十三条",
                    "实行备案管理的项目，企业应当在开工建设前通过在线平台将下列信息告知备案机关：（一）企业基本情况；（二）项目名称、建设地点、建设规模、建设内容；"
                    "（三）项目总投资额；（四）项目符合产业政策的声明。备案机关收到本条第一款规定的全部信息即为备案。",
                ),
                law(
                    PROJECT,
                    PROJECT_NO,
                    "第三条",
                    "对关系国家安全、涉及全国重大生产力布局、战略性资源开发和重大公共利益等项目，实行核准管理。对前款规定以外的项目，实行备案管理。",
                ),
            ],
            "service_objects": ["2", "6"],
            "acceptance_conditions": "1. 项目由企业投资建设，不使用政府投资资金；2. 项目不属于《政府核准的投资项目目录（河南省）》所列核准项目；"
            "3. 项目建设地点在开封市，属于市级备案权限；4. 项目符合国家产业政策，不属于《产业结构调整指导目录》淘汰类。",
            "prohibited_conditions": "属于产业政策禁止投资建设或者实行核准管理的项目，备案机关应当及时告知企业予以纠正或者依法申请办理相关手续。",
            "handling_flow": "1. 登录河南省投资项目在线审批监管平台（本平台可直接跳转）告知项目信息；2. 信息齐全即予备案；3. 自动生成项目代码和备案证明",
            "legal_days": 1,
            "promised_days": 0,
            "promised_days_note": "信息齐全即时备案",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "result_type": "filing",
            "result_name": "河南省企业投资项目备案证明（含项目代码）",
            "enterprise_topics": ["construction"],
            "form_schema": enterprise_form(
                "企业投资项目备案信息表",
                {
                    "project_name": text("项目名称", 100),
                    "location": text("建设地点", 200),
                    "scale_content": area("建设规模及内容", 1000),
                    "total_investment": number("项目总投资（万元）"),
                    "industry": text("所属行业", 100),
                    "policy_statement": choice(
                        "项目符合产业政策声明", [("yes", "本企业声明项目符合国家产业政策")]
                    ),
                },
                ["project_name", "location", "scale_content", "total_investment", "policy_statement"],
            ),
            "materials": [
                form_doc("企业投资项目备案信息表", PROJECT + "第十三条"),
                business_licence(PROJECT + "第十三条"),
            ],
            "faqs": [
                faq(
                    "备案后项目信息变了怎么办？",
                    "项目法人、建设地点发生变化，或建设规模、内容发生较大变更的，应当通过在线平台及时告知备案机关并修改备案信息。",
                ),
                faq(
                    "备案证明有有效期吗？",
                    "备案不设有效期；项目自备案后2年内未开工建设或者未办理任何其他手续的，企业应当通过在线平台作出说明。",
                ),
            ],
        },
    ),
    make_item(
        seq=2,
        name="企业投资项目核准",
        item_type="01",
        category=D,
        flow="parallel",
        review_categories=["发展改革", "自然资源", "生态环境"],
        countersign_mode="all",
        guide={
            "legal_basis": [
                law(
                    PROJECT,
                    PROJECT_NO,
                    "第六条",
                    "企业办理项目核准手续，应当向核准机关提交项目申请书；由国务院核准的项目，向国务院投资主管部门提交项目申请书。项目申请书应当包括下列内容："
                    "（一）企业基本情况；（二）项目情况，包括项目名称、建设地点、建设规模、建设内容等；（三）项目利用资源情况分析以及对生态环境的影响分析；"
                    "（四）项目对经济和社会的影响分析。",
                ),
                law(
                    PROJECT,
                    PROJECT_NO,
                    "第九条",
                    "核准机关应当自受理申请之日起20个工作日内，作出是否予以核准的决定；项目情况复杂或者需要征求有关单位意见的，经本机关主要负责人批准，"
                    "可以延长核准期限，但延长的期限不得超过40个工作日。",
                ),
            ],
            "service_objects": ["2", "6"],
            "joint_departments": "开封市自然资源和规划局、开封市生态环境局",
            "acceptance_conditions": "1. 项目属于《政府核准的投资项目目录（河南省）》中由设区的市级政府核准的项目；2. 已通过河南省投资项目在线审批监管平台取得项目代码；"
            "3. 已取得用地预审与选址意见书（不涉及新增用地的除外）；4. 项目申请书内容完整，符合《企业投资项目核准和备案管理条例》第六条规定。",
            "handling_flow": "1. 在线提交项目申请书；2. 受理；3. 发展改革、自然资源和规划、生态环境部门并联审查（用地和规划、生态环境影响），必要时委托评估；"
            "4. 作出核准决定；5. 出具核准文件",
            "legal_days": 20,
            "legal_days_note": "情况复杂的经批准可延长，延长不超过40个工作日",
            "promised_days": 10,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "special_procedures": "委托工程咨询机构评估（不超过30个工作日，不计入办理时限）",
            "intermediary": True,
            "intermediary_note": "项目申请书可由企业自主编制或委托工程咨询机构编制，核准机关不得强制委托",
            "result_type": "approval",
            "result_name": "企业投资项目核准批复",
            "enterprise_topics": ["construction"],
            "form_schema": enterprise_form(
                "企业投资项目核准申请",
                {
                    "project_code": text("项目代码", 30),
                    "project_name": text("项目名称", 100),
                    "catalog_item": text("核准目录对应条目", 200),
                    "total_investment": number("总投资（万元）"),
                    "land_area": number("新增用地面积（平方米，无则填0）"),
                },
                ["project_code", "project_name", "catalog_item", "total_investment"],
            ),
            "materials": [
                mat(
                    "项目申请书",
                    material_type="2",
                    accept_standard="内容符合《企业投资项目核准和备案管理条例》第六条和项目申请书示范文本",
                    basis=PROJECT + "第六条",
                ),
                mat(
                    "用地预审与选址意见书",
                    material_type="1",
                    source="government",
                    source_note="自然资源和规划部门核发",
                    fill_notes="通过在线平台共享获取；不涉及新增用地的无需提供",
                    accept_standard="在有效期内",
                    basis=PROJECT + "第八条",
                    exempt_if_shared=True,
                ),
                business_licence(PROJECT + "第六条"),
            ],
            "faqs": [
                faq(
                    "核准文件有效期多久？",
                    "项目自核准机关作出予以核准决定之日起2年内未开工建设，需要延期开工的，应当在2年期限届满的30个工作日前申请延期。",
                ),
                faq(
                    "环评批复是核准的前置条件吗？",
                    "不是。环境影响评价审批不再作为项目核准的前置条件，可以并联办理。",
                ),
            ],
        },
    ),
    make_item(
        seq=1,
        name="成品油零售经营资格审批",
        item_type="01",
        category=B,
        flow="parallel",
        review_categories=["商务", "自然资源", "生态环境"],
        countersign_mode="all",
        guide={
            "legal_basis": [
                law(
                    "《国务院对确需保留的行政审批项目设定行政许可的决定》",
                    "国务院令第412号",
                    "附件",
                    "石油成品油批发、仓储、零售经营资格审批，实施机关：省级人民政府商务行政主管部门。",
                ),
                law(
                    "《国务院关于取消和下放一批行政许可事项的决定》",
                    "国发〔2019〕6号",
                    "附件2",
                    "将石油成品油零售经营资格审批下放至地市级人民政府商务主管部门。",
                ),
            ],
            "service_objects": ["2"],
            "joint_departments": "开封市自然资源和规划局、开封市生态环境局",
            "acceptance_conditions": "1. 申请人为依法设立的企业法人；2. 加油站（点）选址符合开封市成品油零售网点发展规划；3. 已取得建设工程规划许可和环境影响评价审批手续，"
            "建设工程已通过消防验收（备案）；4. 已取得危险化学品经营许可证；5. 油罐、加油机等设施符合国家标准，已安装油气回收装置和防渗措施。",
            "handling_flow": "1. 申请；2. 受理；3. 商务部门审查规划布局和经营条件，自然资源和规划部门核验规划许可，生态环境部门核验环评和油气回收（并联会签）；"
            "4. 现场核查；5. 决定；6. 颁发成品油零售经营批准证书",
            "legal_days": 20,
            "promised_days": 15,
            "case_kind": "2",
            "special_procedures": "现场核查（不计入办理时限）",
            "result_type": "licence",
            "result_name": "成品油零售经营批准证书",
            "enterprise_topics": ["trade", "permits"],
            "form_schema": enterprise_form(
                "成品油零售经营资格申请表",
                {
                    "situation": choice(
                        "申请情形",
                        [("new", "新建"), ("change", "变更（迁建、改扩建、更名）"), ("renew", "延续")],
                    ),
                    "station_name": text("加油站名称", 100),
                    "station_address": text("加油站地址", 200),
                    "tank_volume": number("油罐总容积（立方米）"),
                    "dispensers": integer("加油机数量（台）"),
                },
                ["situation", "station_name", "station_address", "tank_volume"],
            ),
            "materials": [
                form_doc(
                    "成品油零售经营资格申请表",
                    "《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）",
                ),
                business_licence("《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）"),
                mat(
                    "建设工程规划许可证和环境影响评价审批文件",
                    material_type="1",
                    source="government",
                    source_note="自然资源和规划、生态环境部门核发",
                    fill_notes="通过部门间共享获取",
                    accept_standard="批复内容与加油站建设情况一致",
                    basis="《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）",
                    exempt_if_shared=True,
                ),
                mat(
                    "危险化学品经营许可证",
                    material_type="1",
                    source="government",
                    source_note="应急管理部门核发",
                    fill_notes="通过电子证照共享获取",
                    accept_standard="在有效期内",
                    basis="《危险化学品安全管理条例》第三十三条",
                    exempt_if_shared=True,
                ),
                mat(
                    "建设工程消防验收意见书或备案凭证",
                    material_type="1",
                    source="government",
                    source_note="住房和城乡建设部门出具",
                    fill_notes="通过部门间共享获取",
                    accept_standard="验收合格或备案抽查合格",
                    basis="《中华人民共和国消防法》第十三条",
                    exempt_if_shared=True,
                ),
                mat(
                    "油罐、加油机等主要设施检测报告及油气回收检测报告",
                    material_type="1",
                    source="other",
                    source_note="具有资质的检测机构出具",
                    accept_standard="检测结论合格",
                    basis="《加油站大气污染物排放标准》（GB 20952）",
                ),
            ],
            "faqs": [
                faq(
                    "成品油零售经营批准证书有效期多久？",
                    "有效期一般为5年，期满需继续经营的应在届满前申请延续。",
                ),
                faq(
                    "加油站改扩建需要重新审批吗？", "迁建、改扩建或者变更经营主体的，应当向商务部门申请变更。"
                ),
            ],
        },
    ),
    make_item(
        seq=2,
        name="再生资源回收经营者备案",
        item_type="10",
        category=B,
        guide={
            "legal_basis": [
                law(
                    "《再生资源回收管理办法》",
                    "商务部令2007年第8号（2019年修正）",
                    "第七条",
                    "从事再生资源回收经营活动，应当在取得营业执照后30日内，按属地管理原则，向登记注册地工商行政管理部门的同级商务主管部门或者其授权机构备案。"
                    "备案事项发生变更时，再生资源回收经营者应当自变更之日起30日内向商务主管部门办理变更手续。",
                ),
            ],
            "service_objects": ["1", "2", "6"],
            "acceptance_conditions": "1. 已取得营业执照，经营范围含再生资源回收；2. 在取得营业执照后30日内备案；3. 回收生产性废旧金属的，已按规定向公安机关备案。",
            "handling_flow": "1. 网上填报备案信息；2. 信息齐全即予备案；3. 备案信息推送公安、生态环境部门",
            "legal_days": 1,
            "promised_days": 0,
            "promised_days_note": "信息齐全即时备案",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "accept_on_receipt": True,
            "result_type": "filing",
            "result_name": "再生资源回收经营者备案登记证明",
            "enterprise_topics": ["trade", "operation"],
            "form_schema": enterprise_form(
                "再生资源回收经营者备案登记表",
                {
                    "situation": choice("备案情形", [("new", "首次备案"), ("change", "变更备案")]),
                    "categories": area("回收品种", 300, description="如：废旧金属、废纸、废塑料、废旧家电"),
                    "site_address": text("回收站点地址", 200),
                    "productive_metal": choice("是否回收生产性废旧金属", [("no", "否"), ("yes", "是")]),
                },
                ["situation", "categories", "site_address", "productive_metal"],
            ),
            "materials": [
                form_doc("再生资源回收经营者备案登记表", "《再生资源回收管理办法》第七条"),
                business_licence("《再生资源回收管理办法》第七条"),
            ],
            "faqs": [
                faq(
                    "收废品的个体户需要备案吗？",
                    "需要。从事再生资源回收经营活动的企业和个体工商户，都应在取得营业执照后30日内备案。",
                ),
                faq(
                    "回收生产性废旧金属有什么特别要求？",
                    "还应当按照规定向所在地公安机关备案，并如实登记出售人身份信息和物品来源。",
                ),
            ],
        },
    ),
    make_item(
        seq=1,
        name="娱乐场所经营许可",
        item_type="01",
        category=CT,
        flow="parallel",
        review_categories=["文旅", "公安"],
        countersign_mode="all",
        guide={
            "legal_basis": [
                law(
                    "《娱乐场所管理条例》",
                    "国务院令第458号（2020年修订）",
                    "第九条",
                    "娱乐场所申请从事娱乐场所经营活动，应当向所在地县级人民政府文化主管部门提出申请。申请人应当提交投资人员、拟任的法定代表人和其他负责人"
                    "没有本条例第五条规定情形的书面声明。受理申请的文化主管部门应当就书面声明向公安部门或者其他有关单位核查，公安部门或者其他有关单位应当予以配合；"
                    "经核查属实的，文化主管部门应当依据本条例第七条、第八条的规定进行实地检查，作出决定。",
                ),
                law(
                    "《娱乐场所管理条例》",
                    "国务院令第458号（2020年修订）",
                    "第十条",
                    "文化主管部门应当自收到申请之日起20日内依法做出决定。批准的，颁发娱乐场所经营许可证，并根据国务院文化主管部门的规定核定娱乐场所容纳的消费者数量。",
                ),
            ],
            "service_objects": ["2", "6"],
            "joint_departments": "开封市公安局（投资人员、负责人背景核查）",
            "acceptance_conditions": "1. 已取得营业执照；2. 投资人员、拟任法定代表人和负责人不存在《娱乐场所管理条例》第五条规定的情形；"
            "3. 场所不在居民楼、博物馆、图书馆和被核定为文物保护单位的建筑物内，不在居民住宅区和学校、医院、机关周围；4. 场所使用面积和设施符合国家标准；"
            "5. 歌舞娱乐场所包厢、包间内不设有阻碍展现室内整体环境的屏风、隔扇、板壁等隔断。",
            "prohibited_conditions": "曾犯有组织、强迫、引诱、容留、介绍卖淫罪，制作、贩卖、传播淫秽物品罪，走私、贩卖、运输、制造毒品罪等的人员，不得开办娱乐场所或者在娱乐场所内从业。",
            "handling_flow": "1. 申请；2. 受理；3. 公安部门核查书面声明，文旅部门审查经营条件（并联）；4. 实地检查；5. 决定并核定消费者容量；6. 颁发娱乐场所经营许可证",
            "legal_days": 20,
            "promised_days": 10,
            "case_kind": "2",
            "special_procedures": "实地检查（不计入办理时限）",
            "result_type": "licence",
            "result_name": "娱乐场所经营许可证",
            "enterprise_topics": ["permits"],
            "form_schema": enterprise_form(
                "娱乐场所经营许可申请表",
                {
                    "place_type": choice(
                        "娱乐场所类别", [("ktv", "歌舞娱乐场所（KTV）"), ("game", "游艺娱乐场所")]
                    ),
                    "place_name": text("场所名称", 100),
                    "place_address": text("场所地址", 200),
                    "area": number("使用面积（平方米）"),
                    "rooms": integer("包厢（包间）数量"),
                },
                ["place_type", "place_name", "place_address", "area"],
            ),
            "materials": [
                form_doc("娱乐场所经营许可申请表", "《娱乐场所管理条例》第九条"),
                business_licence("《娱乐场所管理条例》第九条"),
                mat(
                    "投资人员、拟任法定代表人和负责人没有《娱乐场所管理条例》第五条规定情形的书面声明",
                    material_type="2",
                    accept_standard="本人签字",
                    basis="《娱乐场所管理条例》第九条",
                ),
                id_card("《娱乐场所管理条例》第九条", who="投资人员、法定代表人和负责人"),
                mat(
                    "场所平面示意图及房屋产权证明或租赁合同",
                    material_type="3",
                    copies=1,
                    originals=0,
                    accept_standard="标明包厢、通道、出入口位置和面积",
                    basis="《娱乐场所管理条例》第七条",
                ),
            ],
            "faqs": [
                faq(
                    "娱乐场所还需要办理消防手续吗？",
                    "需要。公众聚集场所投入使用、营业前应当向消防救援机构申请消防安全检查，可选择告知承诺方式办理。",
                ),
                faq("营业时间有规定吗？", "每日凌晨2时至上午8时，娱乐场所不得营业。"),
            ],
        },
    ),
    make_item(
        seq=2,
        name="旅行社业务经营许可（国内和入境旅游业务）",
        item_type="01",
        category=CT,
        flow="commitment",
        guide={
            "legal_basis": [
                law(
                    "《旅行社条例》",
                    "国务院令第550号（2020年修订）",
                    "第七条",
                    "申请经营国内旅游业务和入境旅游业务的，应当向所在地省、自治区、直辖市旅游行政管理部门或者其委托的设区的市级旅游行政管理部门提出申请。"
                    "受理申请的旅游行政管理部门应当自受理申请之日起20个工作日内作出许可或者不予许可的决定。",
                ),
                law(
                    "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》",
                    "国发〔2021〕7号",
                    "附件1",
                    "旅行社经营国内旅游业务和入境旅游业务许可实行告知承诺。",
                ),
            ],
            "power_source": "5",
            "subject_nature": "1",
            "entrusted_department": "河南省文化和旅游厅",
            "service_objects": ["2"],
            "acceptance_conditions": "1. 已取得企业法人营业执照；2. 有固定的经营场所和必要的营业设施；3. 有必要的经营管理人员和导游；"
            "4. 承诺在取得许可后3个工作日内存入质量保证金20万元或提交等额银行担保；5. 自愿签署告知承诺书。",
            "handling_flow": "1. 在全国旅游监管服务平台申请并签署告知承诺书；2. 形式审查后当场作出许可决定；3. 颁发旅行社业务经营许可证；4. 3个月内核查经营场所和质量保证金",
            "legal_days": 20,
            "promised_days": 1,
            "promised_days_note": "告知承诺当场办结",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "commitment": True,
            "commitment_text": TRAVEL_COMMITMENT,
            "result_type": "licence",
            "result_name": "旅行社业务经营许可证",
            "enterprise_topics": ["permits", "qualification"],
            "form_schema": enterprise_form(
                "旅行社业务经营许可申请书",
                {
                    "agency_name": text("旅行社名称", 100),
                    "office_address": text("经营场所地址", 200),
                    "office_area": number("经营场所面积（平方米）"),
                    "guides": integer("持证导游人数"),
                    "deposit_mode": choice(
                        "质量保证金方式",
                        [
                            ("cash", "存入质量保证金"),
                            ("bank_guarantee", "银行担保"),
                            ("insurance", "保证保险"),
                        ],
                    ),
                },
                ["agency_name", "office_address", "deposit_mode"],
            ),
            "materials": [
                form_doc("旅行社业务经营许可申请书", "《旅行社条例实施细则》第七条"),
                business_licence("《旅行社条例实施细则》第七条"),
                mat(
                    "旅行社业务经营许可告知承诺书",
                    material_type="2",
                    fill_notes="在线阅读并电子签署",
                    accept_standard="法定代表人签字并加盖公章",
                    basis="《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号）",
                ),
                id_card("《旅行社条例实施细则》第七条", who="法定代表人"),
            ],
            "faqs": [
                faq(
                    "质量保证金可以用保险代替吗？",
                    "可以。旅行社可以用银行担保或者保证保险替代现金质量保证金。",
                ),
                faq(
                    "可以经营出境旅游业务吗？",
                    "取得经营许可满两年且未因侵害旅游者合法权益受到罚款以上处罚的，可以向省级文化和旅游部门申请经营出境旅游业务。",
                ),
            ],
        },
    ),
    make_item(
        seq=1,
        name="烟草专卖零售许可",
        item_type="01",
        category=TB,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国烟草专卖法》",
                    "主席令第二十六号（2015年修正）",
                    "第十六条",
                    "经营烟草制品零售业务的企业或者个人，由县级人民政府工商行政管理部门根据上一级烟草专卖行政主管部门的委托，审查批准发给烟草专卖零售许可证。"
                    "已经设立县级烟草专卖行政主管部门的地方，也可以由县级烟草专卖行政主管部门审查批准发给烟草专卖零售许可证。",
                ),
                law(
                    "《烟草专卖许可证管理办法》",
                    "工业和信息化部令第37号",
                    "第四章 烟草专卖零售许可证",
                    "申请烟草专卖零售许可证，应当具备有与经营烟草制品零售业务相适应的资金、有固定的经营场所、符合烟草专卖零售网点合理布局要求等条件。",
                ),
                law(
                    "《中华人民共和国未成年人保护法》",
                    "主席令第五十七号（2020年修订）",
                    "第五十九条",
                    "学校、幼儿园周边不得设置烟、酒、彩票销售网点。禁止向未成年人销售烟、酒、彩票或者兑付彩票奖金。",
                ),
            ],
            "service_objects": ["1", "2", "6"],
            "acceptance_conditions": "1. 已取得营业执照（个体工商户或企业）；2. 有与经营烟草制品零售业务相适应的资金；3. 有固定的经营场所；"
            "4. 经营场所符合开封市烟草制品零售点合理布局规定，不在普通中小学校、特殊教育学校、中等职业学校、专门学校、幼儿园周边；"
            "5. 申请人未因违反烟草专卖法律法规被撤销、吊销烟草专卖零售许可证未满3年。",
            "prohibited_conditions": "无民事行为能力或者限制民事行为能力的，以及被吊销烟草专卖零售许可证未满3年的，不予受理。",
            "handling_flow": "1. 网上或窗口申请；2. 受理；3. 实地核查经营场所和布局；4. 作出决定；5. 发放烟草专卖零售许可证（含电子证照）",
            "legal_days": 20,
            "promised_days": 10,
            "case_kind": "2",
            "online_depth": "3",
            "special_procedures": "实地核查（不计入办理时限）",
            "result_type": "licence",
            "result_name": "烟草专卖零售许可证",
            "person_topics": ["employment"],
            "enterprise_topics": ["permits"],
            "form_schema": enterprise_form(
                "烟草专卖零售许可证申请表",
                {
                    "situation": choice(
                        "申请情形",
                        [("new", "新办"), ("change", "变更"), ("renew", "延续"), ("cancel", "歇业（停业）")],
                    ),
                    "shop_address": text("经营场所地址", 200),
                    "business_type": choice(
                        "经营业态",
                        [
                            ("convenience", "便利店"),
                            ("supermarket", "超市"),
                            ("grocery", "食杂店"),
                            ("hotel", "宾馆、娱乐场所"),
                        ],
                    ),
                    "shop_area": number("经营面积（平方米）"),
                    "licence_no": text("原许可证号", 30, **{"x-show-if": {"situation": "renew"}}),
                },
                ["situation", "shop_address", "business_type"],
                required_if=[{"if": {"situation": "renew"}, "then": ["licence_no"]}],
            ),
            "materials": [
                form_doc("烟草专卖零售许可证申请表", "《烟草专卖许可证管理办法》第四章"),
                business_licence("《烟草专卖许可证管理办法》第四章"),
                id_card("《烟草专卖许可证管理办法》第四章", who="经营者（法定代表人）"),
                mat(
                    "经营场所使用证明（不动产权证书或租赁合同）",
                    material_type="1",
                    copies=1,
                    originals=0,
                    fill_notes="有不动产登记信息的可共享免交",
                    accept_standard="地址与营业执照一致",
                    basis="《烟草专卖许可证管理办法》第四章",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "烟草专卖零售许可证有效期多久？",
                    "有效期一般为5年。需要延续的，应当在有效期届满30日前提出延续申请。",
                ),
                faq(
                    "为什么学校附近不能办理？",
                    "依据《未成年人保护法》第五十九条，学校、幼儿园周边不得设置烟草销售网点。",
                ),
            ],
        },
    ),
]
