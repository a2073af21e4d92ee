//! What the headless commands write to the terminal: stdout, stderr and prompts all go through
//! here, so control characters that came from records or files (an establishment named
//! "\x1b]0;…", a bundle's claimed station name with SGR 8) are shown as text
//! (`text::printable`) rather than drive the terminal. A closed pipe (`shian inspections list |
//! head`) ends the command quietly instead of panicking as `println!` does.
//! `lib.rs` denies `print!`/`eprint!` elsewhere, so nothing bypasses this module.

use std::io::Write;

/// Writes already formatted text to stdout, made safe for a terminal.
pub fn write(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(crate::text::printable(text).as_bytes())?;
    stdout.flush()
}

/// Writes already formatted text to stderr, made safe for a terminal. A message that cannot
/// be written has nowhere else to go, so a failure is ignored.
pub fn write_err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(crate::text::printable(text).as_bytes());
    let _ = stderr.flush();
}

/// A progress line on stderr: back to the start of the line (`\r`, the one control character
/// shian writes itself), then `text`, cleaned.
pub fn progress(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "\r{}", crate::text::printable(text));
    let _ = stderr.flush();
}

/// True when `error` is stdout's reader having gone away, which is no failure of shian's.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// `print!` to stdout, returning `std::io::Result<()>`.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::out::write(&format!($($arg)*))
    };
}

/// `println!` to stdout, returning `std::io::Result<()>`.
macro_rules! outln {
    () => {
        $crate::cli::out::write("\n")
    };
    ($($arg:tt)*) => {
        $crate::cli::out::write(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprint!`, cleaned.
macro_rules! err {
    ($($arg:tt)*) => {
        $crate::cli::out::write_err(&format!($($arg)*))
    };
}

/// `eprintln!`, cleaned.
macro_rules! errln {
    () => {
        $crate::cli::out::write_err("\n")
    };
    ($($arg:tt)*) => {
        $crate::cli::out::write_err(&format!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {err, errln, out, outln};
