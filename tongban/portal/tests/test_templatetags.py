"""Template helpers of the portal."""

from __future__ import annotations

from tongban.portal.templatetags.portal import as_steps, choice_labels


def test_numbered_guide_text_becomes_steps() -> None:
    text = "1. 在线预约并填写申请信息；2. 本人到出入境窗口采集指纹、人像；3. 受理并收费。"
    assert as_steps(text) == ["在线预约并填写申请信息", "本人到出入境窗口采集指纹、人像", "受理并收费"]
    assert as_steps("1、申请\n2、受理\n3、决定") == ["申请", "受理", "决定"]


def test_text_that_is_not_numbered_steps_is_left_alone() -> None:
    assert as_steps("申请人为本市户籍居民。") == []
    assert as_steps("1. 只有一步") == []
    assert as_steps("") == [] and as_steps(None) == []
    assert as_steps("2024年1月1日起施行") == []


def test_choice_labels_keep_unknown_codes() -> None:
    assert choice_labels(["1", "4", "x"], "HandlingForm") == ["窗口办理", "快递申请", "x"]
