"""Enumerations owned by ``catalog`` (codes from reference/standards-cn.md §1–2) and the steps of the shipped flows."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from tongban.accounts.choices import Role


class ItemType(models.TextChoices):
    """事项类型代码 (GB/T 39046-2020 A.1)."""

    ADMIN_LICENSING = "01", _("行政许可")
    ADMIN_PENALTY = "02", _("行政处罚")
    ADMIN_COERCION = "03", _("行政强制")
    ADMIN_LEVY = "04", _("行政征收")
    ADMIN_PAYMENT = "05", _("行政给付")
    ADMIN_INSPECTION = "06", _("行政检查")
    ADMIN_CONFIRMATION = "07", _("行政确认")
    ADMIN_REWARD = "08", _("行政奖励")
    ADMIN_ADJUDICATION = "09", _("行政裁决")
    OTHER_POWER = "10", _("其他行政权力")
    PUBLIC_SERVICE = "20", _("公共服务")


class VersionStatus(models.TextChoices):
    """Lifecycle of a guide version; only DRAFT can be edited."""

    DRAFT = "draft", _("草稿")  # being edited by a catalog administrator
    SUBMITTED = "submitted", _("待审核")  # submitted for review; read-only until approved or sent back
    PUBLISHED = "published", _("已发布")  # the current public version; immutable
    SUPERSEDED = "superseded", _("已被替代")  # an earlier published version; immutable, kept for history


class PowerSource(models.TextChoices):
    """权力来源."""

    STATUTORY = "1", _("法定本级行使")
    DELEGATED_DOWN = "2", _("上级下放")
    AUTHORISED_BY_SUPERIOR = "3", _("上级授权")
    AUTHORISED_BY_PEER = "4", _("同级授权")
    ENTRUSTED_BY_SUPERIOR = "5", _("上级委托")
    ENTRUSTED_BY_PEER = "6", _("同级委托")


class SubjectNature(models.TextChoices):
    """实施主体性质 (GB/T 39046 A.3)."""

    STATUTORY_ORGAN = "1", _("法定机关")
    AUTHORISED_ORG = "2", _("授权组织")
    ENTRUSTED_ORG = "3", _("受委托组织")
    OTHER = "9", _("其他")


class ServiceObject(models.TextChoices):
    """服务对象 (GB/T 39046 A.4 scheme; stored by label-bearing code)."""

    NATURAL_PERSON = "1", _("自然人")
    ENTERPRISE = "2", _("企业法人")
    PUBLIC_INSTITUTION = "3", _("事业法人")
    SOCIAL_ORGANISATION = "4", _("社会组织法人")
    GOVERNMENT = "5", _("行政机关")
    OTHER_ORGANISATION = "6", _("其他组织")


class HandlingForm(models.TextChoices):
    """办理形式 (GB/T 39046 A.5)."""

    WINDOW = "1", _("窗口办理")
    ONLINE_PC = "2", _("电脑端网上办理")
    ONLINE_MOBILE = "3", _("移动端网上申请")
    EXPRESS = "4", _("快递申请")
    OTHER = "9", _("其他")


class CaseKind(models.TextChoices):
    """办件类型 (GB/T 39046 A.6)."""

    IMMEDIATE = "1", _("即办件")
    PROMISED = "2", _("承诺件")
    OTHER = "9", _("其他")


class OnlineDepth(models.TextChoices):
    """网上办理深度, the provincial Ⅰ–Ⅳ scale (configurable; reference §2.3 scale B)."""

    LEVEL_1 = "1", _("Ⅰ级：信息公开与咨询")
    LEVEL_2 = "2", _("Ⅱ级：表格下载与在线预约")
    LEVEL_3 = "3", _("Ⅲ级：在线预审与申报")
    LEVEL_4 = "4", _("Ⅳ级：全程网办")


class DeliveryMode(models.TextChoices):
    """How the result reaches the applicant."""

    WINDOW_PICKUP = "window", _("窗口领取")
    POST = "post", _("邮寄送达")
    ELECTRONIC = "electronic", _("电子送达")


class ResultType(models.TextChoices):
    """审批结果类型."""

    LICENCE = "licence", _("证照")
    APPROVAL_DOCUMENT = "approval", _("批文")
    FILING = "filing", _("备案结果")
    OTHER = "other", _("其他")


class MaterialType(models.TextChoices):
    """材料类型."""

    CERTIFICATE = "1", _("证件证书证明")
    FORM = "2", _("申请表格文书")
    OTHER = "3", _("其他")


class MaterialSource(models.TextChoices):
    """来源渠道."""

    APPLICANT = "applicant", _("申请人自备")
    GOVERNMENT = "government", _("政府部门核发")
    OTHER = "other", _("其他")


class MaterialFormat(models.TextChoices):
    """材料形式."""

    PAPER = "1", _("纸质")
    ELECTRONIC = "2", _("电子化")
    BOTH = "3", _("纸质/电子化")


class MaterialNecessity(models.TextChoices):
    """材料必要性; TOLERABLE materials may be supplied after 容缺受理."""

    REQUIRED = "1", _("必要")
    OPTIONAL = "2", _("非必要")
    TOLERABLE = "3", _("容缺后补")


class FlowKind(models.TextChoices):
    """The shape of a review flow template."""

    SINGLE_DEPARTMENT = "single", _("单部门三级审批（审查→审核→决定）")
    PARALLEL = "parallel", _("多部门并联审批（会签/或签）")
    COMMITMENT = "commitment", _("告知承诺即时审批，事后核查")


class CountersignMode(models.TextChoices):
    """How parallel departmental reviews combine."""

    ALL = "all", _("会签（全部同意）")
    ANY = "any", _("或签（任一同意）")


class PersonTopic(models.TextChoices):
    """面向自然人的主题分类 (life events)."""

    BIRTH = "birth", _("生育收养")
    EDUCATION = "education", _("教育科研")
    EMPLOYMENT = "employment", _("就业创业")
    MARRIAGE = "marriage", _("婚姻登记")
    HOUSING = "housing", _("住房保障")
    SOCIAL_SECURITY = "social_security", _("社会保障")
    MEDICAL = "medical", _("医疗卫生")
    TRAVEL = "travel", _("出境入境")
    TRANSPORT = "transport", _("交通出行")
    HOUSEHOLD = "household", _("户籍办理")
    DISABILITY = "disability", _("残疾人服务")
    ASSISTANCE = "assistance", _("社会救助")
    RETIREMENT = "retirement", _("离退休")
    DEATH = "death", _("死亡殡葬")
    PROFESSION = "profession", _("职业资格")


class EnterpriseTopic(models.TextChoices):
    """面向法人的主题分类 (enterprise lifecycle)."""

    ESTABLISH = "establish", _("设立变更")
    PERMITS = "permits", _("准营准办")
    CONSTRUCTION = "construction", _("工程建设")
    OPERATION = "operation", _("经营纳税")
    HR = "hr", _("用工社保")
    TRADE = "trade", _("商务贸易")
    QUALIFICATION = "qualification", _("资质认定")
    CLOSURE = "closure", _("注销退出")


class Severity(models.TextChoices):
    """How much a guide-quality issue matters."""

    ERROR = "error", _("错误")  # blocks publishing
    WARNING = "warning", _("提醒")  # shown to the administrator, does not block


# --- the shipped review-flow templates and what their steps mean (ADR 0007) -------------------------------------

SINGLE_DEPARTMENT_FLOW = "single-department"
PARALLEL_REVIEW_FLOW = "parallel-review"
COMMITMENT_FLOW = "commitment"


@dataclass(frozen=True)
class FlowStep:
    """What a BPMN user task of the shipped templates (by its BPMN id) means for the platform."""

    role: str
    label: str
    return_allowed: bool  # the BPMN has a "return" edge from this step
    per_department: bool = False  # the department comes from the multi-instance item, not the lead department
    due_days: int | None = None  # working days from creation; None = the case deadline


FLOW_STEPS: dict[str, FlowStep] = {
    "review": FlowStep(Role.REVIEWER, "审查", return_allowed=False),
    "audit": FlowStep(Role.APPROVER, "审核", return_allowed=True),
    "decide": FlowStep(Role.APPROVER, "决定", return_allowed=True),
    "dept_review": FlowStep(Role.REVIEWER, "部门审查", return_allowed=False, per_department=True),
    "verification": FlowStep(Role.REVIEWER, "事后核查", return_allowed=False, due_days=20),
}
DECISION_STEP = "decide"
VERIFICATION_STEP = "verification"
