//! The sync screen's sentences, and those about other stations, in both languages (the fixed
//! words are in `i18n/tui/mod.rs`).

use super::Text;
use crate::i18n::Lang;

words! { Text;
    keys_complete_path => "补全路径（同 shell 的 Tab）", "complete the path (as a shell's Tab)";
}

impl Text {
    /// After an import that leaves establishments with facts in conflict.
    pub fn conflicts_after_import(self, n: usize) -> String {
        match self.0 {
            Lang::Zh => format!("；{n} 家单位的信息有冲突，按 c 查看并裁定"),
            Lang::En => format!("; {n} establishment(s) have facts in conflict: c shows them"),
        }
    }

    /// First contact with an office key: the fingerprint to compare, and the question.
    pub fn first_contact(self, station: &str, name: &str, fingerprint: &str) -> String {
        let name = match (name.is_empty(), self.0) {
            (true, _) => String::new(),
            (false, Lang::Zh) => format!("（{name}）"),
            (false, Lang::En) => format!(" ({name})"),
        };
        match self.0 {
            Lang::Zh => format!(
                "首次收到该办公室的数据包：站点 {station}{name}\n密钥指纹：{fingerprint}\n请当面或电话与办公室核对此指纹。一致并信任该办公室，按 y；其他键取消。"
            ),
            Lang::En => format!(
                "First bundle from this office: station {station}{name}\nKey fingerprint: {fingerprint}\nCompare it with the office in person or by phone. y if it matches and you trust this office; any other key cancels."
            ),
        }
    }

    /// Starting an inspection of an establishment another station inspected lately (the
    /// chooser shows it; it does not stop anyone).
    pub fn inspected_elsewhere(self, station: &str, date: chrono::NaiveDate) -> String {
        match self.0 {
            Lang::Zh => format!("注意：站点 {station} 已于 {date} 检查过该单位"),
            Lang::En => format!("Note: station {station} inspected it on {date}"),
        }
    }
}
