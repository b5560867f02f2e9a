"""自然资源, 生态环境, 水利: planning permits, real-estate registration, EIA, pollutant discharge, water (demonstration data)."""

from __future__ import annotations

from tongban.catalog.demo_data._common import (
    business_licence,
    faq,
    fee,
    form_doc,
    id_card,
    law,
    make_item,
    mat,
)
from tongban.catalog.demo_data._forms import (
    choice,
    enterprise_form,
    number,
    person_form,
    text,
)

N = "自然资源"
ENV = "生态环境"
W = "水利"
PLAN_LAW = "《中华人民共和国城乡规划法》"
PLAN_LAW_NO = "主席令第二十九号（2019年修正）"
MULTI = law(
    "《自然资源部关于以“多规合一”为基础推进规划用地“多审合一、多证合一”改革的通知》",
    "自然资规〔2019〕2号",
    "二、合并规划选址和用地预审；三、合并建设用地规划许可和用地批准",
    "将建设用地规划许可证、建设用地批准书合并，自然资源主管部门统一核发新的建设用地规划许可证，不再单独核发建设用地批准书。",
)

SOIL_COMMITMENT = (
    "生产建设项目水土保持方案审批承诺书\n"
    "开封市水利局已告知本单位：生产建设项目水土保持方案报告表实行承诺制管理，生产建设单位应当按照水土保持法律法规和技术标准编制方案，"
    "落实水土流失预防和治理措施，依法缴纳水土保持补偿费，并在项目投产使用前开展水土保持设施自主验收并报备。\n"
    "本单位郑重承诺：\n"
    "一、所报送的水土保持方案报告表内容真实，符合水土保持技术标准，防治措施和投资足以防治项目建设可能造成的水土流失；\n"
    "二、严格按照水土保持方案组织施工，落实各项水土保持措施，接受水行政主管部门的监督检查；\n"
    "三、依法足额缴纳水土保持补偿费；\n"
    "四、如违反上述承诺，愿意接受撤销审批决定、依法查处并记入水土保持信用记录的法律后果。\n"
    "承诺单位（盖章）：        法定代表人签字：        日期："
)

