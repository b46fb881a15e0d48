"""Read a .docx into a Document: body paragraphs and tables in document order,
merged cells resolved into a grid, editing residue (comments, tracked changes,
bookmarks) recorded as evidence.

The text is the document as it prints with tracked changes accepted: deleted
text is dropped, inserted text kept; both are recorded as residues.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from core.document import Cell, Document, Location, Paragraph, Residue, Table, UnreadableFile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT = map(_w, ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
CUSTOM_XML, TC_PR, TR_PR = _w("customXml"), _w("tcPr"), _w("trPr")
T, TAB, BR, CR, NB_HYPHEN = map(_w, ("t", "tab", "br", "cr", "noBreakHyphen"))
INS, DEL, MOVE_TO, MOVE_FROM = map(_w, ("ins", "del", "moveTo", "moveFrom"))
DEL_TEXT, INSTR_TEXT, DEL_INSTR = map(_w, ("delText", "instrText", "delInstrText"))
TXBX, PPR, RPR = _w("txbxContent"), _w("pPr"), _w("rPr")
BOOKMARK, COMMENT_START, COMMENT_REF = map(
    _w, ("bookmarkStart", "commentRangeStart", "commentReference")
)
VAL, AUTHOR, NAME, ID = _w("val"), _w("author"), _w("name"), _w("id")
FALLBACK = f"{{{MC}}}Fallback"

# Subtrees whose text is not part of the printed text: deleted runs, field
# codes, the duplicate Fallback of drawings, text boxes, run/paragraph marks.
_SKIP = {DEL, MOVE_FROM, DEL_INSTR, INSTR_TEXT, FALLBACK, TXBX, PPR, RPR}


def _text(el: etree._Element) -> str:
    """The printed text of a paragraph-like element (changes accepted)."""
    return "".join(_pieces(el))


def _pieces(el: etree._Element) -> Iterator[str]:
    for child in el:
        tag = child.tag
        if tag == T:
            yield child.text or ""
        elif tag == TAB:
            yield "\t"
        elif tag in (BR, CR):
            if child.get(_w("type")) not in ("page", "column"):
                yield "\n"
        elif tag == NB_HYPHEN:
            yield "-"
        elif tag not in _SKIP and isinstance(tag, str):
            yield from _pieces(child)


def _deleted_text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(DEL_TEXT, T))


class _Reader:
    def __init__(self, document: docx.document.Document) -> None:
        self.doc = document
        self.styles = {s.style_id: s.name for s in document.styles}
        self.blocks: list[Paragraph | Table] = []
        self.residues: list[Residue] = []
        self.comments = _comments(document)
        self.comment_seen: set[str] = set()
        self.paragraph_count = 0
        self.table_count = 0

    # -- body ---------------------------------------------------------------
    def body(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if tag == P:
                self.paragraph(child)
            elif tag == TBL:
                self.table(child)
            elif tag in (SDT, SDT_CONTENT, CUSTOM_XML):
                self.body(child)
            elif tag in (BOOKMARK, COMMENT_START):
                self.notice(child, Location(paragraph=self.paragraph_count))

    def paragraph(self, p: etree._Element) -> None:
        location = Location(paragraph=self.paragraph_count)
        self.paragraph_count += 1
        self.notice(p, location)
        lines = [line.strip() for line in _text(p).split("\n")]
        if not any(lines):
            return
        style = None
        pstyle = p.find(f"{PPR}/{_w('pStyle')}")
        if pstyle is not None:
            style = self.styles.get(pstyle.get(VAL), pstyle.get(VAL))
        # A soft line break ends a line as Word's "save as text" does.
        self.blocks.extend(Paragraph(line, location, style) for line in lines if line)

    # -- tables -------------------------------------------------------------
    def table(self, tbl: etree._Element) -> None:
        rows = _rows(tbl)
        if _is_layout(rows):
            # A frame table holding the real content: read its cells as body.
            for tr in rows:
                for tc in _cells(tr):
                    self.body(tc)
            return
        index = self.table_count
        self.table_count += 1
        grid: list[list[Cell]] = []
        nested: list[etree._Element] = []
        for r, tr in enumerate(rows):
            above = grid[-1] if grid else []
            row: list[Cell] = []
            before = _int(tr.find(f"{TR_PR}/{_w('gridBefore')}"), 0)
            for _ in range(before):
                row.append(Cell("", Location(table=index, row=r, cell=len(row))))
            for tc in _cells(tr):
                tcpr = tc.find(TC_PR)
                span = max(1, _int(None if tcpr is None else tcpr.find(_w("gridSpan")), 1))
                vmerge = None if tcpr is None else tcpr.find(_w("vMerge"))
                start = len(row)
                cont = vmerge is not None and vmerge.get(VAL, "continue") == "continue"
                if cont and start < len(above):
                    text = above[start].text
                else:
                    cont = False
                    text = self.cell_text(tc, Location(table=index, row=r, cell=start))
                    nested.extend(tc.iter(TBL))
                for j in range(span):
                    loc = Location(table=index, row=r, cell=start + j)
                    row.append(Cell(text, loc, merged=cont or j > 0))
            grid.append(row)
        self.blocks.append(Table(rows=grid, index=index, location=Location(table=index)))
        for inner in nested:
            if _parent_table(inner) is tbl:
                self.table(inner)

    def cell_text(self, tc: etree._Element, location: Location) -> str:
        parts = []
        for p in tc.iter(P):
            if _parent_table(p) is not _parent_table(tc):
                continue  # a nested table's paragraph: read with that table
            self.notice(p, location)
            parts.append(_text(p))
        return "\n".join(parts).strip("\n")

    # -- residue ------------------------------------------------------------
    def notice(self, el: etree._Element, location: Location) -> None:
        """Record the comments, bookmarks and tracked changes inside `el`."""
        for node in el.iter(BOOKMARK, COMMENT_START, COMMENT_REF, INS, DEL, MOVE_TO, MOVE_FROM):
            tag = node.tag
            if tag == BOOKMARK:
                name = node.get(NAME) or ""
                self.residues.append(Residue("bookmark", name, location))
            elif tag in (COMMENT_START, COMMENT_REF):
                cid = node.get(ID) or ""
                if cid in self.comment_seen:
                    continue
                self.comment_seen.add(cid)
                author, text = self.comments.get(cid, (None, ""))
                self.residues.append(Residue("comment", text, location, author))
            else:
                if node.getparent() is not None and node.getparent().tag == RPR:
                    continue  # a changed paragraph mark, no text of its own
                deleted = tag in (DEL, MOVE_FROM)
                text = _deleted_text(node) if deleted else _text(node)
                if text:
                    kind = "deletion" if deleted else "insertion"
                    self.residues.append(Residue(kind, text, location, node.get(AUTHOR)))

    def unanchored_comments(self) -> None:
        for cid, (author, text) in self.comments.items():
            if cid not in self.comment_seen:
                self.residues.append(Residue("comment", text, Location(), author))


def _rows(tbl: etree._Element) -> list[etree._Element]:
    out = []
    for child in tbl:
        if child.tag == TR:
            out.append(child)
        elif child.tag in (SDT, CUSTOM_XML):
            out.extend(tr for tr in child.iter(TR) if _parent_table(tr) is tbl)
    return out


def _cells(tr: etree._Element) -> list[etree._Element]:
    out = []
    for child in tr:
        if child.tag == TC:
            out.append(child)
        elif child.tag in (SDT, CUSTOM_XML):
            out.extend(tc for tc in child.iter(TC) if tc.getparent() is not None)
    return out


def _parent_table(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != TBL:
        parent = parent.getparent()
    return parent


def _is_layout(rows: list[etree._Element]) -> bool:
    """A one-cell table, or one whose only cell holds other tables."""
    cells = [tc for tr in rows for tc in _cells(tr)]
    return len(cells) == 1


def _int(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(VAL, default))
    except ValueError:
        return default


def _comments(document: docx.document.Document) -> dict[str, tuple[str | None, str]]:
    """Comment id -> (author, text) from the comments part, if any."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.COMMENTS and not rel.is_external:
            part = rel.target_part
            root = getattr(part, "element", None)
            if root is None:
                root = etree.fromstring(part.blob)
            out = {}
            for c in root.iter(_w("comment")):
                text = "\n".join(_text(p) for p in c.iter(P))
                out[c.get(ID) or ""] = (c.get(AUTHOR), text)
            return out
    return {}


def extract(data: bytes, name: str) -> Document:
    """Read the bytes of a .docx file."""
    try:
        document = docx.Document(io.BytesIO(data))
        reader = _Reader(document)
        reader.body(document.element.body)
        reader.unanchored_comments()
    except UnreadableFile:
        raise
    except Exception as exc:  # zipfile, KeyError, lxml, python-docx: all mean damaged
        raise UnreadableFile("corrupt", f"{name}: {type(exc).__name__}: {exc}") from exc
    return Document(blocks=reader.blocks, source="docx", name=name, residues=reader.residues)
