"""Form fields that something outside the form relies on (表单字段依赖), and the check that a form keeps them.

A review flow may branch on a 情形 field of the application form; a licence mapping (证照字段映射) may fill a
licence from form fields; an exchange mapping may send them to a department system. Each such consumer declares
what it needs through a **provider**: a function ``(version) -> iterable of FieldRequirement``, registered under a
key with :func:`register_field_requirements` (from the consumer's ``AppConfig.ready``). The quality gate calls
:func:`check_field_requirements`, so a version whose form drops or retypes a field that a consumer uses cannot be
published. One provider ships: the flow template's declared ``form_fields``.

Example, for a later licence mapping::

    def licence_fields(version):
        for mapping in LicenceFieldMapping.objects.filter(implementation=version.implementation_id):
            yield FieldRequirement(mapping.form_field, _("证照“%s”的字段映射") % mapping.licence_type.name)

    register_field_requirements("licenses.mapping", licence_fields)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from tongban.catalog.form_dialect import FormSchemaProblem, pointer

if TYPE_CHECKING:
    from tongban.catalog.models import ItemVersion


@dataclass(frozen=True)
class FieldRequirement:
    """A form field a consumer needs: its ``name``, who uses it (Chinese, for the message) and optionally its type.

    ``type`` is a dialect type (string, integer, number, boolean); ``x_format`` a dialect x-format; ``options``
    the option values the consumer compares with (each must remain an option of the field).
    """

    name: str
    used_by: str
    type: str | None = None
    x_format: str | None = None
    options: tuple[Any, ...] = ()


Provider = Callable[["ItemVersion"], Iterable[FieldRequirement]]
_PROVIDERS: dict[str, Provider] = {}


def register_field_requirements(key: str, provider: Provider) -> None:
    """Register (or replace) the provider ``key``; call it from the consumer app's ``AppConfig.ready``."""
    _PROVIDERS[key] = provider


def unregister_field_requirements(key: str) -> None:
    """Remove the provider ``key`` (tests, or a consumer switched off)."""
    _PROVIDERS.pop(key, None)


def field_requirements(version: ItemVersion) -> list[FieldRequirement]:
    """Every field requirement of ``version`` from every registered provider, in registration order."""
    result: list[FieldRequirement] = []
    for provider in list(_PROVIDERS.values()):
        result.extend(provider(version))
    return result


def flow_field_requirements(version: ItemVersion) -> Iterable[FieldRequirement]:
    """The fields the version's flow template declares in ``FlowTemplate.form_fields``."""
    flow = version.flow_template
    if flow is None:
        return []
    used_by = _("审批流程“%(name)s”") % {"name": flow.name}
    requirements = []
    for entry in flow.form_fields or []:
        if isinstance(entry, str):
            requirements.append(FieldRequirement(entry, used_by))
        elif isinstance(entry, dict) and isinstance(entry.get("name"), str):
            requirements.append(
                FieldRequirement(
                    entry["name"],
                    used_by,
                    type=entry.get("type"),
                    x_format=entry.get("x-format"),
                    options=tuple(entry.get("options") or ()),
                )
            )
    return requirements


register_field_requirements("catalog.flow", flow_field_requirements)


def check_field_requirements(
    version: ItemVersion, schema: dict[str, Any] | None = None
) -> list[FormSchemaProblem]:
    """Problems where ``schema`` (default: the version's) lacks or changed a field some consumer requires."""
    schema = version.form_schema if schema is None else schema
    properties = schema.get("properties") if isinstance(schema, dict) else None
    properties = properties if isinstance(properties, dict) else {}
    problems = []
    for req in field_requirements(version):
        path = pointer("properties", req.name)
        prop = properties.get(req.name)
        if not isinstance(prop, dict):
            problems.append(
                FormSchemaProblem(
                    path,
                    _("缺少字段“%(name)s”：%(used_by)s要用到它，不能删除。")
                    % {"name": req.name, "used_by": req.used_by},
                )
            )
            continue
        if req.type and prop.get("type") != req.type:
            problems.append(
                FormSchemaProblem(
                    path + "/type",
                    _("字段“%(name)s”的类型必须是 %(type)s（%(used_by)s要用到它）。")
                    % {"name": req.name, "type": req.type, "used_by": req.used_by},
                )
            )
        if req.x_format and prop.get("x-format") != req.x_format:
            problems.append(
                FormSchemaProblem(
                    path + "/x-format",
                    _("字段“%(name)s”的 x-format 必须是 %(format)s（%(used_by)s要用到它）。")
                    % {"name": req.name, "format": req.x_format, "used_by": req.used_by},
                )
            )
        raw_enum = prop.get("enum")
        enum: list[Any] = raw_enum if isinstance(raw_enum, list) else []
        missing = [o for o in req.options if o not in enum]
        if missing:
            problems.append(
                FormSchemaProblem(
                    path + "/enum",
                    _("字段“%(name)s”缺少选项 %(options)s（%(used_by)s要用到它们）。")
                    % {"name": req.name, "options": "、".join(map(str, missing)), "used_by": req.used_by},
                )
            )
    return problems
