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
_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")  # U.S, U.N
_ERAS = frozenset({"b.c", "a.d", "b.c.e", "c.e"})  # "4000 B.C. The ..." ends a sentence
_OPENERS = "\"'“‘(["
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
    for match in _END.finditer(text):
        dot = match.start()
        if text[dot] == ".":
            # The word before the dot: back to the last white space. The text
            # before ``start`` ends in white space (the end of a match), so the
            # word never reaches into the sentence before.
            # A word without other white space is found with one find (no
            # character but the space is both printable and white space).
            reach = dot - _WORD_REACH if dot - _WORD_REACH > start else start
            space = text.rfind(" ", reach, dot)
            word = space + 1 if space >= 0 else reach
            if (space < 0 and reach > start) or not text[word:dot].isprintable():
                word = dot  # other white space, or a long word: walk back
                while word > start and not text[word - 1].isspace():
                    word -= 1
            if word < dot:
                token = text[word:dot].lstrip(_OPENERS).lower()
                if token in _ERAS:
                    pass
                elif (
                    token in _ABBREVIATIONS
                    or (len(token) == 1 and "a" <= token <= "z")
                    or ("." in token and _DOTTED.fullmatch(token))
                ):
                    continue
        end = match.end()
        if start:  # after a match: no white space to strip at the front
            sentence = text[start:end].rstrip()
            if sentence:
                offsets.append(start)
                sentences.append(sentence)
        else:
            piece = text[:end]
            sentence = piece.strip()
            if sentence:
                offsets.append(len(piece) - len(piece.lstrip()))
                sentences.append(sentence)
        start = end
    rest = text[start:]
    sentence = rest.strip()
    if sentence:
        offsets.append(start + len(rest) - len(rest.lstrip()))
        sentences.append(sentence)
    return offsets, sentences
