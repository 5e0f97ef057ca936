"""Write src/wikirel/facts/countries.tsv from countryinfo's data plus hand corrections.

Run by a maintainer (``pip install countryinfo==1.0.1``), never at build or run time:
the TSV is the shipped artifact. countryinfo is MIT licensed; its per-country
JSON gives the ISO 3166-1 codes, an English short name, alternative spellings,
the capital and a demonym. Its data is dated in places (``Tadzhik``, ``Nur-Sultan``,
``Swaziland``), so CORRECTIONS below, checked by hand against the current ISO
3166-1 list, win; ALIASES adds English names a relations article uses.
Non-English alternative spellings are dropped: "Island" (Iceland) or "Thai"
would match ordinary English words.
"""

from __future__ import annotations

import ast
import csv
import json
import re
import sys
from pathlib import Path

import countryinfo  # type: ignore[import-untyped]

OUT = Path(__file__).resolve().parents[1] / "src" / "wikirel" / "facts" / "countries.tsv"

# Codes no longer assigned (Netherlands Antilles, Serbia and Montenegro).
DROPPED = {"ANT", "SCG"}
# Sovereign states whose demonyms/adjectives count; a territory's demonym
# ("Chinese" for Hong Kong) would only collide with its state's.
CORRECTIONS: dict[str, dict[str, object]] = {
    "TJK": {"demonyms": ["Tajik", "Tajikistani"]},
    "KAZ": {"capitals": ["Astana"], "demonyms": ["Kazakh", "Kazakhstani"]},
    "KGZ": {"demonyms": ["Kyrgyz", "Kyrgyzstani"], "aliases": ["Kyrgyz Republic", "Kirghizia"]},
    "SWZ": {"name": "Eswatini", "aliases": ["Swaziland", "Kingdom of Eswatini"], "demonyms": ["Swazi"], "capitals": ["Mbabane", "Lobamba"]},
    "MKD": {"name": "North Macedonia", "aliases": ["Republic of North Macedonia", "Macedonia"], "demonyms": ["Macedonian"]},
    "CZE": {"aliases": ["Czechia"], "demonyms": ["Czech"]},
    "TUR": {"aliases": ["Türkiye", "Turkiye"], "demonyms": ["Turkish"]},
    "CIV": {"name": "Côte d'Ivoire", "aliases": ["Ivory Coast", "Cote d'Ivoire"], "demonyms": ["Ivorian"]},
    "MMR": {"aliases": ["Burma"], "demonyms": ["Burmese", "Myanmar"]},
    "TLS": {"name": "Timor-Leste", "aliases": ["East Timor"], "demonyms": ["Timorese", "East Timorese"]},
    "CPV": {"name": "Cape Verde", "aliases": ["Cabo Verde"], "demonyms": ["Cape Verdean"]},
    "ARG": {"demonyms": ["Argentine", "Argentinian", "Argentinean"]},
    "PHL": {"demonyms": ["Filipino", "Philippine"]},
    "NLD": {"demonyms": ["Dutch"]},
    "GBR": {"aliases": ["Britain", "Great Britain", "UK", "U.K."], "demonyms": ["British"]},
    "USA": {"aliases": ["United States of America", "US", "U.S.", "USA", "U.S.A.", "America"], "capitals": ["Washington, D.C.", "Washington D.C."], "demonyms": ["American", "U.S."]},
    "ARE": {"aliases": ["UAE", "Emirates"], "demonyms": ["Emirati"]},
    "SAU": {"demonyms": ["Saudi", "Saudi Arabian"]},
    "KOR": {"aliases": ["Korea, South", "ROK"], "demonyms": ["South Korean"]},
    "PRK": {"aliases": ["Korea, North", "DPRK"], "demonyms": ["North Korean"]},
    "COD": {"aliases": ["DR Congo", "DRC", "Congo-Kinshasa", "Zaire"], "demonyms": []},
    "COG": {"aliases": ["Congo-Brazzaville", "Republic of Congo"], "demonyms": []},
    "DMA": {"demonyms": []},
    "DOM": {"demonyms": []},
    "GMB": {"name": "The Gambia", "aliases": ["Gambia"]},
    "BHS": {"name": "The Bahamas", "aliases": ["Bahamas"]},
    "CHN": {"aliases": ["People's Republic of China", "PRC", "Mainland China"], "demonyms": ["Chinese"]},
    "TWN": {"aliases": ["Republic of China", "ROC", "Chinese Taipei"], "demonyms": ["Taiwanese"]},
    "RUS": {"aliases": ["Russian Federation"], "demonyms": ["Russian"]},
    "IRN": {"aliases": ["Persia"], "demonyms": ["Iranian", "Persian"]},
    "VAT": {"name": "Vatican City", "aliases": ["Holy See", "Vatican"], "capitals": [], "demonyms": []},
    "PSE": {"name": "Palestine", "aliases": ["State of Palestine"], "capitals": ["Ramallah"], "demonyms": ["Palestinian"]},
    "LAO": {"aliases": ["Lao PDR", "Lao People's Democratic Republic"], "demonyms": ["Lao", "Laotian"]},
    "UKR": {"capitals": ["Kyiv", "Kiev"], "demonyms": ["Ukrainian"]},
    "MDV": {"demonyms": ["Maldivian"]},
    "ECU": {"demonyms": ["Ecuadorian", "Ecuadorean"]},
    "ISL": {"demonyms": ["Icelandic", "Icelander"]},
    "DNK": {"demonyms": ["Danish", "Dane"]},
    "FIN": {"demonyms": ["Finnish", "Finn"]},
    "SWE": {"demonyms": ["Swedish", "Swede"]},
    "POL": {"demonyms": ["Polish", "Pole"]},
    "ESP": {"demonyms": ["Spanish"]},
    "FRA": {"demonyms": ["French"]},
    "THA": {"demonyms": ["Thai"]},
    "SVN": {"demonyms": ["Slovenian", "Slovene"]},
    "SVK": {"demonyms": ["Slovak", "Slovakian"]},
    "BIH": {"demonyms": ["Bosnian"], "aliases": ["Bosnia-Herzegovina", "Bosnia"]},
    "ATG": {"demonyms": ["Antiguan"]},
    "KNA": {"demonyms": ["Kittitian"], "aliases": ["St. Kitts and Nevis", "Saint Christopher and Nevis"]},
    "VCT": {"aliases": ["St. Vincent and the Grenadines"]},
    "LCA": {"aliases": ["St. Lucia"]},
    "TTO": {"demonyms": ["Trinidadian", "Tobagonian"]},
    "NZL": {"demonyms": ["New Zealand"]},
    "GIN": {"demonyms": []},
    "GNB": {"demonyms": ["Bissau-Guinean"]},
    "GNQ": {"demonyms": ["Equatoguinean"]},
    "NER": {"demonyms": ["Nigerien"]},
    "SLV": {"demonyms": ["Salvadoran", "Salvadorean"]},
    "CAF": {"demonyms": []},
    "SSD": {"demonyms": ["South Sudanese"]},
    "ZAF": {"demonyms": ["South African"], "capitals": ["Pretoria"]},
    "BOL": {"capitals": ["Sucre", "La Paz"]},
    "LKA": {"capitals": ["Sri Jayawardenepura Kotte", "Colombo"]},
    "MYS": {"capitals": ["Kuala Lumpur"]},
    "NGA": {"capitals": ["Abuja"]},
    "TZA": {"capitals": ["Dodoma"]},
    "ISR": {"capitals": []},  # the seat of government is disputed: no capital lookup
    "BRN": {"aliases": ["Brunei Darussalam"], "demonyms": ["Bruneian"]},
    "FSM": {"name": "Micronesia", "aliases": ["Federated States of Micronesia"], "demonyms": []},
    "VNM": {"aliases": ["Viet Nam"], "demonyms": ["Vietnamese"]},
    "SYR": {"demonyms": ["Syrian"]},
    "MNE": {"aliases": [], "demonyms": ["Montenegrin"]},
    "SGP": {"capitals": []},  # city and state share a name: the name already resolves
    "DJI": {"capitals": [], "demonyms": ["Djiboutian"]},
    "LUX": {"capitals": [], "demonyms": ["Luxembourgish", "Luxembourger"]},
    "MCO": {"capitals": []},
    "KWT": {"capitals": ["Kuwait City"]},
    "GTM": {"capitals": ["Guatemala City"]},
    "PAN": {"capitals": ["Panama City"]},
    "MEX": {"capitals": ["Mexico City"]},
    "GRD": {"capitals": ["St. George's", "Saint George's"]},
    "PLW": {"capitals": ["Ngerulmud"]},
    "KIR": {"capitals": ["Tarawa", "South Tarawa"]},
    "NRU": {"capitals": []},
}
# Codes of dependent or otherwise non-sovereign areas (not UN members or
# observers, and not Taiwan): they keep their names but no demonym or capital,
# which would collide with their state's ("Chinese" for Hong Kong).
TERRITORIES = set(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL GUF GUM"
    " HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM SXM TCA"
    " TKL UMI VGB VIR WLF".split()
)


