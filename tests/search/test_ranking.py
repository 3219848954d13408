"""The index as written and the query module as the browser runs it (in node), on a few hand-made units."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.search import index
from generator.search.index import write_index
from generator.search.rules import browser_rules
from generator.search.units import Unit
from tests.helpers import REPO_ROOT
from tests.search.node_recall import node_search

CORE = REPO_ROOT / "generator" / "search" / "assets" / "search-core.js"

COMPLAINT_STEPS = [
    Unit("sops/complaint/", "客户投诉处理", "客户投诉处理", "流程", pieces=["客户投诉从受理到关闭的处理流程。"]),
    Unit("sops/complaint/#step-1", "投诉受理与登记", "客户投诉处理", "流程", pieces=["接到客户投诉后当天登记，记录投诉内容和客户联系人。"]),
    Unit("sops/complaint/#step-2", "投诉定级", "客户投诉处理", "流程", pieces=["按影响范围分为一般、较重、重大，重大的当天上报。"]),
    Unit("sops/complaint/#step-3", "回访与关闭", "客户投诉处理", "流程", pieces=["处理完一周内回访，客户确认后关闭。"]),
]


def _search(units: list[Unit], queries: list[str], folder: Path) -> list[list[str]]:
    """Index `units` into `folder` and return, per query, the URLs the site's search module ranks."""
    return [[result["url"] for result in found["results"]] for found in _found(units, queries, folder)]


def _found(units: list[Unit], queries: list[str], folder: Path) -> list[dict[str, Any]]:
    """Index `units` into `folder` and return, per query, what the site's search module finds: {partial, results}."""
    write_index(units, folder / "search", browser_rules([], []))
    shutil.copy(CORE, folder / "search" / "search-core.js")
    return node_search(folder, queries)


def test_a_character_no_word_covers_is_found_in_headings(tmp_path: Path) -> None:
    """分几级 has no word of the index; its 级 is in the heading 投诉定级, and that step answers."""
    (ranked,) = _search(COMPLAINT_STEPS, ["投诉分几级"], tmp_path)
    assert ranked[0] == "sops/complaint/#step-2"


def test_a_character_alone_does_not_find_what_only_its_text_holds(tmp_path: Path) -> None:
    """Characters are looked for in headings only: 周 (in step 3's text, no heading) finds nothing by itself."""
    (ranked,) = _search(COMPLAINT_STEPS, ["周"], tmp_path)
    assert ranked == []


def test_a_character_most_units_hold_is_not_looked_for_alone(tmp_path: Path) -> None:
    """要 is in every unit's text: its place in the heading 回访要求 makes that step no answer to 回访要几天."""
    steps = [
        Unit("sops/visit/", "回访流程", "回访流程", "流程", pieces=["每次回访都要记录，需要时升级。"]),
        Unit("sops/visit/#step-1", "回访要求", "回访流程", "流程", pieces=["回访要由客户成功经理做，要写纪要。"]),
        Unit("sops/visit/#step-2", "回访时间", "回访流程", "流程", pieces=["问题关闭后三天内回访，重要客户要当天。"]),
    ]
    ranked, alone = _search(steps, ["回访要求", "要"], tmp_path)
    assert ranked[0] == "sops/visit/#step-1"  # the pair 要求 is a word: found as one
    assert alone == []


def test_a_page_with_less_boost_ranks_below_the_same_words_elsewhere(tmp_path: Path) -> None:
    plan = Unit("plans/q1/", "一季度回款计划", "一季度回款计划", "工作计划", pieces=["逾期回款每周跟进。"], boost=0.9)
    sop = Unit("sops/pay/", "一季度回款计划", "一季度回款计划", "流程", pieces=["逾期回款每周跟进。"])
    (ranked,) = _search([plan, sop], ["逾期回款"], tmp_path)
    assert ranked == ["sops/pay/", "plans/q1/"]


def test_only_partial_matches_is_said_when_no_result_holds_every_word(tmp_path: Path) -> None:
    """A title full of the rare word may rank first without the common one; the box must not then
    say that nothing holds every word when the next result does."""
    common = [Unit(f"faqs/f{n}/", f"问题{n}", f"问题{n}", "问答", pieces=["客户经常问到这个。"]) for n in range(12)]
    playbook = Unit("playbooks/price/", "价格异议处理", "价格异议处理", "打法", pieces=["先问清预算。"])
    faq = Unit("faqs/cheap/", "嫌贵怎么回应", "嫌贵怎么回应", "问答", pieces=["客户提出价格异议时，先讲价值。"])
    (found,) = _found([*common, playbook, faq], ["客户价格异议"], tmp_path)
    results = found["results"]
    assert [r["url"] for r in results[:2]] == ["playbooks/price/", "faqs/cheap/"]
    assert results[0]["partial"] and not results[1]["partial"] and not found["partial"]


