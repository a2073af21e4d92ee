//! Establishments: the food businesses on the district's roster.

use serde::{Deserialize, Serialize};

use super::codes::codes;

codes! {
    /// The kinds of establishment the district inspects (docs/roster.md, the 类型 column).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum EstablishmentKind {
        SchoolCanteen => "school_canteen",
        KindergartenCanteen => "kindergarten_canteen",
        MealDelivery => "meal_delivery",
        CampusCatering => "campus_catering",
        CampusShop => "campus_shop",
        Supermarket => "supermarket",
        FoodStore => "food_store",
        FarmersMarket => "farmers_market",
        MarketStall => "market_stall",
        Restaurant => "restaurant",
        HealthFoodStore => "health_food_store",
        InfantFormulaStore => "infant_formula_store",
    }
}

impl EstablishmentKind {
    /// The name the office uses on its forms and spreadsheets.
    pub fn name_zh(self) -> &'static str {
        match self {
            Self::SchoolCanteen => "学校食堂",
            Self::KindergartenCanteen => "托幼机构食堂",
            Self::MealDelivery => "学生集体用餐配送单位",
            Self::CampusCatering => "校园周边餐饮服务单位",
            Self::CampusShop => "校园周边食品销售单位",
            Self::Supermarket => "超市",
            Self::FoodStore => "食杂店",
            Self::FarmersMarket => "农贸市场",
            Self::MarketStall => "市场入场销售者",
            Self::Restaurant => "餐馆",
            Self::HealthFoodStore => "保健食品销售单位",
            Self::InfantFormulaStore => "婴幼儿配方乳粉销售单位",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Self::SchoolCanteen => "School canteen",
            Self::KindergartenCanteen => "Kindergarten canteen",
            Self::MealDelivery => "Student meal delivery unit",
            Self::CampusCatering => "Campus-side catering",
            Self::CampusShop => "Campus-side food shop",
            Self::Supermarket => "Supermarket",
            Self::FoodStore => "Grocery store",
            Self::FarmersMarket => "Farmers' market",
            Self::MarketStall => "Market stall holder",
            Self::Restaurant => "Restaurant",
            Self::HealthFoodStore => "Health food seller",
            Self::InfantFormulaStore => "Infant formula seller",
        }
    }

    /// Other names found in office spreadsheets for the same kind.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::KindergartenCanteen => &["幼儿园食堂", "托幼机构"],
            Self::MealDelivery => &["集体用餐配送单位", "学生配餐单位"],
            Self::FoodStore => &["其他食品销售单位", "小卖部"],
            Self::FarmersMarket => &["食用农产品集中交易市场", "农贸市场开办者"],
            Self::MarketStall => &["摊位", "入场销售者"],
            Self::Restaurant => &["其他餐饮服务单位", "餐饮服务单位"],
            Self::HealthFoodStore => &["保健食品经营者"],
            Self::InfantFormulaStore => &["婴幼儿配方乳粉经营者"],
            _ => &[],
        }
    }

    /// Accepts the code, the Chinese name or one of its aliases.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL.into_iter().find(|kind| {
            kind.code() == text || kind.name_zh() == text || kind.aliases().contains(&text)
        })
    }

    /// Kinds the district's school-safety campaign covers in full (coverage reports, priority).
    pub fn is_school_related(self) -> bool {
        matches!(
            self,
            Self::SchoolCanteen
                | Self::KindergartenCanteen
                | Self::MealDelivery
                | Self::CampusCatering
                | Self::CampusShop
        )
    }

    /// Kinds for which 明厨亮灶 is asked for, and its absence means more frequent inspection.
    pub fn needs_bright_kitchen(self) -> bool {
        matches!(
            self,
            Self::SchoolCanteen | Self::KindergartenCanteen | Self::MealDelivery
        )
    }
}

codes! {
    /// Risk grade under Order 49 art. 21.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum RiskGrade {
        A => "A",
        B => "B",
        C => "C",
        D => "D",
    }
}

impl RiskGrade {
    /// Accepts `A`–`D` in either case, also written `A级`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let text = text.strip_suffix('级').unwrap_or(text);
        Self::ALL
            .into_iter()
            .find(|grade| grade.code().eq_ignore_ascii_case(text))
    }
}

codes! {
    /// How an establishment shows its kitchen to diners and the bureau (明厨亮灶).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum BrightKitchen {
        None => "none",
        Transparent => "transparent",
        Video => "video",
        Internet => "internet",
    }
}

impl BrightKitchen {
    pub fn name_zh(self) -> &'static str {
        match self {
            Self::None => "无",
            Self::Transparent => "透明厨房",
            Self::Video => "视频厨房",
            Self::Internet => "互联网+明厨亮灶",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Self::None => "None",
            Self::Transparent => "Transparent kitchen",
            Self::Video => "Video kitchen",
            Self::Internet => "Internet-linked",
        }
    }

    /// Accepts the code or Chinese name; `未实施` and `否` also mean none.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        match text {
            "未实施" | "否" | "没有" => return Some(Self::None),
            "透明" => return Some(Self::Transparent),
            "视频" => return Some(Self::Video),
            "互联网+" | "明厨亮灶+互联网" | "互联网+明厨亮灶监管" => {
                return Some(Self::Internet);
            }
            _ => {}
        }
        Self::ALL
            .into_iter()
            .find(|form| form.code() == text || form.name_zh() == text)
    }
}

/// The identifying facts of an establishment, as the roster holds them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EstablishmentFacts {
    pub name: String,
    pub kind: EstablishmentKind,
    pub address: String,
    pub town: String,
    pub person_in_charge: String,
    pub phone: String,
    pub license_no: String,
    pub credit_code: String,
    pub risk_grade: Option<RiskGrade>,
    pub bright_kitchen: Option<BrightKitchen>,
}

impl EstablishmentFacts {
    /// The free-text facts by field name: each is a roster cell, with a roster cell's limit
    /// wherever facts enter (docs/roster.md, docs/trust.md).
    pub fn texts(&self) -> [(&'static str, &str); 7] {
        [
            ("name", &self.name),
            ("address", &self.address),
            ("town", &self.town),
            ("person_in_charge", &self.person_in_charge),
            ("phone", &self.phone),
            ("license_no", &self.license_no),
            ("credit_code", &self.credit_code),
        ]
    }
}

/// An establishment as stored: its facts, its identity and its revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Establishment {
    pub id: String,
    pub revision: i64,
    #[serde(flatten)]
    pub facts: EstablishmentFacts,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_code_name_and_alias() {
        for kind in EstablishmentKind::ALL {
            assert_eq!(EstablishmentKind::parse(kind.code()), Some(kind));
            assert_eq!(EstablishmentKind::parse(kind.name_zh()), Some(kind));
        }
        assert_eq!(
            EstablishmentKind::parse(" 食用农产品集中交易市场 "),
            Some(EstablishmentKind::FarmersMarket)
        );
        assert_eq!(EstablishmentKind::parse("学校"), None);
    }

    #[test]
    fn grades_and_forms_parse() {
        assert_eq!(RiskGrade::parse("c"), Some(RiskGrade::C));
        assert_eq!(RiskGrade::parse("D级"), Some(RiskGrade::D));
        assert_eq!(RiskGrade::parse("E"), None);
        assert_eq!(
            BrightKitchen::parse("互联网+明厨亮灶"),
            Some(BrightKitchen::Internet)
        );
        assert_eq!(BrightKitchen::parse("无"), Some(BrightKitchen::None));
    }
}