def _english(alias: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z .,'()\-À-ÿ]+", alias)) and len(alias) > 3 and any(
        word in alias
        for word in ("Republic", "Kingdom", "State", "Commonwealth", "Federation", "Union", "Principality",
                     "Sultanate", "Duchy", "Confederation", "Emirates", "Islands", "Federal")
    ) and "," not in alias


def main() -> None:
    data = Path(countryinfo.__file__).parent / "data"
    rows: dict[str, dict[str, object]] = {}
    for path in sorted(data.glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        iso = item.get("ISO") or {}
        code = iso.get("alpha3")
        if not code or code in DROPPED or code in rows:
            continue
        alt = item.get("altSpellings") or []
        if isinstance(alt, str):
            alt = ast.literal_eval(alt)
        capital = item.get("capital")
        capitals = [capital] if isinstance(capital, str) and capital else []
        demonym = item.get("demonym") or ""
        rows[code] = {
            "iso3": code,
            "iso2": iso.get("alpha2", ""),
            "name": item["name"],
            "aliases": [a for a in alt if _english(a) and a != item["name"]],
            "capitals": capitals,
            "demonyms": [d for d in demonym.split(",") if d],
            "sovereign": code not in TERRITORIES,
        }
    for code, fix in CORRECTIONS.items():
        if code in rows:
            row = rows[code]
            for key, value in fix.items():
                if key == "aliases":
                    row["aliases"] = list(dict.fromkeys([*value, *row["aliases"]]))  # type: ignore[list-item]
                else:
                    row[key] = value
    for row in rows.values():
        if not row["sovereign"]:
            row["demonyms"], row["capitals"] = [], []
    with OUT.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["iso3", "iso2", "name", "sovereign", "aliases", "capitals", "demonyms"])
        for code in sorted(rows):
            row = rows[code]
            writer.writerow([code, row["iso2"], row["name"], "yes" if row["sovereign"] else "no", "|".join(row["aliases"]),  # type: ignore[arg-type]
                             "|".join(row["capitals"]), "|".join(row["demonyms"])])  # type: ignore[arg-type]
    print(f"{len(rows)} rows -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
