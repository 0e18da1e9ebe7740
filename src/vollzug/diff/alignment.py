"""Alignment: the step correspondences of two models on their own — CSV, JSON, Alignment API RDF/XML, P/R/F1.

The RDF/XML form is the one of the Alignment API used by ontology and process-model matching evaluations
(``<Alignment><map><Cell><entity1 rdf:resource=…/><entity2 …/><relation>=</relation><measure>…``). Entities are
written ``<file name>#<element id>``; when reading a gold alignment only the fragment (the id) is compared.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vollzug.diff.changes import Match

ALIGN_NS = "http://knowledgeweb.semanticweb.org/heterogeneity/alignment"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD_FLOAT = "http://www.w3.org/2001/XMLSchema#float"
CSV_COLUMNS = ("left_id", "left_name", "right_id", "right_name", "score", "confidence", "kind", "group")


@dataclass(frozen=True)
class Correspondence:
    """One matched pair as written out."""

    left: str
    right: str
    left_name: str
    right_name: str
    score: float
    confidence: str
    kind: str
    group: str
    """``left:right`` ids of the step with several partners (split/merge), the pair itself otherwise."""


def correspondences(matches: Iterable[Match], left_names: dict[str, str], right_names: dict[str, str]
                    ) -> list[Correspondence]:
    """Matches as correspondences; splits and merges carry the id of the step that has several partners."""
    items = sorted(matches, key=lambda m: (m.left, m.right))
    split_left = {m.left for m in items if m.kind == "split"}
    merge_right = {m.right for m in items if m.kind == "merge"}
    out: list[Correspondence] = []
    for m in items:
        if m.left in split_left:
            kind, group = "split", f"{m.left}:*"
        elif m.right in merge_right:
            kind, group = "merge", f"*:{m.right}"
        else:
            kind, group = "one_to_one", f"{m.left}:{m.right}"
        out.append(Correspondence(m.left, m.right, left_names.get(m.left, ""), right_names.get(m.right, ""),
                                  m.score, m.confidence or "sicher", kind, group))
    return out


def _neutral(cell: str) -> str:
    """A cell that a spreadsheet would read as a formula gets a leading apostrophe (OWASP CSV injection)."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def to_csv(items: list[Correspondence]) -> bytes:
    """CSV with a header row (UTF-8)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in items:
        writer.writerow([_neutral(v) for v in (c.left, c.left_name, c.right, c.right_name, f"{c.score:.4f}",
                                               c.confidence, c.kind, c.group)])
    return buf.getvalue().encode("utf-8")


def to_json(items: list[Correspondence], left_file: str, right_file: str) -> bytes:
    """JSON document ``{kind: "alignment", left_file, right_file, correspondences: [...]}``."""
    doc = {"kind": "alignment", "left_file": left_file, "right_file": right_file,
           "correspondences": [c.__dict__ for c in items]}
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def to_rdf(items: list[Correspondence], left_file: str, right_file: str) -> bytes:
    """Alignment API RDF/XML (level 0, type ``**``; relation ``=``; the score as measure)."""
    from lxml import etree

    rdf = etree.Element(f"{{{RDF_NS}}}RDF", nsmap={None: ALIGN_NS, "rdf": RDF_NS})  # type: ignore[dict-item]
    alignment = etree.SubElement(rdf, f"{{{ALIGN_NS}}}Alignment")
    for tag, text in (("xml", "yes"), ("level", "0"), ("type", "**"), ("onto1", left_file), ("onto2", right_file)):
        etree.SubElement(alignment, f"{{{ALIGN_NS}}}{tag}").text = text
    lname, rname = Path(left_file).name, Path(right_file).name
    for c in items:
        cell = etree.SubElement(etree.SubElement(alignment, f"{{{ALIGN_NS}}}map"), f"{{{ALIGN_NS}}}Cell")
        etree.SubElement(cell, f"{{{ALIGN_NS}}}entity1", {f"{{{RDF_NS}}}resource": f"{lname}#{c.left}"})
        etree.SubElement(cell, f"{{{ALIGN_NS}}}entity2", {f"{{{RDF_NS}}}resource": f"{rname}#{c.right}"})
        etree.SubElement(cell, f"{{{ALIGN_NS}}}relation").text = "="
        measure = etree.SubElement(cell, f"{{{ALIGN_NS}}}measure", {f"{{{RDF_NS}}}datatype": XSD_FLOAT})
        measure.text = f"{c.score:.4f}"
    return etree.tostring(rdf, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def read_rdf(path: Path) -> set[tuple[str, str]]:
    """(left id, right id) pairs of an Alignment API RDF/XML file with relation ``=`` (fragments compared)."""
    from vollzug.bpmn.safe_xml import parse_xml_file

    root = parse_xml_file(path).getroot()
    out: set[tuple[str, str]] = set()
    for cell in root.iter(f"{{{ALIGN_NS}}}Cell"):
        e1, e2 = cell.find(f"{{{ALIGN_NS}}}entity1"), cell.find(f"{{{ALIGN_NS}}}entity2")
        rel = cell.findtext(f"{{{ALIGN_NS}}}relation", default="=").strip()
        if e1 is None or e2 is None or rel != "=":
            continue
        a, b = e1.get(f"{{{RDF_NS}}}resource") or "", e2.get(f"{{{RDF_NS}}}resource") or ""
        out.add((a.rsplit("#", 1)[-1], b.rsplit("#", 1)[-1]))
    return out


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of predicted pairs against gold pairs."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        """Correct / predicted (1 when nothing was predicted)."""
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Correct / gold (1 when the gold is empty)."""
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold)


def evaluate(predicted: set[tuple[str, str]], gold: set[tuple[str, str]]) -> Scores:
    """Counts of one alignment against its gold."""
    return Scores(len(predicted & gold), len(predicted), len(gold))
