"""The search rules: `salesbook check` locates mistakes in site_config/search.yaml, and the
query module (run in node, as the browser runs it) applies them as the file says."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from generator.search.rules import for_content, load_rules
from generator.search.tokens import normalize, shard_of, tokens
from tests.helpers import REPO_ROOT, salesbook

CORE = REPO_ROOT / "generator" / "search" / "assets" / "search-core.js"
BAD_RULES = """\
stopwords:
  - 怎么办
  - ""
synonyms:
  - [回款, 催收]
  - [催收, 收款]
  - [孤零零]
  - []
colour: red
answers:
  时长:
    asked: [多久, 怎么办]
  金额:
    asked: [多少钱, 回款]
    units: [元]
  距离: 很远
"""


def test_check_reports_each_mistake_in_the_rules_at_its_line_and_column(minimal: Path) -> None:
    (minimal / "site_config" / "search.yaml").write_text(BAD_RULES, encoding="utf-8")
    run = salesbook("check", cwd=minimal)
    assert run.code == 1
    lines = [line for line in run.out.splitlines() if line.startswith("site_config/search.yaml")]
    assert lines == [
        "site_config/search.yaml:3:5: stopwords[1]: 词语是空的，请删除这一项或填上词语",
        "site_config/search.yaml:6:6: synonyms[1][0]: `催收` 已在 synonyms[0] 中出现过；一个词只能属于一处（忽略词、一个同义词组或一种问法；问法可以同时是同义词）",
        "site_config/search.yaml:7:5: synonyms[2]: 同义词组至少要有两个词，否则没有可替换的词",
        "site_config/search.yaml:8:5: synonyms[3]: 同义词组至少要有两个词，否则没有可替换的词",
        "site_config/search.yaml:9:9: colour: 未知的键 `colour`，这里只能写 stopwords（忽略词）、synonyms（同义词组）和 answers（答案类型）",
        "site_config/search.yaml:11:3: answers.时长: 答案类型缺少 units，或者列表是空的（asked：问法，如“多久”；units：答案里数字后的单位，如“天”）",
        "site_config/search.yaml:12:17: answers.时长.asked[1]: `怎么办` 已在 stopwords[0] 中出现过；一个词只能属于一处（忽略词、一个同义词组或一种问法；问法可以同时是同义词）",
        "site_config/search.yaml:16:7: answers.距离: 答案类型“距离”下面应写 asked（问法）和 units（单位）两个列表",
    ]  # 回款 both a synonym and a question word of 金额 is allowed


def test_the_repository_rules_are_clean() -> None:
    assert load_rules(REPO_ROOT)[1] == []


def _demo_content() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted((REPO_ROOT / "content").rglob("*.yaml"))]


def _node(script: str, content: list[str] | None = None) -> object:
    rules = for_content(load_rules(REPO_ROOT)[0], _demo_content() if content is None else content)
    program = f"const core = require({json.dumps(str(CORE))}); const rules = core.compileRules({json.dumps(rules, ensure_ascii=False)});\n{script}"
    done = subprocess.run(["node", "-e", program], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _understood(query: str, content: list[str] | None = None) -> dict[str, object]:
    return _node(f"process.stdout.write(JSON.stringify(core.understand({json.dumps(query, ensure_ascii=False)}, rules)))", content)  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("query", "cohesion", "concepts"),
    [
        ("客户嫌贵怎么办", {"客户": 44}, [["价格异议", "嫌贵"], ["客户"]]),  # stop word dropped, synonym group found
        ("客戶投訴怎麼處理", {"客户": 44, "处理": 50}, [["投诉", "客诉"], ["客户"], ["处理"]]),  # traditional characters, by OpenCC's table
        ("MES能过GMP吗", {}, [["mes"], ["gmp"], ["^能"], ["^过"]]),  # Latin split from Chinese, not stemmed; 能过 no word
        ("ＭＥＳ（ＧＭＰ）认证", {"认证": 50}, [["mes"], ["gmp"], ["认证"]]),  # full-width letters and brackets
        ("EG-500多少钱", {}, [["eg"], ["500"], ["价格", "价钱"]]),  # product code parts; 多少钱 before the stop word 多少
        ("设备云上线要多久", {"设备": 51, "备云": 49, "上线": 38}, [["?0"], ["设备"], ["上线"], ["备云"], ["^要"]]),  # 云上 (SaaS) yields to 上线; 多久 asks for a duration
        ("传感器的价钱", {"传感": 50, "感器": 50, "器的": 40}, [["价格", "价钱"], ["传感"], ["感器"]]),  # 的 goes, 器的 with it
    ],
)
def test_a_query_is_cut_into_the_rules_words_and_the_index_words(query: str, cohesion: dict[str, int], concepts: list[list[str]]) -> None:
    """The rules' words compete with the index's words (pairs of known cohesion) for the query's characters."""
    postings = {pair: [value] for pair, value in cohesion.items()}
    found = _node(
        f"const u = core.understand({json.dumps(query, ensure_ascii=False)}, rules);"
        f"process.stdout.write(JSON.stringify(core.conceptsOf(u, new Map(Object.entries({json.dumps(postings, ensure_ascii=False)})), [], rules)))"
    )
    assert [_terms(concept)[: len(expected)] for concept, expected in zip(found, concepts, strict=True)] == concepts  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "concepts"),
    [
        ("催款流程第二步", [["#2"]]),
        ("签合同的第 5 步要做什么", [["#5"]]),
        ("第十二个步骤", [["#12"]]),
        ("报价流程最后一步", [["#last"]]),
        ("第一次见客户", []),  # a first time, not a step
    ],
)
def test_a_step_asked_by_its_place_is_the_numbered_heading(query: str, concepts: list[list[str]]) -> None:
    assert [concept["alts"][0] for concept in _understood(query)["concepts"]] == concepts  # type: ignore[index, union-attr]


