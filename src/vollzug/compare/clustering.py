"""Clustering: average-linkage hierarchical clustering of towns and a dendrogram drawn as plain SVG."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

import numpy as np

from vollzug.compare.results import Clustering
from vollzug.compare.similarity import FloatMatrix
from vollzug.i18n import Lang
from vollzug.locale import format_decimal

GROUP_THRESHOLD = 0.3
"""Distance (1 − similarity) below which towns fall into one group."""


def cluster(keys: Sequence[str], overall: FloatMatrix, method: str = "average") -> Clustering | None:
    """Cluster towns on 1 − overall similarity; None for fewer than two towns."""
    if len(keys) < 2:
        return None
    from scipy.cluster.hierarchy import fcluster, leaves_list, linkage
    from scipy.spatial.distance import squareform

    distance = np.clip(1.0 - overall, 0.0, None)
    distance = (distance + distance.T) / 2.0
    np.fill_diagonal(distance, 0.0)
    z: Any = linkage(squareform(distance, checks=False), method=method)
    order = [keys[i] for i in leaves_list(z)]
    labels = fcluster(z, t=GROUP_THRESHOLD, criterion="distance")
    rows = tuple((float(a), float(b), round(float(d), 4), float(n)) for a, b, d, n in z)
    return Clustering(method=method, order=tuple(order), linkage=rows,
                      groups={k: int(g) for k, g in zip(keys, labels, strict=True)})


def dendrogram_svg(clustering: Clustering, labels: dict[str, str], width: int = 760, lang: Lang = "de") -> str:
    """A horizontal dendrogram as an SVG string (labels escaped; no external references)."""
    order = list(clustering.order)
    n = len(order)
    row_h, label_w, pad = 18, 200, 10
    height = n * row_h + 2 * pad + 20
    plot_w = width - label_w - 2 * pad
    keys_by_index = _leaf_keys(clustering, n)
    y_of: dict[int, float] = {}
    for pos, key in enumerate(order):
        y_of[keys_by_index[key]] = pad + pos * row_h + row_h / 2
    max_d = max((row[2] for row in clustering.linkage), default=1.0) or 1.0
    x_of: dict[int, float] = dict.fromkeys(y_of, float(label_w + pad))

    def x(d: float) -> float:
        return label_w + pad + plot_w * d / max_d

    title = "Dendrogramm" if lang == "de" else "Dendrogram"
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="dendrogram" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img"><title>{title}</title>']
    for i, (a, b, d, _size) in enumerate(clustering.linkage):
        ia, ib, node = int(a), int(b), n + i
        xa, xb, xd = x_of[ia], x_of[ib], x(d)
        ya, yb = y_of[ia], y_of[ib]
        parts.append(f'<path d="M{xa:.1f},{ya:.1f}H{xd:.1f}V{yb:.1f}H{xb:.1f}" fill="none" stroke="#2b5f8a"/>')
        x_of[node], y_of[node] = xd, (ya + yb) / 2
    for pos, key in enumerate(order):
        y = pad + pos * row_h + row_h / 2 + 4
        parts.append(f'<text x="{label_w}" y="{y:.1f}" text-anchor="end" font-size="12">'
                     f"{escape(labels.get(key, key))}</text>")
    axis_y = height - 12
    for tick in (0.0, max_d / 2, max_d):
        parts.append(f'<text x="{x(tick):.1f}" y="{axis_y}" font-size="10" text-anchor="middle">'
                     f"{format_decimal(tick, lang)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _leaf_keys(clustering: Clustering, n: int) -> dict[str, int]:
    """Leaf index of each town key (the linkage refers to towns by their input position)."""
    keys = sorted(clustering.groups, key=list(clustering.groups).index)
    return {k: i for i, k in enumerate(keys[:n])}
