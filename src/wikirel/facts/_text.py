"""What the fact rules share: the units of running text, the words of a
sentence, the countries it names, and the date a fact is told with.

Every helper is linear in the sentence: words are found by one regex pass,
country names by a dictionary look-up of at most as many words as the
longest name that starts with the word, and a rule looks at a bounded window of words around its trigger.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from ..relation_types import SourceDict
from ._countries import country_names
from .dates import DateSpan, find_dates
from .fields import FactDict as FactDict  # kept for old imports; the fact classes import it from .fields
from .sentences import split_sentences


class Located(Protocol):
    """Where a fact was read: :class:`wikirel.facts.Source` (the fact layer does not
    import extraction, which imports it)."""

    @property
    def kind(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def node(self) -> object: ...
    def to_dict(self) -> SourceDict: ...


WORD = re.compile(r"\w+(?:[-'’.]\w+)*\.?")

# Adjectives whose first letters are not their country's.
_DEMONYMS = {
    "Thai": "Thailand", "Siamese": "Thailand", "Finnish": "Finland", "Swedish": "Sweden",
    "British": "United Kingdom", "American": "United States", "French": "France", "German": "Germany",
    "Dutch": "Netherlands", "Swiss": "Switzerland", "Turkish": "Turkey", "Filipino": "Philippines",
    "Greek": "Greece", "Danish": "Denmark", "Polish": "Poland", "Spanish": "Spain", "Soviet": "Soviet Union",
    "Lao": "Laos", "Vincentian": "Saint Vincent and the Grenadines", "Timorese": "Timor-Leste",
    "Vietnamese": "Vietnam", "Chinese": "China", "Sino": "China", "Kenyan": "Kenya",
}  # fmt: skip
# Words of a country's name that say nothing about which country it is.
_GENERIC = frozenset(
    [
        "Saint",
        "Republic",
        "Democratic",
        "United",
        "Kingdom",
        "People's",
        "Federal",
        "Socialist",
        "Islamic",
        "Islands",
        "North",
        "South",
        "East",
        "West",
        "Central",
        "Arab",
        "New",
        "Great",
        "Empire",
        "States",
        "Federation",
        "Union",
        "Soviet",
        "Grenadines",
    ]
)


@functools.cache
def _countries() -> dict[str, str]:
    return country_names()


def _written(country: str) -> tuple[str, ...]:
    """Every name of ``country`` (canonical) in the table (none for a name it does not know:
    a cache keyed on any party would keep every title's parties)."""
    return _names_of().get(country, ())


@functools.cache
def _names_of() -> dict[str, tuple[str, ...]]:
    names: dict[str, list[str]] = {}
    for written, country in _countries().items():
        names.setdefault(country, []).append(written)
    return {country: tuple(each) for country, each in names.items()}


@functools.cache
def _longest_from() -> dict[str, int]:
    """For each first word of a country's name, the most words a name starting with it has."""
    longest: dict[str, int] = {}
    for name in _countries():
        words = WORD.findall(name)
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


@functools.cache
def _country_prefixes() -> dict[str, str]:
    """The first letters of the distinctive words of every country's names, to the country."""
    prefixes: dict[str, str] = {}
    for written, country in _countries().items():
        for word in WORD.findall(written):
            if len(word) >= 4 and word not in _GENERIC and word[0].isupper() and not word.isupper():
                prefixes.setdefault(word[: 5 if len(word) > 5 else 4].casefold(), country)
    return prefixes


# The longest word the caches across articles keep: a cache of any word of the text
# would keep thousands of the longest it met (a hash, an encoded blob) alive; a longer
# word is read each time (no country's name or adjective is one).
LONGEST_CACHED = 48


def country_of(word: str) -> str | None:
    """The country a name or an adjective names ("Russia", "Russian", "Japanese"), or ``None``."""
    return _country_of(word) if len(word) <= LONGEST_CACHED else _read_country(word)


def _read_country(word: str) -> str | None:
    word = _bare(word)
    if word in _countries():
        return _countries()[word]
    if word in _DEMONYMS:
        return _DEMONYMS[word]
    if len(word) < 4 or not word[0].isupper() or not word[1:].islower():
        return None
    prefixes = _country_prefixes()
    return prefixes.get(word[:5].casefold()) or prefixes.get(word[:4].casefold())


_country_of = functools.lru_cache(maxsize=8192)(_read_country)


def canonical(name: str) -> str:
    """The fact layer's name for a country written ``name`` (``name`` itself when unknown)."""
    return _countries().get(name) or _countries().get(_strip_the(name)) or name


def is_country(name: str) -> bool:
    """Whether ``name`` is a country's name, abbreviation or former name."""
    return name in _countries() or _strip_the(name) in _countries()


def _strip_the(text: str) -> str:
    return text[4:] if text[:4] in ("the ", "The ") else text


class Word(NamedTuple):
    text: str
    start: int
    end: int


class Mention(NamedTuple):
    """A country named in a sentence: ``party`` is the article's party it
    names (``None`` for a third country)."""

    start: int
    end: int
    country: str
    party: str | None


def _bare(word: str) -> str:
    """``word`` without a possessive or a full stop after it ("China's", "Japan.")."""
    return word.rstrip(".").removesuffix("'s").removesuffix("’s")


#: What ``Sentence._read_word`` finds of a capitalised word: the most words of a country's
#: name starting with it, the mention the word alone makes (length, country, party), and
#: what the text must start with there for a longer name to (see ``_probes``).
_Known = tuple[int, int, str | None, str | None, tuple[str, ...]]
# What ``_read_word`` finds of a word that starts neither a country's name nor a party's adjective.
_NOTHING: _Known = (0, 0, None, None, ())


class Parties:
    """The article's two parties and every way a sentence may name them."""

    def __init__(self, parties: tuple[str, str] | None) -> None:
        self.names: tuple[str, ...] = parties or ()
        self._canonical = {canonical(p): p for p in self.names}
        self._prefixes: dict[str, str] = {}
        for party in self.names:
            for prefix in _party_prefixes(party) if len(party) <= LONGEST_CACHED else _prefixes_of(party):
                self._prefixes.setdefault(prefix, party)
        # Both look-ups of ``adjective`` in one dict (see ``_adjective_keys``); a demonym's
        # country that is no party is left out (``get`` gives ``None`` for it either way).
        self.lookup: dict[str, str | None] = dict(self._prefixes)
        for country, party in self._canonical.items():
            if country in _DEMONYM_COUNTRIES:
                self.lookup["\0" + country] = party

    def party(self, country: str) -> str | None:
        """The party a country (canonical name) is, or ``None``."""
        return self._canonical.get(country)

    def adjective(self, word: str) -> str | None:
        """The party an adjective or short form names ("Tajik", "Vincentian"), or ``None``."""
        if word in _DEMONYMS:
            return self.party(_DEMONYMS[word])
        if len(word) < 4 or not word[0].isupper() or not word[1:].islower():
            return None
        return self._prefixes.get(word[:5].casefold()) or self._prefixes.get(word[:4].casefold())


def _prefixes_of(party: str) -> tuple[str, ...]:
    """The first letters of the distinctive words of ``party`` and of every name of its
    country, in order (a party's part of :class:`Parties`, the same in every article)."""
    out = []
    for name in (party, *_written(canonical(party))):
        for word in WORD.findall(name):
            if len(word) >= 4 and word not in _GENERIC and word[0].isupper():
                out.append(word[: 5 if len(word) > 5 else 4].casefold())
    return tuple(out)


_party_prefixes = functools.lru_cache(maxsize=1024)(_prefixes_of)
_DEMONYM_COUNTRIES = frozenset(_DEMONYMS.values())


def _adjective_keys(word: str) -> tuple[str, ...]:
    """What :meth:`Parties.adjective` looks up in :attr:`Parties.lookup` for ``word``, the
    same for every pair of parties: one key (a demonym's country, behind a NUL no prefix
    holds), the two first-letter keys, or none."""
    if word in _DEMONYMS:
        return ("\0" + _DEMONYMS[word],)
    if len(word) < 4 or not word[0].isupper() or not word[1:].islower():
        return ()
    return word[:5].casefold(), word[:4].casefold()


_Probes = tuple[int, tuple[tuple[str, ...], ...], tuple[str, ...], tuple[int, str] | None]


def _probes(word: str) -> _Probes:
    """The part of ``Sentence._read_word`` that is the same in every article: the most words
    a country's name starting with ``word`` has; the keys each of its pieces looks up;
    when a name of more words starts with it, what the text must start with for one to be
    found there: the longer names that start with ``word`` ("The" of "The Gambia"), or
    ``""`` (always) when a name is a piece of ``word`` (a longer phrase, bare, may be it);
    and the country the word alone names, with the length of its name ("Japan's": 5)."""
    longest = _longest_from()
    most = longest.get(word, 0) or longest.get(_bare(word), 0)
    pieces = word.rstrip(".").split("-")
    names = _countries()
    longer: tuple[str, ...] = ()
    if most > 1:
        if any(word[:stop] in names for stop in range(1, len(word))):
            longer = ("",)
        else:
            longer = tuple(name for name in names if len(name) > len(word) and name.startswith(word))
    named = None
    if most:
        key = word if word in names else _bare(word)
        if key in names:
            named = (len(key), names[key])
    keys = tuple(_adjective_keys(p.removesuffix("'s").removesuffix("’s")) for p in pieces)
    return most, keys, longer, named


_word_probes = functools.lru_cache(maxsize=8192)(_probes)


def parties_of(parties: tuple[str, str] | None) -> Parties:
    """The :class:`Parties` of an article's two parties (built once per pair, but for long names)."""
    if parties is not None and len(parties[0]) + len(parties[1]) > 2 * LONGEST_CACHED:
        return Parties(parties)
    return _parties_of(parties)


_parties_of = functools.lru_cache(maxsize=1024)(Parties)


class Sentence:
    """One sentence of a paragraph or a list item, with what the rules ask of it."""

    # What the properties below compute on first use (``None`` until then): class defaults,
    # not set in ``__init__`` (most sentences never need most of them).
    _lazy_folded: str | None = None
    _lazy_families: frozenset[str] | None = None
    _lazy_words: list[Word] | None = None
    _lazy_word_starts: list[int] | None = None
    _lazy_word_spans: list[tuple[int, int]] | None = None
    _lazy_dates: list[tuple[int, int, DateSpan]] | None = None
    _lazy_date_starts: list[int] | None = None
    _lazy_mentions: list[Mention] | None = None
    _lazy_third_index: tuple[list[int], list[int], list[int]] | None = None
    _lazy_named_parties: frozenset[str] | None = None
    _lazy_mention_at: dict[int, Mention] | None = None
    _lazy_plain_dates: tuple[list[int], list[tuple[int, int, DateSpan]]] | None = None

    def __init__(
        self,
        text: str,
        source: Located | None,
        parties: Parties,
        default_date: DateSpan | None = None,
        previous: Sentence | None = None,
        spans: Sequence[DateSpan] | None = None,
        words: dict[str, _Known] | None = None,
        paragraph: int = -1,
    ) -> None:
        self.text = text
        self.source = source
        self.parties = parties
        self.default_date = default_date
        self.previous = previous
        self._spans = spans  # find_dates(text) when the caller has it already
        # What ``_read_word`` found of each word, shared by the sentences of an article.
        self._words = {} if words is None else words
        # Which paragraph or list item of the article the sentence is in (numbered by ``units``).
        self.paragraph = paragraph

    @property
    def folded(self) -> str:
        """The sentence in lower case, offsets unchanged: rules scan it with
        case-sensitive patterns, much faster than ``(?i)`` ones."""
        value = self._lazy_folded
        if value is None:
            value = self._lazy_folded = self._make_folded()
        return value

    def _make_folded(self) -> str:
        lower = self.text.lower()
        # A few letters grow in lower case ("İ"): then only ASCII letters are folded.
        return lower if len(lower) == len(self.text) else self.text.translate(_ASCII_LOWER)

    @property
    def families(self) -> frozenset[str]:
        """The fact families whose key words the sentence holds: lets every rule
        skip the sentences it cannot read (:func:`units` finds them for all the
        sentences of an article at once)."""
        value = self._lazy_families
        if value is None:
            value = self._lazy_families = self._make_families()
        return value

    def _make_families(self) -> frozenset[str]:
        lower = self.folded
        found = []
        for family, words in _KEYWORDS.items():
            for word in words:
                if word in lower:
                    found.append(family)
                    break
        return frozenset(found)

    @property
    def words(self) -> list[Word]:
        value = self._lazy_words
        if value is None:
            value = self._lazy_words = self._make_words()
        return value

    def _make_words(self) -> list[Word]:
        return [Word(m.group(), *m.span()) for m in WORD.finditer(self.text)]

    @property
    def _word_starts(self) -> list[int]:
        value = self._lazy_word_starts
        if value is None:
            value = self._lazy_word_starts = self._make_word_starts()
        return value

    def _make_word_starts(self) -> list[int]:
        return [at for at, _ in self.word_spans]

    @property
    def word_spans(self) -> list[tuple[int, int]]:
        """Where each of :attr:`words` starts and ends (cheaper to make than the words)."""
        value = self._lazy_word_spans
        if value is None:
            value = self._lazy_word_spans = [m.span() for m in WORD.finditer(self.text)]
        return value

    def word_at(self, offset: int) -> int:
        """The index of the first word starting at or after ``offset``."""
        return bisect.bisect_left(self._word_starts, offset)

    @property
    def dates(self) -> list[tuple[int, int, DateSpan]]:
        """Each date of the sentence with where its text starts and ends."""
        value = self._lazy_dates
        if value is None:
            value = self._lazy_dates = self._make_dates()
        return value

    def _make_dates(self) -> list[tuple[int, int, DateSpan]]:
        out = []
        cursor = 0
        for span in find_dates(self.text) if self._spans is None else self._spans:
            at = self.text.find(span.text, cursor)
            if at < 0:  # pragma: no cover - find_dates returns pieces of the text
                continue
            cursor = at + len(span.text)
            out.append((at, cursor, span))
        return out

    @property
    def date_starts(self) -> list[int]:
        value = self._lazy_date_starts
        if value is None:
            value = self._lazy_date_starts = self._make_date_starts()
        return value

    def _make_date_starts(self) -> list[int]:
        return [d[0] for d in self.dates]

    @property
    def mentions(self) -> list[Mention]:
        """The countries the sentence names, in order: names, abbreviations, and
        adjectives of the article's parties ("Chinese", "the Tajik embassy")."""
        value = self._lazy_mentions
        if value is None:
            value = self._lazy_mentions = self._make_mentions()
        return value

    def _make_mentions(self) -> list[Mention]:
        names = _countries()
        text = self.text
        out = []
        cursor = 0  # where the last mention ends
        words = self._words
        for token in _CAPITAL.finditer(text):
            word = token.group()
            known = words.get(word)
            if known is None:
                known = words[word] = self._read_word(word)
            if known is _NOTHING:  # neither a country's name nor a party's adjective starts here
                continue
            at = token.start()
            if at < cursor:
                continue
            most, length, country, party, longer = known
            if most > 1 and text.startswith(longer, at):
                # The word itself is the first of WORD's matches from ``at`` (same pattern after
                # the capital), read by ``_read_word``: only the longer names are tried here
                # (where the text starts with one: a name found is a piece of the text).
                ends = [m.end() for m in itertools.islice(WORD.finditer(text, at), most)]
                for stop in reversed(ends[1:]):
                    phrase = text[at:stop]
                    key = phrase if phrase in names else _bare(phrase)
                    if key in names:
                        country = names[key]
                        length = len(key)
                        party = self.parties.party(country)
                        break
            if country is None:
                continue
            cursor = at + length
            out.append(Mention(at, cursor, country, party))
        if "successor" in text:
            _successors(text, out)
        return out

    def _read_word(self, word: str) -> _Known:
        """For a capitalised word: the most words a country's name that starts with it has,
        and the mention the word alone makes (its length, country and party: the country
        it names, else the party it is an adjective of, "Tajik"), or :data:`_NOTHING`."""
        most, probes, longer, named = _word_probes(word) if len(word) <= LONGEST_CACHED else _probes(word)
        country: str | None = None
        length = len(word)
        if named is not None:  # a country's name: no adjective of a party
            length, country = named
        else:
            lookup = self.parties.lookup
            for keys in probes:  # what ``Parties.adjective`` would look up for each piece
                if not keys:
                    continue
                party = lookup.get(keys[0]) if len(keys) == 1 else lookup.get(keys[0]) or lookup.get(keys[1])
                if party is not None:
                    country = canonical(party)
                    break
        if country is None:
            return _NOTHING if most <= 1 else (most, length, None, None, longer)
        return most, length, country, self.parties.party(country), longer

    def search(
        self, pattern: re.Pattern[str], twin: re.Pattern[str], pos: int, endpos: int
    ) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)`` for a ``(?i)`` pattern whose letters are in lower
        case, or as good (the same span): ``twin`` (its :func:`folded_twin`) on the folded text of
        an ASCII sentence, about twice as fast."""
        if self.text.isascii():
            return twin.search(self.folded, pos, endpos)
        return pattern.search(self.text, pos, endpos)

    def third_country(self, start: int, end: int) -> bool:
        """Whether a country that is not one of the article's parties is named
        where a fact at ``text[start:end]`` takes its actors: in the
        ``_BEFORE`` characters before it, or after it up to the end of its
        clause ("severed relations with Russia", "signed ... with India")."""
        stop = _CLAUSE_END.search(self.text, end, end + _BEFORE)
        until = stop.start() if stop else end + _BEFORE
        ends, starts, thirds = self._third_index
        first = bisect.bisect_right(ends, start - _BEFORE)
        last = bisect.bisect_left(starts, until)
        return last > first and thirds[last] - thirds[first] > 0

    @property
    def _third_index(self) -> tuple[list[int], list[int], list[int]]:
        """Mention ends and starts (both ascending), and a running count of third countries."""
        value = self._lazy_third_index
        if value is None:
            value = self._lazy_third_index = self._make_third_index()
        return value

    def _make_third_index(self) -> tuple[list[int], list[int], list[int]]:
        thirds = [0]
        for m in self.mentions:
            thirds.append(thirds[-1] + (m.party is None))
        return [m.end for m in self.mentions], [m.start for m in self.mentions], thirds

    @property
    def named_parties(self) -> frozenset[str]:
        """The article's parties the sentence names."""
        value = self._lazy_named_parties
        if value is None:
            value = self._lazy_named_parties = self._make_named_parties()
        return value

    def _make_named_parties(self) -> frozenset[str]:
        return frozenset(m.party for m in self.mentions if m.party)

    @property
    def mention_at(self) -> dict[int, Mention]:
        """Each mention by where it starts."""
        value = self._lazy_mention_at
        if value is None:
            value = self._lazy_mention_at = self._make_mention_at()
        return value

    def _make_mention_at(self) -> dict[int, Mention]:
        return {m.start: m for m in self.mentions}

    def mentions_before(self, offset: int, count: int) -> list[Mention]:
        """The last ``count`` mentions that end at or before ``offset``."""
        ends = self._third_index[0]
        stop = bisect.bisect_right(ends, offset)
        return self.mentions[max(0, stop - count) : stop]

    @property
    def _plain_dates(self) -> tuple[list[int], list[tuple[int, int, DateSpan]]]:
        value = self._lazy_plain_dates
        if value is None:
            value = self._lazy_plain_dates = self._make_plain_dates()
        return value

    def _make_plain_dates(self) -> tuple[list[int], list[tuple[int, int, DateSpan]]]:
        plain = [d for d in self.dates if not attributive(self.text, d[0], d[1])]
        return [d[0] for d in plain], plain

    @property
    def undated(self) -> bool:
        """Whether :meth:`date_near` is ``None`` wherever it is asked: the sentence has no
        date (known without finding its dates when its caller gave them) and its list item
        no leading date. ``False`` when that is not known."""
        if self.default_date is not None:
            return False
        if self._lazy_dates is not None:
            return not self._lazy_dates
        return self._spans is not None and not self._spans

    def date_near(self, start: int, end: int, exclude: tuple[int, int] = (0, 0)) -> DateSpan | None:
        """The date told with a fact whose trigger is ``text[start:end]``: the
        nearest date of the sentence that is not attributive ("the 1991
        dissolution"), else the list item's leading date, else ``None``. A date
        inside ``exclude`` (a count, a name) is none."""
        starts, plain = self._plain_dates
        if not plain:
            return self.default_date
        here = bisect.bisect_left(starts, end)
        best: tuple[int, DateSpan] | None = None
        # The nearest dates either side, stepping over at most a few inside ``exclude``.
        for index in (*range(here, min(here + 3, len(plain))), *range(here - 1, max(here - 4, -1), -1)):
            at, stop, span = plain[index]
            if at < exclude[1] and stop > exclude[0]:
                continue
            distance = at - end if at >= end else max(0, start - stop)
            if best is None or distance < best[0]:
                best = (distance, span)
        return best[1] if best else self.default_date


