//! The first start's and the profile's words for their keys (the form's own words are in
//! `i18n/tui/mod.rs`).

use super::Text;

words! { Text;
    keys_quit_or_back_home => "退出（修改检查人员信息时返回首页）", "quit (back home when changing the details)";
    keys_pick_from_the_list => "从局里的检查人员名单中选自己（先输入姓名或拼音首字母）", "pick yourself from the bureau's list (type a name or initials first)";
}
