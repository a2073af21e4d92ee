//! What the inspector waits for at the laptop: start-up to the first frame of 首页, one answer
//! (keypress to committed row), one keystroke of the establishment search. Each beside a bare
//! SQLite baseline doing the same database work in the same run. See BENCHMARKS.md.

mod common;

use std::collections::VecDeque;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use shian::domain::checklist::ItemKind;
use shian::domain::establishment::Establishment;
use shian::domain::inspection::{Answer, InspectionKind};
use shian::domain::outcome::Verdict;
use shian::i18n::Lang;
use shian::store::Setting;
use shian::tui::app::{Action, App, Effect, Screen};
use shian::tui::effects::Shell;
use shian::tui::{due, search, theme, view};

fn until() -> NaiveDate {
    common::UNTIL.parse().expect("UNTIL is a date")
}

/// Runs effects to completion as the event loop does.
fn settle(app: &mut App, shell: &mut Shell, effects: Vec<Effect>) {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        for action in shell.perform(effect) {
            queue.extend(app.update(action));
        }
    }
}

/// The real start-up path of `tui::start` after the terminal check, up to one drawn frame.
fn first_frame(dir: &Path) -> u16 {
    let lang = Lang::Zh;
    let station = shian::identity::Identity::load_or_create(dir)
        .expect("identity")
        .station_code();
    let mut shell = Shell::open(dir, lang, station).expect("open");
    let profile = shell.profile().expect("profile");
    let mut app = App::new(
        lang,
        theme::Theme::from_env(),
        until(),
        profile,
        shell.catalog.checklists.clone(),
    );
    if let Ok(Some(freq)) = shell.store.frequencies_text() {
        app.frequencies = due::Frequencies::parse(&freq).unwrap_or_default();
    }
    let start = app.start();
    settle(&mut app, &mut shell, start);
    assert!(matches!(app.screen, Screen::Home(_)), "starts on 首页");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|frame| view::draw(&app, frame))
        .expect("draw");
    terminal.backend().buffer().area.width
}

/// The same database work with bare SQLite: open, PRAGMAs, the queries behind 首页 and the
/// roster, every row read.
fn bare_first_queries(db: &Path) -> usize {
    let conn = common::bare_open(db);
    let summary = "SELECT i.id, i.serial, i.establishment_id, e.name, i.checklist_id, i.kind,
                          i.status, i.revision, i.started_at, i.outcome
                   FROM inspections i JOIN establishments e ON e.id = i.establishment_id";
    let mut n = 0;
    n += common::drain(
        &conn,
        "SELECT key, value FROM settings WHERE key IN ('inspector_name', 'inspector_badge',
             'bureau', 'colleague_name', 'colleague_badge', 'inspection_frequency')",
        &[],
    );
    n += common::drain(
        &conn,
        "SELECT id, revision, name, kind, address, town, person_in_charge, phone, license_no,
                credit_code, risk_grade, bright_kitchen FROM establishments ORDER BY town, name",
        &[],
    );
    n += common::drain(
        &conn,
        &format!("{summary} WHERE i.status = 'draft' ORDER BY i.started_at DESC"),
        &[],
    );
    n += common::drain(
        &conn,
        "SELECT i.id, i.serial, i.establishment_id, e.name, i.checklist_id, i.kind, i.status,
                i.revision, i.started_at, i.outcome
         FROM unexported u JOIN inspections i ON i.id = u.inspection_id
         JOIN establishments e ON e.id = i.establishment_id
         ORDER BY u.started_at DESC LIMIT 5",
        &[],
    );
    n += common::drain(&conn, "SELECT count(*) FROM unexported", &[]);
    n += common::drain(
        &conn,
        "SELECT e.id, (SELECT i.started_at FROM inspections i
             WHERE i.establishment_id = e.id AND i.status = 'final'
             ORDER BY i.started_at DESC LIMIT 1) FROM establishments e",
        &[],
    );
    n += common::drain(
        &conn,
        "SELECT r.establishment_id, e.name, r.inspection_id, r.item_id, r.deadline
         FROM rectifications r JOIN establishments e ON e.id = r.establishment_id
         WHERE r.status = 'open' AND r.deadline IS NOT NULL AND r.deadline < ?1
         ORDER BY r.deadline, e.name",
        &[&common::UNTIL],
    );
    n += common::drain(
        &conn,
        "SELECT inspectors FROM inspections ORDER BY started_at DESC LIMIT 500",
        &[],
    );
    n
}