def folded_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without its ``(?i)``: on the folded text of an ASCII sentence, the same matches
    (when its letters are in lower case), found faster. Beyond ASCII they differ: ``(?i)``
    matches "ſ" for "s", "ı" for "i" and the Kelvin sign for "k"."""
    return re.compile(pattern.pattern.removeprefix("(?i)"))


def _successors(text: str, mentions: list[Mention]) -> None:
    """A former state the sentence itself names a party's successor of stands for that party:
    "the Federal Republic of Yugoslavia (of which Serbia is considered sole legal successor)",
    "the Soviet Union, whose successor state is Russia", "Russia, the successor of the Soviet
    Union". Only a sole successor: "of which Serbia is a successor" names one of several."""
    at = {m.start: index for index, m in enumerate(mentions)}
    for index, former in enumerate(mentions):
        if former.party is not None:
            continue
        named = _PREDECESSOR_OF.match(text, former.end)
        if named is not None:
            group = "heir" if named["heir"] else "later"
            heir = at.get(named.start(group))
            if (
                heir is not None
                and mentions[heir].party is not None
                and mentions[heir].end == named.end(group)
            ):
                mentions[index] = former._replace(party=mentions[heir].party)
            continue
        if index > 0 and mentions[index - 1].party is not None:
            said = _SUCCESSOR_OF.fullmatch(text, mentions[index - 1].end, former.start)
            if said is not None:
                mentions[index] = former._replace(party=mentions[index - 1].party)


