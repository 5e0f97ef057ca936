"""Date expressions in running text.

``find_dates`` recognises the forms articles use: days ("January 4, 1992",
"4 January 1992", "the 16th of September, 1975", "August 31st of 1998",
"2010-12-31"), months ("March 2008", "June/July 1998"), years ("2019", "in
1274", "97 AD", "5000 BC"), ranges of each ("May 19–21, 2013", "2006–2008",
"from 286 to 305AD", "between 1992 and 1997"), decades ("the 1990s", "from
the 1850s to the 1890s") and centuries ("the 13th century", "second century
BCE", "12th–13th century"), with a hedge before them as the qualifier
("since 2006", "circa 1262", "early", "mid-", "late", "as of"). Numbers
that are not dates stay out: "1,137", "17.5%", "US$2 billion", "10.977",
"50 countries", "2000 troops", "900 ships", "1990 USD", "by 400 votes", "In
May 200 protesters", "Resolutions 1737 and 2231", "+44 1632 960000",
"Flag-1990.svg", "4 May 20011"; a year before 1500 counts only with an era
(AD, BC, CE, BCE) or after a word that makes it one ("in", "by", "since",
"around", "dated" ...). docs/extraction.md has the rules.
Nothing is resolved that the text does not say: "the 15th of August" with
no year, or "six years later", is no date.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from typing import TYPE_CHECKING

import attrs

from ..relation_types import Precision

if TYPE_CHECKING:
    from ..relation_types import DateSpanDict

__all__ = ["DateSpan", "find_dates"]


def _year_of(day: datetime.date | None) -> int:
    if day is None:  # pragma: no cover - a span before 1 CE always passes its years
        raise ValueError("a date before 1 CE needs start_year and end_year")
    return day.year


@attrs.frozen
class DateSpan:
    """A date or a range of dates, as precise as the text says.

    ``start``/``end`` bound it (``March 2008`` is 2008-03-01 to 2008-03-31);
    they are ``None`` for a span before 1 CE, which ``datetime.date`` cannot
    hold. ``start_year``/``end_year`` always hold the years, BCE negative
    and no year zero (5000 BC is -5000), as historians and Wikidata write
    them. ``precision`` is the unit the text names (``day`` ... ``century``),
    ``text`` is what the article wrote, ``qualifier`` a hedge before it
    (``since``, ``approximately``, ``early``, ``late`` ...) in lower case.
    """

    start: datetime.date | None
    end: datetime.date | None
    precision: Precision
    text: str
    qualifier: str | None = None
    start_year: int = attrs.field(
        kw_only=True, default=attrs.Factory(lambda self: _year_of(self.start), takes_self=True)
    )
    end_year: int = attrs.field(
        kw_only=True, default=attrs.Factory(lambda self: _year_of(self.end), takes_self=True)
    )

    def to_dict(self) -> DateSpanDict:
        """JSON-ready: ISO dates (``null`` before 1 CE) and the signed years."""
        return {
            "start": None if self.start is None else self.start.isoformat(),
            "end": None if self.end is None else self.end.isoformat(),
            "start_year": self.start_year,
            "end_year": self.end_year,
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

_ORDINAL_WORDS = {
    name: i
    for i, name in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        1,
    )
}
_ORDINAL_WORDS["twenty-first"] = 21

_M = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
     r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # fmt: skip
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
# A year that stands alone (1500-2099); with a month, any year from 100.
_Y = r"(?:1[5-9]\d\d|20\d\d)"
# A year never ends inside a longer number ("4 May 20011", "Dec 2010000").
_YM = r"(?:1\d\d\d|20\d\d|[1-9]\d\d)(?!\d|[.,]\d)"
# A year number with an era, or in a range that has one.
_YN = r"(?:[1-9]\d{0,3})"
_ERA = r"\s?(?:B\.C\.E\.|B\.C\.|BCE|BC|C\.E\.|A\.D\.|CE|AD)(?![A-Za-z])"
_TO = r"\s*(?:[–—/-]|to|until)\s*"
_ORD = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|(?:[Tt]wenty-first|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth"
    r"|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth|[Ee]leventh|[Tt]welfth|[Tt]hirteenth|[Ff]ourteenth"
    r"|[Ff]ifteenth|[Ss]ixteenth|[Ss]eventeenth|[Ee]ighteenth|[Nn]ineteenth|[Tt]wentieth))"
)
# A year stands alone: no digit, decimal point, thousands comma, currency
# sign, slash, plus or equals sign glued to it, no % after it ("+44 1632", "/2012/", "1/2000").
_ALONE_BEFORE = r"(?<![\d.,$£€¥/+#№=])"
_ALONE_AFTER = r"(?!\d|%|[.,]\d|\s*per\s+cent\b)"
# Where a bare year number ends (an era ends a year by itself).
_YEAR_END = rf"\b{_ALONE_AFTER}"
_QUALIFIERS = (
    "since|until|till|before|after|by|from|around|about|approximately|approx\\.|roughly"
    "|circa|ca\\.|c\\.|early|mid|middle of|late|as of|as early as|as late as|no later than"
)

_QUALIFIER = f"(?:{_QUALIFIERS})"
# A hedge right before a date: searched back from where the date starts.
_HEDGE = re.compile(rf"(?i)\b(?P<q>{_QUALIFIER}(?:\s+{_QUALIFIER})*)(?:\s+the)?[\s-]+$")
# Words after which a bare three- or four-digit number before 1500 is a year;
# a hedge may stand between ("in late 1066", "in the early 900s").
_YEAR_CONTEXT = re.compile(
    r"(?i)\b(?:in|by|since|from|until|till|before|after|around|about|circa|c\.|ca\.|dated|year)"
    r"\s+(?:(?:the\s+)?(?:early|mid|late)[\s-]+)?$"
)
# Words of time only (not "by", "around", "about": "by 1600 votes", "around 1500 people").
_TIME_WORD = re.compile(r"(?i)\b(?:in|since|until|till|before|after|during)\s+$")
# Words after which a number is a year even with a plural after it ("dated 987 records").
_STRONG_CONTEXT = re.compile(r"(?i)\b(?:dated|year)\s+$")
# Words after which a number is a code, not a year ("Resolution 1973", "Flights 1549 and 1550",
# "Vol. 1999", "ISO 1996", "Boeing 1998").
_CODE_CONTEXT = re.compile(
    r"(?i)\b(?:(?:resolution|article|flight|route|number|code|highway|chapter|section|paragraph|page"
    r"|room|model|decree|order|bill|form|line|volume|issue|version|type|class|series|standard|gate"
    r"|terminal|platform|unit|suite|plot|box|tel|phone|fax|ext)s?|nos?\.|pp?\.|vols?\.|iso|iec|rfc"
    r"|din|boeing|airbus|tupolev|ilyushin|antonov|elevation|altitude|height|depth|km|mile|kilometre"
    r"|kilometer)\s+$"
)
_LIST_END = re.compile(r"\s*,?\s*(?:and|or)\s+")  # before a list's last item
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
# The word after a number, if any ("1990 USD", "400 votes", "1900 m").
_WORD_AFTER = re.compile(r"[ \t\u00a0]{0,3}([A-Za-z]+)")
# Words that make the number before them a count of people or things ...
_COUNT_NOUNS = frozenset(
    re.findall(
        r"\S+",
        """people persons soldiers troops marines police policemen officers personnel guards cadets
        recruits crew sailors pilots fighters rebels militants students teachers doctors nurses
        workers employees laborers labourers farmers miners households families inhabitants
        residents citizens nationals migrants immigrants emigrants refugees pilgrims tourists
        visitors guests passengers delegates delegations representatives ministers diplomats envoys
        participants athletes fans spectators voters votes seats protesters protestors demonstrators
        volunteers prisoners hostages civilians casualties deaths victims survivors members men
        women children tribes speakers jobs scholarships pages units vehicles cars trucks buses
        trains ships aircraft planes tanks guns rifles missiles warheads horses camels cattle sheep
        animals islands years months weeks days hours hrs minutes mins seconds articles clauses
        chapters paragraphs volumes books copies documents names signatures entries items titles""",
    )
)
# ... or an amount or a measure: never a year, not even after a month ("May 1999 USD").
_MEASURES = frozenset(
    re.findall(
        r"\S+",
        """hundred thousand million billion trillion percent km kms kilometres kilometers miles mi
        square sq m metres meters ft feet foot yards yd cm mm inches acres hectares ha tons tonnes
        kg kilograms lb lbs cubic litres liters gallons barrels bpd degrees mph kph kmh knots mw gw
        kw kwh kilowatts megawatts bytes dollars usd euros euro eur pounds gbp yuan cny rmb yen jpy
        rupees inr rubles roubles rub francs chf lira pesos dinars riyals dirhams shillings""",
    )
)
# Words ending in "s" that are no plural noun ("in 1274 as", "May 1281 was").
_NOT_PLURAL = frozenset(
    re.findall(
        r"\S+",
        """as was has is his its this thus us yes always towards afterwards besides perhaps unless
        across whereas hers ours yours theirs news series species means""",
    )
)
# A file name after a number ("Flag-1990.svg"), looked for within 40 characters.
_FILE_TAIL = re.compile(
    r"(?i)[^\s|\]]{0,40}?\.(?:svg|png|jpe?g|gif|pdf|tiff?|ogg|ogv|webm|html?|php|aspx?)(?![A-Za-z0-9])"
)
_PHONE_TAIL = re.compile(r"\d[\d().\s-]*")
# Where a date can start: a number, or a word that may begin one (checked below).
_CANDIDATE = re.compile(r"\d+|[A-Za-z]+(?:-first)?")
_STARTERS = frozenset({*_MONTHS, *_ORDINAL_WORDS, "between", "ad"})


@functools.cache
def _date_pattern() -> re.Pattern[str]:
    """The date expressions, compiled on first use (keeps ``import wikirel`` fast).

    Longer forms come first, so a range wins over the single date it starts with.
    """
    return re.compile(
        r"(?P<date>"
        rf"(?P<iso>{_ALONE_BEFORE}\b(?P<i1>1\d\d\d|20\d\d)-(?P<i2>[01]\d)-(?P<i3>[0-3]\d)(?![\d-]|[.,]\d))|"
        rf"(?P<dmydmy>(?P<a1>{_D})\s+(?P<a2>{_M})\s+(?P<a3>{_YM}){_TO}(?P<a4>{_D})\s+(?P<a5>{_M})\s+(?P<a6>{_YM}))"
        rf"|(?P<mdymdy>(?P<b1>{_M})\s+(?P<b2>{_D}),?\s+(?P<b3>{_YM}){_TO}(?P<b4>{_M})\s+(?P<b5>{_D}),?\s+(?P<b6>{_YM}))"
        rf"|(?P<mdmd>(?P<m1>{_M})\s+(?P<d1>{_D}){_TO}(?P<m2>{_M})\s+(?P<d2>{_D})(?:,\s*|\s+)(?P<y1>{_YM}))"
        rf"|(?P<mdd>(?P<m3>{_M})\s+(?P<d3>{_D}){_TO}(?P<d4>{_D})(?:,\s*|\s+)(?P<y2>{_YM}))"
        rf"|(?P<mdy>(?P<m4>{_M})\s+(?P<d5>{_D})(?:,\s*|\s+of\s+|\s+)(?P<y3>{_YM}))"
        rf"|(?P<dmdm>\b(?P<d6>{_D})\s+(?P<m5>{_M}){_TO}(?P<d7>{_D})\s+(?P<m6>{_M})\s+(?P<y4>{_YM}))"
        rf"|(?P<ddm>\b(?P<d8>{_D}){_TO}(?P<d9>{_D})\s+(?P<m7>{_M})\s+(?P<y5>{_YM}))"
        rf"|(?P<dofm>\b(?P<d11>{_D})\s+of\s+(?P<m12>{_M})(?:,\s*|\s+)(?P<y13>{_YM}))"
        rf"|(?P<dmy>\b(?P<d10>{_D})\s+(?P<m8>{_M})(?:,\s*|\s+)(?P<y6>{_YM}))"
        rf"|(?P<mmy>(?P<m9>{_M}){_TO}(?P<m10>{_M})(?:,\s*|\s+)(?P<y7>{_YM}))"
        rf"|(?P<my>(?P<m11>{_M}),?\s+(?:of\s+)?(?P<y8>{_YM}))"
        rf"|(?P<centuries>\b(?P<c2>{_ORD})(?:{_TO}|\s+and\s+(?:the\s+)?)(?P<c3>{_ORD})[\s-]+centur(?:y|ies)(?P<ce2>{_ERA})?)"
        rf"|(?P<century>\b(?P<c1>{_ORD})[\s-]+century(?P<ce>{_ERA})?)"
        rf"|(?P<decades>\b(?P<e1>\d{{2,3}}0)s{_TO}(?:the\s+)?(?P<e2>\d{{2,3}}0)s\b)"
        rf"|(?P<decade>\b(?P<y11>\d{{2,3}}0)s\b)"
        rf"|(?P<between>[Bb]etween\s+(?P<w1>{_YN})(?P<we1>{_ERA})?\s+and\s+(?P<w2>{_YN})(?:(?P<we2>{_ERA})|{_YEAR_END}))"
        rf"|(?P<yy>{_ALONE_BEFORE}\b(?P<y9>{_YN})(?P<ye1>{_ERA})?{_TO}(?P<y10>{_YN})(?:(?P<ye2>{_ERA})|{_YEAR_END}))"
        rf"|(?P<adyear>\bAD\s(?P<y14>{_YN})\b)"
        rf"|(?P<y>{_ALONE_BEFORE}\b(?P<y12>{_YN})(?:(?P<ye3>{_ERA})|{_YEAR_END}))"
        r")",
    )


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _bc(era: str | None) -> bool | None:
    """True for BC/BCE, False for AD/CE, None without an era."""
    if not era:
        return None
    return era.strip().startswith("B")


_Span = tuple[int, int, Precision, "datetime.date | None", "datetime.date | None"]


def _years(first: int, last: int, precision: Precision) -> _Span:
    """A span of whole years; ``datetime`` bounds only from 1 CE."""
    start = datetime.date(first, 1, 1) if first >= 1 else None
    end = datetime.date(last, 12, 31) if last >= 1 else None
    return first, last, precision, start, end


def _days(start: datetime.date, end: datetime.date, precision: Precision) -> _Span:
    return start.year, end.year, precision, start, end


def _signed(number: str, bc: bool | None) -> int:
    return -int(number) if bc else int(number)


class _NotADate(ValueError):
    """The text matched a date's shape but is no date (February 30, 1500 without context ...)."""