ITEMS = [
    make_item(
        seq=1,
        name="建设用地规划许可证核发",
        item_type="01",
        category=N,
        guide={
            "legal_basis": [
                law(
                    PLAN_LAW,
                    PLAN_LAW_NO,
                    "第三十七条",
                    "在城市、镇规划区内以划拨方式提供国有土地使用权的建设项目，经有关部门批准、核准、备案后，建设单位应当向城市、县人民政府城乡规划主管部门"
                    "提出建设用地规划许可申请，由城市、县人民政府城乡规划主管部门依据控制性详细规划核定建设用地的位置、面积、允许建设的范围，核发建设用地规划许可证。",
                ),
                law(
                    PLAN_LAW,
                    PLAN_LAW_NO,
                    "第三十八条",
                    "以出让方式取得国有土地使用权的建设项目，建设单位在取得建设项目的批准、核准、备案文件和签订国有土地使用权出让合同后，"
                    "向城市、县人民政府城乡规划主管部门领取建设用地规划许可证。",
                ),
                MULTI,
            ],
            "service_objects": ["2", "3", "5", "6"],
            "acceptance_conditions": "1. 建设项目位于开封市城市规划区内；2. 划拨用地项目已取得项目批准、核准或备案文件及用地预审与选址意见书；"
            "3. 出让用地项目已签订国有建设用地使用权出让合同并缴清土地出让价款；4. 建设项目符合国土空间规划和控制性详细规划。",
            "handling_flow": "1. 通过工程建设项目审批管理系统申请；2. 受理；3. 核定用地位置、面积和允许建设范围；4. 决定；5. 核发建设用地规划许可证（电子证照）",
            "legal_days": 20,
            "promised_days": 5,
            "promised_days_note": "出让用地签订合同后与不动产登记并联办理",
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "result_type": "licence",
            "result_name": "建设用地规划许可证",
            "enterprise_topics": ["construction"],
            "form_schema": enterprise_form(
                "建设用地规划许可申请表",
                {
                    "supply_mode": choice("供地方式", [("transfer", "出让"), ("allocation", "划拨")]),
                    "project_code": text("投资项目代码", 30),
                    "project_name": text("项目名称", 100),
                    "land_area": number("用地面积（平方米）"),
                    "land_use": choice(
                        "用地性质",
                        [
                            ("residential", "居住用地"),
                            ("commercial", "商业服务业用地"),
                            ("industrial", "工业用地"),
                            ("public", "公共管理与公共服务用地"),
                        ],
                    ),
                    "contract_no": text(
                        "国有建设用地使用权出让合同编号", 50, **{"x-show-if": {"supply_mode": "transfer"}}
                    ),
                },
                ["supply_mode", "project_code", "project_name", "land_area", "land_use"],
                required_if=[{"if": {"supply_mode": "transfer"}, "then": ["contract_no"]}],
            ),
            "materials": [
                form_doc("建设用地规划许可申请表", PLAN_LAW + "第三十七条、第三十八条"),
                mat(
                    "国有建设用地使用权出让合同（出让用地）",
                    material_type="1",
                    necessity="2",
                    source="government",
                    source_note="自然资源和规划部门签订",
                    fill_notes="出让用地提交，本机关签订的通过系统调取",
                    accept_standard="土地出让价款已缴清",
                    basis=PLAN_LAW + "第三十八条",
                    exempt_if_shared=True,
                ),
                mat(
                    "建设项目批准、核准或备案文件（划拨用地）",
                    material_type="1",
                    necessity="2",
                    source="government",
                    source_note="发展改革部门出具",
                    fill_notes="划拨用地提交，通过投资项目在线审批监管平台共享获取",
                    accept_standard="项目信息与申请一致",
                    basis=PLAN_LAW + "第三十七条",
                    exempt_if_shared=True,
                ),
                mat(
                    "建设用地勘测定界图（宗地图）",
                    material_type="3",
                    accept_standard="坐标采用2000国家大地坐标系",
                    basis=PLAN_LAW + "第三十七条",
                ),
            ],
            "faqs": [
                faq(
                    "还需要单独办理建设用地批准书吗？",
                    "不需要。建设用地规划许可证与建设用地批准书已合并，统一核发建设用地规划许可证。",
                ),
                faq(
                    "出让用地可以“交地即发证”吗？",
                    "可以。开封市对出让用地实行签订出让合同、缴清价款后同步核发建设用地规划许可证和不动产权证书。",
                ),
            ],
        },
    ),
    make_item(
        seq=2,
        name="建设工程规划许可证核发",
        item_type="01",
        category=N,
        guide={
            "legal_basis": [
                law(
                    PLAN_LAW,
                    PLAN_LAW_NO,
                    "第四十条",
                    "在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位或者个人应当向城市、县人民政府城乡规划主管部门或者省、自治区、"
                    "直辖市人民政府确定的镇人民政府申请办理建设工程规划许可证。申请办理建设工程规划许可证，应当提交使用土地的有关证明文件、建设工程设计方案等材料。",
                ),
            ],
            "service_objects": ["1", "2", "3", "5", "6"],
            "acceptance_conditions": "1. 建设工程位于开封市城市规划区内；2. 已取得建设用地规划许可证或不动产权证书（土地）；3. 建设工程设计方案符合控制性详细规划和规划条件；"
            "4. 需要编制修建性详细规划的，修建性详细规划已经批准。",
            "handling_flow": "1. 申请；2. 受理；3. 设计方案审查（涉及利害关系人的批前公示）；4. 决定；5. 核发建设工程规划许可证",
            "legal_days": 20,
            "promised_days": 10,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "special_procedures": "设计方案批前公示、专家论证（不计入办理时限）",
            "result_type": "licence",
            "result_name": "建设工程规划许可证",
            "enterprise_topics": ["construction"],
            "form_schema": enterprise_form(
                "建设工程规划许可申请表",
                {
                    "project_code": text("投资项目代码", 30),
                    "project_name": text("工程名称", 100),
                    "building_area": number("总建筑面积（平方米）"),
                    "plot_ratio": number("容积率"),
                    "engineering_type": choice(
                        "工程类别",
                        [("building", "建筑工程"), ("municipal", "市政工程"), ("pipeline", "管线工程")],
                    ),
                },
                ["project_code", "project_name", "building_area", "engineering_type"],
            ),
            "materials": [
                form_doc("建设工程规划许可申请表", PLAN_LAW + "第四十条"),
                mat(
                    "使用土地的证明文件（建设用地规划许可证或不动产权证书）",
                    material_type="1",
                    source="government",
                    source_note="自然资源和规划部门核发",
                    fill_notes="通过电子证照共享获取",
                    accept_standard="用地主体与申请人一致",
                    basis=PLAN_LAW + "第四十条",
                    exempt_if_shared=True,
                ),
                mat(
                    "建设工程设计方案（总平面图、建筑单体方案、技术经济指标表）",
                    material_type="3",
                    accept_standard="由具有相应资质的设计单位编制，符合规划条件",
                    basis=PLAN_LAW + "第四十条",
                ),
            ],
            "faqs": [
                faq(
                    "设计方案审查和规划许可可以一起办吗？",
                    "可以。开封市对社会投资简易低风险项目实行设计方案审查与建设工程规划许可合并办理。",
                ),
                faq(
                    "规划许可证有效期多久？",
                    "取得建设工程规划许可证后一年内未申请施工许可的，应当申请延期，否则许可自行失效。",
                ),
            ],
        },
    ),
    make_item(
        seq=3,
        name="国有建设用地使用权及房屋所有权转移登记",
        item_type="07",
        category=N,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国民法典》",
                    "主席令第四十五号",
                    "第二百零九条",
                    "不动产物权的设立、变更、转让和消灭，经依法登记，发生效力；未经登记，不发生效力，但是法律另有规定的除外。",
                ),
                law(
                    "《不动产登记暂行条例》",
                    "国务院令第656号（2024年修订）",
                    "第二十条",
                    "不动产登记机构应当自受理登记申请之日起30个工作日内办结不动产登记手续，法律另有规定的除外。",
                ),
            ],
            "service_objects": ["1", "2", "3", "4", "6"],
            "acceptance_conditions": "1. 不动产已办理首次登记，权属清楚、界址清楚；2. 因买卖、赠与、继承、互换、作价出资等原因导致权利发生转移；"
            "3. 不动产未被查封，已办理抵押的经抵押权人同意；4. 当事人共同申请（继承、生效法律文书等可单方申请）；5. 已按规定缴纳相关税费。",
            "handling_flow": "1. 网上申请或到不动产登记“一窗受理”窗口（交易、税务、登记一窗办理）；2. 受理；3. 审核（必要时查验、公告）；4. 登簿；5. 缴费发证，可邮寄或领取电子证书",
            "legal_days": 30,
            "promised_days": 3,
            "promised_days_note": "存量房转移登记3个工作日，已办理预告登记的1个工作日",
            "case_kind": "2",
            "online_depth": "3",
            "visits": 1,
            "visits_reason": "买卖双方须到场或通过网上视频核验身份并签署询问笔录",
            "supports_online_payment": True,
            "result_type": "licence",
            "result_name": "不动产权证书（含电子证照）",
            "is_fee": True,
            "fees": [
                fee(
                    "不动产登记费（住宅类）",
                    "80元/件（含第一本证书工本费）",
                    "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）",
                ),
                fee(
                    "不动产登记费（非住宅类）",
                    "550元/件（含第一本证书工本费）",
                    "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）",
                    reducible=True,
                    reduction_basis="《财政部 国家发展改革委关于减免部分行政事业性收费有关政策的通知》（财税〔2019〕45号）免收小微企业不动产登记费",
                ),
                fee(
                    "不动产权属证书工本费（每增加一本）",
                    "10元/本",
                    "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）",
                ),
            ],
            "person_topics": ["housing"],
            "enterprise_topics": ["operation"],
            "form_schema": person_form(
                "不动产登记申请书（转移登记）",
                {
                    "reason": choice(
                        "转移原因",
                        [
                            ("sale", "买卖"),
                            ("gift", "赠与"),
                            ("inheritance", "继承、受遗赠"),
                            ("exchange", "互换"),
                        ],
                    ),
                    "certificate_no": text("原不动产权证书号", 50),
                    "location": text("不动产坐落", 200),
                    "buyer_name": text("权利人（受让人）姓名", 50),
                    "share": choice(
                        "共有方式", [("single", "单独所有"), ("joint", "共同共有"), ("shared", "按份共有")]
                    ),
                    "price": number("成交价格（万元）", 0, **{"x-show-if": {"reason": "sale"}}),
                },
                ["reason", "certificate_no", "location", "buyer_name", "share"],
                required_if=[{"if": {"reason": "sale"}, "then": ["price"]}],
            ),
            "materials": [
                form_doc("不动产登记申请书", "《不动产登记暂行条例实施细则》第三十八条"),
                id_card("《不动产登记暂行条例》第十六条", who="申请人（转让方和受让方）"),
                mat(
                    "不动产权属证书",
                    material_type="1",
                    source="government",
                    source_note="不动产登记机构核发",
                    accept_standard="与登记簿记载一致",
                    basis="《不动产登记暂行条例》第十六条",
                ),
                mat(
                    "不动产权利转移的原因证明（买卖合同、赠与合同、继承公证书或生效法律文书）",
                    material_type="1",
                    accept_standard="合同经网签备案或文书合法有效",
                    basis="《不动产登记暂行条例》第十六条",
                ),
                mat(
                    "完税凭证",
                    material_type="1",
                    source="government",
                    source_note="税务部门出具",
                    fill_notes="“一窗受理”同步缴税，信息实时共享，无需提交",
                    accept_standard="税费已缴清",
                    basis="《中华人民共和国契税法》第十一条",
                    exempt_if_shared=True,
                ),
            ],
            "faqs": [
                faq(
                    "二手房过户要跑几个窗口？",
                    "一个窗口。开封市不动产交易、税务、登记实行“一窗受理、集成服务”，一套材料、一次办结。",
                ),
                faq(
                    "可以领电子不动产权证书吗？",
                    "可以。登簿后即生成电子不动产权证书，与纸质证书具有同等法律效力。",
                ),
            ],
        },
    ),
    make_item(
        seq=1,
        name="建设项目环境影响评价文件审批",
        item_type="01",
        category=ENV,
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国环境影响评价法》",
                    "主席令第二十四号（2018年修正）",
                    "第二十二条",
                    "建设项目的环境影响报告书、报告表，由建设单位按照国务院的规定报有审批权的生态环境主管部门审批。审批部门应当自收到环境影响报告书之日起六十日内，"
                    "收到环境影响报告表之日起三十日内，分别作出审批决定并书面通知建设单位。",
                ),
                law(
                    "《建设项目环境保护管理条例》",
                    "国务院令第682号",
                    "第九条",
                    "依法应当编制环境影响报告书、环境影响报告表的建设项目，建设单位应当在开工建设前将环境影响报告书、环境影响报告表报有审批权的环境保护行政主管部门审批；"
                    "建设项目的环境影响评价文件未依法经审批部门审查或者审查后未予批准的，建设单位不得开工建设。",
                ),
            ],
            "service_objects": ["2", "3", "6"],
            "acceptance_conditions": "1. 建设项目属于开封市生态环境局审批权限（省级以上审批项目除外）；2. 依据《建设项目环境影响评价分类管理名录》应编制报告书或报告表；"
            "3. 项目符合生态环境分区管控要求和产业政策；4. 编制报告书的项目已依法开展公众参与。",
            "prohibited_conditions": "建设项目类型及其选址、布局、规模等不符合环境保护法律法规和相关法定规划的，不予批准。",
            "handling_flow": "1. 网上报批并公开环评文件全本（删除涉密信息）；2. 受理并公示；3. 技术评估；4. 审查；5. 拟审批公示；6. 作出批复",
            "legal_days": 60,
            "legal_days_note": "报告书60日、报告表30日；技术评估、公示期间不计入",
            "promised_days": 15,
            "promised_days_note": "报告书15个工作日、报告表10个工作日",
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "special_procedures": "技术评估、受理公示和拟审批公示（不计入办理时限）",
            "intermediary": True,
            "intermediary_note": "建设单位可委托技术单位编制环境影响报告书（表），也可自行编制；审批部门不得指定编制单位",
            "result_type": "approval",
            "result_name": "建设项目环境影响报告书（表）审批意见",
            "enterprise_topics": ["construction"],
            "form_schema": enterprise_form(
                "建设项目环境影响评价文件报批申请",
                {
                    "document_type": choice(
                        "环评文件类型", [("report", "环境影响报告书"), ("form", "环境影响报告表")]
                    ),
                    "project_code": text("投资项目代码", 30),
                    "project_name": text("建设项目名称", 100),
                    "industry": text("行业类别（名录条目）", 100),
                    "investment": number("总投资（万元）"),
                    "preparer": text("环评文件编制单位", 100),
                },
                ["document_type", "project_code", "project_name", "industry", "preparer"],
            ),
            "materials": [
                form_doc("建设项目环境影响评价文件报批申请书", "《建设项目环境影响评价文件审批程序规定》"),
                mat(
                    "环境影响报告书（表）全本",
                    material_type="3",
                    source="other",
                    source_note="建设单位或受托技术单位编制",
                    accept_standard="编制单位和编制人员已在环境影响评价信用平台登记，内容符合技术导则",
                    basis="《中华人民共和国环境影响评价法》第十七条",
                ),
                mat(
                    "公众参与说明（报告书项目）",
                    material_type="2",
                    necessity="2",
                    accept_standard="按《环境影响评价公众参与办法》开展并说明采纳情况",
                    basis="《环境影响评价公众参与办法》（生态环境部令第4号）第二十六条",
                ),
                mat(
                    "删除涉及国家秘密、商业秘密内容的说明",
                    material_type="2",
                    necessity="2",
                    accept_standard="说明删除依据和理由",
                    basis="《建设项目环境影响评价政府信息公开指南（试行）》",
                ),
            ],
            "faqs": [
                faq(
                    "哪些项目只需登记备案？",
                    "列入《建设项目环境影响评价分类管理名录》登记表类别的项目，在全国建设项目环境影响登记表备案系统在线备案即可，无需审批。",
                ),
                faq("环评审批收费吗？", "不收费。技术评估费用由审批部门承担，不得向建设单位收取。"),
            ],
        },
    ),
    make_item(
        seq=2,
        name="排污许可证核发",
        item_type="01",
        category=ENV,
        guide={
            "legal_basis": [
                law(
                    "《排污许可管理条例》",
                    "国务院令第736号",
                    "第二条",
                    "依照法律规定实行排污许可管理的企业事业单位和其他生产经营者（以下称排污单位），应当依照本条例规定申请取得排污许可证；未取得排污许可证的，不得排放污染物。",
                ),
                law(
                    "《排污许可管理条例》",
                    "国务院令第736号",
                    "第十二条",
                    "对实行排污许可简化管理的排污单位，审批部门应当自受理申请之日起20日内作出审批决定；对实行排污许可重点管理的排污单位，"
                    "审批部门应当自受理申请之日起30日内作出审批决定；需要进行现场核查的，应当自受理申请之日起45日内作出审批决定。",
                ),
            ],
            "service_objects": ["2", "3", "6"],
            "acceptance_conditions": "1. 属于《固定污染源排污许可分类管理名录》实行重点管理或简化管理的排污单位；2. 依法取得建设项目环境影响评价文件审批意见或按规定备案；"
            "3. 污染物排放符合国家和河南省污染物排放标准、重点污染物排放总量控制要求；4. 自行监测方案符合相关技术规范。",
            "handling_flow": "1. 在全国排污许可证管理信息平台填报并提交申请；2. 受理；3. 审查（必要时现场核查）；4. 决定并公开；5. 核发排污许可证（正本、副本）",
            "legal_days": 30,
            "legal_days_note": "简化管理20日，重点管理30日，需要现场核查的45日",
            "promised_days": 10,
            "case_kind": "2",
            "online_depth": "4",
            "visits": 0,
            "special_procedures": "现场核查（不计入办理时限）",
            "result_type": "licence",
            "result_name": "排污许可证",
            "enterprise_topics": ["permits"],
            "form_schema": enterprise_form(
                "排污许可证申请表",
                {
                    "situation": choice(
                        "申请情形",
                        [
                            ("first", "首次申请"),
                            ("change", "变更"),
                            ("renew", "延续"),
                            ("reapply", "重新申请"),
                        ],
                    ),
                    "management": choice("管理类别", [("key", "重点管理"), ("simplified", "简化管理")]),
                    "industry": text("行业类别", 100),
                    "outlets": text("主要排放口及污染物种类", 200),
                    "eia_approval": text("环评批复文号", 50),
                },
                ["situation", "management", "industry", "outlets"],
                required_if=[{"if": {"situation": "first"}, "then": ["eia_approval"]}],
            ),
            "materials": [
                form_doc("排污许可证申请表", "《排污许可管理条例》第八条"),
                mat(
                    "自行监测方案",
                    material_type="2",
                    accept_standard="符合排污单位自行监测技术指南",
                    basis="《排污许可管理条例》第八条",
                ),
                mat(
                    "由排污单位法定代表人或者主要负责人签字或者盖章的承诺书",
                    material_type="2",
                    accept_standard="承诺所提交材料真实、合法、完整",
                    basis="《排污许可管理条例》第八条",
                ),
                mat(
                    "排污单位有关排污口规范化的情况说明",
                    material_type="3",
                    accept_standard="排放口位置、数量和标志符合规范",
                    basis="《排污许可管理条例》第八条",
                ),
            ],
            "faqs": [
                faq(
                    "排污许可证有效期多久？",
                    "排污许可证有效期为5年。需要延续的，应当在有效期届满60日前向审批部门提出申请。",
                ),
                faq(
                    "登记管理的排污单位需要申请许可证吗？",
                    "不需要。实行排污登记管理的单位只需在全国排污许可证管理信息平台填报排污登记表。",
                ),
            ],
        },
    ),
    make_item(
        seq=1,
        name="取水许可",
        item_type="01",
        category=W,
        flow="parallel",
        review_categories=["水利", "生态环境"],
        countersign_mode="all",
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国水法》",
                    "主席令第七十四号（2016年修正）",
                    "第四十八条",
                    "直接从江河、湖泊或者地下取用水资源的单位和个人，应当按照国家取水许可制度和水资源有偿使用制度的规定，向水行政主管部门或者流域管理机构申请领取"
                    "取水许可证，并缴纳水资源费，取得取水权。",
                ),
                law(
                    "《取水许可和水资源费征收管理条例》",
                    "国务院令第460号（2017年修订）",
                    "第二十条",
                    "审批机关应当自受理取水申请之日起45个工作日内决定批准或者不批准。决定批准的，应当同时签发取水申请批准文件。",
                ),
            ],
            "service_objects": ["1", "2", "3", "6"],
            "joint_departments": "开封市生态环境局（入河排污口设置审查）",
            "acceptance_conditions": "1. 直接从江河、湖泊或者地下取用水资源，取水量超过《取水许可和水资源费征收管理条例》第四条规定的豁免范围；"
            "2. 取水地点在开封市水利局审批权限内；3. 已按规定编制建设项目水资源论证报告书（表）；4. 取水符合开封市水资源规划、用水总量控制指标和地下水管控要求。",
            "prohibited_conditions": "在地下水禁止开采区内不予批准新增取水；取水许可总量已达到控制指标的区域，暂停审批新增取水。",
            "handling_flow": "1. 申请；2. 受理；3. 水资源论证报告技术审查；4. 涉及入河排污口设置的，水利、生态环境部门并联审查；5. 决定并签发取水申请批准文件；"
            "6. 取水工程建成试运行后核发取水许可证",
            "legal_days": 45,
            "promised_days": 20,
            "case_kind": "2",
            "special_procedures": "水资源论证报告专家评审（不计入办理时限）",
            "intermediary": True,
            "intermediary_note": "建设项目水资源论证报告书（表）可由申请人自行编制或委托技术单位编制",
            "result_type": "approval",
            "result_name": "取水申请批准文件及取水许可证",
            "enterprise_topics": ["permits"],
            "form_schema": enterprise_form(
                "取水许可申请书",
                {
                    "water_source": choice(
                        "取水水源", [("surface", "地表水（黄河、惠济河等）"), ("ground", "地下水")]
                    ),
                    "annual_volume": number("年取水量（万立方米）"),
                    "purpose": choice(
                        "取水用途",
                        [
                            ("industry", "工业"),
                            ("agriculture", "农业灌溉"),
                            ("public", "公共供水"),
                            ("service", "服务业"),
                        ],
                    ),
                    "intake_location": text("取水地点", 200),
                    "discharge": choice("是否新设入河排污口", [("no", "否"), ("yes", "是")]),
                },
                ["water_source", "annual_volume", "purpose", "intake_location", "discharge"],
            ),
            "materials": [
                form_doc("取水许可申请书", "《取水许可和水资源费征收管理条例》第十一条"),
                mat(
                    "建设项目水资源论证报告书（表）",
                    material_type="3",
                    source="other",
                    source_note="申请人或受托技术单位编制",
                    accept_standard="符合《建设项目水资源论证导则》",
                    basis="《取水许可和水资源费征收管理条例》第十一条",
                ),
                mat(
                    "与第三者利害关系的说明及书面意见",
                    material_type="2",
                    necessity="2",
                    fill_notes="取水涉及第三者利害关系时提交",
                    accept_standard="有利害关系第三者的承诺书或其他文件",
                    basis="《取水许可和水资源费征收管理条例》第十一条",
                ),
                business_licence("《取水许可和水资源费征收管理条例》第十一条"),
            ],
            "faqs": [
                faq(
                    "取水还要交水资源费吗？",
                    "河南省自2017年12月1日起实施水资源税改革试点，取用水资源的单位和个人依法缴纳水资源税，不再缴纳水资源费。",
                ),
                faq(
                    "取水许可证有效期多久？",
                    "取水许可证有效期一般为5年，最长不超过10年；期满需延续的，应当在有效期届满45日前提出申请。",
                ),
            ],
        },
    ),
    make_item(
        seq=2,
        name="生产建设项目水土保持方案审批",
        item_type="01",
        category=W,
        flow="commitment",
        guide={
            "legal_basis": [
                law(
                    "《中华人民共和国水土保持法》",
                    "主席令第三十九号",
                    "第二十五条",
                    "在山区、丘陵区、风沙区以及水土保持规划确定的容易发生水土流失的其他区域开办可能造成水土流失的生产建设项目，生产建设单位应当编制水土保持方案，"
                    "报县级以上人民政府水行政主管部门审批，并按照经批准的水土保持方案，采取水土流失预防和治理措施。",
                ),
                law(
                    "《水利部关于进一步深化“放管服”改革全面加强水土保持监管的意见》",
                    "水保〔2019〕160号",
                    "二、深化水土保持“放管服”改革",
                    "对征占地面积在0.5公顷以上5公顷以下或者挖填土石方总量在1千立方米以上5万立方米以下的项目，编制水土保持方案报告表，实行承诺制管理。",
                ),
            ],
            "service_objects": ["2", "3", "6"],
            "acceptance_conditions": "1. 生产建设项目位于开封市水土保持规划确定的容易发生水土流失的区域（含黄河滩区、风沙区）；"
            "2. 征占地面积在0.5公顷以上5公顷以下，或者挖填土石方总量在1千立方米以上5万立方米以下（编制水土保持方案报告表）；3. 自愿签署承诺书。",
            "handling_flow": "1. 网上提交水土保持方案报告表和承诺书；2. 形式审查后即时作出准予许可决定；3. 后续开展跟踪检查",
            "legal_days": 20,
            "promised_days": 1,
            "promised_days_note": "承诺制即时审批",
            "case_kind": "1",
            "online_depth": "4",
            "visits": 0,
            "commitment": True,
            "commitment_text": SOIL_COMMITMENT,
            "result_type": "approval",
            "result_name": "生产建设项目水土保持方案审批准予行政许可决定书",
            "enterprise_topics": ["construction"],
            "form_schema": enterprise_form(
                "生产建设项目水土保持方案报告表报批申请",
                {
                    "project_code": text("投资项目代码", 30),
                    "project_name": text("项目名称", 100),
                    "land_area": number("征占地面积（公顷）"),
                    "earthwork": number("挖填土石方总量（万立方米）"),
                    "preparer": text("方案编制单位（自行编制的填本单位）", 100),
                },
                ["project_code", "project_name", "land_area", "earthwork"],
            ),
            "materials": [
                mat(
                    "生产建设项目水土保持方案报告表",
                    material_type="3",
                    accept_standard="按《生产建设项目水土保持技术标准》编制",
                    basis="《中华人民共和国水土保持法》第二十五条",
                ),
                mat(
                    "生产建设项目水土保持方案审批承诺书",
                    material_type="2",
                    fill_notes="在线阅读并电子签署",
                    accept_standard="法定代表人签字并加盖公章",
                    basis="《水利部关于进一步深化“放管服”改革全面加强水土保持监管的意见》（水保〔2019〕160号）",
                ),
            ],
            "faqs": [
                faq(
                    "征占地不足0.5公顷的项目需要办吗？",
                    "征占地面积不足0.5公顷且挖填土石方总量不足1千立方米的项目，不需要编制水土保持方案，但应当做好水土流失防治。",
                ),
                faq(
                    "水土保持补偿费在哪里缴？",
                    "水土保持补偿费由税务部门征收，按照河南省规定的标准缴纳，可在电子税务局办理。",
                ),
            ],
        },
    ),
]
