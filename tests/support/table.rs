//! What the `checklists import` tests share: the sample table's rows, the binary, the import.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use super::cli::shian;

/// `shian checklists import TABLE ARGS…` on the data folder `data`.
pub fn import(data: &Path, table: &Path, args: &[&str]) -> Command {
    let mut cmd = shian(data);
    cmd.args(["checklists", "import"]).arg(table).args(args);
    cmd
}

pub fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/checklist-table-sample.xlsx")
}

/// The sample's rows: section, number (`*` for key items), content, method, basis.
pub const SAMPLE: &[(&str, &str, &str, &str, &str)] = &[
    (
        "一、许可与公示（2项）",
        "*1.1",
        "食品经营许可证在有效期内，经营场所、主体业态与许可一致",
        "核对许可证正本与现场经营情况",
        "《中华人民共和国食品安全法》",
    ),
    (
        "",
        "1.2",
        "许可证和上次监督检查结果记录表张贴在醒目位置",
        "查看公示栏",
        "《食品生产经营监督检查管理办法》",
    ),
    (
        "二、原料与贮存（3项）",
        "*2.1",
        "抽查的原料有进货查验记录和随货证明",
        "随机抽取三种原料，核对记录与票据",
        "《中华人民共和国食品安全法》",
    ),
    (
        "",
        "2.2",
        "食品与非食品分开存放，离墙离地，分类标识",
        "查看库房",
        "《餐饮服务食品安全操作规范》",
    ),
    (
        "",
        "2.3",
        "冷藏设施温度符合要求，生熟分开存放",
        "读温度计，查看温度记录",
        "《餐饮服务食品安全操作规范》",
    ),
    (
        "三、加工与清洗消毒（3项）",
        "*3.1",
        "没有使用超过保质期或腐败变质的原料",
        "抽查冷库和货架",
        "《中华人民共和国食品安全法》",
    ),
    (
        "",
        "3.2",
        "接触直接入口食品的工具、容器生熟分开并有标识",
        "现场查看",
        "《餐饮服务食品安全操作规范》",
    ),
    (
        "",
        "3.3",
        "餐用具清洗消毒后放在专用保洁设施内",
        "查看消毒记录和保洁柜",
        "《餐饮服务食品安全操作规范》",
    ),
];

pub fn import_sample(data: &Path) -> String {
    let args = ["--id", "sample-table", "--title", "示例要点表"];
    let out = import(data, &sample(), &args)
        .args(["--applies-to", "餐馆,学校食堂"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}
