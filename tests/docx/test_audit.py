"""Every document salesbook writes, judged by the Office Open XML schema (openxml-audit, the
checks of Microsoft's Open XML SDK) and by what the schema cannot see."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openxml_audit import FileFormat, OpenXmlValidator

from docx.oxml.ns import qn
from tests.docx.conftest import Rendered

C1_CONTROLS = re.compile("[\u0080-\u009f]")


@pytest.fixture(scope="session")
def validator() -> OpenXmlValidator:
    """The validator `openxml-audit -f microsoft365 -m 0` runs, loaded once for every document."""
    return OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)


def audit(validator: OpenXmlValidator, documents: dict[str, Path]) -> dict[str, list[str]]:
    """Return each document's errors and warnings, as `severity: description (part path)`."""
    return {name: [f"{e.severity.value}: {e.description} ({e.part_uri} {e.path})" for e in validator.validate(path).errors]
            for name, path in documents.items()}


def test_demo_plans_and_blank_drafts_pass_the_schema(validator: OpenXmlValidator, rendered: Rendered) -> None:
    documents = rendered.plan_docs | {f"blank-{k}": v for k, v in rendered.blank_docs.items()}
    assert audit(validator, documents) == {name: [] for name in documents}


def test_plan_new_drafts_pass_the_schema(validator: OpenXmlValidator, new_drafts: dict[str, Path]) -> None:
    assert audit(validator, new_drafts) == {name: [] for name in new_drafts}


def test_drafts_on_company_references_pass_the_schema(validator: OpenXmlValidator, company_drafts: dict[str, Path]) -> None:
    assert audit(validator, company_drafts) == {name: [] for name in company_drafts}


def test_the_bundled_reference_passes_the_schema(validator: OpenXmlValidator) -> None:
    from generator.docx.styles import BUNDLED_REFERENCE

    assert audit(validator, {"reference": BUNDLED_REFERENCE}) == {"reference": []}


def test_what_the_schema_cannot_see(rendered: Rendered, new_drafts: dict[str, Path], company_drafts: dict[str, Path],
                                    company_references: dict[str, Path]) -> None:
    documents = rendered.plan_docs | rendered.blank_docs | new_drafts | company_drafts
    references = {name: company_references[name.split("-")[0]] for name in company_drafts}
    findings = {name: structural_findings(path, references.get(name)) for name, path in documents.items()}
    assert findings == {name: [] for name in documents}


def structural_findings(path: Path, reference: Path | None = None) -> list[str]:
    """Return what Word would repair or show wrongly although the schema allows it (beyond what `reference` had)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist() if name.endswith(".xml")}
    body = etree.fromstring(parts["word/document.xml"])
    styles = etree.fromstring(parts["word/styles.xml"])
    style_ids = {s.get(qn("w:styleId")) for s in styles.iter(qn("w:style"))}
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    findings = [f"table cell without a paragraph at row {i}" for i, tc in enumerate(body.iter(qn("w:tc"))) if tc.find(qn("w:p")) is None]
    findings += [f"unknown style {s.get(qn('w:val'))}" for tag in ("w:pStyle", "w:rStyle", "w:tblStyle")
                 for s in body.iter(qn(tag)) if s.get(qn("w:val")) not in style_ids]
    findings += [f"link to missing bookmark {a}" for a in (h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))) if a and a not in bookmarks]
    findings += [f"duplicate style name {n}" for n in sorted(_duplicate_names(parts["word/styles.xml"]) - _duplicate_names_in(reference))]
    findings += [f"C1 control character in {name}" for name, data in parts.items() if C1_CONTROLS.search(data.decode("utf-8"))]
    findings += _field_findings(body)
    if body.find(f".//{qn('w:sectPr')}") is None:
        findings.append("no section properties")
    return findings


def _field_findings(body: etree._Element) -> list[str]:
    """Every complex field opens, separates and closes in order."""
    depth, findings = 0, []
    for char in body.iter(qn("w:fldChar")):
        kind = char.get(qn("w:fldCharType"))
        depth += {"begin": 1, "end": -1}.get(kind, 0)
        if depth < 0:
            findings.append("a field ends before it begins")
    return findings + (["a field is never closed"] if depth else [])


def _duplicate_names_in(reference: Path | None) -> set[str]:
    if reference is None:
        return set()
    with zipfile.ZipFile(reference) as archive:
        return _duplicate_names(archive.read("word/styles.xml"))


def _duplicate_names(styles_xml: bytes) -> set[str]:
    """Return the style names (spelling-insensitive) that more than one style carries."""
    keys = [re.sub(r"\s+", "", n.get(qn("w:val")) or "").casefold() for n in etree.fromstring(styles_xml).iter(qn("w:name"))]
    return {key for key in keys if keys.count(key) > 1}
