"""Stable error codes of ``cases`` (raise ``SOME_ERROR.error()``; the API maps them to ``{code, message, fields}``)."""

from django.utils.translation import gettext_lazy as _

from tongban.accounts import errors as accounts_errors
from tongban.core.errors import (
    CONFLICT,
    INVALID_STATE,
    NOT_FOUND,
    PERMISSION_DENIED,
    VALIDATION_ERROR,
    ErrorDef,
)

__all__ = ["CONFLICT", "INVALID_STATE", "NOT_FOUND", "PERMISSION_DENIED", "VALIDATION_ERROR"]

CASE_NOT_FOUND = ErrorDef("CASE_NOT_FOUND", _("找不到该办件，或您无权访问。"), status=404)
TASK_NOT_FOUND = ErrorDef("TASK_NOT_FOUND", _("找不到该待办任务，或您无权办理。"), status=404)
ITEM_NOT_AVAILABLE = ErrorDef("ITEM_NOT_AVAILABLE", _("该事项未发布或已停用，暂不能申请。"), status=422)
CASE_INVALID_STATE = ErrorDef("CASE_INVALID_STATE", _("办件当前状态下不能执行此操作。"), status=409)
CASE_CHANGED = ErrorDef("CASE_CHANGED", _("办件已被他人处理，请刷新后重试。"), status=409)
NOT_AUTHORISED_FOR_APPLICANT = ErrorDef(
    "NOT_AUTHORISED_FOR_APPLICANT", _("您没有代该企业或该申请人办理的有效授权。"), status=403
)
FORM_INVALID = ErrorDef("FORM_INVALID", _("申请表填写有误，请按提示修改。"), status=422)
MATERIALS_MISSING = ErrorDef("MATERIALS_MISSING", _("还有必要材料未上传，请上传后再提交。"), status=422)
MATERIAL_NOT_OF_CASE = ErrorDef("MATERIAL_NOT_OF_CASE", _("该材料不属于本事项或本办件。"), status=422)
MATERIAL_NOT_FLAGGED = ErrorDef(
    "MATERIAL_NOT_FLAGGED", _("补正期间只能更换一次性告知书中列出的材料。"), status=409
)
CORRECTION_INCOMPLETE = ErrorDef(
    "CORRECTION_INCOMPLETE", _("一次性告知书中列出的材料尚未全部补正，请补齐后再提交。"), status=422
)
CORRECTION_EMPTY = ErrorDef("CORRECTION_EMPTY", _("请至少列出一项需要补正的问题及原因。"), status=422)
REASON_REQUIRED = ErrorDef("REASON_REQUIRED", _("请填写理由。"), status=422)
COMMITMENT_NOT_OFFERED = ErrorDef("COMMITMENT_NOT_OFFERED", _("该事项不适用告知承诺制。"), status=409)
COMMITMENT_NOT_SIGNED = ErrorDef("COMMITMENT_NOT_SIGNED", _("请先签署告知承诺书。"), status=422)
TOLERANCE_NOT_ALLOWED = ErrorDef(
    "TOLERANCE_NOT_ALLOWED", _("只有容缺受理事项中标注为“容缺后补”的材料可以容缺。"), status=422
)
TOLERATED_MATERIALS_OUTSTANDING = ErrorDef(
    "TOLERATED_MATERIALS_OUTSTANDING", _("容缺材料尚未补齐，暂不能作出决定。"), status=409
)
MATERIAL_NOT_TOLERATED = ErrorDef("MATERIAL_NOT_TOLERATED", _("该材料不在容缺补交清单中。"), status=409)
TASK_ALREADY_COMPLETED = ErrorDef(
    "TASK_ALREADY_COMPLETED", _("该任务已由他人办理完毕，请刷新待办列表。"), status=409
)
TASK_VERSION_CONFLICT = ErrorDef("TASK_VERSION_CONFLICT", _("该任务已被他人修改，请刷新后重试。"), status=409)
TASK_CLAIMED_BY_OTHER = ErrorDef("TASK_CLAIMED_BY_OTHER", _("该任务已由他人签收。"), status=409)
TASK_WAITING_FOR_SIGNERS = ErrorDef(
    "TASK_WAITING_FOR_SIGNERS", _("加签意见尚未全部返回，暂不能办结此环节。"), status=409
)
TASK_RETURN_NOT_ALLOWED = ErrorDef("TASK_RETURN_NOT_ALLOWED", _("这是第一个环节，无法退回。"), status=409)
TASK_INVALID_OUTCOME = ErrorDef("TASK_INVALID_OUTCOME", _("该环节不支持此办理结果。"), status=422)
TRANSFER_TARGET_INVALID = ErrorDef(
    "TRANSFER_TARGET_INVALID", _("只能转办给本部门具有相同岗位的同事。"), status=422
)
SIGNER_TARGET_INVALID = ErrorDef("SIGNER_TARGET_INVALID", _("请指定一个加签的人员或部门。"), status=422)
DECISION_MUST_REFUSE = ErrorDef(
    "DECISION_MUST_REFUSE", _("会签中有部门不同意（或签无部门同意），只能作出不予许可决定。"), status=409
)
EXTENSION_TOO_LONG = ErrorDef(
    "EXTENSION_TOO_LONG", _("延长期限合计不得超过十个工作日（行政许可法第四十二条）。"), status=422
)
EXTENSION_ALREADY_DECIDED = ErrorDef("EXTENSION_ALREADY_DECIDED", _("该延期申请已经审批。"), status=409)
PICKUP_CODE_WRONG = ErrorDef("PICKUP_CODE_WRONG", _("取件码不正确。"), status=422)
PICKUP_CODE_LOCKED = ErrorDef(
    "PICKUP_CODE_LOCKED",
    _("取件码连续输错次数过多，请于 %(until)s 后再试，或请申请人重新获取取件码。"),
    status=429,
)
PICKUP_CODE_RECENTLY_SENT = ErrorDef(
    "PICKUP_CODE_RECENTLY_SENT", _("取件码刚刚发送过，请稍候再试。"), status=429
)
DELIVERY_REASON_REQUIRED = ErrorDef(
    "DELIVERY_REASON_REQUIRED",
    _("申请人未选择领取方式，默认窗口领取；改用其他方式送达须填写理由。"),
    status=422,
)
ON_THE_SPOT_NOT_ALLOWED = ErrorDef(
    "ON_THE_SPOT_NOT_ALLOWED", _("只有承诺当场办结的即办件，才能在受理时当场作出决定。"), status=409
)
SAME_PERSON_CONSECUTIVE_STEPS = ErrorDef(
    "SAME_PERSON_CONSECUTIVE_STEPS",
    _("您已办理本办件的上一环节，按审批流程的岗位分离要求，此环节须由其他人员办理。"),
    status=409,
)
ENTERPRISE_REQUIRED = ErrorDef(
    "ENTERPRISE_REQUIRED",
    _("该事项的服务对象是法人或其他组织，请填写申请单位的统一社会信用代码和名称。"),
    status=422,
)
ENTERPRISE_NOT_SERVED = ErrorDef(
    "ENTERPRISE_NOT_SERVED", _("该事项只面向自然人，不能以单位名义申请。"), status=422
)
ENTERPRISE_NAME_MISMATCH = ErrorDef(
    "ENTERPRISE_NAME_MISMATCH",
    _("单位名称与该统一社会信用代码登记的名称“%(name)s”不一致，请核对。"),
    status=422,
)
DRAFT_TOO_LARGE = ErrorDef(
    "DRAFT_TOO_LARGE", _("申请表内容太多（超过 %(kb)s KB），请精简后再保存。"), status=413
)
DRAFT_FIELD_INVALID = ErrorDef("DRAFT_FIELD_INVALID", _("申请表有内容无法保存，请按提示修改。"), status=422)
TOO_MANY_DRAFTS = ErrorDef(
    "TOO_MANY_DRAFTS", _("您已有 %(n)s 份未提交的草稿，请先提交或删除部分草稿后再新建申请。"), status=409
)
TRACKING_NUMBER_REQUIRED = ErrorDef("TRACKING_NUMBER_REQUIRED", _("邮寄送达须填写快递单号。"), status=422)
# One code, one message, one status across the platform: the accounts app owns the ID-number rule.
ID_NUMBER_INVALID = accounts_errors.ID_NUMBER_INVALID
NO_FLOW_TEMPLATE = ErrorDef("NO_FLOW_TEMPLATE", _("该事项未配置审批流程，请联系事项管理员。"), status=409)
INVALID_CHOICE = ErrorDef("INVALID_CHOICE", _("所选的选项无效。"), status=422)
DELIVERY_MODE_NOT_OFFERED = ErrorDef(
    "DELIVERY_MODE_NOT_OFFERED", _("该事项不提供所选的领取方式，请重新选择。"), status=422
)
DELIVERY_ADDRESS_REQUIRED = ErrorDef("DELIVERY_ADDRESS_REQUIRED", _("邮寄送达须填写邮寄地址。"), status=422)
DELIVERY_MODE_MISMATCH = ErrorDef(
    "DELIVERY_MODE_MISMATCH",
    _("申请人已选择其他领取方式，请按申请人的选择送达；如需改变，请申请人先变更领取方式。"),
    status=409,
)

