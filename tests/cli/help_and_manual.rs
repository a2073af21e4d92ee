//! The help, the manual pages and the shell completions as a user meets them: `shian --help` in
//! Chinese unless English is asked for, and the files the Debian package installs
//! (docs/packaging.md).

use assert_cmd::Command;

fn help(args: &[&str], env_lang: Option<&str>) -> String {
    let mut cmd = Command::cargo_bin("shian").expect("binary");
    cmd.env_remove("SHIAN_LANG").args(args);
    if let Some(lang) = env_lang {
        cmd.env("SHIAN_LANG", lang);
    }
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn help_is_in_chinese_by_default_and_in_english_when_asked() {
    let zh = help(&["--help"], None);
    assert!(zh.contains("用法：shian"), "{zh}");
    assert!(zh.contains("检查表：列出、查看、校验"), "{zh}");
    assert!(zh.contains("显示帮助"), "{zh}");
    assert!(!zh.contains("Usage"), "{zh}");

    let en = help(&["--lang", "en", "--help"], None);
    assert!(en.contains("Usage: shian"), "{en}");
    assert!(en.contains("Checklists: list, show, validate"), "{en}");
    assert!(!en.contains("用法"), "{en}");
}

#[test]
fn every_subcommand_help_follows_the_language() {
    let zh = help(&["report", "summary", "--help"], None);
    assert!(zh.contains("阶段汇总"), "{zh}");
    assert!(zh.contains("只统计该镇/街道的单位"), "{zh}");
    let zh = help(&["help", "devices", "revoke"], None);
    assert!(zh.contains("不再接受某站点的数据包"), "{zh}");

    let en = help(&["report", "summary", "--help"], Some("en"));
    assert!(en.contains("Summary of a period as HTML"), "{en}");
    assert!(en.contains("Only establishments of this 镇/街道"), "{en}");
    let en = help(&["devices", "revoke", "--lang=en", "-h"], None);
    assert!(en.contains("Stop accepting bundles from a station"), "{en}");
}

#[test]
fn a_manual_page_for_shian_and_each_subcommand_in_both_languages_and_the_completions() {
    let out = tempfile::tempdir().expect("tempdir");
    let written = shian::cli::package_files::write(out.path()).expect("package files");
    let page = |folder: &str, name: &str| {
        let path = out.path().join(folder).join(format!("{name}.1"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    for name in [
        "shian",
        "shian-checklists",
        "shian-checklists-validate",
        "shian-roster-import",
        "shian-inspections-show",
        "shian-report-summary",
        "shian-demo",
        "shian-identity-export",
        "shian-devices-trust",
        "shian-export",
        "shian-import",
    ] {
        let en = page("man/man1", name);
        let zh = page("man/zh_CN/man1", name);
        for section in [
            ".TH ",
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH OPTIONS",
        ] {
            assert!(en.contains(section), "{name}: no {section} in\n{en}");
        }
        for section in [".TH ", ".SH 名称", ".SH 概述", ".SH 描述", ".SH 选项"] {
            assert!(zh.contains(section), "{name}: no {section} in\n{zh}");
        }
    }
    let en = page("man/man1", "shian-report-summary");
    assert!(en.contains("Summary of a period as HTML"), "{en}");
    let zh = page("man/zh_CN/man1", "shian-report-summary");
    assert!(zh.contains("阶段汇总（HTML）"), "{zh}");
    // The overview page lists the subcommands, not the `help` one of the terminal.
    let zh = page("man/zh_CN/man1", "shian");
    assert!(
        zh.contains(".SH 命令") && zh.contains("shian\\-report(1)"),
        "{zh}"
    );
    assert!(!zh.contains("shian\\-help"), "{zh}");

    let bash = std::fs::read_to_string(out.path().join("completions/shian.bash")).expect("bash");
    assert!(bash.contains("complete -F _shian"), "{bash}");
    assert!(
        bash.contains("checklists roster inspections report"),
        "{bash}"
    );
    let zsh = std::fs::read_to_string(out.path().join("completions/_shian")).expect("zsh");
    assert!(zsh.starts_with("#compdef shian"), "{zsh}");
    assert!(zsh.contains("检查表：列出、查看、校验"), "{zsh}");

    let pages = |folder: &str| {
        std::fs::read_dir(out.path().join(folder))
            .expect("dir")
            .count()
    };
    assert_eq!(pages("man/man1"), pages("man/zh_CN/man1"));
    assert_eq!(written, 2 * pages("man/man1") + 2);
}
