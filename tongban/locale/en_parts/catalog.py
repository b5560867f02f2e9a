"""English for the catalog area: the guide editor, form dialect and builder, four-eyes publishing, search."""

EN: dict[str, str | tuple[str, str]] = {
    # errors and publishing
    "该版本由您起草、修改或提交，须由本级另一名事项管理员核对后发布（双人复核）。": (
        "You drafted, edited or submitted this version: another catalog administrator of the same level must "
        "check and publish it (four-eyes rule)."
    ),
    "只有负责该实施清单的本级事项管理员可以发布该版本。": (
        "Only a catalog administrator responsible for this implementation can publish this version."
    ),
    "发布规则必须指定区划或行使层级（只能二选一）。": "A publishing rule needs either a region or an exercise level (not both).",
    "申请表单不符合表单规范，请按提示修改。": "The application form does not follow the form rules; please correct it as shown.",
    "须由第二名事项管理员发布": "Must be published by a second catalog administrator",
    "发布规则": "Publishing rule",
    "提交人": "Submitted by",
    "流程使用的表单字段": "Form fields used by the flow",
    "勾选后，本事项的办件（申请人姓名已遮盖）在“办件公示”页面公开。涉及个人户籍、婚姻、健康、犯罪记录等个人情况的事项不应公示。": (
        "When ticked, this item's cases (applicant names masked) are listed on the public case disclosure page. "
        "Matters revealing personal circumstances (household registration, marriage, health, criminal record) "
        "should not be disclosed."
    ),
    "英文名称": "English name",
    "英文界面显示的事项名称，也用于英文检索，例如 Passport application。": (
        "The item name shown on the English pages and used by English search, e.g. Passport application."
    ),
    "英文名称最多 %(n)s 个字符，不能含控制字符。": "The English name may have at most %(n)s characters and no control characters.",
    "保存英文名称": "Save English name",
    "事项的英文名称由市级事项管理员维护。": "The English name of an item is kept by the city catalog administrators.",
    "英文名称已保存。": "English name saved.",
    # the form dialect
    "位置 %(path)s：%(message)s": "At %(path)s: %(message)s",
    "取值类型不对，应为 %(type)s。": "Wrong kind of value; expected %(type)s.",
    "取值不能小于 %(n)s。": "The value cannot be less than %(n)s.",
    "列表中有重复的项。": "The list has duplicate entries.",
    "“%(value)s”不是 JSON Schema 的数据类型。": "“%(value)s” is not a JSON Schema type.",
    "“%(value)s”不是有效的正则表达式。": "“%(value)s” is not a valid regular expression.",
    "不符合 JSON Schema 元模式（关键字 %(keyword)s）。": "Does not follow the JSON Schema meta-schema (keyword %(keyword)s).",
    "表单不支持关键字“%(key)s”（渲染器会忽略它）。": "The form does not support the keyword “%(key)s” (the renderer would ignore it).",
    "只支持 JSON Schema 2020-12（%(uri)s）。": "Only JSON Schema 2020-12 (%(uri)s) is supported.",
    '表单的 type 必须是 "object"。': 'The form\'s type must be "object".',
    "必须是文字。": "Must be text.",
    "表单至少需要一个字段（properties）。": "The form needs at least one field (properties).",
    "表单最多 %(n)s 个字段。": "A form has at most %(n)s fields.",
    "字段名“%(name)s”无效：须以英文字母开头，只含英文字母、数字和下划线，最长 64 个字符。": (
        "The field name “%(name)s” is invalid: it must start with a letter and contain only letters, digits and "
        "underscores, at most 64 characters."
    ),
    "字段定义必须是一个 JSON 对象。": "A field definition must be a JSON object.",
    "字段不支持关键字“%(key)s”（渲染器会忽略它）。": "Fields do not support the keyword “%(key)s” (the renderer would ignore it).",
    "字段类型必须是 %(types)s 之一。": "The field type must be one of %(types)s.",
    "每个字段都需要标题（title），申请人看到的就是它。": "Every field needs a title: it is what the applicant sees.",
    "标题最多 %(n)s 个字符。": "A title has at most %(n)s characters.",
    "examples 必须是一个列表。": "examples must be a list.",
    "只有选项字段（enum）才能有选项名称。": "Only a field with options (enum) can have option labels.",
    "是/否字段（boolean）不能再列选项。": "A yes/no field (boolean) cannot list options.",
    "选项（enum）必须是非空列表。": "The options (enum) must be a non-empty list.",
    "最多 %(n)s 个选项。": "At most %(n)s options.",
    "选项的取值与字段类型不符。": "The option value does not match the field type.",
    "选项的取值不能为空。": "An option value cannot be empty.",
    "选项“%(v)s”重复。": "The option “%(v)s” appears twice.",
    "选项名称（x-enum-labels）必须是一列非空文字。": "The option labels (x-enum-labels) must be a list of non-empty texts.",
    "选项名称有 %(labels)s 个，选项有 %(options)s 个，两者必须一一对应。": (
        "There are %(labels)s option labels and %(options)s options; they must correspond one to one."
    ),
    "只有文字字段（string）才能使用 %(key)s。": "Only text fields (string) can use %(key)s.",
    "format 只支持 %(values)s。": "format supports only %(values)s.",
    "x-format 只支持 %(values)s。": "x-format supports only %(values)s.",
    "format 和 x-format 不能同时使用。": "format and x-format cannot be used together.",
    "必须是不小于 0 的整数。": "Must be a whole number of 0 or more.",
    "最大长度不能超过 %(n)s。": "The maximum length cannot exceed %(n)s.",
    "最小长度不能大于最大长度。": "The minimum length cannot be greater than the maximum length.",
    "文字字段%(field)s须规定最大长度（maxLength），以免申请人提交过长的内容。": (
        "The text field %(field)s needs a maximum length (maxLength) so that applicants cannot submit "
        "unbounded text."
    ),
    "只有数字字段才能使用 %(key)s。": "Only number fields can use %(key)s.",
    "必须是数字。": "Must be a number.",
    "最小值不能大于最大值。": "The minimum cannot be greater than the maximum.",
    "x-widget 只支持 %(values)s。": "x-widget supports only %(values)s.",
    "多行文本框只用于文字字段。": "A multi-line box is only for text fields.",
    "下拉框和单选按钮只用于有选项（enum）的字段。": "Drop-downs and radio buttons are only for fields with options (enum).",
    "x-prefill 只支持 %(values)s。": "x-prefill supports only %(values)s.",
    "预填只用于文字字段。": "Prefill is only for text fields.",
    "预填“%(source)s”的字段必须设置 x-format 为 %(format)s。": "A field prefilled from “%(source)s” must have x-format %(format)s.",
    "条件必须是 {字段名: 取值} 形式的非空对象。": "A condition must be a non-empty object {field name: value}.",
    "字段不能以自己为显示条件。": "A field cannot be shown on a condition on itself.",
    "条件引用的字段“%(name)s”不存在（可能已被删除）。": "The condition refers to the field “%(name)s”, which does not exist (it may have been deleted).",
    "条件只能引用有选项或“是/否”的字段（情形），%(field)s不是。": (
        "A condition can only refer to a field with options or a yes/no field (a situation); %(field)s is not one."
    ),
    "条件至少需要一个取值。": "A condition needs at least one value.",
    "“%(value)s”不是%(field)s的选项。": "“%(value)s” is not an option of %(field)s.",
    "显示条件循环引用：%(field)s永远不会显示。": "The display conditions form a loop: %(field)s would never be shown.",
    "%(what)s必须是一列字段名。": "%(what)s must be a list of field names.",
    "%(what)s中的字段“%(name)s”不存在（可能已被删除）。": "The field “%(name)s” in %(what)s does not exist (it may have been deleted).",
    "必填字段": "Required fields",
    "必填字段列表中有重复的项。": "The list of required fields has duplicates.",
    "x-required-if 必须是列表。": "x-required-if must be a list.",
    "每条规则必须正好有 if（情形）和 then（此时必填的字段）。": (
        "Each rule must have exactly if (the situation) and then (the fields required in it)."
    ),
    "条件必填字段": "Conditionally required fields",
    "x-sections 必须是列表。": "x-sections must be a list.",
    '每个分组必须是 {"title": 标题, "fields": [字段名…]}。': 'Each section must be {"title": title, "fields": [field names…]}.',
    "分组": "Sections",
    "字段“%(name)s”已在第 %(n)s 个分组中，不能重复。": "The field “%(name)s” is already in section %(n)s and cannot appear twice.",
    "申请表单必须是一个 JSON 对象。": "The application form must be a JSON object.",
    "申请表单含有不能保存为 JSON 的内容。": "The application form contains something that cannot be stored as JSON.",
    "申请表单过大（最多 %(n)s 字节）。": "The application form is too large (at most %(n)s bytes).",
    "审批流程“%(name)s”": "the review flow “%(name)s”",
    "缺少字段“%(name)s”：%(used_by)s要用到它，不能删除。": "The field “%(name)s” is missing: %(used_by)s uses it, so it cannot be removed.",
    "字段“%(name)s”的类型必须是 %(type)s（%(used_by)s要用到它）。": "The field “%(name)s” must be of type %(type)s (%(used_by)s uses it).",
    "字段“%(name)s”的 x-format 必须是 %(format)s（%(used_by)s要用到它）。": "The field “%(name)s” must have x-format %(format)s (%(used_by)s uses it).",
    "字段“%(name)s”缺少选项 %(options)s（%(used_by)s要用到它们）。": "The field “%(name)s” lacks the options %(options)s (%(used_by)s uses them).",
    "申请表单有误：%(problem)s": "Application form: %(problem)s",
    "申请表单还有 %(n)s 处错误未列出。": "The application form has %(n)s more problems not listed.",
    # the editor
    "含有不可见的控制字符，请删除后再保存。": "Contains invisible control characters; please remove them and save again.",
    "删除此文件": "Remove this file",
    "当前文件": "Current file",
    "更换": "Replace",
    "不支持该文件类型，请上传 PDF、DOCX、XLSX、ODT、JPG 或 PNG 文件。": "This file type is not supported; please upload a PDF, DOCX, XLSX, ODT, JPG or PNG file.",
    "实施主体与服务对象": "Implementing body and service objects",
    "申请表单": "Application form",
    "申请表单不是有效的 JSON：%(detail)s": "The application form is not valid JSON: %(detail)s",
    "第 %(line)s 行第 %(col)s 列附近": "near line %(line)s, column %(col)s",
    "按《申请表单规范》编写；启用 JavaScript 时可用下方的表单设计器编辑。": (
        "Written in the application-form dialect; with JavaScript you can edit it in the form builder below."
    ),
    "数字小的排在前面；留空则排在最后": "Smaller numbers come first; leave empty to put it last",
    "法律法规名称": "Law or regulation",
    "文号": "Document number",
    "条款号": "Article",
    "条款内容": "Text of the article",
    "已清空：%(fields)s": "Cleared: %(fields)s",
    "申请表单字段“%(field)s”": "Application form field “%(field)s”",
    "申请表单（标题、分组、必填规则）": "Application form (title, sections, required rules)",
    "必须是代码列表。": "Must be a list of codes.",
    "未知的代码：%(codes)s。": "Unknown codes: %(codes)s.",
    "设定依据必须是列表。": "The legal basis must be a list.",
    "每条设定依据只能有名称、文号、条款号和条款内容（name、doc_number、article、content）。": (
        "Each legal basis entry may only have a name, document number, article and text "
        "(name, doc_number, article, content)."
    ),
    "最多 %(n)s 个字符。": "At most %(n)s characters.",
    "差异说明必须是 {要素: 原因} 对象。": "Deviation reasons must be an object {element: reason}.",
    "未知的要素": "Unknown element",
    "未知的字段": "Unknown field",
    "该条目不属于此版本或已重复，请刷新页面后重试。": "This entry does not belong to this version or appears twice; please reload the page and try again.",
    "有 %(counter)s 处需要修改，已填写的内容都保留着：": (
        "%(counter)s thing needs correcting; everything you entered is kept:",
        "%(counter)s things need correcting; everything you entered is kept:",
    ),
    "（无可选项）": "(no choices)",
    "更多属性": "More attributes",
    "质量检查：未发现问题。": "Quality check: no problems found.",
    "质量检查：共 %(counter)s 项": (
        "Quality check: %(counter)s finding",
        "Quality check: %(counter)s findings",
    ),
    "，其中 %(counter)s 项错误": (", %(counter)s of them an error", ", %(counter)s of them errors"),
    "本次修订删除或清空了 %(counter)s 项内容，发布前请确认：": (
        "This revision removes or clears %(counter)s element; please confirm before publishing:",
        "This revision removes or clears %(counter)s elements; please confirm before publishing:",
    ),
    "清空": "Cleared",
    "查看全部差异": "See all differences",
    "发布前核对与上一版本的差异": "Check the differences from the previous version before publishing",
    "删除或清空了 %(counter)s 项内容：": (
        "%(counter)s element removed or cleared:",
        "%(counter)s elements removed or cleared:",
    ),
    "新增": "Added",
    "错误：": "Error: ",
    "请先保存草稿。提交后不能再修改，除非被退回；发布须由本级另一名事项管理员核对（双人复核）。": (
        "Save the draft first. Once submitted it cannot be changed unless returned; another catalog "
        "administrator of the same level checks and publishes it (four-eyes rule)."
    ),
    "%(who)s 于 %(when)s 提交。": "Submitted by %(who)s on %(when)s.",
    "我已核对差异和删除的内容，确认对外发布": "I have checked the differences and the removed content; publish it",
    "%(part)s第 %(n)s 行 · ": "%(part)s, row %(n)s · ",
    # the form builder
    "表单设计器": "Form builder",
    "按分组添加申请表字段，设置类型、是否必填、选项和显示条件（情形）。保存草稿时按表单规范校验。": (
        "Add the application form's fields by section and set their type, whether they are required, their "
        "options and display conditions (situations). Saving the draft checks the form rules."
    ),
    "显示 JSON（专家）": "Show JSON (experts)",
    "隐藏 JSON": "Hide JSON",
    "JSON 格式有误：请在 JSON 视图中修改，改好后表单设计器会重新读取。": (
        "The JSON is not valid: correct it in the JSON view and the form builder reads it again."
    ),
    "已按 JSON 更新表单设计器。": "The form builder now shows the JSON.",
    "表单标题": "Form title",
    "字段": "Field",
    "标题（申请人看到的名称）": "Title (what the applicant sees)",
    "字段名": "Field name",
    "英文字母开头，只含英文字母、数字和下划线；保存后用于存储申请数据。": (
        "Starts with a letter; letters, digits and underscores only. Used to store the application data."
    ),
    "字段名无效或已被使用，已恢复原名。": "That field name is invalid or already used; the old name is back.",
    "字段名已修改，引用它的条件和分组已一并更新。": "Field renamed; the conditions and sections that refer to it were updated.",
    "单行文字": "Text",
    "多行文字": "Long text",
    "整数": "Whole number",
    "数字": "Number",
    "电子邮箱": "E-mail",
    "是/否（勾选）": "Yes/no (tick box)",
    "选项（情形）": "Options (situation)",
    "所在分组": "Section",
    "（不分组）": "(no section)",
    "（未命名分组）": "(untitled section)",
    "未分组的字段": "Fields in no section",
    "分组标题": "Section title",
    "分组上移": "Move section up",
    "分组下移": "Move section down",
    "删除分组（字段保留）": "Remove section (keep its fields)",
    "添加分组": "Add section",
    "新分组": "New section",
    "已添加分组。": "Section added.",
    "必填": "Required",
    "有显示条件": "conditional",
    "最多字数": "Maximum length",
    "选项": "Options",
    "每行一项；取值与显示名称不同时写作“取值｜显示名称”。": "One per line; write “value｜label” when the stored value differs from the label.",
    "选项一": "Option 1",
    "选项二": "Option 2",
    "自动填写": "Fill in automatically",
    "不自动填写": "Do not fill in",
    "申请人姓名": "Applicant's name",
    "申请人身份证号码": "Applicant's ID number",
    "申请人手机号码": "Applicant's mobile number",
    "单位名称": "Organisation name",
    "单位统一社会信用代码": "Organisation's unified social credit code",
    "显示条件（情形）": "Display condition (situation)",
    "总是显示": "Always shown",
    "在以下情形显示": "Shown in these situations",
    "此字段有多个显示条件，请在 JSON 视图中修改。": "This field has several display conditions; edit them in the JSON view.",
    "至少选择一个情形。": "Choose at least one situation.",
    "填写说明": "Help text",
    "上移": "Move up",
    "下移": "Move down",
    "删除字段": "Remove field",
    "已删除字段。": "Field removed.",
    "已删除字段，并移除了引用它的显示条件。": "Field removed, together with the display conditions that referred to it.",
    "已调整顺序。": "Order changed.",
    "添加字段": "Add field",
    "新字段": "New field",
    "已添加字段，请填写标题。": "Field added; please give it a title.",
    # search
    "另有 %(counter)s 个办理地点": ("%(counter)s more place to apply", "%(counter)s more places to apply"),
    "以下事项的名称不含“%(q)s”，但申请材料、受理条件等内容中提到了它": (
        "These services are not named “%(q)s” but mention it in their materials, conditions or other details"
    ),
    "其他事项": "Other services",
}
