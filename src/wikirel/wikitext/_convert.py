"""The converter: mwparserfromhell's nodes to wikirel's blocks, then to text.

Nesting inside a line (links in templates in tags) is rendered with an
explicit stack; mwparserfromhell itself stops nesting at its ``MAX_DEPTH``
(100), so the few helpers that call its ``strip_code`` are bounded too.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from ..dialect import DEFAULT, Dialect
from ..errors import WikirelError
from ..parser import parse

if TYPE_CHECKING:
    from ..nodes import Document

__all__ = ["Conversion", "ConversionReport", "WikitextError", "convert"]


class WikitextError(WikirelError, ValueError):
    """``strict=True``: a wikitext construct the converter cannot render, with its line and column."""

    def __init__(self, message: str, line: int, column: int) -> None:
        self.line: int = line
        self.column: int = column
        self.reason: str = message
        super().__init__(f"{line}:{column}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.reason, self.line, self.column))


@attrs.frozen
class ConversionReport:
    """What the conversion left out, so nothing is lost silently.

    ``dropped`` counts what was dropped on purpose (``template:cite web``,
    ``ref``, ``comment``, ``category``, ``file``, ``section:References`` ...);
    ``unknown`` counts the templates and tags it does not know (rendered as
    nothing; ``strict=True`` raises on the first); ``escaped`` is the number of
    lines that would have read as other wikirel constructs (a paragraph
    starting with ``- ``, ``|``, ``=``...) and were kept as text with a
    leading U+2060 WORD JOINER; ``replaced`` counts ``|`` in table cells,
    written ``¦`` (a cell cannot hold ``|``).
    """

    dropped: dict[str, int] = attrs.field(factory=dict)
    unknown: dict[str, int] = attrs.field(factory=dict)
    escaped: int = 0
    replaced: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for JSON."""
        return {
            "dropped": dict(self.dropped),
            "unknown": dict(self.unknown),
            "escaped": self.escaped,
            "replaced": self.replaced,
        }

    def summary(self) -> str:
        """One line: ``dropped 3 (template:cite web ×2, ref ×1); unknown 0``."""

        def counts(found: dict[str, int]) -> str:
            total = sum(found.values())
            if not total:
                return "0"
            shown = ", ".join(f"{name} ×{count}" for name, count in sorted(found.items()))
            return f"{total} ({shown})"

        return f"dropped {counts(self.dropped)}; unknown {counts(self.unknown)}"


@attrs.frozen
class Conversion:
    """A conversion's wikirel ``text``, its parsed ``document`` and the ``report``."""

    text: str
    document: Document
    report: ConversionReport


# -- the mapping's vocabulary ---------------------------------------------------------

