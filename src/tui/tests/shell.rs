//! The UI and the shell together on a real store in a temporary folder: every effect performed,
//! every result fed back, as the event loop does.

use std::collections::VecDeque;

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::domain::outcome::Verdict;
use crate::store::Setting;
use crate::tui::app::Screen;
use crate::tui::effects::Shell;

pub(super) fn run(app: &mut App, shell: &mut Shell, action: Action) {
    let mut queue: VecDeque<Effect> = app.update(action).into();
    while let Some(effect) = queue.pop_front() {
        for action in shell.perform(effect) {
            queue.extend(app.update(action));
        }
    }
}

pub(super) fn keys(app: &mut App, shell: &mut Shell, text: &str) {
    for c in text.chars() {
        run(app, shell, ch(c));
    }
}

/// The UI of a station whose inspector is set, started against the shell as the event loop
/// starts it.
pub(super) fn started(shell: &mut Shell) -> App {
    let mut app = App::new(
        Lang::Zh,
        Theme { color: false },
        today(),
        Some(profile()),
        shell.catalog.checklists.clone(),
    );
    for effect in app.start() {
        for action in shell.perform(effect) {
            app.update(action);
        }
    }
    app
}

/// Makes a draft final through the shell, as 确认定稿 does: a compliant handling, a second
/// inspector and the operator's signatory.
pub(super) fn finalize(shell: &mut Shell, id: &str) {
    let conclusion = crate::domain::inspection::Conclusion {
        handling: Some(crate::domain::outcome::Handling::Pass),
        operator_signatory: "王五".into(),
        ..Default::default()
    };
    let inspectors = vec![
        profile().inspector(),
        Inspector {
            name: "李四".into(),
            badge: "21080002".into(),
        },
    ];
    crate::store::test_cover::cover_the_rest(&shell.store, id);
    let actions = shell.perform(Effect::Finalize {
        inspection_id: id.to_string(),
        inspectors,
        conclusion,
    });
    assert!(
        matches!(&actions[..], [Action::Finalized(_)]),
        "{actions:?}"
    );
}

pub(super) fn start_food_sample(app: &mut App, shell: &mut Shell, initials: &str) {
    run(app, shell, ch('/'));
    keys(app, shell, initials);
    run(app, shell, press(KeyCode::Enter));
    for _ in 0..10 {
        let Screen::Roster(r) = &app.screen else {
            panic!("not on the roster");
        };
        let c = r.chooser.as_ref().unwrap();
        if c.checklist_ids[c.selected] == "food-sample" {
            break;
        }
        run(app, shell, press(KeyCode::Down));
    }
    run(app, shell, press(KeyCode::Enter));
}

