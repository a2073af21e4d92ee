//! Every byte shian writes to a terminal goes through one sanitizer (issue 16 item 1): error
//! messages on stderr that echo a file's bytes, the error chain `main` prints, and the
//! first-contact prompt, whose claimed station name is marked as claimed and cleaned so that it
//! cannot print a fake fingerprint line and hide the real one (SGR 8).

use crate::support::bundle;
use crate::support::cli::process;
use std::process::{Command, Output, Stdio};

/// ESC sequences (OSC title, SGR 8 "hidden", clear screen), BEL, a C1 CSI and a bidi override.
const HOSTILE: &str = "\x1b]0;pwned\x07\x1b[8m隐藏\x1b[0m\x1b[2J\u{9b}31m\u{202e}abc";

/// The characters that would drive a terminal: controls other than newline and tab, and the
/// bidi controls that reorder what follows them.
fn drivers(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

fn failed_cleanly(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "succeeded: {stderr}");
    assert!(drivers(&out.stderr).is_empty(), "raw: {:?}", stderr);
    assert!(drivers(&out.stdout).is_empty());
    stderr
}

#[test]
fn roster_errors_that_echo_a_field_reach_stderr_cleaned() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("roster.csv");
    let text = format!(
        "名称,类型,地址,镇街道,负责人,电话,许可证编号,统一社会信用代码,风险等级,明厨亮灶,{HOSTILE}\n\
         海之味快餐,{HOSTILE},青禾路1号,红海街道,李某,,JY1,,{HOSTILE},透明厨房,x\n"
    );
    std::fs::write(&csv, text).unwrap();
    let out = process(&tmp.path().join("data"))
        .args(["roster", "import"])
        .arg(&csv)
        .output()
        .unwrap();
    let stderr = failed_cleanly(&out);
    assert!(stderr.contains("U+001B"), "{stderr}");
}

#[test]
fn the_error_chain_main_prints_is_cleaned() {
    let tmp = tempfile::tempdir().unwrap();
    // A file name that does not exist: the I/O error names it, through anyhow's chain in main.
    let missing = tmp.path().join(format!("{HOSTILE}.csv"));
    let out = process(&tmp.path().join("data"))
        .args(["roster", "import"])
        .arg(&missing)
        .output()
        .unwrap();
    let stderr = failed_cleanly(&out);
    assert!(stderr.contains("^[]0;pwned^G"), "{stderr}");
}

#[test]
fn checklist_errors_that_echo_a_key_are_cleaned() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("bad.toml");
    std::fs::write(
        &file,
        "id = \"x\"\nversion = 1\n\"\\u001b]0;pwned\\u0007\\u001b[8m\" = 1\n",
    )
    .unwrap();
    let out = process(&tmp.path().join("data"))
        .args(["checklists", "validate"])
        .arg(&file)
        .output()
        .unwrap();
    failed_cleanly(&out);
}

/// On a pseudo-terminal (util-linux `script`), the first office bundle's prompt: the name the
/// bundle claims is shown marked as claimed, with its escapes as visible text; the one
/// fingerprint line is the one shian computed.
#[test]
fn the_first_contact_prompt_marks_the_name_as_claimed_and_cleans_it() {
    use bundle::*;
    let tmp = tempfile::tempdir().unwrap();
    let office = tmp.path().join("office");
    demo(&office, 4, 0, 2);
    let fake = "\x1b[8m\n密钥指纹：00 11 22 33\x1b[0m\u{202e}";
    let bundle = export(
        &office,
        &tmp.path().join("out"),
        &["--roster", "--name", fake],
    );
    let real = fingerprint(&office);
    let laptop = tmp.path().join("laptop");
    let line = format!(
        "{} --data-dir '{}' import '{}'",
        env!("CARGO_BIN_EXE_shian"),
        laptop.display(),
        bundle.display()
    );
    let Ok(mut child) = Command::new("script")
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .env_remove("SHIAN_LANG")
        .env_remove("SHIAN_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    else {
        eprintln!("skipped: no `script` command for a pseudo-terminal");
        return;
    };
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"n\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let screen = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(screen.contains("[y/N]"), "no prompt: {screen}");
    assert!(
        !screen.contains("\x1b[8m"),
        "SGR 8 reached the terminal: {screen:?}"
    );
    assert!(!screen.contains('\u{202e}'), "{screen:?}");
    assert!(screen.contains("^[[8m"), "{screen:?}");
    assert!(
        screen.contains("自称"),
        "the name is not marked as claimed: {screen}"
    );
    // Only one line starts with the fingerprint label, and it carries the computed fingerprint.
    let fingerprint_lines: Vec<&str> = screen
        .lines()
        .filter(|l| l.trim_start().starts_with("密钥指纹"))
        .collect();
    assert_eq!(fingerprint_lines.len(), 1, "{screen}");
    assert!(fingerprint_lines[0].contains(&real), "{screen}");
}

/// The TUI draws through ratatui's buffer, which drops every grapheme holding a control
/// character and every zero-width one (bidi overrides, zero-width spaces): what it sends to the
/// terminal holds none of them. (tests/hostile_text.rs checks the raw pty output too.)
#[test]
fn the_tui_buffer_keeps_no_control_or_bidi_character() {
    use ratatui::widgets::{Paragraph, Widget};
    let area = ratatui::layout::Rect::new(0, 0, 80, 3);
    let mut buffer = ratatui::buffer::Buffer::empty(area);
    Paragraph::new(format!("海之味{HOSTILE}快餐\u{200b}\u{2066}x\u{2069}"))
        .render(area, &mut buffer);
    let drawn: String = buffer.content().iter().map(|c| c.symbol()).collect();
    assert!(drivers(drawn.as_bytes()).is_empty(), "{drawn:?}");
    assert!(!drawn.contains('\u{200b}') && !drawn.contains('\u{2066}'));
    assert!(drawn.contains("pwned") && drawn.contains("海"), "{drawn:?}");
}
