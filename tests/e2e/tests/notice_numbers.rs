//! No number of the notice is written in the app's source (issue 12): the pages show the numbers of the parameter
//! set through the core (step intros, hints, options, rule summaries and messages — tested with another parameter
//! set in `crates/core/src/catalogue/tests.rs`), so a later batch's notice is a new parameter file, not new code.
//! Not a browser test: it reads `src/`.

use std::path::{Path, PathBuf};

/// The notice's numbers as the app would write them in a string (鲁乡振发〔2022〕26号).
const NOTICE_NUMBERS: &[&str] =
    &["50%", "4000", "5000", "2000", "2500", "3000", "10个", "2023", "12月10日", "24个月", "1-2个", "2年"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_app_s_source_writes_no_number_of_the_notice() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "{}", src.display());
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (number, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            // Only inside string literals: between quotes on the line.
            let literals = code.split('"').skip(1).step_by(2);
            for literal in literals {
                if let Some(hit) = NOTICE_NUMBERS.iter().find(|n| literal.contains(*n)) {
                    found.push(format!("{}:{}: {hit} in {literal:?}", file.display(), number + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "numbers of the notice written in the app (take them from the parameter set):\n{}",
        found.join("\n")
    );
}
