"""Bar charts of target breakdowns, drawn with matplotlib (Agg, no display) in a CJK font."""

from __future__ import annotations

import io
from functools import cache

from generator.errors import BuildError

CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC",
)
"""Fonts with Simplified Chinese glyphs, best first; fonts-noto-cjk provides the first."""

BAR_COLOUR, TEXT_COLOUR = "#4472C4", "#262626"


@cache
def cjk_font() -> str:
    """Return the name of an installed font that has Chinese glyphs, or raise `BuildError`."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    raise BuildError("docx.no_cjk_font")


def bar_chart(labels: list[str], values: list[float], unit: str) -> bytes:
    """Return a PNG of a horizontal bar chart, each bar labelled with its figure and share."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    font = cjk_font()
    total = sum(values) or 1.0
    figure = Figure(figsize=(6.4, 0.45 * len(values) + 0.9), dpi=150)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(values)))[::-1]  # first row on top, as in the table
    axes.barh(positions, values, color=BAR_COLOUR, height=0.6)
    axes.set_yticks(positions, labels, fontfamily=font, fontsize=9, color=TEXT_COLOUR)
    axes.set_xlabel(f"金额（{unit}）", fontfamily=font, fontsize=9, color=TEXT_COLOUR)
    axes.set_xlim(0, max(values) * 1.28 if max(values) > 0 else 1)
    for position, value in zip(positions, values, strict=True):
        label = f"{value:,.0f}（{value / total:.0%}）" if value >= 100 else f"{value:,.4g}（{value / total:.0%}）"
        axes.text(value, position, f" {label}", va="center", fontfamily=font, fontsize=8, color=TEXT_COLOUR)
    axes.tick_params(axis="x", labelsize=8, colors=TEXT_COLOUR)
    axes.xaxis.set_major_formatter(lambda x, _pos: f"{x:,.0f}")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
