//! The command line's words, in the order of the subcommands that say them. Messages built from
//! an error's parts are in the error parts of `i18n/`.

use super::Lang;
use crate::domain::frequencies::FrequencyError;

words! { Lang;
    // main: the line before an error's chain
    error_label => "错误", "error";
    // checklists list | show | check | import
    no_such_checklist => "没有这张检查表：", "no such checklist:";
    n_errors => "处错误", "errors";
    checklists_valid => "张检查表校验通过", "checklists are valid";
    warning => "警告", "warning";
    applies_to => "适用", "Applies to";
    basis_label => "依据", "Basis";
    rule_key_general_70 => "重点项、一般项 70% 规则", "key items and the 70% rule";
    rule_judgement => "检查人员综合判定", "the inspectors' judgement";
    outcome_rule_label => "结果判定", "Outcome";
    record_form_label => "记录表", "Record form";
    text_item_mark => "文字", "text";
    local_mark => "（地方）", " (local)";
    n_errors_no_checklist_written => "处错误，未写入检查表", "errors; no checklist written";
    shipped_checklist_replaced_note => "提示：自带检查表中已有这个 id；放进数据文件夹后将替换自带表", "note: a shipped checklist has this id; in the data folder this file replaces it";
    file_exists => "文件已存在：", "file exists:";
    add_force_replace => "（加 --force 覆盖）", "(add --force to replace it)";
    items_key_items => "项，其中重点项", "items, key items:";
    sections => "个部分", "sections";
    wrote => "已写入", "Wrote";
    // inspections show
    label_follows_up => "复查的是", "follows up";
    label_inspectors => "检查人员", "Inspectors";
    label_result => "检查结果", "Result";
    label_key_failed_checked => "重点项不符合/检查", "key failed/checked";
    label_general_failed_checked => "一般项不符合/检查", "general failed/checked";
    label_not_applicable => "合理缺项", "not applicable";
    label_handling => "结果处理", "Handling";
    // devices
    station_code_label => "站点代码", "Station code";
    key_fingerprint_label => "密钥指纹", "Key fingerprint";
    revoked => "已撤销", "revoked";
    trusted => "信任", "trusted";
    not_trusted => "未信任", "not trusted";
    trusted_station => "已信任站点", "Trusted station";
    key_fingerprint => "密钥指纹", "key fingerprint";
    no_such_station => "没有这个站点", "no such station";
    revoked_refused_from_now => "已撤销信任，今后拒绝其数据包：", "Revoked; its bundles are refused from now on:";
    station_kind_office => "办公室", "office";
    station_kind_field => "外勤", "field";
    not_shian_identity_file => "不是 shian 身份文件", "not a shian identity file";
    trusting_from_bundle_needs_fingerprint => "从数据包信任站点时须给出核对过的指纹：", "trusting from a bundle needs the fingerprint you compared:";
    fingerprints_differ_nothing_was_trusted => "指纹不一致，未信任。文件中的密钥指纹为", "the fingerprints differ; nothing was trusted. The key's fingerprint is";
    // export, import
    writing_bundle => "正在写入数据包", "writing the bundle";
    checking_bundle => "正在校验数据包", "checking the bundle";
    from_station => "来自站点", "from station";
    field_bundle => "外勤数据包", "field bundle";
    office_bundle => "办公室数据包", "office bundle";
    conflict_kept_not_applied => "冲突（已保留，未覆盖）：", "conflict (kept, not applied):";
    dry_run_nothing_was_written => "预演：未写入任何数据", "dry run: nothing was written";
    already_imported_nothing_changed => "此数据包已导入过，无变化", "already imported; nothing changed";
    imported => "已导入", "imported";
    bundle_made_here => "这是本机导出的数据包，无需导入", "this bundle was made by this station; nothing to import";
    bundles_refused_database_unchanged => "个数据包被拒绝，数据库未因它们改变", "bundle(s) refused; the database was not changed by them";
    trust_fingerprint_does_not_match => "--trust-fingerprint 与数据包签名密钥的指纹不一致：", "--trust-fingerprint does not match the signing key's fingerprint:";
    claimed => "自称：", "claimed: ";
    // report
    making_report => "正在生成报表", "making the report";
    period_gathered => "已汇总数据", "period gathered";
    made => "已生成", "made";
    from_after_to => "--from 晚于 --to", "--from is after --to";
    no_final_inspections_in_period => "这段时间没有已定稿的检查记录：", "no final inspections in the period";
    reading_records => "正在读取检查记录", "reading the records";
    record_code_mismatch => "核验码不一致：这张纸不是数据库中这条记录的打印件，或记录已被改动。记录", "the code does not match: this paper is not a print of the record, or the record has changed. Record";
    code_matches => "核验码一致", "code matches";
    record_corrected_note => "注意：本记录已被更正，以更正后的记录为准。", "note: this record has been corrected; the corrected record prevails.";
    // settings
    written => "已写入", "written";
    not_set => "（未设置）", "(not set)";
    no_such_setting => "没有这个设置项；可设置的有：", "no such setting; there are:";
    must_not_be_empty => "不能为空", "must not be empty";
    must_be_one_line => "只能是一行文字", "must be one line of text";
    badge_characters => "不可用：执法证号只含字母、数字和 -", "is not allowed: a certificate number has letters, digits and - only";
    must_be_existing_folder => "应为已存在的文件夹的完整路径（可用 ~/ 表示主文件夹）", "must be the full path of a folder that exists (~/ for the home folder)";
    // conflicts
    no_conflicts => "没有冲突。", "No conflicts.";
    no_such_fact => "没有这个字段", "no such fact";
    choose_from => "可选", "choose from";
    settled => "已裁定", "Settled";
    station => "站点", "station";
    conflict_for_the_office => "冲突（待办公室裁定）：", "conflict (for the office to settle):";
    conflicts_commands_hint => "用 shian conflicts list 查看，shian conflicts resolve 裁定。", "shian conflicts list shows them; shian conflicts resolve settles one.";
    // roster import
    importing_roster => "正在导入单位名录", "importing the roster";
    step_read => "已读取", "read";
    n_errors_nothing_imported => "处错误，未导入任何单位", "errors; nothing was imported";
    step_checked => "已校验", "checked";
    step_saved => "已保存", "saved";
    // rectifications
    rectification_open => "未关闭", "open";
    closed_by_office => "办公室决定关闭", "closed by the office";
    closed_by_follow_up => "复查关闭", "closed by follow-up";
    closed_rectification => "已关闭整改", "Closed rectification";
    // demo
    demo_needs_empty_folder => "数据文件夹里已有检查记录；演示数据只写入空的数据文件夹（用 --data-dir 指定一个新文件夹）", "the data folder already has inspections; demo data goes into an empty data folder (use --data-dir)";
    inspections_need_establishments => "没有单位就无法生成检查记录", "inspections need establishments";
    making_demo_district => "正在生成演示数据", "making the demo district";
    // the binary's name (help, manual)
    app_name => "食安巡查", "shian";
    // settings list: what each setting is
    setting_inspector_name => "检查人员姓名（记录表上的检查人员）", "the inspector's name (on the record form)";
    setting_inspector_badge => "检查人员执法证号", "the inspector's enforcement certificate number";
    setting_bureau => "所属单位（记录表上的检查机关）", "the bureau (the inspecting authority on the record form)";
    setting_colleague_name => "上次的第二检查人员姓名（复核页预填）", "the last second inspector's name (filled in on the review)";
    setting_colleague_badge => "上次的第二检查人员执法证号", "the last second inspector's certificate number";
    setting_frequencies => "各风险等级每年应检次数（首页待检和阶段汇总），如 A=1,B=2,C=3,D=4", "inspections a year by risk grade (home screen's due list and the summary), e.g. A=1,B=2,C=3,D=4";
    setting_bundle_folder => "界面中数据包的默认文件夹", "the screens' default folder for bundles";
    setting_report_folder => "界面中报表的默认文件夹", "the screens' default folder for reports";
}

