//! What `shenbao` reads and what it refuses unread: a file over the core's size limit is refused at once with a
//! Chinese message (not read for minutes into gigabytes of memory), and a named pipe in a folder, which would hang
//! the reading, is skipped with a note. Each command runs under a watchdog, so that a hang fails the test instead
//! of stopping the suite.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use shenbao_core::limits::MAX_FILE_BYTES;

/// Runs `shenbao ARGS` and returns its output, or fails the test if it has not finished within 20 seconds.
fn shenbao(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shenbao"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    while child.try_wait().expect("waitable").is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("shenbao {args:?} still runs after 20 s: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("its output")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A sparse file one byte over the limit: it takes no disk space and no time to make.
fn oversized(path: &Path) {
    std::fs::File::create(path).and_then(|file| file.set_len(MAX_FILE_BYTES + 1)).expect("a sparse file");
}

fn valid_bundle() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/bundles/valid-pingyin.json");
    std::fs::read_to_string(root).expect("the golden bundle")
}

#[test]
fn an_oversized_file_in_a_folder_fails_at_once_with_its_reason() {
    let folder = tempfile::tempdir().expect("a folder");
    oversized(&folder.path().join("大文件.json"));
    std::fs::write(folder.path().join("平阴县.json"), valid_bundle()).expect("written");
    let csv = folder.path().join("汇总.csv");
    let started = Instant::now();
    let output = shenbao(&["verify", folder.path().to_str().expect("UTF-8"), "--csv", csv.to_str().expect("UTF-8")]);
    assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
    let out = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{out}{}", text(&output.stderr));
    let line = out.lines().find(|line| line.contains("大文件.json")).expect("a line for the large file");
    assert!(line.contains("文件太大（20 MB），超过 20 MB 的上限，没有读取。"), "{line}");
    assert!(out.lines().any(|line| line.contains("平阴县.json") && line.contains("签名有效")), "{out}");
    let csv = std::fs::read_to_string(csv).expect("the CSV");
    assert!(csv.contains(",file_too_large,"), "{csv}");
}

#[test]
fn an_oversized_file_named_on_the_command_line_is_refused_by_both_commands() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("big.json");
    oversized(&path);
    let path = path.to_str().expect("UTF-8");
    let verify = shenbao(&["verify", path]);
    assert_eq!(verify.status.code(), Some(1), "{}", text(&verify.stderr));
    assert!(text(&verify.stdout).contains("文件太大"), "{}", text(&verify.stdout));
    let check = shenbao(&["check", path]);
    assert_eq!(check.status.code(), Some(2));
    assert!(
        text(&check.stderr).contains("文件太大（20 MB），超过 20 MB 的上限，没有读取。"),
        "{}",
        text(&check.stderr)
    );
}

#[test]
fn a_file_at_the_limit_is_read() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("at-the-limit.json");
    // Exactly the limit: read, and refused for what it holds (zero bytes are not JSON), not for its size.
    std::fs::File::create(&path).and_then(|file| file.set_len(MAX_FILE_BYTES)).expect("a sparse file");
    let output = shenbao(&["verify", path.to_str().expect("UTF-8")]);
    let out = text(&output.stdout);
    assert!(!out.contains("文件太大"), "{out}");
    assert!(out.contains("第 1 行第 1 列处不是有效的 JSON"), "{out}");
}

#[cfg(unix)]
fn fifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn named_pipes_in_a_folder_are_skipped_with_a_note() {
    let folder = tempfile::tempdir().expect("a folder");
    fifo(&folder.path().join("管道.json"));
    fifo(&folder.path().join("other-pipe"));
    std::fs::write(folder.path().join("平阴县.json"), valid_bundle()).expect("written");
    let output = shenbao(&["verify", folder.path().to_str().expect("UTF-8")]);
    let (out, err) = (text(&output.stdout), text(&output.stderr));
    assert_eq!(output.status.code(), Some(0), "{out}{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(err.contains("文件夹中另有 2 个不是普通文件的项目（如命名管道），未核验。"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_on_the_command_line_is_refused_unopened() {
    let folder = tempfile::tempdir().expect("a folder");
    let pipe = folder.path().join("pipe.json");
    fifo(&pipe);
    let pipe = pipe.to_str().expect("UTF-8");
    let verify = shenbao(&["verify", pipe]);
    assert_eq!(verify.status.code(), Some(2));
    assert!(
        text(&verify.stderr).contains("不是普通文件（可能是命名管道、设备或套接字），没有读取"),
        "{}",
        text(&verify.stderr)
    );
    let check = shenbao(&["check", pipe]);
    assert_eq!(check.status.code(), Some(2));
    assert!(text(&check.stderr).contains("不是普通文件"), "{}", text(&check.stderr));
}
