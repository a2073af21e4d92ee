//! The names of the domain's values: verdicts, outcomes, handlings, kinds of inspection and of
//! establishment, statuses.

use super::Lang;
use crate::domain::establishment::{BrightKitchen, EstablishmentKind};
use crate::domain::inspection::{InspectionKind, Status};
use crate::domain::outcome::{Handling, Outcome, Verdict};

impl Lang {
    pub fn kind(self, kind: EstablishmentKind) -> &'static str {
        self.pick(kind.name_zh(), kind.name_en())
    }

    pub fn bright_kitchen(self, form: BrightKitchen) -> &'static str {
        self.pick(form.name_zh(), form.name_en())
    }

    pub fn verdict(self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Pass => self.pick("符合", "Compliant"),
            Verdict::Fail => self.pick("不符合", "Non-compliant"),
            Verdict::NotApplicable => self.pick("合理缺项", "Not applicable"),
            Verdict::NotChecked => self.pick("未检查", "Not checked"),
        }
    }

    pub fn outcome(self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::Compliant => self.pick("符合", "Compliant"),
            Outcome::BasicallyCompliant => self.pick("基本符合", "Basically compliant"),
            Outcome::NonCompliant => self.pick("不符合", "Non-compliant"),
        }
    }

    pub fn handling(self, handling: Handling) -> &'static str {
        match handling {
            Handling::Pass => self.pick("通过", "Passed"),
            Handling::RectifyOnSite => self.pick("当场整改", "Rectified on site"),
            Handling::RectifyByDeadline => self.pick("书面限期整改", "Written rectification order"),
            Handling::Investigate => self.pick("依法调查处理", "Investigation under the law"),
            Handling::StopOperations => self.pick("立即停止经营活动", "Stop operations at once"),
        }
    }

    pub fn inspection_kind(self, kind: InspectionKind) -> &'static str {
        match kind {
            InspectionKind::Routine => self.pick("日常检查", "Routine"),
            InspectionKind::Special => self.pick("专项检查", "Special"),
            InspectionKind::FollowUp => self.pick("复查", "Follow-up"),
            InspectionKind::Flight => self.inspection_kind_2022(true),
            InspectionKind::System => self.inspection_kind_2022(false),
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        match status {
            Status::Draft => self.pick("草稿", "Draft"),
            Status::Final => self.pick("已定稿", "Final"),
        }
    }
}
