"""The official report format as typed objects, loaded once from `data/`.

Nothing else in the code base reads the data files: every label, alias,
pattern and relation reaches the rest of `core` through this module.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

VERSIONS = ("2021", "2019")


@dataclass(frozen=True, eq=False)  # identity: one object per column, cheap to hash
class Column:
    key: str
    label: str
    en: str
    aliases: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    unit: str = "count"  # "count" (integer), "wan_yuan" (decimal, 万元) or "amount"
    signed: bool = False
    parent: str | None = None


@dataclass(frozen=True, eq=False)
class Row:
    key: str
    label: str
    en: str
    table: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    block: str | None = None  # t2 block title, e.g. 第二十条第（一）项

    def cell_keys(self) -> list[str]:
        return [f"{self.key}.{c.key}" for c in self.columns]


@dataclass(frozen=True)
class Block:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class TableSpec:
    key: str  # t2, t3, t4
    title: str
    en: str
    section: str
    layout: str  # blocks | grid | single_row
    rows: tuple[Row, ...]
    columns: tuple[Column, ...] = ()  # shared columns (grid, single_row)
    blocks: tuple[Block, ...] = ()
    header_label: str | None = None
    note: str | None = None
    column_group: str | None = None
    group_labels: tuple[str, ...] = ()

    def row(self, key: str) -> Row | None:
        return next((r for r in self.rows if r.key == key), None)


@dataclass(frozen=True)
class Term:
    key: str
    weight: int = 1
    previous: bool = False  # the cell in last year's report


@dataclass(frozen=True)
class Relation:
    id: str
    rule: str
    lhs: tuple[Term, ...]
    rhs: tuple[Term, ...]
    scope: str = "report"  # or cross_year
    row: str | None = None  # the row key it was expanded for
    column: str | None = None  # the column key it was expanded for

    @property
    def terms(self) -> tuple[Term, ...]:
        return self.lhs + self.rhs


@dataclass(frozen=True)
class SubItem:
    key: str
    label: str
    en: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionSpec:
    key: str
    number: int
    heading: str
    en: str
    variants: tuple[str, ...] = ()
    subitems: tuple[SubItem, ...] = ()


@dataclass(frozen=True)
class OldHeading:
    heading: str
    maps_to: str | None


@dataclass(frozen=True)
class Format:
    version: str
    notice: str
    first_year: int | None
    last_year: int | None


@dataclass(frozen=True)
class Template:
    """One form of the report: its tables, relations and the shared texts."""

    version: str
    tables: dict[str, TableSpec]
    relations: tuple[Relation, ...]
    sections: tuple[SectionSpec, ...]
    old_headings: tuple[OldHeading, ...]
    numerals: tuple[str, ...]
    lexicon: dict[str, Any] = field(repr=False)
    formats: tuple[Format, ...] = ()
    deadlines: dict[str, tuple[int, int]] = field(default_factory=dict)

    def row(self, key: str) -> Row | None:
        for t in self.tables.values():
            r = t.row(key)
            if r is not None:
                return r
        return None

    def cell_keys(self, table: str | None = None) -> list[str]:
        tables = [self.tables[table]] if table else list(self.tables.values())
        return [k for t in tables for r in t.rows for k in r.cell_keys()]

    def column(self, cell_key: str) -> Column | None:
        row_key, _, col_key = cell_key.rpartition(".")
        row = self.row(row_key)
        if row is None:
            return None
        return next((c for c in row.columns if c.key == col_key), None)

    def section(self, key: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.key == key), None)

    def expected_version(self, year: int) -> str:
        for f in self.formats:
            if (f.first_year is None or year >= f.first_year) and (
                f.last_year is None or year <= f.last_year
            ):
                return f.version
        return "unknown"


@cache  # read once per process: several loaders share a file (do not mutate the result)
def _read(name: str) -> dict[str, Any]:
    source = resources.files("data").joinpath(name)
    cached = _cache_file(source, name)
    if cached is not None and cached.is_file():
        try:
            return pickle.loads(cached.read_bytes())
        except Exception:  # a damaged cache: read the TOML again
            pass
    import tomllib  # only when the cache is missing or stale

    with source.open("rb") as fh:
        data = tomllib.load(fh)
    if cached is not None:
        _write_cache(cached, data)
    return data


# Parsed data files are kept like .pyc files, in data/__pycache__, named by
# the file's size and modification time: reading them is several times faster
# than parsing the TOML, which matters for the command line's start-up.
def _cache_file(source: Any, name: str) -> Path | None:
    try:
        st = Path(str(source)).stat()
        folder = Path(str(resources.files("data"))) / "__pycache__"
    except (OSError, TypeError, ValueError):
        return None
    return folder / f"{name.replace('/', '_')}.{st.st_size}.{st.st_mtime_ns}.pickle"


def _write_cache(cached: Path, data: dict[str, Any]) -> None:
    try:
        cached.parent.mkdir(exist_ok=True)
        prefix = cached.name.split(".", 1)[0] + "."
        for old in cached.parent.glob(prefix + "*.pickle"):
            old.unlink(missing_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, cached)
    except OSError:  # a read-only installation: parse the TOML each time
        pass


def _tuple(d: dict[str, Any], name: str) -> tuple[str, ...]:
    return tuple(d.get(name, ()))


def _column(d: dict[str, Any]) -> Column:
    return Column(
        key=d["key"],
        label=d["label"],
        en=d.get("en", d["key"]),
        aliases=_tuple(d, "aliases"),
        misspellings=_tuple(d, "misspellings"),
        unit=d.get("unit", "count"),
        signed=d.get("signed", False),
        parent=d.get("parent"),
    )


def _in_version(d: dict[str, Any], version: str) -> bool:
    return version in d.get("versions", VERSIONS)


def _row(d: dict[str, Any], table: str, columns: tuple[Column, ...], block: str | None) -> Row:
    return Row(
        key=d["key"],
        label=d["label"],
        en=d.get("en", d["key"]),
        table=table,
        columns=columns,
        aliases=_tuple(d, "aliases"),
        misspellings=_tuple(d, "misspellings"),
        parents=_tuple(d, "parents"),
        block=block,
    )


def _table(key: str, d: dict[str, Any], version: str) -> TableSpec:
    common = {
        "key": key,
        "title": d["title"],
        "en": d.get("en", key),
        "section": d["section"],
        "layout": d["layout"],
        "header_label": d.get("header_label"),
        "note": d.get("note"),
        "column_group": d.get("column_group"),
        "group_labels": _tuple(d, "group_labels"),
    }
    if d["layout"] == "blocks":
        blocks = []
        for b in d["blocks"]:
            if not _in_version(b, version):
                continue
            cols = tuple(_column(c) for c in b["columns"])
            rows = tuple(
                _row(r, key, cols, b["title"]) for r in b["rows"] if _in_version(r, version)
            )
            blocks.append(Block(title=b["title"], columns=cols, rows=rows))
        rows = tuple(r for b in blocks for r in b.rows)
        return TableSpec(rows=rows, blocks=tuple(blocks), **common)
    cols = tuple(_column(c) for c in d["columns"])
    rows = tuple(_row(r, key, cols, None) for r in d["rows"] if _in_version(r, version))
    return TableSpec(rows=rows, columns=cols, **common)


def _term(text: str) -> Term:
    weight = 1
    if text.startswith("-"):
        weight, text = -1, text[1:]
    previous = text.startswith("prev:")
    if previous:
        text = text[len("prev:") :]
    return Term(key=text, weight=weight, previous=previous)


def _expand(d: dict[str, Any], tables: dict[str, TableSpec]) -> list[Relation]:
    base = {"id": d["id"], "rule": d["rule"], "scope": d.get("scope", "report")}
    foreach = d.get("foreach")
    if not foreach:
        return [Relation(lhs=tuple(map(_term, d["lhs"])), rhs=tuple(map(_term, d["rhs"])), **base)]
    kind, table_key = foreach.split(":")
    table = tables[table_key]
    out: list[Relation] = []
    if kind == "columns":
        for col in table.columns:
            lhs = tuple(_term(t.replace("{col}", col.key)) for t in d["lhs"])
            rhs = tuple(_term(t.replace("{col}", col.key)) for t in d["rhs"])
            out.append(Relation(lhs=lhs, rhs=rhs, column=col.key, **base))
    elif kind == "rows":
        for row in table.rows:
            col_keys = {c.key for c in row.columns}
            terms = [t.replace("{row}", row.key) for t in d["lhs"] + d["rhs"]]
            needed = {t.rsplit(".", 1)[1] for t in terms}
            if not needed <= col_keys:
                continue
            lhs = tuple(_term(t.replace("{row}", row.key)) for t in d["lhs"])
            rhs = tuple(_term(t.replace("{row}", row.key)) for t in d["rhs"])
            out.append(Relation(lhs=lhs, rhs=rhs, row=row.key, **base))
    else:
        raise ValueError(f"relations.toml: unknown foreach {foreach!r}")
    return out


@cache
def load_template(version: str = "2021") -> Template:
    """Return the template of one form ("2021" or "2019")."""
    if version not in VERSIONS:
        raise ValueError(f"unknown template version {version!r}")
    tables_data = _read("tables.toml")
    tables = {k: _table(k, v, version) for k, v in tables_data.items()}
    relations: list[Relation] = []
    for d in _read("relations.toml")["relations"]:
        if _in_version(d, version):
            relations.extend(_expand(d, tables))
    sec = _read("sections.toml")
    sections = tuple(
        SectionSpec(
            key=s["key"],
            number=s["number"],
            heading=s["heading"],
            en=s.get("en", s["key"]),
            variants=_tuple(s, "variants"),
            subitems=tuple(
                SubItem(
                    key=i["key"],
                    label=i["label"],
                    en=i.get("en", i["key"]),
                    aliases=_tuple(i, "aliases"),
                )
                for i in s.get("subitems", ())
            ),
        )
        for s in sec["sections"]
    )
    old = tuple(OldHeading(h["heading"], h.get("maps_to")) for h in sec["pre2019"])
    fm = _read("formats.toml")
    formats = tuple(
        Format(f["version"], f["notice"], f.get("first_year"), f.get("last_year"))
        for f in fm["formats"]
    )
    deadlines = {k: (v["month"], v["day"]) for k, v in fm["deadlines"].items()}
    return Template(
        version=version,
        tables=tables,
        relations=tuple(relations),
        sections=sections,
        old_headings=old,
        numerals=tuple(sec["numerals"]),
        lexicon=_read("lexicon.toml"),
        formats=formats,
        deadlines=deadlines,
    )


def load_templates() -> dict[str, Template]:
    return {v: load_template(v) for v in VERSIONS}


def load_data(name: str) -> dict[str, Any]:
    """Read another data file of `data/` (messages, metrics, rule texts)."""
    return _read(name)
