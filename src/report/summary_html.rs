//! The summary as one self-contained HTML page with inline SVG charts.

use askama::Template;

use super::summary::Summary;
use super::svg::{self, BarRow, FILLS};
use super::{BASE_CSS, Labels, Result};
use crate::domain::establishment::BrightKitchen;
use crate::domain::outcome::Outcome;
use crate::i18n::Lang;

/// How many names a list shows before "and more".
const NAMES: usize = 40;

#[derive(Template)]
#[template(path = "summary.html")]
struct SummaryPage<'a> {
    t: &'a Labels,
    css: &'a str,
    s: &'a Summary,
    lang: Lang,
    scope: String,
    period: String,
    as_of: String,
    outcome_names: Vec<(&'static str, &'static str)>,
    form_names: Vec<(&'static str, &'static str)>,
    coverage_names: Vec<(&'static str, &'static str)>,
    coverage_chart: String,
    town_chart: String,
    outcome_chart: String,
    failure_chart: String,
    bright_chart: String,
    cycle: super::summary_cycle::CycleWords,
    cycle_rows: Vec<super::summary_cycle::CycleRow>,
    /// The 专项行动 sections, made by their own escaping template (summary_campaigns.rs).
    campaigns_html: String,
}

/// Renders `summary` as an HTML document.
pub fn render_summary(summary: &Summary, lang: Lang) -> Result<String> {
    let t = Labels::of(lang);
    let percent = |part: usize, total: usize| {
        if total == 0 {
            "—".to_string()
        } else {
            format!(
                "{part}/{total}（{:.0}%）",
                part as f64 * 100.0 / total as f64
            )
        }
    };
    let coverage_rows: Vec<BarRow> = summary
        .coverage
        .iter()
        .map(|c| BarRow {
            label: lang.kind(c.kind).to_string(),
            parts: vec![(c.inspected, 3), (c.total - c.inspected, 4)],
            note: percent(c.inspected, c.total),
        })
        .collect();
    let town_rows: Vec<BarRow> = summary
        .coverage_by_town
        .iter()
        .map(|c| BarRow {
            label: c.town.clone(),
            parts: vec![(c.inspected, 3), (c.total - c.inspected, 4)],
            note: percent(c.inspected, c.total),
        })
        .collect();
    let outcome_rows: Vec<BarRow> = summary
        .outcomes_by_town
        .iter()
        .map(|o| BarRow {
            label: o.group.clone(),
            parts: o.counts.iter().copied().zip(0..).collect(),
            note: o.counts.iter().sum::<usize>().to_string(),
        })
        .collect();
    let failure_rows: Vec<BarRow> = summary
        .top_failures
        .iter()
        .map(|f| BarRow {
            label: format!("{}{} {}", if f.key { "*" } else { "" }, f.number, f.text),
            parts: vec![(f.count, 2)],
            note: f.count.to_string(),
        })
        .collect();
    let bright_rows: Vec<BarRow> = summary
        .bright_kitchen
        .iter()
        .map(|b| BarRow {
            label: lang.kind(b.kind).to_string(),
            // Fills: none red, transparent and video and internet green-ish shades, unknown grey.
            parts: vec![
                (b.forms[1] + b.forms[2] + b.forms[3], 0),
                (b.forms[0], 2),
                (b.forms[4], 4),
            ],
            note: percent(b.forms[1] + b.forms[2] + b.forms[3], b.total),
        })
        .collect();
    let scope = summary
        .town
        .clone()
        .unwrap_or_else(|| t.all_towns.to_string());
    let page = SummaryPage {
        t,
        css: BASE_CSS,
        s: summary,
        lang,
        period: format!(
            "{} — {}",
            lang.printed_date(summary.from),
            lang.printed_date(summary.to)
        ),
        as_of: lang.printed_date(summary.to),
        outcome_names: Outcome::ALL
            .iter()
            .zip(FILLS)
            .map(|(o, fill)| (lang.outcome(*o), fill))
            .collect(),
        form_names: vec![
            (t.with_bright_kitchen, FILLS[0]),
            (lang.bright_kitchen(BrightKitchen::None), FILLS[2]),
            (t.unknown, FILLS[4]),
        ],
        coverage_names: vec![(t.inspected, FILLS[3]), (t.not_yet, FILLS[4])],
        coverage_chart: svg::bars(t.coverage, &coverage_rows, None)?,
        town_chart: svg::bars(t.by_town, &town_rows, None)?,
        outcome_chart: svg::bars(t.outcomes_by_town, &outcome_rows, None)?,
        failure_chart: svg::bars(t.top_failures, &failure_rows, None)?,
        bright_chart: svg::bars(t.bright_kitchen, &bright_rows, None)?,
        cycle: super::summary_cycle::words(lang),
        cycle_rows: super::summary_cycle::rows(&summary.cycle, lang),
        scope,
        campaigns_html: super::summary_campaigns::render_campaigns(&summary.campaigns, lang)?,
    };
    Ok(page.render()?)
}

impl SummaryPage<'_> {
    fn date(&self, date: &Option<chrono::NaiveDate>) -> String {
        date.map_or_else(|| self.t.never.to_string(), |d| self.lang.printed_date(d))
    }

    fn plain_date(&self, date: &chrono::NaiveDate) -> String {
        self.lang.printed_date(*date)
    }

    fn kind(&self, kind: &crate::domain::establishment::EstablishmentKind) -> &'static str {
        self.lang.kind(*kind)
    }

    fn outcome(&self, outcome: &Option<Outcome>) -> &'static str {
        outcome.map_or("—", |o| self.lang.outcome(o))
    }

    fn handling(&self, handling: &Option<crate::domain::outcome::Handling>) -> &'static str {
        handling.map_or("—", |h| self.lang.handling(h))
    }

    /// The first names of a long list.
    fn head<'n, T>(&self, items: &'n [T]) -> &'n [T] {
        &items[..items.len().min(NAMES)]
    }

    /// How many a list has when it is longer than what is shown, else 0.
    fn more<T>(&self, items: &[T]) -> usize {
        if items.len() > NAMES { items.len() } else { 0 }
    }

    fn sep(&self) -> &'static str {
        self.lang.list_separator()
    }
}
