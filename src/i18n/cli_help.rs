//! The Chinese texts of the command line's help, keyed by command path and argument id; `cli/help_zh.rs`
//! lays them over the clap tree. (The English help is the doc comments of `cli/`, as clap reads them.)

/// `about` of each command, by its path below `shian` ("" is `shian` itself). The `help`
/// subcommands clap adds mirror the tree and share these texts.
pub const COMMANDS: &[(&str, &str)] = &[
    (
        "",
        "食安巡查：食品安全日常监督检查，现场离线填写，签名数据包同步",
    ),
    ("help", "显示本帮助或指定子命令的帮助"),
    ("checklists", "检查表：列出、查看、校验"),
    (
        "checklists list",
        "列出在用的检查表（自带的和数据文件夹 checklists/ 中的）",
    ),
    ("checklists show", "按 shian 读到的样子显示一张检查表"),
    (
        "checklists validate",
        "校验检查表文件或文件夹：列出全部错误，有错误时以非零退出码退出",
    ),
    ("roster", "单位名录：导入 CSV、列出"),
    (
        "roster import",
        "从 CSV（UTF-8 或 GBK）导入单位；文件中有任何一行有误则整个文件都不导入",
    ),
    ("roster list", "列出单位"),
    ("inspections", "检查记录：列出、查看"),
    ("inspections list", "列出检查记录，最新的在前"),
    (
        "inspections show",
        "查看一条检查记录：按 ID、编号或至少 8 个字符的 ID 前缀",
    ),
    ("report", "报表：结果记录表、阶段汇总、Excel 工作簿和 CSV"),
    (
        "report record",
        "检查记录的《日常监督检查结果记录表》，每条一页，合为一个 HTML 文件：指定的记录，或一段时间（--from/--to/--town）内已定稿的记录",
    ),
    (
        "report order",
        "书面限期整改的检查记录的《责令改正通知书》：一页 A4，HTML 文件",
    ),
    (
        "report verify",
        "用纸质记录表上印的核验码核对数据库中的记录",
    ),
    (
        "report summary",
        "阶段汇总（HTML）：覆盖率、检查结果、不符合项、明厨亮灶、整改",
    ),
    (
        "report xlsx",
        "Excel 工作簿（.xlsx）：检查记录、不符合项、整改、单位",
    ),
    (
        "report csv",
        "工作簿的四张表，各存为一个 CSV 文件（UTF-8 带 BOM），放在 --out 文件夹中",
    ),
    (
        "demo",
        "在数据文件夹中生成一个虚构的区（单位名称虚构，街道乡镇真实）",
    ),
    (
        "checklists import",
        "把局里收到的检查表（Excel 或 CSV）转换成检查表 TOML，并按格式规则校验",
    ),
    ("rectifications", "整改：列出；由办公室决定关闭（写明理由）"),
    ("rectifications list", "列出整改（加 --open 只列未关闭的）"),
    (
        "rectifications close",
        "由办公室决定关闭一项未关闭的整改，并写明理由（不再复查时）",
    ),
    (
        "conflicts",
        "单位信息冲突（两个站点把同一项改成了不同的值）：列出；由办公室裁定",
    ),
    (
        "conflicts list",
        "列出信息有冲突的单位，以及每个值由哪个站点在何时填写",
    ),
    (
        "conflicts resolve",
        "裁定单位的一项信息：保留列出的某个值，或给出新的值",
    ),
    ("settings", "本站点的设置：列出、查看、修改（保存前先校验）"),
    ("settings list", "列出全部设置项及其值和用途"),
    ("settings get", "显示一个设置项的值（未设置时不显示）"),
    ("settings set", "校验并保存一个设置项的值"),
    ("identity", "本站点的身份"),
    ("identity show", "显示站点代码和密钥指纹"),
    (
        "identity export",
        "写出本站点的公开身份文件，供其他站点信任",
    ),
    ("devices", "本站点接受其数据包的站点：列出、信任、撤销"),
    ("devices list", "列出本站点知道的站点"),
    (
        "devices trust",
        "信任一个站点：依据它的身份文件（shian identity export）或它的一个数据包；请先与对方核对指纹",
    ),
    ("devices revoke", "不再接受某站点的数据包"),
    (
        "export",
        "写出数据包（外勤 → 办公室；加 --roster 为办公室 → 外勤）",
    ),
    ("import", "校验数据包、列出导入计划并导入"),
    ("inspectors", "局里的检查人员名单：导入、列出、添加、停用"),
    (
        "inspectors import",
        "从 CSV（UTF-8 或 GBK）导入检查人员：姓名、执法证号、单位、站点代码、在岗、辖区；文件中有任何一行有误则整个文件都不导入",
    ),
    ("inspectors list", "列出检查人员"),
    ("inspectors add", "添加（或更正）一名检查人员"),
    (
        "inspectors retire",
        "停用一名检查人员：不再被抽取，也不能作为新检查记录的检查人员",
    ),
    (
        "campaigns",
        "专项行动：从 TOML 文件添加、列出、查看、取消标记",
    ),
    (
        "campaigns add",
        "从 TOML 文件添加（或替换）专项行动，其目标单位成为任务（见 docs/planning.md）",
    ),
    ("campaigns list", "列出专项行动"),
    ("campaigns show", "查看一项专项行动及其目标单位的完成情况"),
    (
        "campaigns untag",
        "把一条检查记录移出专项行动（加 --undo 重新计入）",
    ),
    (
        "draw",
        "“双随机”抽取：按记录下来的随机种子抽取单位和检查人员，排除近 3 个月已检查的单位",
    ),
    (
        "draws",
        "本机做过的抽取：列出、查看、打印（A4）、导出 CSV（一公开）",
    ),
    ("draws list", "列出抽取记录"),
    ("draws show", "查看一次抽取"),
    (
        "draws print",
        "一次抽取的 A4 记录（HTML，用浏览器打印）存档",
    ),
    ("draws csv", "一次抽取导出为 CSV（UTF-8 带 BOM），用于公开"),
    ("tasks", "专项行动和抽取产生的任务：已完成、待检查、已逾期"),
    ("tasks list", "列出任务及其状态"),
];

