//! Planning through real bundles (issue 14): the office's inspectors reach every laptop, a
//! draw's task reaches the laptop of the drawn inspector's station (and not another), and
//! closes at the office when that laptop's inspection comes back; the 3-month rule keeps the
//! inspected establishment out of the next draw. The real binary for every command and bundle.

use crate::support::bundle::*;
use crate::support::cli::{json, shian, shian_en, stdout};
use crate::support::planning::*;
use crate::support::store;
use shian::domain::inspection::Inspector;

#[test]
fn a_drawn_task_reaches_its_inspectors_laptop_and_closes_when_the_inspection_comes_back() {
    let tmp = tempfile::tempdir().unwrap();
    let (office, a, b) = (
        tmp.path().join("office"),
        tmp.path().join("a"),
        tmp.path().join("b"),
    );
    import_sample_schools(&office, tmp.path());

    // 周海明 uses laptop A; 孙晓燕, on laptop B, is retired: only 周海明 can be drawn.
    let (code_a, code_b) = (station_code(&a), station_code(&b));
    let people = tmp.path().join("inspectors.csv");
    std::fs::write(
        &people,
        format!(
            "姓名,执法证号,单位,站点代码,在岗,辖区\n周海明,21080401,望海所,{code_a},是,\n孙晓燕,21080402,红旗所,{code_b},否,\n"
        ),
    )
    .unwrap();
    stdout(
        shian_en(&office)
            .arg("inspectors")
            .arg("import")
            .arg(&people),
    );
    let drawn = draw(&office, "1", "20270301");
    assert_eq!(drawn["number"], 1);
    assert_eq!(drawn["seed"], "20270301");
    let target = drawn["drawn"][0]["establishment_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(drawn["drawn"][0]["inspectors"][0]["name"], "周海明");

    // One office bundle to both laptops.
    let office_fp = fingerprint(&office);
    let bundle = office_bundle(&office, &tmp.path().join("o1"));
    import_office_bundle(&a, &bundle, &office_fp);
    import_office_bundle(&b, &bundle, &office_fp);
    for laptop in [&a, &b] {
        assert_eq!(
            json(&stdout(shian_en(laptop).args([
                "inspectors",
                "list",
                "--json"
            ]))),
            json(&stdout(shian_en(&office).args([
                "inspectors",
                "list",
                "--json"
            ]))),
        );
    }
    let on_a = json(&stdout(shian_en(&a).args([
        "tasks",
        "list",
        "--json",
        "--station",
        &code_a,
    ])));
    assert_eq!(on_a.as_array().unwrap().len(), 1);
    assert_eq!(on_a[0]["establishment_id"], target.as_str());
    assert_eq!(on_a[0]["state"], "pending");
    assert_eq!(on_a[0]["inspectors"][0], "周海明");
    let on_b = json(&stdout(shian_en(&b).args([
        "tasks",
        "list",
        "--json",
        "--station",
        &code_b,
    ])));
    assert_eq!(on_b.as_array().unwrap().len(), 0);

    // A inspects it, first naming the retired 孙晓燕 as the second inspector, which the store
    // refuses (the list came with the office bundle), then 王立, who is not on the list (a
    // colleague from elsewhere). The office learns it from A's bundle.
    let refused = inspect(&a, &target, store::sun()).unwrap_err();
    assert!(
        matches!(refused, shian::store::StoreError::InspectorRefused { .. }),
        "{refused:?}"
    );
    let wang = Inspector {
        name: "王立".into(),
        badge: "21080499".into(),
    };
    inspect(&a, &target, wang).unwrap();
    assert_eq!(
        json(&stdout(shian_en(&a).args(["tasks", "list", "--json"])))[0]["state"],
        "done"
    );
    trust(&office, &a);
    let a_bundle = export(&a, &tmp.path().join("out-a"), &[]);
    let before = json(&stdout(shian_en(&office).args(["tasks", "list", "--json"])));
    assert_eq!(before[0]["state"], "pending");
    stdout(shian_en(&office).arg("import").arg(&a_bundle));
    let after = json(&stdout(shian_en(&office).args(["tasks", "list", "--json"])));
    assert_eq!(after[0]["state"], "done");

    // The 3-month rule: of the three school canteens, the one just inspected is out of the
    // next draw, which is a new number.
    let refused = shian_en(&office)
        .args([
            "draw",
            "--by",
            "刘科长",
            "--from",
            "kind=学校食堂",
            "--count",
            "3",
        ])
        .args(["--inspectors", "1", "--seed", "1"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("only 2"));
    let second = draw(&office, "2", "1");
    assert_eq!(second["number"], 2);
    assert_eq!(second["excluded_recent"], 1);
    let ids: Vec<&str> = second["drawn"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["establishment_id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&target.as_str()));
}

#[test]
fn the_same_seed_and_roster_give_the_same_draw_and_each_draw_is_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let office = tmp.path().join("office");
    demo(&office, 80, 0, 3);
    let people = tmp.path().join("inspectors.csv");
    let mut text = String::from("姓名,执法证号,单位,辖区\n");
    for (i, name) in ["甲", "乙", "丙", "丁", "戊", "己"].iter().enumerate() {
        text.push_str(&format!("检查员{name},2108{i:04},第{i}所,\n"));
    }
    std::fs::write(&people, text).unwrap();
    stdout(
        shian_en(&office)
            .arg("inspectors")
            .arg("import")
            .arg(&people),
    );
    let run = || {
        json(&stdout(
            shian_en(&office)
                .args([
                    "draw",
                    "--by",
                    "刘科长",
                    "--count",
                    "6",
                    "--inspectors",
                    "2",
                ])
                .args(["--seed", "987654321987", "--json"]),
        ))
    };
    let (first, again) = (run(), run());
    assert_eq!(first["drawn"], again["drawn"]);
    assert_eq!(
        (first["number"].clone(), again["number"].clone()),
        (1.into(), 2.into())
    );
    for d in first["drawn"].as_array().unwrap() {
        let people = d["inspectors"].as_array().unwrap();
        assert_eq!(people.len(), 2);
        assert_ne!(people[0]["badge"], people[1]["badge"]);
    }
    // A draw without a seed gets one, and shows it.
    let unseeded = json(&stdout(shian_en(&office).args([
        "draw",
        "--by",
        "刘科长",
        "--count",
        "1",
        "--inspectors",
        "1",
        "--json",
    ])));
    assert!(unseeded["seed"].as_str().unwrap().parse::<u64>().is_ok());
    let listed = stdout(shian_en(&office).args(["draws", "list"]));
    assert_eq!(listed.lines().count(), 3);

    // Printed for the file, published as CSV.
    let page = tmp.path().join("draw-1.html");
    stdout(
        shian(&office)
            .args(["draws", "print", "1", "--out"])
            .arg(&page),
    );
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("第 1 号抽取记录"));
    assert!(html.contains("987654321987"));
    assert!(html.contains("刘科长"));
    assert_eq!(first["made_by"], "刘科长");
    let name = first["drawn"][0]["name"].as_str().unwrap();
    assert!(html.contains(name));
    let csv_path = tmp.path().join("draw-1.csv");
    stdout(
        shian_en(&office)
            .args(["draws", "csv", "1", "--out"])
            .arg(&csv_path),
    );
    let csv = std::fs::read(&csv_path).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let csv = String::from_utf8(csv).unwrap();
    assert_eq!(csv.lines().count(), 7);
    assert!(csv.contains(name));
}

#[test]
fn conflicts_keep_inspectors_away_from_their_own_towns() {
    let tmp = tempfile::tempdir().unwrap();
    let office = tmp.path().join("office");
    let sample = include_str!("../../data/roster-sample.csv");
    let csv = tmp.path().join("roster.csv");
    std::fs::write(&csv, sample).unwrap();
    stdout(shian_en(&office).arg("roster").arg("import").arg(&csv));
    let roster = json(&stdout(
        shian_en(&office).args(["roster", "list", "--json"]),
    ));
    let town = roster[0]["town"].as_str().unwrap().to_string();
    let people = tmp.path().join("inspectors.csv");
    std::fs::write(
        &people,
        format!("姓名,执法证号,辖区\n本地人,001,{town}\n外地人,002,\n"),
    )
    .unwrap();
    stdout(
        shian_en(&office)
            .arg("inspectors")
            .arg("import")
            .arg(&people),
    );
    let drawn = json(&stdout(
        shian_en(&office)
            .args(["draw", "--by", "刘科长", "--from"])
            .arg(format!("town={town}"))
            .args(["--count", "2", "--inspectors", "1", "--seed", "5", "--json"]),
    ));
    for d in drawn["drawn"].as_array().unwrap() {
        assert_eq!(d["inspectors"][0]["name"], "外地人");
    }
}

#[test]
fn a_bad_inspectors_file_names_line_and_column_and_imports_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let office = tmp.path().join("office");
    let people = tmp.path().join("inspectors.csv");
    let (gbk, _, _) =
        encoding_rs::GBK.encode("姓名,执法证号,在岗\n周海明,21080401,是\n孙晓燕,21080402,也许\n");
    std::fs::write(&people, gbk).unwrap();
    let out = shian(&office)
        .args(["inspectors", "import"])
        .arg(&people)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("inspectors.csv"), "{err}");
    assert!(err.contains("第 3 行") || err.contains(":3"), "{err}");
    assert!(err.contains("在岗"), "{err}");
    assert_eq!(stdout(shian_en(&office).args(["inspectors", "list"])), "");
}

