//! The summary's 专项行动 sections as HTML (issue 14), by their own escaping template; the
//! summary page includes the result as markup this module made.

use askama::Template;

use super::Result;
use super::summary::campaigns::CampaignSection;
use crate::domain::outcome::Outcome;
use crate::i18n::Lang;

#[derive(Template)]
#[template(path = "campaigns.html")]
struct CampaignsPart<'a> {
    sections: &'a [CampaignSection],
    lang: Lang,
    heading: &'static str,
    period_label: &'static str,
    targets_label: &'static str,
    covered_label: &'static str,
    inspections_label: &'static str,
    outcome_names: Vec<&'static str>,
    ordered_label: &'static str,
    open_label: &'static str,
    failures_label: &'static str,
    cases_label: &'static str,
    not_covered_label: &'static str,
    lp: &'static str,
    rp: &'static str,
    sep: &'static str,
}

impl CampaignsPart<'_> {
    fn goal(&self, c: &CampaignSection) -> String {
        match (c.target_count, self.lang) {
            (None, l) => l.pick("全覆盖", "full coverage").to_string(),
            (Some(n), Lang::Zh) => format!("计划检查 {n} 家"),
            (Some(n), Lang::En) => format!("{n} planned"),
        }
    }

    fn outcome(&self, o: &Option<Outcome>) -> &'static str {
        o.map_or("—", |o| self.lang.outcome(o))
    }
}

/// The sections, or nothing when there are none.
pub fn render_campaigns(sections: &[CampaignSection], lang: Lang) -> Result<String> {
    if sections.is_empty() {
        return Ok(String::new());
    }
    let l = |zh, en| lang.pick(zh, en);
    let part = CampaignsPart {
        sections,
        lang,
        heading: l("专项行动：", "Campaign: "),
        period_label: l("行动时间：", "Period: "),
        targets_label: l("目标", "Goal"),
        covered_label: l("已检查 / 目标单位", "Covered / targets"),
        inspections_label: l("检查次数", "Inspections"),
        outcome_names: Outcome::ALL.iter().map(|o| lang.outcome(*o)).collect(),
        ordered_label: l("责令整改项", "Orders"),
        open_label: l("未关闭", "Open"),
        failures_label: l("不符合项", "Failed items"),
        cases_label: l("实例", "Cases"),
        not_covered_label: l("尚未检查的目标单位", "Targets not inspected yet"),
        lp: l("（", " ("),
        rp: l("）", ")"),
        sep: l("、", ", "),
    };
    Ok(part.render()?)
}
