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
