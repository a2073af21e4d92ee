//! Power cuts while answering: the real TUI in a pseudo-terminal, SIGKILLed at random moments
//! right after a key that saves an answer. Every answer the screen showed as saved (the
//! "已答 n/10" count and the item's verdict) must be in the database afterwards, and the
//! database must pass `PRAGMA integrity_check`.
#![cfg(unix)]

use crate::support::cli::json_of;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::pty::*;

/// The number of the item in the detail pane, e.g. `2.1`.
fn current_item(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        // The detail pane is boxed; the list's rows are not.
        let t = l.strip_prefix('│')?.trim_start();
        let (number, _) = t.split_once("  ")?;
        let ok = !number.is_empty()
            && number.contains('.')
            && number.chars().all(|c| c.is_ascii_digit() || c == '.');
        ok.then(|| number.to_string())
    })
}

fn answered(text: &str) -> Option<usize> {
    let rest = text.split("已答 ").nth(1)?;
    rest.split('/').next()?.trim().parse().ok()
}

/// The draft's answers in the database, by item number.
fn stored_answers(data: &Path) -> std::collections::BTreeMap<String, String> {
    let list = json_of(
        data,
        &["inspections", "list", "--json", "--status", "draft"],
    );
    let id = list[0]["id"].as_str().expect("a draft").to_string();
    let record = json_of(data, &["inspections", "show", &id, "--json"]);
    record["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .filter_map(|a| {
            Some((
                a["number"].as_str()?.to_string(),
                a["verdict"].as_str()?.to_string(),
            ))
        })
        .collect()
}

/// The check items of the food-sample checklist (the others take a value or text).
const CHECK_ITEMS: [&str; 6] = ["1.1", "2.1", "2.4", "2.5", "3.1", "3.2"];
const ALL_ITEMS: [&str; 10] = [
    "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3",
];

fn pick(rng: &mut fastrand::Rng) -> (&'static str, &'static str) {
    if rng.bool() {
        ("3", "not_applicable")
    } else {
        ("1", "pass")
    }
}

/// Moves the selection to `item` with j/k, one step at a time.
fn go_to(term: &mut Term, item: &str) {
    let target = ALL_ITEMS.iter().position(|i| *i == item).expect("item");
    loop {
        term.wait_until("an item", |t| current_item(t).is_some());
        let now = current_item(&term.text()).expect("item");
        let at = ALL_ITEMS
            .iter()
            .position(|i| *i == now)
            .expect("known item");
        if at == target {
            return;
        }
        term.send(if at < target { "j" } else { "k" });
        // A key sent while the form is still settling (resuming jumps to the next unanswered
        // item) can be overtaken; then look again and send another.
        let start = Instant::now();
        while current_item(&term.text()).as_deref() == Some(now.as_str())
            && start.elapsed() < Duration::from_secs(2)
        {
            std::thread::sleep(Duration::from_millis(10));
            term.pump();
        }
    }
}

/// The item's row in the list shows the verdict.
fn shows_verdict(text: &str, item: &str, verdict: &str) -> bool {
    let Some(row) = text.lines().find(|l| l.starts_with(&format!(" {item} "))) else {
        return false;
    };
    match verdict {
        "pass" => row.contains("符合") && !row.contains("不符合"),
        _ => row.contains("缺项"),
    }
}

#[test]
fn answers_shown_as_saved_survive_a_kill() {
    let seed = std::env::var("SHIAN_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20261129u64);
    eprintln!("kill seed {seed} (set SHIAN_KILL_SEED to repeat)");
    let mut rng = fastrand::Rng::with_seed(seed);
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");

    let mut term = Term::start(&data);
    term.first_start();
    term.start_food_sample();

    // What the screen confirmed: item number → verdict.
    let mut shown: std::collections::BTreeMap<String, String> = Default::default();
    let trials = 12;
    let mut lost = 0;
    for trial in 0..trials {
        if trial > 0 {
            term = Term::start(&data);
            term.wait_for(&["进行中的检查（草稿）", "鲅鱼圈区星帆小学"]);
            term.send(ENTER);
            term.wait_until("the form", |t| {
                answered(t).is_some() && current_item(t).is_some()
            });
        }
        for _ in 0..rng.usize(1..=2) {
            let item = CHECK_ITEMS[rng.usize(..CHECK_ITEMS.len())];
            go_to(&mut term, item);
            let (key, verdict) = pick(&mut rng);
            term.send(key);
            term.wait_until("the answer saved", |t| shows_verdict(t, item, verdict));
            shown.insert(item.to_string(), verdict.to_string());
        }
        let item = CHECK_ITEMS[rng.usize(..CHECK_ITEMS.len())];
        go_to(&mut term, item);
        let (key, last_verdict) = pick(&mut rng);
        // One more answer, and the power goes at a random moment around its saving.
        term.send(key);
        std::thread::sleep(std::time::Duration::from_micros(rng.u64(0..30_000)));
        term.session
            .get_process_mut()
            .kill(Signal::SIGKILL)
            .expect("SIGKILL");
        drop(term);
        term = Term::start(&data);
        let stored = stored_answers(&data);
        for (shown_item, verdict) in &shown {
            // The last key may have changed this answer: then the new verdict was saved.
            let changed =
                *shown_item == item && stored.get(item).map(String::as_str) == Some(last_verdict);
            if stored.get(shown_item) != Some(verdict) && !changed {
                lost += 1;
            }
        }
        assert!(
            stored.len() <= shown.len() + 1,
            "an answer appeared twice or from nowhere"
        );
        assert_eq!(lost, 0, "shown {shown:?}, stored {stored:?}");
        // The answer that may have been saved just before the kill counts as shown from now on.
        for (stored_item, verdict) in stored {
            shown.insert(stored_item, verdict);
        }
    }
    drop(term);
    let store = shian::store::Store::open(&data).expect("open");
    assert!(store.integrity_check().expect("check").is_empty());
    eprintln!(
        "{trials} kills while answering; {} answers shown as saved, {lost} lost",
        shown.len()
    );
}