_SOLE = r"(?:the\s+)?(?:sole\s+)?(?:legal\s+)?(?:successor|continuator)(?:\s+state)?"
_HEIR = r"(?:the\s+)?(?P<NAME>[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?|and\s+)?[A-Z][\w'’.-]*){0,5})"
# After a former state: "(of which Serbia is considered sole legal successor)", ", whose successor is Russia".
_PREDECESSOR_OF = re.compile(
    rf"\s*[(,]\s*(?:of\s+which\s+{_HEIR.replace('NAME', 'heir')}\s+is\s+"
    r"(?:(?:considered|regarded|recogni[sz]ed)\s+(?:as\s+)?)?"
    rf"(?:the\s+sole|sole|the)\s+(?:legal\s+)?(?:successor|continuator)"
    rf"|whose\s+{_SOLE}\s+is\s+{_HEIR.replace('NAME', 'later')})"
)
# Between a party and a former state: "Russia, the successor of the ", "Serbia (the legal successor to ".
_SUCCESSOR_OF = re.compile(
    r"\s*[(,]\s*(?:as\s+)?(?:the\s+sole|sole|the)\s+(?:legal\s+)?(?:successor|continuator)"
    r"(?:\s+state)?\s+(?:of|to)\s+(?:the\s+)?"
)


