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
    "placeholder_outside_plan": ("还没填写：请把 `XX` 换成真实内容", "not filled in yet: replace `XX` with the real value"),
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
    "too_many_months": ("计划期 {period} 最多 {most} 个月，这里有 {count} 行", "the period {period} has at most {most} months; this breakdown has {count} rows"),
    "too_many_weeks": ("一个月最多分 5 周，这里有 {count} 行（计划期 {period}）", "a month splits into at most 5 weeks; this breakdown has {count} rows (period {period})"),
    "prepared_after_period": ("编制日期 {prepared} 晚于计划期 {period} 的结束日 {end}", "prepared on {prepared}, after the period {period} ended ({end})"),
    "archetype_requires": ("计划范式「{archetype}」要求填写此项，文档中会以黄色标出待填写", "the {archetype} archetype needs this block; the document marks it in yellow as still to fill"),
    "archetype_missing": ("缺少计划范式文件 `{id}.yaml`", "the archetype file `{id}.yaml` is missing"),
    "amount_type": ("应为数字，未知时写 XX", "should be a number, or XX while unknown"),
    # the customer boundary (site_config/audience.yaml)
    "boundary.pattern": (
        "客户能看到的文字里有疑似内部信息（{rule}）：“{match}”。{advice}",
        "customer-visible text looks internal ({rule}): “{match}”. {advice}",
    ),
    "boundary.competitor": (
        "客户能看到的文字里点名了竞品“{name}”：竞品对比请写进产品的 competitors 或 internal_note",
        "customer-visible text names the competitor “{name}”: put comparisons in the product's competitors or internal_note",
    ),
    "boundary.internal_value": (
        "客户能看到的文字里出现了内部字段 {field} 的值：“{match}”，请改写或移到 internal_note",
        "customer-visible text repeats the internal field {field}: “{match}”; reword it or move it to internal_note",
    ),
    "boundary.not_anonymous": (
        "案例标为匿名（anonymised: true），但客户名称“{customer}”不是匿名写法（应含“{marker}”，如“华东某汽车零部件企业”）",
        "the case is marked anonymised, but the customer “{customer}” is not written anonymously (it should contain “{marker}”)",
    ),
    "boundary.company_named": (
        "案例标为匿名（anonymised: true），这里却出现了公司全称“{match}”",
        "the case is marked anonymised, yet the full company name “{match}” appears here",
    ),
    "contact_twice": ("联系人“{name}”已在第 {first_line} 行写过，每人只写一次", "the contact “{name}” is already declared at line {first_line}; declare each person once"),
    "onepager.pdf_failed": ("LibreOffice 没能把一页纸转成 PDF，原有网站未改动：{output}", "LibreOffice could not convert the one-pagers to PDF; the old site is unchanged: {output}"),
    "onepager.pdf_skipped": (
        "没有找到 LibreOffice（soffice），一页纸只生成了 Word 版；安装 LibreOffice 后重新运行即可得到 PDF",
        "LibreOffice (soffice) was not found, so the one-pagers were written as Word only; install LibreOffice and run again for PDFs",
    ),
    "onepager.written": ("已生成 {count} 份对客一页纸，位于 {folder}", "wrote {count} customer one-pager file(s) to {folder}"),
    "onepager.not_sendable": ("`{id}` 不是可以发给客户的客户案例或产品{hint}", "`{id}` is not a case study or product that may be sent to customers{hint}"),
    "bad_pattern": ("不是有效的正则表达式：{error}", "not a regular expression: {error}"),
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
    "internal_error": ("内部错误（这是 salesbook 的缺陷，不是内容的问题）。设置 SALESBOOK_DEBUG=1 重新运行可看到详情。", "internal error (a bug in salesbook, not in the content); run again with SALESBOOK_DEBUG=1 for details"),
    # usage and build
    "usage.no_repository": ("找不到内容仓库：{root} 下没有 site_config/taxonomy.yaml", "no content repository: {root} has no site_config/taxonomy.yaml"),
    "usage.path_missing": ("路径不存在：{path}", "no such path: {path}"),
    # the website (salesbook build / serve)
    "usage.no_site_config": ("找不到网站配置 {path}", "no site configuration at {path}"),
    "build.template": ("页面模板出错：{template}:{line}: {error}", "page template error: {template}:{line}: {error}"),
    "build.mkdocs": (
        "网站生成失败（MkDocs 严格模式，警告也算失败），原有网站未改动：\n{output}",
        "the site build failed (MkDocs strict mode: warnings count as errors); the old site is unchanged:\n{output}",
    ),
    "build.pagefind": ("搜索索引生成失败，原有网站未改动：{output}", "search indexing failed; the old site is unchanged: {output}"),
    "build.shim_download": (
        "离线版需要 iframe-worker {version}，但无法从 {url} 下载（{error}）。请联网后重试，或设置 npm_config_registry 指向内部镜像，或把 {file} 放进 build/cache/",
        "the offline site needs iframe-worker {version}, but {url} could not be downloaded ({error}). Retry online, point npm_config_registry at an internal mirror, or put {file} into build/cache/",
    ),
    "build.shim_integrity": ("从 {url} 下载的 iframe-worker 校验和不符，已拒绝使用", "iframe-worker downloaded from {url} does not match its pinned checksum; refused"),
    "build.shim_broken": ("{file} 中没有 iframe-worker 的 shim，请删除该文件后重试", "{file} holds no iframe-worker shim; delete it and retry"),
    "build.done": ("网站已生成：{site}（{pages} 个页面，{searchable} 个可搜索，{downloads} 个下载文件：Word 计划和对客一页纸）", "site built: {site} ({pages} pages, {searchable} searchable, {downloads} downloads: Word plans and customer one-pagers)"),
    "serve.updated": ("已更新 {pages} 个页面（{seconds} 秒）", "updated {pages} page(s) in {seconds} s"),
    "serve.kept": ("内容有 {errors} 个错误，网站保持上一次的版本；改好后会自动更新", "{errors} error(s) in the content; the preview keeps the last good version and updates once they are fixed"),
    "build.done_offline": ("离线版网站已生成：{site}（{pages} 个页面，可直接用浏览器打开 index.html）", "offline site built: {site} ({pages} pages; open index.html straight from disk)"),
    # contributing: salesbook new / fmt / check --changed / stale / report coverage
    "new.created": ("已创建 {path}\n下一步：把文件里每个 XX 换成真实内容，然后运行 salesbook check，按它指出的行逐一修改，直到没有错误。", "created {path}\nnext: replace every XX in it with the real content, then run salesbook check and fix each line it reports until none is left."),
    "new.header_fill": ("新{kind}：把每个 XX 换成真实内容；标有“可选”的项用不上就整项删除。", "new {kind}: replace every XX with the real content; delete any item marked optional that you do not need."),
    "new.header_check": ("填好后运行 salesbook check，它会逐条指出还没填好的地方（文件:行:列）。", "then run salesbook check: it points at every blank still left (file:line:col)."),
    "new.choices": ("可选值：{values}", "one of: {values}"),
    "new.existing": ("现有：{values}", "existing: {values}"),
    "new.none_yet": ("（还没有）", "(none yet)"),
    "new.more": (" 等 {count} 个", " and others ({count} in all)"),
    "new.optional": ("可选，用不上就删掉这一项", "optional: delete it if you do not need it"),
    "new.prompt_id": ("id（小写英文、数字和连字符，也是文件名，如 acme-line-upgrade）", "id (lowercase letters, digits and hyphens; also the file name, e.g. acme-line-upgrade)"),
    "new.prompt_title": ("标题", "title"),
    "new.prompt_owner": ("负责人（负责保持内容准确的人）", "owner (who keeps it accurate)"),
    "usage.bad_id": ("id `{id}` 格式不对：只能用小写英文字母、数字和连字符，如 `acme-line-upgrade`", "id `{id}` is malformed: lowercase letters, digits and hyphens only, e.g. `acme-line-upgrade`"),
    "usage.file_exists": ("文件已存在：{path}。salesbook new 不会覆盖已有文件：换一个 id，或直接编辑这个文件", "{path} already exists; salesbook new never overwrites: choose another id, or edit that file"),
    "usage.id_taken": ("id `{id}` 已被 {path} 使用，请换一个", "id `{id}` is already used by {path}; choose another"),
    "usage.needs_id": ("没有给出 --id，而标准输入不是终端，无法提问。请这样运行：salesbook new {kind} --id acme-line-upgrade（换成你的 id）", "no --id given and standard input is not a terminal, so nothing can be asked; run: salesbook new {kind} --id acme-line-upgrade (with your id)"),
    "usage.plan_new": ("计划请用 salesbook plan new 创建（如 salesbook plan new --archetype kpi --team 华东区 --period 2027-Q1），它按五种计划范式生成草稿", "plans are created with salesbook plan new (e.g. salesbook plan new --archetype kpi --team 华东区 --period 2027-Q1), which drafts one of the five archetypes"),
    "usage.not_git": ("{root} 不在 git 仓库里，无法使用 --changed", "{root} is not inside a git repository, so --changed cannot work"),
    "usage.bad_revision": ("找不到 git 版本 `{base}`（如果是远程分支，先运行 git fetch）", "no git revision `{base}` (for a remote branch, run git fetch first)"),
    "usage.git_missing": ("找不到 git 命令，--changed 需要 git", "git is not installed; --changed needs it"),
    "usage.bad_date": ("日期格式应为 YYYY-MM-DD：{value}", "a date must be YYYY-MM-DD: {value}"),
    "changed.scope": ("只报告自 {base} 以来改动的 {count} 个文件中的问题，以及这些改动在其他文件引起的问题。", "reporting problems in the {count} file(s) changed since {base}, and problems those changes cause elsewhere."),
    "fmt.rewritten": ("已整理 {path}", "formatted {path}"),
    "fmt.would_change": ("格式需要整理：{path}", "needs formatting: {path}"),
    "fmt.done": ("整理了 {changed} 个文件（共检查 {files} 个）。", "formatted {changed} of {files} file(s)."),
    "fmt.clean": ("格式检查通过：检查了 {files} 个文件，无需整理。", "formatting is clean: {files} file(s) checked."),
    "fmt.check_failed": ("{changed} 个文件格式需要整理：运行 salesbook fmt（不加 --check）即可自动整理，内容和注释不会改变。", "{changed} file(s) need formatting: run salesbook fmt (without --check); content and comments stay as they are."),
    "review.unknown_kind": ("`{kind}` 不是内容类型{hint}（可用：{kinds}）", "`{kind}` is not a content type{hint} (one of: {kinds})"),
    "stale.heading": ("超过审核周期的内容（今天：{today}；各类内容的审核周期见 {file}）", "content overdue for review (today: {today}; intervals per type in {file})"),
    "stale.owner": ("{owner}（{count} 项）", "{owner} ({count})"),
    "stale.unowned": ("没有负责人的内容（{count} 项）", "content nobody owns ({count})"),
    "stale.overdue": ("上次审核 {reviewed}，已超期 {days} 天（周期 {interval} 天）", "last reviewed {reviewed}, {days} day(s) overdue (every {interval} days)"),
    "stale.fresh": ("上次审核 {reviewed}，未超期", "last reviewed {reviewed}, not yet due"),
    "stale.summary": ("共 {stale} 项超期，{unowned} 项没有负责人。", "{stale} item(s) overdue, {unowned} without an owner."),
    "coverage.products": ("客户案例或常见问题少于 {min} 个的产品：", "products with fewer than {min} case studies or FAQs:"),
    "coverage.product": ("{id}（{name}）：客户案例 {cases} 个，常见问题 {faqs} 条", "{id} ({name}): {cases} case studies, {faqs} FAQs"),
    "coverage.industries": ("客户案例少于 {min} 个的行业：", "industries with fewer than {min} case studies:"),
    "coverage.industry": ("{industry}：客户案例 {cases} 个", "{industry}: {cases} case studies"),
    "coverage.stages": ("没有任何 SOP 覆盖的销售阶段：", "funnel stages no SOP covers:"),
    "coverage.none": ("（无）", "(none)"),
    "docx.no_cjk_font": (
        "找不到中文字体，无法绘制图表。请安装 Noto CJK 字体（Debian/Ubuntu：apt install fonts-noto-cjk）后重试",
        "no font with Chinese glyphs for the charts; install the Noto CJK fonts (Debian/Ubuntu: apt install fonts-noto-cjk) and retry",
    ),
    "docx.reference_missing": ("找不到参考文档：{path}", "no such reference document: {path}"),
    "docx.reference_unreadable": ("参考文档不是有效的 Word（.docx）文件：{path}", "the reference document is not a valid Word (.docx) file: {path}"),
    "docx.not_a_plan": ("{path} 不是计划文件（计划放在 content/plans/ 下）", "{path} is not a plan (plans live in content/plans/)"),
    "docx.written": ("已生成 {count} 个 Word 文档，位于 {folder}", "wrote {count} Word document(s) to {folder}"),
    "plan.exists": ("{path} 已存在；换一个文件名，或加 --force 覆盖", "{path} already exists; choose another name or pass --force"),
    "plan.bad_period": ("计划期 `{period}` 格式不对：如 `2027`、`2027-Q1` 或 `2027-03`", "period `{period}` has the wrong format: like `2027`, `2027-Q1` or `2027-03`"),
    "plan.bad_name": ("文件名 `{stem}` 将作为计划 id，只能用小写英文字母、数字和连字符，如 `2027-east-kpi`", "the file name `{stem}` becomes the plan id: lowercase letters, digits and hyphens only, e.g. `2027-east-kpi`"),
    "plan.created": ("已创建 {path}（计划范式：{name}）。填好 XX 后运行 salesbook check 核对，再运行 salesbook docx 生成 Word 文档。", "created {path} ({name}). Fill in the XX, run salesbook check, then salesbook docx."),
    # safety: sanitiser, output folders, fmt, bounds
    "build.no_sanitiser": (
        "{file} 的 plugins 里没有 {plugin}（清除页面中脚本的安全过滤），拒绝生成网站；请在 plugins 末尾加上 - {plugin}",
        "{file} does not list {plugin} (the filter that removes scripts from pages) among its plugins; add - {plugin} at the end of plugins",
    ),
    "usage.output_overlaps": (
        "拒绝输出到 {target}：它与 {protected} 重叠（包含或位于其中）。salesbook 会整体替换输出文件夹，请换一个单独的文件夹，如 site/",
        "refused to write to {target}: it overlaps {protected} (holds it or lies inside it). salesbook replaces its output folder as a whole; choose a folder of its own, such as site/",
    ),
    "usage.output_foreign": (
        "拒绝输出到 {target}：它不是空文件夹，也不是 salesbook 以前的输出（没有 {marker} 标记文件）。salesbook 只替换自己生成的文件夹；请换一个空文件夹，或确认无用后自行删除它",
        "refused to write to {target}: it is not empty and not an earlier salesbook output (no {marker} marker). salesbook only replaces folders it made; choose an empty folder, or delete this one yourself if it is no longer needed",
    ),
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
    "pattern.url": ("应为以 http:// 或 https:// 开头的网址，如 `https://git.example.com/sales/kb`", "a web address starting with http:// or https://"),
    "pattern.email": ("应为邮箱地址，如 `li.na@example.com`", "an email address, e.g. `li.na@example.com`"),
    "pattern.phone": ("应为电话号码：数字、空格、+、- 和括号", "a phone number: digits, spaces, +, - and brackets"),
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

