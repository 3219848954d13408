"""`salesbook docx` through the real CLI: one plan or all, reference documents, refusals."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from generator import docx as docx_stage
from generator.archetypes import load_archetypes
from generator.docx import Job, plan_jobs, reference_path, render_job, render_jobs
from generator.validate import check_repository
from tests.docx.structure import body, headings, highlighted, open_docx
from tests.helpers import REPO_ROOT, edit, salesbook

REFERENCE = REPO_ROOT / "templates" / "reference.docx"


def test_one_plan_named_by_its_id(minimal: Path, tmp_path: Path) -> None:
    run = salesbook("docx", "content/plans/demo-plan.yaml", "-o", tmp_path / "out", cwd=minimal)
    assert run.code == 0, run.err
    assert [p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")] == ["demo-plan.docx"]  # beside salesbook's output marker
    assert run.err.strip() == f"已生成 1 个 Word 文档，位于 {(tmp_path / 'out').as_posix()}"
    assert headings(open_docx(tmp_path / "out" / "demo-plan.docx"), level=1)[:2] == ["导言", "第一部分　核心成果指标"]


def test_all_plans_by_default(tmp_path: Path) -> None:
    run = salesbook("docx", "-o", tmp_path, cwd=REPO_ROOT)
    assert run.code == 0, run.err
    plans = sorted(p.stem for p in (REPO_ROOT / "content" / "plans").glob("*.yaml"))
    assert sorted(p.stem for p in tmp_path.glob("*.docx")) == plans
    assert run.lines[-len(plans):] == [(tmp_path / f"{stem}.docx").as_posix() for stem in plans]
    assert not [line for line in run.lines if "警告" in line]  # the demo content is clean


def test_content_errors_stop_before_anything_is_written(minimal: Path, tmp_path: Path) -> None:
    edit(minimal / "content/plans/demo-plan.yaml", "weight: 60", "weight: 30")
    run = salesbook("docx", "-o", tmp_path / "out", cwd=minimal)
    assert run.code == 1
    assert run.lines == ["content/plans/demo-plan.yaml:22:5: kpis[0].items: 权重合计为 70%，应为 100%"]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("argument", "message"), [
    pytest.param("content/plans/nothing.yaml", "salesbook: 路径不存在：content/plans/nothing.yaml", id="missing"),
    pytest.param("content/products/demo-cloud.yaml", "salesbook: content/products/demo-cloud.yaml 不是计划文件（计划放在 content/plans/ 下）", id="not-a-plan"),
])
def test_path_that_is_not_a_plan(minimal: Path, tmp_path: Path, argument: str, message: str) -> None:
    run = salesbook("docx", argument, "-o", tmp_path / "out", cwd=minimal)
    assert (run.code, run.err.strip()) == (2, message)


def test_placeholder_and_missing_required_block_are_highlighted(minimal: Path, tmp_path: Path) -> None:
    plan = minimal / "content/plans/demo-plan.yaml"
    edit(plan, "amount: 1200000", "amount: XX")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text[: text.index("incentives:")], encoding="utf-8")
    run = salesbook("docx", "-o", tmp_path / "out", cwd=minimal)
    assert run.code == 0
    assert run.lines[:2] == [
        "content/plans/demo-plan.yaml:5:12: 警告: incentives: 计划范式「数据驱动、KPI导向型」要求填写此项，文档中会以黄色标出待填写",
        "content/plans/demo-plan.yaml:13:12: 警告: breakdowns[0].total: 含有 XX，暂不核对合计",
    ]
    document = open_docx(tmp_path / "out" / "demo-plan.docx")
    marked = highlighted(document)
    assert marked.count("XX") == 4  # the figure, and the share column that cannot be computed without it
    assert "（待填写：激励方案）" in marked and "（待填写：风险与应对）" in marked  # the required block, an empty part
    assert not document.inline_shapes  # no chart while a figure is unknown


def test_plan_text_is_data_never_a_template(minimal: Path, tmp_path: Path) -> None:
    hostile = "收入 {{ 7 * 7 }} 与 {% for x in range(3) %}{{ x }}{% endfor %}，<b>不加粗</b> &amp; ${HOME}"
    edit(minimal / "content/plans/demo-plan.yaml", "summary: 三月是一季度的收官月，按区域把目标拆到人。", f"summary: '{hostile}'")
    run = salesbook("docx", "-o", tmp_path / "out", cwd=minimal)
    assert run.code == 0, run.out + run.err
    assert ["p", hostile] in body(open_docx(tmp_path / "out" / "demo-plan.docx"))


def test_company_reference_document_keeps_its_styles_and_letterhead(minimal: Path, tmp_path: Path) -> None:
    company = docx.Document(str(REFERENCE))
    company.styles["Normal"].font.size = docx.shared.Pt(11)
    header = company.sections[0].header.paragraphs[0]
    header.text = "澜拓智能科技有限公司 · 内部资料"
    company.save(str(tmp_path / "company.docx"))
    run = salesbook("docx", "-o", tmp_path / "out", "--reference-doc", tmp_path / "company.docx", cwd=minimal)
    assert run.code == 0, run.err
    document = open_docx(tmp_path / "out" / "demo-plan.docx")
    assert document.sections[0].header.paragraphs[0].text == "澜拓智能科技有限公司 · 内部资料"  # on the cover
    assert document.sections[-1].header.paragraphs[0].text == "澜拓智能科技有限公司 · 内部资料"
    assert document.styles["Normal"].font.size.pt == 11
    assert re.fullmatch(r"第 1 页  共 \d+ 页", document.sections[-1].footer.paragraphs[0].text)


def test_a_plain_word_document_works_as_reference(minimal: Path, tmp_path: Path) -> None:
    """A reference without salesbook's own styles (Guidance, Plan Table, …) still gives a full document."""
    docx.Document().save(str(tmp_path / "plain.docx"))
    run = salesbook("docx", "-o", tmp_path / "out", "--reference-doc", tmp_path / "plain.docx", cwd=minimal)
    assert run.code == 0, run.err
    document = open_docx(tmp_path / "out" / "demo-plan.docx")
    assert headings(document, level=1)[:2] == ["导言", "第一部分　核心成果指标"]
    assert len(document.tables) == 5  # cover, targets, breakdown, KPI weights, incentives


