"""The error summary every page gets from base.html: every problem listed and linked, focus, "错误：" in the title,
no internal codes for citizens."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


class _Form(forms.Form):
    name = forms.CharField(label="申请人姓名", help_text="与身份证一致")
    purpose = forms.ChoiceField(
        label="查询用途", choices=[("job", "就业"), ("visa", "签证")], widget=forms.RadioSelect
    )
    agree = forms.BooleanField(label="本人承诺")


class _Junk(forms.Form):
    in_error_summary = False
    q = forms.IntegerField()


def _page(user: Any = None, **context: Any) -> str:
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return render_to_string("base.html", context, request=request)


def _summary(html: str) -> str:
    match = re.search(r'<div class="tb-error-summary".*?</div>', html, flags=re.S)
    return match.group(0) if match else ""


def test_it_lists_every_field_error_linked_to_its_control_and_prefixes_the_title() -> None:
    form = _Form({"name": ""})
    form.is_valid()
    html = _page(form=form)
    summary = _summary(html)
    assert "<title>错误：" in html
    assert 'id="error-summary"' in summary and "autofocus" in summary and 'tabindex="-1"' in summary
    links = re.findall(r'<a href="#([^"]+)">', summary)
    assert links == [
        "id_name",
        "id_purpose_0",
        "id_agree",
    ]  # every error, in field order; a radio group's first radio
    assert "申请人姓名" in summary and "查询用途" in summary and "本人承诺" in summary


def test_it_shows_the_refusal_message_without_its_code_to_a_citizen() -> None:
    html = _page(error={"code": "DELIVERY_ADDRESS_REQUIRED", "message": "请填写邮寄地址。"})
    summary = _summary(html)
    assert "请填写邮寄地址。" in summary
    assert 'data-error-code="DELIVERY_ADDRESS_REQUIRED"' in summary  # for tests and support, not shown
    assert "DELIVERY_ADDRESS_REQUIRED<" not in summary and "错误代码" not in summary


def test_staff_see_the_code_small_to_quote_to_the_helpdesk() -> None:
    from tongban.accounts.choices import Role
    from tongban.accounts.testing import make_staff
    from tongban.portal.tests.factories import make_department

    clerk = make_staff("summary_clerk", Role.CLERK, department=make_department())
    summary = _summary(
        _page(user=clerk, error={"code": "CASE_STATE_CONFLICT", "message": "办件状态已变化。"})
    )
    assert "错误代码：CASE_STATE_CONFLICT" in summary


def test_it_leaves_out_forms_the_view_did_not_validate_and_forms_that_drop_junk() -> None:
    unvalidated = _Form({"name": ""})  # bound, but is_valid() never called: its errors were never shown
    junk = _Junk({"q": "x"})
    junk.is_valid()
    html = _page(form=unvalidated, search=junk)
    assert 'id="error-summary"' not in html and "<title>错误：" not in html
    assert unvalidated._errors is None  # not validated by the template either


def test_a_page_without_problems_has_no_summary() -> None:
    form = _Form({"name": "王秀英", "purpose": "job", "agree": "on"})
    assert form.is_valid()
    html = _page(form=form)
    assert 'id="error-summary"' not in html and "<title>错误：" not in html


def test_the_field_partials_render_the_ids_aria_describedby_names() -> None:
    form = _Form({"name": ""})
    form.is_valid()
    html = "".join(
        render_to_string(template, {"field": form[name]})
        for template in ("cases/_partials/field.html", "catalog/_partials/field.html")
        for name in ("name", "purpose")
    )
    referenced = {ref for refs in re.findall(r'aria-describedby="([^"]+)"', html) for ref in refs.split()}
    assert referenced >= {"id_name_helptext", "id_name_error", "id_purpose_error"}
    for ref in referenced:
        assert f'id="{ref}"' in html, ref
    assert re.search(r'<fieldset[^>]*aria-describedby="id_purpose_error"', html)  # the radio group's error
