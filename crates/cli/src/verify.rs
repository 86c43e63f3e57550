//! `shenbao verify PATH...`: verify signed bundles and print one line per file.
//!
//! Each PATH is a bundle file or a folder. A folder is read **non-recursively**: its `*.json` files (any case of
//! the extension), in name order. Every one of them gets a line, also when it is not a valid bundle (a draft file,
//! another JSON file, a file that cannot be read or is over the size limit): it fails, with the reason, so that
//! nothing in the folder goes unnoticed. So do its `*.key` and `*.pem` files, the key files a county may send by
//! mistake: each fails saying that the county's private key may be exposed and what to do. Other files, subfolders,
//! and anything that is not a regular file (a named pipe, which would hang the reading, a device, a socket) are not
//! read; the summary says how many were skipped.
//!
//! Each line: file, 市县, 公钥指纹, 签名有效 or the reason it fails, 可以提交/尚不能提交 (the rules re-run by this tool),
//! 衔接资金总量, 注意 (differences from the recorded evaluation, signatures this version cannot check, names that do
//! not match the county code) and 提示 (what shows across bundles: one key for several counties, one county with
//! several bundles; the whole notes follow the lines). `--csv FILE` writes the same as a spreadsheet (UTF-8 with a
//! byte-order mark, so that Excel shows the Chinese).
//!
//! The county is shown by Shandong's list for the bundle's county code ([`county_shown`]); that of a bundle that
//! fails is marked `（未核验）`. Every value taken from a file or a path is printed through [`crate::safe_text`], so
//! that no file can add a line or a column, move the cursor, or put a formula into the CSV.
//!
//! Exit codes: 0 every file verifies (also when some of them 尚不能提交: the summary counts those); 1 at least one
//! fails; 2 a path named on the command line cannot be read, no `*.json` file was found, or the CSV cannot be
//! written.

use std::fs;
use std::path::{Path, PathBuf};

use shenbao_core::signing::{
    FolderNote, SignatureOutcome, VerifyReport, county_shown, folder_notes, verify_bundle_bytes,
};

use crate::io_error;
use crate::read_file::{self, ReadError};
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
    let found = files(&args.paths, &mut io_error);
    let mut read: Vec<(String, Result<VerifyReport, String>)> = Vec::new();
    for (path, explicit) in &found.files {
        let name = path.display().to_string();
        match read_file::read(path) {
            Ok(bytes) => read.push((name, Ok(verify_bundle_bytes(&bytes)))),
            // A file over the limit was received all the same: it fails, with its own code.
            Err(ReadError::TooLarge(error)) => read.push((name, Ok(VerifyReport::file_too_large(error)))),
            // A path named on the command line that cannot be read is a wrong argument; a file in a folder is one
            // of the files received, and fails.
            Err(error) if *explicit => {
                eprintln!("无法读取 {}：{}", for_terminal(&name), error.reason());
                io_error = true;
            }
            Err(error) => read.push((name, Err(format!("无法读取：{}", error.reason())))),
        }
    }
    // The notes across bundles name them by file name, or by path when two files have the same name.
    let short =
        |name: &str| Path::new(name).file_name().map_or_else(|| name.to_owned(), |n| n.to_string_lossy().into_owned());
    let mut short_names: Vec<String> = read.iter().map(|(name, _)| short(name)).collect();
    let mut unique = short_names.clone();
    unique.sort();
    unique.dedup();
    if unique.len() < short_names.len() {
        short_names = read.iter().map(|(name, _)| name.clone()).collect();
    }
    let reports: Vec<(&str, &VerifyReport)> = read
        .iter()
        .zip(&short_names)
        .filter_map(|((_, report), name)| Some((name.as_str(), report.as_ref().ok()?)))
        .collect();
    let notes = folder_notes(&reports);
    let mut rows: Vec<Row> = Vec::new();
    let mut verified_index = 0;
    for (name, report) in &read {
        let row = match report {
            Ok(report) => {
                let row = Row::of(name, report, &notes, verified_index);
                verified_index += 1;
                row
            }
            Err(reason) => Row::unreadable(name, reason),
        };
        println!("{}", row.line());
        rows.push(row);
    }
    for note in &notes {
        println!("提示：{}", for_terminal(&note.text));
    }
    let skipped = found.skipped_text();
    if rows.is_empty() && !io_error {
        eprintln!("没有找到申报包（*.json）。{skipped}");
        return 2;
    }
    let failed = rows.iter().filter(|row| !row.ok).count();
    let blocked = rows.iter().filter(|row| row.ok && !row.ready).count();
    let blocked = if blocked > 0 { format!("（其中 {blocked} 个尚不能提交）") } else { String::new() };
    eprintln!("共 {} 个文件：{} 个核验通过{blocked}，{failed} 个未通过。{skipped}", rows.len(), rows.len() - failed);
    if let Some(csv_path) = &args.csv
        && let Err(error) = write_csv(csv_path, &rows)
    {
        eprintln!("无法写入 {}：{}", for_terminal(&csv_path.display().to_string()), io_error::writing(&error));
        return 2;
    }
    match (io_error, failed) {
        (true, _) => 2,
        (false, 0) => 0,
        (false, _) => 1,
    }
}

/// The files to verify, and what the folders held besides.
#[derive(Default)]
struct Found {
    /// Each file with whether it was named on the command line.
    files: Vec<(PathBuf, bool)>,
    /// Files in the folders that are not `*.json`.
    other_files: usize,
    /// Subfolders of the folders.
    subfolders: usize,
    /// Entries that are neither files nor folders (named pipes, devices, sockets).
    special: usize,
}

