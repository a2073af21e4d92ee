//! A small append-only log file in the data folder (`shian-tui.log`). The screen belongs to the
//! UI, so nothing is ever printed to it; a line per event is all the field UI needs, which is
//! why this is not a `tracing` subscriber.

use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

static FILE: Mutex<Option<std::fs::File>> = Mutex::new(None);

pub const LOG_FILE: &str = "shian-tui.log";

pub fn init(data_dir: &Path) {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(data_dir.join(LOG_FILE))
        .ok();
    if let Ok(mut slot) = FILE.lock() {
        *slot = file;
    }
}

pub fn write(level: &str, message: &str) {
    if let Ok(mut slot) = FILE.lock()
        && let Some(file) = slot.as_mut()
    {
        let now = chrono::Local::now().format("%Y-%m-%d %H:%M:%S%.3f");
        // A log line that cannot be written is not worth stopping the inspector for.
        let _ = writeln!(file, "{now} {level} {message}");
    }
}

pub fn info(message: &str) {
    write("INFO", message);
}

pub fn error(message: &str) {
    write("ERROR", message);
}
