//! What differs between Linux and Windows: file permissions, opening a file.

use std::io::Write;
use std::path::Path;

/// Creates a file only its owner may read (the station's private key), unless it exists.
/// Returns whether this call created it. The bytes are written and synced under a temporary
/// name first, then linked into place: a crash leaves no partial file, and when two processes
/// race, the first one's file wins and the other reads it.
pub fn create_private_file(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    // Unique per process and thread, so racing writers never share a temporary file.
    let nonce = getrandom::u64().map_err(|e| std::io::Error::other(e.to_string()))?;
    let tmp = path.with_extension(format!("{}-{nonce:x}.tmp", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    let linked = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            sync_parent(path);
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}

/// Whether a file can be read by others than its owner (always false where the platform has no
/// such permission bits).
pub fn readable_by_others(path: &Path) -> std::io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(std::fs::metadata(path)?.permissions().mode() & 0o077 != 0)
    }
    #[cfg(not(unix))]
    {
        std::fs::metadata(path).map(|_| false)
    }
}

/// Makes a rename durable by syncing the folder that holds it (a no-op where unsupported).
pub fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(parent) = path.parent()
        && let Ok(dir) = std::fs::File::open(parent)
    {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Why a written file could not be opened with the system's default program.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The program that opens files (`xdg-open`, `open`, `cmd`) is not installed.
    #[error("{program} is not installed")]
    NoOpener { program: String },
    /// It ran and said no program opens this kind of file (exit status `code`).
    #[error("{program} found no program for the file (exit status {code})")]
    NoProgram { program: String, code: i32 },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// How long the opener may take to say that nothing opens the file. It hands the file to the
/// program and returns at once when one exists; `xdg-open` without one exits within this.
const OPENER_VERDICT: std::time::Duration = std::time::Duration::from_millis(1500);

/// Opens a file with the system's default program (the browser for HTML, the spreadsheet for
/// .xlsx): `xdg-open` on Linux, `open` on macOS, `start` on Windows. Waits only for the
/// opener's verdict (it hands over and exits), so a missing opener or a file kind nothing
/// opens is told to the user rather than passing in silence.
pub fn open_with_default_program(path: &Path) -> Result<(), OpenError> {
    #[cfg(windows)]
    let command = {
        let mut c = std::process::Command::new("cmd");
        // The empty string is `start`'s window title, so a quoted path is not taken for one.
        c.args(["/C", "start", ""]).arg(path);
        c
    };
    #[cfg(target_os = "macos")]
    let command = {
        let mut c = std::process::Command::new("open");
        c.arg(path);
        c
    };
    #[cfg(all(unix, not(target_os = "macos")))]
    let command = {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(path);
        c
    };
    open_with(command)
}

fn open_with(mut command: std::process::Command) -> Result<(), OpenError> {
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = match command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(OpenError::NoOpener { program });
        }
        Err(e) => return Err(e.into()),
    };
    let started = std::time::Instant::now();
    while started.elapsed() < OPENER_VERDICT {
        match child.try_wait()? {
            Some(status) if status.success() => return Ok(()),
            Some(status) => {
                return Err(OpenError::NoProgram {
                    program,
                    code: status.code().unwrap_or(-1),
                });
            }
            None => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
    // Still running: it is the program that opened the file (`start` and some openers wait for
    // it), so the file is open.
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_missing_opener_and_one_that_finds_no_program_are_told_apart() {
        let missing = std::process::Command::new("shian-test-no-such-opener");
        assert!(matches!(
            open_with(missing),
            Err(OpenError::NoOpener { program }) if program == "shian-test-no-such-opener"
        ));
        // `xdg-open` says "no method available" with status 3.
        let mut refusing = std::process::Command::new("sh");
        refusing.args(["-c", "exit 3"]);
        assert!(matches!(
            open_with(refusing),
            Err(OpenError::NoProgram { code: 3, .. })
        ));
        let mut opening = std::process::Command::new("sh");
        opening.args(["-c", "exit 0"]);
        assert!(open_with(opening).is_ok());
    }
}

/// Writes a file through a temporary file beside it, synced, then renamed: a half-written report
/// never looks whole. Makes the folder if needed.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&tmp, path)?;
    sync_parent(path);
    Ok(())
}

/// The process that holds a POSIX write lock over byte `byte` of the file at `path`, as
/// "program arguments… (pid N)", where the system says (Linux: /proc/locks and
/// /proc/PID/cmdline); `None` where it cannot tell, so a caller never has to guess.
pub fn write_lock_holder(path: &Path, byte: u64) -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let inode = std::fs::metadata(path).ok()?.ino();
        let locks = std::fs::read_to_string("/proc/locks").ok()?;
        let pid = locks.lines().find_map(|line| {
            // "1: POSIX  ADVISORY  WRITE 4242 fd:01:1234567 120 120"; a waiter has "->" after
            // the number and holds nothing.
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [_, kind, _, mode, pid, file, start, end] = fields.as_slice() else {
                return None;
            };
            let held_inode = file.rsplit(':').next()?.parse::<u64>().ok()?;
            let start: u64 = start.parse().ok()?;
            let covers = match *end {
                "EOF" => start <= byte,
                end => start <= byte && byte <= end.parse().ok()?,
            };
            (*kind == "POSIX" && *mode == "WRITE" && held_inode == inode && covers)
                .then(|| pid.parse::<u32>().ok())
                .flatten()
        })?;
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let mut words = cmdline
            .split(|b| *b == 0)
            .filter(|w| !w.is_empty())
            .map(|w| String::from_utf8_lossy(w).into_owned());
        let program = words.next().map(|p| {
            Path::new(&p)
                .file_name()
                .map_or(p.clone(), |n| n.to_string_lossy().into_owned())
        });
        let mut shown = program
            .into_iter()
            .chain(words)
            .collect::<Vec<_>>()
            .join(" ");
        if shown.chars().count() > 120 {
            shown = shown.chars().take(119).chain(['…']).collect();
        }
        Some(if shown.is_empty() {
            format!("pid {pid}")
        } else {
            format!("{shown} (pid {pid})")
        })
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (path, byte);
        None
    }
}

/// Lowers the calling thread's scheduling priority, for a thread that helps another which no
/// other thread can relieve: an import's readers and checkers beside the one thread that
/// writes the database (issue 20). On a laptop's two cores the writer then keeps its core and
/// the helpers take what it leaves. Where threads have no priority of their own, does nothing.
pub fn lower_thread_priority() {
    #[cfg(target_os = "linux")]
    {
        // Niceness 10 of 19: below every thread at the default 0. A failure leaves the
        // priority as it was, which is only slower.
        let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 10);
    }
}