def _span(match: re.Match[str], context: bool) -> _Span:
    """The span a match means. ``context``: a word before it makes a bare old year a year."""
    g = match.group
    d = datetime.date
    if g("iso"):
        day = d(int(g("i1")), int(g("i2")), int(g("i3")))
        return _days(day, day, "day")
    if g("dmydmy"):
        first_day = d(int(g("a3")), _month(g("a2")), _day(g("a1")))
        return _days(first_day, d(int(g("a6")), _month(g("a5")), _day(g("a4"))), "day")
    if g("mdymdy"):
        first_day = d(int(g("b3")), _month(g("b1")), _day(g("b2")))
        return _days(first_day, d(int(g("b6")), _month(g("b4")), _day(g("b5"))), "day")
    if g("mdmd"):
        y = int(g("y1"))
        return _days(d(y, _month(g("m1")), _day(g("d1"))), d(y, _month(g("m2")), _day(g("d2"))), "day")
    if g("mdd"):
        y, m = int(g("y2")), _month(g("m3"))
        return _days(d(y, m, _day(g("d3"))), d(y, m, _day(g("d4"))), "day")
    if g("mdy"):
        day = d(int(g("y3")), _month(g("m4")), _day(g("d5")))
        return _days(day, day, "day")
    if g("dmdm"):
        y = int(g("y4"))
        return _days(d(y, _month(g("m5")), _day(g("d6"))), d(y, _month(g("m6")), _day(g("d7"))), "day")
    if g("ddm"):
        y, m = int(g("y5")), _month(g("m7"))
        return _days(d(y, m, _day(g("d8"))), d(y, m, _day(g("d9"))), "day")
    if g("dofm") or g("dmy"):
        day = d(int(g("y13") or g("y6")), _month(g("m12") or g("m8")), _day(g("d11") or g("d10")))
        return _days(day, day, "day")
    if g("mmy"):
        y = int(g("y7"))
        return _days(d(y, _month(g("m9")), 1), _month_end(y, _month(g("m10"))), "month")
    if g("my"):
        y, m = int(g("y8")), _month(g("m11"))
        return _days(d(y, m, 1), _month_end(y, m), "month")
    if g("centuries"):  # "12th–13th century", "the 16th and 17th centuries": both, as a range
        low, high = _century(g("c2"), g("ce2")), _century(g("c3"), g("ce2"))
        if high[0] <= low[0]:
            raise _NotADate(g("centuries"))
        return _years(low[0], high[1], "century")
    if g("century"):
        first_year, last_year = _century(g("c1"), g("ce"))
        return _years(first_year, last_year, "century")
    if g("decades"):
        return _years(int(g("e1")), int(g("e2")) + 9, "decade")
    if g("decade"):
        y = int(g("y11"))
        if y < 1000 and not context:  # "the 500s": only where a word makes it a time
            raise _NotADate(g("decade"))
        if y % 100 == 0 and y < 2000:  # "the 1800s": the hundred years, which hold the decade too
            return _years(y, y + 99, "century")
        return _years(y, y + 9, "decade")
    if g("between") or g("yy"):
        first, last = (g("w1"), g("w2")) if g("between") else (g("y9"), g("y10"))
        era1, era2 = (g("we1"), g("we2")) if g("between") else (g("ye1"), g("ye2"))
        bc2 = _bc(era2)
        bc1 = _bc(era1) if era1 else bc2  # "between 5000 and 2000 BCE": the era is both's
        if era1 is None and era2 is None:
            if len(last) == 2 and len(first) == 4:  # 1992–93
                last = first[:2] + last
            near = context or bool(g("between"))  # "between 880 and 910": a reader sees years
            # "from 100 to 104" counts (the Senate's seats): a range of numbers below
            # 1000 needs an era ("from 286 to 305AD") or "between".
            least = 3 if g("between") else 4
            if not (_plain_year(first) or (near and len(first) >= least)) or len(last) < 3:
                raise _NotADate(first)
        start, end = _signed(first, bc1), _signed(last, bc2)
        if end < start:
            raise _NotADate(first)
        return _years(start, end, "year")
    if g("adyear"):
        y = int(g("y14"))
        return _years(y, y, "year")
    number, era = g("y12"), g("ye3")
    if era is None and not (_plain_year(number) or (context and len(number) >= 3)):
        raise _NotADate(number)
    y = _signed(number, _bc(era))
    return _years(y, y, "year")


