//! `shenbao`: the reviewers' command-line tool for 鲁乡振发〔2022〕26号 applications.
//!
//! Argument parsing and printing only; every decision is made by `shenbao-core`.
//!
//! Exit codes: 0 success (nothing blocks / every bundle verifies), 1 something blocks or a bundle fails,
//! 2 the input cannot be read or the arguments are wrong.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod check;
mod io_error;
mod read_file;
mod safe_text;
mod verify;

/// 衔接推进区申报助手：检查申报草稿、核验签名的申报包（鲁乡振发〔2022〕26号）。
#[derive(Debug, Parser)]
#[command(name = "shenbao", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a draft file or a signed bundle against every rule of the notice.
    Check(check::Args),
    /// Verify the signatures of signed bundles (files or folders) and summarise them.
    Verify(verify::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Verify(args) => verify::run(&args),
    };
    ExitCode::from(code)
}
