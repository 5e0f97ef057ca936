"""Date expressions in running text, and sentence splitting.

``find_dates`` recognises the forms articles use ("January 4, 1992",
"4 January 1992", "March 2008", "2019", "May 19–21, 2013", "12–14 October
2012", "2006–2008", "the 1990s"), with an optional hedge ("since 2006",
"approximately 2016"). Numbers that are not dates stay out: "1,137",
"17.5%", "US$2 billion", "10.977", "50 countries", "2000 troops".
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from typing import Literal

import attrs

__all__ = ["DateSpan", "find_dates", "split_sentences"]

Precision = Literal["day", "month", "year"]


@attrs.frozen
class DateSpan:
    """A date or a range of dates, as precise as the text says.

    ``start``/``end`` bound it (``March 2008`` is 2008-03-01 to 2008-03-31),
    ``text`` is what the article wrote, ``qualifier`` a hedge before it
    (``since``, ``approximately``, ...) in lower case.
    """

    start: datetime.date
    end: datetime.date
    precision: Precision
    text: str
    qualifier: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """JSON-ready: ISO dates."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "text": self.text,
            "qualifier": self.qualifier,
        }


# English month names are part of the format: not calendar.month_name, which
# follows the process locale (under de_DE "January" was no month at all).
_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS.update({name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)})
_MONTHS["sept"] = 9

_M = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
     r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # fmt: skip
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[5-9]\d\d|20\d\d)"
_TO = r"\s*(?:[–—-]|to|until)\s*"
# A year stands alone: no digit, decimal point, thousands comma or currency
# sign glued to it, no % after it, and not a count of something.
_ALONE_BEFORE = r"(?<![\d.,$£€¥])"
_ALONE_AFTER = (
    r"(?!\d|%|[.,]\d|\s*(?:people|persons|soldiers|troops|km|kilometres|kilometers|miles|square"
    r"|tons|tonnes|metres|meters|feet|units|students|households|families|deaths|casualties"
    r"|refugees|workers|members|vehicles|dollars|years)\b)"
)
_QUALIFIERS = (
    "since|until|till|before|after|by|from|around|about|approximately|approx\\.|roughly"
    "|circa|ca\\.|c\\.|early|mid|late|as of|as early as|as late as|no later than"
)

_QUALIFIER = f"(?:{_QUALIFIERS})"
# A hedge right before a date: searched back from where the date starts.
_HEDGE = re.compile(rf"\b(?P<q>{_QUALIFIER}(?:\s+{_QUALIFIER})*)(?:\s+the)?[\s-]+$")
# Where a date can start: a number or a capitalised word (checked to be a month).
_CANDIDATE = re.compile(r"\d+|[A-Z][a-z]+")


@functools.cache
def _date_pattern() -> re.Pattern[str]:
    """The date expressions, compiled on first use (keeps ``import wikirel`` fast)."""
    return re.compile(
        r"(?P<date>"
        rf"(?P<mdmd>(?P<m1>{_M})\s+(?P<d1>{_D}){_TO}(?P<m2>{_M})\s+(?P<d2>{_D}),?\s+(?P<y1>{_Y}))"
        rf"|(?P<mdd>(?P<m3>{_M})\s+(?P<d3>{_D}){_TO}(?P<d4>{_D}),?\s+(?P<y2>{_Y}))"
        rf"|(?P<mdy>(?P<m4>{_M})\s+(?P<d5>{_D}),?\s+(?P<y3>{_Y}))"
        rf"|(?P<dmdm>\b(?P<d6>{_D})\s+(?P<m5>{_M}){_TO}(?P<d7>{_D})\s+(?P<m6>{_M})\s+(?P<y4>{_Y}))"
        rf"|(?P<ddm>\b(?P<d8>{_D}){_TO}(?P<d9>{_D})\s+(?P<m7>{_M})\s+(?P<y5>{_Y}))"
        rf"|(?P<dmy>\b(?P<d10>{_D})\s+(?P<m8>{_M}),?\s+(?P<y6>{_Y}))"
        rf"|(?P<mmy>(?P<m9>{_M}){_TO}(?P<m10>{_M}),?\s+(?P<y7>{_Y}))"
        rf"|(?P<my>(?P<m11>{_M}),?\s+(?:of\s+)?(?P<y8>{_Y}))"
        rf"|(?P<yy>{_ALONE_BEFORE}\b(?P<y9>{_Y}){_TO}(?P<y10>{_Y}|\d\d)\b{_ALONE_AFTER})"
        rf"|(?P<decade>\b(?P<y11>1[5-9]\d0|20\d0)s\b)"
        rf"|(?P<y>{_ALONE_BEFORE}\b(?P<y12>{_Y})\b{_ALONE_AFTER})"
        r")\b",
    )


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _span(match: re.Match[str]) -> tuple[datetime.date, datetime.date, Precision]:
    g = match.group
    d = datetime.date
    if g("mdmd"):
        y = int(g("y1"))
        return d(y, _month(g("m1")), _day(g("d1"))), d(y, _month(g("m2")), _day(g("d2"))), "day"
    if g("mdd"):
        y, m = int(g("y2")), _month(g("m3"))
        return d(y, m, _day(g("d3"))), d(y, m, _day(g("d4"))), "day"
    if g("mdy"):
        day = d(int(g("y3")), _month(g("m4")), _day(g("d5")))
        return day, day, "day"
    if g("dmdm"):
        y = int(g("y4"))
        return d(y, _month(g("m5")), _day(g("d6"))), d(y, _month(g("m6")), _day(g("d7"))), "day"
    if g("ddm"):
        y, m = int(g("y5")), _month(g("m7"))
        return d(y, m, _day(g("d8"))), d(y, m, _day(g("d9"))), "day"
    if g("dmy"):
        day = d(int(g("y6")), _month(g("m8")), _day(g("d10")))
        return day, day, "day"
    if g("mmy"):
        y = int(g("y7"))
        return d(y, _month(g("m9")), 1), _month_end(y, _month(g("m10"))), "month"
    if g("my"):
        y, m = int(g("y8")), _month(g("m11"))
        return d(y, m, 1), _month_end(y, m), "month"
    if g("yy"):
        start, end = g("y9"), g("y10")
        if len(end) == 2:
            end = start[:2] + end
        return d(int(start), 1, 1), d(int(end), 12, 31), "year"
    if g("decade"):
        y = int(g("y11"))
        return d(y, 1, 1), d(y + 9, 12, 31), "year"
    y = int(g("y12"))
    return d(y, 1, 1), d(y, 12, 31), "year"