def _century(ordinal: str, era: str | None) -> tuple[int, int]:
    """The first and last year of the ``ordinal`` century ("13th", "second"), BCE ones negative."""
    word = ordinal.lower()
    n = _ORDINAL_WORDS[word] if word in _ORDINAL_WORDS else int(word[:-2])
    if not 1 <= n <= 21:
        raise _NotADate(word)
    if _bc(era):
        return -n * 100, -(n - 1) * 100 - 1
    return (n - 1) * 100 + 1, n * 100


def _plain_year(number: str) -> bool:
    """A number that is a year by itself: four digits, 1500 to 2099."""
    return len(number) == 4 and 1500 <= int(number) <= 2099


# The forms that end in a year after a month, and the group that holds it.
_MONTH_YEAR = (
    ("dmydmy", "a6"), ("mdymdy", "b6"), ("mdmd", "y1"), ("mdd", "y2"), ("mdy", "y3"), ("dmdm", "y4"),
    ("ddm", "y5"), ("dofm", "y13"), ("dmy", "y6"), ("mmy", "y7"), ("my", "y8"),
)  # fmt: skip
_AFTER_DAY = re.compile(r"\d(?:st|nd|rd|th)?[\s,]*$")


def _counted(text: str, match: re.Match[str]) -> bool:
    """Whether the word after ``match`` makes its last number a count or an amount.

    A measure or an amount always does ("1990 USD", "1900 m", "May 1999
    km"); a count noun does ("400 votes", "1600 Marines"), except after a
    plain year that follows a word of time ("In 2008 delegates met"); so does any
    plural after a number that is a year only by its context ("by 400
    votes", "in 150 countries", "In May 200 protesters"), but not after
    "dated" or "year" ("dated 987 records"). After a month, a year from 1500
    stays a year before a count noun unless a day number stands right before
    it ("In May 2019 protesters": a date; "On June 5 1500 troops": a count).
    """
    after = _WORD_AFTER.match(text, match.end())
    if after is None:
        return False
    word = after.group(1)
    lower = word.lower()
    count = lower in _COUNT_NOUNS
    plural = word.islower() and len(word) > 3 and word.endswith("s") and word not in _NOT_PLURAL
    if not (count or plural or lower in _MEASURES):
        return False
    g = match.group
    if g("ye1") or g("ye2") or g("ye3") or g("we1") or g("we2"):
        return False  # an era makes it a year ("5000 BC people")
    if lower in _MEASURES:
        return True
    for form, group in _MONTH_YEAR:
        if g(form):
            year_start = match.start(group)
            if int(g(group)) < 1500:
                return count or plural
            return count and bool(_AFTER_DAY.search(text, max(0, year_start - 8), year_start))
    if g("y") or g("yy") or g("between"):
        number = g("y12") or g("y9") or g("w1")
        needs_context = not _plain_year(number)
        if count:  # "In 2008 delegates met": a plain year after a word of time stays one
            return needs_context or not _TIME_WORD.search(text, max(0, match.start() - 8), match.start())
        strong = _STRONG_CONTEXT.search(text, max(0, match.start() - 8), match.start())
        return plural and needs_context and not strong
    return False


