//! The roster CSV's rules (issue 16 item 6, issue 15 item 15), through the real binary on real
//! files in UTF-8 and GBK: one encoding per file, invalid bytes named with line and column, a
//! BOM only at the start, unknown columns named in a warning, repeated licences, credit codes
//! and name+address refused with both lines, identifiers normalised before matching, control
//! characters refused, and line numbers right in a CSV saved by Excel (CRLF).

use crate::support::cli;
use std::path::Path;

const HEADER: &str =
    "名称,类型,地址,镇街道,负责人,电话,许可证编号,统一社会信用代码,风险等级,明厨亮灶\n";

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

fn import_bytes(data: &Path, bytes: &[u8]) -> Run {
    let csv = data.with_extension("csv");
    std::fs::write(&csv, bytes).unwrap();
    let out = cli::shian(data)
        .args(["roster", "import"])
        .arg(&csv)
        .output()
        .unwrap();
    Run {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn establishments(data: &Path) -> Vec<serde_json::Value> {
    let out = cli::shian(data)
        .args(["roster", "list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

fn refused(run: &Run, data: &Path, expected: &[&str]) {
    assert!(!run.ok, "imported: {}", run.stderr);
    for e in expected {
        assert!(run.stderr.contains(e), "missing {e:?} in: {}", run.stderr);
    }
    assert!(establishments(data).is_empty(), "something was imported");
}

fn row(name: &str, licence: &str, credit: &str) -> String {
    format!("{name},餐馆,青禾路1号,红海街道,李某,0417-1234567,{licence},{credit},B,透明厨房\n")
}

#[test]
fn a_utf8_file_with_one_gbk_line_is_refused_at_that_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut bytes = format!("{HEADER}{}", row("海之味快餐", "JY1", "")).into_bytes();
    bytes.extend(gbk(&row("红海小学食堂", "JY2", "")));
    bytes.extend(row("望海超市", "JY3", "").into_bytes());
    let run = import_bytes(&data, &bytes);
    refused(&run, &data, &["第 3 行", "UTF-8"]);
    assert!(!run.stderr.contains("缺少"), "{}", run.stderr);
}

#[test]
fn a_gbk_file_with_one_utf8_line_is_refused_at_that_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut bytes = gbk(&format!("{HEADER}{}", row("海之味快餐", "JY1", "")));
    bytes.extend(row("红海小学食堂", "JY2", "").into_bytes());
    let run = import_bytes(&data, &bytes);
    refused(&run, &data, &["第 3 行", "GBK"]);
}

#[test]
fn invalid_bytes_are_refused_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    // GBK: 0xFF is never part of a GBK character.
    let data = dir.path().join("gbk");
    let mut bytes = gbk(&format!("{HEADER}{}", row("海之味快餐", "JY1", "")));
    bytes.extend(gbk("红海小学食堂,学校食堂,青禾路"));
    bytes.push(0xFF);
    bytes.extend(gbk("2号,红海街道,,,JY2,,A,\n"));
    let run = import_bytes(&data, &bytes);
    refused(&run, &data, &["第 3 行", "列“地址”", "0xFF"]);
    // UTF-8: a lone continuation byte in a UTF-8 file.
    let data = dir.path().join("utf8");
    let mut bytes = format!("{HEADER}{}", row("海之味快餐", "JY1", "")).into_bytes();
    bytes.extend("红海小学食堂,学校食堂,青禾路2号,红海街道,".as_bytes());
    bytes.push(0x80);
    bytes.extend(",,JY2,,A,\n".as_bytes());
    let run = import_bytes(&data, &bytes);
    refused(&run, &data, &["第 3 行", "列“负责人”", "0x80"]);
}

#[test]
fn a_bom_after_the_start_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let text = format!(
        "\u{feff}{HEADER}{}\u{feff}{}",
        row("海之味快餐", "JY1", ""),
        row("海之味快餐", "", "")
    );
    let run = import_bytes(&data, text.as_bytes());
    refused(&run, &data, &["第 3 行", "列“名称”", "BOM"]);
}

#[test]
fn unknown_columns_are_named_in_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = "名称,类型,备注,地址,镇街道,负责人,电话,许可证编号,统一社会信用代码,风险等级,明厨亮灶\n\
                海之味快餐,餐馆,常去,青禾路1号,红海街道,,,JY1,,B,\n";
    for (name, bytes) in [("utf8", text.as_bytes().to_vec()), ("gbk", gbk(text))] {
        let data = dir.path().join(name);
        let run = import_bytes(&data, &bytes);
        assert!(run.ok, "{}", run.stderr);
        assert!(
            run.stderr.contains("“备注”") && run.stderr.contains("未导入"),
            "{name}: no warning naming the column: {}",
            run.stderr
        );
        assert_eq!(establishments(&data).len(), 1);
    }
}

