"""Fill ``en/LC_MESSAGES/django.po`` from the English glossary in ``en_glossary.py``, then report what is left.

Usage (from the repository root)::

    .venv/bin/django-admin makemessages -l en --ignore ".venv/*" --ignore "var/*" --ignore "tests/*"
    .venv/bin/python tongban/locale/fill_en.py            # fills msgstr, prints untranslated msgids
    cd tongban && ../.venv/bin/django-admin compilemessages -l en

Only empty (or fuzzy) msgstr are filled, so a hand-edited translation in the .po is never overwritten. The PO
reader is deliberately small (no dependency): it understands what ``makemessages`` writes.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PO_PATH = HERE / "en" / "LC_MESSAGES" / "django.po"

sys.path.insert(0, str(HERE))
from en_glossary import EN  # noqa: E402


@dataclass
class Entry:
    comments: list[str] = field(default_factory=list)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)  # index -1 for plain msgstr
    has_msgid: bool = False  # False for a block of comments only


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    text = text.strip()
    assert text.startswith('"') and text.endswith('"'), text
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def _quote(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    if "\n" in escaped.rstrip("\n") or len(escaped) > 70:
        parts = escaped.split("\n")
        lines = [p + "\\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
        return '""\n' + "\n".join(f'"{line}"' for line in lines)
    return '"' + escaped.replace("\n", "\\n") + '"'


def parse(text: str) -> list[Entry]:
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, int] | None = None

    def flush() -> None:
        nonlocal current
        if current.has_msgid:
            entries.append(current)
        current = Entry()

    for raw in text.splitlines():
        line = raw.rstrip("\n")
        if not line.strip():
            flush()
            target = None
            continue
        if line.startswith("#~"):
            continue  # obsolete entries: makemessages brings a msgid back when it is used again
        if line.startswith("#"):
            if current.has_msgid:
                flush()
            current.comments.append(line)
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
        if match:
            key, index, value = match.group(1), match.group(2), _unquote(match.group(3))
            if key == "msgctxt":
                current.msgctxt = value
                target = ("msgctxt", 0)
            elif key == "msgid":
                current.msgid = value
                current.has_msgid = True
                target = ("msgid", 0)
            elif key == "msgid_plural":
                current.msgid_plural = value
                target = ("msgid_plural", 0)
            else:
                i = int(index) if index is not None else -1
                current.msgstr[i] = value
                target = ("msgstr", i)
            continue
        if line.startswith('"') and target is not None:
            value = _unquote(line)
            kind, i = target
            if kind == "msgstr":
                current.msgstr[i] += value
            elif kind == "msgctxt":
                current.msgctxt = (current.msgctxt or "") + value
            else:
                setattr(current, kind, getattr(current, kind) + value)
    flush()
    # Only the first entry may have an empty msgid (the header); a stray one makes msgfmt fail.
    return entries[:1] + [e for e in entries[1:] if e.msgid]


def render(entries: list[Entry]) -> str:
    out = []
    for entry in entries:
        lines = list(entry.comments)
        if entry.msgctxt is not None:
            lines.append("msgctxt " + _quote(entry.msgctxt))
        lines.append("msgid " + _quote(entry.msgid))
        if entry.msgid_plural is not None:
            lines.append("msgid_plural " + _quote(entry.msgid_plural))
        for i in sorted(entry.msgstr):
            key = "msgstr" if i == -1 else f"msgstr[{i}]"
            lines.append(f"{key} " + _quote(entry.msgstr[i]))
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)[sd]|\{\{\s*\w+\s*\}\}|%[sd]", text))


def main() -> int:
    entries = parse(PO_PATH.read_text(encoding="utf-8"))
    missing = []
    bad = []
    for entry in entries:
        if entry.msgid == "":
            # Header: drop the fuzzy flag so msgfmt uses it, and name the language.
            entry.comments = [c for c in entry.comments if c != "#, fuzzy"]
            header = entry.msgstr.get(-1, "")
            header = header.replace("Language: \\n", "Language: en\\n").replace(
                "Language: \n", "Language: en\n"
            )
            for default, value in (
                ("Project-Id-Version: PACKAGE VERSION", "Project-Id-Version: Tongban"),
                ("PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE", "PO-Revision-Date: 2026-11-23 00:00+0000"),
                ("Last-Translator: FULL NAME <EMAIL@ADDRESS>", "Last-Translator: Tongban contributors"),
                ("Language-Team: LANGUAGE <LL@li.org>", "Language-Team: English"),
            ):
                header = header.replace(default, value)
            entry.msgstr[-1] = header
            continue
        fuzzy = any(c.startswith("#,") and "fuzzy" in c for c in entry.comments)
        has_text = all(entry.msgstr.values()) and entry.msgstr
        if has_text and not fuzzy:
            continue
        translation = EN.get(entry.msgid)
        if translation is None:
            missing.append(entry.msgid)
            continue
        if entry.msgid_plural is not None:
            singular, plural = translation if isinstance(translation, tuple) else (translation, translation)
            candidates = {0: singular, 1: plural}
        else:
            candidates = {-1: translation if isinstance(translation, str) else translation[0]}
        if any(_placeholders(value) != _placeholders(entry.msgid) for value in candidates.values()):
            bad.append(entry.msgid)
            continue
        entry.msgstr = candidates
        entry.comments = [re.sub(r",?\s*fuzzy", "", c) if c.startswith("#,") else c for c in entry.comments]
        entry.comments = [c for c in entry.comments if c.strip() != "#,"]
        entry.comments = [c for c in entry.comments if not c.startswith("#| ")]
    PO_PATH.write_text(render(entries), encoding="utf-8")
    for msgid in bad:
        print("PLACEHOLDER MISMATCH:", repr(msgid))
    for msgid in missing:
        print("MISSING:", repr(msgid))
    print(f"{len(entries) - 1} entries, {len(missing)} untranslated, {len(bad)} placeholder mismatches")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
