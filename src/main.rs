//! The `pacta` binary: parse the arguments, run the command, exit with its code.

mod cli;

fn main() {
    let code = cli::run();
    std::process::exit(code);
}