impl Found {
    /// `文件夹中另有 2 个不是 .json 的文件、1 个子文件夹，未核验。`, or nothing.
    fn skipped_text(&self) -> String {
        let mut parts = Vec::new();
        if self.other_files > 0 {
            parts.push(format!("{} 个不是 .json 的文件", self.other_files));
        }
        if self.subfolders > 0 {
            parts.push(format!("{} 个子文件夹", self.subfolders));
        }
        if self.special > 0 {
            parts.push(format!("{} 个不是普通文件的项目（如命名管道）", self.special));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("文件夹中另有 {}，未核验。", parts.join("、"))
        }
    }
}

fn files(paths: &[PathBuf], io_error: &mut bool) -> Found {
    let mut found = Found::default();
    for path in paths {
        if !path.is_dir() {
            found.files.push((path.clone(), true));
            continue;
        }
        let entries = match fs::read_dir(path) {
            Ok(entries) => entries,
            Err(error) => {
                eprintln!(
                    "无法读取文件夹 {}：{}",
                    for_terminal(&path.display().to_string()),
                    io_error::reading(&error)
                );
                *io_error = true;
                continue;
            }
        };
        let mut files = Vec::new();
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                found.subfolders += 1;
            } else if read_file::is_special(&path) {
                found.special += 1;
            } else if is_json(&path) || is_key_file(&path) {
                files.push(path);
            } else {
                found.other_files += 1;
            }
        }
        files.sort();
        found.files.extend(files.into_iter().map(|file| (file, false)));
    }
    found
}

fn is_json(path: &Path) -> bool {
    path.extension().and_then(|ext| ext.to_str()).is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
}

/// A key file's name (`签名密钥-请勿外发-….key`, or `.pem`): read too, so that a key sent by mistake is reported.
fn is_key_file(path: &Path) -> bool {
    let extension = path.extension().and_then(|ext| ext.to_str());
    extension.is_some_and(|ext| ext.eq_ignore_ascii_case("key") || ext.eq_ignore_ascii_case("pem"))
}

/// One file's line, as printed and as written to the CSV. The values are as found (file names and text from the
/// bundle); [`Row::line`] and [`write_csv`] make them safe to show.
struct Row {
    file: String,
    county: String,
    fingerprint: String,
    ok: bool,
    /// 可以提交 (only meaningful when `ok`).
    ready: bool,
    signature: String,
    code: String,
    status: String,
    linkage_total: String,
    notes: Vec<String>,
    /// What shows across bundles, as it concerns this one.
    folder_notes: Vec<String>,
}

impl Row {
    /// The row of a file that was read; `index` is its place among the reports given to [`folder_notes`].
    fn of(file: &str, report: &VerifyReport, folder: &[FolderNote], index: usize) -> Row {
        let county = county_shown(report);
        let mut notes: Vec<String> = county.note.into_iter().collect();
        let unchecked = report.signatures.iter().filter(|s| s.outcome == SignatureOutcome::Unsupported).count();
        if report.is_ok() && unchecked > 0 {
            notes.push(format!("另有 {unchecked} 个签名的算法本工具不支持，未核验"));
        }
        if let Some(recheck) = &report.recheck
            && !recheck.differences.is_empty()
        {
            let differences: Vec<String> = recheck.differences.iter().map(ToString::to_string).collect();
            notes.push(format!("重新核对与申报包记录的不同（{} 处）：{}", differences.len(), differences.join("；")));
        }
        Row {
            file: file.to_owned(),
            county: county.label,
            fingerprint: report.fingerprint().unwrap_or_default(),
            ok: report.is_ok(),
            ready: report.recheck.as_ref().is_some_and(|r| r.is_ready()),
            signature: report.failure.as_ref().map_or_else(|| "签名有效".to_owned(), ToString::to_string),
            code: report.failure.as_ref().map(|failure| failure.code().to_owned()).unwrap_or_default(),
            status: report.recheck.as_ref().map(|r| r.status_label().to_owned()).unwrap_or_default(),
            linkage_total: report.recheck.as_ref().map(|r| r.linkage_total().to_string()).unwrap_or_default(),
            notes,
            folder_notes: folder.iter().filter_map(|note| note.for_bundle(index)).map(str::to_owned).collect(),
        }
    }

    /// The row of a file in a folder that could not be read.
    fn unreadable(file: &str, reason: &str) -> Row {
        Row {
            file: file.to_owned(),
            county: String::new(),
            fingerprint: String::new(),
            ok: false,
            ready: false,
            signature: reason.to_owned(),
            code: UNREADABLE.to_owned(),
            status: String::new(),
            linkage_total: String::new(),
            notes: Vec::new(),
            folder_notes: Vec::new(),
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
        if !self.folder_notes.is_empty() {
            fields.push(format!("提示：{}", for_field(&self.folder_notes.join("；"))));
        }
        fields.join(" | ")
    }
}

/// The 原因代码 of a file in a folder that could not be read (the others are [`shenbao_core::signing::VerifyFailure::code`]).
const UNREADABLE: &str = "unreadable";

const CSV_HEADER: [&str; 9] =
    ["文件", "市县", "公钥指纹", "核验结果", "原因代码", "状态", "衔接资金总量（万元）", "备注", "提示"];

fn write_csv(path: &Path, rows: &[Row]) -> std::io::Result<()> {
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
                    &row.folder_notes.join("；"),
                ]
                .map(for_csv),
            )?;
        }
        writer.flush()?;
    }
    fs::write(path, bytes)
}
