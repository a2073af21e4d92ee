//! The printed reports in a real browser: headless Chromium prints the HTML to PDF, and the
//! PDF's text (poppler's pdftotext) and page count (pdfinfo) are checked as a reader would.
//!
//! Without Chromium this test says so and passes, except in CI (`CI` set), where a missing
//! browser is a failure: .ci/install-browser installs it.

use crate::support::cli;
use crate::support::district;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::district::{demo_district, read, report, serial_with_outcome};

/// How long one print may take before the browser is taken for hung.
const PRINT_LIMIT: Duration = Duration::from_secs(180);

fn chromium() -> Option<PathBuf> {
    let candidates = ["chromium", "chromium-browser", "google-chrome"];
    let from_path = std::env::var_os("PATH").into_iter().flat_map(|paths| {
        std::env::split_paths(&paths)
            .flat_map(|dir| candidates.map(|name| dir.join(name)))
            .collect::<Vec<_>>()
    });
    std::iter::once(PathBuf::from("/usr/bin/chromium"))
        .chain(from_path)
        .find(|p| p.is_file())
}

fn has_poppler() -> bool {
    Command::new("pdftotext")
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// The browser and poppler, or `None` when the test should be skipped (outside CI only).
fn tools() -> Option<PathBuf> {
    let browser = chromium();
    let poppler = has_poppler();
    if browser.is_some() && poppler {
        return browser;
    }
    let missing = match (browser.is_none(), poppler) {
        (true, false) => "chromium and poppler-utils",
        (true, true) => "chromium",
        _ => "poppler-utils",
    };
    if std::env::var_os("CI").is_some() {
        panic!("{missing} missing in CI: run .ci/install-browser");
    }
    // Straight to the process's stderr: the test harness hides what `println!` prints.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED report_browser: {missing} not installed (run .ci/install-browser)"
    );
    None
}

/// Prints `html` to `pdf` with headless Chromium, polling for its exit.
fn print_to_pdf(browser: &Path, html: &Path, pdf: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > PRINT_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish printing {}", html.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "chromium failed: {status}");
    assert!(pdf.is_file(), "no PDF written");
}

