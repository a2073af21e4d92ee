//! The words of the errors that are neither the store's nor a bundle's, in Chinese and English:
//! the station key, a report that could not be made, a file that could not be opened.

use crate::i18n::Lang;

impl Lang {
    /// A written file could not be opened with the default program (Ctrl-O, `--open`): why,
    /// and where the file is.
    pub fn cannot_open(self, path: &str, why: &crate::platform::OpenError) -> String {
        use crate::platform::OpenError;
        match (self, why) {
            (Lang::Zh, OpenError::NoOpener { program }) => format!(
                "无法打开：本机没有用来打开文件的程序（{program}）。文件已写好，在 {path}，请用浏览器或表格程序打开"
            ),
            (Lang::En, OpenError::NoOpener { program }) => format!(
                "Cannot open it: this computer has no program that opens files ({program}). The file is written, at {path}; open it with a browser or a spreadsheet"
            ),
            (Lang::Zh, OpenError::NoProgram { .. }) => {
                format!("无法打开：本机没有能打开这类文件的程序。文件已写好，在 {path}")
            }
            (Lang::En, OpenError::NoProgram { .. }) => format!(
                "Cannot open it: no program on this computer opens this kind of file. The file is written, at {path}"
            ),
            (Lang::Zh, OpenError::Io(e)) => format!("无法打开 {path}：{e}"),
            (Lang::En, OpenError::Io(e)) => format!("Cannot open {path}: {e}"),
        }
    }
}

impl Lang {
    /// The station key could not be read or made.
    pub fn identity_error(self, e: &crate::identity::IdentityError) -> String {
        use crate::identity::IdentityError;
        match (self, e) {
            (_, IdentityError::Io { path, source }) => self.io_error(path, source),
            (Lang::Zh, IdentityError::Damaged { path }) => format!(
                "{} 不是本站点的密钥文件（应为 64 位十六进制数字）。请勿手动修改；如已损坏，请从备份恢复。",
                path.display()
            ),
            (Lang::En, IdentityError::Damaged { path }) => format!(
                "{} is not a station key (64 hexadecimal digits expected). Do not edit it; if it is damaged, restore it from a backup.",
                path.display()
            ),
            (Lang::Zh, IdentityError::Random(why)) => {
                format!("系统的随机数来源出错，无法生成站点密钥：{why}")
            }
            (Lang::En, IdentityError::Random(why)) => {
                format!(
                    "the system's random number source failed, so no station key could be made: {why}"
                )
            }
        }
    }

    /// A report could not be made.
    pub fn report_error(self, e: &crate::report::ReportError) -> String {
        use crate::report::ReportError;
        match (self, e) {
            (Lang::Zh, ReportError::Template(why)) => format!("无法生成报表页面：{why}"),
            (Lang::En, ReportError::Template(why)) => {
                format!("the report page could not be made: {why}")
            }
            (Lang::Zh, ReportError::Workbook(why)) => format!("无法生成工作簿：{why}"),
            (Lang::En, ReportError::Workbook(why)) => {
                format!("the workbook could not be made: {why}")
            }
            (Lang::Zh, ReportError::Csv(why)) => format!("无法生成 CSV 文件：{why}"),
            (Lang::En, ReportError::Csv(why)) => format!("the CSV file could not be made: {why}"),
            (_, ReportError::NoOrder(why)) => self.no_order(*why).to_string(),
        }
    }
}