#: ``{{Infobox bilateral relations}}`` and the redirects to it that pages use.
INFOBOX_NAMES = frozenset(
    {
        "infobox bilateral relations",
        "infobox bilateral relationship",
        "infobox bilateral",
        "infobox foreign relations",
        "bilateral relations infobox",
        "infobox diplomatic relations",
    }
)
#: Its positional form, ``{{Infobox bilateral relations|Canadian–American|Canada|USA}}``.
INFOBOX_POSITIONAL = {"1": "Name", "2": "Party1", "3": "Party2"}
#: Sections a reader skims past: citations and links out, dropped with their subsections.
DROPPED_SECTIONS = frozenset(
    {
        "references",
        "notes",
        "external links",
        "further reading",
        "bibliography",
        "sources",
        "citations",
        "footnotes",
        "notes and references",
        "references and notes",
        "works cited",
    }
)
#: Templates dropped on purpose (citations, notes, hatnotes, maintenance tags, layout).
DROPPED_TEMPLATES = frozenset(
    {
        "reflist", "notelist", "refbegin", "refend", "efn", "refn", "sfn", "sfnp", "harvnb", "harvp",
        "citation", "citation needed", "cn", "fact", "when", "who", "which", "clarify", "dead link",
        "better source needed", "failed verification", "page needed", "by whom", "update inline",
        "main", "main article", "see also", "further", "about", "redirect", "for", "other uses",
        "distinguish", "short description", "use dmy dates", "use mdy dates", "use british english",
        "use american english", "use indian english", "engvarb", "defaultsort", "displaytitle", "coord",
        "portal", "portal bar", "commons category", "commons", "wikiquote", "authority control",
        "clear", "-", "clr", "div col", "div col end", "col-begin", "col-end", "col-2", "col-break",
        "multiple issues", "more citations needed", "refimprove", "update", "expand section",
        "cleanup", "pov", "unreferenced", "one source", "primary sources", "original research",
        "webarchive", "toc limit", "toclimit", "anchor", "good article", "featured article",
        "pp", "pp-protected", "pp-semi-protected", "pp-move-indef", "lang-rtl", "rp", "snd",
        "flagicon", "flagicon image", "flagdeco", "flag icon", "cbignore", "efn-ua", "efn-lr",
    }
)  # fmt: skip
_DROPPED_PREFIXES = ("cite ", "foreign relations of ", "navbox", "infobox", "pp-", "efn", "sfn", "harv")
_DROPPED_SUFFIXES = (" navbox", " topics", " navigation", " sidebar", " footer", " portal", "-stub", " stub")
#: Templates that show their first unnamed parameter (a flag shows the country's name).
FIRST_PARAMETER = frozenset(
    {
        "flag", "flagcountry", "flagu", "flaglink", "flag country", "country", "nowrap", "nobr",
        "nobreak", "no wrap", "small", "smaller", "big", "larger", "abbr", "ill", "interlanguage link",
        "interlanguage link multi", "illm", "w", "vanchor", "visible anchor", "sic", "em", "strong",
        "keypress", "noitalic", "section link", "tooltip", "mono",
    }
)  # fmt: skip
#: Templates that show their second unnamed parameter ({{lang|fa|text}}).
SECOND_PARAMETER = frozenset({"lang", "transl", "transliteration", "native name", "native phrase"})
#: Templates that show their unnamed parameters as a list.
LIST_TEMPLATES = frozenset(
    {"ubl", "unbulleted list", "plainlist", "plain list", "flatlist", "hlist", "bulleted list"}
)
DATE_TEMPLATES = frozenset(
    {
        "start date",
        "start date and age",
        "end date",
        "end date and age",
        "dts",
        "date",
        "birth date",
        "death date",
        "sort date",
    }
)
#: Tags whose contents a reader sees as text.
TEXT_TAGS = frozenset(
    {
        "b", "i", "u", "s", "small", "big", "span", "sup", "sub", "abbr", "center", "div", "p", "font",
        "nowiki", "code", "tt", "em", "strong", "blockquote", "poem", "q", "cite", "del", "ins", "var",
        "bdi", "mark", "kbd", "samp",
    }
)  # fmt: skip
#: Tags dropped with what they hold.
DROPPED_TAGS = frozenset(
    {"ref", "references", "gallery", "math", "chem", "score", "timeline", "imagemap", "graph", "mapframe",
     "maplink", "templatedata", "syntaxhighlight", "source", "hr", "inputbox", "categorytree", "section"}
)  # fmt: skip
_FILE_NAMESPACES = ("file:", "image:", "media:")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_SPACE = re.compile(r"[ \t\r\n]+")  # not a no-break space: that is text
#: A line that would read as another construct: a heading, a row, a bullet, an
#: infobox, a numbered item (the opt-in dialect), or one starting with a BOM.
_FORGED = re.compile(r"\ufeff|[=|]|[ \t]*-(?:[ \t]|$)|Infobox[ \t]*$|[ \t]*[0-9]{1,9}[.)](?:[ \t]|$)")
_LIST_TAGS = ("li", "dt", "dd")
_INTERLANGUAGE = re.compile(r"[a-z][a-z-]{1,11}:")
MAX_TABLE_CELLS = 1_000_000  # of the expanded table, padded rows included
MAX_TABLE_TEXT = (
    20_000_000  # characters of the expanded table: a long cell spanned 1000×1000 is not 1000² copies
)
MAX_SPAN = 1000  # MediaWiki's own cap on colspan


def _name(template: Any) -> str:
    name = _SPACE.sub(" ", str(template.name).replace("_", " ")).strip().lower()
    name = name.removeprefix("template:").strip()
    head = name.split(":", 1)[0]
    return head if head in _MAGIC_WORDS else name  # {{DEFAULTSORT:Name}}