_BEFORE = 120
# A word that starts with a capital: where a country's name or adjective can start.
# (The capital first, then what is before it: a pattern that starts with a character
# class is only tried where that class matches.)
_CAPITAL = re.compile(r"[A-Z](?<![\w'’.-].)\w*(?:[-'’.]\w+)*\.?")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# The words without which a fact family's rules cannot fire. Substring tests on the
# case-folded sentence: several times faster than one case-insensitive alternation.
_KEYWORDS = {
    # not "sever" ("several" is everywhere), not "sign" ("significant", "design")
    "diplomatic": ("establish", "restor", "resum", "normali", "severed", "severing", "severance", "broke",
                   "breaking off", "cut off", "ruptur", "suspen", "recogni"),
    "agreements": ("signed", "signing", "conclud", "ratif"),
    "missions": ("embass", "consul", "commission", "office"),
    "visits": ("visit", "travel"),
}  # fmt: skip
_CLAUSE_END = re.compile(r"[,;.:()]")
_ATTRIBUTIVE = re.compile(r"(?:\bthe|'s|’s)\s+$")
_WORD_AFTER = re.compile(r"\s+[a-z]")


def attributive(text: str, start: int, end: int) -> bool:
    """Whether a date names another thing ("the 1991 dissolution", "the 2008 war")."""
    # Both patterns need white space next to the date (``\s`` is ``str.isspace``): most dates
    # are followed by a comma or a full stop, and skip both searches.
    return (
        text[end : end + 1].isspace()
        and text[start - 1 : start].isspace()
        and bool(_ATTRIBUTIVE.search(text, max(0, start - 5), start))
        and bool(_WORD_AFTER.match(text, end))
    )


