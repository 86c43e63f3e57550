//! `shenbao check FILE`: to be written (issue 3).
use std::path::PathBuf;

/// Arguments of `shenbao check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A draft file (.json) or a signed bundle.
    pub file: PathBuf,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs the command and returns the exit code.
pub fn run(_args: &Args) -> u8 {
    eprintln!("shenbao check: not yet available");
    2
}
