"""A corpus of the mistakes a team lead typing Chinese makes, each told word for word.

Every fixture in tests/fixtures/mistakes/ is a whole content file as an author
would have saved it, copied over the same-named file of the minimal repository
(whose taxonomy is swapped for the corpus's own, with a few more roles). The
table holds what `salesbook check` says about it, in Chinese and in English:
where the slip is, what it is and what to write instead, every problem in one run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.validate import check_repository
from tests.helpers import FIXTURES, copy_fixture, salesbook

MISTAKES = FIXTURES / "mistakes"

CORPUS = [
    pytest.param(
        'fullwidth-colon-after-key', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:11:8: YAML 语法错误：`summary` 后面是中文冒号“：”，YAML 只认英文冒号加空格：改成 `summary: 预测性维护让停机减半。`'],
        ["content/case-studies/demo-customer.yaml:11:8: YAML syntax error: `summary` is followed by a full-width colon '：'; YAML needs an ASCII colon and a space: write `summary: 预测性维护让停机减半。`"],
        id='fullwidth-colon-after-key'),
    pytest.param(
        'fullwidth-colon-nested', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:16:7: YAML 语法错误：`text` 后面是中文冒号“：”，YAML 只认英文冒号加空格：改成 `text: 停机少了，排产心里有底。`'],
        ["content/case-studies/demo-customer.yaml:16:7: YAML syntax error: `text` is followed by a full-width colon '：'; YAML needs an ASCII colon and a space: write `text: 停机少了，排产心里有底。`"],
        id='fullwidth-colon-nested'),
    pytest.param(
        'fullwidth-colon-list-item', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:16:9: YAML 语法错误：`name` 后面是中文冒号“：”，YAML 只认英文冒号加空格：改成 `- name: 非计划停机`'],
        ["content/case-studies/demo-customer.yaml:16:9: YAML syntax error: `name` is followed by a full-width colon '：'; YAML needs an ASCII colon and a space: write `- name: 非计划停机`"],
        id='fullwidth-colon-list-item'),
    pytest.param(
        'fullwidth-colon-single-key-item', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:16:3: quote: `text：停机少了。` 里用了中文冒号“：”，所以被读成了一段文字：字段名后面要用英文冒号加空格'],
        ["content/case-studies/demo-customer.yaml:16:3: quote: `text：停机少了。` uses a full-width colon '：', so it reads as text: put an ASCII colon and a space after the key"],
        id='fullwidth-colon-single-key-item'),
    pytest.param(
        'missing-space-after-colon', 'content/products/demo-cloud.yaml',
        ['content/products/demo-cloud.yaml:8:6: YAML 语法错误：`pitch:` 后面缺少空格：冒号后要空一格，改成 `pitch: 让设备停机可预测。`'],
        ['content/products/demo-cloud.yaml:8:6: YAML syntax error: no space after `pitch:`; a colon needs a space after it: write `pitch: 让设备停机可预测。`'],
        id='missing-space-after-colon'),
    pytest.param(
        'missing-space-in-list-item', 'content/sops/demo-intake.yaml',
        ['content/sops/demo-intake.yaml:11:10: YAML 语法错误：`title:` 后面缺少空格：冒号后要空一格，改成 `- title: 分配`'],
        ['content/sops/demo-intake.yaml:11:10: YAML syntax error: no space after `title:`; a colon needs a space after it: write `- title: 分配`'],
        id='missing-space-in-list-item'),
    pytest.param(
        'colon-in-value', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:11:10: YAML 语法错误：`summary` 的值里有“冒号加空格”，YAML 会把它当成新字段：给整个值加英文双引号，改成 `summary: "结论: 预测性维护让停机减半。"`'],
        ['content/case-studies/demo-customer.yaml:11:10: YAML syntax error: the value of `summary` holds a colon followed by a space, which YAML reads as a new key: put the whole value in double quotes: `summary: "结论: 预测性维护让停机减半。"`'],
        id='colon-in-value'),
    pytest.param(
        'fullwidth-quotes-around-colon', 'content/faqs/demo-cloud-faq.yaml',
        ['content/faqs/demo-cloud-faq.yaml:9:13: YAML 语法错误：`answer` 的值用了中文引号，YAML 不把它当引号，值里的“冒号加空格”会被当成新字段：改用英文双引号，改成 `answer: "标准版: 每年 8 万元起"`'],
        ['content/faqs/demo-cloud-faq.yaml:9:13: YAML syntax error: the value of `answer` uses full-width quotes, which YAML does not treat as quotes, so its colon starts a new key: use ASCII double quotes: `answer: "标准版: 每年 8 万元起"`'],
        id='fullwidth-quotes-around-colon'),
    pytest.param(
        'tab-indentation', 'content/sops/demo-intake.yaml',
        ['content/sops/demo-intake.yaml:12:1: YAML 语法错误：这里有制表符（Tab），YAML 只能用空格缩进：把 Tab 换成空格'],
        ['content/sops/demo-intake.yaml:12:1: YAML syntax error: a tab character here; YAML indents with spaces only: replace the tab with spaces'],
        id='tab-indentation'),
    pytest.param(
        'fullwidth-space-indentation', 'content/faqs/demo-cloud-faq.yaml',
        ['content/faqs/demo-cloud-faq.yaml:12:1: YAML 语法错误：行首有全角空格（中文输入法下的空格），YAML 只能用半角空格缩进：切换到英文输入后重新输入空格'],
        ['content/faqs/demo-cloud-faq.yaml:12:1: YAML syntax error: a full-width space (typed by a Chinese input method) starts this line; YAML indents with ASCII spaces only'],
        id='fullwidth-space-indentation'),
    pytest.param(
        'stray-bom-mid-file', 'content/products/demo-cloud.yaml',
        ['content/products/demo-cloud.yaml:4:1: YAML 语法错误：这里有一个看不见的 BOM 字符（U+FEFF，常随复制粘贴混入），请删除它'],
        ['content/products/demo-cloud.yaml:4:1: YAML syntax error: an invisible byte-order mark (U+FEFF, often pasted in) is here; delete it'],
        id='stray-bom-mid-file'),
    pytest.param(
        'over-indented-line', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:17:5: YAML 语法错误：这一行比第 16 行的 `text` 缩进得多，YAML 把它读成了 `text` 的值的延续：与 `text` 对齐，缩进 2 个空格'],
        ['content/case-studies/demo-customer.yaml:17:5: YAML syntax error: this line is indented further than `text` on line 16, so YAML reads it as the rest of that value: align it with `text`, indented 2 spaces'],
        id='over-indented-line'),
    pytest.param(
        'under-indented-line', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:19:4: YAML 语法错误：缩进不对齐：这一行缩进 3 个空格，同一层的上一行（第 18 行）是 4 个空格'],
        ['content/case-studies/demo-customer.yaml:19:4: YAML syntax error: misaligned: this line is indented 3 spaces, but the line above at the same level (line 18) is indented 4'],
        id='under-indented-line'),
    pytest.param(
        'block-scalar-line-not-indented', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:14:1: YAML 语法错误：这一行属于第 12 行 `background` 的文本块（| 或 >），但缩进不够：文本块的每一行都要缩进 2 个空格'],
        ['content/case-studies/demo-customer.yaml:14:1: YAML syntax error: this line belongs to the text block (| or >) of `background` on line 12 but is not indented enough: every line of the block must be indented 2 spaces'],
        id='block-scalar-line-not-indented'),
    pytest.param(
        'text-line-without-key', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:14:1: YAML 语法错误：这一行“每月约 40 小时。”既不是“字段: 值”，也不是列表项：若是上一个字段的文字，就缩进到该字段下面；否则在前面写上字段名和英文冒号加空格'],
        ["content/case-studies/demo-customer.yaml:14:1: YAML syntax error: the line '每月约 40 小时。' is neither 'key: value' nor a list item: if it continues the field above, indent it under that field; otherwise start it with a key, a colon and a space"],
        id='text-line-without-key'),
    pytest.param(
        'text-after-closing-quote', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:11:15: YAML 语法错误：值在第二个 " 处就结束了，后面的 `上线半年，停机减半。` 落在了引号外：把整段文字放进一对引号里；文字里本身有 " 时，外面改用另一种引号，或去掉引号'],
        ['content/case-studies/demo-customer.yaml:11:15: YAML syntax error: the value ends at its second ", leaving `上线半年，停机减半。` outside the quotes: put the whole text inside one pair of quotes; if the text itself holds ", quote it with the other kind, or drop the quotes'],
        id='text-after-closing-quote'),
    pytest.param(
        'unclosed-double-quote', 'content/products/demo-cloud.yaml',
        ['content/products/demo-cloud.yaml:8:8: YAML 语法错误：这个 " 引号没有闭合：在值的末尾补上 "'],
        ['content/products/demo-cloud.yaml:8:8: YAML syntax error: this " quote is never closed: add a closing " at the end of the value'],
        id='unclosed-double-quote'),
    pytest.param(
        'unclosed-bracket', 'content/products/demo-cloud.yaml',
        ['content/products/demo-cloud.yaml:9:13: YAML 语法错误：这个 [ 没有闭合：在最后一项后面补上 ]，各项之间用英文逗号分隔'],
        ['content/products/demo-cloud.yaml:9:13: YAML syntax error: this [ is never closed: add ] after the last item, with ASCII commas between items'],
        id='unclosed-bracket'),
    pytest.param(
        'fullwidth-comma-in-flow-mapping', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:15:17: YAML 语法错误：括号里的各项要用英文逗号“,”分隔，这里是中文逗号“，”'],
        ["content/case-studies/demo-customer.yaml:15:17: YAML syntax error: items inside brackets are separated by an ASCII comma ','; this is a full-width '，'"],
        id='fullwidth-comma-in-flow-mapping'),
    pytest.param(
        'list-item-among-keys', 'playbooks/demo-play.yaml',
        ['playbooks/demo-play.yaml:8:1: YAML 语法错误：列表项（- 开头）夹在字段之间：列表要写在某个字段下面，并比它多缩进 2 个空格'],
        ['playbooks/demo-play.yaml:8:1: YAML syntax error: a list item (starting with -) among mapping keys: a list goes under a key, indented 2 more spaces'],
        id='list-item-among-keys'),
    pytest.param(
        'key-among-list-items', 'content/sops/demo-intake.yaml',
        ['content/sops/demo-intake.yaml:16:3: YAML 语法错误：字段 `output` 夹在列表项之间：它若是新的一项，前面加“- ”；若属于上一项，与上一项的字段对齐'],
        ["content/sops/demo-intake.yaml:16:3: YAML syntax error: the key `output` sits among list items: if it starts a new item, put '- ' before it; if it belongs to the item above, align it with that item's keys"],
        id='key-among-list-items'),
    pytest.param(
        'duplicate-key', 'content/products/demo-cloud.yaml',
        ['content/products/demo-cloud.yaml:10:1: 字段 `title` 重复出现（第一次在第 2 行）'],
        ['content/products/demo-cloud.yaml:10:1: key `title` appears twice (first at line 2)'],
        id='duplicate-key'),
    pytest.param(
        'several-slips-in-one-file', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:8:9: region: `华东` 不在分类表「regions」中，是不是 `华东区`？若是新的取值，先把它加到 site_config/taxonomy.yaml 的 regions 列表里', 'content/case-studies/demo-customer.yaml:11:8: YAML 语法错误：`summary` 后面是中文冒号“：”，YAML 只认英文冒号加空格：改成 `summary: 预测性维护让停机减半。`', 'content/case-studies/demo-customer.yaml:14:9: YAML 语法错误：`solution:` 后面缺少空格：冒号后要空一格，改成 `solution: 部署设备云。`'],
        ['content/case-studies/demo-customer.yaml:8:9: region: `华东` is not in the taxonomy list `regions`; did you mean `华东区`? If it is a new value, add it to the regions list in site_config/taxonomy.yaml first', "content/case-studies/demo-customer.yaml:11:8: YAML syntax error: `summary` is followed by a full-width colon '：'; YAML needs an ASCII colon and a space: write `summary: 预测性维护让停机减半。`", 'content/case-studies/demo-customer.yaml:14:9: YAML syntax error: no space after `solution:`; a colon needs a space after it: write `solution: 部署设备云。`'],
        id='several-slips-in-one-file'),
    pytest.param(
        'thousands-comma-in-number', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:11:12: deal_size: `1,850`：数字里不要写逗号，写成 `1850`'],
        ['content/case-studies/demo-customer.yaml:11:12: deal_size: `1,850`: no commas inside a number; write `1850`'],
        id='thousands-comma-in-number'),
    pytest.param(
        'yuan-in-a-wan-field', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:11:12: 警告: deal_size: 合同金额写的是 1850000 万元，也就是 185 亿元，对一个客户案例大得不合常理：这里的单位是万元，若填的是元，请除以 10000，或连单位写成“1850000元”'],
        ['content/case-studies/demo-customer.yaml:11:12: warning: deal_size: the contract is 1850000 万元, i.e. 185 亿元 — implausibly large for one case study: the unit here is 万元; if you typed yuan, divide by 10000 or write it with its unit, "1850000元"'],
        id='yuan-in-a-wan-field'),
    pytest.param(
        'unit-after-number', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:17:13: results[0].before: `40小时`：只写数字，不带单位“小时”，写成 `40`'],
        ["content/case-studies/demo-customer.yaml:17:13: results[0].before: `40小时`: write the number alone, without the unit '小时': `40`"],
        id='unit-after-number'),
    pytest.param(
        'fullwidth-digits', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:18:12: results[0].after: `２０`：用了全角数字，改成半角 `20`'],
        ['content/case-studies/demo-customer.yaml:18:12: results[0].after: `２０`: full-width digits; write `20`'],
        id='fullwidth-digits'),
    pytest.param(
        'date-single-digit-month', 'content/sops/demo-intake.yaml',
        ['content/sops/demo-intake.yaml:4:11: reviewed: `2026-8-1`：日期要写成 YYYY-MM-DD（月、日都写两位），即 `2026-08-01`'],
        ['content/sops/demo-intake.yaml:4:11: reviewed: `2026-8-1`: write dates as YYYY-MM-DD (two-digit month and day): `2026-08-01`'],
        id='date-single-digit-month'),
    pytest.param(
        'date-with-slashes', 'content/faqs/demo-cloud-faq.yaml',
        ['content/faqs/demo-cloud-faq.yaml:4:11: reviewed: `2026/10/1`：日期要写成 YYYY-MM-DD（月、日都写两位），即 `2026-10-01`'],
        ['content/faqs/demo-cloud-faq.yaml:4:11: reviewed: `2026/10/1`: write dates as YYYY-MM-DD (two-digit month and day): `2026-10-01`'],
        id='date-with-slashes'),
    pytest.param(
        'date-in-chinese', 'playbooks/demo-play.yaml',
        ['playbooks/demo-play.yaml:4:11: reviewed: `2026年7月1日`：日期要写成 YYYY-MM-DD（月、日都写两位），即 `2026-07-01`'],
        ['playbooks/demo-play.yaml:4:11: reviewed: `2026年7月1日`: write dates as YYYY-MM-DD (two-digit month and day): `2026-07-01`'],
        id='date-in-chinese'),
    pytest.param(
        'impossible-date', 'content/products/demo-cloud.yaml',
        ['content/products/demo-cloud.yaml:4:11: reviewed: `2026-02-30` 不是真实存在的日期：检查月份（01–12）和这个月的天数'],
        ['content/products/demo-cloud.yaml:4:11: reviewed: `2026-02-30` is not a real date: check the month (01–12) and the days in that month'],
        id='impossible-date'),
    pytest.param(
        'date-as-words', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:4:11: reviewed: `上周` 不是日期：写成 YYYY-MM-DD，如 `2026-11-03`'],
        ['content/case-studies/demo-customer.yaml:4:11: reviewed: `上周` is not a date: write YYYY-MM-DD, e.g. `2026-11-03`'],
        id='date-as-words'),
    pytest.param(
        'yes-instead-of-true', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:6:13: anonymised: `是`：这里只能写 true（是）或 false（否）'],
        ['content/case-studies/demo-customer.yaml:6:13: anonymised: `是`: write true or false'],
        id='yes-instead-of-true'),
    pytest.param(
        'list-written-with-dunhao', 'content/products/demo-cloud.yaml',
        ['content/products/demo-cloud.yaml:5:7: tags: `平台、云` 应为列表：写成 `[平台, 云]`（英文方括号和逗号），或每项一行、以“- ”开头'],
        ["content/products/demo-cloud.yaml:5:7: tags: `平台、云` should be a list: write `[平台, 云]` (ASCII brackets and commas), or one item per line starting with '- '"],
        id='list-written-with-dunhao'),
    pytest.param(
        'fullwidth-brackets', 'content/products/demo-cloud.yaml',
        ['content/products/demo-cloud.yaml:9:13: industries: `【汽车及零部件，食品饮料】` 应为列表：写成 `[汽车及零部件, 食品饮料]`（英文方括号和逗号），或每项一行、以“- ”开头'],
        ["content/products/demo-cloud.yaml:9:13: industries: `【汽车及零部件，食品饮料】` should be a list: write `[汽车及零部件, 食品饮料]` (ASCII brackets and commas), or one item per line starting with '- '"],
        id='fullwidth-brackets'),
    pytest.param(
        'list-joined-with-fullwidth-comma', 'content/products/demo-cloud.yaml',
        ['content/products/demo-cloud.yaml:9:14: industries[0]: `汽车及零部件，食品饮料` 是几项连在一起：用英文逗号分开，写成列表 `[汽车及零部件, 食品饮料]`'],
        ['content/products/demo-cloud.yaml:9:14: industries[0]: `汽车及零部件，食品饮料` joins several values: separate them with ASCII commas as a list: `[汽车及零部件, 食品饮料]`'],
        id='list-joined-with-fullwidth-comma'),
    pytest.param(
        'choice-not-offered', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:9:15: company_size: `大` 不是可选值：只能是 `小型` / `中型` / `大型` / `集团` 之一'],
        ['content/case-studies/demo-customer.yaml:9:15: company_size: `大` is not a choice: must be one of `小型` / `中型` / `大型` / `集团`'],
        id='choice-not-offered'),
    pytest.param(
        'missing-top-level-field', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:10:1: summary: 缺少必填字段（一句话概要，显示在列表和搜索结果中）：加在 `products` 这一项后面，如 `summary: 设备上云三个月，非计划停机减少一半`'],
        ['content/case-studies/demo-customer.yaml:10:1: summary: required field is missing (一句话概要，显示在列表和搜索结果中): add it after `products`, e.g. `summary: 设备上云三个月，非计划停机减少一半`'],
        id='missing-top-level-field'),
    pytest.param(
        'missing-field-in-list-item', 'content/faqs/demo-cloud-faq.yaml',
        ['content/faqs/demo-cloud-faq.yaml:11:5: questions[1].answer: 缺少必填字段（回答（Markdown），先给结论再给依据）：在这一项里加上，如 `answer: 标准部署两周，含现场调试`'],
        ['content/faqs/demo-cloud-faq.yaml:11:5: questions[1].answer: required field is missing (回答（Markdown），先给结论再给依据): add it to this item, e.g. `answer: 标准部署两周，含现场调试`'],
        id='missing-field-in-list-item'),
    pytest.param(
        'missing-field-in-nested-mapping', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:15:1: quote.speaker_role: 缺少必填字段（说话人的职务，如“设备部部长”）：加在 `quote` 下面（比它多缩进 2 个空格），如 `speaker_role: 设备部部长`'],
        ['content/case-studies/demo-customer.yaml:15:1: quote.speaker_role: required field is missing (说话人的职务，如“设备部部长”): add it under `quote`, indented 2 more spaces, e.g. `speaker_role: 设备部部长`'],
        id='missing-field-in-nested-mapping'),
    pytest.param(
        'size-meaning-company', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:8:1: company_size: 缺少必填字段（企业规模：小型、中型、大型或集团）：加在 `region` 这一项后面，如 `company_size: 小型`', 'content/case-studies/demo-customer.yaml:9:1: size: 未知字段，是不是 `company_size`？'],
        ['content/case-studies/demo-customer.yaml:8:1: company_size: required field is missing (企业规模：小型、中型、大型或集团): add it after `region`, e.g. `company_size: 小型`', 'content/case-studies/demo-customer.yaml:9:1: size: unknown field; did you mean `company_size`?'],
        id='size-meaning-company'),
    pytest.param(
        'size-meaning-deal', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:10:1: size: 未知字段，是不是 `deal_size`？'],
        ['content/case-studies/demo-customer.yaml:10:1: size: unknown field; did you mean `deal_size`?'],
        id='size-meaning-deal'),
    pytest.param(
        'chinese-key-name', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:1:1: title: 缺少必填字段（标题，显示在页面和搜索结果中）：加在 `id` 这一项后面，如 `title: 某汽车零部件企业：停机减少一半`', 'content/case-studies/demo-customer.yaml:2:1: 标题: 未知字段，是不是 `title`？'],
        ['content/case-studies/demo-customer.yaml:1:1: title: required field is missing (标题，显示在页面和搜索结果中): add it after `id`, e.g. `title: 某汽车零部件企业：停机减少一半`', 'content/case-studies/demo-customer.yaml:2:1: 标题: unknown field; did you mean `title`?'],
        id='chinese-key-name'),
    pytest.param(
        'taxonomy-abbreviation', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:8:9: region: `华东` 不在分类表「regions」中，是不是 `华东区`？若是新的取值，先把它加到 site_config/taxonomy.yaml 的 regions 列表里'],
        ['content/case-studies/demo-customer.yaml:8:9: region: `华东` is not in the taxonomy list `regions`; did you mean `华东区`? If it is a new value, add it to the regions list in site_config/taxonomy.yaml first'],
        id='taxonomy-abbreviation'),
    pytest.param(
        'taxonomy-new-role', 'content/sops/demo-intake.yaml',
        ['content/sops/demo-intake.yaml:12:12: steps[0].owner: `客户经理` 不在分类表「roles」中。若是新的取值，先把它加到 site_config/taxonomy.yaml 的 roles 列表里'],
        ['content/sops/demo-intake.yaml:12:12: steps[0].owner: `客户经理` is not in the taxonomy list `roles`. If it is a new value, add it to the roles list in site_config/taxonomy.yaml first'],
        id='taxonomy-new-role'),
    pytest.param(
        'reference-typo', 'playbooks/demo-play.yaml',
        ['playbooks/demo-play.yaml:12:20: related_products[0]: 找不到产品 `demo-clod`，是不是 `demo-cloud`？'],
        ['playbooks/demo-play.yaml:12:20: related_products[0]: no product `demo-clod` exists; did you mean `demo-cloud`?'],
        id='reference-typo'),
    pytest.param(
        'placeholder-left-in', 'content/case-studies/demo-customer.yaml',
        ['content/case-studies/demo-customer.yaml:13:12: challenge: 还没填写：请把 `XX` 换成真实内容'],
        ['content/case-studies/demo-customer.yaml:13:12: challenge: not filled in yet: replace `XX` with the real value'],
        id='placeholder-left-in'),
    pytest.param(
        'chinese-id', 'content/sops/demo-intake.yaml',
        ['content/sops/demo-intake.yaml:1:5: id: id `线索接收` 必须与文件名 `demo-intake` 一致', 'content/sops/demo-intake.yaml:1:5: id: 格式不对：只能用小写英文字母、数字和连字符，如 `acme-line-upgrade`', 'playbooks/demo-play.yaml:13:16: related_sops[0]: 找不到SOP `demo-intake`'],
        ['content/sops/demo-intake.yaml:1:5: id: id `线索接收` must equal the file name `demo-intake`', 'content/sops/demo-intake.yaml:1:5: id: wrong format: lowercase letters, digits and hyphens only, e.g. `acme-line-upgrade`', 'playbooks/demo-play.yaml:13:16: related_sops[0]: no SOP `demo-intake` exists'],
        id='chinese-id'),
    pytest.param(
        'misplaced-folder', 'content/cases/demo-customer.yaml',
        ['content/cases/demo-customer.yaml:1:1: 这个文件夹不属于任何内容类型：看起来是客户案例，请移到 content/case-studies/ 下'],
        ['content/cases/demo-customer.yaml:1:1: this folder holds no content type: it looks like a case study; move it into content/case-studies/'],
        id='misplaced-folder'),
    pytest.param(
        'unquoted-hash-in-value', 'content/products/demo-cloud.yaml',
        ['content/products/demo-cloud.yaml:8:7: pitch: 这里没有值：把内容写在冒号后面；内容以 # 开头时，# 之后会被当成注释，要给整个值加英文双引号'],
        ['content/products/demo-cloud.yaml:8:7: pitch: there is no value here: write it after the colon; a value starting with # is read as a comment, so put it in double quotes'],
        id='unquoted-hash-in-value'),
    pytest.param(
        'wrong-top-level-list', 'content/products/demo-cloud.yaml',
        ['content/products/demo-cloud.yaml:1:1: YAML 语法错误：文件以“- ”开头，整个文件就成了一个列表：删掉这一行开头的“- ”，字段都顶格写'],
        ["content/products/demo-cloud.yaml:1:1: YAML syntax error: the file starts with '- ', which makes it a list: delete the '- ' at the start of this line and write every key unindented"],
        id='wrong-top-level-list'),
]


def _repository_with(tmp_path: Path, name: str, target: str) -> Path:
    root = copy_fixture("minimal", tmp_path)
    shutil.copy(MISTAKES / "taxonomy.yaml", root / "site_config/taxonomy.yaml")
    (root / target).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(MISTAKES / f"{name}.yaml", root / target)
    return root


@pytest.mark.parametrize(("name", "target", "zh", "en"), CORPUS)
def test_each_mistake_is_told_where_and_how_to_fix_it(tmp_path: Path, name: str, target: str, zh: list[str], en: list[str]) -> None:
    problems = check_repository(_repository_with(tmp_path, name, target)).problems
    assert [p.format("zh") for p in problems] == zh
    assert [p.format("en") for p in problems] == en


def test_corpus_covers_every_fixture() -> None:
    assert sorted(f"{p.values[0]}.yaml" for p in CORPUS) == sorted(p.name for p in MISTAKES.glob("*.yaml") if p.name != "taxonomy.yaml")
    assert len(CORPUS) >= 40


def test_the_command_line_prints_the_same_lines(tmp_path: Path) -> None:
    name, target, zh, en = next(p.values for p in CORPUS if p.id == "several-slips-in-one-file")
    root = _repository_with(tmp_path, name, target)
    run = salesbook("check", cwd=root)
    assert (run.code, run.lines) == (1, zh)
    assert run.err.strip() == "共 3 个错误、0 个警告（7 个文件）。"
