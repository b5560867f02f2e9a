"""Stable error codes of ``catalog`` (STYLE §6); raise ``SOME_ERROR.error()``."""

from django.utils.translation import gettext_lazy as _

from tongban.core.errors import ErrorDef

ITEM_VERSION_NOT_EDITABLE = ErrorDef(
    "ITEM_VERSION_NOT_EDITABLE", _("只有草稿状态的办事指南版本可以修改。"), status=409
)
ITEM_VERSION_IMMUTABLE = ErrorDef("ITEM_VERSION_IMMUTABLE", _("已发布或已被替代的版本不可修改。"), status=409)
ITEM_VERSION_TRANSITION_NOT_ALLOWED = ErrorDef(
    "ITEM_VERSION_TRANSITION_NOT_ALLOWED", _("当前版本状态下不能执行此操作。"), status=409
)
OPEN_DRAFT_EXISTS = ErrorDef("OPEN_DRAFT_EXISTS", _("该实施清单已有未发布的草稿或待审核版本。"), status=409)
NO_PUBLISHED_VERSION = ErrorDef("NO_PUBLISHED_VERSION", _("该实施清单还没有已发布的版本。"), status=409)
GUIDE_QUALITY_FAILED = ErrorDef(
    "GUIDE_QUALITY_FAILED", _("办事指南未通过质量检查，请按提示修改后再发布。"), status=422
)
IMPLEMENTATION_EXISTS = ErrorDef("IMPLEMENTATION_EXISTS", _("该部门已实施此事项。"), status=409)
IMPLEMENTATION_CODE_INVALID = ErrorDef(
    "IMPLEMENTATION_CODE_INVALID", _("实施编码不符合编码规则。"), status=422
)
BASE_CODE_INVALID = ErrorDef("BASE_CODE_INVALID", _("基本编码不符合编码规则。"), status=422)
ITEM_EXISTS = ErrorDef("ITEM_EXISTS", _("该基本编码的事项已存在。"), status=409)
RETURN_REASON_REQUIRED = ErrorDef("RETURN_REASON_REQUIRED", _("退回时必须填写退回原因。"), status=422)
PARENT_NOT_CITY = ErrorDef("PARENT_NOT_CITY", _("上级实施清单必须是同一事项的市级实施清单。"), status=422)
SECOND_ADMIN_REQUIRED = ErrorDef(
    "SECOND_ADMIN_REQUIRED",
    _("该版本由您起草、修改或提交，须由本级另一名事项管理员核对后发布（双人复核）。"),
    status=409,
)
PUBLISHER_NOT_IN_SCOPE = ErrorDef(
    "PUBLISHER_NOT_IN_SCOPE", _("只有负责该实施清单的本级事项管理员可以发布该版本。"), status=403
)
PUBLISHING_RULE_SCOPE_REQUIRED = ErrorDef(
    "PUBLISHING_RULE_SCOPE_REQUIRED", _("发布规则必须指定区划或行使层级（只能二选一）。"), status=422
)
FORM_SCHEMA_INVALID = ErrorDef("FORM_SCHEMA_INVALID", _("申请表单不符合表单规范，请按提示修改。"), status=422)