fn startup(c: &mut Criterion) {
    let dir = common::five_years();
    let db = dir.join(shian::store::DATABASE_FILE);
    let mut g = c.benchmark_group("startup_home");
    g.sample_size(20);
    common::brief(&mut g);
    g.bench_function("shian_first_frame", |b| b.iter(|| first_frame(&dir)));
    g.bench_function("bare_sqlite_queries", |b| {
        b.iter(|| bare_first_queries(&db))
    });
    g.finish();
}

/// A data folder with a small roster, the inspector's profile, and the UI on a started draft.
struct Field {
    _dir: tempfile::TempDir,
    app: App,
    shell: Shell,
    establishment: String,
    checklist: String,
}

impl Field {
    fn new() -> Field {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut shell = Shell::open(dir.path(), Lang::Zh, "BENCH".into()).expect("open");
        let roster = shian::demo::Demo::new(1, until()).establishments(20);
        shell.store.import_roster(&roster, "BENCH").expect("roster");
        for (key, value) in [(Setting::InspectorName, "周海明"), (Setting::Bureau, "局")] {
            shell.store.set_setting(key, value).expect("profile");
        }
        let profile = shell.profile().expect("profile");
        let mut app = App::new(
            Lang::Zh,
            theme::Theme::from_env(),
            until(),
            profile,
            shell.catalog.checklists.clone(),
        );
        let start = app.start();
        settle(&mut app, &mut shell, start);
        let establishment = app.roster[0].clone();
        let checklist = shell.catalog.for_kind(establishment.facts.kind)[0]
            .id
            .clone();
        let mut field = Field {
            _dir: dir,
            app,
            shell,
            establishment: establishment.id,
            checklist,
        };
        field.new_draft();
        field
    }

    fn new_draft(&mut self) {
        let effect = Effect::StartInspection {
            establishment_id: self.establishment.clone(),
            checklist_id: self.checklist.clone(),
            kind: InspectionKind::Routine,
        };
        settle(&mut self.app, &mut self.shell, vec![effect]);
        assert!(matches!(self.app.screen, Screen::Form(_)), "form open");
    }

    fn press(&mut self, c: char) {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let effects = self.app.update(Action::Key(key));
        settle(&mut self.app, &mut self.shell, effects);
    }

    /// Moves (untimed) to an unanswered check item, starting a new draft when the form is done.
    fn ready(&mut self) {
        for _ in 0..200 {
            let Screen::Form(form) = &self.app.screen else {
                self.new_draft();
                continue;
            };
            match form.current() {
                Some(item)
                    if item.kind == ItemKind::Check && !form.answers.contains_key(&item.id) =>
                {
                    return;
                }
                Some(_) => {
                    let before = form.cursor;
                    self.press('j');
                    if let Screen::Form(f) = &self.app.screen
                        && f.cursor == before
                    {
                        self.new_draft();
                    }
                }
                None => self.new_draft(),
            }
        }
        panic!("no unanswered check item found");
    }
}

