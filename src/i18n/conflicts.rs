//! The words of establishment conflicts (docs/data-model.md, "Establishment revisions"), in
//! Chinese and English: the facts by name, and one conflict as a line a supervisor can act on.

use crate::domain::establishment::{BrightKitchen, EstablishmentKind, RiskGrade};
use crate::domain::establishment_merge::{Fact, FactConflict};
use crate::i18n::Lang;

impl Lang {
    /// A fact by its code, as the roster's column heading names it.
    pub fn fact_name(self, code: &str) -> &'static str {
        match Fact::parse(code) {
            Some(f) if self == Lang::Zh => f.name_zh(),
            Some(f) => f.name_en(),
            None => "?",
        }
    }

    /// A fact's value as the form shows it: kinds, grades and 明厨亮灶 by name; empty as "（空）".
    pub fn fact_value(self, fact: Fact, value: &str) -> String {
        let zh = self == Lang::Zh;
        if value.is_empty() {
            return self.pick("（空）", "(empty)").to_string();
        }
        let named = match fact {
            Fact::Kind => {
                EstablishmentKind::parse(value).map(|k| self.pick(k.name_zh(), k.name_en()))
            }
            Fact::RiskGrade => RiskGrade::parse(value).map(|g| g.code()),
            Fact::BrightKitchen => {
                BrightKitchen::parse(value).map(|b| if zh { b.name_zh() } else { b.name_en() })
            }
            _ => None,
        };
        named.map_or_else(|| value.to_string(), str::to_string)
    }

    /// "负责人：张三（站点 100001，2026-03-01 08:05）／李四（…）"; `station` names a station code.
    pub fn conflict_line(self, c: &FactConflict, station: &dyn Fn(&str) -> String) -> String {
        let sides: Vec<String> = c
            .values
            .iter()
            .map(|v| {
                let when = local_minute(&v.changed_at);
                format!(
                    "{}{}{}{}{}",
                    self.fact_value(c.fact, &v.value),
                    self.pick("（", " ("),
                    station(&v.revision.station),
                    self.pick("，", ", "),
                    when
                ) + self.pick("）", ")")
            })
            .collect();
        format!(
            "{}{}{}",
            self.fact_name(c.fact.code()),
            self.pick("：", ": "),
            sides.join(self.pick(" ／ ", " / "))
        )
    }
}

/// A stored UTC time in this computer's time, to the minute; as stored when it does not parse.
fn local_minute(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at).map_or_else(
        |_| at.to_string(),
        |t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}
