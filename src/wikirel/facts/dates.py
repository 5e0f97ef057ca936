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

The forms are a table (``_FORMS``): each has a name, a regex whose named groups
say what each part is, what it opens with, and a small builder of its span. They
are tried only where a date can start (``_starts``: one regex pass, in C, which also
says what follows the start), as one alternation of the forms that can match there;
the rules on codes, counts, lists and hedges then look at a bounded window around
each date, so the cost is linear in the text.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
import string
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..relation_types import Precision
from ._datespan import DateSpan, make_span

__all__ = ["DateSpan", "find_dates"]


# English month names are part of the format: not calendar.month_name, which
# follows the process locale (under de_DE "January" would be no month at all).
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

_ORDINALS = re.findall(
    r"\S+",
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""",
)
_ORDINAL_WORDS = {name: i for i, name in enumerate(_ORDINALS, 1)}
_ORDINAL_WORDS["twenty-first"] = 21

# The pieces the forms are written with.
_MONTH_WORD = r"January|February|March|April|May|June|July|August|September|October|November|December" \
              r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"  # fmt: skip
_M = rf"(?:{_MONTH_WORD})\.?"
# The month of each way ``_M`` writes one.
_MONTH_OF = {way: _MONTHS[word.lower()] for word in _MONTH_WORD.split("|") for way in (word, word + ".")}
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
# A year after a month: any from 100, never ending inside a longer number ("4 May 20011").
_YM = r"(?:1\d\d\d|20\d\d|[1-9]\d\d)(?!\d|[.,]\d)"
# A year number with an era, or in a range that has one. What follows it never opens
# with a digit, so its digits are read whole (``{0,3}+``: no going back digit by digit).
_YN = r"(?:[1-9]\d{0,3}+)"
_ERA = r"\s?(?:B\.C\.E\.|B\.C\.|BCE|BC|C\.E\.|A\.D\.|CE|AD)(?![A-Za-z])"
_TO = r"\s*(?:[–—/-]|to|until)\s*"
_ORDINAL_WORD = "|".join(f"[{word[0].upper()}{word[0]}]{word[1:]}" for word in ["twenty-first", *_ORDINALS])
_ORD = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|(?:{_ORDINAL_WORD}))"
# A year stands alone: no digit, decimal point, thousands comma, currency
# sign, slash, plus or equals sign glued to it, no % after it ("+44 1632", "/2012/", "1/2000").
_ALONE_BEFORE = r"(?<![\d.,$£€¥/+#№=])"
_ALONE_AFTER = r"(?!\d|%|[.,]\d|\s*per\s+cent\b)"
# Where a bare year number ends (an era ends a year by itself).
_YEAR_END = rf"\b{_ALONE_AFTER}"
_DAY_YEAR = r"(?:,\s*|\s+)"  # between a day and its year: "May 4, 1992", "4 May 1992"


def _start_pattern(with_ordinals: bool) -> tuple[str, tuple[str, ...]]:
    """Where a date may start: the first digit of a number, or a word that begins one
    (a month, "between", "AD", and with ``with_ordinals`` an ordinal) standing as a word of
    its own. An ordinal inside a compound number starts none ("twenty-second century" is
    not the second), nor does a "-first" that ends a word.

    The pattern opens with the set of characters a date can start with, so the regex
    engine skips in C to them and only there tries the rest: the text is scanned once
    instead of word by word in Python. Three alternatives follow, for a number, a month
    and the other words, each telling the character already read by a lookbehind (hence
    the extra ``.`` of the lookbehinds that look past it): one alternative per kind of
    start, not per character, keeps the groups few, and a match with fewer groups is
    cheaper to make.

    The pattern also says which forms to try there (a key of ``_FORMS_AT``): an empty
    group ends each way a number or a month can go on, so ``lastindex`` points into the
    tuple of kinds returned beside it (``None`` for the other words, whose kind
    ``_WORD_KIND`` gives). A number of one or two digits followed by a decimal point or
    a thousands comma and a digit ("US$2.5 billion", "1,137") starts no form at all.
    """
    months: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    ordinals: dict[str, list[str]] = {}
    for word in _MONTH_WORD.split("|"):
        months.setdefault(word[0], []).append(word[1:])
    for word in ["Between", "between", "AD"]:
        # "between" opens a date only before a number ("relations between the two" is none)
        words.setdefault(word[0], []).append(word[1:] + (r"(?=\s+[1-9])" if word != "AD" else ""))
    for word in ["twenty-first", *_ORDINALS] if with_ordinals else []:
        ordinals.setdefault(word[0].upper(), []).append(word[1:])
        ordinals.setdefault(word[0], []).append(r"(?<![A-Za-z]-.)irst" if word == "first" else word[1:])
    # An ordinal is not the last part of "twenty-second", "forty-fifth" ...
    in_compound = r"(?<!(?:[Tt]wenty|[Tt]hirty|[Ee]ighty|[Nn]inety)-.)(?<!(?:[Ff]orty|[Ff]ifty|[Ss]ixty)-.)" \
                  r"(?<![Ss]eventy-.)"  # fmt: skip
    alternatives: list[str] = []
    kinds: list[str] = [""]  # group 0 is the whole match

    def kind(name: str) -> str:
        """An empty group, recorded as the kind of start it says (groups are numbered in the
        order they are written: call it in that order)."""
        kinds.append(name)
        return "()"

    # After a number of one or two digits: a month, and what ``_TO`` matches after it or
    # after the year that follows it. A lookahead tries every way of reading the month
    # ("Septo" is "Sep" and "to"), as the forms do; a month needs a capital first.
    to = r"\s*(?:[–—/-]|to|until)"
    # The forms a number of three digits or more opens, but a decade, begin with
    # ``_ALONE_BEFORE``: with "885,050" it is no start ("050"), as "1,137" is none.
    stands_alone = _ALONE_BEFORE[:-1] + ".)"
    month = rf"\d?\s+(?:{_MONTH_WORD})\.?"
    three_s = kind("three digits or more and an s")
    three_dash = kind("three digits or more and a dash")
    three = kind("three digits or more")
    suffix = kind("one or two digits and a letter of st, nd, rd, th")
    day_to = kind("one or two digits and a month before a range")
    day_year_to = kind("one or two digits, a month and a year before a range")
    day = kind("one or two digits and a month")
    number = kind("one or two digits")
    alternatives.append(
        rf"(?<=[0-9])(?:(?=\d\d)(?:(?=\d*+s){three_s}|{stands_alone}(?:(?=\d*+-){three_dash}|{three}))"
        rf"|(?!\d\d)(?:(?=\d?[snrt]){suffix}"
        rf"|(?=\d?\s+[ADFJMNOS])(?:(?={month}{to}){day_to}|(?={month}\s+\d++{to}){day_year_to}"
        rf"|(?={month}){day})"
        rf"|(?!\d?[.,]\d){number}))"
    )
    # After a month: a number of three digits, or of one or two before what ``_TO`` matches
    # or before a year and what ``_TO`` matches, or of one or two (``\d?+``, ``\d++``: a
    # number's digits are all read first).
    year = kind("month and a year")
    day_to = kind("month and a day range")
    day_year_to = kind("month, a day and a year before a range")
    day = kind("month and a day")
    alone = kind("month")
    alternatives.append(
        rf"(?:{_by_first(months)})(?![A-Za-z]|-first)"
        rf"(?:(?=\.?\s+\d(?:\d\d{year}|\d?+(?:st|nd|rd|th)?(?:{to}{day_to}|,?\s+\d++{to}{day_year_to}|{day})))"
        rf"|{alone})"
    )
    others: dict[str, list[str]] = {first: [*rests] for first, rests in words.items()}
    for first, rests in ordinals.items():
        others.setdefault(first, []).append(f"{in_compound}(?:{'|'.join(rests)})")
    alternatives.append(rf"(?:{_by_first(others)})(?![A-Za-z]|-first)")
    firsts = "".join(sorted({*"0123456789", *months, *others}))
    # No start follows a digit's digit ("2008": "0" is none) nor a word's letter ("NATO":
    # "A" is none): tried before the alternatives, these turn most of the characters
    # read away at once.
    return f"[{firsts}](?<!\\d\\d)(?<![A-Za-z][A-Za-z])(?:{'|'.join(alternatives)})", tuple(kinds)


def _by_first(words: dict[str, list[str]]) -> str:
    """An alternation of words by their first character, already read:
    ``(?<=[JF])(?:(?<=J)(?:anuary|une)|(?<=F)(?:eb))`` (the first lookbehind turns away the
    other characters at once)."""
    by_first = "|".join(f"(?<={re.escape(first)})(?:{'|'.join(rests)})" for first, rests in words.items())
    return f"(?<=[{''.join(words)}])(?:{by_first})"


class _Fields:
    """The groups of the form that matched, by their names in the form (``year``, ``first_day`` ...)."""

    __slots__ = ("_group", "_match", "_names")

    def __init__(self, match: re.Match[str], form: _Form) -> None:
        self._match = match
        self._group = match.group
        self._names = form.groups

    def __getitem__(self, name: str) -> str:
        """A group the form always fills."""
        value: str = self._group(self._names[name])
        return value

    def get(self, name: str) -> str | None:
        """A group the form may leave empty or not have at all (``None`` then)."""
        group = self._names.get(name)
        value: str | None = None if group is None else self._group(group)
        return value

    def start(self, name: str) -> int:
        return self._match.start(self._names[name])


_Span = tuple[int, int, Precision, "datetime.date | None", "datetime.date | None"]
# The values of a form's groups a builder reads (``_READS``), after the text of the whole
# form: one ``Match.group`` call gets them all.
_Values = tuple[Any, ...]
# A form's builder: the span its groups mean, or None when the text has a date's shape
# but is no date (a bare 900, 2010–2008; ValueError from ``datetime`` for February 30);
# ``context`` is whether a word before the date makes a bare old number a year ("in 1274"):
# it can only turn a None into a span, never change a span (``_dates`` relies on it).
_Builder = Callable[[_Values, bool], "_Span | None"]


def _month(name: str) -> int:
    """The number of a month as ``_M`` matches it ("May", "Sept.")."""
    return _MONTH_OF[name]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _date(year: str, month: str, day: str) -> datetime.date:
    """The day a year, a month name and a day number ("4th") name; ValueError for February 30."""
    return datetime.date(int(year), _month(month), _day(day))


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_end(year: int, month: int) -> datetime.date:
    if month == 2 and calendar.isleap(year):
        return datetime.date(year, 2, 29)
    return datetime.date(year, month, _MONTH_DAYS[month])


def _bc(era: str | None) -> bool | None:
    """True for BC/BCE, False for AD/CE, None without an era."""
    if not era:
        return None
    return era.strip().startswith("B")


def _years(first: int, last: int, precision: Precision) -> _Span:
    """A span of whole years; ``datetime`` bounds only from 1 CE."""
    start = datetime.date(first, 1, 1) if first >= 1 else None
    end = datetime.date(last, 12, 31) if last >= 1 else None
    return first, last, precision, start, end


def _days(start: datetime.date, end: datetime.date, precision: Precision) -> _Span:
    return start.year, end.year, precision, start, end


def _signed(number: str, bc: bool | None) -> int:
    return -int(number) if bc else int(number)


def _plain_year(number: str) -> bool:
    """A number that is a year by itself: four digits, 1500 to 2099."""
    return len(number) == 4 and 1500 <= int(number) <= 2099


def _century(ordinal: str, era: str | None) -> tuple[int, int] | None:
    """The first and last year of the ``ordinal`` century ("13th", "second"), BCE ones negative."""
    word = ordinal.lower()
    n = _ORDINAL_WORDS[word] if word in _ORDINAL_WORDS else int(word[:-2])
    if not 1 <= n <= 21:
        return None
    if _bc(era):
        return -n * 100, -(n - 1) * 100 - 1
    return (n - 1) * 100 + 1, n * 100


# The builders, one per shape of span.


def _iso_day(v: _Values, context: bool) -> _Span | None:
    _, year, month, number = v
    day = datetime.date(int(year), int(month), int(number))
    return _days(day, day, "day")


# The commonest forms' builders compute their dates inline: a call costs more than the work.


def _one_day(v: _Values, context: bool) -> _Span | None:
    _, year_text, month, number = v
    year = int(year_text)
    day = datetime.date(year, _MONTH_OF[month], int(number.rstrip("stndrh")))
    return year, year, "day", day, day


def _days_of_a_month(v: _Values, context: bool) -> _Span | None:
    _, year_text, month_text, first_day, last_day = v
    year, month = int(year_text), _MONTH_OF[month_text]
    first = datetime.date(year, month, int(first_day.rstrip("stndrh")))
    return year, year, "day", first, datetime.date(year, month, int(last_day.rstrip("stndrh")))


def _days_of_a_year(v: _Values, context: bool) -> _Span | None:
    _, year, first_month, first_day, last_month, last_day = v
    return _days(_date(year, first_month, first_day), _date(year, last_month, last_day), "day")


def _days_apart(v: _Values, context: bool) -> _Span | None:
    _, first_year, first_month, first_day, last_year, last_month, last_day = v
    first = _date(first_year, first_month, first_day)
    return _days(first, _date(last_year, last_month, last_day), "day")


def _one_month(v: _Values, context: bool) -> _Span | None:
    year, month = int(v[1]), _MONTH_OF[v[2]]
    return year, year, "month", datetime.date(year, month, 1), _month_end(year, month)


def _months(v: _Values, context: bool) -> _Span | None:
    year = int(v[1])
    return _days(datetime.date(year, _month(v[2]), 1), _month_end(year, _month(v[3])), "month")


def _centuries(v: _Values, context: bool) -> _Span | None:
    """Both centuries as one range: "12th–13th century", "the 16th and 17th centuries"."""
    _, first, last, era = v
    low, high = _century(first, era), _century(last, era)
    if low is None or high is None or high[0] <= low[0]:
        return None
    return _years(low[0], high[1], "century")


def _one_century(v: _Values, context: bool) -> _Span | None:
    years = _century(v[1], v[2])
    return None if years is None else _years(years[0], years[1], "century")


def _decades(v: _Values, context: bool) -> _Span | None:
    return _years(int(v[1]), int(v[2]) + 9, "decade")


def _one_decade(v: _Values, context: bool) -> _Span | None:
    year = int(v[1])
    if year < 1000 and not context:  # "the 500s": only where a word makes it a time
        return None
    if year % 100 == 0 and year < 2000:  # "the 1800s": the hundred years, which hold the decade too
        return _years(year, year + 99, "century")
    return _years(year, year + 9, "decade")


def _year_range(v: _Values, context: bool) -> _Span | None:
    """ "2006–2008", "1992–93", "from 286 to 305AD", "202BC to 220AD"."""
    return _range_of_years(v, context, between=False)


def _between_years(v: _Values, context: bool) -> _Span | None:
    """ "between 1992 and 1997", "between 880 and 910", "between 5000 and 2000 BCE"."""
    return _range_of_years(v, context, between=True)


def _range_of_years(v: _Values, context: bool, between: bool) -> _Span | None:
    _, first, last, first_era, last_era = v
    last_bc = _bc(last_era)
    first_bc = _bc(first_era) if first_era else last_bc  # "between 5000 and 2000 BCE": the era is both's
    if first_era is None and last_era is None:
        if len(last) == 2 and len(first) == 4:  # 1992–93
            last = first[:2] + last
        near = context or between  # "between 880 and 910": a reader sees years
        # "from 100 to 104" counts (the Senate's seats): a range of numbers below
        # 1000 needs an era ("from 286 to 305AD") or "between".
        least = 3 if between else 4
        if not (_plain_year(first) or (near and len(first) >= least)) or len(last) < 3:
            return None
    start, end = _signed(first, first_bc), _signed(last, last_bc)
    if end < start:
        return None
    return _years(start, end, "year")


def _ad_year(v: _Values, context: bool) -> _Span | None:
    year = int(v[1])
    return _years(year, year, "year")


def _one_year(v: _Values, context: bool) -> _Span | None:
    _, number, era = v
    if era is not None:
        year = _signed(number, _bc(era))
        return _years(year, year, "year")
    year = int(number)
    if not ((len(number) == 4 and 1500 <= year <= 2099) or (context and len(number) >= 3)):
        return None  # a year from 1500 to 2099 by itself (``_plain_year``), from 100 after a word of time
    span = _YEAR_SPANS.get(year)
    if span is None:
        span = _YEAR_SPANS[year] = _years(year, year, "year")
    return span


# The span of each bare year found so far (at most 9,999 of them: ``_YN`` has four digits).
_YEAR_SPANS: dict[int, _Span] = {}


# The groups each builder reads, in the order it reads them.
_READS: dict[_Builder, tuple[str, ...]] = {
    _iso_day: ("year", "month", "day"),
    _one_day: ("year", "month", "day"),
    _days_of_a_month: ("year", "month", "first_day", "last_day"),
    _days_of_a_year: ("year", "first_month", "first_day", "last_month", "last_day"),
    _days_apart: ("first_year", "first_month", "first_day", "last_year", "last_month", "last_day"),
    _one_month: ("year", "month"),
    _months: ("year", "first_month", "last_month"),
    _centuries: ("first", "last", "era"),
    _one_century: ("ordinal", "era"),
    _decades: ("first", "last"),
    _one_decade: ("decade",),
    _year_range: ("first", "last", "first_era", "last_era"),
    _between_years: ("first", "last", "first_era", "last_era"),
    _ad_year: ("year",),
    _one_year: ("year", "era"),
}

_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")


class _Form:
    """One way of writing a date: a name, a regex whose named groups say what each part
    is (``year``, ``first_day`` ...), and the builder of the span it means."""

    __slots__ = (
        "bare", "build", "contextual", "groups", "name", "opens", "pattern", "reads",
        "year_after_month",
    )  # fmt: skip

    def __init__(
        self,
        name: str,
        opens: str,
        pattern: str,
        build: _Builder,
        *,
        bare: bool = False,
        contextual: bool = False,
        year_after_month: str | None = None,
    ) -> None:
        self.name = name
        #: What it opens with: a "number", a "word" (a month, "between", "AD"), or "either".
        self.opens = opens
        self.pattern = pattern
        self.build = build
        #: A bare number ("2019", "2006–2008"): codes, lists and counts can make it no year.
        self.bare = bare
        #: Whether a word before it is looked for (bare numbers and decades under 1000 need one).
        self.contextual = contextual
        #: The group of a year written after a month: a count noun after it may make it a count.
        self.year_after_month = year_after_month
        #: Its groups' names, and their names in ``_date_pattern`` (``<form>__<group>``).
        self.groups = {group: f"{name}__{group}" for group in _GROUP_NAME.findall(pattern)}
        #: The groups of the text of the form and of what ``build`` reads, in ``_date_pattern``.
        self.reads = (name, *(self.groups[group] for group in _READS[build]))


# The forms, longest first: the first that matches where a date starts wins, so a
# range wins over the single date it begins with.
_FORMS = (
    _Form("iso_day", "number",  # 2010-12-31
          rf"{_ALONE_BEFORE}\b(?P<year>1\d\d\d|20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-]|[.,]\d)",
          _iso_day),
    _Form("dmy_to_dmy", "number",  # 27 January 2007 to 1 February 2007
          rf"(?P<first_day>{_D})\s+(?P<first_month>{_M})\s+(?P<first_year>{_YM}){_TO}"
          rf"(?P<last_day>{_D})\s+(?P<last_month>{_M})\s+(?P<last_year>{_YM})",
          _days_apart, year_after_month="last_year"),
    _Form("mdy_to_mdy", "word",  # January 27, 2007 – February 1, 2007
          rf"(?P<first_month>{_M})\s+(?P<first_day>{_D}),?\s+(?P<first_year>{_YM}){_TO}"
          rf"(?P<last_month>{_M})\s+(?P<last_day>{_D}),?\s+(?P<last_year>{_YM})",
          _days_apart, year_after_month="last_year"),
    _Form("md_to_md_y", "word",  # May 30 – June 2, 2013
          rf"(?P<first_month>{_M})\s+(?P<first_day>{_D}){_TO}(?P<last_month>{_M})\s+(?P<last_day>{_D})"
          rf"{_DAY_YEAR}(?P<year>{_YM})",
          _days_of_a_year, year_after_month="year"),
    _Form("md_to_d_y", "word",  # May 19–21, 2013
          rf"(?P<month>{_M})\s+(?P<first_day>{_D}){_TO}(?P<last_day>{_D}){_DAY_YEAR}(?P<year>{_YM})",
          _days_of_a_month, year_after_month="year"),
    _Form("month_day_year", "word",  # January 4, 1992 · August 31st of 1998
          rf"(?P<month>{_M})\s+(?P<day>{_D})(?:,\s*|\s+of\s+|\s+)(?P<year>{_YM})",
          _one_day, year_after_month="year"),
    _Form("dm_to_dm_y", "number",  # 27 March to 1 April 2005
          rf"\b(?P<first_day>{_D})\s+(?P<first_month>{_M}){_TO}(?P<last_day>{_D})\s+(?P<last_month>{_M})"
          rf"\s+(?P<year>{_YM})",
          _days_of_a_year, year_after_month="year"),
    _Form("d_to_dm_y", "number",  # 12–14 October 2012
          rf"\b(?P<first_day>{_D}){_TO}(?P<last_day>{_D})\s+(?P<month>{_M})\s+(?P<year>{_YM})",
          _days_of_a_month, year_after_month="year"),
    _Form("day_of_month_year", "number",  # the 16th of September, 1975
          rf"\b(?P<day>{_D})\s+of\s+(?P<month>{_M}){_DAY_YEAR}(?P<year>{_YM})",
          _one_day, year_after_month="year"),
    _Form("day_month_year", "number",  # 4 January 1992
          rf"\b(?P<day>{_D})\s+(?P<month>{_M}){_DAY_YEAR}(?P<year>{_YM})",
          _one_day, year_after_month="year"),
    _Form("month_to_month_year", "word",  # June/July 1998 · March–April 2008
          rf"(?P<first_month>{_M}){_TO}(?P<last_month>{_M}){_DAY_YEAR}(?P<year>{_YM})",
          _months, year_after_month="year"),
    _Form("month_year", "word",  # March 2008 · March, 2008 · March of 2008
          rf"(?P<month>{_M}),?\s+(?:of\s+)?(?P<year>{_YM})",
          _one_month, year_after_month="year"),
    _Form("centuries", "either",  # 12th–13th century · the 16th and the 17th century · 16th and 17th
          # centuries
          rf"\b(?P<first>{_ORD})(?:{_TO}|\s+and\s+(?:the\s+)?)(?P<last>{_ORD})[\s-]+centur(?:y|ies)"
          rf"(?P<era>{_ERA})?",
          _centuries),
    _Form("century", "either",  # the 13th century · second century BCE · 7th-century AD
          rf"\b(?P<ordinal>{_ORD})[\s-]+century(?P<era>{_ERA})?",
          _one_century),
    _Form("decades", "number",  # the 1850s to the 1890s
          r"\b(?P<first>\d{2,3}0)s" rf"{_TO}(?:the\s+)?" r"(?P<last>\d{2,3}0)s\b",
          _decades),
    _Form("decade", "number",  # the 1990s · the 1800s · in the 900s
          r"\b(?P<decade>\d{2,3}0)s\b",
          _one_decade, contextual=True),
    _Form("between_years", "word",  # between 1992 and 1997 · between 5000 and 2000 BCE
          rf"[Bb]etween\s+(?P<first>{_YN})(?P<first_era>{_ERA})?\s+and\s+"
          rf"(?P<last>{_YN})(?:(?P<last_era>{_ERA})|{_YEAR_END})",
          _between_years, bare=True, contextual=True),
    _Form("year_range", "number",  # 2006–2008 · 1992–93 · from 286 to 305AD
          rf"{_ALONE_BEFORE}\b(?P<first>{_YN})(?P<first_era>{_ERA})?{_TO}"
          rf"(?P<last>{_YN})(?:(?P<last_era>{_ERA})|{_YEAR_END})",
          _year_range, bare=True, contextual=True),
    _Form("ad_year", "word",  # AD 97
          rf"\bAD\s(?P<year>{_YN})\b",
          _ad_year),
    _Form("year", "number",  # 2019 · in 1274 · 97 AD · 5000 BC
          rf"{_ALONE_BEFORE}\b(?P<year>{_YN})(?:(?P<era>{_ERA})|{_YEAR_END})",
          _one_year, bare=True, contextual=True),
)  # fmt: skip
_FORM_OF = {form.name: form for form in _FORMS}

# The forms ``find_dates`` tries at a start, by what the start is: fewer than all the
# forms of its opening, and the first of them that matches is the first of all, since
# the others cannot match there. One or two digits can open a day ("4 May"), an
# ordinal only before "st", "nd", "rd" or "th" ("13th century"), or a year; a run of
# three digits or more a year, a decade (only before an "s") or an ISO day (only before
# a dash); a word is a month, an ordinal,
# "between" or "AD". After a month, a number of one or two digits can only be its day
# ("May 12, 2009"; a range of days when a dash, "to" or "until" follows it: "May 19–21"),
# one of three or more only its year ("October 1979"); without a number right after
# it, a month opens a range of months or a year after a comma or "of" ("June/July
# 1998", "May, 2008").
_FORMS_AT = {
    "one or two digits": {
        "dmy_to_dmy", "dm_to_dm_y", "d_to_dm_y", "day_of_month_year", "day_month_year", "year_range", "year",
    },
    "one or two digits and a month before a range": {"dm_to_dm_y", "year"},
    "one or two digits, a month and a year before a range": {"dmy_to_dmy", "day_month_year", "year"},
    "one or two digits and a month": {"day_month_year", "year"},
    "one or two digits and a letter of st, nd, rd, th": {
        "dmy_to_dmy", "dm_to_dm_y", "d_to_dm_y", "day_of_month_year", "day_month_year", "centuries",
        "century", "year_range", "year",
    },
    "three digits or more and an s": {"decades", "decade"},
    "three digits or more and a dash": {"iso_day", "year_range", "year"},
    "three digits or more": {"year_range", "year"},
    "month, a day and a year before a range": {"mdy_to_mdy", "month_day_year"},
    "month and a day": {"month_day_year"},
    "month and a day range": {"md_to_md_y", "md_to_d_y"},
    "month and a year": {"month_year"},
    "month": {"month_to_month_year", "month_year"},
    "ordinal": {"centuries", "century"},
    "between": {"between_years"},
    "AD": {"ad_year"},
}  # fmt: skip
# The kind of a start that is a word other than a month (what ``_start_pattern`` matches).
_WORD_KIND = {
    **{way: "ordinal" for word in ["twenty-first", *_ORDINALS] for way in (word, word.capitalize())},
    "Between": "between",
    "between": "between",
    "AD": "AD",
}


@functools.cache
def _date_pattern(opening: str) -> re.Pattern[str]:
    """The forms that can open with a "number" or with a "word", or those of
    ``_FORMS_AT[opening]``, as one alternation in the table's order, compiled on first
    use (keeps ``import wikirel`` fast).

    A form's groups are named ``<form>__<group>`` in it, and the form's own group is the
    last to close, so ``lastgroup`` names the form that matched.
    """
    names = _FORMS_AT.get(opening)
    return re.compile(
        "|".join(
            _alternative(form)
            for form in _FORMS
            if (form.opens in (opening, "either") if names is None else form.name in names)
        )
    )


@functools.cache
def _starts(with_ordinals: bool) -> tuple[re.Pattern[str], tuple[str, ...]]:
    pattern, kinds = _start_pattern(with_ordinals)
    return re.compile(pattern), kinds


# A compiled pattern's ``match``: the forms to try at a start.
_Matcher = Callable[[str, int], "re.Match[str] | None"]
# The forms to try at each kind of start (a key of ``_FORMS_AT``) met so far: a dict
# lookup at every start, cheaper than a call of the cached ``_date_pattern``.
_MATCH_AT: dict[str, _Matcher] = {}


def _match_at(kind: str) -> _Matcher:
    """The forms to try at a start of ``kind``, on its first meeting (compiled then)."""
    match_at = _MATCH_AT[kind] = _date_pattern(kind).match
    return match_at


def _alternative(form: _Form) -> str:
    renamed = _GROUP_NAME.sub(lambda group: f"(?P<{form.name}__{group.group(1)}>", form.pattern)
    return f"(?P<{form.name}>{renamed})"


class _Before:
    """A regex of the words right before a date (it ends in ``\\s+$`` or ``[\\s-]+$``),
    searched in the ``width`` characters before where the date starts.

    A search tries every position of its window, so tests that are cheap and necessary
    go first: a space (or hyphen) must end the text before the date, and the text before
    the spaces (and hyphens) must end with one of ``endings``, the last words of the
    regex's alternatives in lower case (non-ASCII text is left to the regex, whose case
    folding is wider than ``lower``) -- looked up first by its last two letters.

    ``words``, when given, are all the words the regex is written with (it has no other
    letters: no ``s?`` after a word), apart from spaces, hyphens and full stops. A match
    then holds only those words and characters, so it starts after the last other word
    or character of an ASCII window, which ``_bound`` finds: the regex is searched from
    there, not over the whole window (it tries a long alternation at every word).
    """

    __slots__ = ("_by_last_two", "_hyphens", "_longest", "_pattern", "_stop", "_width")

    def __init__(
        self, pattern: str, width: int, endings: list[str], hyphens: bool, words: list[str] | None = None
    ) -> None:
        self._pattern = re.compile(pattern)
        # In the window reversed and in lower case: a character no match holds, or a
        # whole word (letters after no letter) that is none of ``words``, reversed.
        reversed_words = "|".join(word[::-1] for word in sorted(set(words or ()), key=len, reverse=True))
        stop = rf"[^a-z\s.\-]|(?<![a-z])(?!(?:{reversed_words})(?![a-z]))[a-z]+"
        self._stop = re.compile(stop) if words else None
        self._width = width
        self._longest = max(map(len, endings))
        if min(map(len, endings)) < 2:  # pragma: no cover - a table error
            raise ValueError("every ending has two letters or more")
        # The endings by their last two letters, each group's longest first.
        by_last_two: dict[str, list[str]] = {}
        for ending in sorted(set(endings), key=len, reverse=True):
            by_last_two.setdefault(ending[-2:], []).append(ending)
        self._by_last_two = {two: tuple(group) for two, group in by_last_two.items()}
        self._hyphens = hyphens

    def search(self, text: str, at: int) -> re.Match[str] | None:
        last = text[at - 1 : at] if at else ""
        if last == " " and at >= 3:  # the common case, one space: the word ends right before it
            two = text[at - 3 : at - 1]
            if two.isascii() and two[1] not in " -" and not two[1].isspace():
                endings = self._by_last_two.get(two.lower())
                if endings is None:
                    return None
                low = max(0, at - self._width)
                word = text[max(low, at - 1 - self._longest) : at - 1]
                if word.isascii() and not word.lower().endswith(endings):
                    return None
                return self._pattern.search(text, self._bound(text, low, at), at)
        elif not (last.isspace() or (self._hyphens and last == "-")):
            return None
        low = max(0, at - self._width)
        before = text[low:at]
        words = before.rstrip()  # str.rstrip strips what str.isspace calls space
        if self._hyphens:
            while words.endswith("-"):
                words = words.rstrip("-").rstrip()
        word = words[-self._longest :]
        if word.isascii():
            endings = self._by_last_two.get(words[-2:].lower())
            if endings is None or not word.lower().endswith(endings):
                return None
        return self._pattern.search(text, self._bound(text, low, at), at)

    def _bound(self, text: str, low: int, at: int) -> int:
        """Where a match in ``text[low:at]`` can start at the earliest (see the class)."""
        window = text[low:at]
        if self._stop is None or not window.isascii():
            return low
        stop = self._stop.search(window.lower()[::-1])
        return low if stop is None else at - stop.start()


def _last_words(alternation: str) -> list[str]:
    """The last word of each alternative of a regex alternation of plain words."""
    return [alternative.split()[-1].replace("\\.", ".") for alternative in alternation.split("|")]


_QUALIFIERS = (
    "since|until|till|before|after|by|from|around|about|approximately|approx\\.|roughly"
    "|circa|ca\\.|c\\.|early|mid|middle of|late|as of|as early as|as late as|no later than"
)
_QUALIFIER = f"(?:{_QUALIFIERS})"
# A hedge right before a date.
_HEDGE = _Before(
    rf"(?i)\b(?P<q>{_QUALIFIER}(?:\s+{_QUALIFIER})*)(?:\s+the)?[\s-]+$",
    60,
    [*_last_words(_QUALIFIERS), "the"],
    hyphens=True,
    words=[*re.findall("[a-z]+", _QUALIFIERS), "the"],
)
# Words after which a bare three- or four-digit number before 1500 is a year;
# a hedge may stand between ("in late 1066", "in the early 900s").
_YEAR_WORDS = r"in|by|since|from|until|till|before|after|around|about|circa|c\.|ca\.|dated|year"
_YEAR_CONTEXT = _Before(
    rf"(?i)\b(?:{_YEAR_WORDS})\s+(?:(?:the\s+)?(?:early|mid|late)[\s-]+)?$",
    20,
    [*_last_words(_YEAR_WORDS), "early", "mid", "late"],
    hyphens=True,
    words=[*re.findall("[a-z]+", _YEAR_WORDS), "the", "early", "mid", "late"],
)
# Words of time only (not "by", "around", "about": "by 1600 votes", "around 1500 people").
_TIME_WORDS = "in|since|until|till|before|after|during"
_TIME_WORD = _Before(rf"(?i)\b(?:{_TIME_WORDS})\s+$", 8, _last_words(_TIME_WORDS), hyphens=False)
# Words after which a number is a year even with a plural after it ("dated 987 records").
_STRONG_CONTEXT = _Before(r"(?i)\b(?:dated|year)\s+$", 8, ["dated", "year"], hyphens=False)
# Words after which a number is a code, not a year ("Resolution 1973", "Flights 1549 and 1550",
# "Vol. 1999", "ISO 1996", "Boeing 1998"): nouns, also in the plural, and other words.
_CODE_NOUNS = (
    "resolution|article|flight|route|number|code|highway|chapter|section|paragraph|page|room|model"
    "|decree|order|bill|form|line|volume|issue|version|type|class|series|standard|gate|terminal"
    "|platform|unit|suite|plot|box|tel|phone|fax|ext"
)
_CODE_WORDS = (
    r"no\.|nos\.|p\.|pp\.|vol\.|vols\.|iso|iec|rfc|din|boeing|airbus|tupolev|ilyushin|antonov"
    r"|elevation|altitude|height|depth|km|mile|kilometre|kilometer"
)
_CODE_CONTEXT = _Before(
    rf"(?i)\b(?:(?:{_CODE_NOUNS})s?|{_CODE_WORDS})\s+$",
    16,
    [
        *_last_words(_CODE_NOUNS),
        *(noun + "s" for noun in _last_words(_CODE_NOUNS)),
        *_last_words(_CODE_WORDS),
    ],
    hyphens=False,
)
_LIST_END = re.compile(r"\s*,?\s*(?:and|or)\s+")  # before a list's last item
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
# The word after a number, if any ("1990 USD", "400 votes", "1900 m").
# A capitalised word may stand between ("1995 Japanese students"): the word after it, if any.
_WORD_AFTER = re.compile(r"[ \t\u00a0]{0,3}([A-Za-z]+)(?:[ \t\u00a0]([a-z]+))?")
_WORD_AFTER_OPENS = frozenset(" \t\u00a0" + string.ascii_letters)  # what it can match first
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
_FILE_EXTENSION = r"\.(?:svg|png|jpe?g|gif|pdf|tiff?|ogg|ogv|webm|html?|php|aspx?)(?![A-Za-z0-9])"
_FILE_TAIL = re.compile(rf"(?i)[^\s|\]]{{0,40}}?{_FILE_EXTENSION}")
# What ``_in_identifier`` looks for, anywhere in a text, besides "+" and "[[": without
# any, no date of it is in one. It opens with a literal ".", so a search skips in C to
# each "." (case is ignored only after it).
_FILE_SIGN = re.compile(rf"\.(?i:{_FILE_EXTENSION[2:]})")
_PHONE_TAIL = re.compile(r"\d[\d().\s-]*")
_AFTER_DAY = re.compile(r"\d(?:st|nd|rd|th)?[\s,]*$")


def _counted(text: str, start: int, end: int, form: _Form, match: re.Match[str]) -> bool:
    """Whether the word after the date at ``start:end`` makes its last number a count or an amount.

    A measure or an amount always does ("1990 USD", "1900 m", "May 1999
    km"); a count noun does ("400 votes", "1600 Marines"), except after a
    plain year that follows a word of time ("In 2008 delegates met"); so does any
    plural after a number that is a year only by its context ("by 400
    votes", "in 150 countries", "In May 200 protesters"), but not after
    "dated" or "year" ("dated 987 records"). After a month, a year from 1500
    stays a year before a count noun unless a day number stands right before
    it ("In May 2019 protesters": a date; "On June 5 1500 troops": a count).
    One capitalised word before the noun is read through ("About 1995
    Japanese students", "in 150 Chinese cities").
    """
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    count, plural, measure = _noun_kind(word)
    if not (count or plural or measure):
        noun = after.group(2)
        if noun is None or not word[1:].islower() or not word[0].isupper():
            return False
        count, plural, measure = _noun_kind(noun)
        if not (count or plural or measure):
            return False
    f = _Fields(match, form)
    if form.bare and (f.get("era") or f.get("first_era") or f.get("last_era")):
        return False  # an era makes it a year ("5000 BC people")
    if measure:
        return True
    if form.year_after_month is not None:
        year_start = f.start(form.year_after_month)
        if int(f[form.year_after_month]) < 1500:
            return count or plural
        return count and bool(_AFTER_DAY.search(text, max(0, year_start - 8), year_start))
    if form.bare:
        number = f.get("year") or f["first"]
        needs_context = not _plain_year(number)
        if count:  # "In 2008 delegates met": a plain year after a word of time stays one
            return needs_context or not _TIME_WORD.search(text, start)
        strong = _STRONG_CONTEXT.search(text, start)
        return plural and needs_context and not strong
    return False


def _noun_kind(word: str) -> tuple[bool, bool, bool]:
    """Whether ``word`` is a count noun, a plural, a measure (or amount)."""
    lower = word.lower()
    plural = word.islower() and len(word) > 3 and word.endswith("s") and word not in _NOT_PLURAL
    return lower in _COUNT_NOUNS, plural, lower in _MEASURES


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
    # An ordinal word opens only a century ("second century"): without "centur" in the
    # text the scan leaves the ordinals out, and the characters it stops at (digits,
    # capitals, "b") are far fewer than with their "f", "s", "t", "e" and "n".
    # Every date holds an ASCII digit (a year, a day, a decade's "0"), but for a century
    # written in words: without "centur" or a digit, a text holds none. (Half the texts
    # extraction hands over have no digit; ``in`` tells it fastest, in C and with no call:
    # a regex search for [0-9] reads each character in ~50 instructions.)
    with_ordinals = "centur" in text
    if not with_ordinals and not _has_digit(text):
        return ()
    starts, kinds = _starts(with_ordinals)
    candidate = starts.search(text)
    return () if candidate is None else _dates(text, _scanned(starts, kinds, text, candidate))


def _has_digit(text: str) -> bool:
    """Whether ``text`` holds an ASCII digit (the commonest in prose asked first)."""
    return (
        "1" in text or "2" in text or "0" in text or "9" in text or "3" in text
        or "5" in text or "4" in text or "8" in text or "6" in text or "7" in text
    )  # fmt: skip


_Found = tuple[int, int, "_Form", re.Match[str]]  # a form's match: start, end, the form, the match


def _scanned(
    starts: re.Pattern[str], kinds: tuple[str, ...], text: str, candidate: re.Match[str] | None
) -> Iterator[_Found]:
    """The forms that match at the starts ``starts`` finds from ``candidate`` on (``kinds``:
    the kind of start each of its groups says).

    After a match the scan resumes at its end: no start hides inside one that
    ``starts`` matched (a word's letters follow a letter), so this finds the starts
    ``finditer`` finds and skips those an earlier match covers without a Python step.
    """
    while candidate is not None:
        start = candidate.start()
        index = candidate.lastindex
        kind = _WORD_KIND[candidate.group()] if index is None else kinds[index]
        match = (_MATCH_AT.get(kind) or _match_at(kind))(text, start)
        if match is None:
            end = candidate.end()
        else:
            end = match.end()
            yield start, end, _FORM_OF[match.lastgroup or ""], match
        candidate = starts.search(text, end)


def _find(text: str, starts: Iterable[int]) -> tuple[DateSpan, ...]:
    """The dates of ``text`` that start at one of ``starts`` (in order), each tried
    unless an earlier date covers it (what ``find_dates`` does with the starts of
    ``_start_pattern``, word by word: the tests compare the two)."""
    return _dates(text, _matched(text, starts))


def _matched(text: str, starts: Iterable[int]) -> Iterator[_Found]:
    at_number, at_word = _date_pattern("number").match, _date_pattern("word").match
    end = 0
    for start in starts:
        if start < end:
            continue
        match = (at_number if "0" <= text[start] <= "9" else at_word)(text, start)
        if match is not None:
            end = match.end()
            yield start, end, _FORM_OF[match.lastgroup or ""], match


def _dates(text: str, found: Iterable[_Found]) -> tuple[DateSpan, ...]:
    """The dates among the forms ``found``: the rules on codes, counts, lists and hedges."""
    spans: list[DateSpan] = []
    # What the last number matched was: a date, or a code or count that a list
    # continues ("Articles 1975 and 1976"), and where it ended.
    last, last_end = "", -1
    run = 0  # how many bare years end ``spans`` as one list ("1600 and 1800")
    identifiers: bool | None = None  # whether a file name, a link or a "+" may hold a date
    for start, end, form, match in found:
        listed = last_end >= 0 and bool(_LIST_GAP.fullmatch(text, last_end, start))
        if identifiers is None:
            identifiers = "+" in text or "[[" in text or _FILE_SIGN.search(text) is not None
        if identifiers and _in_identifier(text, start):
            continue
        if form.bare and ((listed and last == "code") or _CODE_CONTEXT.search(text, start)):
            last_end = end  # "Resolution 1973" is a code
            last = "code"
            continue
        in_list = listed and last == "date"  # "in 1275 and 1279": the list's context is its
        try:
            values = match.group(*form.reads)
            span = form.build(values, in_list)
            # A word of time can only make a date of what is none without it ("in 1274"): the
            # words before are read only then, not for "2008", "97 AD" or "between 880 and 910".
            if span is None and form.contextual and not in_list and _YEAR_CONTEXT.search(text, start):
                span = form.build(values, True)
        except ValueError:  # February 30
            span = None
        if span is None:  # not a date (a bare 900, 2010–2008 ...): skipped whole, its year too
            last_end = end
            last, run = "", 0
            continue
        first, last_year, precision, first_day, last_day = span
        last_end_before, last_end = last_end, end
        if text[end : end + 1] in _WORD_AFTER_OPENS and _counted(
            text, start, end, form, match
        ):  # 400 votes, May 200 protesters
            if form.bare and listed and last == "date" and _LIST_END.fullmatch(text, last_end_before, start):
                del spans[len(spans) - run :]  # "sent 1600 and 1800 troops": the list counts
            last, run = ("count" if form.bare else ""), 0
            continue
        if (first_day and last_day and last_day < first_day) or last_year < first:
            last, run = "", 0
            continue
        run = (run + 1 if listed and last == "date" else 1) if form.bare else 0
        last = "date"
        hedge = _HEDGE.search(text, start)
        qualifier = hedge.group("q").lower() if hedge else None
        spans.append(make_span(first_day, last_day, precision, text[start:end], qualifier, first, last_year))
    return tuple(spans)
