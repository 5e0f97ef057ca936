"""A deterministic corpus of relation articles in the shape of the seeds.

``generate(n, seed)`` returns ``n`` articles; the same arguments always give
the same text. Titles, infobox fields, section order, paragraph lengths,
table sizes and Unicode vary from article to article.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

COUNTRIES = [
    "Pakistan", "Tajikistan", "China", "Kenya", "Uganda", "France", "Germany", "Chile", "Peru",
    "Côte d'Ivoire", "São Tomé and Príncipe", "Türkiye", "Viet Nam", "Réunion", "Curaçao",
    "Norway", "Iceland", "Japan", "Korea", "Brazil", "Ghana", "Egypt", "Ελλάδα", "Россия", "日本",
]  # fmt: skip
PEOPLE = ["Ji Shumin", "Tariq Iqbal Soomro", "Sherali Jononov", "Ana Gómez", "François Delattre",
          "Saidzoda Zohir Ozod", "Ngũgĩ wa Thiong'o", "Zoë Müller", "Åsa Lindqvist"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
SECTIONS = ["History", "Economy and trade", "Border dispute", "Military and security cooperation",
            "Culture and education", "Diaspora", "Energy", "Sovereignty issues"]  # fmt: skip
WORDS = [
    "relations", "trade", "agreement", "cooperation", "border", "ministers", "summit", "treaty", "visit",
    "security", "investment", "embassy", "delegation", "region", "infrastructure", "energy", "culture",
]  # fmt: skip


def _date(rng: random.Random) -> str:
    year = rng.randint(1950, 2025)
    form = rng.randrange(5)
    month = rng.choice(MONTHS)
    day = rng.randint(1, 28)
    if form == 0:
        return f"{month} {day}, {year}"
    if form == 1:
        return f"{day} {month} {year}"
    if form == 2:
        return f"{month} {year}"
    if form == 3:
        return f"{month} {day}–{day + rng.randint(1, 3)}, {year}"
    return str(year)


def _sentence(rng: random.Random, a: str, b: str) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 24)))
    if rng.random() < 0.5:
        return f"In {_date(rng)}, {a} and {b} discussed {words}."
    extra = f" worth US${rng.randint(1, 90)}.{rng.randint(0, 9)} billion" if rng.random() < 0.3 else ""
    return f"{a.capitalize()} {words}{extra}, said {rng.choice(PEOPLE)}."


def _paragraph(rng: random.Random, a: str, b: str) -> str:
    return " ".join(_sentence(rng, a, b) for _ in range(rng.randint(1, 4)))


def article(rng: random.Random) -> str:
    """One article."""
    a, b = rng.sample(COUNTRIES, 2)
    lines = [f"= {a}–{b} relations =", ""]
    if rng.random() < 0.9:
        lines.append("Infobox")
        fields = [
            ("Party1", a),
            ("Party2", b),
            ("Map", f"{a}_{b}_Locator.svg"),
            ("Filetype", "250px"),
            ("Envoytitle1", "Ambassador"),
            ("Envoy1", rng.choice(PEOPLE)),
            ("Envoytitle2", "Ambassador Extraordinary and Plenipotentiary"),
            ("Envoy2", rng.choice(PEOPLE)),
            ("Mission1", f"Embassy of {a}, {rng.choice(['Dushanbe', 'Paris', 'Accra'])}"),
            ("Mission2", f"{b} Embassy, {rng.choice(['Beijing', 'Lima', 'Oslo'])}"),
        ]
        lines += [f"- {key}: {value}" for key, value in fields if rng.random() < 0.85]
        lines.append("")
    lines += [_paragraph(rng, a, b), ""]
    for title in rng.sample(SECTIONS, rng.randint(2, 6)):
        spaced = rng.random() < 0.5
        lines.append(f"== {title} ==" if spaced else f"=={title}==")
        for index in range(rng.randint(1, 3)):
            if index or rng.random() < 0.3:
                lines.append("")
            lines.append(_paragraph(rng, a, b))
        lines.append("")
    if rng.random() < 0.6:
        lines += ["== High-level visits ==", "| Guest | Host | Place of visit | Date of visit |"]
        for _ in range(rng.randint(1, 12)):
            lines.append(f"| President {rng.choice(PEOPLE)} | Premier {rng.choice(PEOPLE)} | "
                         f"{rng.choice(['Beijing', 'Dushanbe', 'Paris'])} | {_date(rng)} |")  # fmt: skip
        lines.append("")
    lines.append("== See also ==")
    for _ in range(rng.randint(1, 5)):
        lines.append(f"- Foreign relations of {rng.choice([a, b])}")
        if rng.random() < 0.2:
            lines.append(f"  - {rng.choice(COUNTRIES)} in {rng.choice([a, b])}")
    return "\n".join(lines) + "\n"


def iter_articles(n: int, seed: int = 0) -> Iterator[str]:
    """``n`` articles, one at a time (nothing kept in memory)."""
    rng = random.Random(seed)
    for _ in range(n):
        yield article(rng)


def generate(n: int, seed: int = 0) -> list[str]:
    """``n`` articles, deterministically."""
    return list(iter_articles(n, seed))
