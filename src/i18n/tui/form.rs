//! The form's and the review's sentences built from numbers, dates and item numbers, and the
//! words of removing a photo, in both languages (the fixed words are in `i18n/tui/mod.rs`).

use chrono::NaiveDate;

use super::Text;
use crate::i18n::Lang;

impl Text {
    /// The failed items that still lack a note or a photo, and where `p` goes.
    pub fn missing_notes_photos(
        self,
        uncovered: &[String],
        notes: &[String],
        photos: &[String],
        first: &str,
    ) -> String {
        let (sep, mut parts) = (self.0.pick("、", ", "), Vec::new());
        if !uncovered.is_empty() {
            parts.push(self.uncovered_items(uncovered));
        }
        if !notes.is_empty() {
            let head = self
                .0
                .pick("不符合项需填写说明：", "Non-compliant items need a note: ");
            parts.push(format!("{head}{}", notes.join(sep)));
        }
        if !photos.is_empty() {
            let head = match (self.0, notes.is_empty()) {
                (Lang::Zh, true) => "不符合项需附照片：",
                (Lang::Zh, false) => "需附照片：",
                (Lang::En, true) => "Non-compliant items need a photo: ",
                (Lang::En, false) => "a photo: ",
            };
            parts.push(format!("{head}{}", photos.join(sep)));
        }
        match self.0 {
            Lang::Zh => format!("{}。按 p 转到 {first}", parts.join("；")),
            Lang::En => format!("{}. p goes to {first}", parts.join("; ")),
        }
    }

    /// The items an inspection that covers its whole checklist has not answered (issue 18):
    /// the first eight named, the rest counted.
    fn uncovered_items(self, uncovered: &[String]) -> String {
        const NAMED: usize = 8;
        let named = uncovered[..uncovered.len().min(NAMED)].join(self.0.pick("、", ", "));
        let more = uncovered.len().saturating_sub(NAMED);
        match (self.0, more) {
            (Lang::Zh, 0) => format!("须检查全部项目，未检查：{named}"),
            (Lang::Zh, n) => format!("须检查全部项目，未检查：{named} 等 {} 项", n + NAMED),
            (Lang::En, 0) => format!("every item must be checked; not checked: {named}"),
            (Lang::En, n) => {
                format!("every item must be checked; not checked: {named} and {n} more")
            }
        }
    }

    /// A written order without a date for its deadline: the form and the range allowed.
    pub fn need_deadline(self, from: NaiveDate, to: NaiveDate) -> String {
        match self.0 {
            Lang::Zh => format!("书面限期整改需要期限（YYYY-MM-DD，{from} 至 {to}）"),
            Lang::En => format!("A written order needs a deadline (YYYY-MM-DD, {from} to {to})"),
        }
    }

    /// Beside the deadline field: the range the domain allows.
    pub fn deadline_range(self, from: NaiveDate, to: NaiveDate) -> String {
        match self.0 {
            Lang::Zh => format!("{from} 至 {to}"),
            Lang::En => format!("{from} to {to}"),
        }
    }

    /// After `A`: how many items of the section were marked 符合, and how many stay open.
    pub fn section_passed(self, marked: usize, open: usize) -> String {
        match (self.0, open) {
            (Lang::Zh, 0) => format!("本部分其余 {marked} 项记为符合"),
            (Lang::Zh, _) => {
                format!("本部分其余 {marked} 项记为符合；{open} 项（测量、选择或文字）需逐项填写")
            }
            (Lang::En, 0) => format!("{marked} more items of this section marked compliant"),
            (Lang::En, _) => format!(
                "{marked} more items of this section marked compliant; {open} (measurement, choice or text) to answer one by one"
            ),
        }
    }

    /// `P` on the form: the item's photos, to remove a wrong one from the draft.
    pub fn remove_photo_title(self) -> &'static str {
        self.0.pick(
            "移除照片（Enter 移除，Esc 取消）",
            "Remove a photo (Enter removes, Esc cancels)",
        )
    }

    pub fn photo_removed(self) -> &'static str {
        self.0.pick("已移除照片", "Photo removed")
    }

    pub fn no_photo_on_item(self) -> &'static str {
        self.0.pick("本项没有照片", "This item has no photo")
    }

    pub fn keys_remove_a_photo(self) -> &'static str {
        self.0.pick(
            "移除本项的一张照片（草稿中附错的）",
            "remove a photo of the item (a wrong one, in a draft)",
        )
    }
}

// The checklist's and the review's keys, as the help (`?`) and the footer list them.
words! { Text;
    keys_type_the_text => "输入本项文字（文字项）", "type the item's text (a text item)";
    keys_first_last => "第一项 / 最后一项", "first / last item";
    keys_widen => "复查：显示全部项目 / 只显示整改项", "follow-up: the whole checklist / only the items under rectification";
    keys_remove_the_photo => "移除所选照片", "remove the photo chosen";
    keys_close => "关闭", "close";
    keys_previous_field => "上一项", "previous field";
}
