"""Who the site belongs to comes from site_config/site.yaml; a repository's own files override salesbook's one by one."""

from __future__ import annotations

import shutil
from pathlib import Path

from ruamel.yaml import YAML

from generator.site.engine_config import GENERATED_CONFIG
from tests.helpers import REPO_ROOT, build_file_tree, salesbook
from tests.site.pages_html import parse

SITE_YAML = """\
site_name: 禾川厨房知识库
description: 禾川商用厨房设备的产品、案例和流程
company: 禾川厨房设备有限公司
logo: site_config/logo.svg
search_hints: [报价, 交期]
"""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#c00"/></svg>\n'


def test_the_site_takes_its_name_logo_and_hints_from_site_yaml_and_the_repositorys_own_files_first(minimal: Path) -> None:
    shutil.copy(REPO_ROOT / "mkdocs.yml", minimal / "mkdocs.yml")
    build_file_tree(minimal, {
        "site_config/site.yaml": SITE_YAML,
        "site_config/logo.svg": LOGO,
        "site_config/overrides/assets/salesbook.css": ".own-style { color: red; }\n",
        "templates/site/tags.md.j2": "# 本仓库自己的标签页\n",
    })
    run = salesbook("build", cwd=minimal)
    assert run.code == 0, run.err
    site = minimal / "site"
    home = parse(site / "index.html")
    assert [e.text for e in home if e.tag == "title"] == ["首页 - 禾川厨房知识库"]
    assert any(e.tag == "meta" and e.attrs.get("content") == "禾川商用厨房设备的产品、案例和流程" for e in home)
    assert any(e.tag == "img" and e.attrs.get("src", "").endswith("assets/logo.svg") for e in home)
    assert (site / "assets/logo.svg").read_text(encoding="utf-8") == LOGO
    assert "比如“报价”“交期”。" in (site / "index.html").read_text(encoding="utf-8")
    assert "本仓库自己的标签页" in (site / "tags/index.html").read_text(encoding="utf-8")  # the repository's template
    assert "sb-hero" in (site / "index.html").read_text(encoding="utf-8")  # salesbook's home template
    assert (site / "assets/salesbook.css").read_text(encoding="utf-8") == ".own-style { color: red; }\n"
    assert (site / "assets/salesbook.js").is_file()  # salesbook's theme override, the repository has none
    config = YAML().load(minimal / GENERATED_CONFIG)
    assert (config["site_name"], config["docs_dir"], config["theme"]["custom_dir"]) == ("禾川厨房知识库", "docs", "theme")  # beside build/mkdocs.yml


def test_the_site_name_is_written_in_site_yaml_only() -> None:
    assert "site_name" not in YAML().load(REPO_ROOT / "mkdocs.yml")
    assert "回款" not in (REPO_ROOT / "templates/site/home.md.j2").read_text(encoding="utf-8")


def test_a_logo_that_is_not_there_is_located_in_site_yaml(minimal: Path) -> None:
    shutil.copy(REPO_ROOT / "mkdocs.yml", minimal / "mkdocs.yml")
    build_file_tree(minimal, {"site_config/site.yaml": "site_name: 知识库\nlogo: ../logo.svg\n"})
    run = salesbook("build", cwd=minimal)
    assert (run.code, run.lines) == (1, ["site_config/site.yaml:2:7: logo: 找不到网站标志图片 ../logo.svg：请写仓库里一个图片文件的路径（相对仓库根目录），如 site_config/logo.svg"])


def test_markup_in_the_names_the_theme_prints_is_refused_at_its_line(minimal: Path) -> None:
    build_file_tree(minimal, {"site_config/site.yaml": 'site_name: "澜拓<img src=x onerror=alert(1)>"\ndescription: \'x"><script>alert(2)</script>\'\n'})
    run = salesbook("check", cwd=minimal)
    assert run.code == 1
    assert run.lines == [
        'site_config/site.yaml:1:12: site_name: 格式不对：这里的文字原样印在每页的页眉和标签上，不能有 < > " 这三个符号',
        'site_config/site.yaml:2:14: description: 格式不对：这里的文字原样印在每页的页眉和标签上，不能有 < > " 这三个符号',
    ]