_MAGIC_WORDS = frozenset({"defaultsort", "displaytitle", "defaultsortkey", "defaultcategorysort"})


def _dropped_template(name: str) -> bool:
    return name in DROPPED_TEMPLATES or name.startswith(_DROPPED_PREFIXES) or name.endswith(_DROPPED_SUFFIXES)


class _Converter:
    def __init__(self, source: str, strict: bool, numbered: bool) -> None:
        self.source, self.strict, self.numbered = source, strict, numbered
        self.dropped: Counter[str] = Counter()
        self.unknown: Counter[str] = Counter()
        self.escaped = self.replaced = 0
        self.offset = 0  # where the top-level node being read starts
        self.search_from = 0  # where the line or block being rendered starts, for error positions

    # -- reporting ----------------------------------------------------------------------

    def where(self, node: Any) -> tuple[int, int]:
        found = self.source.find(str(node), self.search_from)
        at = found if found >= 0 else self.search_from
        line = self.source.count("\n", 0, at) + 1
        return line, at - (self.source.rfind("\n", 0, at) + 1) + 1

    def cannot(self, what: str, node: Any, key: str | None = None) -> None:
        """A construct it cannot render: an error when strict, else counted (as ``key``) and left out."""
        if self.strict:
            line, column = self.where(node)
            raise WikitextError(f"cannot render {what} (strict=True)", line, column)
        self.unknown[key or what] += 1

    # -- inline ----------------------------------------------------------------------------

    def inline(self, nodes: Iterable[Any], *, list_separator: str = " ") -> str:
        """The text a reader sees of ``nodes``, white space collapsed (an explicit stack)."""
        from mwparserfromhell import nodes as n

        out: list[str] = []
        stack: list[Any] = list(reversed(list(nodes)))
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                out.append(node)
            elif isinstance(node, n.Text):
                out.append(node.value)
            elif isinstance(node, n.HTMLEntity):
                out.append(node.normalize())
            elif isinstance(node, n.Comment):
                self.dropped["comment"] += 1
            elif isinstance(node, n.Wikilink):
                self._link(node, stack)
            elif isinstance(node, n.ExternalLink):
                if node.title is not None and node.brackets:
                    stack.extend(reversed(node.title.nodes))
                elif not node.brackets:
                    out.append(str(node.url))
                else:
                    self.dropped["external link without text"] += 1
            elif isinstance(node, n.Tag):
                self._tag(node, stack, out, list_separator)
            elif isinstance(node, n.Template):
                self._template(node, stack, out)
            elif isinstance(node, n.Heading):
                stack.append(" ")
                stack.extend(reversed(node.title.nodes))
            elif isinstance(node, n.Argument):
                self.cannot(f"template argument {{{{{{{str(node.name).strip()}}}}}}}", node)
            else:
                self.cannot(type(node).__name__, node)
        return _SPACE.sub(" ", "".join(out)).strip()

    def _link(self, node: Any, stack: list[Any]) -> None:
        target = str(node.title).strip()
        lowered = target.lower()
        if lowered.startswith(_FILE_NAMESPACES):
            self.dropped["file"] += 1
        elif lowered.startswith("category:"):
            self.dropped["category"] += 1
        elif node.text is not None:
            stack.extend(reversed(node.text.nodes))
        elif _INTERLANGUAGE.match(lowered) and not lowered.startswith(("wikt:", "w:", "wiktionary:")):
            # [[fr:Page]]: an interlanguage link shows nowhere in the text.
            self.dropped["interlanguage link"] += 1
        else:
            stack.append(target.lstrip(":").split("|")[0])

    def _tag(self, node: Any, stack: list[Any], out: list[str], list_separator: str) -> None:
        tag = str(node.tag).strip().lower()
        if tag == "br" or (tag in _LIST_TAGS and node.wiki_markup):  # a line break inside a value
            out.append(list_separator)
        elif tag in DROPPED_TAGS:
            self.dropped[tag] += 1
        elif tag in TEXT_TAGS or tag in ("li", "ul", "ol", "dl", "dt", "dd"):
            if node.contents is not None:
                stack.append(" " if tag in ("li", "p", "div", "dd", "dt") else "")
                stack.extend(reversed(node.contents.nodes))
        elif tag in ("table", "tr", "td", "th", "caption"):
            self.cannot("a table inside a line (a nested table or one in a template)", node)
        else:
            self.cannot(f"tag <{tag}>", node, f"tag:{tag}")

    def _template(self, node: Any, stack: list[Any], out: list[str]) -> None:
        name = _name(node)
        unnamed = [p for p in node.params if not p.showkey]
        if name in FIRST_PARAMETER or name.startswith("lang-") or name.startswith("flag"):
            if name.startswith("flag") and name not in FIRST_PARAMETER:
                self.dropped[f"template:{name}"] += 1  # {{flagicon|X}} and kin show a picture only
                return
            if unnamed:
                stack.extend(reversed(unnamed[0].value.nodes))
        elif name in SECOND_PARAMETER:
            if len(unnamed) > 1:  # {{transl|ur|ALA-LC|text}}: the text is the last
                stack.extend(reversed(unnamed[-1 if name.startswith("transl") else 1].value.nodes))
        elif name in LIST_TEMPLATES:
            parts: list[Any] = []
            for param in unnamed:
                parts.extend(["; ", *param.value.nodes])
            stack.extend(reversed(parts))
            stack.append("")
        elif name in DATE_TEMPLATES:
            out.append(self._date(node, name))
        elif name == "convert" or name == "cvt":
            values = [_plain(p.value) for p in unnamed[:2]]
            out.append(" ".join(v for v in values if v))
        elif name in ("!", "pipe"):
            out.append("|")
        elif name in ("=",):
            out.append("=")
        elif name in ("spaces", "space", "nbsp", "thinsp", "snds", "ndash", "mdash", "–", "—"):
            out.append({"ndash": "–", "mdash": "—", "snds": " – "}.get(name, " "))
        elif name in INFOBOX_NAMES:
            self.cannot("an infobox inside a line", node)
        elif _dropped_template(name):
            self.dropped[f"template:{name}"] += 1
        else:
            name = name.split(":", 1)[0] if name.startswith("#") else name  # {{#if:...}}
            self.cannot(f"template {{{{{name}}}}}", node, f"template:{name}")

    def _date(self, node: Any, name: str) -> str:
        """``{{start date|1992|1|4}}`` as a reader sees it: January 4, 1992 (``df=y``: 4 January 1992)."""
        unnamed = [_plain(p.value) for p in node.params if not p.showkey]
        named = {str(p.name).strip().lower(): _plain(p.value).lower() for p in node.params if p.showkey}
        dmy = named.get("df", "") in ("y", "yes") or named.get("format", "") == "dmy"
        if name in ("date", "sort date") or (len(unnamed) == 1 and not unnamed[0].isdigit()):
            return unnamed[-1] if unnamed else ""  # {{dts|January 4, 1992}}, {{date|...}}: as written
        if len(unnamed) == 1 and re.fullmatch(r"-?\d{1,4}", unnamed[0]):
            return unnamed[0]
        numbers = []
        for part in unnamed[:3]:
            if not re.fullmatch(r"-?\d{1,4}", part):
                break
            numbers.append(int(part))
        if len(unnamed) >= 1 and "-" in unnamed[0][1:] and not numbers:
            pieces = unnamed[0].split("-")
            numbers = [int(p) for p in pieces if p.isdigit()][:3]
        if not numbers:
            return " ".join(unnamed)
        year = str(numbers[0])
        if len(numbers) == 1:
            return year
        if not 1 <= numbers[1] <= 12:
            return " ".join(unnamed)
        month = _MONTHS[numbers[1] - 1]
        if len(numbers) == 2:
            return f"{month} {year}"
        day = numbers[2]
        return f"{day} {month} {year}" if dmy else f"{month} {day}, {year}"