@pytest.mark.parametrize(
    ("query", "numbers", "runs"),
    [
        ("两百万的方案要谁审", ["200"], ["万的方案要谁审"]),
        ("新人第一周学什么", ["1"], ["新人第", "周学什么"]),  # the content writes 第 1 周
        ("逾期两个月谁去催", ["2"], ["逾期", "个月谁去催"]),
        ("一台泵装几个传感器", [], ["一台泵装几个传感器"]),  # one of something is no figure
        ("几十家店", [], ["几十家店"]),  # nor is a few dozen
        ("三级投诉", [], ["三级投诉"]),  # 级 counts no quantity: 三级 stays a word
    ],
)
def test_a_quantity_in_chinese_numerals_is_read_in_digits(query: str, numbers: list[str], runs: list[str]) -> None:
    understood = _understood(query)
    assert ([concept["alts"][0][0] for concept in understood["concepts"]], understood["runs"]) == (numbers, runs)  # type: ignore[index, union-attr]


def test_a_year_said_from_now_is_also_the_year_the_content_writes() -> None:
    """明年 asked in 2026 finds 2027 年 (a plan's year) or 明年 itself; the rest of the question stays."""
    understood = _node("process.stdout.write(JSON.stringify(core.understand('明年回款目标，去年的案例', rules, 2026)))")
    assert understood == {"concepts": [{"alts": [["明年"], ["2027"]]}, {"alts": [["去年"], ["2025"]]}], "runs": ["回款目标", "的案例"]}


def test_a_question_word_that_is_also_a_synonym_matches_either() -> None:
    """多少钱 is answered by a price word (价格, 报价…) or by an amount of money (3 万元)."""
    found = _node("const u = core.understand('设备云多少钱', rules); process.stdout.write(JSON.stringify(core.conceptsOf(u, new Map(), [], rules)[0]))")
    rules = load_rules(REPO_ROOT)[0]
    money = next(k for k, kind in enumerate(rules["answers"]) if "多少钱" in kind["asked"])
    group = next(g for g, terms in enumerate(rules["synonyms"]) if "多少钱" in terms)
    assert found == {"alts": [[f"={group}"], [f"?{money}"]], "typed": "多少钱"}


def _terms(concept: dict[str, list[list[str]]]) -> list[str]:
    """Return the words a concept matches: a synonym group (`=N`, one index word) stands for its terms."""
    alts = concept["alts"]
    if alts[0][0].startswith("="):
        return [normalize(term) for term in load_rules(REPO_ROOT)[0]["synonyms"][int(alts[0][0][1:])]]
    return [_word(alt) for alt in alts]


def _word(pairs: list[str]) -> str:
    """Return the word whose index terms (overlapping character pairs) are `pairs`."""
    return pairs[0] + "".join(pair[1:] for pair in pairs[1:])


def test_the_query_module_cuts_and_shards_text_as_the_index_does() -> None:
    text = "澜拓 VS-30 无线振动传感器：电池 3 年，ＭＥＳ（ＧＭＰ）"
    found = _node(f"const t = core.tokens({json.dumps(text, ensure_ascii=False)}); process.stdout.write(JSON.stringify([t, t.map((x) => core.shardOf(x, 97))]))")
    expected = list(tokens(text))
    assert found == [expected, [shard_of(token, 97) for token in expected]]


def test_taiwan_words_are_read_as_the_contents_mainland_words() -> None:
    """閘道器 (Taiwan) is 网关 where the content says 网关; a word the content uses itself is left alone."""
    content = ["EG-500 工业边缘网关，接振动传感器，安装闸门", "软件和软体都有"]
    assert _understood("閘道器安裝", content)["runs"] == ["网关安装"]
    assert _understood("振動感測器", content)["runs"] == ["振动传感器"]
    assert _understood("软体", content)["runs"] == ["软体"]  # the content says 软体 too
    assert _understood("閘道器", ["闸门"])["runs"] == ["闸道器"]  # no content with 网关: nothing to read it as
    assert _understood("閘道器", ["大门"])["runs"] == ["閘道器"]  # nor a 闸 to read 閘 as: the table keeps only what can match
