//! `shian checklists import`: tables as bureaus receive them, read by the real binary into
//! checklist files; problems named at their sheet, row and column.

use std::path::{Path, PathBuf};

use crate::support::cli::shian;
use crate::support::table::{SAMPLE, import, import_sample, sample};
use predicates::prelude::*;
use shian::domain::checklist::Checklist;
use shian::domain::establishment::EstablishmentKind;

/// Writes data/checklist-table-sample.xlsx as a bureau's table looks: title and count rows, a
/// header, and the section column merged down each section's rows. Run once with
/// `cargo test --test checklists_import -- --ignored make_sample_table`; the file is committed.
#[test]
#[ignore = "writes the sample file in data/"]
fn make_sample_table() {
    use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("要点表").expect("name");
    let bold = Format::new().set_bold();
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    sheet
        .write_string_with_format(
            0,
            0,
            "示例：餐饮服务检查要点表（虚构的示例，不是正式文件）",
            &bold,
        )
        .expect("title");
    sheet
        .write_string(1, 0, "重点项(*)3项，一般项5项，共8项")
        .expect("counts");
    let header = [
        "检查项目",
        "序号",
        "检查内容",
        "检查方法",
        "依据",
        "检查结果",
        "备注",
    ];
    for (col, text) in header.iter().enumerate() {
        sheet
            .write_string_with_format(2, col as u16, *text, &cell.clone().set_bold())
            .expect("header");
    }
    let mut row = 3u32;
    let mut section_start = row;
    let mut section = "";
    for (i, (heading, number, content, method, basis)) in SAMPLE.iter().enumerate() {
        if !heading.is_empty() {
            section = heading;
            section_start = row;
        }
        for (col, text) in [
            number,
            content,
            method,
            basis,
            &"□符合 □不符合 □合理缺项",
            &"",
        ]
        .iter()
        .enumerate()
        {
            sheet
                .write_string_with_format(row, col as u16 + 1, **text, &cell)
                .expect("cell");
        }
        let last_of_section = SAMPLE.get(i + 1).is_none_or(|next| !next.0.is_empty());
        if last_of_section {
            if row > section_start {
                sheet
                    .merge_range(section_start, 0, row, 0, section, &cell)
                    .expect("merge");
            } else {
                sheet
                    .write_string_with_format(row, 0, section, &cell)
                    .expect("section");
            }
        }
        row += 1;
    }
    sheet
        .write_string(
            row + 1,
            0,
            "注：本表为 shian 的示例，条目为示意，检查请以正式要点表为准。",
        )
        .expect("note");
    for (col, width) in [
        (0u16, 18.0),
        (1, 6.0),
        (2, 40.0),
        (3, 24.0),
        (4, 24.0),
        (5, 22.0),
    ] {
        sheet.set_column_width(col, width).expect("width");
    }
    book.save(sample()).expect("save");
}

#[test]
fn the_sample_workbook_imports_into_the_data_folder_with_its_numbers_and_key_items() {
    let data = tempfile::tempdir().expect("tempdir");
    let said = import_sample(data.path());
    assert!(said.contains("sample-table 8 项，其中重点项 3"), "{said}");
    let file = data.path().join("checklists/sample-table.toml");
    let toml = std::fs::read_to_string(&file).expect("written");
    assert!(toml.contains("title = \"许可与公示\""), "{toml}");

    // The data folder's catalog now has it, as shian reads it.
    let shown = shian(data.path())
        .args(["checklists", "show", "sample-table", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let checklist: Checklist = serde_json::from_slice(&shown).expect("json");
    let items: Vec<(&str, bool, &str)> = checklist
        .items()
        .map(|i| (i.id.as_str(), i.key, i.text.as_str()))
        .collect();
    let expected: Vec<(&str, bool, &str)> = SAMPLE
        .iter()
        .map(|(_, n, text, _, _)| (n.trim_start_matches('*'), n.starts_with('*'), *text))
        .collect();
    assert_eq!(items, expected);
    assert_eq!(checklist.sections.len(), 3);
    let first = checklist.item("1.1").expect("1.1");
    assert_eq!(first.guidance.as_deref(), Some(SAMPLE[0].3));
    assert_eq!(first.basis.as_deref(), Some(SAMPLE[0].4));
    assert_eq!(
        checklist.applies_to,
        vec![
            EstablishmentKind::Restaurant,
            EstablishmentKind::SchoolCanteen
        ]
    );

    // The written file passes the validator like any hand-written file.
    shian(data.path())
        .args(["checklists", "validate"])
        .arg(&file)
        .assert()
        .success();
    // A second import does not overwrite it without --force.
    import(
        data.path(),
        &sample(),
        &["--id", "sample-table", "--title", "示例要点表"],
    )
    .assert()
    .failure()
    .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), toml);
}