#[test]
fn rows_repeating_an_identifier_or_name_and_address_are_refused_with_both_lines() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "licence",
            format!(
                "{HEADER}{}{}{}",
                row("甲", "JY1", ""),
                row("乙", "JY2", ""),
                row("丙", "jy1", "")
            ),
            "第 4 行, 列“许可证编号”: 与第 2 行重复",
        ),
        (
            "credit",
            format!(
                "{HEADER}{}{}",
                row("甲", "JY1", "91210804MA0XXXXX1A"),
                row("乙", "JY2", "９１２１０８０４ma0xxxxx1a")
            ),
            "第 3 行, 列“统一社会信用代码”: 与第 2 行重复",
        ),
        (
            "name-address",
            format!(
                "{HEADER}{}{}",
                row("海之味快餐", "", ""),
                row("海之味快餐", "", "")
            ),
            "第 3 行, 列“名称”: 名称和地址与第 2 行相同",
        ),
    ];
    for (name, text, expected) in cases {
        for (encoding, bytes) in [("utf8", text.clone().into_bytes()), ("gbk", gbk(&text))] {
            let data = dir.path().join(format!("{name}-{encoding}"));
            let run = import_bytes(&data, &bytes);
            refused(&run, &data, &[expected]);
        }
    }
}

#[test]
fn licence_and_credit_code_spellings_match_one_establishment() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = format!(
        "{HEADER}{}",
        row("海之味快餐", "JY32108040012345", "91210804MA0XXXXX1A")
    );
    assert!(import_bytes(&data, first.as_bytes()).ok);
    // The same licence and credit code typed in lower case, full width and with spaces, saved
    // as GBK.
    let second = format!(
        "{HEADER}{}",
        row(
            "海之味快餐（青禾店）",
            "ｊｙ 3210 8040 012345",
            "９１２１０８０４ma0xxxxx1a"
        )
    );
    let run = import_bytes(&data, &gbk(&second));
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stdout.contains("新增 0 家，更新 1 家"),
        "{}",
        run.stdout
    );
    // Once more in other spellings: nothing new, nothing changed.
    let third = format!(
        "{HEADER}{}",
        row(
            "海之味快餐（青禾店）",
            " jy32108040012345",
            " 91210804ma0xxxxx1a "
        )
    );
    let run = import_bytes(&data, third.as_bytes());
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stdout.contains("新增 0 家，更新 0 家，未变 1 家"),
        "{}",
        run.stdout
    );
    // A stall known by its credit code alone, in two spellings.
    let fourth = format!("{HEADER}{}", row("望海超市", "", "91210804MA0YYYYY2B"));
    assert!(import_bytes(&data, fourth.as_bytes()).ok);
    let fifth = format!(
        "{HEADER}{}",
        row("望海超市（新）", "", "９１２１０８０４ＭＡ０ＹＹＹＹＹ２Ｂ")
    );
    let run = import_bytes(&data, &gbk(&fifth));
    assert!(
        run.stdout.contains("新增 0 家，更新 1 家"),
        "{}",
        run.stdout
    );
    let list = establishments(&data);
    assert_eq!(list.len(), 2, "{list:?}");
    let shop = list
        .iter()
        .find(|e| e["name"] == "海之味快餐（青禾店）")
        .expect("one");
    assert_eq!(shop["license_no"], "JY32108040012345");
    assert_eq!(shop["credit_code"], "91210804MA0XXXXX1A");
}

#[test]
fn control_characters_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bad) in [("nul", "\0"), ("esc", "\x1b[31m"), ("bidi", "\u{202e}")] {
        let text = format!("{HEADER}{}", row(&format!("海之味{bad}快餐"), "JY1", ""));
        let mut files = vec![("utf8", text.clone().into_bytes())];
        if name != "bidi" {
            files.push(("gbk", gbk(&text))); // GBK has no bidi controls
        }
        for (encoding, bytes) in files {
            let data = dir.path().join(format!("{name}-{encoding}"));
            let run = import_bytes(&data, &bytes);
            refused(&run, &data, &["第 2 行", "列“名称”"]);
        }
    }
}

#[test]
fn a_csv_saved_by_excel_reports_bad_rows_on_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{HEADER}{}{}{}",
        row("甲", "JY1", ""),
        row("乙", "JY2", ""),
        row("丙", "JY3", "").replace(",B,", ",E,")
    )
    .replace('\n', "\r\n");
    for (encoding, bytes) in [("utf8", text.clone().into_bytes()), ("gbk", gbk(&text))] {
        let data = dir.path().join(encoding);
        let run = import_bytes(&data, &bytes);
        refused(&run, &data, &["第 4 行, 列“风险等级”"]);
        assert!(!run.stderr.contains("第 5 行"), "{}", run.stderr);
    }
}
