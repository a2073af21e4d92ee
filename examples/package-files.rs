//! `cargo run --release --example package-files -- DIR`: writes the manual pages (Chinese and
//! English) and the bash and zsh completions that the Debian package installs (docs/packaging.md).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: package-files DIR");
        return ExitCode::FAILURE;
    };
    match shian::cli::package_files::write(&out) {
        Ok(count) => {
            println!("package-files: {count} files in {}", out.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("package-files: {error}");
            ExitCode::FAILURE
        }
    }
}
