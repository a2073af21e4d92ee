//! Planning on the screens (issue 14): the second inspector picked from the bureau's list by
//! search, the inspector picking themself at first start, and the office's tasks on 首页.

use ratatui::crossterm::event::KeyCode;

use super::snapshots::{draw, home_data, loaded};
use super::*;
use crate::domain::planning::{TaskSource, TaskState};
use crate::tui::app::Screen;
use crate::tui::tasks::HomeTask;

fn person(name: &str, badge: &str) -> Inspector {
    Inspector {
        name: name.into(),
        badge: badge.into(),
    }
}

/// The active inspectors of the list, the inspector of this laptop (张三) among them.
pub(super) fn listed() -> Vec<Inspector> {
    vec![
        person("张三", "21080001"),
        person("周海明", "21080401"),
        person("孙晓燕", "21080402"),
        person("孙立", "21080403"),
    ]
}

fn second(app: &App) -> (String, String) {
    let Screen::Review(r) = &app.screen else {
        panic!("not on review");
    };
    (
        r.second_name.text().to_string(),
        r.second_badge.text().to_string(),
    )
}

#[test]
fn the_second_inspector_is_picked_from_the_list_by_search() {
    let mut app = loaded(Lang::Zh);
    step(&mut app, Action::ColleaguesLoaded(listed()));
    step(
        &mut app,
        Action::FormOpened(Box::new(form_data("food-sample", &[]))),
    );
    step(&mut app, ch('1'));
    step(&mut app, ch('F'));
    // Handling → deadline → the second inspector's name.
    step(&mut app, press(KeyCode::Tab));
    step(&mut app, press(KeyCode::Tab));
    type_text(&mut app, "sun");
    step(&mut app, press(KeyCode::Right));
    assert_eq!(second(&app), ("孙晓燕".into(), "21080402".into()));
    draw(&app, "review_pick_second");
    step(&mut app, press(KeyCode::Right));
    assert_eq!(second(&app), ("孙立".into(), "21080403".into()));
    step(&mut app, press(KeyCode::Right));
    assert_eq!(second(&app).0, "孙晓燕");
    step(&mut app, press(KeyCode::Left));
    assert_eq!(second(&app).0, "孙立");

    // The inspector themself is never offered: searching for 张三 finds nobody, and the
    // field keeps what was typed.
    for _ in 0.."孙立".chars().count() {
        step(&mut app, press(KeyCode::Backspace));
    }
    type_text(&mut app, "zs");
    step(&mut app, press(KeyCode::Right));
    assert_eq!(second(&app).0, "zs");
}

#[test]
fn at_first_start_the_inspector_picks_themself_from_the_list() {
    let mut app = App::new(
        Lang::Zh,
        crate::tui::theme::Theme { color: false },
        today(),
        None,
        Vec::new(),
    );
    assert!(app.start().contains(&Effect::LoadColleagues));
    step(&mut app, Action::ColleaguesLoaded(listed()));
    type_text(&mut app, "zhm");
    step(&mut app, press(KeyCode::Right));
    let Screen::Welcome(w) = &app.screen else {
        panic!("not on welcome");
    };
    assert_eq!(w.inputs[0].text(), "周海明");
    assert_eq!(w.inputs[1].text(), "21080401");
}

#[test]
fn the_offices_tasks_are_listed_above_the_due_list() {
    let mut app = loaded(Lang::Zh);
    let mut data = home_data();
    data.tasks = vec![
        HomeTask {
            establishment_id: establishment("渔火海鲜小馆").id,
            establishment: "渔火海鲜小馆".into(),
            source: TaskSource::Draw { number: 3 },
            deadline: today() - chrono::Days::new(2),
            state: TaskState::Overdue,
        },
        HomeTask {
            establishment_id: establishment("鲅鱼圈区星帆小学").id,
            establishment: "鲅鱼圈区星帆小学".into(),
            source: TaskSource::Campaign {
                id: "campus".into(),
                name: "校园食品安全守护行动".into(),
            },
            deadline: today() + chrono::Days::new(20),
            state: TaskState::Pending,
        },
    ];
    step(&mut app, Action::HomeLoaded(data));
    draw(&app, "home_tasks");
    // Enter on a task opens the roster on its establishment, to start the inspection there.
    let rows = crate::tui::screens::home::rows(&app.context());
    let at = rows
        .iter()
        .position(|r| matches!(r, crate::tui::screens::home::HomeRow::Task(1)))
        .unwrap();
    for _ in 0..at {
        step(&mut app, press(KeyCode::Down));
    }
    step(&mut app, press(KeyCode::Enter));
    let Screen::Roster(r) = &app.screen else {
        panic!("not on the roster");
    };
    let chosen = r.current(&app.roster);
    assert_eq!(
        chosen.map(|e| e.facts.name.as_str()),
        Some("鲅鱼圈区星帆小学")
    );
}

/// The chooser over the roster with the school canteen 星帆小学 selected, with `campaign` here.
fn chooser_with(campaign: crate::tui::tasks::RunningCampaign) -> App {
    let mut app = loaded(Lang::Zh);
    let mut data = home_data();
    data.campaigns = vec![campaign];
    step(&mut app, Action::HomeLoaded(data));
    step(&mut app, ch('/'));
    type_text(&mut app, "星帆");
    step(&mut app, press(KeyCode::Enter));
    app
}

fn campus(from: chrono::NaiveDate, to: chrono::NaiveDate) -> crate::tui::tasks::RunningCampaign {
    crate::tui::tasks::RunningCampaign {
        name: "校园食品安全守护行动".into(),
        from,
        to,
        targets: [establishment("鲅鱼圈区星帆小学").id].into(),
        checklists: vec!["food-sample".into()],
    }
}

fn offered(app: &App) -> (Vec<String>, usize, Option<String>) {
    let Screen::Roster(r) = &app.screen else {
        panic!("not on the roster");
    };
    let c = r.chooser.as_ref().expect("the chooser is open");
    (c.checklist_ids.clone(), c.selected, c.campaign.clone())
}

#[test]
fn a_campaign_target_starts_on_the_campaigns_checklist() {
    let week = chrono::Days::new(7);
    let mut app = chooser_with(campus(today() - week, today() + week));
    let (ids, selected, why) = offered(&app);
    assert_eq!((ids[0].as_str(), selected), ("food-sample", 0));
    assert_eq!(why.as_deref(), Some("校园食品安全守护行动"));
    assert_eq!(ids.iter().filter(|id| *id == "food-sample").count(), 1);
    draw(&app, "chooser_campaign");
    // Enter starts it.
    let effects = step(&mut app, press(KeyCode::Enter));
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::StartInspection { checklist_id, .. }, ..] if checklist_id == "food-sample"
        ),
        "{effects:?}"
    );

    // Outside the period the usual order holds, and nothing is said.
    let app = chooser_with(campus(today() + week, today() + week + week));
    let (ids, _, why) = offered(&app);
    assert_ne!(ids[0], "food-sample");
    assert_eq!(why, None);
}
