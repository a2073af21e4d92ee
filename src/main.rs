fn main() -> std::process::ExitCode {
    let cli = shian::cli::help_zh::parse();
    let lang = cli.lang;
    match shian::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        // The reader of stdout went away (`| head`): nothing is wrong.
        Err(error) if shian::cli::is_broken_pipe(&error) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}: {error:#}", lang.pick("错误", "error"));
            std::process::ExitCode::FAILURE
        }
    }
}