/// The PDF's text, with runs of white space made single spaces.
fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of one page (1-based), white space made single spaces.
fn page_text(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-f", &page, "-l", &page])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pdf_pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[test]
fn record_form_and_summary_print_on_a4() {
    let Some(browser) = tools() else { return };
    let district = demo_district();
    let dir = district.path();

    let serial = serial_with_outcome(dir, "basically_compliant");
    let html = report(dir, &["record", &serial], "record.html");
    let name = {
        let text = read(&html);
        let start = text.find("<strong>").unwrap() + "<strong>".len();
        let end = start + text[start..].find("</strong>").unwrap();
        text[start..end].to_string()
    };
    let pdf = dir.join("record.pdf");
    print_to_pdf(&browser, &html, &pdf);
    let text = pdf_text(&pdf);
    assert!(text.contains("日常监督检查结果记录表"), "{text}");
    assert!(text.contains(&name), "establishment {name} not in {text}");
    assert!(text.contains("☑ 基本符合"), "outcome not ticked: {text}");
    assert!(
        text.contains("☑ 书面限期整改"),
        "handling not ticked: {text}"
    );
    assert!(text.contains(&serial));
    assert!(text.contains("核验码"));
    let pages = pdf_pages(&pdf);
    assert!(
        (1..=2).contains(&pages),
        "a typical record on {pages} pages"
    );

    // A long form: the record code is on every page.
    let long = serial_with_outcome(dir, "non_compliant");
    let html = report(dir, &["record", &long], "long.html");
    let code = district::printed_code(&read(&html));
    let pdf = dir.join("long.pdf");
    print_to_pdf(&browser, &html, &pdf);
    let pages = pdf_pages(&pdf);
    assert!((1..=3).contains(&pages), "{pages} pages");
    for page in 1..=pages {
        let text = page_text(&pdf, page);
        assert!(
            text.contains(&format!("核验码 {code}")),
            "no code on page {page}: {text}"
        );
    }
    assert!(pdf_text(&pdf).contains("☑ 不符合"));

    // Two forms: each starts on its own page.
    let other = serial_with_outcome(dir, "compliant");
    let both = report(dir, &["record", &serial, &other], "both.html");
    let pdf = dir.join("both.pdf");
    print_to_pdf(&browser, &both, &pdf);
    assert!(pdf_pages(&pdf) >= 2);
    assert!(pdf_text(&pdf).contains(&other));

    let args = ["summary", "--from", "2026-01-01", "--to", "2026-06-30"];
    let summary = report(dir, &args, "summary.html");
    let pdf = dir.join("summary.pdf");
    print_to_pdf(&browser, &summary, &pdf);
    let text = pdf_text(&pdf);
    for heading in [
        "食品安全监督检查工作情况报表",
        "学校及校园周边检查覆盖情况",
        "最常见的不符合项",
        "明厨亮灶",
        "整改情况",
        "按风险等级的检查频次",
        "典型案例",
    ] {
        assert!(text.contains(heading), "{heading} not in the summary PDF");
    }
    assert!(pdf_pages(&pdf) >= 2);
}

/// Issue 13: the 责令改正通知书 of a record under a written order, on one A4 page, with its
/// items and findings, the deadline, the legal basis and the record code.
#[test]
fn a_rectification_order_prints_on_one_a4_page() {
    let Some(browser) = tools() else { return };
    let district = demo_district();
    let dir = district.path();
    let serial = serial_with_outcome(dir, "basically_compliant");
    let out = cli::shian(dir)
        .args(["inspections", "show", &serial, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let conclusion = &shown["inspection"]["conclusion"];
    assert_eq!(conclusion["handling"], "rectify_by_deadline");
    let deadline: chrono::NaiveDate = conclusion["deadline"].as_str().unwrap().parse().unwrap();
    let notes: Vec<String> = shown["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["verdict"] == "fail")
        .map(|a| a["note"].as_str().unwrap().to_string())
        .collect();
    assert!(!notes.is_empty());

    let html = report(dir, &["order", &serial], "order.html");
    let code = district::printed_code(&read(&html));
    let pdf = dir.join("order.pdf");
    print_to_pdf(&browser, &html, &pdf);
    assert_eq!(pdf_pages(&pdf), 1, "the order is one page");
    // Chinese text wraps anywhere: compared without white space.
    let text: String = pdf_text(&pdf).split_whitespace().collect();
    use chrono::Datelike as _;
    for needle in [
        "责令改正通知书".to_string(),
        format!("责改〔{serial}〕号"),
        format!(
            "整改期限：{}年{}月{}日",
            deadline.year(),
            deadline.month(),
            deadline.day()
        ),
        "（国家市场监督管理总局令第49号）第三十三条".to_string(),
        format!("核验码{code}"),
        "被检查单位签收（签名或盖章）".to_string(),
    ]
    .into_iter()
    .chain(notes.iter().map(|n| n.split_whitespace().collect()))
    {
        assert!(text.contains(&needle), "{needle} not in the order: {text}");
    }

    // A record that gave no written order has none: the command says so.
    let compliant = serial_with_outcome(dir, "compliant");
    let out = cli::shian(dir)
        .args(["report", "order", &compliant, "--out"])
        .arg(dir.join("none.html"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("不是书面限期整改"), "{err}");
}

#[test]
fn a_draw_prints_on_one_a4_page() {
    let Some(browser) = tools() else { return };
    let district = demo_district();
    let dir = district.path();
    let people = dir.join("inspectors.csv");
    std::fs::write(
        &people,
        "姓名,执法证号,单位\n周海明,21080401,望海所\n孙晓燕,21080402,红旗所\n王立,21080403,熊岳所\n",
    )
    .unwrap();
    cli::shian(dir)
        .args(["inspectors", "import"])
        .arg(&people)
        .assert()
        .success();
    cli::shian(dir)
        .args(["draw", "--count", "5", "--inspectors", "2"])
        .args(["--seed", "20270301", "--by", "刘科长"])
        .assert()
        .success();
    let html = dir.join("draw.html");
    cli::shian(dir)
        .args(["draws", "print", "1", "--out"])
        .arg(&html)
        .assert()
        .success();
    let pdf = dir.join("draw.pdf");
    print_to_pdf(&browser, &html, &pdf);
    let text = pdf_text(&pdf);
    assert!(text.contains("第 1 号抽取记录"), "{text}");
    assert!(text.contains("20270301"), "{text}");
    assert!(text.contains("刘科长"), "{text}");
    assert!(text.contains("监督人"), "{text}");
    assert_eq!(pdf_pages(&pdf), 1);
}

/// Issue 18: the record form the checklist's `form` names. The 2022 one (表2-2) prints its
/// title and the 告知页 as recorded; both print a result the inspectors set beside the counts,
/// with the computed one and their reason.
#[test]
fn each_record_form_prints_as_its_checklist_says_with_a_set_result_and_its_reason() {
    let station = district::empty_station();
    let dir = station.path();
    let (form_2022, form_2016) = crate::support::forms::records_on_both_forms(dir);
    let html_2022 = report(dir, &["record", &form_2022], "r2022.html");
    let html_2016 = report(dir, &["record", &form_2016], "r2016.html");
    // The HTML as written, checked with or without a browser.
    assert!(read(&html_2022).contains("食品经营监督检查结果记录表"));
    assert!(!read(&html_2016).contains("告知情况"));
    let Some(browser) = tools() else { return };

    let pdf = dir.join("r2022.pdf");
    print_to_pdf(&browser, &html_2022, &pdf);
    // Without spaces: the reason wraps where the cell ends.
    let flat = |text: &str| text.split_whitespace().collect::<String>();
    let text = flat(&pdf_text(&pdf));
    for expected in [
        "食品经营监督检查结果记录表",
        "飞行检查",
        "告知情况",
        "☑ 出示执法证件",
        "☐ 出示检查任务书",
        "被检查单位申请回避（处理情况：更换检查人员孙立）",
        "检查结果由检查人员确定为基本符合（按各项计数为不符合）；理由：投诉电话已当场补充公示",
        "☑ 基本符合",
    ] {
        assert!(text.contains(&flat(expected)), "{expected} not in {text}");
    }
    assert!(!text.contains("日常监督检查结果记录表"), "{text}");
    assert_eq!(pdf_pages(&pdf), 1);

    let pdf = dir.join("r2016.pdf");
    print_to_pdf(&browser, &html_2016, &pdf);
    let text = flat(&pdf_text(&pdf));
    assert!(text.contains("日常监督检查结果记录表"), "{text}");
    assert!(
        text.contains(
            "检查结果由检查人员确定为基本符合（按各项计数为不符合）；理由：公示栏已当场补全"
        ),
        "{text}"
    );
    assert!(!text.contains("告知情况"), "{text}");
    assert_eq!(pdf_pages(&pdf), 1);
}