#[test]
fn planning_comes_only_from_the_office_and_an_older_bundle_does_not_take_it_back() {
    let tmp = tempfile::tempdir().unwrap();
    let (office, a) = (tmp.path().join("office"), tmp.path().join("a"));
    let sample = include_str!("../../data/roster-sample.csv");
    let csv = tmp.path().join("roster.csv");
    std::fs::write(&csv, sample).unwrap();
    stdout(shian_en(&office).arg("roster").arg("import").arg(&csv));
    stdout(
        shian_en(&office)
            .args([
                "inspectors",
                "add",
                "--name",
                "周海明",
                "--badge",
                "21080401",
            ])
            .args(["--station", &station_code(&a)]),
    );
    let draw = |seed: &str| {
        stdout(shian_en(&office).args([
            "draw",
            "--by",
            "刘科长",
            "--count",
            "2",
            "--inspectors",
            "1",
            "--seed",
            seed,
        ]))
    };
    draw("1");
    let older = office_bundle(&office, &tmp.path().join("o1"));
    draw("2");
    let newer = office_bundle(&office, &tmp.path().join("o2"));
    let office_fp = fingerprint(&office);
    import_office_bundle(&a, &newer, &office_fp);
    import_office_bundle(&a, &older, &office_fp);
    let tasks = json(&stdout(shian_en(&a).args(["tasks", "list", "--json"])));
    let sources: std::collections::BTreeSet<&str> = tasks
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources.into_iter().collect::<Vec<_>>(),
        ["random draw 1", "random draw 2"]
    );

    // A planning edit made on the laptop after the office's next bundle does not make that
    // bundle look older: it still applies, whole.
    draw("3");
    let third = office_bundle(&office, &tmp.path().join("o3"));
    stdout(shian_en(&a).args(["inspectors", "add", "--name", "临时", "--badge", "999"]));
    import_office_bundle(&a, &third, &office_fp);
    let listed = json(&stdout(shian_en(&a).args(["inspectors", "list", "--json"])));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let tasks = json(&stdout(shian_en(&a).args(["tasks", "list", "--json"])));
    assert!(
        tasks
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["source"] == "random draw 3")
    );

    // A field bundle may not carry planning: the laptop's bundle with the office's planning
    // put in (and signed again by the laptop) is refused whole.
    inspect(
        &a,
        tasks[0]["establishment_id"].as_str().unwrap(),
        store::sun(),
    )
    .unwrap();
    trust(&office, &a);
    let field = export(&a, &tmp.path().join("out-a"), &[]);
    let planning = entries(&newer)
        .into_iter()
        .find(|(n, _)| n == "records/planning.json")
        .unwrap()
        .1;
    let forged = tmp.path().join("forged.shian");
    forge_entry(
        &field,
        &forged,
        &signing_key(&a),
        "records/planning.json",
        &planning,
    );
    let said = import_refused(&office, &forged);
    assert!(said.contains("records/planning.json"), "{said}");
}

/// A draw at the office by 刘科长 among the school canteens, one inspector each, as JSON.
fn draw(office: &std::path::Path, count: &str, seed: &str) -> serde_json::Value {
    json(&stdout(
        shian_en(office)
            .args(["draw", "--by", "刘科长", "--from", "kind=学校食堂"])
            .args([
                "--count",
                count,
                "--inspectors",
                "1",
                "--seed",
                seed,
                "--json",
            ]),
    ))
}
