"""Read a .docx into a Document: body paragraphs and tables in document order,
merged cells resolved into a grid, editing residue (comments, tracked changes,
bookmarks) recorded as evidence.

The text is the document as it prints with tracked changes accepted: deleted
text is dropped, inserted text kept; both are recorded as residues.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from core.document import Cell, Document, Location, Paragraph, Residue, Table, UnreadableFile
from core.limits import DEFAULT, Limits

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _auto_numbered(p: etree._Element, style: str | None) -> bool:
    """Does Word put a number before this paragraph (a list, or a heading
    style — Chinese Word names 标题 1, 标题 2 … by the ids "1", "2" …)?"""
    num = p.find(f"{PPR}/{_w('numPr')}/{_w('numId')}")
    if num is not None:
        return num.get(VAL) not in (None, "0")
    return bool(style) and (style.lower().startswith("heading") or style.isdigit())


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT = map(_w, ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
CUSTOM_XML, TC_PR = _w("customXml"), _w("tcPr")
GRID_SPAN, V_MERGE, H_MERGE = _w("gridSpan"), _w("vMerge"), _w("hMerge")
GRID_BEFORE = f"{_w('trPr')}/{_w('gridBefore')}"
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


_CHARS = {T: None, TAB: "\t", BR: "\n", CR: "\n", NB_HYPHEN: "-"}
_CHAR_TAGS = tuple(_CHARS)
_SLOW = tuple(_SKIP - {PPR, RPR})  # run/paragraph properties hold no text
_MARKS = (BOOKMARK, COMMENT_START, COMMENT_REF, INS, DEL, MOVE_TO, MOVE_FROM)


def _text(el: etree._Element) -> str:
    """The printed text of a paragraph-like element (changes accepted)."""
    return _read(el)[0]


def _read(el: etree._Element) -> tuple[str, bool]:
    """(printed text, whether `el` holds editing residue) in one pass."""
    out = []
    marked = False
    for node in el.iter(*_CHAR_TAGS, *_SLOW, *_MARKS):
        tag = node.tag
        if tag in _MARKS:
            marked = True
            if tag not in _SKIP:
                continue
        if tag in _SKIP:
            marked = marked or any(True for _ in el.iter(*_MARKS))
            return "".join(_pieces(el)), marked  # skip deleted text, field codes …
        if tag == T:
            out.append(node.text or "")
        elif tag == BR and node.get(_w("type")) in ("page", "column"):
            continue
        else:
            out.append(_CHARS[tag])
    return "".join(out), marked


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


# Plain lxml elements: python-docx's element classes cost more than the reading.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)


_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _parts(package: zipfile.ZipFile, name: str) -> dict[str, bytes]:
    """Relationship type -> blob of the parts read: the main document and its
    comments, found through the package's relationships — the other parts
    (styles, fonts, images, themes) are never inflated."""
    members = {i.filename: i for i in package.infolist()}

    def blob(path: str) -> bytes | None:
        info = members.get(path.lstrip("/"))
        if info is None:
            return None
        data = package.read(info)
        if any(d in data for d in _DECLARATIONS):
            raise UnreadableFile("unsafe_xml", f"{name}: {info.filename}")
        return data

    def targets(rels_path: str, base: str) -> dict[str, str]:
        data = blob(rels_path)
        if data is None:
            return {}
        out = {}
        for rel in etree.fromstring(data, _PARSER).iter(_REL_NS):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
            out.setdefault(rel.get("Type") or "", posixpath.normpath(path))
        return out

    parts: dict[str, bytes] = {}
    main_path = targets("_rels/.rels", "").get(RT.OFFICE_DOCUMENT)
    if main_path is None:
        return parts
    main = blob(main_path)
    if main is not None:
        parts[RT.OFFICE_DOCUMENT] = main
    folder, file = posixpath.split(main_path)
    comments = targets(posixpath.join(folder, "_rels", file + ".rels"), folder).get(RT.COMMENTS)
    if comments and (data := blob(comments)) is not None:
        parts[RT.COMMENTS] = data
    return parts


class _Reader:
    def __init__(self, parts: dict[str, bytes]) -> None:
        self.blocks: list[Paragraph | Table] = []
        self.residues: list[Residue] = []
        self.comments = _comments(parts.get(RT.COMMENTS))
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
        text, marked = _read(p)
        if marked:
            self.notice(p, location)
        lines = [line.strip() for line in text.split("\n")]
        if not any(lines):
            return
        # The style id (w:pStyle), e.g. "Heading1"; names would cost styles.xml.
        pstyle = p.find(f"{PPR}/{_w('pStyle')}")
        style = None if pstyle is None else pstyle.get(VAL)
        numbered = _auto_numbered(p, style)
        # A soft line break ends a line as Word's "save as text" does.
        self.blocks.extend(Paragraph(line, location, style, numbered) for line in lines if line)

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
        nested = [t for t in tbl.iterdescendants(TBL) if _parent_table(t) is tbl]
        grid: list[list[Cell]] = []
        for r, tr in enumerate(rows):
            above = grid[-1] if grid else []
            row: list[Cell] = []
            for _ in range(_int(tr.find(GRID_BEFORE), 0)):
                row.append(Cell("", Location(table=index, row=r, cell=len(row))))
            for tc in _cells(tr):
                span, vmerge, hmerge = 1, None, None
                tcpr = tc[0] if len(tc) and tc[0].tag == TC_PR else None  # tcPr comes first
                if tcpr is not None:
                    for prop in tcpr:
                        if prop.tag == GRID_SPAN:
                            span = max(1, _int(prop, 1))
                        elif prop.tag == V_MERGE:
                            vmerge = prop
                        elif prop.tag == H_MERGE:  # the old horizontal merge (WPS, .doc)
                            hmerge = prop
                start = len(row)
                loc = Location(table=index, row=r, cell=start)
                cont = vmerge is not None and vmerge.get(VAL, "continue") == "continue"
                hcont = hmerge is not None and hmerge.get(VAL, "continue") == "continue"
                if cont and start < len(above):
                    text = above[start].text
                elif hcont and row:
                    text, cont = row[-1].text, True
                else:
                    cont = False
                    text = self.cell_text(tc, loc, tbl if nested else None)
                row.append(Cell(text, loc, merged=cont))
                for j in range(1, span):
                    row.append(
                        Cell(text, Location(table=index, row=r, cell=start + j), merged=True)
                    )
            grid.append(row)
        self.blocks.append(Table(rows=grid, index=index, location=Location(table=index)))
        for inner in nested:
            self.table(inner)

    def cell_text(
        self, tc: etree._Element, location: Location, owner: etree._Element | None
    ) -> str:
        """The cell's paragraphs joined with newlines; with `owner` set (the
        table has nested tables) only the paragraphs of `owner`'s own cells."""
        parts = []
        for p in tc.iter(P):
            if owner is not None and _parent_table(p) is not owner:
                continue  # a nested table's paragraph: read with that table
            text, marked = _read(p)
            if marked:
                self.notice(p, location)
            parts.append(text)
        return "\n".join(parts).strip("\n")

    # -- residue ------------------------------------------------------------
    def notice(self, el: etree._Element, location: Location) -> None:
        """Record the comments, bookmarks and tracked changes inside `el`."""
        for node in el.iter(*_MARKS):
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
    """A one-cell table: a frame around content, not a table of the report."""
    cells = [tc for tr in rows for tc in _cells(tr)]
    return len(cells) == 1