/// Help of each argument, by "command path + space + arg id", or by the id alone for an argument
/// that means the same wherever it appears (the global options, `--json`, `--out`…).
pub const ARGS: &[(&str, &str)] = &[
    ("help", "显示帮助"),
    ("version", "显示版本"),
    (
        "data_dir",
        "数据文件夹（默认为系统为 shian 准备的数据文件夹）；也可用环境变量 SHIAN_DATA_DIR",
    ),
    (
        "lang",
        "提示和结果的语言：zh（中文，默认）或 en（英文）；也可用环境变量 SHIAN_LANG",
    ),
    ("json", "以 JSON 输出"),
    ("out", "写到哪里"),
    ("open", "用系统默认程序打开结果"),
    ("from", "起始日（默认为 --to 所在年份的 1 月 1 日）"),
    ("to", "截止日（默认为今天）"),
    ("town", "只统计该镇/街道的单位"),
    ("checklists show id", "检查表 ID"),
    (
        "checklists validate paths",
        "文件或文件夹（默认为数据文件夹的 checklists/ 和自带的检查表）",
    ),
    ("roster import file", "单位名录 CSV 文件"),
    (
        "settings get key",
        "设置项名称，即 settings list 显示的名称",
    ),
    (
        "settings set key",
        "设置项名称，即 settings list 显示的名称",
    ),
    ("settings set value", "新的值"),
    (
        "inspections list status",
        "只列草稿（draft）或只列已定稿（final）",
    ),
    ("inspections list limit", "最多列出多少条"),
    (
        "inspections list follow_ups",
        "只列复查，并列出每条复查所跟进的检查记录（责令改正）",
    ),
    (
        "inspections show id",
        "检查记录的 ID、编号或至少 8 个字符的 ID 前缀",
    ),
    (
        "report record ids",
        "检查记录：ID、编号或至少 8 个字符的 ID 前缀（不指定时用 --from/--to 给出时间段）",
    ),
    ("report verify id", "检查记录：ID、编号或 ID 前缀"),
    (
        "report order id",
        "检查记录（书面限期整改）：ID、编号或 ID 前缀",
    ),
    ("report verify code", "记录表上印的 12 位核验码"),
    (
        "report summary frequencies",
        "各风险等级每年应检次数，如 `A=1,B=2,C=3,D=4`（默认）；也可用设置 inspection_frequency",
    ),
    ("demo establishments", "单位数"),
    (
        "demo inspections",
        "已定稿检查记录数，分布在 --until 之前的五年内",
    ),
    ("demo seed", "相同的种子（和 --until）生成相同的区"),
    ("demo until", "期末日（默认为今天）"),
    ("identity export path", "身份文件写到哪里"),
    (
        "identity export name",
        "给人看的名称，如检查人员或办公室的名称",
    ),
    ("identity export office", "本站点是办公室"),
    ("rectifications list open", "只列未关闭的整改"),
    ("conflicts list json", "以 JSON 输出"),
    (
        "conflicts resolve establishment",
        "单位的 id，即 conflicts list 显示的 id",
    ),
    (
        "conflicts resolve fact",
        "字段：name、kind、address、town、person_in_charge、phone、license_no、credit_code、risk_grade 或 bright_kitchen",
    ),
    ("conflicts resolve keep", "保留列表中第几个值（从 1 开始）"),
    ("conflicts resolve value", "不用列出的值，改用这个值"),
    (
        "rectifications close id",
        "整改的 id，即 rectifications list 显示的 id",
    ),
    (
        "rectifications close reason",
        "不经复查而关闭的理由，rectifications list 会显示",
    ),
    (
        "checklists import table",
        "表格文件：Excel 工作簿（.xlsx）或 CSV 文件（UTF-8 或 GBK）",
    ),
    (
        "checklists import id",
        "新检查表的 id（小写字母、数字和 -）",
    ),
    ("checklists import title", "检查表标题，印在记录表上"),
    (
        "checklists import applies_to",
        "适用的单位类型，逗号分隔（默认：所有类型）",
    ),
    ("checklists import checklist_version", "检查表的版本"),
    (
        "checklists import outcome",
        "结果判定规则：key-general-70（默认）或 judgement",
    ),
    (
        "checklists import form",
        "打印用的记录表：2016（默认）或 2022",
    ),
    (
        "checklists import sheet",
        "工作簿中的工作表（默认：第一张）",
    ),
    ("checklists import force", "--out 指定的文件已存在时替换它"),
    ("devices trust path", "身份文件（.json）或数据包（.shian）"),
    (
        "devices trust fingerprint",
        "已核对过的指纹；依据数据包信任时必须给出",
    ),
    (
        "devices trust replace",
        "站点代码相同时，用新密钥取代本机已知的该代码站点",
    ),
    (
        "devices revoke code",
        "站点代码，即 devices list 显示的代码",
    ),
    (
        "export out",
        "文件夹（不存在时新建，文件名为 shian-<站点>-<日期>-<n>.shian），或以 .shian 结尾的新文件名",
    ),
    (
        "export all",
        "重新导出本站点产生的全部数据，而不只是尚未导出的",
    ),
    (
        "export roster",
        "办公室 → 外勤的数据包：单位名录、检查表、未完成的整改、办公室的公钥",
    ),
    ("export name", "本站点的名称，导入数据包的站点会看到"),
    ("import paths", "数据包文件，逐个导入，每个在各自的事务中"),
    ("import dry_run", "只显示导入计划，不写入任何内容"),
    (
        "import trust_fingerprint",
        "没有终端时的首次联系：签名者的密钥指纹与此相同时信任它",
    ),
    ("inspectors import file", "检查人员名单 CSV 文件"),
    ("inspectors add name", "姓名"),
    ("inspectors add badge", "执法证号"),
    ("inspectors add unit", "所在单位（如某市场监督管理所）"),
    ("inspectors add station", "其使用的笔记本的站点代码"),
    (
        "inspectors add towns",
        "所在单位辖区的镇街道，用“、”分隔（抽取时不会派往这些镇街道）",
    ),
    ("inspectors retire badge", "执法证号"),
    ("campaigns add file", "专项行动 TOML 文件"),
    ("campaigns show id", "专项行动的 id"),
    ("campaigns untag inspection", "检查记录的编号或 ID"),
    ("campaigns untag campaign", "专项行动的 id"),
    ("campaigns untag undo", "重新计入专项行动"),
    (
        "draw filter",
        "抽取范围，如 kind=学校食堂|幼儿园食堂,town=望海街道,grade=C|D（默认为全部单位）",
    ),
    ("draw count", "抽取多少家单位"),
    ("draw per", "每家单位抽取多少名检查人员"),
    (
        "draw seed",
        "随机种子（整数）；不给时自动生成并显示。相同的种子、名录和人员名单得到相同的结果",
    ),
    ("draw deadline", "完成期限（默认为今天起 30 天）"),
    (
        "draw allow_own_unit",
        "允许抽取检查人员去本单位辖区的单位（默认回避）",
    ),
    (
        "draw by",
        "操作人姓名，写入抽取记录（默认为本机设置的检查人员）",
    ),
    ("draws show number", "抽取编号"),
    ("draws print number", "抽取编号"),
    ("draws csv number", "抽取编号"),
    ("tasks list station", "只列出该站点（站点代码）的任务"),
];

/// Section titles clap_mangen writes in English, and their names in Chinese manual pages.
pub const MAN_SECTIONS: &[(&str, &str)] = &[
    ("NAME", "名称"),
    ("SYNOPSIS", "概述"),
    ("DESCRIPTION", "描述"),
    ("VERSION", "版本"),
    ("EXTRA", "附注"),
];
