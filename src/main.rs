#![deny(clippy::print_stdout, clippy::print_stderr)]

fn main() -> std::process::ExitCode {
    let cli = match shian::cli::help_zh::try_parse() {
        Ok(cli) => cli,
        // Help, version or a usage error: clap's text, plain, through the one sanitizer (it
        // quotes the arguments, which a script may have taken from a file).
        Err(e) => {
            let text = e.render().to_string();
            if e.use_stderr() {
                shian::cli::write_err(&text);
            } else if shian::cli::write_out(&text).is_err() {
                return std::process::ExitCode::FAILURE;
            }
            return std::process::ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let lang = cli.lang;
    match shian::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        // The reader of stdout went away (`| head`): nothing is wrong.
        Err(error) if shian::cli::is_broken_pipe(&error) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // Through the one sanitizer: the chain may quote a file name or a file's bytes.
            shian::cli::write_err(&format!("{}: {error:#}\n", lang.error_label()));
            std::process::ExitCode::FAILURE
        }
    }
}
