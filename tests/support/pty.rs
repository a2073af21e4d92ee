//! The real binary in a pseudo-terminal, its screen read back through a terminal emulator:
//! shared by the end-to-end, kill and hostile-text tests.
#![allow(unused_imports)]

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
pub use expectrl::process::unix::{PtyStream, Signal, UnixProcess};

pub const COLS: u16 = 80;
pub const ROWS: u16 = 24;
pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Term {
    pub session: Session<UnixProcess, PtyStream>,
    pub screen: vt100::Parser,
    /// Everything the program wrote, to check how it leaves the terminal.
    pub raw: Vec<u8>,
}

impl Term {
    pub fn start(data_dir: &Path) -> Term {
        Term::start_with(data_dir, &[])
    }

    pub fn start_with(data_dir: &Path, args: &[&str]) -> Term {
        let mut cmd = super::cli::process(data_dir);
        cmd.args(args)
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1");
        let mut session = Session::spawn(cmd).expect("spawn shian in a pty");
        session
            .get_process_mut()
            .set_window_size(COLS, ROWS)
            .expect("window size");
        Term {
            session,
            raw: Vec::new(),
            screen: vt100::Parser::new(
                std::num::NonZero::new(ROWS).expect("rows"),
                std::num::NonZero::new(COLS).expect("cols"),
                0,
            ),
        }
    }

    pub fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    self.raw.extend_from_slice(&buf[..n]);
                    self.screen.process(&buf[..n]);
                }
                Err(_) => break,
            }
        }
    }

    pub fn wait_exit(&mut self) {
        let start = Instant::now();
        while self.session.get_process().is_alive().unwrap_or(false) {
            assert!(start.elapsed() < TIMEOUT, "shian did not quit");
            self.pump();
            std::thread::sleep(Duration::from_millis(20));
        }
        self.pump();
    }

    pub fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Polls the screen until every one of `needles` is on it.
    pub fn wait_for(&mut self, needles: &[&str]) {
        let start = Instant::now();
        loop {
            self.pump();
            let text = self.text();
            if needles.iter().all(|n| text.contains(n)) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {needles:?}; screen:\n{text}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_until(&mut self, what: &str, test: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            self.pump();
            let text = self.text();
            if test(&text) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen:\n{text}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).expect("write keys");
        self.session.flush().expect("flush keys");
    }

    /// On the review: → until the handling shown is `handling` (`< 当场整改 >`).
    pub fn choose_handling(&mut self, handling: &str) {
        let shown = format!("< {handling} >");
        for _ in 0..5 {
            let before = self.text();
            if before.contains(&shown) {
                break;
            }
            self.send("\x1b[C");
            self.wait_until("the next handling", |t| t != before);
        }
        self.wait_for(&[&shown]);
    }

    /// The first start as 张三 (21080001): the bureau is filled in already and the sample roster
    /// ticked, so Enter on 开始 leads to 首页.
    pub fn first_start(&mut self) {
        self.wait_for(&["欢迎使用食安巡查", "执法证号"]);
        self.send("张三");
        self.send(TAB);
        self.send("21080001");
        self.send(TAB);
        self.send(TAB);
        self.send(TAB);
        self.send(ENTER);
        self.wait_for(&["首页", "待检查单位"]);
    }

    /// From 首页: 鲅鱼圈区星帆小学 found by its pinyin initials, the 食品留样专项检查表 chosen
    /// wherever it stands in the chooser, and started: the form with none of its 10 items
    /// answered.
    pub fn start_food_sample(&mut self) {
        self.send("/");
        self.wait_for(&["搜索:"]);
        self.send("xfxx");
        self.wait_for(&["1 家", "鲅鱼圈区星帆小学", "JY32108040036702"]);
        self.send(ENTER);
        self.wait_for(&["选择检查表", "食品留样专项检查表"]);
        // Move down to the food-sample checklist, whatever its place in the list.
        let marked = |text: &str| {
            text.lines()
                .find(|l| l.contains("> "))
                .map(|l| l.to_string())
                .unwrap_or_default()
        };
        for _ in 0..10 {
            let before = marked(&self.text());
            if before.contains("食品留样专项检查表") {
                break;
            }
            self.send("\x1b[B");
            self.wait_until("the next checklist", |t| marked(t) != before);
        }
        self.send(ENTER);
        self.wait_for(&["已答 0/10", "留样范围与数量"]);
    }
}

pub const ENTER: &str = "\r";
pub const TAB: &str = "\t";
