"""Splitting running text into sentences (the unit every fact rule reads)."""

from __future__ import annotations

import re

__all__ = ["sentence_starts", "split_sentences"]

_ABBREVIATIONS = frozenset(
    re.findall(
        r"\S+",
        """adm al approx apr aug ca capt cf co col corp dec dept dr e.g est etc feb fig gen gov i.e inc
        jan jr jul jun lt ltd maj mar messrs mr mrs ms mt no nov oct pp pres prof rep rev sen sept sep
        sgt sr st vs""",
    )
)
_END = re.compile(r"([.!?][\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])")  # group 1: the end of a sentence
# _END for a text without "!" or "?": a pattern that starts with one character
# is scanned for several times faster than one that starts with a class.
_FULL_STOP = re.compile(_END.pattern.replace("[.!?]", r"\.", 1))
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")  # U.S, U.N
_ERAS = frozenset({"b.c", "a.d", "b.c.e", "c.e"})  # "4000 B.C. The ..." ends a sentence
_OPENERS = "\"'“‘(["
# A word before a dot, lower case, without opening quotes or brackets: True for one after which
# no sentence ends (an abbreviation, an initial), False for an era, which ends one.
_WORDS = {
    **dict.fromkeys(_ABBREVIATIONS, True),
    **dict.fromkeys("abcdefghijklmnopqrstuvwxyz", True),
    **dict.fromkeys(_ERAS, False),
}
# How far back a space is looked for with one find; a longer word is walked back over.
_WORD_REACH = 48


def split_sentences(text: str) -> list[str]:
    """Split running text into sentences.

    Does not split after abbreviations ("Gen.", "U.S."), initials ("J."),
    or inside numbers ("17.5"). Linear in the length of ``text``: each
    candidate end looks back only over the word before it.

    >>> split_sentences("Gen. J. Smith met U.S. envoys. Trade grew 17.5% in 2012. Then?  Yes.")
    ['Gen. J. Smith met U.S. envoys.', 'Trade grew 17.5% in 2012.', 'Then?', 'Yes.']
    """
    return sentence_starts(text)[1]


def sentence_starts(text: str) -> tuple[list[int], list[str]]:
    """The sentences of :func:`split_sentences` and, in a list beside them,
    the offset in ``text`` where each starts."""
    text = str.__str__(text)
    offsets: list[int] = []
    sentences: list[str] = []
    start = 0
    ends = _END if "!" in text or "?" in text else _FULL_STOP
    for match in ends.finditer(text):
        dot, stop = match.span(1)  # the mark and any closing quotes or brackets after it
        if text[dot] == ".":
            # The word before the dot: back to the last white space. The text
            # before ``start`` ends in white space (the end of a match), so the
            # word never reaches into the sentence before. A word without other
            # white space is found with one find (no character but the space is
            # both printable and white space).
            reach = dot - _WORD_REACH if dot - _WORD_REACH > start else start
            space = text.rfind(" ", reach, dot)
            word = text[space + 1 if space >= 0 else reach : dot]
            if (space < 0 and reach > start) or not word.isprintable():
                at = dot  # other white space, or a long word: walk back
                while at > start and not text[at - 1].isspace():
                    at -= 1
                word = text[at:dot]
            # A word of more than 7 characters with no "." and no opening quote or bracket,
            # or one that starts with a digit ("in 2012."), is no abbreviation, initial or
            # dotted name: no need to look it up.
            if word and not "0" <= word[0] <= "9" and (len(word) <= 7 or "." in word or word[0] in _OPENERS):
                token = (word if word[0] not in _OPENERS else word.lstrip(_OPENERS)).lower()
                # True: an abbreviation or an initial, no end; False: an era, an end.
                known = _WORDS.get(token)
                if known is None and "." in token:
                    known = _DOTTED.fullmatch(token) is not None
                if known:
                    continue
        if start:  # after a match: no white space at the front, none at the end before ``stop``
            offsets.append(start)
            sentences.append(text[start:stop])
        else:
            sentence = text[:stop].lstrip()
            offsets.append(stop - len(sentence))
            sentences.append(sentence)
        start = match.end()
    if start:  # after a match, which takes all white space before the next sentence
        sentence = text[start:].rstrip()
        offsets.append(start)
        sentences.append(sentence)
    else:
        sentence = text.strip()
        if sentence:
            offsets.append(len(text) - len(text.lstrip()))
            sentences.append(sentence)
    return offsets, sentences
