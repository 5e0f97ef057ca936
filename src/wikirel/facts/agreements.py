"""Treaties, agreements, memoranda ... signed, concluded or ratified, from running text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._prose_classes import Agreement as Agreement  # re-exported: its public name
from ._text import Sentence, folded_twin, scan, word_start

_KIND = re.compile(
    r"(?:(?P<treaty>[Tt]reat(?:y|ies))|(?P<agreement>[Aa]greements?)"
    r"|(?P<memorandum>[Mm]emorand(?:um|ums|a)|MOUs?|MoUs?)|(?P<protocol>[Pp]rotocols?)"
    r"|(?P<declaration>[Dd]eclarations?)|(?P<convention>[Cc]onventions?)|(?P<accord>[Aa]ccords?))\b"
)
# What every _KIND starts with, case-folded (see ``scan``).
_STARTS = ("treat", "agreement", "memorand", "mou", "protocol", "declaration", "convention", "accord")
_VERB = re.compile(r"(?i)\b(?:sign(?:ed|ing)|conclud(?:ed|ing)|ratif(?:ied|ying))\b")
_VERB_FOLDED = folded_twin(_VERB)  # for an ASCII sentence (see Sentence.search), as the other _FOLDED
_NOT_DONE = re.compile(
    r"(?i)\b(?:to|not|never|towards?|resisted|refused|without|will|would|plans?\s+to|before)\s+$"
)
_NOT_DONE_FOLDED = folded_twin(_NOT_DONE)
_PASSIVE = re.compile(
    r"(?i)(?:\s*\([^()]{0,40}\))?,?\s+(?:which\s+)?(?:(?:was|were|has\s+been|had\s+been|have\s+been)\s+)?"
    r"(?:\w+ly\s+)?(?:signed|concluded|ratified)\b"
)
_NAMED = re.compile(
    r"\s(?:called|named|known\s+as)\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,5})"
)
_NAME_TAIL = re.compile(r"(?:\s+(?:of|on|for|and)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}){0,4}")
_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}  # fmt: skip
# A count before a plural kind word ("signed 200 agreements", "two bilateral treaties"); never
# a number after a preposition ("in 1995 signed agreements" holds a year, not a count).
_COUNT = re.compile(
    r"(?i)(?<!\bin\s)(?<!\bon\s)(?<!\bby\s)(?<!\bof\s)(?<!\bsince\s)(?<!\bfrom\s)"
    r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(_NUMBERS) + r")\s+(?:(?![a-z]*(?:ed|ing)\s)[a-z]+\s+)?$"
)
_DETERMINERS = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "Their",
        "Both",
        "On",
        "In",
        "Under",
        "By",
        "With",
    ]
)
_CHAIN = re.compile(r"(?i)\s*(?:,\s*(?:and\s+)?|and\s+)(?:an?\s+|the\s+)?")
_DEFINITE = re.compile(r"\b[Tt]he\s+$")
_NAME_WORDS = 8  # words of a name before its kind word, at most
_WINDOW = 80  # characters between a verb and the agreement it governs


def _name(sentence: Sentence, start: int, end: int) -> tuple[str | None, int, int]:
    """The agreement's name around the kind word at ``text[start:end]``, with its span."""
    text = sentence.text
    if not text[start].isupper() or text[start:end].isupper():
        return None, start, end
    spans = sentence.word_spans
    index = sentence.word_at(start)
    first = index
    while first > max(0, index - _NAME_WORDS):
        at, stop = spans[first - 1]
        # No word starts at the kind word when it ends one ("a Border-Treaty"): nothing joins it.
        gap = text[stop : spans[first][0]] if first < len(spans) else ""
        word = text[at:stop]
        if gap != " " or not word[0].isupper() or word in _DETERMINERS or word.endswith("."):
            break
        first -= 1
    tail = _NAME_TAIL.match(text, end)
    stop = tail.end() if tail else end
    begin = spans[first][0] if first < index else start
    name = text[begin:stop]
    if first == index and stop == end:
        return None, start, end  # a capitalised kind word alone ("Agreement") names nothing
    return name, begin, stop


def read_agreements(sentences: Iterable[Sentence]) -> list[Agreement]:
    """The agreements the sentences say were signed, concluded or ratified."""
    out: list[Agreement] = []
    paragraph: list[Agreement] = []  # the agreements told so far in this paragraph or list item
    current = -1  # which paragraph that is (the sentences may be only those that name agreements)
    for sentence in sentences:
        if sentence.previous is None or sentence.paragraph != current:
            paragraph = []
            current = sentence.paragraph
        if "agreements" not in sentence.families:
            continue
        text = sentence.text
        previous_end = -1  # where the last agreement of this sentence ended
        previous_verb: tuple[int, int] | None = None
        for found in scan(_KIND, _STARTS, text, sentence.folded):
            if not word_start(text, found.start()):
                continue
            kind = found.lastgroup
            start, end = found.span()
            if kind is None or start < previous_end:
                continue
            if 0 <= start - previous_end <= 4 and text[previous_end:start].strip() == "(":
                continue  # "memorandums of understanding (MOU)": one agreement
            name, begin, stop = _name(sentence, start, end)
            verb: tuple[int, int] | None = None
            if previous_verb is not None and _CHAIN.fullmatch(text, previous_end, begin):
                verb = previous_verb
            else:
                if text.isascii():
                    verbs = list(_VERB_FOLDED.finditer(sentence.folded, max(0, begin - _WINDOW), begin))
                else:
                    verbs = list(_VERB.finditer(text, max(0, begin - _WINDOW), begin))
                if (
                    verbs
                    and not _KIND.search(text, verbs[-1].end(), begin)
                    and "." not in text[verbs[-1].end() : begin]
                ):
                    verb = verbs[-1].span()
                if verb is None:
                    passive = _PASSIVE.match(text, stop)
                    if passive:
                        verb = (passive.end() - 1, passive.end())
            if verb is None or sentence.search(_NOT_DONE, _NOT_DONE_FOLDED, max(0, verb[0] - 20), verb[0]):
                continue
            if sentence.third_country(min(verb[0], begin), max(verb[1], stop)):
                continue
            count_match = (
                _COUNT.search(text, max(0, begin - 30), begin) if found.group().endswith("s") else None
            )
            count = None
            if count_match:
                number = count_match["n"].replace(",", "")
                count = int(number) if number.isdigit() else _NUMBERS[number.casefold()]
            if name is None:
                named = _NAMED.search(text[stop : stop + _WINDOW])
                name = named["name"] if named else None
            if (
                name is None
                and count is None
                and _DEFINITE.search(text, max(0, begin - 5), begin)
                and any(a.kind == kind for a in paragraph)
                and sentence.date_near(verb[0], stop) is None
            ):
                continue  # "The agreement was signed in Moscow": the one told before, and no date of its own
            lo = count_match.start() if count_match else begin
            date = sentence.date_near(min(verb[0], lo), max(verb[1], stop), exclude=(lo, stop))
            out.append(Agreement(kind, name, date, count, text, sentence.source))  # type: ignore[arg-type]
            paragraph.append(out[-1])
            previous_end, previous_verb = stop, verb
    return out
