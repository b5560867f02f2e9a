"""What a browser submits for a form on a rendered page (HTML form submission rules, no JavaScript).

Used to prove the editor round trip: the test reads the page exactly as served and posts back what a browser
would, so a field the template does not carry, or carries lossily, shows up as a difference.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any


class _FormParser(HTMLParser):
    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.depth = 0  # >0 while inside the wanted form
        self.pairs: list[tuple[str, str]] = []
        self.textarea: dict[str, Any] | None = None
        self.select: dict[str, Any] | None = None
        self.option: dict[str, Any] | None = None
        self.file_inputs: list[str] = []

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: (v if v is not None else "") for k, v in attrs_list}
        if tag == "form":
            if self.depth:
                self.depth += 1
            elif attrs.get("id") == self.form_id:
                self.depth = 1
            return
        if not self.depth or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.pairs.append((name, attrs.get("value", "on")))
            elif kind == "file":
                self.file_inputs.append(name)
            elif kind not in ("submit", "button", "reset", "image"):
                self.pairs.append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = {"name": name, "text": ""}
        elif tag == "select" and name:
            self.select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self.select is not None:
            self.option = {"value": attrs.get("value"), "selected": "selected" in attrs, "text": ""}
            self.select["options"].append(self.option)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.depth:
            self.depth -= 1
        elif tag == "textarea" and self.textarea is not None:
            text = self.textarea["text"]
            if text.startswith("\n"):
                text = text[1:]  # the HTML parser drops a newline right after <textarea>
            # Browsers submit textarea newlines as CRLF.
            self.pairs.append((self.textarea["name"], text.replace("\r\n", "\n").replace("\n", "\r\n")))
            self.textarea = None
        elif tag == "option":
            self.option = None
        elif tag == "select" and self.select is not None:
            options = self.select["options"]
            chosen = [o for o in options if o["selected"]]
            if not chosen and options and not self.select["multiple"]:
                chosen = options[:1]
            for option in chosen:
                value = option["value"] if option["value"] is not None else option["text"].strip()
                self.pairs.append((self.select["name"], value))
            self.select = None

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.textarea["text"] += data
        elif self.option is not None:
            self.option["text"] += data


def form_data(html: str, form_id: str) -> dict[str, list[str]]:
    """The name/value pairs a browser submits for ``<form id=form_id>``, grouped by name in document order."""
    parser = _FormParser(form_id)
    parser.feed(html)
    if not parser.pairs and not parser.file_inputs:
        raise AssertionError(f"no form #{form_id} on the page")
    data: dict[str, list[str]] = {}
    for name, value in parser.pairs:
        data.setdefault(name, []).append(value)
    return data
