"""Ruled tables and characters of a PDF page found in time that grows with
the page's content, not with its square.

pdfplumber's TableFinder compares every intersection with every later one
and every vertical edge with every horizontal one, and its dedupe_chars
orders its result with `list.index`: a one-page table of 1,000 rows took
minutes.  The same steps here give the same cells, tables and characters
(tests/test_extract_pdf_grid.py compares them with pdfplumber's), using
pdfplumber's own edge finding and merging:

- intersections: for each vertical edge only the horizontal edges within its
  height (found by bisection of the edges sorted by height);
- cells: from each intersection, the intersections below it and to its right
  on its own grid lines, nearest first, stopping at the first that no edge
  joins (an edge joining a farther one passes the nearer one too);
- tables: cells sharing a corner, joined by union-find.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections import defaultdict
from operator import itemgetter
from typing import Any

from pdfplumber import utils
from pdfplumber.table import Table, TableFinder, TableSettings

Point = tuple[float, float]
BBox = tuple[float, float, float, float]


class Finder(TableFinder):
    """pdfplumber's TableFinder with its quadratic steps replaced."""

    def __init__(self, page: Any, settings: dict[str, Any] | None = None) -> None:
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = intersections(
            self.edges,
            self.settings.intersection_x_tolerance,
            self.settings.intersection_y_tolerance,
        )
        self.cells = cells(self.intersections)
        self.tables = [Table(self.page, group) for group in tables(self.cells)]


def intersections(edges: list[dict], x_tol: float = 1, y_tol: float = 1) -> dict[Point, dict]:
    """pdfplumber.table.edges_to_intersections, by bisection."""
    v_edges = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    h_edges = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    tops = [h["top"] for h in h_edges]
    found: dict[Point, dict] = {}
    for v in v_edges:
        lo = bisect_left(tops, v["top"] - y_tol)
        hi = bisect_right(tops, v["bottom"] + y_tol)
        for h in h_edges[lo:hi]:
            if (
                v["top"] <= h["top"] + y_tol
                and v["bottom"] >= h["top"] - y_tol
                and v["x0"] >= h["x0"] - x_tol
                and v["x0"] <= h["x1"] + x_tol
            ):
                vertex = (v["x0"], h["top"])
                if vertex not in found:
                    found[vertex] = {"v": [], "h": []}
                found[vertex]["v"].append(v)
                found[vertex]["h"].append(h)
    return found


def cells(found: dict[Point, dict]) -> list[BBox]:
    """pdfplumber.table.intersections_to_cells, each point looking only
    along its own grid lines."""
    v_sets = {p: set(map(utils.obj_to_bbox, e["v"])) for p, e in found.items()}
    h_sets = {p: set(map(utils.obj_to_bbox, e["h"])) for p, e in found.items()}

    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and not v_sets[p1].isdisjoint(v_sets[p2]):
            return True
        return p1[1] == p2[1] and not h_sets[p1].isdisjoint(h_sets[p2])

    points = sorted(found)
    column: dict[float, list[Point]] = defaultdict(list)  # same x, by y
    row: dict[float, list[Point]] = defaultdict(list)  # same y, by x
    for p in points:
        column[p[0]].append(p)
        row[p[1]].append(p)
    col_ys = {x: [p[1] for p in ps] for x, ps in column.items()}
    row_xs = {y: [p[0] for p in ps] for y, ps in row.items()}

    def smallest(pt: Point) -> BBox | None:
        x, y = pt
        below = column[x][bisect_right(col_ys[x], y) :]
        right = row[y][bisect_right(row_xs[y], x) :]
        rights = list(itertools.takewhile(lambda r: connects(pt, r), right))
        if not rights:
            return None
        for below_pt in below:
            if not connects(pt, below_pt):
                break
            for right_pt in rights:
                corner = (right_pt[0], below_pt[1])
                if corner in found and connects(corner, right_pt) and connects(corner, below_pt):
                    return (x, y, corner[0], corner[1])
        return None

    return [c for c in map(smallest, points) if c is not None]


def tables(found: list[BBox]) -> list[list[BBox]]:
    """pdfplumber.table.cells_to_tables: cells sharing a corner are one
    table; tables of one cell are dropped; top to bottom, left to right."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Point, int] = {}
    for i, (x0, top, x1, bottom) in enumerate(found):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = owner.setdefault(corner, i)
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[BBox]] = defaultdict(list)
    for i, cell in enumerate(found):
        groups[root(i)].append(cell)
    ordered = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in ordered if len(t) > 1]


def dedupe_chars(chars: list[dict], tolerance: float = 1) -> list[dict]:
    """pdfplumber.utils.dedupe_chars (same text, font and size within
    `tolerance`: one char), in the page's order without `list.index`."""
    key = itemgetter("upright", "text", "fontname", "size")
    order = {id(c): i for i, c in enumerate(chars)}
    kept = []
    for _, group in itertools.groupby(sorted(chars, key=key), key=key):
        for y_cluster in utils.cluster_objects(list(group), itemgetter("doctop"), tolerance):
            for x_cluster in utils.cluster_objects(y_cluster, itemgetter("x0"), tolerance):
                kept.append(min(x_cluster, key=itemgetter("doctop", "x0")))
    return sorted(kept, key=lambda c: order[id(c)])
