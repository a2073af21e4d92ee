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
        self.lang.campaign_goal(c.target_count)
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
    let t = super::Labels::of(lang);
    let part = CampaignsPart {
        sections,
        lang,
        heading: lang.campaign_heading(),
        period_label: lang.campaign_period(),
        targets_label: lang.campaign_goal_label(),
        covered_label: lang.campaign_covered(),
        inspections_label: lang.campaign_inspections(),
        outcome_names: Outcome::ALL.iter().map(|o| lang.outcome(*o)).collect(),
        ordered_label: lang.campaign_orders(),
        open_label: lang.campaign_open(),
        failures_label: lang.campaign_failures(),
        cases_label: lang.campaign_cases(),
        not_covered_label: lang.campaign_not_covered(),
        lp: t.lp,
        rp: t.rp,
        sep: lang.list_separator(),
    };
    Ok(part.render()?)
}
