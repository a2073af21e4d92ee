//! The words of the 2022 record form (表2-2 食品经营监督检查结果记录表) and of a result the
//! inspectors set, in both languages (issue 18). Only what could be sourced is printed:
//! docs/checklists.md says what of 表2-2 was found.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy)]
pub struct Labels2022 {
    /// The title of 表2-2, as the 2022 notice (市监食生发〔2022〕18号) names it.
    pub form_title: &'static str,
    /// The 告知页's row.
    pub notice: &'static str,
    pub credentials: &'static str,
    pub task_letter: &'static str,
    pub recusal: &'static str,
    pub recusal_none: &'static str,
    pub recusal_action: &'static str,
    /// Beside the counts: a result other than the computed one.
    pub result_set: &'static str,
    pub computed: &'static str,
    pub reason: &'static str,
    /// Beside the counts of a `judgement` checklist whose proposal was confirmed.
    pub judged: &'static str,
}

static ZH: Labels2022 = Labels2022 {
    form_title: "食品经营监督检查结果记录表",
    notice: "告知情况",
    credentials: "出示执法证件",
    task_letter: "出示检查任务书",
    recusal: "被检查单位申请回避",
    recusal_none: "被检查单位未申请回避",
    recusal_action: "处理情况",
    result_set: "检查结果由检查人员确定为",
    computed: "按各项计数为",
    reason: "理由",
    judged: "检查结果由检查人员综合判定（《食品生产经营监督检查管理办法》第三十一条），与按各项计数的建议一致",
};

static EN: Labels2022 = Labels2022 {
    form_title: "Food Business Supervision and Inspection Result Record",
    notice: "Notice given",
    credentials: "Credentials shown",
    task_letter: "Task letter shown",
    recusal: "The operator requested recusal",
    recusal_none: "The operator did not request recusal",
    recusal_action: "what was done",
    result_set: "Result set by the inspectors",
    computed: "the counts give",
    reason: "reason",
    judged: "Result judged by the inspectors (Order 49 art. 31), as the counts propose",
};

impl Labels2022 {
    pub fn of(lang: Lang) -> &'static Labels2022 {
        match lang {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}
