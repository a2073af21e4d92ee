//! Terminal escape sequences in establishment names and notes are shown as text, not obeyed:
//! on the TUI's screen and in the CLI's plain-text output (`roster list`, `inspections show`).
#![cfg(unix)]

use crate::support::cli::process;
use std::path::Path;

use crate::support::pty::*;

const HOSTILE_CSV: &str = "名称,类型,地址,镇街道,负责人,电话,许可证编号,统一社会信用代码,风险等级,明厨亮灶\n\x1b]0;pwned\x07坏店\x1b[2J,学校食堂,地址\x1b[31m红\u{9b}1m,红海街道,王\x1b[H,0417,JY32108040099999,,B,\n";

/// The establishment of `HOSTILE_CSV`, stored as a bundle from another station would store it.
fn add_hostile_establishment(data: &Path) {
    use shian::domain::establishment::{EstablishmentFacts, EstablishmentKind, RiskGrade};
    let mut store = shian::store::Store::open(data).expect("store");
    let facts = EstablishmentFacts {
        name: "\x1b]0;pwned\x07坏店\x1b[2J".into(),
        kind: EstablishmentKind::SchoolCanteen,
        address: "地址\x1b[31m红\u{9b}1m".into(),
        town: "红海街道".into(),
        person_in_charge: "王\x1b[H".into(),
        phone: "0417".into(),
        license_no: "JY32108040099999".into(),
        credit_code: String::new(),
        risk_grade: Some(RiskGrade::B),
        bright_kitchen: None,
    };
    store.add_establishment(&facts, "AB12CD").expect("add");
}

fn no_controls(out: &[u8]) {
    let text = String::from_utf8_lossy(out);
    let bad: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
        .collect();
    assert!(
        bad.is_empty(),
        "control characters printed: {bad:?} in {text}"
    );
}

#[test]
fn escape_sequences_in_names_are_text_in_the_cli_and_the_tui() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let csv = dir.path().join("hostile.csv");
    std::fs::write(&csv, HOSTILE_CSV).expect("csv");
    // The roster refuses control characters (issue 16), so such a name can only come from
    // elsewhere (a bundle, an older database): it is stored directly here.
    let out = process(&data)
        .args(["roster", "import"])
        .arg(&csv)
        .output()
        .expect("import");
    assert!(!out.status.success(), "a name with ESC was imported");
    no_controls(&out.stderr);
    add_hostile_establishment(&data);
    let list = process(&data)
        .args(["roster", "list"])
        .output()
        .expect("list");
    no_controls(&list.stdout);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(text.contains("^[]0;pwned^G坏店^[[2J"), "{text}");

    let mut term = Term::start(&data);
    term.wait_for(&["欢迎使用食安巡查", "执法证号"]);
    term.send("张三");
    term.send(TAB);
    term.send("21080001");
    term.send(TAB);
    term.send(TAB);
    term.send(" "); // untick the sample roster
    term.send(TAB);
    term.send(ENTER);
    term.wait_for(&["首页"]);
    term.send("/");
    term.wait_for(&["搜索:"]);
    term.send("JY32108040099999");
    term.wait_for(&["1 家", "坏店"]);
    let raw = String::from_utf8_lossy(&term.raw).to_string();
    assert!(
        !raw.contains("pwned\x07"),
        "the title sequence reached the terminal"
    );
    assert!(
        !raw.contains("\x1b]0;pwned"),
        "the title sequence reached the terminal"
    );
    assert!(!raw.contains("\u{9b}"), "a C1 control reached the terminal");
    // The screen was not cleared by the name: the search is still on it, the name as text.
    let screen = term.text();
    assert!(
        screen.contains("搜索:") && screen.contains("pwned"),
        "{screen}"
    );
    term.send("\x03");
    term.wait_exit();
}
