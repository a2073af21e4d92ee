//! The words of authorship and of the rules of a final record (docs/trust.md), in Chinese and
//! English: why a record was refused at import, or may not become final.

use crate::bundle::trust::Refusal;
use crate::domain::establishment_merge::MergeError;
use crate::domain::final_check::FinalProblem;
use crate::i18n::Lang;

impl Lang {
    /// Why one record of a bundle was refused; `record` names it (serial, or name and id).
    pub fn refusal(self, record: &str, rule: &Refusal) -> String {
        let zh = self == Lang::Zh;
        let why = match rule {
            Refusal::Unsigned => self
                .pick(
                    "记录没有作者签名",
                    "the record carries no author signature",
                )
                .to_string(),
            Refusal::BadSignature => self
                .pick(
                    "作者签名与记录内容不符：记录被改动过，或不是由其作者签名",
                    "the author signature does not match the record: it was altered, or not signed by its author",
                )
                .to_string(),
            Refusal::UnknownAuthor { fingerprint } if zh => {
                format!("记录由未信任的站点签名（密钥指纹 {fingerprint}）")
            }
            Refusal::UnknownAuthor { fingerprint } => {
                format!("the record is signed by a station not trusted here (key fingerprint {fingerprint})")
            }
            Refusal::RevokedAuthor {
                station,
                fingerprint,
            } if zh => format!(
                "记录的作者站点 {station}（密钥指纹 {fingerprint}）已被撤销信任，无论由谁转交都不接受"
            ),
            Refusal::RevokedAuthor {
                station,
                fingerprint,
            } => format!(
                "the record's author, station {station} (key fingerprint {fingerprint}), has been revoked; its records are refused whoever relays them"
            ),
            Refusal::NotItsAuthor { claimed, author } if zh => {
                format!("记录自称出自站点 {claimed}，却是站点 {author} 签名的")
            }
            Refusal::NotItsAuthor { claimed, author } => {
                format!("the record claims station {claimed} but was signed by station {author}")
            }
            Refusal::SerialNotAuthors { serial, author } if zh => {
                format!("编号 {serial} 不以作者站点代码 {author} 开头")
            }
            Refusal::SerialNotAuthors { serial, author } => {
                format!("serial {serial} does not begin with its author's station code {author}")
            }
            Refusal::CorrectionOfAnother { original, author } if zh => format!(
                "站点 {author} 更正了其他站点的记录 {original}；只有原站点，或办公室以自己的名义并写明理由，才能更正"
            ),
            Refusal::CorrectionOfAnother { original, author } => format!(
                "station {author} corrects record {original} of another station; only its own station may, or the office as its own with a reason"
            ),
            Refusal::CorrectionOutOfLine { serial } if zh => {
                format!("更正记录 {serial} 的编号、版本或单位与被更正的记录不衔接")
            }
            Refusal::CorrectionOutOfLine { serial } => format!(
                "correction {serial} does not follow the record it corrects (serial, revision or establishment)"
            ),
            Refusal::WrongChecklist { named, version_of } if zh => {
                format!("记录写的是检查表 {named}，但其检查表版本属于 {version_of}")
            }
            Refusal::WrongChecklist { named, version_of } => format!(
                "the record names checklist {named}, but its checklist version is one of {version_of}"
            ),
            Refusal::Content(problem) => self.final_problem(problem),
            Refusal::ClosedWithoutFollowUp { item } if zh => {
                format!("第 {item} 项的整改被关闭，却没有判定该项符合的复查记录")
            }
            Refusal::ClosedWithoutFollowUp { item } => format!(
                "the rectification of item {item} is closed without a follow-up inspection that passes it"
            ),
            Refusal::RectificationOutOfLine { item } if zh => {
                format!("第 {item} 项的整改与其下达或复查的检查记录不符")
            }
            Refusal::RectificationOutOfLine { item } => format!(
                "the rectification of item {item} does not match the inspections that ordered or followed it up"
            ),
            Refusal::DecisionNotByOffice { author } if zh => format!(
                "关闭整改的决定只能由办公室作出，这一决定却出自站点 {author}"
            ),
            Refusal::DecisionNotByOffice { author } => format!(
                "only an office may decide to close a rectification; this decision is station {author}'s"
            ),
            Refusal::ResolutionNotByOffice { author } if zh => format!(
                "单位信息的冲突只能由办公室裁定，这一裁定却出自站点 {author}"
            ),
            Refusal::ResolutionNotByOffice { author } => format!(
                "only an office may settle a conflict in an establishment's facts; this revision is station {author}'s"
            ),
            Refusal::BrokenHistory(e) => match e {
                MergeError::MissingParent { revision, parent } if zh => format!(
                    "修订 {revision} 基于修订 {parent}，但数据包和本机都没有这一修订"
                ),
                MergeError::MissingParent { revision, parent } => format!(
                    "revision {revision} was made from revision {parent}, which neither the bundle nor this station holds"
                ),
                MergeError::ParentNotEarlier { revision, parent } if zh => {
                    format!("修订 {revision} 声称基于修订 {parent}，但后者并不更早")
                }
                MergeError::ParentNotEarlier { revision, parent } => format!(
                    "revision {revision} names revision {parent} as its parent, which is not earlier"
                ),
                MergeError::Twice(revision) if zh => format!("修订 {revision} 出现了两次"),
                MergeError::Twice(revision) => format!("revision {revision} appears twice"),
                MergeError::Empty => self.pick("没有修订", "no revisions").to_string(),
            },
            Refusal::NoReason => self
                .pick(
                    "关闭整改的决定没有写明理由",
                    "the decision that closes the rectification gives no reason",
                )
                .to_string(),
            Refusal::Duplicate => self
                .pick(
                    "同一条记录在数据包中出现了两次",
                    "the same record appears twice in the bundle",
                )
                .to_string(),
            Refusal::StationsNotFromOffice => self
                .pick(
                    "只有办公室的数据包可以带来站点名单",
                    "only an office bundle may carry a list of stations",
                )
                .to_string(),
        };
        if zh {
            format!("拒绝导入：记录 {record}：{why}。整个数据包未导入，本机数据没有改动。")
        } else {
            format!(
                "refused: record {record}: {why}. Nothing of the bundle was imported; the data here is unchanged."
            )
        }
    }

