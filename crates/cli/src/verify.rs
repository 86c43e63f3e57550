//! `shenbao verify PATH...`: to be written (issue 5).
use std::path::PathBuf;

/// Arguments of `shenbao verify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bundle files or folders of bundles.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Also write the summary as a CSV spreadsheet to this file.
    #[arg(long)]
    pub csv: Option<PathBuf>,
}

/// Runs the command and returns the exit code.
pub fn run(_args: &Args) -> u8 {
    eprintln!("shenbao verify: not yet available");
    2
}
