"""Bar charts of target breakdowns, drawn with matplotlib (Agg, no display) in a CJK font.

Drawing Chinese text is most of a plan's render time, and a breakdown's figures
rarely change between builds, so each chart is kept in a small content-addressed
cache (`$SALESBOOK_CACHE_DIR`, else `$XDG_CACHE_HOME/salesbook`, else
`~/.cache/salesbook`): the same bars give the same PNG.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Callable
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path

from generator.errors import BuildError

CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC",
)
"""Fonts with Simplified Chinese glyphs, best first; fonts-noto-cjk provides the first."""

BAR_COLOUR, TEXT_COLOUR = "#4472C4", "#262626"
BATTLE_COLOURS = ("#4472C4", "#ED7D31", "#70AD47", "#FFC000", "#7F6000", "#5B9BD5")
CHART_VERSION = 4
"""Bump when the drawing changes, so cached charts are drawn again."""
FAST_TEXT = {"text.hinting": "no_hinting"}
"""Unhinted glyphs: less drawing time, no visible loss at 120 dpi."""
WIDTH_INCHES, ROW_INCHES, MARGIN_INCHES, DPI = 6.0, 0.42, 0.08, 120
CHART_ROWS = 8
"""At most this many bars (the largest seven and 其他): a chart stays legible and under 4 inches tall."""
OTHER = "其他"
LABEL_WIDTH = 36
"""A bar's label is cut to this many half-width characters; the table beside it holds the full name."""