    /// Why a key is not trusted: its station code is a known station's.
    pub fn code_taken(self, code: &str, known_fingerprint: &str, known_name: &str) -> String {
        if self == Lang::Zh {
            format!(
                "拒绝信任：站点代码 {code} 已属于本机信任的另一站点（{known_name}，密钥指纹 {known_fingerprint}）。两把不同的密钥不能共用一个代码：这可能是冒充。如确需用新密钥取代原站点，请加 --replace {code}。"
            )
        } else {
            format!(
                "refused: station code {code} already belongs to another known station ({known_name}, key fingerprint {known_fingerprint}). Two keys cannot share a code: this may be an impersonation. To replace that station by the new key, add --replace {code}."
            )
        }
    }

    /// Why a record may not be final.
    pub fn final_problem(self, problem: &FinalProblem) -> String {
        let zh = self == Lang::Zh;
        let outcome = |o: Option<crate::domain::outcome::Outcome>| {
            o.map_or(self.pick("（无）", "(none)").to_string(), |o| {
                self.outcome(o).to_string()
            })
        };
        match problem {
            FinalProblem::NothingChecked => self
                .pick("没有任何一项判定为符合或不符合", "no item was passed or failed")
                .into(),
            FinalProblem::NeedSecondInspector => self
                .pick(
                    "需要第二名检查人员的姓名和执法证号",
                    "a second inspector's name and ID number are required",
                )
                .into(),
            FinalProblem::SameInspectorTwice => self
                .pick(
                    "两名检查人员的执法证号相同：检查人员不能与自己同行",
                    "both inspectors have the same ID number: an inspector cannot be their own colleague",
                )
                .into(),
            FinalProblem::NeedDeadline => self
                .pick("书面限期整改需要整改期限", "a written rectification order needs a deadline")
                .into(),
            FinalProblem::DeadlineOutOfRange {
                deadline,
                earliest,
                latest,
            } if zh => format!("整改期限 {deadline} 不在 {earliest} 至 {latest} 之间"),
            FinalProblem::DeadlineOutOfRange {
                deadline,
                earliest,
                latest,
            } => format!("the deadline {deadline} is not between {earliest} and {latest}"),
            FinalProblem::NeedSignatory => self
                .pick(
                    "需要被检查单位签字人，或拒签时的见证人",
                    "the operator's signatory is required, or a witness when they refuse",
                )
                .into(),
            FinalProblem::NoteRequired { item } if zh => format!("第 {item} 项不符合，需写明情况"),
            FinalProblem::NoteRequired { item } => format!("item {item} failed and needs a note"),
            FinalProblem::PhotoRequired { item } if zh => format!("第 {item} 项不符合，需附照片"),
            FinalProblem::PhotoRequired { item } => format!("item {item} failed and needs a photo"),
            FinalProblem::UnknownItem { item } if zh => {
                format!("答了检查表中没有的项目 {item}")
            }
            FinalProblem::UnknownItem { item } => {
                format!("it answers item {item}, which its checklist does not have")
            }
            FinalProblem::DuplicateAnswer { item } if zh => format!("第 {item} 项有两个答案"),
            FinalProblem::DuplicateAnswer { item } => format!("item {item} is answered twice"),
            FinalProblem::OutcomeDisagrees { stated, computed } if zh => format!(
                "记录的检查结果为{}，但按其各项答案应为{}",
                outcome(*stated),
                outcome(Some(*computed))
            ),
            FinalProblem::OutcomeDisagrees { stated, computed } => format!(
                "the record states the result {} but its answers give {}",
                outcome(*stated),
                outcome(Some(*computed))
            ),
            FinalProblem::TextTooLong { field, limit } if zh => {
                format!("{field} 超过 {limit} 个字的上限")
            }
            FinalProblem::TextTooLong { field, limit } => {
                format!("{field} is longer than the limit of {limit} characters")
            }
            FinalProblem::ImplausibleTime { field } if zh => {
                format!("时间 {field} 不合理（早于 2000 年、晚于当前时间，或完成早于开始）")
            }
            FinalProblem::ImplausibleTime { field } => format!(
                "the time {field} is implausible (before 2000, after now, or finished before started)"
            ),
            FinalProblem::SignOff(problem) => self.sign_off_problem(problem),
        }
    }
}