def find_dates(text: str) -> tuple[DateSpan, ...]:
    """Every date expression in ``text``, in order.

    >>> [(s.start.isoformat(), s.end.isoformat(), s.precision) for s in find_dates("May 19–21, 2013")]
    [('2013-05-19', '2013-05-21', 'day')]
    >>> [s.qualifier for s in find_dates("present since approximately 2016")]
    ['since approximately']
    >>> find_dates("1,137 square km, 17.5%, US$2 billion, 50 countries, 10.977")
    ()
    """
    spans = []
    date = _date_pattern().match
    end = 0
    for candidate in _CANDIDATE.finditer(text):
        start, word = candidate.start(), candidate.group()
        if start < end or not (word[0].isdigit() or word.lower() in _MONTHS):
            continue
        match = date(text, start)
        if match is None:
            continue
        end = match.end()  # an impossible date is skipped whole, its year too
        try:
            first, last, precision = _span(match)
        except ValueError:  # February 30 and the like: not a date
            continue
        if last < first:
            continue
        hedge = _HEDGE.search(text, max(0, start - 60), start)
        qualifier = hedge.group("q").lower() if hedge else None
        spans.append(DateSpan(first, last, precision, match.group("date"), qualifier))
    return tuple(spans)


_ABBREVIATIONS = frozenset(
    re.findall(
        r"\S+",
        """adm al approx apr aug ca capt cf co col corp dec dept dr e.g est etc feb fig gen gov i.e inc
        jan jr jul jun lt ltd maj mar messrs mr mrs ms mt no nov oct pp pres prof rep rev sen sept sep
        sgt sr st vs""",
    )
)
_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_INITIAL = re.compile(r"[a-z]")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")  # U.S, U.N


def split_sentences(text: str) -> list[str]:
    """Split running text into sentences.

    Does not split after abbreviations ("Gen.", "U.S."), initials ("J."),
    or inside numbers ("17.5"). Linear in the length of ``text``: each
    candidate end looks back only over the word before it.

    >>> split_sentences("Gen. J. Smith met U.S. envoys. Trade grew 17.5% in 2012. Then?  Yes.")
    ['Gen. J. Smith met U.S. envoys.', 'Trade grew 17.5% in 2012.', 'Then?', 'Yes.']
    """
    text = str.__str__(text)
    sentences = []
    start = 0
    for match in _END.finditer(text):
        dot = match.start()
        if text[dot] == ".":
            word = dot
            while word > start and not text[word - 1].isspace():
                word -= 1
            if word < dot:
                token = text[word:dot].lstrip("\"'“‘([").lower()
                if token in _ABBREVIATIONS or _INITIAL.fullmatch(token) or _DOTTED.fullmatch(token):
                    continue
        end = match.end()
        sentence = text[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = end
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences
