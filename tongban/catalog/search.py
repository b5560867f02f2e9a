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

# English words people type on the English UI for Chinese official phrases (decision record 0006). Index-side, like
# ALIASES: when the phrase occurs in an implementation's text the words are added to its segmented text, and when
# it occurs in the item's name they count as words of the name for ranking.
EN_ALIASES: dict[str, tuple[str, ...]] = {
    "营业执照": ("business", "licence"),
    "个体工商户": ("business", "licence", "sole", "proprietor"),
    "公司": ("company", "business"),
    "企业": ("company", "business", "enterprise"),
    "护照": ("passport",),
    "出入境": ("passport", "travel", "exit", "entry"),
    "港澳": ("hong", "kong", "macao", "travel", "permit"),
    "结婚": ("marriage", "wedding"),
    "离婚": ("marriage", "divorce"),
    "婚姻": ("marriage",),
    "身份证": ("identity", "card", "id"),
    "居住证": ("residence", "permit"),
    "户口": ("household", "registration", "hukou"),
    "驾驶证": ("driving", "licence", "driver"),
    "机动车": ("vehicle", "car"),
    "最低生活保障": ("subsistence", "allowance", "welfare", "dibao"),
    "低保": ("subsistence", "allowance", "welfare", "dibao"),
    "养老": ("pension", "retirement"),
    "社会保险": ("social", "insurance"),
    "社保": ("social", "insurance"),
    "医疗保险": ("medical", "insurance"),
    "医保": ("medical", "insurance"),
    "失业": ("unemployment",),
    "公积金": ("housing", "fund", "provident"),
    "出生": ("birth",),
    "生育": ("birth", "maternity"),
    "死亡": ("death",),
    "残疾": ("disability", "disabled"),
    "无犯罪": ("criminal", "record", "police", "certificate"),
    "食品": ("food",),
    "药品": ("drug", "pharmacy", "medicine"),
    "医师": ("doctor", "physician"),
    "护士": ("nurse",),
    "教师": ("teacher",),
    "学校": ("school",),
    "建筑": ("construction", "building"),
    "施工许可": ("construction", "permit"),
    "规划": ("planning",),
    "不动产": ("property", "real", "estate"),
    "房屋": ("housing", "house"),
    "道路运输": ("road", "transport"),
    "出租": ("taxi",),
    "烟草": ("tobacco",),
    "环境影响": ("environmental", "impact"),
    "排污": ("pollution", "discharge"),
    "退役军人": ("veteran",),
    "许可": ("licence", "permit"),
    "登记": ("registration",),
    "证明": ("certificate",),
}
# One spelling per English word on both sides, so "license", "licenses" and "licence" meet (after plurals).
EN_SYNONYMS: dict[str, str] = {
    "license": "licence",
    "licensing": "licence",
    "wedding": "marriage",
    "married": "marriage",
    "marry": "marriage",
    "divorced": "divorce",
    "registry": "registration",
    "register": "registration",
    "registering": "registration",
    "hukou": "household",
    "doctor": "physician",
    "ids": "id",
    "certification": "certificate",
    "pensions": "pension",
    "permission": "permit",
    "firm": "company",
    "welfare": "allowance",
}
_EN_STOP = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "for",
        "and",
        "or",
        "to",
        "in",
        "on",
        "my",
        "i",
        "how",
        "do",
        "get",
        "apply",
        "application",
    }
)
_ASCII_WORD = re.compile(r"^[a-z0-9]+$")

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


def normalise_english(token: str) -> str:
    """One spelling of an English word: lower case, a plain plural made singular, then :data:`EN_SYNONYMS`."""
    token = token.lower()
    if not _ASCII_WORD.match(token):
        return token
    token = EN_SYNONYMS.get(token, token)
    if len(token) > 4 and token.endswith("ies"):
        token = token[:-3] + "y"
    elif len(token) > 4 and token.endswith(("sses", "xes", "ches", "shes")):
        token = token[:-2]
    elif len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-1]
    return EN_SYNONYMS.get(token, token)


def english_terms(text: str, name_en: str = "") -> list[str]:
    """English words for ``text`` (a Chinese name): the words of ``name_en`` plus :data:`EN_ALIASES` of its phrases."""
    words = [normalise_english(w) for w in re.findall(r"[A-Za-z0-9]+", name_en or "")]
    for phrase, aliases in EN_ALIASES.items():
        if phrase in text:
            words.extend(normalise_english(a) for a in aliases)
    seen: list[str] = []
    for word in words:
        if word and word not in _EN_STOP and word not in seen:
            seen.append(word)
    return seen


def segment_for_index(text: str) -> str:
    """Space-joined ``cut_for_search`` tokens of ``text`` plus the aliases of the official phrases it contains.

    English words (the English name, :data:`EN_ALIASES`) are normalised with :func:`normalise_english`.
    """
    jieba = _jieba()
    tokens = [normalise_english(t.strip()) for t in jieba.cut_for_search(_NON_WORD.sub(" ", text))]
    tokens = [t for t in tokens if t]
    for phrase, aliases in ALIASES.items():
        if phrase in text:
            tokens.extend(aliases)
    tokens.extend(english_terms(text))
    return " ".join(tokens)


def segment_query(cleaned: str) -> list[str]:
    """Precise-mode tokens of a cleaned query, without stop words, deduplicated, in order."""
    jieba = _jieba()
    seen: list[str] = []
    for part in cleaned.split():
        for token in jieba.cut(part):
            token = normalise_english(token.strip())
            if token and token not in _STOP_TOKENS and token not in _EN_STOP and token not in seen:
                seen.append(token)
    if not seen:
        # A query made only of stop words ("办理") still searches for itself.
        seen = [normalise_english(t) for t in cleaned.split() if t]
    return seen
