"""Chinese segmentation for the catalog search index (decision record 0006).

jieba ``cut_for_search`` on the indexed side emits both whole words and their sub-words (许可证 → 许可, 许可证),
so a query segmented in precise mode finds them. Kept apart from ``queries`` and ``services`` because both use it.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any

# Everyday names people type for items whose official names say something else. Index-side: when the official
# phrase occurs in an implementation's text, the colloquial words are added to its segmented text.
ALIASES: dict[str, tuple[str, ...]] = {
    "最低生活保障": ("低保",),
    "居民身份证": ("身份证",),
    "普通护照": ("护照",),
    "出入境": ("出国", "护照"),
    "结婚登记": ("婚姻", "结婚"),
    "离婚登记": ("婚姻", "离婚"),
    "机动车驾驶证": ("驾照", "驾驶证"),
    "营业执照": ("执照",),
    "住房公积金": ("公积金",),
    "基本养老保险": ("养老", "社保"),
}

# Queries are cut to this many characters; longer input is almost certainly pasted junk.
MAX_QUERY_CHARS = 50

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
# Function words that make an AND query miss without adding meaning.
_STOP_TOKENS = frozenset(
    {"的", "了", "和", "与", "及", "或", "在", "怎么", "如何", "办理", "申请", "我要", "想", "要"}
)


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def clean_query(q: str | None) -> str:
    """The query reduced to word characters (CJK, letters, digits) separated by single spaces; '' when junk."""
    if not q:
        return ""
    text = _NON_WORD.sub(" ", str(q)[: MAX_QUERY_CHARS * 2]).replace("_", " ")
    return " ".join(text.split())[:MAX_QUERY_CHARS].strip()


def segment_for_index(text: str) -> str:
    """Space-joined ``cut_for_search`` tokens of ``text`` plus the aliases of the official phrases it contains."""
    jieba = _jieba()
    tokens = [t.strip().lower() for t in jieba.cut_for_search(_NON_WORD.sub(" ", text))]
    tokens = [t for t in tokens if t]
    for phrase, aliases in ALIASES.items():
        if phrase in text:
            tokens.extend(aliases)
    return " ".join(tokens)


def segment_query(cleaned: str) -> list[str]:
    """Precise-mode tokens of a cleaned query, without stop words, deduplicated, in order."""
    jieba = _jieba()
    seen: list[str] = []
    for part in cleaned.split():
        for token in jieba.cut(part):
            token = token.strip().lower()
            if token and token not in _STOP_TOKENS and token not in seen:
                seen.append(token)
    if not seen:
        # A query made only of stop words ("办理") still searches for itself.
        seen = [t.lower() for t in cleaned.split() if t]
    return seen