def _plain(value: Any) -> str:
    """A template parameter's value as plain text (for dates and numbers)."""
    return _SPACE.sub(" ", str(value.strip_code())).strip()


# -- blocks --------------------------------------------------------------------------------


@attrs.define
class _Item:
    depth: int
    ordered: bool
    text: str


class _Builder:
    """Reads the top-level nodes line by line into blocks and writes wikirel text."""

    def __init__(self, conv: _Converter) -> None:
        self.conv = conv
        self.blocks: list[tuple[str, Any]] = []
        self.line: list[Any] = []  # the nodes of the line being read
        self.markers = ""  # its list markers (*, #, :, ;)
        self.at_line_start = True
        self.paragraph: list[str] = []
        self.items: list[_Item] = []
        self.skipping_level = 0  # inside a dropped section (References ...) of this level
        self.line_offset = 0  # where the line being read starts in the source

    def feed(self, nodes: Iterable[Any]) -> None:
        from mwparserfromhell import nodes as n

        for node in nodes:
            if self.skipping_level and not isinstance(node, n.Heading):
                self.skipped(node)
                self.conv.offset += len(str(node))
                continue
            self.conv.search_from = self.conv.offset
            if isinstance(node, n.Text):
                pieces = node.value.split("\n")
                at = self.conv.offset
                for index, piece in enumerate(pieces):
                    at += len(piece)
                    if piece:
                        self.line.append(piece)
                        if piece.strip():
                            self.at_line_start = False
                    if index < len(pieces) - 1:
                        self.end_line()
                        at += 1
                        self.line_offset = at
            elif isinstance(node, n.Heading):
                self.heading(node)
            elif (
                isinstance(node, n.Tag)
                and node.wiki_markup
                and str(node.tag) in _LIST_TAGS
                and self.at_line_start
            ):
                self.markers += str(node.wiki_markup)
            elif isinstance(node, n.Tag) and str(node.tag).lower() == "table":
                self.end_line()
                self.flush()
                self.table(node)
            elif isinstance(node, n.Template) and _name(node) in INFOBOX_NAMES:
                self.end_line()
                self.flush()
                self.infobox(node)
            else:
                self.line.append(node)
                if not (isinstance(node, n.Tag) and str(node.tag).lower() in ("br",)):
                    self.at_line_start = False
            self.conv.offset += len(str(node))
        self.end_line()
        self.flush()

    def skipped(self, node: Any) -> None:
        """Count what a dropped section (References ...) held that the report names."""
        from mwparserfromhell import nodes as n

        if isinstance(node, n.Template):
            self.conv.dropped[f"template:{_name(node)}"] += 1
        elif isinstance(node, n.Wikilink) and str(node.title).strip().lower().startswith("category:"):
            self.conv.dropped["category"] += 1

    def end_line(self) -> None:
        raw = "".join(str(x) for x in self.line)
        markers, self.markers = self.markers, ""
        nodes, self.line = self.line, []
        self.at_line_start = True
        saved, self.conv.search_from = self.conv.search_from, self.line_offset
        text = self.conv.inline(nodes)
        self.conv.search_from = saved
        depth = sum(1 for mark in markers if mark in "*#")
        if depth:
            self.end_paragraph()
            if text:
                self.items.append(_Item(depth, markers.rstrip(":;")[-1:] == "#", text))
            return
        if not raw.strip() and not markers:  # a blank line ends a paragraph and a list
            self.flush()
            return
        self.end_list()
        if markers:  # an indented (:) or definition (;) line shows as a line of its own
            self.end_paragraph()
        if text:
            self.paragraph.append(text)
        if markers:
            self.end_paragraph()

    def end_paragraph(self) -> None:
        if self.paragraph:
            self.blocks.append(("paragraph", " ".join(self.paragraph)))
            self.paragraph = []

    def end_list(self) -> None:
        if self.items:
            self.blocks.append(("list", self.items))
            self.items = []

    def flush(self) -> None:
        self.end_paragraph()
        self.end_list()

    def heading(self, node: Any) -> None:
        self.end_line()
        self.flush()
        level = max(2, int(node.level))
        text = self.conv.inline(node.title.nodes).strip("= \t")
        if self.skipping_level and level > self.skipping_level:
            return
        self.skipping_level = 0
        if text.lower() in DROPPED_SECTIONS:
            self.skipping_level = level
            self.conv.dropped[f"section:{text}"] += 1
            return
        if not text:
            self.conv.dropped["empty heading"] += 1
            return
        self.blocks.append(("heading", (level, text)))

    def infobox(self, node: Any) -> None:
        items: list[tuple[str, str]] = []
        for param in node.params:
            name = str(param.name).strip()
            key = INFOBOX_POSITIONAL.get(name) if not param.showkey else None
            if key is None:
                if not param.showkey:
                    self.conv.dropped["infobox unnamed parameter"] += 1
                    continue
                key = name[:1].upper() + name[1:]
            key = _SPACE.sub(" ", key.replace(":", " ")).strip()
            mission = re.fullmatch(r"mission\s*\d*", key.lower()) is not None
            value = self.conv.inline(param.value.nodes, list_separator="; " if mission else " ")
            value = re.sub(r"^(?:;\s*)+|(?:\s*;)+$", "", value).strip()
            value = re.sub(r"(?:;\s*){2,}", "; ", value)
            if key and value:
                items.append((key, value))
        self.blocks.append(("infobox", items))

    def table(self, node: Any) -> None:
        from mwparserfromhell import nodes as n

        rows: list[list[tuple[str, int, int, bool]]] = []
        current: list[tuple[str, int, int, bool]] = []
        for child in node.contents.nodes if node.contents is not None else ():
            if isinstance(child, n.Tag) and str(child.tag).lower() == "tr":
                if current:
                    rows.append(current)
                current = []
                cells = child.contents.nodes if child.contents is not None else []
                tags = [c for c in cells if isinstance(c, n.Tag) and str(c.tag).lower() in ("td", "th")]
                row = [cell for cell in map(self.cell, tags) if cell is not None]
                if any(not isinstance(c, n.Tag) and str(c).strip() for c in cells):
                    self.conv.dropped["text between table cells"] += 1
                if row:
                    rows.append(row)
            elif isinstance(child, n.Tag) and str(child.tag).lower() in ("td", "th"):
                cell = self.cell(child)
                if cell is not None:
                    current.append(cell)
            elif isinstance(child, n.Tag) and str(child.tag).lower() == "caption":
                self.conv.dropped["table caption"] += 1
            elif str(child).strip():
                self.conv.dropped["text between table rows"] += 1
        if current:
            rows.insert(0, current)  # cells before the first |- are the first row
        grid = self.expand(rows)
        if grid is None:
            return
        if not grid:
            self.conv.dropped["empty table"] += 1
            return
        header_given = all(cell[3] for cell in rows[0])
        if not header_given:
            self.conv.dropped["table without header row (its first row is the header)"] += 1
        self.blocks.append(("table", grid))

    def cell(self, node: Any) -> tuple[str, int, int, bool] | None:
        if str(node).startswith("|+"):
            self.conv.dropped["table caption"] += 1
            return None
        spans = {"rowspan": 1, "colspan": 1}
        for attribute in node.attributes:
            key = str(attribute.name).strip().lower()
            if key in spans and attribute.value is not None:
                digits = re.match(r"\s*[\"']?\s*(\d{1,6})", str(attribute.value))
                if digits:
                    spans[key] = max(1, min(int(digits.group(1)), MAX_SPAN))
        text = self.conv.inline(node.contents.nodes if node.contents is not None else [])
        return text, spans["rowspan"], spans["colspan"], str(node.tag).lower() == "th"

    def expand(self, rows: list[list[tuple[str, int, int, bool]]]) -> list[list[str]] | None:
        """Rows with rowspan and colspan cells repeated, so every cell stays under its header."""
        grid: list[list[str]] = []
        pending: dict[int, tuple[int, str]] = {}  # column: (rows still to fill, text)
        width = size = 0  # the widest row; the characters of the cells written so far
        for row in rows:
            out: list[str] = []
            column = 0
            for text, rowspan, colspan, _ in row:
                while column in pending:
                    column = self._take(pending, column, out)
                for _ in range(colspan):
                    out.append(text)
                    if rowspan > 1:
                        pending[column] = (rowspan - 1, text)
                    column += 1
            while pending and column <= max(pending):
                if column in pending:
                    column = self._take(pending, column, out)
                else:
                    out.append("")
                    column += 1
            width = max(width, len(out))
            size += sum(map(len, out))
            # Every row is padded to the widest, each cell written as `` | text``.
            if (
                width * (len(grid) + 1) > MAX_TABLE_CELLS
                or size + 3 * width * (len(grid) + 1) > MAX_TABLE_TEXT
            ):
                self.conv.cannot(
                    f"a table of more than {MAX_TABLE_CELLS} cells or {MAX_TABLE_TEXT} characters", ""
                )
                return None
            grid.append(out)
        if width == 0:
            return []
        return [r + [""] * (width - len(r)) for r in grid]

    @staticmethod
    def _take(pending: dict[int, tuple[int, str]], column: int, out: list[str]) -> int:
        left, text = pending[column]
        out.append(text)
        if left > 1:
            pending[column] = (left - 1, text)
        else:
            del pending[column]
        return column + 1

    # -- writing -------------------------------------------------------------------------

    def write(self, title: str | None) -> str:
        out: list[str] = []
        if title is not None:
            # Only space is trimmed: "=" is a title's text ("= = =" reads back as "=").
            clean = _SPACE.sub(" ", title).strip(" \ufeff")
            if clean:
                out.append(f"= {clean} =")
        for kind, value in self.blocks:
            if out:
                out.append("")
            if kind == "heading":
                level, text = value
                out.append(f"{'=' * level} {text} {'=' * level}")
            elif kind == "paragraph":
                out.append(self.guard(value))
            elif kind == "infobox":
                out.append("Infobox")
                out.extend(f"- {key}: {text}" for key, text in value)
            elif kind == "list":
                out.extend(self.list_lines(value))
            elif kind == "table":
                for row in value:
                    cells = [self.cell_text(cell) for cell in row]
                    out.append("| " + " | ".join(cells) + " |")
        return "\n".join(out) + "\n" if out else ""

    def guard(self, text: str) -> str:
        if _FORGED.match(text):
            self.conv.escaped += 1
            return "\u2060" + text
        return text

    def cell_text(self, text: str) -> str:
        if "|" in text:
            self.conv.replaced += text.count("|")
            text = text.replace("|", "¦")
        return text

    def list_lines(self, items: list[_Item]) -> list[str]:
        """Bullets (or numbered items) with depths made consecutive: two spaces a level."""
        lines: list[str] = []
        depth = 0
        counters: list[int] = []
        numbered = self.conv.numbered and all(item.ordered for item in items)
        for item in items:
            depth = min(item.depth, depth + 1)
            del counters[depth:]
            counters.extend([0] * (depth - len(counters)))
            counters[depth - 1] += 1
            if numbered:
                lines.append(f"{'   ' * (depth - 1)}{counters[depth - 1]}. {item.text}")
            else:
                lines.append(f"{'  ' * (depth - 1)}- {item.text}")
        return lines


