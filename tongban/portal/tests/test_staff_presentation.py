"""What staff read: short fingerprints, real placeholders in dropdowns, counts by warning level."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from tongban.cases.forms import AddSignerForm
from tongban.core.templatetags.tongban import fingerprint, placeholder
from tongban.organizations.models import Department

pytestmark = pytest.mark.django_db

DIGEST = hashlib.sha256(b"material").hexdigest()


def test_a_fingerprint_shows_twelve_hex_characters_and_keeps_the_whole_value_at_hand() -> None:
    html = render_to_string("_partials/fingerprint.html", {"digest": DIGEST})
    visible = re.sub(r"<[^>]+>", " ", re.sub(r'\s(title|data-[a-z-]+)="[^"]*"', "", html))
    assert DIGEST[:12] in visible and DIGEST not in visible
    assert f'title="SHA-256 {DIGEST}"' in html and f'data-tb-copy="{DIGEST}"' in html
    assert fingerprint(DIGEST) == DIGEST[:12] and fingerprint(None) == ""


def test_the_add_signer_dropdown_has_a_worded_placeholder() -> None:
    from tongban.portal.tests.factories import make_department

    make_department()
    form = AddSignerForm(departments=Department.objects.all())
    html = str(placeholder(form["department"], "请选择加签部门"))
    first = re.search(r"<option[^>]*>([^<]*)</option>", html)
    assert first and first.group(1) == "请选择加签部门" and 'value=""' in first.group(0)
    assert "---------" not in html
    # The form itself carries the worded placeholder, so every page that renders it shows the same.
    assert "---------" not in str(AddSignerForm(departments=Department.objects.all())["department"])


def _supervision(**context: object) -> str:
    request = RequestFactory().get("/cases/supervision/")
    from django.contrib.auth.models import AnonymousUser
    from django.core.paginator import Paginator

    request.user = AnonymousUser()
    context = {"page": Paginator([], 30).get_page(1), "states": [], "level": "", **context}
    return render_to_string("cases/supervision.html", context, request=request)


def test_the_supervision_page_shows_counts_by_warning_level_when_the_view_gives_them() -> None:
    html = _supervision(level_counts={"red": 3, "yellow": 5, "green": 12, "none": 4}, level="red")
    counts = dict(re.findall(r'data-level-count="(\w+)"[^>]*>[^<]*<strong>(\d+)</strong>', html))
    assert counts == {"red": "3", "yellow": "5", "green": "12", "none": "4"}
    assert re.search(r'href="\?level=red" aria-current="true"', html)
    # Without level_counts the page still renders, without the counts.
    assert 'id="level-counts"' not in _supervision()
