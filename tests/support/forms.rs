//! A station with one final record on each record form of issue 18: a 2022-form checklist
//! decided by the inspectors' judgement, its record with the 告知页 and a result set against
//! the proposal; and a 2016-form checklist whose computed result was changed with a reason.

use std::path::Path;

use super::store::restaurant;
use chrono::{Duration, Utc};
use shian::checklists::Catalog;
use shian::domain::inspection::{Answer, Conclusion, InspectionKind, Inspector};
use shian::domain::outcome::{Handling, Outcome, Verdict};
use shian::domain::sign_off::{Notice, OutcomeOverride};
use shian::identity::Identity;
use shian::store::{NewInspection, Store};

/// A small checklist in the data folder's `checklists/`, printed on `form`, decided by `rule`.
fn checklist_file(dir: &Path, id: &str, form: &str, rule: &str) {
    let folder = dir.join("checklists");
    std::fs::create_dir_all(&folder).unwrap();
    let text = format!(
        "id = \"{id}\"\nversion = \"1\"\ntitle = \"餐饮服务监督检查表（示例）\"\n\
         applies_to = [\"餐馆\"]\noutcome = \"{rule}\"\nform = \"{form}\"\n\
         [[section]]\nid = \"1\"\ntitle = \"许可与公示\"\n\
         [[section.item]]\nid = \"1.1\"\ntext = \"许可证合法有效\"\nkey = true\n\
         [[section.item]]\nid = \"1.2\"\ntext = \"公示信息完整\"\n\
         [[section.item]]\nid = \"1.3\"\ntext = \"从业人员健康证明有效\"\n"
    );
    std::fs::write(folder.join(format!("{id}.toml")), text).unwrap();
}

/// Finalizes one inspection of `checklist_id` (1.1 passed, 1.2 failed, 1.3 合理缺项) with
/// `conclusion`; its serial number.
fn one_record(dir: &Path, checklist_id: &str, conclusion: Conclusion) -> String {
    let catalog = Catalog::load(Some(&dir.join("checklists")));
    let checklist = catalog.get(checklist_id).expect("loaded").clone();
    let mut store = Store::open(dir).unwrap();
    let facts = restaurant();
    let establishment = store.add_establishment(&facts, "000000").unwrap().id;
    let person = |name: &str, badge: &str| Inspector {
        name: name.into(),
        badge: badge.into(),
    };
    let draft = store
        .start_inspection(NewInspection {
            establishment_id: &establishment,
            checklist: &checklist,
            kind: InspectionKind::Flight,
            station: "000000",
            bureau: "营口市鲅鱼圈区市场监督管理局",
            inspectors: vec![person("周明", "21080401"), person("孙晓燕", "21080402")],
            started_at: Utc::now() - Duration::hours(1),
            utc_offset_seconds: 8 * 3600,
        })
        .unwrap();
    for (item, verdict, note) in [
        ("1.1", Verdict::Pass, ""),
        ("1.2", Verdict::Fail, "未公示投诉举报电话"),
        ("1.3", Verdict::NotApplicable, ""),
    ] {
        let answer = Answer {
            item_id: item.into(),
            verdict,
            value: None,
            choice: None,
            note: note.into(),
            answered_at: Utc::now(),
        };
        store.save_answer(&draft.id, &answer).unwrap();
    }
    let conclusion = Conclusion {
        operator_signatory: "王晓梅".into(),
        ..conclusion
    };
    let key = Identity::load_or_create(dir).unwrap();
    store
        .finalize_inspection(&draft.id, &conclusion, key.signing_key(), Utc::now())
        .unwrap()
        .serial
        .unwrap()
}

/// The serials of a 2022-form record (告知页; 不符合 proposed, 基本符合 judged with a reason)
/// and of a 2016-form one (不符合 computed, 基本符合 set with a reason).
pub fn records_on_both_forms(dir: &Path) -> (String, String) {
    checklist_file(dir, "canyin-2022-sample", "2022", "judgement");
    checklist_file(dir, "canyin-2016-sample", "2016", "key-general-70");
    let set = |reason: &str| Conclusion {
        handling: Some(Handling::RectifyOnSite),
        outcome_override: Some(OutcomeOverride {
            computed: Outcome::NonCompliant,
            chosen: Outcome::BasicallyCompliant,
            reason: reason.into(),
        }),
        ..Conclusion::default()
    };
    let form_2022 = one_record(
        dir,
        "canyin-2022-sample",
        Conclusion {
            notice: Some(Notice {
                credentials_shown: true,
                task_letter_shown: false,
                recusal_requested: true,
                recusal_action: "更换检查人员孙立".into(),
            }),
            ..set("投诉电话已当场补充公示")
        },
    );
    let form_2016 = one_record(dir, "canyin-2016-sample", set("公示栏已当场补全"));
    (form_2022, form_2016)
}