def test_a_large_index_is_not_written_twice_as_bundles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bundles load a small index whole after the first results; a large one's would be megabytes nobody loads."""
    write_index(COMPLAINT_STEPS, tmp_path / "small", browser_rules([], []))
    assert list((tmp_path / "small" / "b").glob("*.gz"))
    monkeypatch.setattr(index, "BUNDLED_INDEX_BYTES", 1000)  # a few hundred bytes of shards here
    write_index(COMPLAINT_STEPS, tmp_path / "large", browser_rules([], []))
    assert not (tmp_path / "large" / "b").exists()
    (ranked,) = _search(COMPLAINT_STEPS, ["投诉定级"], tmp_path / "site")
    assert ranked[0] == "sops/complaint/#step-2"


def test_a_page_shows_its_runner_up_but_no_third(tmp_path: Path) -> None:
    """The step a question is about often ranks behind another of its page: it is shown at its own
    rank, and a third step of the page makes room for another page."""
    other = Unit("faqs/visit/", "回访要多久", "回访要多久", "问答", pieces=["回访一般在一周内完成。"])
    (ranked,) = _search([*COMPLAINT_STEPS, other], ["投诉回访登记"], tmp_path)
    assert ranked[:2] == ["sops/complaint/#step-1", "sops/complaint/#step-3"]
    assert "faqs/visit/" in ranked and len([url for url in ranked if url.startswith("sops/complaint/")]) == 2


def test_a_question_word_finds_the_unit_that_answers_its_kind(tmp_path: Path) -> None:
    """多久 asks for a duration: the unit saying 8 到 12 周 answers it, not the one with 上线 in its title,
    and the duration is marked in it."""
    units = [
        Unit("faqs/go-live/#prepare", "上线前准备", "上线常见问题", "问答", pieces=["上线前确认网络和账号。"]),
        Unit("faqs/go-live/#plan", "实施安排", "上线常见问题", "问答", pieces=["从签约到上线一般 8 到 12 周，分三个阶段。"]),
    ]
    rules = browser_rules([], [], [{"asked": ["多久"], "units": ["周"]}])
    write_index(units, tmp_path / "search", rules)
    shutil.copy(CORE, tmp_path / "search" / "search-core.js")
    (found,) = node_search(tmp_path, ["上线要多久"])
    first = found["results"][0]
    assert first["url"] == "faqs/go-live/#plan" and "8 到 12 周" in first["terms"]


def test_a_step_asked_by_its_place_is_found_by_its_number(tmp_path: Path) -> None:
    """第二步 is the heading numbered 2, 最后一步 the page's last numbered heading; neither is a word of the text."""
    numbered = [Unit(u.url, f"{u.url[-1]}. {u.title}" if "#" in u.url else u.title, u.page, u.section, pieces=u.pieces) for u in COMPLAINT_STEPS]
    second, last, digits = _search(numbered, ["投诉处理第二步", "投诉最后一步", "投诉第 1 步"], tmp_path)
    assert (second[0], last[0], digits[0]) == ("sops/complaint/#step-2", "sops/complaint/#step-3", "sops/complaint/#step-1")


def test_a_unit_without_the_latin_word_asked_ranks_below_one_with_it(tmp_path: Path) -> None:
    """MES names what the rep asks about: the MES page's answer beats a question about another product that holds the rest."""
    units = [
        Unit("products/mes/", "轻量化 MES", "轻量化 MES", "产品", pieces=["MES 适合 200 到 1,000 人的离散制造工厂，按模块报价。"]),
        Unit("faqs/sensor/#fit", "哪些设备适合装传感器？多大的电机合适？", "传感器常见问题", "常见问题", pieces=["适合 5.5 kW 以上的电机、风机和泵，多大的都可以。"]),
    ]
    (ranked,) = _search(units, ["MES适合多大的厂"], tmp_path)
    assert ranked[0] == "products/mes/"
