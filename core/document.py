"""The in-memory document every extractor produces: paragraphs and tables in
reading order, each with its position in the source file."""

from __future__ import annotations

from dataclasses import dataclass, field


# Not frozen (a frozen dataclass is several times slower to create, and a
# report has thousands of locations); hashable, and never changed once made.
@dataclass(slots=True, unsafe_hash=True)
class Location:
    """Where something is in the source file.

    Text sources (.txt, .md) give `line` (1-based); .docx and HTML give
    `table`, `row` and `cell` (0-based indices, merged cells resolved to the
    grid) for table cells and `paragraph` (0-based) for paragraphs.  Text
    tables give both: the line and the table/row/cell indices.  PDF gives
    `page` (1-based) as well, with `line` (running across pages) for text and
    table/row/cell for table cells.
    """

    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None

    def place(self) -> tuple[int | None, int | None, int | None]:
        """Where a paragraph is (page, line, paragraph), whatever cell of a
        row read from it a location names."""
        return (self.page, self.line, self.paragraph)

    def as_dict(self) -> dict[str, int]:
        fields = ("page", "line", "paragraph", "table", "row", "cell")
        return {k: getattr(self, k) for k in fields if getattr(self, k) is not None}

    def describe(self, lang: str = "zh") -> str:
        parts = []
        zh = lang == "zh"
        if self.page is not None:
            parts.append(f"第{self.page}页" if zh else f"page {self.page}")
        if self.line is not None:
            parts.append(f"第{self.line}行" if zh else f"line {self.line}")
        if self.paragraph is not None and self.line is None:
            parts.append(f"第{self.paragraph + 1}段" if zh else f"paragraph {self.paragraph + 1}")
        if self.table is not None:
            t, r, c = self.table + 1, self.row, self.cell
            if zh:
                s = f"第{t}个表格"
                if r is not None:
                    s += f"第{r + 1}行"
                if c is not None:
                    s += f"第{c + 1}列"
            else:
                s = f"table {t}"
                if r is not None:
                    s += f", row {r + 1}"
                if c is not None:
                    s += f", cell {c + 1}"
            parts.append(s)
        return ("，" if zh else "; ").join(parts)


@dataclass
class Paragraph:
    text: str
    location: Location
    style: str | None = None  # e.g. a .docx heading style or an HTML tag name
    # Numbered by the word processor (a .docx list or heading style): the
    # number Word shows is not in `text`.
    numbered: bool = False


@dataclass(slots=True)
class Cell:
    text: str
    location: Location
    merged: bool = False  # a grid slot covered by a merged cell whose origin is elsewhere


@dataclass
class Table:
    rows: list[list[Cell]]
    index: int
    location: Location


@dataclass
class Residue:
    """Editing residue noticed by an extractor (rule S9 evidence)."""

    kind: str  # comment | bookmark | insertion | deletion | placeholder
    text: str
    location: Location
    author: str | None = None


@dataclass
class Document:
    blocks: list[Paragraph | Table]
    source: str  # txt | docx | html | md | pdf
    name: str | None = None
    encoding: str | None = None
    residues: list[Residue] = field(default_factory=list)
    # Titles the publisher put outside the text: (where, text) in page order —
    # an HTML page's <meta name="ArticleTitle">, <title>, heading or title
    # block outside the article; a PDF's document properties.
    title_candidates: list[tuple[str, str]] = field(default_factory=list)
    # Where pictures stand in the text (a table pasted as an image is a table
    # the parser cannot read): Location(paragraph=k) before paragraph k, or a
    # PDF page.
    pictures: list[Location] = field(default_factory=list)
    # Documents the file links to or says are attached (a portal page whose
    # report is in an attached PDF or Word file).
    attachments: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


class UnreadableFile(Exception):
    """The file cannot be read as a report (unsupported type, corrupt, not a
    report, over a limit).  `code` names the message (data/messages.toml,
    `unreadable.<code>`); `slots` fill it (sizes, counts, the extension:
    nothing in one language); `detail` is for the log, never shown."""

    def __init__(self, code: str, detail: str = "", **slots: object) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.slots = slots
