"""The message catalogue: every user-facing sentence, in Chinese and English.

A message is looked up by a stable code and filled with named parameters, so the
same problem reads the same in `check`, `build`, `docx` and the JSON output.
Pydantic's own error types are translated here too (their code is `schema.<type>`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATALOGUE: dict[str, tuple[str, str]] = {
    # labels
    "warning_label": ("警告", "warning"),
    "summary_clean": ("检查通过：{files} 个文件，没有发现问题。", "All clear: {files} files, no problems."),
    "summary_problems": (
        "共 {errors} 个错误、{warnings} 个警告（{files} 个文件）。",
        "{errors} error(s), {warnings} warning(s) in {files} file(s).",
    ),
    # reading files
    "not_utf8": (
        "文件不是 UTF-8 编码（看起来是 {encoding}），请另存为 UTF-8",
        "file is not UTF-8 (it looks like {encoding}); save it as UTF-8",
    ),
    "empty_file": ("文件是空的，至少需要 id、title 等必填字段", "file is empty; it needs at least id, title and the other required fields"),
    "not_mapping": ("文件顶层必须是键值映射（字段: 值），而这里是{found}", "the top level must be a mapping (field: value), found {found}"),
    "yaml_syntax": ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
    "yaml.tab": ("这里有制表符（Tab），YAML 只能用空格缩进", "a tab character here; YAML indents with spaces only"),
    "yaml.unclosed_quote": ("引号没有闭合，文件在找到配对的引号之前就结束了", "a quote is not closed before the end of the file"),
    "yaml.unclosed_bracket": ("方括号 [ 没有闭合，或列表项之间缺少逗号", "a [ is not closed, or a comma is missing between items"),
    "yaml.unclosed_brace": ("花括号 {{ 没有闭合，或项之间缺少逗号", "a {{ is not closed, or a comma is missing between items"),
    "yaml.bad_indent": ("缩进不对齐，或值里有未加引号的冒号（请给含“: ”的文字加引号）", "indentation is off, or a value holds an unquoted colon (quote text containing ': ')"),
    "yaml.escape": ("双引号里有无效的转义符（\\ 后面的字符），可改用单引号", "an invalid escape (after \\) inside double quotes; use single quotes"),
    "yaml.multi_document": ("一个文件只能有一个文档，请删除 ---", "one file holds one document; remove the ---"),
    "yaml.undefined_alias": ("引用了未定义的锚点（*名称）", "an alias (*name) refers to an anchor that does not exist"),
    "yaml.too_deep": ("嵌套层级过深，无法读取", "nested too deeply to read"),
    "yaml.other": ("{parser}", "{parser}"),
    "duplicate_key": ("字段 `{key}` 重复出现（第一次在第 {first_line} 行）", "key `{key}` appears twice (first at line {first_line})"),
    "yaml_tag": ("不允许使用 YAML 标签 `{tag}`：内容文件只能包含普通文本、数字、日期、列表和映射", "YAML tag `{tag}` is not allowed: content holds only text, numbers, dates, lists and mappings"),
    "file_too_large": ("文件过大（{size} 字节，上限 {limit} 字节）", "file too large ({size} bytes, limit {limit})"),
    "alias_limit": ("YAML 别名（*引用）过多或展开后过大，已拒绝（上限 {limit}）", "too many YAML aliases or too large when expanded; refused (limit {limit})"),
    "control_char": ("文本含有不可见的控制字符 U+{codepoint}，请删除", "text contains the control character U+{codepoint}; remove it"),
    "path_absolute": ("路径必须相对于仓库根目录，不能是绝对路径", "must be a path relative to the repository root"),
    "path_escapes": ("路径不能指向仓库之外", "must stay inside the repository"),
    "path_not_found": ("仓库里没有文件 `{path}`", "no file `{path}` in the repository"),
    # identity and references
    "id_mismatch": ("id `{id}` 必须与文件名 `{stem}` 一致", "id `{id}` must equal the file name `{stem}`"),
    "duplicate_id": ("id `{id}` 已被 {other} 使用", "id `{id}` is already used by {other}"),
    "duplicate_question_id": ("问题 id `{id}` 在本文件中重复（第 {first_line} 行已使用）", "question id `{id}` is used twice in this file (first at line {first_line})"),
    "dangling_ref": ("找不到{kind} `{ref}`{hint}", "no {kind} `{ref}` exists{hint}"),
    "unknown_vocabulary": ("`{value}` 不在分类表「{vocabulary}」中{hint}", "`{value}` is not in the taxonomy list `{vocabulary}`{hint}"),
    "placeholder_outside_plan": ("占位符 `XX` 只允许出现在计划（content/plans/）中，请填写真实内容", "the placeholder `XX` is allowed only in plans (content/plans/); write the real value"),
    "did_you_mean": ("，是不是 `{suggestion}`？", "; did you mean `{suggestion}`?"),
    "unknown_folder": ("这个文件夹不属于任何内容类型", "this folder holds no content type"),
    # plan arithmetic
    "breakdown_sum": (
        "分解合计 {actual} 与总额 {expected} 不一致（相差 {diff}）",
        "rows add up to {actual}, not the total {expected} (off by {diff})",
    ),
    "weights_sum": ("权重合计为 {actual}%，应为 100%", "weights add up to {actual}%, not 100%"),
    "budget_sum": ("预算明细合计 {actual} 与总预算 {expected} 不一致", "budget lines add up to {actual}, not the total {expected}"),
    "sum_skipped_placeholder": ("含有 XX，暂不核对合计", "contains XX; the sum is not checked yet"),
    "shares_sum": ("各层{share}合计为 {actual}%，应为 100%", "tier {share} adds up to {actual}%, not 100%"),
    "quarter_needs_year": ("按季度分解只适用于年度计划（本计划期为 {period}）", "a breakdown by quarter needs a yearly plan (this period is {period})"),
    "too_many_quarters": ("一年只有 4 个季度，这里有 {count} 行", "a year has 4 quarters; this breakdown has {count} rows"),
    "month_needs_longer_period": ("按月分解只适用于年度或季度计划（本计划期为 {period}）", "a breakdown by month needs a yearly or quarterly plan (this period is {period})"),
    "prepared_after_period": ("编制日期 {prepared} 晚于计划期 {period} 的结束日 {end}", "prepared on {prepared}, after the period {period} ended ({end})"),
    "amount_type": ("应为数字，未知时写 XX", "should be a number, or XX while unknown"),
    # pydantic error types
    "schema.missing": ("缺少必填字段", "required field is missing"),
    "schema.extra_forbidden": ("未知字段{hint}", "unknown field{hint}"),
    "schema.string_type": ("应为文本", "should be text"),
    "schema.int_type": ("应为整数", "should be a whole number"),
    "schema.int_parsing": ("应为整数", "should be a whole number"),
    "schema.int_from_float": ("应为整数", "should be a whole number"),
    "schema.float_type": ("应为数字", "should be a number"),
    "schema.float_parsing": ("应为数字", "should be a number"),
    "schema.bool_type": ("应为 true 或 false", "should be true or false"),
    "schema.bool_parsing": ("应为 true 或 false", "should be true or false"),
    "schema.list_type": ("应为列表（每项以 - 开头）", "should be a list (items start with -)"),
    "schema.dict_type": ("应为键值映射（字段: 值）", "should be a mapping (field: value)"),
    "schema.model_type": ("应为键值映射（字段: 值）", "should be a mapping (field: value)"),
    "schema.model_attributes_type": ("应为键值映射（字段: 值）", "should be a mapping (field: value)"),
    "schema.date_type": ("应为日期，格式 YYYY-MM-DD", "should be a date, YYYY-MM-DD"),
    "schema.date_parsing": ("不是有效日期，格式应为 YYYY-MM-DD", "is not a valid date (YYYY-MM-DD)"),
    "schema.date_from_datetime_parsing": ("不是有效日期，格式应为 YYYY-MM-DD", "is not a valid date (YYYY-MM-DD)"),
    "schema.not_a_date": ("不是有效日期，格式应为 YYYY-MM-DD", "is not a valid date (YYYY-MM-DD)"),
    "schema.string_too_short": ("不能为空", "must not be empty"),
    "schema.too_short": ("至少需要 {min_length} 项", "needs at least {min_length} item(s)"),
    "schema.string_pattern_mismatch": ("格式不对：{pattern_hint}", "wrong format: {pattern_hint}"),
    "schema.literal_error": ("只能是 {expected} 之一", "must be one of {expected}"),
    "schema.enum": ("只能是 {expected} 之一", "must be one of {expected}"),
    "schema.greater_than_equal": ("不能小于 {ge}", "must be at least {ge}"),
    "schema.greater_than": ("必须大于 {gt}", "must be greater than {gt}"),
    "schema.less_than_equal": ("不能大于 {le}", "must be at most {le}"),
    "schema.union_tag_invalid": ("类型不对", "wrong type"),
    "schema.value_error": ("{error}", "{error}"),
    "schema.other": ("{msg}", "{msg}"),
    # usage and build
    "usage.no_repository": ("找不到内容仓库：{root} 下没有 site_config/taxonomy.yaml", "no content repository: {root} has no site_config/taxonomy.yaml"),
    "usage.path_missing": ("路径不存在：{path}", "no such path: {path}"),
    # names used inside other messages
    "kind.product": ("产品", "product"),
    "kind.faq": ("常见问题", "FAQ"),
    "kind.case-study": ("客户案例", "case study"),
    "kind.sop": ("SOP", "SOP"),
    "kind.playbook": ("销售打法", "playbook"),
    "kind.plan": ("计划", "plan"),
    "share.customer_share": ("客户数占比", "customer share"),
    "share.revenue_share": ("收入占比", "revenue share"),
    "pattern.kebab": ("只能用小写英文字母、数字和连字符，如 `acme-line-upgrade`", "lowercase letters, digits and hyphens only, e.g. `acme-line-upgrade`"),
    "pattern.period": ("如 `2027`、`2027-Q1` 或 `2027-03`", "like `2027`, `2027-Q1` or `2027-03`"),
}


@dataclass(frozen=True)
class Msg:
    """A message nested inside another one's parameters, rendered in the same language."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def render(code: str, lang: str, params: dict[str, Any]) -> str:
    """Return the message for `code` in `lang` ("zh" or "en"), filled with `params`."""
    zh, en = CATALOGUE.get(code, CATALOGUE["schema.other"])
    template = en if lang == "en" else zh
    filled = {k: render(v.code, lang, v.params) if isinstance(v, Msg) else v for k, v in params.items()}
    try:
        return template.format(**filled)
    except (KeyError, IndexError, ValueError):
        return f"{template} {params}"