impl Lang {
    /// The end of "`value` has N characters, at most `max`".
    pub fn at_most_characters(self, max: usize) -> String {
        match self {
            Lang::Zh => format!("个字，最多 {max} 个"),
            Lang::En => format!("characters, at most {max}"),
        }
    }

    /// What is wrong with a frequency text, in the user's language (also `report summary`'s).
    pub fn frequency_error(self, e: &FrequencyError) -> String {
        match (e, self) {
            (_, Lang::En) => e.to_string(),
            (FrequencyError::NotAPair { part }, Lang::Zh) => {
                format!("{part:?} 应为 等级=次数，如 A=1,B=2,C=3,D=4")
            }
            (FrequencyError::NoSuchGrade { part, grade }, Lang::Zh) => {
                format!("{part:?} 中没有风险等级 {grade:?}（只有 A、B、C、D）")
            }
            (FrequencyError::BadCount { part, count }, Lang::Zh) => {
                format!("{part:?} 中的 {count:?} 不是 1 到 365 的整数（每年次数）")
            }
        }
    }

    /// What `shian export` wrote.
    pub fn export_counts(
        self,
        [
            inspections,
            answers,
            revisions,
            checklists,
            rectifications,
            attachments,
        ]: [u64; 6],
    ) -> String {
        match self {
            Lang::Zh => format!(
                "检查记录 {inspections}（答案 {answers}），单位修订 {revisions}，检查表版本 {checklists}，整改 {rectifications}，附件 {attachments}"
            ),
            Lang::En => format!(
                "{inspections} inspections ({answers} answers), {revisions} establishment revisions, {checklists} checklist versions, {rectifications} rectifications, {attachments} attachments"
            ),
        }
    }

    /// What `shian roster import` did.
    pub fn roster_import_counts(self, added: usize, updated: usize, unchanged: usize) -> String {
        match self {
            Lang::Zh => format!("新增 {added} 家，更新 {updated} 家，未变 {unchanged} 家"),
            Lang::En => format!("added {added}, updated {updated}, unchanged {unchanged}"),
        }
    }

    /// The workbook's cells cut at Excel's limit.
    pub fn cells_cut(self, cut: usize, limit: usize) -> String {
        match self {
            Lang::Zh => format!(
                "注意：{cut} 个单元格的文字超过 Excel 单元格上限（{limit} 字），已截断并注明。"
            ),
            Lang::En => format!(
                "note: {cut} cells hold more text than an Excel cell ({limit} characters); they are cut, and marked so."
            ),
        }
    }

    /// What `shian demo` made.
    pub fn demo_made(
        self,
        establishments: usize,
        inspections: usize,
        until: impl std::fmt::Display,
        seed: u64,
    ) -> String {
        match self {
            Lang::Zh => format!(
                "已生成 {establishments} 家单位、{inspections} 条检查记录（截至 {until}，种子 {seed}）"
            ),
            Lang::En => format!(
                "made {establishments} establishments and {inspections} inspections (until {until}, seed {seed})"
            ),
        }
    }
}
