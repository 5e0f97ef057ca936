"""Splitting running text into sentences (the unit every fact rule reads)."""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

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
_ERAS = frozenset({"b.c", "a.d", "b.c.e", "c.e"})  # "4000 B.C. The ..." ends a sentence


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
                if token in _ERAS:
                    pass
                elif token in _ABBREVIATIONS or _INITIAL.fullmatch(token) or _DOTTED.fullmatch(token):
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
