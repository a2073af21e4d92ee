//! The layouts bureaus use, on small grids.

use super::*;

fn grid(rows: &[&[&str]]) -> Grid {
    Grid {
        label: "t.csv".into(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect(),
        row_numbers: (1..=rows.len()).collect(),
        first_column: 1,
    }
}

fn summary(table: &Table) -> Vec<(String, Vec<(String, bool)>)> {
    table
        .sections
        .iter()
        .map(|s| {
            (
                s.title.clone(),
                s.items.iter().map(|i| (i.number.clone(), i.key)).collect(),
            )
        })
        .collect()
}

#[test]
fn a_section_column_merged_down_its_rows() {
    let table = read_table(&grid(&[
        &["某某表"],
        &["重点项(*)1项，一般项2项，共3项"],
        &["检查项目", "序号", "检查内容", "检查结果"],
        &["一、许可（2项）", "*1.1", "许可证有效", "□是 □否"],
        &["", "1.2", "许可证公示", ""],
        &["二、人员", "2.1", "健康证明\n有效", ""],
    ]))
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        summary(&table),
        vec![
            (
                "许可".into(),
                vec![("1.1".into(), true), ("1.2".into(), false)]
            ),
            ("人员".into(), vec![("2.1".into(), false)]),
        ]
    );
    assert_eq!(table.sections[1].items[0].text, "健康证明有效");
}

#[test]
fn section_rows_and_a_key_mark_after_the_number() {
    let table = read_table(&grid(&[
        &["序号", "检查内容", "检查方法", "依据"],
        &["一、原料控制", "", "", ""],
        &["1.1＊", "进货查验", "查记录", "食品安全法"],
        &["", "（二）加工制作", "", ""],
        &["2．1", "生熟分开", "", ""],
        &["注：本表仅供示例"],
        &["9.9", "注之后的行不读", "", ""],
    ]))
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        summary(&table),
        vec![
            ("原料控制".into(), vec![("1.1".into(), true)]),
            ("加工制作".into(), vec![("2.1".into(), false)]),
        ]
    );
    let item = &table.sections[0].items[0];
    assert_eq!(item.method.as_deref(), Some("查记录"));
    assert_eq!(item.basis.as_deref(), Some("食品安全法"));
}

#[test]
fn problems_are_reported_at_their_cells() {
    let found = read_table(&grid(&[
        &["重点项(*)2项，一般项1项，共3项"],
        &["检查项目", "序号", "检查内容"],
        &["一、许可（3项）", "*1.1", "许可证有效"],
        &["", "", "许可证公示"],
        &["", "1.3", "量化等级公示"],
    ]))
    .err()
    .unwrap_or_default();
    let places: Vec<(usize, usize, &TableProblem)> =
        found.iter().map(|(c, p)| (c.row, c.column, p)).collect();
    assert_eq!(places[0], (4, 2, &TableProblem::NoNumber));
    assert!(matches!(
        places[1],
        (
            3,
            1,
            TableProblem::SectionCountDiffers {
                stated: 3,
                found: 2
            }
        )
    ));
    assert!(matches!(
        places[2],
        (1, 1, TableProblem::CountsDiffer { .. })
    ));
}

#[test]
fn a_table_without_a_header_or_items_is_refused() {
    let found = read_table(&grid(&[&["只有标题"]]))
        .err()
        .unwrap_or_default();
    assert_eq!(found[0].1, TableProblem::NoHeader);
    let found = read_table(&grid(&[&["序号", "检查内容"]]))
        .err()
        .unwrap_or_default();
    assert_eq!(found[0].1, TableProblem::NoItems);
}

#[test]
fn titles_lose_their_numbering_and_counts() {
    assert_eq!(
        split_count("一、食品经营许可及信息公示（4项）"),
        ("食品经营许可及信息公示".into(), Some(4))
    );
    assert_eq!(
        split_count("二、原料控制（含食品添加剂）8项"),
        ("原料控制（含食品添加剂）".into(), Some(8))
    );
    assert_eq!(
        split_count("（三）加工制作过程"),
        ("加工制作过程".into(), None)
    );
    assert_eq!(split_count("10. 一般项"), ("一般项".into(), None));
    assert!(looks_like_heading("十一、其他"));
    assert!(!looks_like_heading("一次性餐具合格"));
}