fn answer(c: &mut Criterion) {
    let mut g = c.benchmark_group("answer");
    g.sample_size(30);
    g.measurement_time(Duration::from_secs(8));

    common::brief(&mut g);
    let mut field = Field::new();
    g.bench_function("shian_keypress_1_to_commit", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                field.ready();
                let t = Instant::now();
                field.press('1');
                total += t.elapsed();
            }
            total
        })
    });

    let field = Field::new();
    let mut n = 0u64;
    g.bench_function("shian_save_answer", |b| {
        let Screen::Form(form) = &field.app.screen else {
            unreachable!("Field::new opens the form")
        };
        let id = form.inspection.id.clone();
        b.iter(|| {
            n += 1;
            let answer = Answer {
                item_id: format!("bench.{n}"),
                verdict: Verdict::Pass,
                value: None,
                choice: None,
                note: String::new(),
                answered_at: Utc::now(),
            };
            field.shell.store.save_answer(&id, &answer).expect("save");
        })
    });

    let dir = tempfile::tempdir().expect("tempdir");
    let conn = common::bare_open(&dir.path().join("bare.db"));
    conn.execute_batch(
        "CREATE TABLE answers (inspection_id TEXT NOT NULL, item_id TEXT NOT NULL,
             verdict TEXT NOT NULL, value REAL, choice TEXT, note TEXT NOT NULL DEFAULT '',
             answered_at TEXT NOT NULL, PRIMARY KEY (inspection_id, item_id)) WITHOUT ROWID;",
    )
    .expect("table");
    let mut n = 0u64;
    g.bench_function("bare_sqlite_insert_sync_full", |b| {
        b.iter(|| {
            n += 1;
            conn.prepare_cached(
                "INSERT INTO answers (inspection_id, item_id, verdict, value, choice, note,
                     answered_at) VALUES (?1, ?2, 'pass', NULL, NULL, '', ?3)",
            )
            .expect("prepare")
            .execute(rusqlite::params![
                "0190a000-0000-7000-8000-000000000000",
                format!("bench.{n}"),
                Utc::now().to_rfc3339()
            ])
            .expect("insert");
        })
    });
    g.finish();
}

fn search(c: &mut Criterion) {
    let mut g = c.benchmark_group("search_keystroke");
    common::brief(&mut g);
    let sizes = [
        common::size("SHIAN_BENCH_SEARCH_SMALL", 3000, 3000),
        common::size("SHIAN_BENCH_SEARCH_LARGE", 30_000, 30_000),
    ];
    for n in sizes {
        let roster: Vec<Establishment> = shian::demo::Demo::new(1, until())
            .establishments(n)
            .into_iter()
            .enumerate()
            .map(|(i, facts)| Establishment {
                id: format!("e{i}"),
                revision: 1,
                facts,
            })
            .collect();
        let keys: Vec<search::SearchKey> = roster.iter().map(search::SearchKey::new).collect();
        // The query after the keystroke: a name fragment, and pinyin initials with gaps.
        for query in ["实验", "syxx"] {
            g.bench_with_input(
                BenchmarkId::new(format!("shian_rank_{query}"), n),
                &query,
                |b, q| b.iter(|| black_box(search::rank(&keys, q)).len()),
            );
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = common::bare_open(&dir.path().join("bare.db"));
        conn.execute_batch(
            "CREATE TABLE establishments (id TEXT PRIMARY KEY, name TEXT, town TEXT,
                 address TEXT, license_no TEXT, credit_code TEXT);",
        )
        .expect("table");
        {
            let tx = conn.unchecked_transaction().expect("tx");
            for e in &roster {
                let f = &e.facts;
                tx.execute(
                    "INSERT INTO establishments VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    rusqlite::params![e.id, f.name, f.town, f.address, f.license_no, f.credit_code],
                )
                .expect("insert");
            }
            tx.commit().expect("commit");
        }
        g.bench_with_input(
            BenchmarkId::new("bare_sqlite_like_实验", n),
            &"%实验%",
            |b, q| {
                b.iter(|| {
                    common::drain(
                        &conn,
                        "SELECT id FROM establishments WHERE name LIKE ?1 OR town LIKE ?1
                     OR address LIKE ?1 OR license_no LIKE ?1 OR credit_code LIKE ?1",
                        &[q],
                    )
                })
            },
        );
    }
    g.finish();
}

criterion_group!(benches, startup, answer, search);
criterion_main!(benches);
