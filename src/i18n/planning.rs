//! Messages of planning (issue 14): inspectors refused, campaign files, draws.

use crate::domain::planning::InspectorRefusal;
use crate::domain::planning::TaskState;
use crate::domain::planning::campaign::{CampaignError, CampaignProblem};
use crate::domain::planning::draw::{DrawProblem, FilterProblem};
use crate::i18n::Lang;

impl Lang {
    pub fn inspector_refusal(self, why: &InspectorRefusal) -> String {
        match (why, self) {
            (InspectorRefusal::Retired { name, badge }, Lang::Zh) => {
                format!("检查人员 {name}（执法证号 {badge}）已在局里的名单上停用，不能作为检查人员")
            }
            (InspectorRefusal::Retired { name, badge }, Lang::En) => format!(
                "inspector {name} (ID {badge}) is retired on the bureau's list and cannot inspect"
            ),
            (InspectorRefusal::BadgeOfAnother { badge, listed_name }, Lang::Zh) => {
                format!("执法证号 {badge} 在局里的名单上属于 {listed_name}，姓名与证号不符")
            }
            (InspectorRefusal::BadgeOfAnother { badge, listed_name }, Lang::En) => format!(
                "enforcement ID {badge} belongs to {listed_name} on the bureau's list: name and ID do not match"
            ),
        }
    }

    pub fn campaign_error(self, e: &CampaignError) -> String {
        let zh = self == Lang::Zh;
        let what = match &e.problem {
            CampaignProblem::Syntax(m) => {
                if zh {
                    format!("格式错误：{m}")
                } else {
                    format!("syntax: {m}")
                }
            }
            CampaignProblem::BadId(id) => {
                if zh {
                    format!("id “{id}” 只能由字母、数字、- 和 _ 组成（不超过 64 个）")
                } else {
                    format!("id {id:?} may hold only letters, digits, - and _ (at most 64)")
                }
            }
            CampaignProblem::EmptyName => self
                .pick(
                    "name（名称）不能为空，不超过 200 字",
                    "name must not be empty (at most 200 characters)",
                )
                .into(),
            CampaignProblem::BadDate(d) => {
                if zh {
                    format!("“{d}” 不是日期（写成 2027-03-01）")
                } else {
                    format!("{d:?} is not a date (write 2027-03-01)")
                }
            }
            CampaignProblem::EndsBeforeStart => self
                .pick("结束日期（to）早于开始日期（from）", "to is before from")
                .into(),
            CampaignProblem::UnknownKind(k) => {
                if zh {
                    format!("未知的单位类型 “{k}”（见 docs/roster.md）")
                } else {
                    format!("unknown establishment kind {k:?} (see docs/roster.md)")
                }
            }
            CampaignProblem::NoTargets => self
                .pick(
                    "须给出 kinds（单位类型）或 targets（单位名单）",
                    "give kinds or targets",
                )
                .into(),
            CampaignProblem::NoChecklists => self
                .pick(
                    "checklists（检查表）不能为空",
                    "checklists must not be empty",
                )
                .into(),
            CampaignProblem::UnknownChecklist(c) => {
                if zh {
                    format!("没有 id 为 “{c}” 的检查表（shian checklists list）")
                } else {
                    format!("no checklist with id {c:?} (shian checklists list)")
                }
            }
            CampaignProblem::CoverageOrCount => self
                .pick(
                    "须给出 coverage = \"full\"（全覆盖）或 target_count = 数量，二者取一",
                    "give coverage = \"full\" or target_count = N, one of the two",
                )
                .into(),
            CampaignProblem::BadCoverage(c) => {
                if zh {
                    format!("coverage 只能是 \"full\"，不是 “{c}”")
                } else {
                    format!("coverage can only be \"full\", not {c:?}")
                }
            }
            CampaignProblem::ZeroCount => self
                .pick(
                    "target_count 须为正整数",
                    "target_count must be a positive number",
                )
                .into(),
        };
        format!("{}:{}:{}: {what}", e.file, e.line, e.column)
    }

