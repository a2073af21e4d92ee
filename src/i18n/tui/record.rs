//! The words of a correction (更正) started from 检查记录 or an opened record, and of the keys
//! of 检查记录's name filter, in both languages (the fixed words of the screens are in
//! `i18n/tui/mod.rs`).

use super::Text;

words! { Text;
    keys_back_to_the_list => "回到列表（单位筛选保留）", "back to the list (the name stays)";
    keys_clear_the_name => "清除单位筛选，列出全部单位", "clear the name: every establishment";
}

impl Text {
    /// Enter on an empty reason: a correction must say why (docs/tui.md, Corrections).
    pub fn correction_reason_required(self) -> &'static str {
        self.0.pick(
            "请填写更正原因：更正记录须说明原因，原因会印在记录上",
            "Type the reason: a correction says why, and the record prints it",
        )
    }

    /// `c` on a record that already has a later revision, a draft one included.
    pub fn correct_the_latest(self) -> &'static str {
        self.0.pick(
            "此记录已有更正版本：请在检查记录中打开最新一版再更正（更正草稿可继续填写）",
            "This record already has a correction: open the latest revision in Records (a draft one continues)",
        )
    }

    /// `c` on a draft in the records list: a draft is changed, not corrected.
    pub fn draft_needs_no_correction(self) -> &'static str {
        self.0.pick(
            "草稿尚未定稿，无需更正：按 Enter 打开后直接修改",
            "A draft is not final: Enter opens it to change it, no correction needed",
        )
    }

    /// Esc over an establishment's unsaved edits.
    pub fn unsaved_establishment(self) -> &'static str {
        self.0.pick(
            "有未保存的修改：到 [保存] 按 Enter 保存，或再按 Esc 放弃修改",
            "Unsaved changes: Enter on [Save] saves them, Esc again discards them",
        )
    }

    /// Ctrl-C over an establishment's unsaved edits.
    pub fn unsaved_establishment_quit(self) -> &'static str {
        self.0.pick(
            "有未保存的修改：到 [保存] 按 Enter 保存，或再按 Ctrl-C 放弃修改并退出",
            "Unsaved changes: Enter on [Save] saves them, Ctrl-C again discards them and quits",
        )
    }
}