_LEADING_DATE_END = re.compile(r"\s*[:–—-]")


def _find_families(sentences: Sequence[Sentence]) -> dict[str, list[Sentence]]:
    """Give each sentence that holds a key word its :attr:`Sentence.families` and
    :attr:`Sentence.folded`, the same as it would find alone, from one search per key
    word through all the sentences' folded text (joined by new lines, which no key word
    holds) instead of one per sentence; return the sentences of each family."""
    texts = [s.text for s in sentences]
    # Each sentence's ``folded``, lowered one by one: most sentences are ASCII, lowered much
    # faster than one text that holds a few letters that are not.
    folded = [text.lower() for text in texts]
    joined = "\n".join(folded)
    ends = list(itertools.accumulate(len(text) + 1 for text in texts))  # where each sentence's line ends
    if texts and len(joined) != ends[-1] - 1:  # a letter grew in lower case ("İ"), as ``_make_folded`` sees
        folded = [
            f if len(f) == len(t) else t.translate(_ASCII_LOWER) for f, t in zip(folded, texts, strict=True)
        ]
        joined = "\n".join(folded)
    # The families of each sentence that holds a key word, by its index, as bits of
    # _KEYWORD_BITS: most sentences hold none, and are left alone.
    found: dict[int, int] = {}
    find = joined.find
    startswith = joined.startswith
    for stem, ways, every in _SEARCHES:
        at = find(stem)
        misses = 0
        while at >= 0:
            index = bisect.bisect_right(ends, at)
            had = found.get(index, 0)
            bits = had
            if not ways:  # the stem is a key word
                bits |= every
            else:
                after = at + len(stem)
                for bit, before, tail in ways:
                    if (not before or (at >= len(before) and startswith(before, at - len(before)))) and (
                        not tail or startswith(tail, after)
                    ):
                        bits |= bit
                misses += bits == had
                if misses > _MOST_MISSES:  # a text full of the stem: on with its key words, as whole
                    found[index] = bits
                    for bit, before, tail in ways:  # (the places before ``at`` are checked)
                        word = before + stem + tail
                        place = find(word, max(0, at - len(before)))
                        while place >= 0:
                            hit = bisect.bisect_right(ends, place)
                            found[hit] = found.get(hit, 0) | bit
                            place = find(word, ends[hit])
                    break
            if bits != had:
                found[index] = bits
            # Once the sentence has every family the stem tells, on to the next sentence.
            at = find(stem, ends[index] if bits & every == every else at + 1)
    by_family: dict[str, list[Sentence]] = {family: [] for family in _KEYWORDS}
    # The others find their families (none) and their folded text if ever asked.
    for index in sorted(found):
        sentence = sentences[index]
        families = sentence._lazy_families = _FAMILY_SETS[found[index]]
        sentence._lazy_folded = folded[index]
        for family in families:
            by_family[family].append(sentence)
    return by_family