/// A CSV saved by Excel in China: GBK, sections on rows of their own, `*` after the number.
fn gbk_csv(dir: &Path, rows: &str) -> PathBuf {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(rows);
    assert!(!unmappable);
    let path = dir.join("要点表.csv");
    std::fs::write(&path, &bytes).expect("write");
    path
}

const CSV: &str = "销售检查要点表（示例）,,\r\n\
序号,检查内容,检查方法\r\n\
一、经营资质,,\r\n\
1.1*,营业执照和食品经营许可证齐全有效,查看证照\r\n\
1.2,经营项目与许可一致,核对货架\r\n\
二、标签与日期,,\r\n\
2.1*,在售食品都在保质期内,抽查货架\r\n";

#[test]
fn a_gbk_csv_with_section_rows_imports() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = gbk_csv(dir.path(), CSV);
    let out = import(
        data.path(),
        &csv,
        &["--id", "shop-table", "--title", "销售要点表", "--out", "-"],
    )
    .args(["--applies-to", "超市", "--outcome", "judgement"])
    .assert()
    .success()
    .get_output()
    .stdout
    .clone();
    let toml = String::from_utf8(out).expect("utf-8");
    assert!(toml.contains("outcome = \"judgement\""), "{toml}");
    assert!(toml.contains("title = \"标签与日期\""), "{toml}");
    assert!(
        toml.contains("id = \"2.1\"\ntext = \"在售食品都在保质期内\"\nkey = true"),
        "{toml}"
    );
    // `--out -` writes nothing into the data folder.
    assert!(!data.path().join("checklists").exists());
}

#[test]
fn an_error_on_row_n_is_reported_there_and_nothing_is_written() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    // Line 5 has no number. The table is read first: the repeated 1.1 of line 8 is reported
    // only once it reads.
    let rows = CSV.replace("1.2,经营项目", ",经营项目") + "1.1,又一个 1.1,\r\n";
    let csv = gbk_csv(dir.path(), &rows);
    let failed = import(
        data.path(),
        &csv,
        &["--id", "shop-table", "--title", "销售要点表"],
    )
    .assert()
    .failure()
    .get_output()
    .stderr
    .clone();
    let stderr = String::from_utf8(failed).expect("utf-8");
    let name = csv.display().to_string();
    assert!(
        stderr.contains(&format!("{name}:5:1: 这一行有检查内容但没有序号")),
        "{stderr}"
    );
    assert!(!data.path().join("checklists").exists());

    // Once the number is there, the checklist rules report the repeated 1.1 at its cell.
    let rows = CSV.to_string() + "1.1,又一个 1.1,\r\n";
    let csv = gbk_csv(dir.path(), &rows);
    import(
        data.path(),
        &csv,
        &["--id", "shop-table", "--title", "销售要点表"],
    )
    .assert()
    .failure()
    .stderr(predicate::str::contains(format!("{name}:8:1: ")))
    .stderr(predicate::str::contains("1.1"));
}

#[test]
fn stated_counts_that_differ_from_the_table_are_an_error_at_the_title_row() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let rows = format!("重点项(*)3项，一般项1项，共4项,,\r\n{CSV}");
    let csv = gbk_csv(dir.path(), &rows);
    shian(data.path())
        .args(["checklists", "import"])
        .arg(&csv)
        .args([
            "--id",
            "shop-table",
            "--title",
            "销售要点表",
            "--lang",
            "en",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(":1:1: the title states 3 key"));
}

#[test]
fn a_workbook_error_names_the_sheet_row_and_column_and_a_bad_id_the_command_line() {
    use rust_xlsxwriter::Workbook;
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("表.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("第二版").expect("name");
    // The table starts at B3, as tables pasted below a letterhead do.
    let rows: [[&str; 3]; 4] = [
        ["检查项目", "序号", "检查内容"],
        ["一、许可", "*1.1", "许可证有效"],
        ["", "1.2", ""],
        ["", "1.3", "量化等级公示"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                sheet
                    .write_string(2 + r as u32, 1 + c as u16, *text)
                    .expect("cell");
            }
        }
    }
    book.save(&path).expect("save");
    // 1.2 has no text: the format's rule, at row 5, column D (4).
    import(data.path(), &path, &["--id", "second", "--title", "第二版"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "{}[第二版]:5:4: ",
            path.display()
        )));
    import(
        data.path(),
        &sample(),
        &["--id", "Bad_Id", "--title", "表", "--out", "-"],
    )
    .assert()
    .failure()
    .stderr(predicate::str::contains("（命令行参数）"))
    .stderr(predicate::str::contains("Bad_Id"));
    assert!(!data.path().join("checklists").exists());
}