def _int(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(VAL, default))
    except ValueError:
        return default


def _comments(blob: bytes | None) -> dict[str, tuple[str | None, str]]:
    """Comment id -> (author, text) from the comments part, if any."""
    if not blob:
        return {}
    out = {}
    for c in etree.fromstring(blob, _PARSER).iter(_w("comment")):
        out[c.get(ID) or ""] = (c.get(AUTHOR), "\n".join(_text(p) for p in c.iter(P)))
    return out


# Word never writes a DTD: a part declaring one (entity expansion, external
# entities) is refused, as defusedxml forbids DTDs.
_DECLARATIONS = tuple(
    text.encode(enc) for text in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le")
)
# An Office file saved with an open password: an OLE compound file holding
# the encrypted package under this stream name.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def is_encrypted(data: bytes) -> bool:
    """An OLE compound file holding an encrypted Office package?"""
    return _ENCRYPTED_PACKAGE in data


def _open_zip(data: bytes, name: str, limits: Limits) -> zipfile.ZipFile:
    """The zip container, within the limits: members, their unpacked size
    (zipfile never inflates a member past its declared size), no zip
    encryption, no DTD in an XML part."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        code = "docx_truncated" if data.startswith(b"PK\x03\x04") else "docx_damaged"
        raise UnreadableFile(code, name) from None
    infos = package.infolist()
    if len(infos) > limits.zip_members:
        raise UnreadableFile("too_many_members", name, count=len(infos), limit=limits.zip_members)
    unpacked = sum(i.file_size for i in infos)
    if unpacked > limits.unpacked_bytes:
        raise UnreadableFile("too_large_unpacked", name, size=unpacked, limit=limits.unpacked_bytes)
    if any(i.flag_bits & 0x1 for i in infos):
        raise UnreadableFile("docx_encrypted", name)
    return package


def extract(data: bytes, name: str, limits: Limits = DEFAULT) -> Document:
    """Read the bytes of a .docx file, within `limits`."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE: an encrypted package, or an old .doc
        raise UnreadableFile("docx_encrypted" if is_encrypted(data) else "legacy_doc", name)
    package = _open_zip(data, name, limits)
    try:
        with package:
            parts = _parts(package, name)
        main = parts.get(RT.OFFICE_DOCUMENT)
        if main is None:
            raise UnreadableFile("docx_damaged", f"{name}: no main document part")
        body = etree.fromstring(main, _PARSER).find(_w("body"))
        if body is None:
            raise UnreadableFile("docx_damaged", f"{name}: no document body")
        reader = _Reader(parts)
        reader.body(body)
        reader.unanchored_comments()
    except (UnreadableFile, MemoryError, RecursionError):
        raise
    except Exception as exc:  # zipfile, KeyError, lxml, OPC: all mean a damaged file
        raise UnreadableFile("docx_damaged", f"{name}: {type(exc).__name__}: {exc}") from exc
    return Document(blocks=reader.blocks, source="docx", name=name, residues=reader.residues)
