//! Standard output for the headless commands. A closed pipe (`shian inspections list | head`)
//! ends the command quietly instead of panicking as `println!` does; and control characters
//! that came from records (an establishment named "\x1b]0;…") are shown in caret notation, so
//! they print as text rather than drive the terminal.

use std::io::Write;

/// Writes already formatted text to stdout, made safe for a terminal.
pub fn write(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(crate::text::printable(text).as_bytes())?;
    stdout.flush()
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

pub(crate) use {out, outln};