#[test]
fn from_first_run_to_a_final_record_and_its_correction() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = Shell::open(dir.path(), Lang::Zh, "TEST01".into()).unwrap();
    assert_eq!(shell.profile().unwrap(), None);
    let mut app = App::new(
        Lang::Zh,
        Theme { color: false },
        today(),
        None,
        shell.catalog.checklists.clone(),
    );
    for effect in app.start() {
        for action in shell.perform(effect) {
            app.update(action);
        }
    }
    keys(&mut app, &mut shell, "张三");
    run(&mut app, &mut shell, press(KeyCode::Tab));
    keys(&mut app, &mut shell, "21080001");
    for _ in 0..3 {
        run(&mut app, &mut shell, press(KeyCode::Tab));
    }
    run(&mut app, &mut shell, press(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Home(_)), "{:?}", app.message);
    assert_eq!(app.roster.len(), 60);
    assert_eq!(shell.profile().unwrap().unwrap().badge, "21080001");

    // A new establishment is saved at once and found by its initials.
    run(&mut app, &mut shell, ch('/'));
    run(
        &mut app,
        &mut shell,
        Action::Key(ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('n'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        )),
    );
    keys(&mut app, &mut shell, "望海街道浪花小学");
    run(&mut app, &mut shell, press(KeyCode::Tab));
    run(&mut app, &mut shell, press(KeyCode::Tab));
    keys(&mut app, &mut shell, "望海街道");
    for _ in 0..8 {
        run(&mut app, &mut shell, press(KeyCode::Tab));
    }
    run(&mut app, &mut shell, press(KeyCode::Enter));
    assert_eq!(app.roster.len(), 61, "{:?}", app.message);
    run(&mut app, &mut shell, press(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Home(_)));
    assert!(!app.quit);

    start_food_sample(&mut app, &mut shell, "xfxx");
    let Screen::Form(f) = &app.screen else {
        panic!("not on the form: {:?}", app.message);
    };
    assert_eq!(f.establishment.facts.name, "鲅鱼圈区星帆小学");
    assert_eq!(f.year_sequence, 1);
    let id = f.inspection.id.clone();
    run(&mut app, &mut shell, ch('1'));
    run(&mut app, &mut shell, ch('v'));
    keys(&mut app, &mut shell, "100");
    run(&mut app, &mut shell, press(KeyCode::Enter));
    keys(&mut app, &mut shell, "不足");
    run(&mut app, &mut shell, press(KeyCode::Enter));
    let stored = shell.store.answers(&id).unwrap();
    assert_eq!(stored.len(), 2);
    assert!(stored.iter().any(|a| a.item_id == "1.2"
        && a.verdict == Verdict::Fail
        && a.value == Some(100.0)
        && a.note == "不足"));
    assert_eq!(
        shell.store.inspection(&id).unwrap().current_item.as_deref(),
        Some("2.1")
    );

    // A photo by path: refused when missing or not a photo, completed with Tab, stored by hash.
    let photo_dir = dir.path().join("相册");
    std::fs::create_dir(&photo_dir).unwrap();
    std::fs::write(photo_dir.join("冰箱内饮料.jpg"), b"\xff\xd8\xff fake jpeg").unwrap();
    std::fs::write(photo_dir.join("readme.txt"), b"text").unwrap();
    let base = format!("{}/", photo_dir.display());
    let set_path = |app: &mut App, text: &str| {
        let Screen::Form(f) = &mut app.screen else {
            panic!("left the form");
        };
        f.edit.as_mut().unwrap().input = crate::tui::input::TextInput::new(text);
    };
    run(&mut app, &mut shell, ch('p'));
    keys(&mut app, &mut shell, &format!("{base}nothing.jpg"));
    run(&mut app, &mut shell, press(KeyCode::Enter));
    let message = app.message.clone().unwrap();
    assert!(
        message.error && message.text.contains("找不到文件"),
        "{message:?}"
    );
    set_path(&mut app, &format!("{base}readme.txt"));
    run(&mut app, &mut shell, press(KeyCode::Enter));
    assert!(app.message.clone().unwrap().text.contains("不是照片"));
    set_path(&mut app, &format!("{base}冰"));
    run(&mut app, &mut shell, press(KeyCode::Tab));
    let Screen::Form(f) = &app.screen else {
        panic!("left the form");
    };
    assert_eq!(
        f.edit.as_ref().unwrap().input.text(),
        format!("{base}冰箱内饮料.jpg")
    );
    run(&mut app, &mut shell, press(KeyCode::Enter));
    let photos = shell.store.photos(&id).unwrap();
    assert_eq!(photos.len(), 1, "{:?}", app.message);
    assert_eq!(photos[0].item_id, "2.1");
    assert_eq!(photos[0].file_name, "冰箱内饮料.jpg");

    // A 专项检查 covers its whole checklist: the six scored items left are 合理缺项 here.
    super::cover_the_rest_with(&mut app, &mut |app, action| run(app, &mut shell, action));
    run(&mut app, &mut shell, ch('F'));
    // 不符合 suggests stopping operations; the inspector chooses a written order instead.
    run(&mut app, &mut shell, press(KeyCode::Left));
    run(&mut app, &mut shell, press(KeyCode::Left));
    run(&mut app, &mut shell, press(KeyCode::Tab));
    run(&mut app, &mut shell, press(KeyCode::Tab));
    keys(&mut app, &mut shell, "李四");
    run(&mut app, &mut shell, press(KeyCode::Tab));
    keys(&mut app, &mut shell, "21080002");
    // Past the operator's side and the result (confirmed as computed) to 确认定稿.
    for _ in 0..8 {
        run(&mut app, &mut shell, press(KeyCode::Tab));
    }
    run(&mut app, &mut shell, press(KeyCode::Enter));
    run(&mut app, &mut shell, ch('y'));
    let Screen::Record(r) = &app.screen else {
        panic!("not on the record: {:?}", app.message);
    };
    let serial = r.record.inspection.serial.clone().unwrap();
    let code = crate::identity::Identity::load_or_create(dir.path())
        .unwrap()
        .station_code();
    assert!(serial.starts_with(&format!("{code}-")), "{serial}");
    assert_eq!(r.record.inspection.year_sequence, Some(1));
    assert_eq!(shell.profile().unwrap().unwrap().colleague.name, "李四");
    // The failed item is under a written order with a deadline.
    let est = r.record.inspection.establishment_id.clone();
    assert_eq!(shell.store.open_rectifications(&est).unwrap().len(), 1);

    // A correction: a new draft revision with the answers copied.
    run(&mut app, &mut shell, ch('c'));
    keys(&mut app, &mut shell, "测量值录入有误");
    run(&mut app, &mut shell, press(KeyCode::Enter));
    let Screen::Form(f) = &app.screen else {
        panic!("not on the form: {:?}", app.message);
    };
    assert_eq!(f.inspection.revision, 2);
    assert_eq!(
        f.inspection.revision_reason.as_deref(),
        Some("测量值录入有误")
    );
    // Every answer of the original: its three and the six 合理缺项.
    assert_eq!(f.progress().0, 9);
    assert_eq!(f.photos.len(), 1);
    // The item that failed is 必查 at the next inspection and comes first.
    assert_eq!(f.must_check, vec!["1.2".to_string()]);
    assert_eq!(f.order[0].0, 1);
}

