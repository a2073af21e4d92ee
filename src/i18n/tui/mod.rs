//! Every word the terminal UI shows, in Simplified Chinese and English, in one place.
//!
//! Domain names (verdicts, outcomes, kinds) come from `crate::i18n::Lang`, which the headless
//! commands share; this file holds the words only the screens use.

use crate::i18n::Lang;

mod follow_up;
mod form;
mod office;
mod plan;
mod record;
mod review;
mod sync;
mod welcome;

/// The UI's words in one language: `t.home()`, `t.save()`…
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(pub Lang);

words! { Text;
    app_title => "食安巡查", "shian";
    range_to => "至", "to";
    not_a_terminal => "界面需要在终端窗口中运行；脚本请用子命令（shian --help）", "the UI needs a terminal; scripts use the subcommands (shian --help)";
    // Screens
    welcome => "欢迎使用食安巡查", "Welcome to shian";
    home => "首页", "Home";
    roster => "单位名录", "Establishments";
    form => "检查表", "Checklist";
    review => "结果与定稿", "Review and finalize";
    records => "检查记录", "Records";
    record => "检查记录表", "Inspection record";
    help => "按键说明", "Keys";
    // Welcome
    profile => "检查人员信息", "Inspector";
    welcome_intro => "首次使用，请填写检查人员信息（保存在本机，可在以后修改）。", "First start: who inspects with this station (kept on this computer).";
    inspector_name => "检查人员姓名", "Inspector's name";
    badge => "执法证号", "Enforcement ID";
    bureau => "所属单位", "Bureau";
    load_sample => "载入示例单位名录（data/roster-sample.csv）", "Load the sample roster (data/roster-sample.csv)";
    load_office_bundle => "或从办公室的名录数据包载入（文件路径，可留空）：", "Or load the roster bundle from the office (file path, may stay empty):";
    office_bundle_not_sample => "已填写办公室名录包：以办公室名录为准，不载入示例名录（清空路径后可选）", "An office bundle is given: its roster is loaded, not the sample (empty the path to choose it)";
    start => "开始", "Start";
    need_name_and_badge => "请填写姓名和执法证号", "Enter your name and enforcement ID";
    sample_loaded => "已载入示例名录", "Sample roster loaded";
    // Home
    drafts => "进行中的检查（草稿）", "Drafts in progress";
    finals => "未导出的定稿记录", "Final records not yet exported";
    due => "待检查单位", "Due for inspection";
    overdue => "逾期未整改", "Rectifications overdue";
    none => "（无）", "(none)";
    never_inspected => "从未检查", "never inspected";
    last_inspected => "上次检查", "last";
    no_bright_kitchen => "未实施明厨亮灶", "no bright kitchen";
    deadline_was => "期限", "deadline";
    quit_with_q => "按 q 退出", "Press q to quit";
    item => "检查项", "item";
    // Roster
    search => "搜索", "Search";
    search_hint => "名称、拼音首字母、全拼、许可证号或地址", "name, pinyin initials, full pinyin, licence no. or address";
    matches => "家", "found";
    no_match => "没有匹配的单位", "No establishment matches";
    address => "地址", "Address";
    town => "镇街道", "Town";
    kind => "类型", "Kind";
    name => "名称", "Name";
    save => "保存", "Save";
    new_establishment => "新增单位", "New establishment";
    edit_establishment => "修改单位信息", "Edit establishment";
    need_name_and_town => "名称和镇街道必填", "Name and town are required";
    identifier_taken => "许可证号或信用代码已被另一家单位使用", "Another establishment has this licence number or credit code";
    establishment_saved => "单位信息已保存", "Establishment saved";
    person => "负责人", "Person in charge";
    phone => "电话", "Phone";
    license => "许可证号", "Licence no.";
    credit_code => "信用代码", "Credit code";
    risk_grade => "风险等级", "Risk grade";
    bright_kitchen => "明厨亮灶", "Bright kitchen";
    open_rectifications => "未完成的整改", "Open rectifications";
    choose_checklist => "选择检查表", "Choose a checklist";
    inspection_kind => "检查类型", "Kind of inspection";
    no_checklist => "没有适用于这类单位的检查表", "No checklist applies to this kind";
    // Form
    progress => "已答", "Answered";
    key_items => "重点项", "Key items";
    must_check => "必查", "Recheck";
    must_check_section => "必查项（上次检查不符合）", "Recheck (failed last time)";
    unanswered => "未答", "open";
    saved => "已保存", "Saved";
    note => "说明", "Note";
    measured_value => "测量值", "Measured value";
    limits => "范围", "limits";
    not_a_measurement => "这一项不是测量项", "This item takes no measurement";
    not_a_number => "请输入数字", "Enter a number";
    guidance => "检查方法", "How to check";
    basis => "依据", "Basis";
    no_guidance => "（无说明）", "(no guidance)";
    all_answered => "全部已答，按 F 结果与定稿", "All answered: F to review";
    note_required => "不符合需填写说明", "A non-compliant item needs a note";
    text_item => "文字记录项，直接输入文字，Enter 保存", "Text item: type the text, Enter saves";
    choice_item => "选择项，按 v 选择", "Choice item: v to choose";
    measurement_item => "测量项，按 v 输入测量值", "Measurement: v to enter the value";
    proposed => "按测量值判定", "verdict from the value";
    photo_path => "照片文件", "Photo file";
    photos => "照片", "Photos";
    photo_attached => "已附照片", "Photo attached";
    not_a_photo => "不是照片文件（jpg、png、heic、webp）", "not a photo (jpg, png, heic, webp)";
    photo_too_large => "照片文件太大（上限 20 MB）", "the photo is too large (at most 20 MB)";
    no_such_file => "找不到文件", "no such file";
    unreadable_file => "无法读取文件", "cannot read the file";
    choose_option => "选择", "Choose";
    // Review
    result => "检查结果", "Result";
    no_result => "尚无可判定的检查项", "Nothing answered to judge";
    checked => "检查", "checked";
    failed => "不符合", "failed";
    not_applicable => "合理缺项", "not applicable";
    pass_rate => "一般项合格率", "General pass rate";
    general_items => "一般项", "General items";
    suggested => "建议", "suggested";
    handling => "结果处理", "Handling";
    deadline => "整改期限", "Deadline";
    no_deadline_needed => "（此结果处理无整改期限）", "(this handling has no deadline)";
    second_inspector => "第二检查人员", "Second inspector";
    second_badge => "第二检查人员执法证号", "Second inspector's ID";
    signatory => "被检查单位签字人", "Operator's signatory";
    opinion => "被检查单位意见", "Operator's opinion";
    refused => "拒绝签字", "Refused to sign";
    witness => "见证人", "Witness";
    remarks => "说明", "Remarks";
    finalize => "确认定稿", "Finalize";
    failed_items => "不符合项", "Non-compliant items";
    confirm_finalize => "定稿后记录不可修改（更正需新修订）。确认定稿？ y 确认 / n 取消", "A final record cannot be changed (corrections are new revisions). Finalize? y / n";
    need_result => "至少需要答一个检查项", "Answer at least one item";
    need_second => "需要两名检查人员（第二检查人员姓名和执法证号）", "Two inspectors are needed (second name and ID)";
    need_signatory => "需要签字人，或选择拒绝签字并填写见证人", "Enter the signatory, or mark the refusal with a witness";
    unanswered_left => "项未答", "items unanswered";
    finalized => "已定稿", "Finalized";
    correction => "更正", "Correction";
    correction_reason => "更正原因（Enter 开始更正，Esc 取消）", "Why is it corrected? (Enter starts, Esc cancels)";
    revision => "第几版", "revision";
    superseded => "已被更正为", "Corrected by";
    confirm_discard => "删除这份草稿及其全部答案？ y 删除 / n 取消", "Delete this draft and all its answers? y / n";
    discard => "删除草稿", "Delete draft";
    // Records
    filter => "筛选", "Filter";
    last_30_days => "近 30 天", "last 30 days";
    this_year => "今年", "this year";
    establishment => "被检查单位", "Establishment";
    all => "全部", "All";
    serial => "编号", "Serial";
    year_sequence => "本年度第几次检查", "Inspection of the year";
    inspectors => "检查人员", "Inspectors";
    checklist => "检查表", "Checklist";
    date => "日期", "Date";
    answers => "检查情况", "Findings";
    // Footer and help
    keys_more => "? 按键", "? keys";
    quit => "退出", "quit";
    back => "返回", "back";
    open => "打开", "open";
    move_ => "移动", "move";
    next_field => "下一项", "next field";
    toggle => "切换", "toggle";
    confirm => "确认", "confirm";
    cancel => "取消", "cancel";
    scroll => "滚动", "scroll";
    error => "错误", "Error";
    // Keys, as the screens' key tables name them for the help and the footer (tui/keys.rs)
    keys_this_help => "按键说明", "this help";
    keys_quit_safely_nothing_saved => "安全退出（已保存的不会丢失）", "quit safely (nothing saved is lost)";
    keys_next_previous_field => "切换输入项", "next / previous field";
    keys_toggle_the_sample_roster => "切换是否载入示例名录", "toggle the sample roster";
    keys_next_field_start => "下一项 / 开始", "next field / start";
    keys_move => "移动", "move";
    keys_resume_draft_inspect_open => "继续草稿 / 开始检查 / 查看记录", "resume draft / inspect / open record";
    keys_establishments_search => "单位名录（搜索）", "establishments (search)";
    keys_records => "检查记录", "records";
    keys_quit => "退出", "quit";
    keys_says_how_to_quit => "提示如何退出（首页不因 Esc 退出）", "says how to quit (Esc does not quit here)";
    keys_search_by_name_pinyin => "按名称、拼音首字母、全拼、许可证号、地址搜索", "search by name, pinyin, licence, address";
    keys_choose_a_checklist_and => "选择检查表并开始检查", "choose a checklist and start";
    keys_filter_by_kind => "按类型筛选", "filter by kind";
    keys_filter_by_risk_grade => "按风险等级筛选", "filter by risk grade";
    keys_filter_by_town => "按镇街道筛选", "filter by town";
    keys_add_an_establishment => "新增单位", "add an establishment";
    keys_edit_the_selected_establishment => "修改所选单位", "edit the selected establishment";
    keys_back_home => "返回首页", "back home";
    keys_compliant_next => "符合，下一项", "compliant, next";
    keys_rest_of_section_compliant => "本部分其余项符合（测量、选择、文字项除外）", "rest of the section compliant (not measurements, choices, text)";
    must_check_one_by_one => "必查项（上次不符合）需逐项检查", "Recheck items (failed last time) are checked one by one";
    keys_non_compliant_asks_for => "不符合（填写说明）", "non-compliant (asks for a note)";
    keys_not_applicable_next => "合理缺项，下一项", "not applicable, next";
    keys_clear_the_answer => "清除本项答案", "clear the answer";
    keys_next_section => "下一部分", "next section";
    keys_note => "填写说明", "note";
    keys_measured_value_choice => "测量值 / 选择项", "measured value / choice";
    keys_attach_a_photo_file => "附照片（文件路径，Tab 补全）", "attach a photo (file path, Tab completes)";
    keys_guidance_and_basis => "检查方法和依据", "guidance and basis";
    keys_next_unanswered => "下一个未答项", "next unanswered";
    keys_review_and_finalize => "结果与定稿", "review and finalize";
    keys_back_home_draft_is => "返回首页（草稿已保存）", "back home (draft is saved)";
    keys_choose_the_handling_on => "选择结果处理或检查结果；在第二检查人员上选以前的同事", "choose the handling or the result; on the second inspector, an earlier colleague";
    keys_refused_to_sign => "勾选拒绝签字或告知页各项", "tick refused to sign, or a box of the notice page";
    keys_finalize_on_the_button => "确认定稿（在按钮上）", "finalize (on the button)";
    keys_go_to_missing => "转到未检查或缺说明、照片的项目", "go to the item not checked, or lacking a note or photo";
    keys_back_to_the_checklist => "返回检查表", "back to the checklist";
    keys_choose_kind_grade_bright => "选择类型、风险等级、明厨亮灶", "choose kind, grade, bright kitchen";
    keys_next_field_save_on => "下一项 / 保存（在按钮上）", "next field / save (on the button)";
    keys_back_to_the_roster => "不保存，返回名录", "back to the roster without saving";
    keys_move_scroll => "移动 / 滚动", "move / scroll";
    keys_filter_all_drafts_final => "筛选：全部、草稿、已定稿", "filter: all, drafts, final";
    keys_filter_by_establishment_name => "按单位筛选（名称、拼音、许可证号、地址）", "filter by establishment (name, pinyin, licence, address)";
    keys_filter_by_result => "按检查结果筛选", "filter by result";
    keys_filter_by_date_last => "按时间筛选：近 30 天、今年", "filter by date: last 30 days, this year";
    keys_filter_by_range => "按起止日期筛选（输入两个日期）", "filter by a range of dates (type two days)";
    keys_open => "打开", "open";
    keys_correct_a_final_record => "更正已定稿的记录（新修订，需填写原因）", "correct a final record (new revision with a reason)";
    keys_back => "返回", "back";
    keys_next => "下一项", "next";
    keys_ok => "确定", "ok";
    keys_search => "名录", "search";
    keys_records_short => "记录", "records";
    keys_inspect => "开始检查", "inspect";
    keys_filter => "筛选", "filter";
    keys_new => "新增", "new";
    keys_pass => "符合", "pass";
    keys_fail => "不符合", "fail";
    keys_n_a => "缺项", "n/a";
    keys_note_short => "说明", "note";
    keys_value => "测量", "value";
    keys_guide => "方法", "guide";
    keys_next_open => "未答", "next open";
    keys_finalize => "定稿", "finalize";
    keys_handling => "选择", "choose";
    keys_name => "单位", "name";
    keys_choose => "选择", "choose";
    keys_scroll => "滚动", "scroll";
    keys_correct => "更正", "correct";
    keys_keys => "按键", "keys";
    keys_change_the_inspector => "修改检查人员信息", "change the inspector's details";
    keys_delete_a_draft => "删除所选草稿（需确认）", "delete the selected draft (asks first)";
    not_applicable_short => "缺项", "N/A";
    pass_short => "符合", "Pass";
    fail_short => "不符合", "Fail";
    recorded_short => "已记录", "Noted";
    default_bureau => "营口市鲅鱼圈区市场监督管理局", "";
    // Sync
    sync => "同步", "Sync";
    bundle_folder => "数据包文件夹：", "Bundle folder:";
    not_set => "（未设置）", "(not set)";
    export_field => "导出外勤数据包", "export field bundle";
    export_office => "导出名录数据包（办公室）", "export roster bundle (office)";
    import_bundle => "导入数据包", "import a bundle";
    export_field_to => "导出未导出的定稿记录到文件夹（Tab 补全，Enter 导出，Esc 取消）：", "Export the records not yet exported to the folder (Tab completes, Enter exports, Esc cancels):";
    export_office_to => "导出名录、检查表、整改与本办公室密钥到文件夹（Tab 补全，Enter 导出）：", "Export roster, checklists, rectifications and this office's key to the folder (Tab completes, Enter exports):";
    export_all_to => "重新导出本机全部定稿记录（U 盘丢失时）到文件夹（Tab 补全，Enter 导出）：", "Export every final record made here again (a lost stick) to the folder (Tab completes, Enter exports):";
    import_from => "导入数据包文件（Tab 补全，Enter 校验并显示计划，Esc 取消）：", "Bundle file to import (Tab completes, Enter checks and shows the plan, Esc cancels):";
    working_export => "正在写入数据包……", "Writing the bundle...";
    working_check => "正在校验数据包……", "Checking the bundle...";
    working_import => "正在导入……", "Importing...";
    office_bundle => "办公室数据包", "office bundle";
    field_bundle => "外勤数据包", "field bundle";
    plan_of => "导入计划：来自站点", "Import plan: from station";
    conflict_kept => "冲突（保留本机记录，不覆盖）：", "conflict (kept, not applied):";
    conflicts_menu => "单位信息冲突", "conflicts";
    no_conflicts => "没有单位信息冲突", "No conflicts in the establishments' facts";
    conflicts_heading => "单位信息冲突：两个站点把同一项改成了不同的值，由办公室裁定", "Conflicts: two stations changed one fact differently; the office settles them";
    conflicts_keys => "↑↓ 选择  ←→ 或数字 选值  Enter 裁定  Esc 返回", "↑↓ choose  ←→ or a number picks a value  Enter settles  Esc back";
    conflict_settled => "已裁定：", "Settled: ";
    station => "站点", "station";
    records_range => "起止日期（YYYY-MM-DD YYYY-MM-DD，Enter 确定，Esc 取消）", "From and to (YYYY-MM-DD YYYY-MM-DD, Enter applies, Esc cancels)";
    conflict_to_settle => "信息冲突（待办公室裁定）：", "facts in conflict (for the office): ";
    plan_confirm => "按 y 导入，Esc 取消（尚未写入任何数据）", "y imports, Esc cancels (nothing written yet)";
    plan_already_imported => "此数据包已导入过，再次导入不会改变任何数据。y 确认，Esc 取消", "Already imported here; importing again changes nothing. y confirms, Esc cancels";
    bundle_history => "数据包记录（最新在前）", "Bundle log (newest first)";
    exported => "导出", "export";
    log_import => "导入", "import";
    imported => "已导入", "imported";
    already_imported => "此数据包已导入过，无变化", "already imported; nothing changed";
    exported_to => "已导出", "Exported";
    own_bundle => "这是本机导出的数据包，无需导入", "This bundle was made by this station; nothing to import";
    not_trusted_nothing_imported => "未信任该站点，未导入任何数据", "Not trusted; nothing was imported";
    import_cancelled => "已取消，未写入任何数据", "Cancelled; nothing was written";
    bundle_inspections => "检查记录", "inspections";
    bundle_establishments => "单位修订", "establishment revisions";
    bundle_rectifications => "整改", "rectifications";
    bundle_attachments => "附件", "attachments";
    keys_sync => "同步（导出、导入数据包）", "sync (export, import bundles)";
    keys_sync_short => "同步", "sync";
    keys_export_field => "导出外勤数据包（未导出的定稿记录）", "export a field bundle (records not yet exported)";
    keys_export_all => "重新导出全部定稿记录（U 盘丢失时）", "export every final record again (a lost stick)";
    keys_export_office => "导出名录数据包（办公室用）", "export a roster bundle (at the office)";
    keys_import => "导入数据包（先显示计划）", "import a bundle (shows the plan first)";
    keys_confirm_plan => "确认导入 / 信任指纹", "confirm the import / trust the fingerprint";
    keys_export => "导出", "export";
    keys_import_short => "导入", "import";
    // Reports
    reports => "报表", "Reports";
    report_kind => "报表", "Report";
    report_summary => "汇总报告（HTML）", "summary (HTML)";
    report_workbook => "Excel 工作簿（.xlsx）", "Excel workbook (.xlsx)";
    report_records => "期间内的检查记录表（HTML）", "record forms of the period (HTML)";
    report_chosen_records => "所选检查记录表（HTML），份数", "record forms chosen (HTML), count";
    keys_print_record => "打印所选记录的记录表（报表）", "print the selected record's form (reports)";
    keys_print_records => "打印列表中全部定稿记录的记录表", "print the forms of every final record listed";
    period_from => "起始日期", "From";
    period_to => "截止日期", "To";
    report_folder => "保存到文件夹", "Save in folder";
    report_hint => "Left Right 选报表；改日期后 Enter 更新；在文件夹上 Enter 写入文件", "Left Right: report; Enter: update, or write on the folder";
    working_report => "正在生成报表……", "Writing the report...";
    period => "期间", "Period";
    inspections_count => "检查次数", "inspections";
    school_coverage => "学校相关单位检查覆盖（已检查/总数）", "school-related establishments inspected / total";
    rectifications_open => "未完成整改", "rectifications open";
    rectifications_overdue => "其中逾期", "overdue";
    coverage_chart => "覆盖率（%）", "coverage (%)";
    bad_period => "日期格式为 2026-01-01，起始不晚于截止", "Dates are written 2026-01-01, from not after to";
    report_written => "已写入", "Written";
    ctrl_o_opens => "（Ctrl-O 打开）", "(Ctrl-O opens it)";
    keys_reports => "报表（汇总、工作簿、记录表）", "reports (summary, workbook, record forms)";
    keys_reports_short => "报表", "reports";
    keys_pick_report => "选择报表", "pick the report";
    keys_write_report => "更新数字 / 写入文件（在文件夹上）", "update the numbers / write the file (on the folder)";
    keys_open_written => "用默认程序打开写好的文件", "open the written file";
    keys_open_short => "打开", "open";
    keys_page => "翻页", "page";
    nothing_written_yet => "还没有写好的文件：先在文件夹上按 Enter 写入报表", "Nothing written yet: Enter on the folder writes the report";
    keys_print_this_record => "打印本记录的记录表（报表）", "print this record's form (reports)";
    keys_cancel => "取消", "cancel";
    keys_choose_a_checklist => "选择检查表", "choose a checklist";
    keys_kind_of_inspection => "切换检查类型", "kind of inspection";
    keys_conflicts => "单位信息冲突（办公室裁定）", "establishment facts in conflict (the office settles)";
    keys_pick_conflict_value => "冲突中：选一个值", "in a conflict: pick a value";
    keys_settle_conflict => "冲突中：以所选值裁定", "in a conflict: settle with the value picked";
}

