"""The article's two parties, from its title: "A–B relations", "Relations between A and B"."""

from __future__ import annotations

import itertools
import re

__all__ = ["parties_from_title"]


_DASHES = "–—"
_AND = re.compile(r"(?<=\s)and(?=\s)", re.IGNORECASE)


def parties_from_title(title: str) -> tuple[str, str] | None:
    """``("A", "B")`` from "A–B relations", "A-B relations", "A and B relations"
    or "Relations between A and B"; ``None`` when the title does not name
    exactly two parties: "China–India–Pakistan relations" names three, and a
    pair is never half-read from it.

    Names with "and" ("Trinidad and Tobago") or a hyphen ("Timor-Leste",
    "Austria-Hungary") are known (``_AND_NAMES``, ``_HYPHEN_NAMES``); a title
    that splits in more than one way gives ``None``. String operations, no
    backtracking regex: linear in the title's length.
    """
    title = title.strip()
    head, last = _split_last_word(title)
    if last.casefold() == "relations" and head:
        if _DASHES[0] in head or _DASHES[1] in head:
            parts = [part for piece in head.split(_DASHES[0]) for part in piece.split(_DASHES[1])]
            return _adjective_pair(*parts) if len(parts) == 2 else None
        if _AND.search(head):
            return _and_pair(head)
        if head.count("-") == 1 and head.strip().casefold() not in _HYPHEN_NAMES:
            return _adjective_pair(*head.split("-"))
        return None
    first, rest = _split_first_word(title)
    second, rest = _split_first_word(rest)
    if first.casefold() == "relations" and second.casefold() == "between":
        return _and_pair(rest)
    return None


# Names with "and" in them; a title joining two parties with "and" is split
# only where neither side is left with an "and" that is not one of these.
_AND_NAMES = frozenset(
    name.casefold()
    for name in (
        "Trinidad and Tobago", "Bosnia and Herzegovina", "Antigua and Barbuda", "Saint Kitts and Nevis",
        "Saint Vincent and the Grenadines", "São Tomé and Príncipe", "Sao Tome and Principe",
        "Serbia and Montenegro", "Turks and Caicos Islands", "Wallis and Futuna", "Saint Pierre and Miquelon",
        "Heard Island and McDonald Islands", "Svalbard and Jan Mayen", "the Turks and Caicos Islands",
        "South Georgia and the South Sandwich Islands", "Saint Helena, Ascension and Tristan da Cunha",
    )
)  # fmt: skip
# Names with a hyphen in them: "Timor-Leste relations" is one party, not two.
_HYPHEN_NAMES = frozenset(
    name.casefold()
    for name in (
        "Timor-Leste", "Austria-Hungary", "Guinea-Bissau", "Bosnia-Herzegovina", "Alsace-Lorraine",
        "Schleswig-Holstein", "Baden-Württemberg", "Rhineland-Palatinate", "Saxe-Coburg", "Saxony-Anhalt",
        "Brandenburg-Prussia", "Poland-Lithuania", "Sweden-Norway", "Denmark-Norway", "Kabardino-Balkaria",
        "Karachay-Cherkessia", "Khanty-Mansi", "Emilia-Romagna", "Friuli-Venezia Giulia", "Port-au-Prince",
        "Congo-Brazzaville", "Congo-Kinshasa",
    )
)  # fmt: skip


def _and_pair(text: str) -> tuple[str, str] | None:
    """The two names "A and B" joins, where exactly one "and" splits it into names."""
    ands = list(itertools.islice(_AND.finditer(text), 4))
    if len(ands) > 3:  # two names hold at most one "and" each
        return None
    found = None
    for at in ands:
        a, b = text[: at.start()].strip(), text[at.end() :].strip()
        if _one_name(a) and _one_name(b):
            if found is not None:
                return None  # two readings: say nothing
            found = (a, b)
    return _pair(*found) if found else None


def _one_name(name: str) -> bool:
    """Whether ``name`` is one party's name: no "and" in it unless it is a known name with one."""
    return _AND.search(name) is None or " ".join(name.split()).casefold() in _AND_NAMES


# Combining forms and adjectives of hyphenated titles ("Sino-Roman", "Franco-German").
_COMBINING = {
    "sino": "China", "indo": "India", "franco": "France", "russo": "Russia", "greco": "Greece",
    "italo": "Italy", "austro": "Austria", "luso": "Portugal", "hispano": "Spain", "turco": "Turkey",
    "nippo": "Japan", "germano": "Germany", "polono": "Poland", "serbo": "Serbia", "hungaro": "Hungary",
}  # fmt: skip
_ADJECTIVES = {
    "roman": "Roman Empire", "byzantine": "Byzantine Empire", "ottoman": "Ottoman Empire",
    "persian": "Persia", "mongol": "Mongol Empire", "german": "Germany", "french": "France",
    "british": "United Kingdom", "american": "United States", "japanese": "Japan", "chinese": "China",
    "indian": "India", "russian": "Russia", "soviet": "Soviet Union", "portuguese": "Portugal",
    "spanish": "Spain", "italian": "Italy", "dutch": "Netherlands", "pakistani": "Pakistan",
    "tibetan": "Tibet", "nepalese": "Nepal", "korean": "Korea", "vietnamese": "Vietnam",
    "thai": "Thailand", "polish": "Poland", "swedish": "Sweden", "danish": "Denmark",
}  # fmt: skip


def _adjective_pair(a: str, b: str) -> tuple[str, str] | None:
    """The parties of "A-B relations": the names, or for a title in adjective
    form ("Sino-Roman") the countries they stand for; ``None`` when one of
    them cannot be named."""
    first, second = a.strip().casefold(), b.strip().casefold()
    if first not in _COMBINING and second not in _COMBINING:
        return _pair(a, b)
    names = [_COMBINING.get(word) or _ADJECTIVES.get(word) for word in (first, second)]
    return (names[0], names[1]) if names[0] and names[1] else None


def _split_last_word(text: str) -> tuple[str, str]:
    """``(everything before the last word, the last word)``, both stripped."""
    if not text or text[-1].isspace():
        return text.rstrip(), ""
    parts = text.rsplit(None, 1)  # white space as str.isspace has it
    return (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])


def _split_first_word(text: str) -> tuple[str, str]:
    text = text.lstrip()
    end = 0
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[:end], text[end:].lstrip()


def _pair(a: str, b: str) -> tuple[str, str] | None:
    a, b = a.strip(), b.strip()
    return (a, b) if a and b else None
