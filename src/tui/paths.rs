//! Tab completion of a file path typed in the UI, as a shell completes it.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

/// Completes the last part of `text` against the folder it names. Returns the new text and,
/// when several names fit, those names (sorted, at most `MAX_SHOWN`).
pub fn complete(text: &str) -> (String, Vec<String>) {
    let split = text.rfind(['/', MAIN_SEPARATOR]).map_or(0, |i| i + 1);
    let (dir_text, prefix) = text.split_at(split);
    let dir = expand(if dir_text.is_empty() { "." } else { dir_text });
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return (text.to_string(), Vec::new());
    };
    let mut names: Vec<(String, bool)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let hidden = name.starts_with('.') && !prefix.starts_with('.');
            (name.starts_with(prefix) && !hidden)
                .then(|| (name, e.file_type().is_ok_and(|t| t.is_dir())))
        })
        .collect();
    names.sort();
    match names.as_slice() {
        [] => (text.to_string(), Vec::new()),
        [(name, is_dir)] => {
            let slash = if *is_dir { "/" } else { "" };
            (format!("{dir_text}{name}{slash}"), Vec::new())
        }
        _ => {
            let common = common_prefix(names.iter().map(|(n, _)| n.as_str()));
            let shown = names
                .iter()
                .take(MAX_SHOWN)
                .map(|(n, _)| n.clone())
                .collect();
            (format!("{dir_text}{common}"), shown)
        }
    }
}

const MAX_SHOWN: usize = 12;

/// `~/` stands for the home folder, as inspectors are used to from other programs.
pub fn expand(text: &str) -> PathBuf {
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))
    {
        return Path::new(&home).join(rest);
    }
    PathBuf::from(text)
}

fn common_prefix<'a>(mut names: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = names.next() else {
        return String::new();
    };
    let mut common = first.to_string();
    for name in names {
        let keep = common
            .char_indices()
            .zip(name.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8());
        common.truncate(keep);
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_one_match_and_the_common_part_of_several() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("留样柜1.jpg"), b"x").unwrap();
        std::fs::write(dir.path().join("留样柜2.jpg"), b"x").unwrap();
        std::fs::create_dir(dir.path().join("后厨")).unwrap();
        let base = format!("{}/", dir.path().display());
        let (text, shown) = complete(&format!("{base}留"));
        assert_eq!(text, format!("{base}留样柜"));
        assert_eq!(shown, vec!["留样柜1.jpg", "留样柜2.jpg"]);
        let (text, shown) = complete(&format!("{base}后"));
        assert_eq!(text, format!("{base}后厨/"));
        assert!(shown.is_empty());
        let (text, _) = complete(&format!("{base}none"));
        assert_eq!(text, format!("{base}none"));
    }
}