# Idempotency keys (header ``Idempotency-Key`` on the API, a hidden field on the web forms; ARCHITECTURE §5.7).
IDEMPOTENCY_KEY_TOO_LONG = ErrorDef(
    "IDEMPOTENCY_KEY_TOO_LONG", _("幂等键过长：最多 %(max)s 个字符。"), status=400
)
IDEMPOTENCY_KEY_REUSED = ErrorDef(
    "IDEMPOTENCY_KEY_REUSED",
    _("该幂等键已用于内容不同的另一份申请；同一申请重试时请保持内容一致，新的申请请使用新的幂等键。"),
    status=422,
)
SUPPLEMENT_DEADLINE_INVALID = ErrorDef(
    "SUPPLEMENT_DEADLINE_INVALID", _("容缺材料补交期限须为 %(min)s 至 %(max)s 个工作日。"), status=422
)

# Uploads (raised by tongban.cases.documents.uploads.check_upload).
UPLOAD_EMPTY = ErrorDef("UPLOAD_EMPTY", _("上传的文件是空的，请重新选择。"), status=422)
UPLOAD_TOO_LARGE = ErrorDef("UPLOAD_TOO_LARGE", _("文件太大，单个文件不能超过 %(mb)s MB。"), status=413)
UPLOAD_TYPE_NOT_ALLOWED = ErrorDef(
    "UPLOAD_TYPE_NOT_ALLOWED", _("不支持该文件类型，请上传 PDF、JPG、PNG、OFD 或 DOCX 文件。"), status=415
)
UPLOAD_EXTENSION_MISMATCH = ErrorDef(
    "UPLOAD_EXTENSION_MISMATCH", _("文件扩展名与文件实际内容不符，请检查后重新上传。"), status=415
)

# 免证可办: an electronic licence used instead of an uploaded material (issue 9 §4).
LICENSE_NOT_ACCEPTED = ErrorDef(
    "LICENSE_NOT_ACCEPTED", _("该材料不能用电子证照替代，请上传文件。"), status=422
)
LICENSE_NOT_REUSABLE = ErrorDef(
    "LICENSE_NOT_REUSABLE",
    _("所选电子证照不能用于该材料：须是申请人（或申请单位）持有的、当前有效的同类电子证照。"),
    status=422,
)
LICENSE_APPLICANT_UNVERIFIED = ErrorDef(
    "LICENSE_APPLICANT_UNVERIFIED",
    _("申请人身份未经实名核验并关联账户，不能使用其电子证照，请收取纸质材料。"),
    status=422,
)