    pub fn filter_problem(self, p: &FilterProblem) -> String {
        match (p, self) {
            (FilterProblem::NotACondition(c), Lang::Zh) => {
                format!("“{c}” 不是“名称=值”的条件（例如 kind=学校食堂,town=望海街道,grade=C|D）")
            }
            (FilterProblem::NotACondition(c), Lang::En) => format!(
                "{c:?} is not a name=value condition (e.g. kind=school_canteen,town=望海街道,grade=C|D)"
            ),
            (FilterProblem::UnknownName(n), Lang::Zh) => {
                format!("未知的条件 “{n}”（可用 kind、town、grade）")
            }
            (FilterProblem::UnknownName(n), Lang::En) => {
                format!("unknown condition {n:?} (use kind, town, grade)")
            }
            (FilterProblem::UnknownKind(k), Lang::Zh) => format!("未知的单位类型 “{k}”"),
            (FilterProblem::UnknownKind(k), Lang::En) => {
                format!("unknown establishment kind {k:?}")
            }
            (FilterProblem::UnknownGrade(g), Lang::Zh) => {
                format!("未知的风险等级 “{g}”（A、B、C、D）")
            }
            (FilterProblem::UnknownGrade(g), Lang::En) => {
                format!("unknown risk grade {g:?} (A, B, C, D)")
            }
        }
    }

    pub fn draw_problem(self, p: &DrawProblem) -> String {
        match (p, self) {
            (DrawProblem::TooFewEstablishments { available, asked }, Lang::Zh) => {
                format!("符合条件且近 3 个月未检查的单位只有 {available} 家，不够抽取 {asked} 家")
            }
            (DrawProblem::TooFewEstablishments { available, asked }, Lang::En) => format!(
                "only {available} establishments match and were not inspected in the last 3 months; cannot draw {asked}"
            ),
            (
                DrawProblem::TooFewInspectors {
                    establishment,
                    available,
                    asked,
                },
                Lang::Zh,
            ) => format!(
                "{establishment}：可抽取的在岗检查人员只有 {available} 名（已排除本单位辖区的人员），不够 {asked} 名"
            ),
            (
                DrawProblem::TooFewInspectors {
                    establishment,
                    available,
                    asked,
                },
                Lang::En,
            ) => format!(
                "{establishment}: only {available} active inspectors may be drawn (those of its own unit left out); {asked} needed"
            ),
        }
    }

    pub fn task_state(self, s: TaskState) -> &'static str {
        match s {
            TaskState::Done => self.pick("已完成", "done"),
            TaskState::Pending => self.pick("待检查", "pending"),
            TaskState::Overdue => self.pick("已逾期", "overdue"),
        }
    }

    /// A drawn establishment none of whose inspectors has a station code.
    pub fn draw_unrouted(self) -> &'static str {
        self.pick(
            "抽中的检查人员都没有站点代码，此任务发给每台笔记本",
            "no drawn inspector has a station code, so this task goes to every laptop",
        )
    }

    /// Why the office's planning act (an inspector added, a draw) was not done.
    pub fn planning_error(self, e: &crate::planning::PlanningError) -> String {
        use crate::planning::PlanningError as E;
        match e {
            E::Filter(p) => self.filter_problem(p),
            E::Draw(p) => self.draw_problem(p),
            E::Store(e) => self.store_error(e),
            E::NotPositive => self
                .pick(
                    "抽取家数和检查人员数须为正整数",
                    "the count and the inspectors per establishment must be positive",
                )
                .into(),
            E::DeadlineBeforeToday => self
                .pick("完成期限早于今天", "the deadline is before today")
                .into(),
            E::NoRunner => self
                .pick(
                    "抽取记录须写明操作人（命令行用 --by 姓名）",
                    "a draw records who ran it (on the command line, --by NAME)",
                )
                .into(),
            E::Seed(why) => format!("{}: {why}", self.pick("无法生成随机种子", "random seed")),
            E::NoNameOrBadge => self
                .pick(
                    "姓名和执法证号不能为空",
                    "name and enforcement ID must not be empty",
                )
                .into(),
        }
    }
}