# Each family's bit, and the families of each combination of bits.
_KEYWORD_BITS = tuple((1 << number, words) for number, words in enumerate(_KEYWORDS.values()))


def _searches(stems: tuple[str, ...]) -> tuple[tuple[str, tuple[tuple[int, str, str], ...], int], ...]:
    """What ``_find_families`` searches for: each key word, but one search for the key words
    that hold one of ``stems`` ("severed", "severing" and "severance": "sever"), each then
    checked around the stem as (its family's bit, the text before the stem, the text after);
    with the bits of all the stem's key words (no ways: the stem is a key word)."""
    ways: dict[str, list[tuple[int, str, str]]] = {}
    for bit, words in _KEYWORD_BITS:
        for word in words:
            stem = next((s for s in stems if s in word), word)
            at = word.index(stem)
            ways.setdefault(stem, []).append((bit, word[:at], word[at + len(stem) :]))
    return tuple(
        (stem, () if each == [(each[0][0], "", "")] else tuple(each), sum({bit for bit, _, _ in each}))
        for stem, each in ways.items()
    )


# Stems that are rare in running text: each spares a few searches of the whole text for a
# check of the few places it is met ("several", "design", "official").
_SEARCHES = _searches(("sever", "sign", "off"))
# The places of a stem checked in vain before its key words are searched for instead: a
# text made of the stem ("off off off ...") is not checked place by place.
_MOST_MISSES = 8
_FAMILY_SETS = tuple(
    frozenset(family for number, family in enumerate(_KEYWORDS) if bits >> number & 1)
    for bits in range(1 << len(_KEYWORDS))
)


