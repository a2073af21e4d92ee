//! Issue 13: `shian inspections list --follow-ups` lists only the 复查, each with the records
//! whose written orders it follows up.

use crate::support::cli::shian;
use crate::support::district::{demo_district, inspections};

#[test]
fn the_follow_ups_are_listed_with_what_each_follows_up() {
    let district = demo_district();
    let dir = district.path();
    let out = shian(dir)
        .args(["inspections", "list", "--follow-ups", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let all = inspections(dir);
    let follow_ups = all.iter().filter(|i| i["kind"] == "follow_up").count();
    assert!(follow_ups > 0);
    assert_eq!(listed.len(), follow_ups, "every 复查 and nothing else");
    let serials: Vec<&str> = all.iter().filter_map(|i| i["serial"].as_str()).collect();
    let mut named = 0;
    for f in &listed {
        assert_eq!(f["kind"], "follow_up");
        for order in f["follows_up"].as_array().unwrap() {
            // Each is a record of the same establishment under a written order.
            let order = order.as_str().unwrap();
            assert!(serials.contains(&order), "{order}");
            let record = all.iter().find(|i| i["serial"] == order).unwrap();
            assert_eq!(record["establishment_id"], f["establishment_id"]);
            named += 1;
        }
    }
    assert!(named > 0, "some 复查 follow an order up");

    let out = shian(dir)
        .args(["inspections", "list", "--follow-ups", "--limit", "5"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 5);
    assert!(text.lines().all(|l| l.contains("\t复查\t")), "{text}");
    assert!(text.contains("复查的是"), "{text}");
}
