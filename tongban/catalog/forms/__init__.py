"""Forms of ``catalog``: the guide-version editor, its part formsets, and small action forms.

The package is split by purpose; this module re-exports the public names.
"""

from tongban.catalog.forms.actions import ItemNamesForm, NewImplementationForm, ReturnForm
from tongban.catalog.forms.base import GuideFileField, harden_text_fields, reject_control_characters
from tongban.catalog.forms.editor import FIELDSETS, FORM_FIELDS, FormSchemaField, VersionForm
from tongban.catalog.forms.parts import (
    FaqForm,
    FaqFormSet,
    FeeForm,
    FeeFormSet,
    LegalBasisForm,
    LegalBasisFormSet,
    MaterialForm,
    MaterialFormSet,
    formset_rows,
    legal_basis_initial,
    part_initial,
)

__all__ = [
    "FIELDSETS",
    "FORM_FIELDS",
    "FaqForm",
    "FaqFormSet",
    "FeeForm",
    "FeeFormSet",
    "FormSchemaField",
    "GuideFileField",
    "ItemNamesForm",
    "LegalBasisForm",
    "LegalBasisFormSet",
    "MaterialForm",
    "MaterialFormSet",
    "NewImplementationForm",
    "ReturnForm",
    "VersionForm",
    "formset_rows",
    "harden_text_fields",
    "legal_basis_initial",
    "part_initial",
    "reject_control_characters",
]
