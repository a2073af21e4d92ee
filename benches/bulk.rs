//! What the office waits for: export and import of a district year, the year's summary report,
//! a month of record forms. Each beside a bare SQLite baseline doing the same database work in
//! the same run. See BENCHMARKS.md.

mod common;

use common::bulk_rows::{bare_bulk_insert, bare_empty, export_all, read_rows};

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

use shian::bundle;
use shian::domain::inspection::Status;
use shian::i18n::Lang;
use shian::report::{self, Frequencies, RecordInput, Summary};
use shian::store::{InspectionFilter, Period, Store};

/// A district year: 20,000 inspections of 3,000 establishments (2,000 in a quick run).
fn district_year() -> std::path::PathBuf {
    common::district(
        common::size("SHIAN_BENCH_ESTABLISHMENTS", 3000, 3000),
        common::size("SHIAN_BENCH_YEAR_INSPECTIONS", 20_000, 2_000),
    )
}

fn sync(c: &mut Criterion) {
    let dir = district_year();
    let db = dir.join(shian::store::DATABASE_FILE);
    let rows = read_rows(&db);
    let count: u64 = rows.iter().map(|(_, r)| r.len() as u64).sum();
    let identity = shian::identity::Identity::load_or_create(&dir).expect("identity");
    let out = tempfile::tempdir().expect("tempdir");
    let bundle_path = out.path().join("year.shian");

    let mut g = c.benchmark_group("district_year");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Elements(count));

    common::brief(&mut g);
    let mut store = Store::open(&dir).expect("open");
    g.bench_function("shian_export", |b| {
        b.iter(|| {
            let _ = std::fs::remove_file(&bundle_path);
            export_all(&mut store, &identity, &bundle_path)
        })
    });
    drop(store);
    g.bench_function("bare_sqlite_read_all", |b| {
        b.iter(|| black_box(read_rows(&db)).len())
    });

    g.bench_function("shian_import", |b| {
        b.iter_batched(
            || {
                let office = tempfile::tempdir().expect("tempdir");
                let store = Store::open(office.path()).expect("office store");
                (office, store)
            },
            |(office, mut store)| {
                let (plan, _) =
                    bundle::import_bundle(&mut store, &bundle_path, false, &mut |_| true)
                        .expect("import");
                black_box(plan.changes_records());
                (office, store)
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("bare_sqlite_bulk_insert", |b| {
        b.iter_batched(
            || {
                let office = tempfile::tempdir().expect("tempdir");
                let conn = bare_empty(office.path());
                (office, conn)
            },
            |(office, mut conn)| {
                bare_bulk_insert(&mut conn, &rows);
                (office, conn)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// The last full year of the five-year district.
fn year() -> Period {
    Period {
        from: NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
        to: NaiveDate::from_ymd_opt(2025, 12, 31).expect("date"),
        town: None,
    }
}

fn summary(c: &mut Criterion) {
    let dir = common::five_years();
    let db = dir.join(shian::store::DATABASE_FILE);
    let store = Store::open(&dir).expect("open");
    let mut g = c.benchmark_group("summary_year");
    g.sample_size(10);
    common::brief(&mut g);
    g.bench_function("shian_summary_html", |b| {
        b.iter(|| {
            let data = store.period_data(&year()).expect("period");
            let summary = Summary::compute(&data, &Frequencies::DEFAULT);
            report::render_summary(&summary, Lang::Zh)
                .expect("render")
                .len()
        })
    });
    g.bench_function("bare_sqlite_year_rows", |b| {
        b.iter(|| {
            let conn = common::bare_open(&db);
            common::drain(
                &conn,
                "SELECT i.*, e.name, e.town, e.kind, e.risk_grade, a.item_id, a.verdict, a.value,
                        a.note
                 FROM inspections i JOIN establishments e ON e.id = i.establishment_id
                 JOIN answers a ON a.inspection_id = i.id
                 WHERE i.status = 'final' AND i.started_at >= '2024-12-31T16:00:00'
                   AND i.started_at < '2025-12-31T16:00:00'",
                &[],
            ) + common::drain(
                &conn,
                "SELECT * FROM establishments ORDER BY town, name",
                &[],
            )
        })
    });
    g.finish();
}

fn records(c: &mut Criterion) {
    let dir = common::five_years();
    let db = dir.join(shian::store::DATABASE_FILE);
    let store = Store::open(&dir).expect("open");
    let month = InspectionFilter {
        status: Some(Status::Final),
        from: NaiveDate::from_ymd_opt(2025, 6, 1),
        to: NaiveDate::from_ymd_opt(2025, 6, 30),
        ..Default::default()
    };
    let mut g = c.benchmark_group("records_month");
    g.sample_size(10);
    common::brief(&mut g);
    g.bench_function("shian_record_forms_html", |b| {
        b.iter(|| {
            let list = store.inspections(&month).expect("list");
            let mut gathered = Vec::with_capacity(list.len());
            for i in &list {
                let record = store.inspection_record(&i.id).expect("record");
                let photos = store.photo_bytes(&i.id).expect("photos");
                gathered.push((record, photos));
            }
            let inputs: Vec<RecordInput> = gathered
                .iter()
                .map(|(record, photos)| RecordInput {
                    record,
                    photos,
                    superseded_by: Vec::new(),
                })
                .collect();
            report::render_records(&inputs, Lang::Zh)
                .expect("render")
                .len()
        })
    });
    g.bench_function("bare_sqlite_month_rows", |b| {
        b.iter(|| {
            let conn = common::bare_open(&db);
            common::drain(
                &conn,
                "SELECT i.*, e.*, a.*
                 FROM inspections i JOIN establishments e ON e.id = i.establishment_id
                 JOIN answers a ON a.inspection_id = i.id
                 WHERE i.status = 'final' AND i.started_at >= '2025-06-01'
                   AND i.started_at < '2025-07-01'",
                &[],
            ) + common::drain(&conn, "SELECT content FROM checklist_versions", &[])
        })
    });
    g.finish();
}

criterion_group!(benches, sync, summary, records);
criterion_main!(benches);
