//! The roster's messages about a file's bytes and columns (issue 16): which encoding broke
//! where, which character is not allowed, which columns were not imported.

use crate::i18n::Lang;
use crate::roster::{Encoding, EncodingProblem};
use crate::roster::{RosterError, RosterProblem};

impl Lang {
    pub fn roster_encoding_problem(self, problem: &EncodingProblem) -> String {
        let zh = self == Lang::Zh;
        let name = |e: &Encoding| match e {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gbk => "GBK",
            Encoding::Utf16 => "UTF-16",
        };
        match problem {
            EncodingProblem::InvalidByte {
                encoding: Encoding::Utf8,
                byte,
            } => {
                if zh {
                    format!(
                        "文件是 UTF-8 编码，此处的字节 0x{byte:02X} 不是 UTF-8（这一行可能是用 GBK 保存后粘贴进来的；一个文件只能用一种编码，请整份另存为 UTF-8 或 GBK）"
                    )
                } else {
                    format!(
                        "the file is UTF-8, but byte 0x{byte:02X} here is not (this line may have been saved as GBK and pasted in; one file takes one encoding: save it whole as UTF-8 or GBK)"
                    )
                }
            }
            EncodingProblem::InvalidByte { encoding, byte } => {
                let encoding = name(encoding);
                if zh {
                    format!("此处的字节 0x{byte:02X} 不是有效的 {encoding} 编码，文件可能已损坏")
                } else {
                    format!("byte 0x{byte:02X} here is not valid {encoding}; is the file damaged?")
                }
            }
            EncodingProblem::Utf8LineInGbk => self
                .pick(
                    "文件是 GBK 编码，这一行却是 UTF-8 编码（一个文件只能用一种编码，请整份另存为 UTF-8 或 GBK）",
                    "the file is GBK, but this line is UTF-8 (one file takes one encoding: save it whole as UTF-8 or GBK)",
                )
                .to_string(),
            EncodingProblem::Utf16WithoutBom => self
                .pick(
                    "文件像是没有 BOM 的 UTF-16 编码，无法可靠读取；请另存为“CSV UTF-8”或 GBK 的 CSV",
                    "the file looks like UTF-16 without a byte-order mark, which cannot be read reliably; save it as \"CSV UTF-8\" or a GBK CSV",
                )
                .to_string(),
        }
    }

    /// A character no roster field may hold, named so the office can find it in Excel, where
    /// it is invisible.
    pub fn roster_forbidden_character(self, c: char) -> String {
        let code = format!("U+{:04X}", c as u32);
        let what = match c {
            '\0' => "NUL",
            '\u{1b}' => "ESC",
            '\u{feff}' => "BOM",
            c if c.is_control() => self.pick("控制字符", "control character"),
            _ => self.pick("不可见的格式字符", "invisible formatting character"),
        };
        if self == Lang::Zh {
            if c == '\u{feff}' {
                format!(
                    "含有 BOM（{code}）：BOM 只能在文件开头，这里多出的一个会让名称看起来相同却匹配不上"
                )
            } else {
                format!("含有{what}（{code}），名册中不能有这种字符，请在 Excel 中删除后重新保存")
            }
        } else if c == '\u{feff}' {
            format!(
                "holds a BOM ({code}): a BOM belongs only at the start of the file; this one would make a name look the same and match differently"
            )
        } else {
            format!(
                "holds a {what} ({code}), which a roster must not contain; remove it in Excel and save again"
            )
        }
    }

    /// The warning for header columns a roster does not have: their values are not imported.
    pub fn roster_unknown_columns(self, file: &str, columns: &[String]) -> String {
        let listed = columns
            .iter()
            .map(|c| match c.strip_prefix('#') {
                Some(n) if self == Lang::Zh => format!("第 {n} 列（无表头）"),
                Some(n) => format!("column {n} (no header)"),
                None if self == Lang::Zh => format!("“{c}”"),
                None => format!("{c:?}"),
            })
            .collect::<Vec<_>>();
        if self == Lang::Zh {
            format!(
                "{file}: 警告：名册没有这些列，其内容未导入：{}（列名见 docs/roster.md）",
                listed.join("、")
            )
        } else {
            format!(
                "{file}: warning: a roster has no such columns; their values were not imported: {} (see docs/roster.md)",
                listed.join(", ")
            )
        }
    }
}

