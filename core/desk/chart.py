"""A figure over the years as a PNG bar chart (matplotlib, Agg backend):
Chinese labels in Noto Sans SC (SIL Open Font License 1.1, installed from
PyPI with the package pylopdf-fonts-zh-cn), each bar's figure printed on
it, the source reports named below the chart."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WIDTH_IN, HEIGHT_IN, DPI = 10.0, 6.0, 100  # 1000 × 600 pixels
BAR_COLOR = "#3B7DD8"
MISSING_COLOR = "#BBBBBB"


@dataclass(frozen=True)
class ChartData:
    title: str
    xlabel: str
    ylabel: str
    years: tuple[int, ...]
    values: tuple[float | int | None, ...]  # None: the cell is blank or not a number
    labels: tuple[str, ...]  # printed on each bar (the figure, or the raw text)
    caption: str  # the source reports


@cache
def font_path() -> Path:
    """The CJK font file (Noto Sans SC, OFL-1.1)."""
    from pylopdf_fonts_zh_cn import sans_path

    return Path(sans_path())


@cache
def font_family() -> str:
    """Register the CJK font with matplotlib once; its family name."""
    from matplotlib import font_manager

    path = str(font_path())
    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def figure(data: ChartData):
    """The chart as a matplotlib Figure (not drawn yet)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    family = font_family()
    with matplotlib.rc_context({"font.family": [family], "axes.unicode_minus": False}):
        fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
        ax = fig.add_axes((0.09, 0.22, 0.88, 0.68))
        xs = [str(y) for y in data.years]
        heights = [v if v is not None else 0 for v in data.values]
        colors = [BAR_COLOR if v is not None else MISSING_COLOR for v in data.values]
        bars = ax.bar(xs, heights, color=colors, width=0.6)
        ax.bar_label(bars, labels=list(data.labels), padding=3, fontsize=12, family=family)
        ax.set_title(data.title, fontsize=15, family=family, pad=14)
        ax.set_xlabel(data.xlabel, fontsize=12, family=family)
        ax.set_ylabel(data.ylabel, fontsize=12, family=family)
        top = max((v for v in data.values if v is not None), default=0) or 1
        ax.set_ylim(0, top * 1.18)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", alpha=0.3)
        ax.set_axisbelow(True)
        caption = "\n".join(textwrap.wrap(data.caption, 70)[:4])
        fig.text(0.09, 0.03, caption, fontsize=9, family=family, color="#555555", va="bottom")
    return fig


def render_png(data: ChartData) -> bytes:
    """The chart's PNG bytes."""
    fig = figure(data)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return buf.getvalue()