@functools.cache
def _numbered_dialect() -> Dialect:
    """``Dialect(["numbered"])``, made once: making a dialect composes its
    grammar and runs its smoke test, several times the cost of a page."""
    return Dialect(["numbered"])


def convert(
    text: str, *, title: str | None = None, strict: bool = False, numbered: bool = False
) -> Conversion:
    """Convert a page's wikitext: the wikirel text, its tree and what was dropped.

    The text parses back to the same tree (``serialize(parse(text)) == text``);
    ``numbered=True`` parses it with ``Dialect(["numbered"])``. Without the
    ``wikitext`` extra: ModuleNotFoundError saying what to install.
    """
    try:
        import mwparserfromhell
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            "converting wikitext needs mwparserfromhell: pip install 'wikirel[wikitext]'", name=error.name
        ) from None

    source = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    conv = _Converter(source, strict, numbered)
    builder = _Builder(conv)
    builder.feed(mwparserfromhell.parse(source).nodes)
    written = builder.write(title)
    dialect = _numbered_dialect() if numbered else DEFAULT
    report = ConversionReport(
        dict(sorted((+conv.dropped).items())),
        dict(sorted((+conv.unknown).items())),
        conv.escaped,
        conv.replaced,
    )
    return Conversion(written, parse(written, dialect=dialect), report)
