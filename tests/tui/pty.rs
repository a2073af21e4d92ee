//! End to end in a pseudo-terminal: the real binary, keys typed, the screen read back through a
//! terminal emulator, a SIGKILL in the middle of an inspection, and the stored record checked.
#![cfg(unix)]

use crate::support::cli::json_of;

use crate::support::pty::*;

fn detail_shows(text: &str, number: &str) -> bool {
    // The detail pane starts with the item's number after the list.
    text.lines().any(|l| {
        l.trim_start_matches('│')
            .trim_start()
            .starts_with(&format!("{number}  "))
    })
}

#[test]
fn inspect_kill_resume_finalize() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");

    let mut term = Term::start(&data);
    term.first_start();
    term.wait_for(&["首页", "待检查单位", "芦屯镇芦花小学"]);

    term.start_food_sample();
    term.wait_until("item 1.1", |t| detail_shows(t, "1.1"));

    term.send("1"); // 1.1 符合
    term.wait_until("item 1.2", |t| detail_shows(t, "1.2"));
    term.send("v");
    term.wait_for(&["测量值 (125- g):"]);
    term.send("100");
    term.send(ENTER); // below 125 g: proposes 不符合 and asks for a note
    term.wait_for(&["说明: ", "已答 2/10"]);
    term.send("留样不足125克");
    term.send(ENTER);
    term.wait_until("item 2.1", |t| detail_shows(t, "2.1"));
    term.send("2"); // 2.1 不符合
    term.wait_for(&["说明: ", "已答 3/10"]);
    term.send("冰箱内有饮料");
    term.send(ENTER);
    term.wait_until("item 2.2", |t| detail_shows(t, "2.2"));
    term.send("3"); // 2.2 合理缺项
    term.wait_until("item 2.3 with 4 answered", |t| {
        detail_shows(t, "2.3") && t.contains("已答 4/10")
    });

    // Power cut: nothing that was shown as saved may be lost.
    term.session
        .get_process_mut()
        .kill(Signal::SIGKILL)
        .expect("SIGKILL");
    drop(term);

    let mut term = Term::start(&data);
    term.wait_for(&["进行中的检查（草稿）", "鲅鱼圈区星帆小学"]);
    term.send(ENTER); // the draft is the first line
    term.wait_until("resumed at 2.3", |t| {
        detail_shows(t, "2.3") && t.contains("已答 4/10")
    });
    // The answers given before the kill are all there.
    let text = term.text();
    let row = |number: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!(" {number} ")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        row("1.1").contains("符合") && !row("1.1").contains("不符合"),
        "{text}"
    );
    assert!(row("1.2").contains("不符合"), "{text}");
    assert!(row("2.1").contains("不符合"), "{text}");
    assert!(row("2.2").contains("缺项"), "{text}");
    assert!(row("2.3").contains("未答"), "{text}");
    term.send("1"); // 2.3 符合
    term.wait_for(&["已答 5/10"]);
    // A 专项检查 covers every scored item: 2.4, 2.5, 3.1 and 3.2 are 合理缺项 here (3.3, a
    // text item, is not scored).
    for _ in 0..4 {
        term.send("3");
    }
    term.wait_for(&["已答 9/10"]);
    term.send("F");
    term.wait_for(&["检查结果:", "结果处理"]);
    term.choose_handling("当场整改");
    term.send(TAB); // deadline: in its place, disabled for 当场整改
    term.send(TAB);
    term.send("李四");
    term.send(TAB);
    term.send("21080002");
    term.send(TAB); // signatory: the person in charge is filled in
    term.send(TAB);
    term.send("无异议");
    term.send(TAB); // refused
    term.send(TAB); // witness
    term.send(TAB); // remarks
    term.send(TAB); // the result, as computed
    term.send(TAB); // its reason: none needed
    term.send(TAB); // finalize
    term.send(ENTER);
    term.wait_for(&["确认定稿？"]);
    term.send("y");
    term.wait_for(&["已定稿", "本年度第 1 次检查", "李四"]);
    term.send("\x03"); // Ctrl-C
    term.wait_exit();

    let list = json_of(
        &data,
        &["inspections", "list", "--json", "--status", "final"],
    );
    let id = list[0]["id"]
        .as_str()
        .expect("one final inspection")
        .to_string();
    let record = json_of(&data, &["inspections", "show", &id, "--json"]);
    let answer = |number: &str| {
        record["answers"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["number"] == number))
            .cloned()
            .unwrap_or_else(|| panic!("no answer to {number}: {record:#}"))
    };
    assert_eq!(answer("1.1")["verdict"], "pass");
    assert_eq!(answer("1.2")["verdict"], "fail");
    assert_eq!(answer("1.2")["value"], 100.0);
    assert_eq!(answer("1.2")["note"], "留样不足125克");
    assert_eq!(answer("2.1")["verdict"], "fail");
    assert_eq!(answer("2.1")["note"], "冰箱内有饮料");
    assert_eq!(answer("2.2")["verdict"], "not_applicable");
    assert_eq!(answer("2.3")["verdict"], "pass");
    assert_eq!(answer("3.2")["verdict"], "not_applicable");
    assert_eq!(record["answers"].as_array().map(Vec::len), Some(9));
    assert_eq!(record["inspection"]["status"], "final");
    // The food-sample checklist is a special one: 专项检查 unless chosen otherwise.
    assert_eq!(record["inspection"]["kind"], "special");
    assert_eq!(
        record["inspection"]["conclusion"]["handling"],
        "rectify_on_site"
    );
    assert_eq!(
        record["inspection"]["conclusion"]["operator_opinion"],
        "无异议"
    );
    assert_eq!(record["inspection"]["inspectors"][1]["name"], "李四");
    assert!(record["outcome"]["result"].is_string(), "{record:#}");
    assert_eq!(record["establishment"]["name"], "鲅鱼圈区星帆小学");
}

#[test]
fn english_on_request_and_the_terminal_is_given_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let mut term = Term::start_with(&data, &["--lang", "en"]);
    term.wait_for(&[
        "Welcome to shian",
        "Enforcement ID",
        "Load the sample roster",
    ]);
    term.send("\x03");
    term.wait_exit();
    let raw = String::from_utf8_lossy(&term.raw);
    // Raw mode and the alternate screen are left, bracketed paste is switched off again.
    assert!(raw.contains("\x1b[?1049l"), "alternate screen not left");
    assert!(raw.contains("\x1b[?2004l"), "bracketed paste not disabled");
    assert!(raw.rfind("\x1b[?2004h") < raw.rfind("\x1b[?2004l"));
    // Logs go to a file in the data folder, never to the screen.
    let log = std::fs::read_to_string(data.join("shian-tui.log")).expect("log file");
    assert!(
        log.contains("INFO start") && log.contains("INFO stop"),
        "{log}"
    );
}