/// A synthetic district (the `demo` command's) behind the home screen, the roster and a
/// resumed follow-up: the screens cope with a real volume of records.
#[test]
fn a_district_with_five_years_of_records() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = Shell::open(dir.path(), Lang::Zh, "TEST01".into()).unwrap();
    let mut demo = super::seed_district(&mut shell, 7, 120, 600, "TEST01");
    shell
        .store
        .insert_final_records(&[], &demo.open_rectifications())
        .unwrap();
    shell
        .store
        .set_setting(Setting::InspectorName, "张三")
        .unwrap();
    shell
        .store
        .set_setting(Setting::InspectorBadge, "21080001")
        .unwrap();

    let profile = shell.profile().unwrap();
    let mut app = App::new(
        Lang::Zh,
        Theme { color: false },
        today(),
        profile,
        shell.catalog.checklists.clone(),
    );
    for effect in app.start() {
        for action in shell.perform(effect) {
            app.update(action);
        }
    }
    assert_eq!(app.roster.len(), 120);
    assert!(!app.home.last.is_empty());
    assert!(!app.home.unexported.inspections.is_empty());
    assert!(!app.home.overdue.is_empty());
    assert!(app.colleagues.len() > 1, "{:?}", app.colleagues);
    // Every establishment is either recently inspected or due; none is lost.
    assert!(app.due.len() <= 120);
    for (w, h) in [(80, 24), (160, 48)] {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| crate::tui::view::draw(&app, f)).unwrap();
    }
    // The records screen loads the newest page of the 600; a typed name reaches past it, to
    // the oldest inspection of all.
    run(&mut app, &mut shell, ch('r'));
    let Screen::Records(r) = &app.screen else {
        panic!("not on records");
    };
    assert_eq!((r.list.len(), r.total), (500, 600));
    let everything = shell.store.inspections(&Default::default()).unwrap();
    let oldest = everything.last().unwrap();
    assert!(!r.list.iter().any(|s| s.id == oldest.id));
    run(&mut app, &mut shell, ch('/'));
    keys(&mut app, &mut shell, &oldest.establishment);
    let Screen::Records(r) = &app.screen else {
        panic!("not on records");
    };
    let ids = r.query.establishment_ids.clone().unwrap();
    assert!(ids.contains(&oldest.establishment_id));
    assert!(r.list.iter().any(|s| s.id == oldest.id));
    assert!(r.list.iter().all(|s| ids.contains(&s.establishment_id)));
    let named = everything
        .iter()
        .filter(|s| ids.contains(&s.establishment_id))
        .count();
    assert_eq!((r.list.len(), r.total), (named, named));
    run(&mut app, &mut shell, press(KeyCode::Esc));
    run(&mut app, &mut shell, press(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Home(_)));
    // Open an overdue rectification: a follow-up.
    let overdue = crate::tui::screens::home::rows(&app.context())
        .iter()
        .position(|r| matches!(r, crate::tui::screens::home::HomeRow::Overdue(_)));
    if let Some(i) = overdue {
        for _ in 0..i {
            run(&mut app, &mut shell, press(KeyCode::Down));
        }
        run(&mut app, &mut shell, press(KeyCode::Enter));
        let Screen::Roster(r) = &app.screen else {
            panic!("not on the roster");
        };
        assert_eq!(r.chooser.as_ref().unwrap().kind, InspectionKind::FollowUp);
        run(&mut app, &mut shell, press(KeyCode::Enter));
        let Screen::Form(f) = &app.screen else {
            panic!("not on the form: {:?}", app.message);
        };
        assert_eq!(f.inspection.kind, InspectionKind::FollowUp);
    }
}