#: One unit of running text: its text, source, whether it is a list item, and its dates.
Unit = tuple[str, "Located | None", bool, Sequence[DateSpan]]


def units(texts: Sequence[Unit], parties: Parties) -> list[Sentence]:
    """The sentences of running text. ``texts`` holds each paragraph sentence
    and each list item (``True`` for an item), with its source and its dates:
    an item is split into its sentences, and a date that starts it ("May 12,
    1997: ...") is the date of each of its sentences that has none of its own."""
    return units_by_family(texts, parties)[0]


def units_by_family(
    texts: Sequence[Unit], parties: Parties
) -> tuple[list[Sentence], dict[str, list[Sentence]]]:
    """:func:`units`, and the sentences each fact family reads (those that hold its key words,
    in order: a rule reads only those)."""
    out: list[Sentence] = []
    words: dict[str, _Known] = {}
    previous: Sentence | None = None
    paragraph = -1
    for text, source, item, spans in texts:
        if not item:
            if previous is not None and previous.source is not None and source is not None:
                same = previous.source.node is source.node
            else:
                same = False
            paragraph += not same
            previous = Sentence(
                text, source, parties, None, previous if same else None, spans, words, paragraph
            )
            out.append(previous)
            continue
        leading = None
        if spans and text.startswith(spans[0].text) and _LEADING_DATE_END.match(text, len(spans[0].text)):
            leading = spans[0]
        previous = None
        paragraph += 1
        pieces = split_sentences(text)
        for piece in pieces:
            whole = spans if len(pieces) == 1 and piece == text else None
            previous = Sentence(piece, source, parties, leading, previous, whole, words, paragraph)
            out.append(previous)
    return out, _find_families(out)


