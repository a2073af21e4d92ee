//! The office's screens through the shell on a real store (issue 14): the same rules and
//! records as `shian inspectors` and `shian draw`.

use super::*;
use crate::tui::app::Screen;

/// Through the shell on a real store: the inspector added and retired as `shian inspectors`
/// would, a draw kept under its number, and its page and CSV written.
#[test]
fn the_office_screens_use_the_store_as_the_command_line_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell =
        crate::tui::effects::Shell::open(dir.path(), Lang::Zh, "OFFICE".into()).unwrap();
    shell
        .store
        .import_roster(
            &roster().into_iter().map(|e| e.facts).collect::<Vec<_>>(),
            "OFFICE",
        )
        .unwrap();
    let mut app = super::shell::started(&mut shell);
    assert!(
        app.home.office,
        "a station that trusts no office is the office"
    );
    super::shell::run(&mut app, &mut shell, ch('i'));
    super::shell::run(&mut app, &mut shell, ch('a'));
    for (i, text) in ["周海明", "21080401", "望海所", "", ""]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            super::shell::run(&mut app, &mut shell, press(KeyCode::Enter));
        }
        super::shell::keys(&mut app, &mut shell, text);
    }
    super::shell::run(&mut app, &mut shell, press(KeyCode::Enter));
    super::shell::run(&mut app, &mut shell, ch('a'));
    super::shell::keys(&mut app, &mut shell, "孙晓燕");
    super::shell::run(&mut app, &mut shell, press(KeyCode::Enter));
    super::shell::keys(&mut app, &mut shell, "21080402");
    for _ in 0..4 {
        super::shell::run(&mut app, &mut shell, press(KeyCode::Enter));
    }
    let listed = shell.store.office_inspectors().unwrap();
    assert_eq!(listed.len(), 2);
    // Retire the one selected: the one just added.
    super::shell::run(&mut app, &mut shell, ch('r'));
    super::shell::run(&mut app, &mut shell, ch('y'));
    let listed = shell.store.office_inspectors().unwrap();
    assert!(
        !listed
            .iter()
            .find(|i| i.badge == "21080402")
            .unwrap()
            .active
    );

    // Esc home, then a draw of two establishments, one inspector each.
    super::shell::run(&mut app, &mut shell, press(KeyCode::Esc));
    super::shell::run(&mut app, &mut shell, ch('w'));
    draw_two_with_seed_7(&mut app, &mut shell);
    let kept = shell.store.draws().unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!((kept[0].number, kept[0].seed.as_str()), (1, "7"));
    assert_eq!(kept[0].made_by, "张三");
    assert!(
        kept[0]
            .drawn
            .iter()
            .all(|d| d.inspectors[0].name == "周海明")
    );
    // The same request again is a second draw, never the first re-run.
    draw_two_with_seed_7(&mut app, &mut shell);
    let kept = shell.store.draws().unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!(
        kept[1].drawn, kept[0].drawn,
        "the same seed gives the same draw"
    );

    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    for (key, file) in [('p', "shian-draw-2.html"), ('c', "shian-draw-2.csv")] {
        super::shell::run(&mut app, &mut shell, ch(key));
        if let Screen::Draws(s) = &mut app.screen
            && let crate::tui::screens::draws::Mode::Folder { input, .. } = &mut s.mode
        {
            *input = crate::tui::input::TextInput::new(&out.display().to_string());
        }
        super::shell::run(&mut app, &mut shell, press(KeyCode::Enter));
        let text = String::from_utf8_lossy(&std::fs::read(out.join(file)).unwrap()).to_string();
        assert!(text.contains(&kept[1].drawn[0].name), "{file}");
    }
}

/// On the draws: `n`, two establishments, one inspector each, seed 7, Enter to the last field.
fn draw_two_with_seed_7(app: &mut App, shell: &mut crate::tui::effects::Shell) {
    super::shell::run(app, shell, ch('n'));
    super::shell::keys(app, shell, "2");
    super::shell::run(app, shell, press(KeyCode::Enter));
    super::shell::keys(app, shell, "1");
    super::shell::run(app, shell, press(KeyCode::Enter));
    super::shell::keys(app, shell, "7");
    for _ in 0..3 {
        super::shell::run(app, shell, press(KeyCode::Enter));
    }
}
