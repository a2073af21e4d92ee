//! A 双随机 draw on A4 for the file, and as a CSV for 一公开 (issue 14, docs/planning.md).

use askama::Template;

use super::Result;
use crate::domain::planning::draw::DrawRecord;
use crate::i18n::Lang;

#[derive(Template)]
#[template(path = "draw.html")]
struct DrawPage<'a> {
    lang_tag: &'static str,
    css: &'a str,
    title: String,
    facts: Vec<(&'static str, String)>,
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    rerun: String,
    signed_by: &'static str,
    witnessed_by: &'static str,
}

fn headers(lang: Lang) -> Vec<&'static str> {
    vec![
        lang.column_number(),
        lang.column_establishment(),
        lang.column_kind(),
        lang.column_town(),
        lang.column_inspectors(),
        lang.column_badges(),
    ]
}

/// One row per drawn establishment, the same in the page and the CSV.
fn rows(draw: &DrawRecord, lang: Lang) -> Vec<Vec<String>> {
    draw.drawn
        .iter()
        .enumerate()
        .map(|(i, d)| {
            vec![
                (i + 1).to_string(),
                d.name.clone(),
                lang.kind(d.kind).to_string(),
                d.town.clone(),
                d.inspectors
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
                d.inspectors
                    .iter()
                    .map(|p| p.badge.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
            ]
        })
        .collect()
}

pub fn title(draw: &DrawRecord, lang: Lang) -> String {
    lang.draw_title(draw.number)
}

/// The draw as a self-contained HTML page for A4, printed from a browser like the record form.
pub fn render_draw(draw: &DrawRecord, lang: Lang) -> Result<String> {
    let filter = if draw.filter_text.trim().is_empty() {
        lang.whole_roster().to_string()
    } else {
        draw.filter_text.clone()
    };
    let facts = vec![
        (lang.draw_number(), draw.number.to_string()),
        (lang.draw_made_at(), draw.made_at.clone()),
        (
            lang.draw_made_by(),
            format!("{}（{}）", draw.made_by, draw.station),
        ),
        (lang.draw_filter(), filter),
        (
            lang.draw_matched(),
            lang.draw_matched_text(draw.matched, draw.excluded_recent),
        ),
        (
            lang.draw_count(),
            lang.draw_count_text(draw.count, draw.per),
        ),
        (
            lang.draw_conflicts(),
            if draw.avoid_own_unit {
                lang.draw_avoids_own_unit()
            } else {
                lang.draw_none_marked()
            }
            .to_string(),
        ),
        (lang.seed_label(), draw.seed.clone()),
        (lang.draw_deadline(), draw.deadline.to_string()),
    ];
    let rerun = lang.draw_rerun(&draw.seed);
    let page = DrawPage {
        lang_tag: lang.html_lang(),
        css: super::BASE_CSS,
        title: title(draw, lang),
        facts,
        headers: headers(lang),
        rows: rows(draw, lang),
        rerun,
        signed_by: lang.drawn_by_signature(),
        witnessed_by: lang.witness_signature(),
    };
    Ok(page.render()?)
}

/// The draw as CSV (UTF-8 with BOM, so Excel opens it), for publishing.
pub fn draw_csv(draw: &DrawRecord, lang: Lang) -> Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let mut header: Vec<&str> = vec![lang.draw_number(), lang.seed_label()];
        header.extend(headers(lang));
        w.write_record(&header)?;
        for row in rows(draw, lang) {
            let mut record = vec![draw.number.to_string(), draw.seed.clone()];
            record.extend(row);
            w.write_record(&record)?;
        }
        w.flush().map_err(csv::Error::from)?;
    }
    Ok(out)
}