_ABBREVIATED = re.compile(r"(?:^|[\s.])[A-Z]\.$")


def no_full_stop(place: str) -> str:
    """``place`` without the full stop that ends its sentence ("Dili." but "Washington, D.C.")."""
    return place[:-1] if place.endswith(".") and not _ABBREVIATED.search(place) else place


def scan(
    pattern: re.Pattern[str], words: Sequence[str], text: str, within: str | None = None
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, found faster: every match of ``pattern``
    starts with one of ``words``, found in ``within`` (``text`` itself, or its
    case-folded twin with the same offsets) by plain substring search, and
    ``pattern`` is tried only there instead of at every character (a pattern
    that starts with a group or ``\\b`` gets no help from the regex engine).
    Never more match attempts than ``finditer``: linear wherever it is."""
    find = (text if within is None else within).find
    starts: list[int] = []  # sorted below; a place two words start at is tried once
    for word in words:
        at = find(word)
        while at >= 0:
            starts.append(at)
            at = find(word, at + 1)
    if not starts:
        return []
    out = []
    match = pattern.match
    pos = 0
    if len(starts) > 1:
        starts.sort()
    last = -1
    for at in starts:
        if at == last:
            continue
        last = at
        if at < pos:
            continue
        found = match(text, at)
        if found is not None:
            out.append(found)
            pos = found.end()  # none of the patterns matches the empty string
    return out


def word_start(text: str, at: int) -> bool:
    """Whether a word starts at ``at`` (what a leading ``\\b`` checks: patterns that
    start with an alternation of literals are scanned much faster without it)."""
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")
