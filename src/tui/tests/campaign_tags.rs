//! Untagging on the laptop (issue 14): the opened record shows the campaigns it counts for, and
//! `u` takes it out of the first one or puts it back.

use super::corrections::{final_record, on_records};
use super::snapshots::draw;
use super::*;
use crate::store::CampaignTag;
use crate::tui::app::Screen;

fn campus(tagged: bool) -> CampaignTag {
    CampaignTag {
        campaign_id: "campus-2027".into(),
        name: "校园食品安全守护行动".into(),
        tagged,
    }
}

fn opened() -> App {
    let mut app = on_records();
    let effects = step(&mut app, Action::RecordLoaded(Box::new(final_record(&[]))));
    assert_eq!(effects, vec![Effect::LoadCampaignTags("f1".into())]);
    app
}

#[test]
fn the_inspector_takes_a_record_out_of_its_campaign_and_back() {
    let mut app = opened();
    step(
        &mut app,
        Action::CampaignTagsLoaded {
            inspection_id: "f1".into(),
            tags: vec![campus(true)],
            changed: None,
        },
    );
    draw(&app, "record_campaign");
    assert_eq!(
        step(&mut app, ch('u')),
        vec![Effect::SetCampaignTag {
            inspection_id: "f1".into(),
            campaign_id: "campus-2027".into(),
            tagged: false,
        }]
    );
    step(
        &mut app,
        Action::CampaignTagsLoaded {
            inspection_id: "f1".into(),
            tags: vec![campus(false)],
            changed: Some(campus(false)),
        },
    );
    assert!(
        app.message
            .clone()
            .unwrap()
            .text
            .contains("已从“校园食品安全守护行动”移出")
    );
    assert!(screen_words(&app, 80, 24).contains("校园食品安全守护行动（已移出）"));
    // And back in.
    assert_eq!(
        step(&mut app, ch('u')),
        vec![Effect::SetCampaignTag {
            inspection_id: "f1".into(),
            campaign_id: "campus-2027".into(),
            tagged: true,
        }]
    );
}

#[test]
fn a_record_in_no_campaign_says_so() {
    let mut app = opened();
    assert!(step(&mut app, ch('u')).is_empty());
    assert!(app.message.unwrap().text.contains("不属于任何专项行动"));
    // The tags of another record, come late, are not shown on this one.
    let mut app = opened();
    step(
        &mut app,
        Action::CampaignTagsLoaded {
            inspection_id: "other".into(),
            tags: vec![campus(true)],
            changed: None,
        },
    );
    let Screen::Record(r) = &app.screen else {
        panic!("not on the record");
    };
    assert!(r.tags.is_empty());
}

/// Through the shell on a real store: a campaign of 星帆小学 puts its checklist first, the
/// record of that inspection shows the campaign, and `u` untags it in the store and back.
#[test]
fn a_campaign_here_picks_its_checklist_and_its_record_is_untagged_in_the_store() {
    use super::shell::{finalize, keys, run, started};
    use crate::domain::planning::campaign::Campaign;
    use crate::domain::planning::{Task, TaskSource};
    let dir = tempfile::tempdir().unwrap();
    let mut shell =
        crate::tui::effects::Shell::open(dir.path(), Lang::Zh, "TEST01".into()).unwrap();
    shell.perform(Effect::LoadSampleRoster);
    let target = shell
        .store
        .establishments()
        .unwrap()
        .into_iter()
        .find(|e| e.facts.name == "鲅鱼圈区星帆小学")
        .unwrap()
        .id;
    // A period that holds the UI's fixed day and the shell's real one alike.
    let day = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
    let campaign = Campaign {
        id: "campus".into(),
        name: "校园食品安全守护行动".into(),
        from: day(2020),
        to: day(2099),
        kinds: Vec::new(),
        targets: vec!["鲅鱼圈区星帆小学".into()],
        checklists: vec!["food-sample".into()],
        target_count: None,
        inspectors: Vec::new(),
    };
    let source = TaskSource::Campaign {
        id: "campus".into(),
        name: campaign.name.clone(),
    };
    let task = Task {
        id: Task::id_for(&source, &target),
        source,
        establishment_id: target,
        from: campaign.from,
        deadline: campaign.to,
        inspectors: Vec::new(),
        stations: Vec::new(),
    };
    shell.store.put_campaign(&campaign, "", &[task]).unwrap();

    let mut app = started(&mut shell);
    run(&mut app, &mut shell, ch('/'));
    keys(&mut app, &mut shell, "星帆小学");
    run(&mut app, &mut shell, press(KeyCode::Enter));
    run(&mut app, &mut shell, press(KeyCode::Enter));
    let Screen::Form(f) = &app.screen else {
        panic!("not on the form: {:?}", app.message);
    };
    assert_eq!(f.checklist.id, "food-sample");
    let id = f.inspection.id.clone();
    run(&mut app, &mut shell, ch('1'));
    finalize(&mut shell, &id);
    let record = Box::new(shell.store.inspection_record(&id).unwrap());
    run(&mut app, &mut shell, Action::RecordLoaded(record));
    let tags = |app: &App| match &app.screen {
        Screen::Record(r) => r.tags.clone(),
        _ => panic!("not on the record"),
    };
    assert_eq!(
        tags(&app),
        vec![CampaignTag {
            campaign_id: "campus".into(),
            name: "校园食品安全守护行动".into(),
            tagged: true
        }]
    );
    run(&mut app, &mut shell, ch('u'));
    assert_eq!(
        shell.store.campaign_untagged().unwrap(),
        vec![(id.clone(), "campus".to_string())]
    );
    assert!(!tags(&app)[0].tagged);
    run(&mut app, &mut shell, ch('u'));
    assert!(shell.store.campaign_untagged().unwrap().is_empty());
    assert!(tags(&app)[0].tagged);
}
