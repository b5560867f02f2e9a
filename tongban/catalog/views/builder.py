"""The texts of the form builder (``static/catalog/js/form-builder.js``), translated on the server.

The page passes them to the script with ``json_script``, so the builder speaks the page's language without a
JavaScript translation catalogue.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def builder_strings() -> dict[str, Any]:
    """Every string the form builder shows, in the request's language."""
    return {
        "heading": _("表单设计器"),
        "intro": _(
            "按分组添加申请表字段，设置类型、是否必填、选项和显示条件（情形）。保存草稿时按表单规范校验。"
        ),
        "showJson": _("显示 JSON（专家）"),
        "hideJson": _("隐藏 JSON"),
        "jsonInvalid": _("JSON 格式有误：请在 JSON 视图中修改，改好后表单设计器会重新读取。"),
        "jsonRead": _("已按 JSON 更新表单设计器。"),
        "formTitle": _("表单标题"),
        "fields": _("字段"),
        "field": _("字段"),
        "title": _("标题（申请人看到的名称）"),
        "name": _("字段名"),
        "nameHelp": _("英文字母开头，只含英文字母、数字和下划线；保存后用于存储申请数据。"),
        "badName": _("字段名无效或已被使用，已恢复原名。"),
        "renamed": _("字段名已修改，引用它的条件和分组已一并更新。"),
        "type": _("类型"),
        "types": {
            "text": _("单行文字"),
            "textarea": _("多行文字"),
            "integer": _("整数"),
            "number": _("数字"),
            "date": _("日期"),
            "email": _("电子邮箱"),
            "boolean": _("是/否（勾选）"),
            "choice": _("选项（情形）"),
            "id_number": _("居民身份证号码"),
            "credit_code": _("统一社会信用代码"),
            "phone": _("手机号码"),
        },
        "section": _("所在分组"),
        "ungrouped": _("（不分组）"),
        "untitled": _("（未命名分组）"),
        "ungroupedTitle": _("未分组的字段"),
        "sectionTitle": _("分组标题"),
        "sectionUp": _("分组上移"),
        "sectionDown": _("分组下移"),
        "sectionRemove": _("删除分组（字段保留）"),
        "addSection": _("添加分组"),
        "newSection": _("新分组"),
        "sectionAdded": _("已添加分组。"),
        "required": _("必填"),
        "conditional": _("有显示条件"),
        "maxLength": _("最多字数"),
        "options": _("选项"),
        "optionsHelp": _("每行一项；取值与显示名称不同时写作“取值｜显示名称”。"),
        "option1": _("选项一"),
        "option2": _("选项二"),
        "prefillLabel": _("自动填写"),
        "noPrefill": _("不自动填写"),
        "prefill": {
            "user.real_name": _("申请人姓名"),
            "user.id_number": _("申请人身份证号码"),
            "user.phone": _("申请人手机号码"),
            "enterprise.name": _("单位名称"),
            "enterprise.credit_code": _("单位统一社会信用代码"),
            "enterprise.legal_representative": _("法定代表人"),
        },
        "condition": _("显示条件（情形）"),
        "always": _("总是显示"),
        "conditionValues": _("在以下情形显示"),
        "complexCondition": _("此字段有多个显示条件，请在 JSON 视图中修改。"),
        "needValue": _("至少选择一个情形。"),
        "yes": _("是"),
        "no": _("否"),
        "description": _("填写说明"),
        "up": _("上移"),
        "down": _("下移"),
        "remove": _("删除字段"),
        "removed": _("已删除字段。"),
        "removedWithConditions": _("已删除字段，并移除了引用它的显示条件。"),
        "moved": _("已调整顺序。"),
        "addField": _("添加字段"),
        "newField": _("新字段"),
        "added": _("已添加字段，请填写标题。"),
    }
