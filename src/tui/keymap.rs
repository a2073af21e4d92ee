//! The keys of each screen, as the help overlay (`?`) and the footer show them. The handling
//! itself lives with each screen; this is the one list people read.

use crate::i18n::Lang;
use crate::tui::app::Screen;

/// (keys, what they do in Chinese, in English)
type Binding = (&'static str, &'static str, &'static str);

const GLOBAL: &[Binding] = &[
    ("?", "按键说明", "this help"),
    (
        "Ctrl-C",
        "安全退出（已保存的不会丢失）",
        "quit safely (nothing saved is lost)",
    ),
];

const WELCOME: &[Binding] = &[
    ("Tab Up Down", "切换输入项", "next / previous field"),
    ("Space", "切换是否载入示例名录", "toggle the sample roster"),
    ("Enter", "下一项 / 开始", "next field / start"),
];

const HOME: &[Binding] = &[
    ("Up Down j k", "移动", "move"),
    (
        "Enter",
        "继续草稿 / 开始检查 / 查看记录",
        "resume draft / inspect / open record",
    ),
    ("/ s", "单位名录（搜索）", "establishments (search)"),
    ("r", "检查记录", "records"),
    ("q Esc", "退出", "quit"),
];

const ROSTER: &[Binding] = &[
    (
        "输入",
        "按名称、拼音首字母、全拼、许可证号、地址搜索",
        "search by name, pinyin, licence, address",
    ),
    ("Up Down", "移动", "move"),
    (
        "Enter",
        "选择检查表并开始检查",
        "choose a checklist and start",
    ),
    ("Tab", "按类型筛选", "filter by kind"),
    ("Shift-Tab", "按风险等级筛选", "filter by risk grade"),
    ("Ctrl-T", "按镇街道筛选", "filter by town"),
    ("Ctrl-N", "新增单位", "add an establishment"),
    ("Ctrl-E", "修改所选单位", "edit the selected establishment"),
    (
        "Left Right",
        "切换检查类型（选择检查表时）",
        "kind of inspection (in the chooser)",
    ),
    ("Esc", "返回首页", "back home"),
];

const FORM: &[Binding] = &[
    ("1 y", "符合，下一项", "compliant, next"),
    (
        "2 n",
        "不符合（填写说明）",
        "non-compliant (asks for a note)",
    ),
    ("3 x", "合理缺项，下一项", "not applicable, next"),
    ("0", "清除本项答案", "clear the answer"),
    ("Up Down j k", "移动", "move"),
    ("Tab", "下一部分", "next section"),
    ("e Enter", "填写说明", "note"),
    ("v", "测量值 / 选择项", "measured value / choice"),
    (
        "p",
        "附照片（文件路径，Tab 补全）",
        "attach a photo (file path, Tab completes)",
    ),
    ("g", "检查方法和依据", "guidance and basis"),
    ("u", "下一个未答项", "next unanswered"),
    ("F", "结果与定稿", "review and finalize"),
    (
        "Esc",
        "返回首页（草稿已保存）",
        "back home (draft is saved)",
    ),
];

const REVIEW: &[Binding] = &[
    ("Tab Up Down", "切换输入项", "next / previous field"),
    (
        "Left Right",
        "选择结果处理；在第二检查人员上选以前的同事",
        "choose the handling; on the second inspector, an earlier colleague",
    ),
    ("Space", "拒绝签字", "refused to sign"),
    ("Enter", "确认定稿（在按钮上）", "finalize (on the button)"),
    ("Esc", "返回检查表", "back to the checklist"),
];

const ESTABLISHMENT: &[Binding] = &[
    ("Tab Up Down", "切换输入项", "next / previous field"),
    (
        "Left Right",
        "选择类型、风险等级、明厨亮灶",
        "choose kind, grade, bright kitchen",
    ),
    (
        "Enter",
        "下一项 / 保存（在按钮上）",
        "next field / save (on the button)",
    ),
    (
        "Esc",
        "不保存，返回名录",
        "back to the roster without saving",
    ),
];

const RECORDS: &[Binding] = &[
    ("Up Down j k", "移动 / 滚动", "move / scroll"),
    (
        "Tab",
        "筛选：全部、草稿、已定稿",
        "filter: all, drafts, final",
    ),
    (
        "/",
        "按单位名称或拼音筛选",
        "filter by establishment name or pinyin",
    ),
    ("o", "按检查结果筛选", "filter by result"),
    (
        "d",
        "按时间筛选：近 30 天、今年",
        "filter by date: last 30 days, this year",
    ),
    ("Enter", "打开", "open"),
    (
        "c",
        "更正已定稿的记录（新修订，需填写原因）",
        "correct a final record (new revision with a reason)",
    ),
    ("Esc", "返回", "back"),
];

fn screen_keys(screen: &Screen) -> &'static [Binding] {
    match screen {
        Screen::Welcome(_) => WELCOME,
        Screen::Home(_) => HOME,
        Screen::Roster(_) => ROSTER,
        Screen::Form(_) => FORM,
        Screen::Review(_) => REVIEW,
        Screen::Records(_) | Screen::Record(_) => RECORDS,
        Screen::Establishment(_) => ESTABLISHMENT,
    }
}

/// Every key of the screen, then the keys that work everywhere.
pub fn help(screen: &Screen, lang: Lang) -> Vec<(&'static str, &'static str)> {
    screen_keys(screen)
        .iter()
        .chain(GLOBAL)
        .map(|(k, zh, en)| (*k, lang.pick(zh, en)))
        .collect()
}

/// The footer: the screen's keys in short, as many as fit.
pub fn footer(screen: &Screen, lang: Lang) -> Vec<(&'static str, &'static str)> {
    let short: &[Binding] = match screen {
        Screen::Welcome(_) => &[("Tab", "下一项", "next"), ("Enter", "确定", "ok")],
        Screen::Home(_) => &[
            ("Enter", "打开", "open"),
            ("/", "名录", "search"),
            ("r", "记录", "records"),
            ("q", "退出", "quit"),
        ],
        Screen::Roster(_) => &[
            ("Up Down", "移动", "move"),
            ("Enter", "开始检查", "inspect"),
            ("Tab", "筛选", "filter"),
            ("Ctrl-N", "新增", "new"),
            ("Esc", "返回", "back"),
        ],
        Screen::Form(_) => &[
            ("1", "符合", "pass"),
            ("2", "不符合", "fail"),
            ("3", "缺项", "n/a"),
            ("e", "说明", "note"),
            ("v", "测量", "value"),
            ("g", "方法", "guide"),
            ("u", "未答", "next open"),
            ("F", "定稿", "finalize"),
            ("Esc", "返回", "back"),
        ],
        Screen::Review(_) => &[
            ("Tab", "下一项", "next"),
            ("Left Right", "处理", "handling"),
            ("Enter", "确定", "ok"),
            ("Esc", "返回", "back"),
        ],
        Screen::Records(_) => &[
            ("/", "单位", "name"),
            ("Enter", "打开", "open"),
            ("Tab", "筛选", "filter"),
            ("Esc", "返回", "back"),
        ],
        Screen::Establishment(_) => &[
            ("Tab", "下一项", "next"),
            ("Left Right", "选择", "choose"),
            ("Esc", "返回", "back"),
        ],
        Screen::Record(_) => &[
            ("Up Down", "滚动", "scroll"),
            ("c", "更正", "correct"),
            ("Esc", "返回", "back"),
        ],
    };
    short
        .iter()
        .chain(&[("?", "按键", "keys")])
        .map(|(k, zh, en)| (*k, lang.pick(zh, en)))
        .collect()
}
