//! Word lists for fictional establishment names. The names are made up to read as fictional:
//! invented words, never a real school or business.

use crate::domain::establishment::EstablishmentKind;

/// The district's real towns and streets (docs/roster.md).
pub const TOWNS: [&str; 6] = [
    "红海街道",
    "海星街道",
    "海东街道",
    "望海街道",
    "熊岳镇",
    "芦屯镇",
];

pub const WORDS: [&str; 48] = [
    "青禾",
    "星帆",
    "蓝鲸",
    "晨露",
    "彩虹贝",
    "梨花坡",
    "海之味",
    "暖阳",
    "小橡树",
    "云朵",
    "银杏",
    "松果",
    "浪花",
    "芦花",
    "麦穗",
    "贝壳",
    "白帆",
    "鲸歌",
    "海燕",
    "桃源",
    "稻香",
    "山楂",
    "苹果园",
    "石榴",
    "向日葵",
    "柳笛",
    "晓月",
    "春芽",
    "竹韵",
    "紫藤",
    "海棠",
    "风铃",
    "星辰",
    "晴川",
    "沙鸥",
    "潮汐",
    "渔火",
    "雁归",
    "翠微",
    "芳草",
    "甜橙",
    "蜜桃",
    "枫叶",
    "雪松",
    "清泉",
    "朝霞",
    "灯塔",
    "湾畔",
];

pub const STREETS: [&str; 16] = [
    "青禾路",
    "星帆街",
    "蓝鲸大街",
    "晨露巷",
    "梨花路",
    "芦花路",
    "海燕街",
    "银杏路",
    "浪花街",
    "稻香路",
    "枫叶街",
    "潮汐路",
    "灯塔街",
    "湾畔路",
    "翠微街",
    "朝霞路",
];

pub const SURNAMES: [&str; 20] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "高", "罗",
];

pub const GIVEN: [&str; 20] = [
    "晓梅", "建国", "海燕", "志强", "丽华", "春生", "秀英", "明辉", "桂兰", "立新", "雪莲", "德福",
    "玉珍", "文博", "小红", "国庆", "淑芬", "永刚", "佳怡", "宏伟",
];

/// The tail of a name, by kind: what the office's roster would call such a place.
pub fn suffix(kind: EstablishmentKind, pick: usize) -> &'static str {
    let choices: &[&str] = match kind {
        EstablishmentKind::SchoolCanteen => &["小学食堂", "中学食堂", "实验小学食堂", "学校食堂"],
        EstablishmentKind::KindergartenCanteen => &["幼儿园食堂", "托育园食堂"],
        EstablishmentKind::MealDelivery => &["团膳配送有限公司", "学生餐配送中心"],
        EstablishmentKind::CampusCatering => &["快餐店", "面馆", "小吃部"],
        EstablishmentKind::CampusShop => &["文具食品店", "小卖部"],
        EstablishmentKind::Supermarket => &["超市", "生活超市"],
        EstablishmentKind::FoodStore => &["食杂店", "便民店"],
        EstablishmentKind::FarmersMarket => &["农贸市场"],
        EstablishmentKind::MarketStall => &["鲜肉铺", "蔬菜摊", "水产摊", "水果摊"],
        EstablishmentKind::Restaurant => &["饭庄", "酒家", "食府"],
        EstablishmentKind::HealthFoodStore => &["保健食品店"],
        EstablishmentKind::InfantFormulaStore => &["母婴用品店"],
    };
    choices[pick % choices.len()]
}

/// Short notes an inspector writes for a failed item.
pub const FINDINGS: [&str; 12] = [
    "现场发现问题，已当场指出并要求整改",
    "记录不全，缺近一周内容",
    "标识不清，未按要求标注",
    "部分设施损坏，未及时维修",
    "个别人员未穿戴工作衣帽",
    "未能提供相关票据",
    "温度记录缺失",
    "存放混乱，生熟未完全分开",
    "有过期产品未及时下架",
    "消毒记录不完整",
    "健康证过期一人",
    "留样标签未注明餐次",
];
