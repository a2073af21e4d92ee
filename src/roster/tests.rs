//! The roster parser's rules on small files; the CLI tests are tests/cli/roster_rules.rs.

use super::*;

const HEADER: &str =
    "名称,类型,地址,镇街道,负责人,电话,许可证编号,统一社会信用代码,风险等级,明厨亮灶\n";

#[test]
fn utf8_with_bom_and_gbk_read_the_same() {
    let text = format!("{HEADER}海之味快餐,餐馆,青禾路1号,红海街道,李某,,JY1,,B,透明厨房\n");
    let (utf8, enc) = parse(text.as_bytes()).expect("parses");
    assert_eq!(enc, Encoding::Utf8);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    assert_eq!(parse(&bom).expect("parses").0, utf8);
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let (from_gbk, enc) = parse(&gbk).expect("parses");
    assert_eq!(enc, Encoding::Gbk);
    assert_eq!(from_gbk, utf8);
    assert_eq!(utf8[0].name, "海之味快餐");
}

#[test]
fn every_bad_row_is_reported_with_line_and_column() {
    let text = format!(
        "{HEADER}甲,餐馆,,红海街道,,,JY1,,B,\n乙,饭店,,红海街道,,,JY2,,E,\n丙,餐馆,,,,,JY1,,A,\n"
    );
    let errors = parse(text.as_bytes()).expect_err("fails");
    let found: Vec<(u64, Option<&str>)> = errors
        .iter()
        .map(|e| (e.line, e.column.as_deref()))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, Some("类型")),
            (3, Some("风险等级")),
            (4, Some("镇街道")),
            (4, Some("许可证编号")),
        ]
    );
    assert_eq!(errors[1].problem, RosterProblem::BadRiskGrade("E".into()));
}

#[test]
fn a_missing_column_is_reported_on_line_1() {
    let errors = parse("名称,类型\n甲,餐馆\n".as_bytes()).expect_err("fails");
    assert!(errors.iter().all(|e| e.line == 1));
    assert!(errors.iter().any(|e| e.column.as_deref() == Some("镇街道")));
}

#[test]
fn identifiers_are_normalised_before_matching() {
    assert_eq!(
        normalize_identifier("ｊｙ 3210\u{3000}8040 012345"),
        "JY32108040012345"
    );
    assert_eq!(
        normalize_identifier(" 91210804ma0xxxxx1a "),
        "91210804MA0XXXXX1A"
    );
    assert_eq!(normalize_identifier("９１２１"), "9121");
}
