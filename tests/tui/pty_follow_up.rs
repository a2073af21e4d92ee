//! Issue 13 end to end with the real binary in a pseudo-terminal: an inspection that gives a
//! written order, its 责令改正通知书 printed from the record, then the 复查 chosen on 首页 before
//! the deadline, listing only the item under rectification, which passes and closes the order.
#![cfg(unix)]

use crate::support::cli::json_of;

use crate::support::pty::*;

/// From the handling on the review: the deadline (kept), the second inspector, on to 确认定稿,
/// then `y`.
fn sign_off(term: &mut Term) {
    term.send(TAB); // deadline
    term.send(TAB);
    term.send("李四");
    term.send(TAB);
    term.send("21080002");
    for _ in 0..8 {
        // signatory, opinion, refused, witness, remarks, the result, its reason, finalize
        term.send(TAB);
    }
    term.send(ENTER);
    term.wait_for(&["确认定稿？"]);
    term.send("y");
}

#[test]
fn inspect_order_follow_up_closed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let out = dir.path().join("printed");

    let mut term = Term::start(&data);
    term.first_start();

    // Inspect: the food-sample checklist of 星帆小学, 2.1 fails.
    term.start_food_sample();
    term.send("1");
    term.wait_for(&["已答 1/10"]);
    term.send("1");
    term.wait_for(&["已答 2/10"]);
    term.send("2");
    term.wait_for(&["说明: "]);
    term.send("冰箱内有饮料");
    term.send(ENTER);
    term.wait_for(&["已答 3/10"]);
    // A 专项检查 covers every scored item: the six left (2.2 to 3.2) are 合理缺项 here.
    for _ in 0..6 {
        term.send("3");
    }
    term.wait_for(&["已答 9/10"]);
    term.send("F");
    term.wait_for(&["检查结果:", "结果处理"]);
    term.choose_handling("书面限期整改");
    sign_off(&mut term);
    term.wait_for(&["已定稿", "按 O 打印责令改正通知书"]);

    // The order, from the record just made.
    term.send("O");
    term.wait_for(&["责令改正通知书"]);
    term.send(&out.display().to_string());
    term.send(ENTER);
    term.wait_for(&["shian-order-"]);
    term.send("\x1b"); // Esc: home
    term.wait_for(&["整改待复查", "鲅鱼圈区星帆小学", "整改期限"]);

    // The 复查 from 首页, before the deadline: only 2.1, with what was found.
    term.send(ENTER); // the order to follow up is the first line
    term.wait_for(&["选择检查表", "食品留样专项检查表"]);
    term.send(ENTER);
    term.wait_for(&["整改项（复查", "已答 0/1", "原检查", "冰箱内有饮料"]);
    term.send("1"); // 2.1 now complies
    term.wait_for(&["已答 1/1"]);
    term.send("F");
    term.wait_for(&["检查结果:", "< 通过 >"]);
    sign_off(&mut term);
    term.wait_for(&["已定稿"]);
    term.send("\x03");
    term.wait_exit();

    // The order closed by the 复查, which names it; the printed order on disk.
    let orders = json_of(&data, &["rectifications", "list", "--json"]);
    let orders = orders.as_array().expect("list");
    assert_eq!(orders.len(), 1, "{orders:#?}");
    let follow_ups = json_of(&data, &["inspections", "list", "--follow-ups", "--json"]);
    let follow_up = &follow_ups[0];
    assert_eq!(orders[0]["follow_up_id"], follow_up["id"], "{orders:#?}");
    assert_eq!(orders[0]["open"], false, "{orders:#?}");
    let ordered = &follow_up["follows_up"][0];
    assert!(ordered.is_string(), "{follow_up:#}");
    let printed = std::fs::read_dir(&out)
        .expect("the order's folder")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("shian-order-"))
        .expect("the order file");
    let html = std::fs::read_to_string(printed.path()).expect("read");
    assert!(html.contains("冰箱内有饮料") && html.contains(ordered.as_str().unwrap_or("-")));
}