words! { Lang;
    // inspectors, campaigns and draws on the command line
    draw_label => "抽取编号", "Draw";
    seed_word => "随机种子", "seed";
    colon => "：", ": ";
    no_such_draw_number => "没有这个抽取编号", "no such draw";
    inspector_active => "在岗", "active";
    inspector_retired => "停用", "retired";
    n_errors_no_inspector_imported => "处错误，未导入任何检查人员", "errors; nothing was imported";
    n_inspectors_imported => "名检查人员已导入", "inspectors imported";
    no_inspector_enforcement_id => "名单上没有这个执法证号", "no inspector with this enforcement ID";
    not_utf8_text => "不是 UTF-8 文本", "not UTF-8 text";
    n_errors_nothing_saved => "处错误，未保存", "errors; nothing was saved";
    no_roster_establishment_for_target => "单位名录中没有此目标单位：", "no establishment on the roster for target";
    target_establishments => "家目标单位", "target establishments";
    no_such_campaign => "没有这个专项行动", "no such campaign";
    full_coverage => "全覆盖", "full coverage";
    column_number => "序号", "No.";
    column_establishment => "单位名称", "Establishment";
    column_kind => "类型", "Kind";
    column_town => "镇街道", "Town";
    column_inspectors => "检查人员", "Inspectors";
    column_badges => "执法证号", "Enforcement IDs";
    whole_roster => "全部单位", "the whole roster";
    draw_number => "抽取编号", "Draw number";
    draw_made_at => "抽取时间", "Made at";
    draw_made_by => "操作人", "Made by";
    draw_filter => "抽取范围", "Filter";
    draw_matched => "符合条件", "Matched";
    draw_count => "抽取数量", "Drawn";
    draw_conflicts => "回避", "Conflicts";
    draw_avoids_own_unit => "不抽取本单位辖区的检查人员", "no inspector drawn for their own unit's towns";
    draw_none_marked => "未设置", "none marked";
    seed_label => "随机种子", "Seed";
    draw_deadline => "完成期限", "Deadline";
    drawn_by_signature => "抽取人：", "Drawn by:";
    witness_signature => "监督人：", "Witness:";
}

/// The sentences of a printed draw (`report/draw.rs`).
impl Lang {
    pub fn draw_title(self, number: i64) -> String {
        match self {
            Lang::Zh => format!("“双随机、一公开”抽查 第 {number} 号抽取记录"),
            Lang::En => format!("Random inspection draw No. {number}"),
        }
    }

    pub fn draw_matched_text(self, matched: usize, excluded_recent: usize) -> String {
        match self {
            Lang::Zh => format!(
                "{matched} 家，其中近 3 个月已检查 {excluded_recent} 家不参与抽取（《食品生产经营监督检查管理办法》第四十二条）"
            ),
            Lang::En => format!(
                "{matched}, of which {excluded_recent} inspected in the last 3 months are left out (Order 49 art. 42)"
            ),
        }
    }

    pub fn draw_count_text(self, count: usize, per: usize) -> String {
        match self {
            Lang::Zh => format!("{count} 家单位，每家 {per} 名检查人员"),
            Lang::En => format!("{count} establishments, {per} inspectors each"),
        }
    }

    /// How anyone can re-run the draw.
    pub fn draw_rerun(self, seed: &str) -> String {
        match self {
            Lang::Zh => format!(
                "用相同的种子 {seed} 和相同的单位名录、检查人员名单，按 docs/planning.md 所述算法（SplitMix64）可重新得到同一结果。"
            ),
            Lang::En => format!(
                "The same seed {seed} with the same roster and inspector list gives the same draw by the algorithm in docs/planning.md (SplitMix64)."
            ),
        }
    }
}

impl Lang {
    /// Where a task comes from: its campaign's name, or the draw's number.
    pub fn task_source(self, source: &crate::domain::planning::TaskSource) -> String {
        use crate::domain::planning::TaskSource;
        match (source, self) {
            (TaskSource::Campaign { name, .. }, _) => name.clone(),
            (TaskSource::Draw { number }, Lang::Zh) => format!("双随机第 {number} 号"),
            (TaskSource::Draw { number }, Lang::En) => format!("random draw {number}"),
        }
    }
}
