//! The words of the office's planning screens (issue 14): the inspectors list and the 双随机
//! draws, in both languages, and the keys their help lists.

use super::Text;
use crate::domain::planning::draw::DrawRecord;
use crate::i18n::Lang;

impl Text {
    fn p(self, zh: &'static str, en: &'static str) -> &'static str {
        self.0.pick(zh, en)
    }

    pub fn inspectors_title(self) -> &'static str {
        self.p("检查人员", "Inspectors")
    }
    pub fn draws_title(self) -> &'static str {
        self.p("双随机抽取", "Random draws")
    }
    /// `i` or `w` on 首页 of a laptop, which takes these from the office.
    pub fn office_only(self) -> &'static str {
        self.p(
            "检查人员名单和双随机抽取由办公室维护；本机已信任办公室，随办公室数据包接收",
            "The office keeps the inspectors and the draws; this laptop trusts an office and receives them in its bundles",
        )
    }

    // The inspectors list.
    pub fn col_name(self) -> &'static str {
        self.p("姓名", "Name")
    }
    pub fn col_badge(self) -> &'static str {
        self.p("执法证号", "Enforcement ID")
    }
    pub fn col_unit(self) -> &'static str {
        self.p("单位", "Unit")
    }
    pub fn col_station(self) -> &'static str {
        self.p("站点代码", "Station")
    }
    pub fn col_active(self) -> &'static str {
        self.p("在岗", "Active")
    }
    pub fn col_towns(self) -> &'static str {
        self.p("辖区", "Towns")
    }
    pub fn active(self) -> &'static str {
        self.p("在岗", "yes")
    }
    pub fn retired(self) -> &'static str {
        self.p("停用", "retired")
    }
    pub fn no_inspectors_yet(self) -> &'static str {
        self.p(
            "名单上还没有检查人员：按 a 添加，或用 shian inspectors import 导入",
            "No inspectors yet: a adds one, shian inspectors import reads a list",
        )
    }
    pub fn add_inspector(self) -> &'static str {
        self.p("添加检查人员", "Add an inspector")
    }
    pub fn add_inspector_hint(self) -> &'static str {
        self.p(
            "同一执法证号即更正；辖区用、分隔。Enter 下一项，末项保存；Esc 取消",
            "The same ID corrects; towns separated by 、. Enter: next, saves on the last; Esc cancels",
        )
    }
    pub fn inspector_saved(self) -> &'static str {
        self.p("已保存检查人员", "Inspector saved:")
    }
    pub fn retire_inspector(self) -> &'static str {
        self.p("停用检查人员", "Retire an inspector")
    }
    pub fn confirm_retire(self, who: &str) -> String {
        match self.0 {
            Lang::Zh => format!(
                "停用 {who}？停用后不再被抽取，也不能作为新记录的检查人员；已有记录不变。y 确认，其他键取消"
            ),
            Lang::En => format!(
                "Retire {who}? Never drawn again nor accepted on a new record; past records stay. y confirms, any other key cancels"
            ),
        }
    }
    pub fn inspector_retired(self) -> &'static str {
        self.p("已停用", "Retired:")
    }
    pub fn already_retired(self) -> &'static str {
        self.p("此人已停用", "Already retired")
    }

    // The draws.
    pub fn col_number(self) -> &'static str {
        self.p("编号", "No.")
    }
    pub fn col_day(self) -> &'static str {
        self.p("日期", "Day")
    }
    pub fn col_filter(self) -> &'static str {
        self.p("抽取条件", "Filter")
    }
    pub fn col_seed(self) -> &'static str {
        self.p("随机种子", "Seed")
    }
    pub fn col_by(self) -> &'static str {
        self.p("操作人", "Run by")
    }
    pub fn col_count(self) -> &'static str {
        self.p("家数", "Drawn")
    }
    pub fn no_draws_yet(self) -> &'static str {
        self.p("还没有抽取记录：按 n 新建抽取", "No draws yet: n runs one")
    }
    pub fn new_draw(self) -> &'static str {
        self.p("新建双随机抽取", "New random draw")
    }
    pub fn new_draw_hint(self) -> &'static str {
        self.p(
            "多个值用 | 分隔；种子、期限可空。末项 Enter 抽取；Esc 取消",
            "Several values with |; seed and deadline may stay empty. Enter on the last draws; Esc cancels",
        )
    }
    /// The label of a new draw's input (screens/draws/mod.rs numbers them).
    pub fn draw_label(self, i: usize) -> &'static str {
        match i {
            0 => self.p("单位类型", "Kinds"),
            1 => self.p("镇街道", "Towns"),
            2 => self.p("风险等级", "Risk grades"),
            3 => self.p("抽取家数", "Count"),
            4 => self.p("每家人员数", "Inspectors each"),
            5 => self.p("随机种子", "Seed"),
            6 => self.p("完成期限", "Deadline"),
            _ => self.p("操作人", "Run by"),
        }
    }
    pub fn not_a_count(self) -> &'static str {
        self.p("须为正整数", "must be a whole number")
    }
    pub fn not_a_date(self) -> &'static str {
        self.p("日期格式为 2027-03-31", "a date reads 2027-03-31")
    }
    pub fn draw_made(self, number: i64, seed: &str) -> String {
        match self.0 {
            Lang::Zh => format!("已保存第 {number} 号抽取，随机种子 {seed}"),
            Lang::En => format!("Draw {number} kept, seed {seed}"),
        }
    }
    /// After a draw: how many of its tasks go to every laptop, none of their inspectors
    /// having a station code.
    pub fn draws_unrouted(self, n: usize) -> String {
        match self.0 {
            Lang::Zh => format!("；其中 {n} 家{}", self.0.draw_unrouted()),
            Lang::En => format!("; {n} of them: {}", self.0.draw_unrouted()),
        }
    }
    pub fn no_such_draw(self) -> &'static str {
        self.p("没有这个抽取编号", "no such draw")
    }
    pub fn draw_print(self) -> &'static str {
        self.p("打印抽取记录（A4）", "Print the draw (A4)")
    }
    pub fn draw_csv(self) -> &'static str {
        self.p("导出 CSV（一公开）", "Write the CSV (publication)")
    }
    pub fn draw_heading(self, d: &DrawRecord) -> String {
        match self.0 {
            Lang::Zh => format!(
                "第 {} 号抽取  {}  操作人 {}（站点 {}）",
                d.number, d.day, d.made_by, d.station
            ),
            Lang::En => format!(
                "Draw {}  {}  run by {} (station {})",
                d.number, d.day, d.made_by, d.station
            ),
        }
    }
    pub fn draw_filter_line(self, d: &DrawRecord) -> String {
        match self.0 {
            Lang::Zh => format!(
                "条件 {}：符合 {} 家，近 3 个月已检查排除 {} 家",
                d.filter_text, d.matched, d.excluded_recent
            ),
            Lang::En => format!(
                "Filter {}: {} match, {} inspected in the last 3 months left out",
                d.filter_text, d.matched, d.excluded_recent
            ),
        }
    }
    pub fn draw_seed_line(self, d: &DrawRecord) -> String {
        match self.0 {
            Lang::Zh => format!(
                "随机种子 {}  抽取 {} 家，每家 {} 名检查人员  完成期限 {}",
                d.seed, d.count, d.per, d.deadline
            ),
            Lang::En => format!(
                "Seed {}  {} drawn, {} inspectors each  due {}",
                d.seed, d.count, d.per, d.deadline
            ),
        }
    }

    // Keys, in the screens' key tables (src/tui/keys.rs).
    pub fn keys_inspectors(self) -> &'static str {
        self.p("检查人员名单（办公室）", "the inspectors list (office)")
    }
    pub fn keys_draws(self) -> &'static str {
        self.p("双随机抽取（办公室）", "random draws (office)")
    }
    pub fn keys_add_inspector(self) -> &'static str {
        self.p("添加或更正检查人员", "add or correct an inspector")
    }
    pub fn keys_retire_inspector(self) -> &'static str {
        self.p(
            "停用选中的检查人员（需确认）",
            "retire the selected inspector (asks)",
        )
    }
    pub fn keys_new_draw(self) -> &'static str {
        self.p(
            "新建抽取（新编号，不重抽）",
            "run a new draw (a new number)",
        )
    }
    pub fn keys_view_draw(self) -> &'static str {
        self.p("查看选中的抽取", "view the selected draw")
    }
    pub fn keys_print_draw(self) -> &'static str {
        self.p("打印抽取记录（A4）", "print the draw (A4)")
    }
    pub fn keys_draw_csv(self) -> &'static str {
        self.p("导出 CSV（一公开）", "write the CSV (publication)")
    }
    pub fn keys_next_field_save_last(self) -> &'static str {
        self.p("下一项 / 在末项保存", "next field / save on the last")
    }
    pub fn keys_add(self) -> &'static str {
        self.p("添加", "add")
    }
    pub fn keys_retire(self) -> &'static str {
        self.p("停用", "retire")
    }
    pub fn keys_draw_short(self) -> &'static str {
        self.p("抽取", "draw")
    }
    pub fn keys_print_short(self) -> &'static str {
        self.p("打印", "print")
    }
}