impl Lang {
    /// `file:line: column: problem` for one roster row.
    pub fn roster_error(self, file: &str, e: &RosterError) -> String {
        let zh = self == Lang::Zh;
        let problem = match &e.problem {
            RosterProblem::NoHeader => self
                .pick("文件为空或第一行不是表头", "empty file or no header line")
                .to_string(),
            RosterProblem::MissingColumn => self
                .pick("表头缺少此列", "this column is missing from the header")
                .to_string(),
            RosterProblem::DuplicateColumn => self
                .pick(
                    "表头中此列出现了两次",
                    "this column appears twice in the header",
                )
                .to_string(),
            RosterProblem::Malformed(msg) => {
                format!("{}：{msg}", self.pick("CSV 格式错误", "malformed CSV"))
            }
            RosterProblem::WrongFieldCount { expected, found } => {
                if zh {
                    format!("应有 {expected} 列，实际 {found} 列")
                } else {
                    format!("expected {expected} fields, found {found}")
                }
            }
            RosterProblem::TooLong { limit } => {
                if zh {
                    format!("内容过长（超过 {limit} 个字），请检查文件是否损坏")
                } else {
                    format!("too long (over {limit} characters); is the file damaged?")
                }
            }
            RosterProblem::FileTooLarge { limit } => {
                if zh {
                    format!("文件过大（超过 {} MB），不是花名册", limit >> 20)
                } else {
                    format!("file too large (over {} MB) for a roster", limit >> 20)
                }
            }
            RosterProblem::BadActive(v) => {
                if zh {
                    format!("“{v}” 应为“是”或“否”")
                } else {
                    format!("{v:?} should be 是 (yes) or 否 (no)")
                }
            }
            RosterProblem::Required => self
                .pick("必填，不能为空", "required, must not be empty")
                .to_string(),
            RosterProblem::UnknownKind(k) => {
                if zh {
                    format!("未知的单位类型 “{k}”（见 docs/roster.md）")
                } else {
                    format!("unknown establishment kind {k:?} (see docs/roster.md)")
                }
            }
            RosterProblem::BadRiskGrade(g) => {
                if zh {
                    format!("风险等级 “{g}” 无效，应为 A、B、C 或 D")
                } else {
                    format!("risk grade {g:?} is invalid: A, B, C or D")
                }
            }
            RosterProblem::BadBrightKitchen(v) => {
                if zh {
                    format!("明厨亮灶 “{v}” 无效，应为 无、透明厨房、视频厨房 或 互联网+明厨亮灶")
                } else {
                    format!("明厨亮灶 {v:?} is invalid: 无, 透明厨房, 视频厨房 or 互联网+明厨亮灶")
                }
            }
            RosterProblem::DuplicateIdentifier { other_line } => {
                if zh {
                    format!("与第 {other_line} 行重复")
                } else {
                    format!("the same as on line {other_line}")
                }
            }
            RosterProblem::DuplicateNameAddress { other_line } => {
                if zh {
                    format!("名称和地址与第 {other_line} 行相同（同一单位只能有一行）")
                } else {
                    format!(
                        "the same name and address as line {other_line} (one row per establishment)"
                    )
                }
            }
            RosterProblem::ForbiddenCharacter(c) => self.roster_forbidden_character(*c),
            RosterProblem::Encoding(problem) => self.roster_encoding_problem(problem),
        };
        let line = if zh {
            format!("第 {} 行", e.line)
        } else {
            format!("line {}", e.line)
        };
        match &e.column {
            Some(column) => format!(
                "{file}: {line}, {}“{column}”: {problem}",
                self.pick("列", "column ")
            ),
            None => format!("{file}: {line}: {problem}"),
        }
    }
}