@pytest.mark.parametrize(("name", "content", "message"), [
    pytest.param("notes.docx", b"not a zip", "salesbook: 参考文档不是有效的 Word（.docx 或 .dotx）文件：{path}", id="not-docx"),
    pytest.param("absent.docx", None, "salesbook: 找不到参考文档：{path}", id="missing"),
])
def test_unusable_reference_document(minimal: Path, tmp_path: Path, name: str, content: bytes | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    run = salesbook("docx", "-o", tmp_path / "out", "--reference-doc", path, cwd=minimal)
    assert (run.code, run.err.strip()) == (1, message.format(path=path))
    assert not (tmp_path / "out").exists()


def test_a_failed_write_leaves_no_file(minimal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repository = check_repository(minimal).require_clean()
    out = tmp_path / "out"
    job = plan_jobs(repository, load_archetypes(minimal), out, reference_path(minimal, None))[0]

    def broken_save(self, target: str) -> None:
        Path(target).write_bytes(b"PK\x03\x04 half a document")
        raise OSError("disk full")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(OSError, match="disk full"):
        render_job(job)
    assert list(out.iterdir()) == []


def test_several_documents_render_on_every_core(minimal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pools: list[int] = []

    class RecordingPool(docx_stage.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **options: object) -> None:
            pools.append(max_workers)
            super().__init__(max_workers=max_workers, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(docx_stage, "ProcessPoolExecutor", RecordingPool)
    monkeypatch.setattr(docx_stage.os, "cpu_count", lambda: 2)
    repository = check_repository(minimal).require_clean()
    job = plan_jobs(repository, load_archetypes(minimal), tmp_path, reference_path(minimal, None))[0]
    jobs = [Job(job.plan, job.archetype, tmp_path / f"copy-{n}.docx", job.reference) for n in range(3)]
    assert render_jobs(jobs) == [j.output for j in jobs]
    assert pools == [2]
    assert all(open_docx(j.output).paragraphs for j in jobs)


def test_site_build_interface_writes_plans_and_blank_drafts(minimal: Path, tmp_path: Path) -> None:
    written = docx_stage.write_documents(check_repository(minimal).require_clean(), tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "plans/demo-plan.docx", "archetypes/strategic.docx", "archetypes/kpi.docx", "archetypes/enablement.docx",
        "archetypes/expansion.docx", "archetypes/account.docx",
    ]
