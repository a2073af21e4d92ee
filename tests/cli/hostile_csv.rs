//! Hostile roster CSV files: a 50 MB line, a file over the size limit, the wrong encoding and
//! the wrong columns. Each is refused with a clear message (naming line and column), nothing
//! is imported, and no huge value is echoed back.

use crate::support::cli::process;
use std::path::Path;
use std::process::Output;

const HEADER: &str =
    "名称,类型,地址,镇街道,负责人,电话,许可证编号,统一社会信用代码,风险等级,明厨亮灶\n";

fn import(data: &Path, csv: &Path) -> Output {
    process(data)
        .args(["roster", "import"])
        .arg(csv)
        .output()
        .unwrap()
}

fn refused(out: &Output, expected: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "imported: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains(expected), "unclear: {stderr}");
    assert!(
        stderr.len() < 10_000,
        "the message echoes the file: {} bytes",
        stderr.len()
    );
}

fn establishments(data: &Path) -> usize {
    let store = shian::store::Store::open(data).unwrap();
    store.establishments().unwrap().len()
}

#[test]
fn hostile_roster_files_are_refused_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let csv = tmp.path().join("roster.csv");

    // A 50 MB name on line 2.
    let mut text = String::from(HEADER);
    text.push_str(&"食".repeat(50_000_000 / 3));
    text.push_str(",学校食堂,地址,红海街道,王,0417,JY1,,B,\n");
    std::fs::write(&csv, &text).unwrap();
    refused(&import(&data, &csv), "第 2 行, 列“名称”: 内容过长");

    // Over the file limit: refused before it is read whole.
    let file = std::fs::File::create(&csv).unwrap();
    file.set_len(shian::roster::MAX_FILE_BYTES as u64 + 10)
        .unwrap();
    refused(&import(&data, &csv), "文件过大");

    // UTF-16 without a byte-order mark (with one, it is read as UTF-16: see below).
    let utf16 =
        |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect() };
    std::fs::write(&csv, utf16(HEADER)).unwrap();
    refused(&import(&data, &csv), "没有 BOM 的 UTF-16");
    // The wrong columns, and a row with too many fields.
    std::fs::write(&csv, "name,kind\nA,B\n").unwrap();
    refused(&import(&data, &csv), "表头缺少此列");
    std::fs::write(
        &csv,
        format!("{HEADER}甲,学校食堂,地址,红海街道,王,1,JY2,,B,,extra\n"),
    )
    .unwrap();
    refused(&import(&data, &csv), "应有 10 列，实际 11 列");

    assert_eq!(
        establishments(&data),
        0,
        "a refused file imported something"
    );

    // "Unicode text" as Excel saves it (UTF-16 with a byte-order mark) is read correctly.
    let row = "乙,学校食堂,地址,红海街道,王,1,JY3,,B,\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(utf16(&format!("{HEADER}{row}")));
    std::fs::write(&csv, bytes).unwrap();
    assert!(import(&data, &csv).status.success());
    assert_eq!(establishments(&data), 1);
}