def _in_identifier(text: str, start: int) -> bool:
    """Whether the number at ``start`` is part of a file name or a phone number."""
    if text.find(".", start, start + 48) >= 0 and _FILE_TAIL.match(text, start):  # "Flag-1990.svg"
        return True
    opening = text.rfind("[[", max(0, start - 100), start)  # "[[File:Flag of China 1990 map|"
    if opening >= 0 and text[opening + 2 : opening + 8].lower().startswith(("file:", "image:")):
        inside = text[opening:start]
        if "|" not in inside and "]]" not in inside and "\n" not in inside:
            return True
    plus = text.rfind("+", max(0, start - 20), start)  # "+44 1632 960000"
    return plus >= 0 and bool(_PHONE_TAIL.fullmatch(text, plus + 1, start))


def find_dates(text: str) -> tuple[DateSpan, ...]:
    """Every date expression in ``text``, in order.

    >>> [(s.start.isoformat(), s.end.isoformat(), s.precision) for s in find_dates("May 19–21, 2013")]
    [('2013-05-19', '2013-05-21', 'day')]
    >>> [s.qualifier for s in find_dates("present since approximately 2016")]
    ['since approximately']
    >>> find_dates("1,137 square km, 17.5%, US$2 billion, 50 countries, 10.977")
    ()
    >>> [(s.start_year, s.end_year, s.precision) for s in find_dates("between 5000 and 2000 BCE")]
    [(-5000, -2000, 'year')]
    """
    spans: list[DateSpan] = []
    date = _date_pattern().match
    end = 0
    # What the last number matched was: a date, or a code or count that a list
    # continues ("Articles 1975 and 1976"), and where it ended.
    last, last_end = "", -1
    run = 0  # how many bare years end ``spans`` as one list ("1600 and 1800")
    for candidate in _CANDIDATE.finditer(text):
        start, word = candidate.start(), candidate.group()
        if start < end or not (word[0].isdigit() or word.lower() in _STARTERS):
            continue
        match = date(text, start)
        if match is None:
            continue
        listed = last_end >= 0 and bool(_LIST_GAP.fullmatch(text, last_end, start))
        if _in_identifier(text, start):
            end = match.end()
            continue
        bare = bool(match.group("y") or match.group("yy") or match.group("between"))
        if bare and ((listed and last == "code") or _CODE_CONTEXT.search(text, max(0, start - 16), start)):
            end = last_end = match.end()  # "Resolution 1973" is a code
            last = "code"
            continue
        number = match.group("y12")
        context = (listed and last == "date") or (  # "in 1275 and 1279"
            (bare or bool(match.group("decade")))
            and not (number and _plain_year(number))  # a plain year needs no context
            and bool(_YEAR_CONTEXT.search(text, max(0, start - 20), start))
        )
        try:
            first, last_year, precision, first_day, last_day = _span(match, context)
        except ValueError:  # February 30, a bare 900, 2010–2008 ...: not a date
            end = last_end = match.end()  # skipped whole, its year too
            last, run = "", 0
            continue
        last_end_before, end = last_end, match.end()
        last_end = end
        if _counted(text, match):  # 400 votes, May 200 protesters
            if bare and listed and last == "date" and _LIST_END.fullmatch(text, last_end_before, start):
                del spans[len(spans) - run :]  # "sent 1600 and 1800 troops": the list counts
            last, run = ("count" if bare else ""), 0
            continue
        if (first_day and last_day and last_day < first_day) or last_year < first:
            last, run = "", 0
            continue
        run = (run + 1 if listed and last == "date" else 1) if bare else 0
        last = "date"
        hedge = _HEDGE.search(text, max(0, start - 60), start)
        qualifier = hedge.group("q").lower() if hedge else None
        spans.append(
            DateSpan(
                first_day,
                last_day,
                precision,
                match.group("date"),
                qualifier,
                start_year=first,
                end_year=last_year,
            )
        )
    return tuple(spans)
