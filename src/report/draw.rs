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
        lang.pick("序号", "No."),
        lang.pick("单位名称", "Establishment"),
        lang.pick("类型", "Kind"),
        lang.pick("镇街道", "Town"),
        lang.pick("检查人员", "Inspectors"),
        lang.pick("执法证号", "Enforcement IDs"),
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
    match lang {
        Lang::Zh => format!("“双随机、一公开”抽查 第 {} 号抽取记录", draw.number),
        Lang::En => format!("Random inspection draw No. {}", draw.number),
    }
}

/// The draw as a self-contained HTML page for A4, printed from a browser like the record form.
pub fn render_draw(draw: &DrawRecord, lang: Lang) -> Result<String> {
    let filter = if draw.filter_text.trim().is_empty() {
        lang.pick("全部单位", "the whole roster").to_string()
    } else {
        draw.filter_text.clone()
    };
    let facts = vec![
        (
            lang.pick("抽取编号", "Draw number"),
            draw.number.to_string(),
        ),
        (lang.pick("抽取时间", "Made at"), draw.made_at.clone()),
        (
            lang.pick("操作人", "Made by"),
            format!("{}（{}）", draw.made_by, draw.station),
        ),
        (lang.pick("抽取范围", "Filter"), filter),
        (
            lang.pick("符合条件", "Matched"),
            match lang {
                Lang::Zh => format!(
                    "{} 家，其中近 3 个月已检查 {} 家不参与抽取（《食品生产经营监督检查管理办法》第四十二条）",
                    draw.matched, draw.excluded_recent
                ),
                Lang::En => format!(
                    "{}, of which {} inspected in the last 3 months are left out (Order 49 art. 42)",
                    draw.matched, draw.excluded_recent
                ),
            },
        ),
        (
            lang.pick("抽取数量", "Drawn"),
            match lang {
                Lang::Zh => format!("{} 家单位，每家 {} 名检查人员", draw.count, draw.per),
                Lang::En => format!(
                    "{} establishments, {} inspectors each",
                    draw.count, draw.per
                ),
            },
        ),
        (
            lang.pick("回避", "Conflicts"),
            if draw.avoid_own_unit {
                lang.pick(
                    "不抽取本单位辖区的检查人员",
                    "no inspector drawn for their own unit's towns",
                )
            } else {
                lang.pick("未设置", "none marked")
            }
            .to_string(),
        ),
        (lang.pick("随机种子", "Seed"), draw.seed.clone()),
        (lang.pick("完成期限", "Deadline"), draw.deadline.to_string()),
    ];
    let rerun = match lang {
        Lang::Zh => format!(
            "用相同的种子 {} 和相同的单位名录、检查人员名单，按 docs/planning.md 所述算法（SplitMix64）可重新得到同一结果。",
            draw.seed
        ),
        Lang::En => format!(
            "The same seed {} with the same roster and inspector list gives the same draw by the algorithm in docs/planning.md (SplitMix64).",
            draw.seed
        ),
    };
    let page = DrawPage {
        lang_tag: if lang == Lang::Zh { "zh-CN" } else { "en" },
        css: super::BASE_CSS,
        title: title(draw, lang),
        facts,
        headers: headers(lang),
        rows: rows(draw, lang),
        rerun,
        signed_by: lang.pick("抽取人：", "Drawn by:"),
        witnessed_by: lang.pick("监督人：", "Witness:"),
    };
    Ok(page.render()?)
}

/// The draw as CSV (UTF-8 with BOM, so Excel opens it), for publishing.
pub fn draw_csv(draw: &DrawRecord, lang: Lang) -> Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let mut header: Vec<&str> = vec![
            lang.pick("抽取编号", "Draw number"),
            lang.pick("随机种子", "Seed"),
        ];
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
