//! The demo district's roster: fictional establishments of a school-focused mix of kinds,
//! named and numbered uniquely, in the district's real towns.

use super::{Demo, names};
use crate::domain::establishment::{
    BrightKitchen, EstablishmentFacts, EstablishmentKind, RiskGrade,
};

/// How many of every 100 establishments are of each kind: a school-focused district roster.
const KIND_WEIGHTS: [(EstablishmentKind, u32); 12] = [
    (EstablishmentKind::SchoolCanteen, 14),
    (EstablishmentKind::KindergartenCanteen, 10),
    (EstablishmentKind::MealDelivery, 2),
    (EstablishmentKind::CampusCatering, 8),
    (EstablishmentKind::CampusShop, 8),
    (EstablishmentKind::Supermarket, 6),
    (EstablishmentKind::FoodStore, 14),
    (EstablishmentKind::FarmersMarket, 2),
    (EstablishmentKind::MarketStall, 10),
    (EstablishmentKind::Restaurant, 22),
    (EstablishmentKind::HealthFoodStore, 2),
    (EstablishmentKind::InfantFormulaStore, 2),
];

impl Demo {
    /// `count` establishments with unique fictional names and license numbers.
    pub fn establishments(&mut self, count: usize) -> Vec<EstablishmentFacts> {
        let mut used = std::collections::HashSet::new();
        (0..count)
            .map(|n| {
                let kind = self.kind();
                let town = names::TOWNS[self.rng.usize(..names::TOWNS.len())];
                let mut name = String::new();
                for attempt in 0.. {
                    let word = names::WORDS[self.rng.usize(..names::WORDS.len())];
                    let suffix = names::suffix(kind, self.rng.usize(..8));
                    let prefix = town_prefix(town);
                    name = match attempt {
                        0 => format!("{prefix}{word}{suffix}"),
                        _ => format!("{prefix}{word}{suffix}（{}）", attempt + 1),
                    };
                    if used.insert(name.clone()) {
                        break;
                    }
                }
                self.facts(n, kind, town, name)
            })
            .collect()
    }

    fn kind(&mut self) -> EstablishmentKind {
        let mut pick = self.rng.u32(..100);
        for (kind, weight) in KIND_WEIGHTS {
            if pick < weight {
                return kind;
            }
            pick -= weight;
        }
        EstablishmentKind::Restaurant
    }

    fn facts(
        &mut self,
        n: usize,
        kind: EstablishmentKind,
        town: &str,
        name: String,
    ) -> EstablishmentFacts {
        let licence_kind = match kind {
            EstablishmentKind::SchoolCanteen | EstablishmentKind::KindergartenCanteen => 3,
            k if is_catering(k) => 2,
            _ => 1,
        };
        let unlicensed = matches!(
            kind,
            EstablishmentKind::FarmersMarket | EstablishmentKind::MarketStall
        );
        let grade = match self.rng.u32(..100) {
            0..20 => RiskGrade::A,
            20..65 => RiskGrade::B,
            65..93 => RiskGrade::C,
            _ => RiskGrade::D,
        };
        let bright_kitchen = is_catering(kind).then(|| match self.rng.u32(..100) {
            0..12 => BrightKitchen::None,
            12..30 => BrightKitchen::Transparent,
            30..65 => BrightKitchen::Video,
            _ => BrightKitchen::Internet,
        });
        let street = names::STREETS[self.rng.usize(..names::STREETS.len())];
        EstablishmentFacts {
            name,
            kind,
            address: format!("鲅鱼圈区{town}{street}{}号", self.rng.u32(1..300)),
            town: town.to_string(),
            person_in_charge: format!(
                "{}{}",
                names::SURNAMES[self.rng.usize(..names::SURNAMES.len())],
                names::GIVEN[self.rng.usize(..names::GIVEN.len())]
            ),
            phone: format!("1390000{:04}", self.rng.u32(..10000)),
            license_no: if unlicensed {
                String::new()
            } else {
                format!("JY{licence_kind}210804{:07}", n + 1)
            },
            credit_code: format!("91210804DEMO{:06}", n + 1),
            risk_grade: Some(grade),
            bright_kitchen,
        }
    }
}

fn is_catering(kind: EstablishmentKind) -> bool {
    matches!(
        kind,
        EstablishmentKind::SchoolCanteen
            | EstablishmentKind::KindergartenCanteen
            | EstablishmentKind::MealDelivery
            | EstablishmentKind::CampusCatering
            | EstablishmentKind::Restaurant
    )
}

/// 鲅鱼圈区 for the streets of the city district, the town's name for the two towns.
fn town_prefix(town: &str) -> &str {
    if town.ends_with('镇') {
        town
    } else {
        "鲅鱼圈区"
    }
}
