//! `shenbao verify PATH...`: verify signed bundles and print one line per bundle.
//!
//! Each PATH is a bundle file or a folder. A folder is read **non-recursively**: its `*.json` files (any case of
//! the extension), in name order; a JSON file in a folder that is not a bundle at all (a draft, `expected.json`)
//! is skipped with a note on stderr, so a folder of e-mail attachments can be checked as it is. A file named
//! explicitly is always verified.
//!
//! Each line: file, 市县, 公钥指纹, 签名有效 or the reason it fails, 可以提交/不能提交 (the rules re-run by this tool),
//! 衔接资金总量, and notes (differences from the recorded evaluation, signatures this version cannot check).
//! `--csv FILE` writes the same as a spreadsheet (UTF-8 with a byte-order mark, so that Excel shows the Chinese).
//!
//! The county of a bundle that fails is marked `（未核验）` (see `VerifyReport::county_label`). Every value taken
//! from a file or a path is printed through [`crate::safe_text`], so that no file can add a line or a column, move
//! the cursor, or put a formula into the CSV.
//!
//! Exit codes: 0 every bundle verifies; 1 at least one fails; 2 a path cannot be read, no bundle was found, or the
//! CSV cannot be written.

use std::fs;
use std::path::{Path, PathBuf};

use shenbao_core::signing::{SignatureOutcome, VerifyFailure, VerifyReport, verify_bundle_bytes};

use crate::safe_text::{for_csv, for_field, for_terminal};

/// Arguments of `shenbao verify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bundle files, or folders whose *.json files are read (not their subfolders).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Also write the summary as a CSV spreadsheet to this file.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
}

/// Runs the command and returns the exit code.
pub fn run(args: &Args) -> u8 {
    let mut io_error = false;
    let mut rows = Vec::new();
    for (path, explicit) in bundle_paths(&args.paths, &mut io_error) {
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("无法读取 {}：{error}", for_terminal(&path.display().to_string()));
                io_error = true;
                continue;
            }
        };
        let report = verify_bundle_bytes(&bytes);
        if !explicit && matches!(report.failure, Some(VerifyFailure::NotABundle | VerifyFailure::IsDraft)) {
            eprintln!(
                "跳过 {}：{}",
                for_terminal(&path.display().to_string()),
                for_terminal(&report.failure.as_ref().map(ToString::to_string).unwrap_or_default())
            );
            continue;
        }
        let row = Row::of(&path, &report);
        println!("{}", row.line());
        rows.push(row);
    }
    let failed = rows.iter().filter(|row| !row.ok).count();
    if rows.is_empty() && !io_error {
        eprintln!("没有找到申报包（*.json）。");
        return 2;
    }
    eprintln!("共 {} 个申报包：{} 个核验通过，{failed} 个未通过。", rows.len(), rows.len() - failed);
    if let Some(csv_path) = &args.csv
        && let Err(error) = write_csv(csv_path, &rows)
    {
        eprintln!("无法写入 {}：{error}", for_terminal(&csv_path.display().to_string()));
        return 2;
    }
    match (io_error, failed) {
        (true, _) => 2,
        (false, 0) => 0,
        (false, _) => 1,
    }
}

/// The files to verify, each with whether it was named explicitly.
fn bundle_paths(paths: &[PathBuf], io_error: &mut bool) -> Vec<(PathBuf, bool)> {
    let mut found = Vec::new();
    for path in paths {
        if !path.is_dir() {
            found.push((path.clone(), true));
            continue;
        }
        let entries = match fs::read_dir(path) {
            Ok(entries) => entries,
            Err(error) => {
                eprintln!("无法读取文件夹 {}：{error}", for_terminal(&path.display().to_string()));
                *io_error = true;
                continue;
            }
        };
        let mut files: Vec<PathBuf> =
            entries.filter_map(|entry| Some(entry.ok()?.path())).filter(|p| p.is_file() && is_json(p)).collect();
        files.sort();
        found.extend(files.into_iter().map(|file| (file, false)));
    }
    found
}

fn is_json(path: &Path) -> bool {
    path.extension().and_then(|ext| ext.to_str()).is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
}

/// One bundle's line, as printed and as written to the CSV. The values are as found (file names and text from the
/// bundle); [`Row::line`] and [`write_csv`] make them safe to show.
struct Row {
    file: String,
    county: String,
    fingerprint: String,
    ok: bool,
    signature: String,
    code: String,
    status: String,
    linkage_total: String,
    notes: Vec<String>,
}

impl Row {
    fn of(path: &Path, report: &VerifyReport) -> Row {
        let mut notes: Vec<String> = Vec::new();
        let unchecked = report.signatures.iter().filter(|s| s.outcome == SignatureOutcome::Unsupported).count();
        if report.is_ok() && unchecked > 0 {
            notes.push(format!("另有 {unchecked} 个签名的算法本工具不支持，未核验"));
        }
        if let Some(recheck) = &report.recheck {
            notes.extend(recheck.differences.iter().map(|difference| format!("重新核对：{difference}")));
        }
        Row {
            file: path.display().to_string(),
            county: report.county_label().unwrap_or_default(),
            fingerprint: report.fingerprint().unwrap_or_default(),
            ok: report.is_ok(),
            signature: report.failure.as_ref().map_or_else(|| "签名有效".to_owned(), ToString::to_string),
            code: report.failure.as_ref().map(|failure| failure.code().to_owned()).unwrap_or_default(),
            status: report.recheck.as_ref().map(|r| r.status_label().to_owned()).unwrap_or_default(),
            linkage_total: report.recheck.as_ref().map(|r| r.linkage_total().to_string()).unwrap_or_default(),
            notes,
        }
    }

    fn line(&self) -> String {
        let or_dash = |text: &str| if text.is_empty() { "—".to_owned() } else { for_field(text) };
        let mut fields = vec![
            for_field(&self.file),
            or_dash(&self.county),
            format!("公钥指纹 {}", or_dash(&self.fingerprint)),
            for_field(&self.signature),
            or_dash(&self.status),
            if self.linkage_total.is_empty() {
                "—".to_owned()
            } else {
                format!("衔接资金总量 {} 万元", for_field(&self.linkage_total))
            },
        ];
        if !self.notes.is_empty() {
            fields.push(format!("注意：{}", for_field(&self.notes.join("；"))));
        }
        fields.join(" | ")
    }
}

const CSV_HEADER: [&str; 8] =
    ["文件", "市县", "公钥指纹", "核验结果", "原因代码", "状态", "衔接资金总量（万元）", "备注"];

fn write_csv(path: &Path, rows: &[Row]) -> anyhow::Result<()> {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut bytes);
        writer.write_record(CSV_HEADER)?;
        for row in rows {
            let result = if row.ok { "签名有效" } else { row.signature.as_str() };
            writer.write_record(
                [
                    row.file.as_str(),
                    &row.county,
                    &row.fingerprint,
                    result,
                    &row.code,
                    &row.status,
                    &row.linkage_total,
                    &row.notes.join("；"),
                ]
                .map(for_csv),
            )?;
        }
        writer.flush()?;
    }
    fs::write(path, bytes)?;
    Ok(())
}