impl Text {
    /// A file written by the 报表 or draws screen, and how to open it.
    pub fn written_ctrl_o_opens(self, path: &str) -> String {
        format!("{} {path}  {}", self.report_written(), self.ctrl_o_opens())
    }
    pub fn lang(self) -> Lang {
        self.0
    }

    /// On the roster detail's last-inspected line: the open orders, counted.
    pub fn open_rectifications_count(self, n: usize) -> String {
        match self.0 {
            Lang::Zh => format!("未完成整改 {n} 项"),
            Lang::En => format!("{n} open rectification(s)"),
        }
    }

    /// "本年度第 N 次检查"
    pub fn nth_of_year(self, n: i64) -> String {
        match self.0 {
            Lang::Zh => format!("本年度第 {n} 次检查"),
            Lang::En => format!("inspection {n} of the year"),
        }
    }

    /// A heading with how many it lists: "未导出的定稿记录（3）".
    pub fn with_count(self, label: &str, n: usize) -> String {
        match self.0 {
            Lang::Zh => format!("{label}（{n}）"),
            Lang::En => format!("{label} ({n})"),
        }
    }

    /// How many inspections the records filters match: "共 1234 条".
    pub fn records_total(self, n: usize) -> String {
        match self.0 {
            Lang::Zh => format!("共 {n} 条"),
            Lang::En => format!("{n} in all"),
        }
    }

    /// Under a records list that is only a page: how much is listed, and how to narrow it. The
    /// total stands on the line above; both fit 80 columns.
    pub fn records_narrow(self, shown: usize) -> String {
        match self.0 {
            Lang::Zh => {
                format!("只列出最新的 {shown} 条。缩小范围：d 日期，o 检查结果，Tab 状态，/ 单位")
            }
            Lang::En => {
                format!(
                    "Only the newest {shown} listed. Narrow it: d date, o result, Tab status, / name"
                )
            }
        }
    }

    pub fn count_of(self, done: usize, total: usize) -> String {
        format!("{done}/{total}")
    }
}