@cache
def cjk_font() -> str:
    """Return the name of an installed font that has Chinese glyphs, or raise `BuildError`."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    raise BuildError("docx.no_cjk_font")


@dataclass(frozen=True)
class Bar:
    """One bar: its label, the length it is drawn at, and the figure written beside it."""

    label: str
    value: float
    text: str


def capped(bars: list[Bar], other_text: Callable[[list[int]], str], limit: int = CHART_ROWS) -> list[Bar]:
    """Keep at most `limit` bars: the largest `limit - 1` in their order, then one “其他” bar.

    `other_text` says what the 其他 bar reads, given the indexes of the bars it stands for."""
    if len(bars) <= limit:
        return bars
    keep = sorted(sorted(range(len(bars)), key=lambda i: -bars[i].value)[: limit - 1])
    dropped = [i for i in range(len(bars)) if i not in keep]
    return [bars[i] for i in keep] + [Bar(OTHER, sum(bars[i].value for i in dropped), other_text(dropped))]


def bar_chart(bars: list[Bar]) -> bytes:
    """Return a PNG of a horizontal bar chart, from the cache when drawn before."""
    path = cached_path(bars)
    try:
        return path.read_bytes()
    except OSError:
        pass
    png = draw_bar_chart(bars)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.stem}.{os.getpid()}.tmp")
        temporary.write_bytes(png)
        os.replace(temporary, path)
    except OSError:
        pass  # an unwritable cache only costs time
    return png


def cached_path(bars: list[Bar]) -> Path:
    """Return where the chart of these bars is kept once drawn."""
    key = hashlib.sha256(json.dumps([CHART_VERSION, CJK_FONTS, [astuple(bar) for bar in bars]], ensure_ascii=False).encode()).hexdigest()
    return cache_dir() / "charts" / f"{key}.png"


def warm_up() -> None:
    """Draw a throwaway chart, so matplotlib, PIL and the CJK font are loaded in this process
    and worker processes forked later share them instead of each loading them again."""
    draw_bar_chart([Bar("一", 1.0, "1 元"), Bar("二", 2.0, "2 元")])


def cache_dir() -> Path:
    """Return the folder where salesbook keeps drawn charts between runs."""
    if folder := os.environ.get("SALESBOOK_CACHE_DIR"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "salesbook"


def draw_bar_chart(bars: list[Bar]) -> bytes:
    """Draw a PNG of a horizontal bar chart, each bar labelled with the text the table shows.

    Drawn straight on the figure, without axes: tick machinery would triple the cost
    of a chart that needs no scale (every bar carries its own figure)."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    font = {"fontfamily": cjk_font(), "color": TEXT_COLOUR, "va": "center"}
    labels = [drawable(bar.label) for bar in bars]
    largest = max(bar.value for bar in bars) or 1.0
    height = ROW_INCHES * len(bars) + 2 * MARGIN_INCHES
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI)
    canvas = FigureCanvasAgg(figure)
    left = min(0.45, 0.03 + max(_display_width(label) for label in labels) * 0.0105)
    span = 0.70 - left  # the longest bar; the rest of the width holds its figure
    row = ROW_INCHES / height
    top = 1 - MARGIN_INCHES / height
    for index, (label, bar) in enumerate(zip(labels, bars, strict=True)):
        middle = top - (index + 0.5) * row
        width = span * bar.value / largest
        figure.add_artist(Rectangle((left, middle - 0.31 * row), width, 0.62 * row, color=BAR_COLOUR, transform=figure.transFigure))
        figure.text(left - 0.012, middle, _shortened(label), ha="right", fontsize=9, **font)
        figure.text(left + width + 0.006, middle, drawable(bar.text), ha="left", fontsize=8, **font)
    figure.add_artist(Line2D([left, left], [top, top - len(bars) * row], color=TEXT_COLOUR, linewidth=0.8, transform=figure.transFigure))
    buffer = io.BytesIO()
    with rc_context(FAST_TEXT):
        canvas.print_png(buffer, metadata={"Software": None}, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


@dataclass(frozen=True)
class Step:
    """One battle on the month's timeline: its days and the cumulative target it must reach."""

    name: str
    first: int
    last: int
    target: str
    progress: float
    """The cumulative target as a fraction of the month's (0–1): the height of its step."""


def battle_chart(steps: list[Step], days: int) -> bytes:
    """Draw the month's battle map: a band per battle along the days, a rising step for its cumulative target."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    font = {"fontfamily": cjk_font(), "color": TEXT_COLOUR}
    figure = Figure(figsize=(WIDTH_INCHES, 3.6), dpi=DPI)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_axes((0.06, 0.30, 0.90, 0.62))
    axes.set_xlim(0.5, days + 0.5)
    axes.set_ylim(0, 1.25)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.set_yticks([])
    axes.set_xticks([1, *sorted({s.last for s in steps}), days])
    axes.tick_params(labelsize=8, colors=TEXT_COLOUR)
    for index, step in enumerate(steps):
        colour = BATTLE_COLOURS[index % len(BATTLE_COLOURS)]
        axes.axvspan(step.first - 0.5, step.last + 0.5, ymax=0.04, color=colour)
        axes.bar((step.first + step.last) / 2, step.progress, width=step.last - step.first + 0.9, color=colour, alpha=0.35)
        axes.text((step.first + step.last) / 2, step.progress + 0.04, drawable(step.target), ha="center", va="bottom", fontsize=8, **font)
        figure.text(0.06 + 0.90 * ((step.first + step.last) / 2 - 0.5) / days, 0.13 - 0.07 * (index % 2),
                    _shortened(drawable(step.name), 18), ha="center", va="center", fontsize=8, **font)
    figure.text(0.06, 0.96, "累计目标（各周战役结束时）", fontsize=9, va="top", **font)
    buffer = io.BytesIO()
    with rc_context(FAST_TEXT | {"font.family": cjk_font()}):
        canvas.print_png(buffer, metadata={"Software": None}, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def drawable(text: str) -> str:
    """Return `text` without the characters the chart font cannot draw (emoji would print as boxes)."""
    glyphs = font_glyphs()
    return " ".join("".join(ch for ch in text if ord(ch) in glyphs or ch.isspace()).split())


@cache
def font_glyphs() -> frozenset[int]:
    """Return the code points the chart font has glyphs for."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(font_manager.findfont(cjk_font(), fallback_to_default=False)).get_charmap())


def _shortened(label: str, most: int = LABEL_WIDTH) -> str:
    """Return a label cut to `most` half-width characters, with an ellipsis when cut."""
    if _display_width(label) <= most:
        return label
    kept = ""
    for ch in label:
        if _display_width(kept + ch) > most - 2:
            break
        kept += ch
    return kept + "…"


def _display_width(text: str) -> int:
    """Return the width of `text` in half-width characters (a Chinese character counts two)."""
    return sum(1 if ch.isascii() else 2 for ch in text)
