//! Photos as the inspector meets them (issue 15, item 6), on a real store through the shell: the
//! content decides what is a photo, on the form and in the store, and a wrong photo is removed
//! from a draft with `P`, never from a final record.

use chrono::Utc;
use ratatui::crossterm::event::KeyCode;

use super::shell::{finalize, keys, run, start_food_sample, started};
use super::*;
use crate::store::StoreError;
use crate::tui::app::Screen;
use crate::tui::effects::Shell;

/// A station with the sample roster and the inspector, on a new 留样 draft of 星帆小学.
fn on_a_draft(dir: &std::path::Path) -> (App, Shell, String) {
    let mut shell = Shell::open(dir, Lang::Zh, "TEST01".into()).unwrap();
    shell.perform(Effect::LoadSampleRoster);
    let mut app = started(&mut shell);
    start_food_sample(&mut app, &mut shell, "xfxx");
    let Screen::Form(f) = &app.screen else {
        panic!("not on the form: {:?}", app.message);
    };
    let id = f.inspection.id.clone();
    (app, shell, id)
}

fn attach(app: &mut App, shell: &mut Shell, path: &std::path::Path) {
    run(app, shell, ch('p'));
    keys(app, shell, &path.display().to_string());
    run(app, shell, press(KeyCode::Enter));
}

#[test]
fn a_text_file_named_jpg_is_no_photo_on_the_form_or_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut shell, id) = on_a_draft(dir.path());
    let fake = dir.path().join("fake.jpg");
    std::fs::write(&fake, "这不是照片，只是改了名字的文本文件\n").unwrap();
    attach(&mut app, &mut shell, &fake);
    let message = app.message.clone().expect("a refusal");
    assert!(
        message.error && message.text.contains("fake.jpg") && message.text.contains("不是照片"),
        "{message:?}"
    );
    assert!(shell.store.photos(&id).unwrap().is_empty());
    // The store refuses it too, whatever type its caller names.
    let refused = shell.store.attach_photo(
        &id,
        "1.1",
        "fake.jpg",
        "image/jpeg",
        b"not a photo",
        Utc::now(),
    );
    assert!(
        matches!(refused, Err(StoreError::NotAPhoto { ref file_name }) if file_name == "fake.jpg"),
        "{refused:?}"
    );
    // A real photo's content is taken whatever its name: a PNG saved as `.jpg`, a WebP, a HEIC.
    let named = [
        ("截图.jpg", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice()),
        ("a.webp", b"RIFF\x24\0\0\0WEBPVP8 ".as_slice()),
        (
            "IMG_0001.HEIC",
            b"\0\0\0\x18ftypheic\0\0\0\0mif1".as_slice(),
        ),
    ];
    for (name, bytes) in named {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let Screen::Form(f) = &mut app.screen else {
            panic!("left the form");
        };
        f.edit = None;
        attach(&mut app, &mut shell, &path);
        assert!(
            !app.message.as_ref().is_some_and(|m| m.error),
            "{:?}",
            app.message
        );
    }
    assert_eq!(shell.store.photos(&id).unwrap().len(), 3);
}

#[test]
fn a_wrong_photo_is_removed_from_the_draft_and_not_from_a_final_record() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut shell, id) = on_a_draft(dir.path());
    // `P` on an item without photos says so.
    run(&mut app, &mut shell, ch('P'));
    assert!(app.message.as_ref().unwrap().text.contains("没有照片"));
    let right = dir.path().join("留样柜.jpg");
    let wrong = dir.path().join("家里的猫.jpg");
    std::fs::write(&right, b"\xff\xd8\xff\xe0 the sample fridge").unwrap();
    std::fs::write(&wrong, b"\xff\xd8\xff\xe0 a cat").unwrap();
    attach(&mut app, &mut shell, &right);
    attach(&mut app, &mut shell, &wrong);
    assert_eq!(shell.store.photos(&id).unwrap().len(), 2);
    assert!(screen_words(&app, 100, 30).contains("照片:留样柜.jpg,家里的猫.jpg"));
    // `P` lists the item's photos; the second is chosen and removed.
    run(&mut app, &mut shell, ch('P'));
    let screen = screen_words(&app, 100, 30);
    assert!(
        screen.contains("移除照片") && screen.contains("2家里的猫.jpg"),
        "{screen}"
    );
    run(&mut app, &mut shell, press(KeyCode::Down));
    run(&mut app, &mut shell, press(KeyCode::Enter));
    let left = shell.store.photos(&id).unwrap();
    assert_eq!(left.len(), 1, "{:?}", app.message);
    assert_eq!(left[0].file_name, "留样柜.jpg");
    let Screen::Form(f) = &app.screen else {
        panic!("left the form");
    };
    assert!(f.edit.is_none());
    assert_eq!(f.photos, left);
    assert!(app.message.as_ref().unwrap().text.contains("已移除照片"));
    let screen = screen_words(&app, 100, 30);
    assert!(
        screen.contains("照片:留样柜.jpg") && !screen.contains("留样柜.jpg,"),
        "{screen}"
    );

    // A final record keeps its photos: the store refuses to remove one.
    run(&mut app, &mut shell, ch('1'));
    finalize(&mut shell, &id);
    let refused = shell
        .store
        .remove_photo(&id, &left[0].item_id, &left[0].sha256);
    assert!(
        matches!(refused, Err(StoreError::ReadOnly { .. })),
        "{refused:?}"
    );
    assert_eq!(shell.store.photos(&id).unwrap(), left);
}
