//! File-system errors in Chinese: the common kinds said in words, any other with the operating system's own text.

use std::io::{Error, ErrorKind};

/// Why a file or folder could not be read, e.g. `文件或文件夹不存在`.
pub fn reading(error: &Error) -> String {
    match error.kind() {
        ErrorKind::PermissionDenied => "没有读取权限".to_owned(),
        kind => common(kind).map_or_else(|| os_text(error), str::to_owned),
    }
}

/// Why a file could not be written, e.g. `没有写入权限`.
pub fn writing(error: &Error) -> String {
    match error.kind() {
        ErrorKind::PermissionDenied => "没有写入权限".to_owned(),
        ErrorKind::NotFound => "所在的文件夹不存在".to_owned(),
        ErrorKind::StorageFull => "磁盘空间不足".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "磁盘或文件夹只读，不能写入".to_owned(),
        kind => common(kind).map_or_else(|| os_text(error), str::to_owned),
    }
}

fn common(kind: ErrorKind) -> Option<&'static str> {
    Some(match kind {
        ErrorKind::NotFound => "文件或文件夹不存在",
        ErrorKind::IsADirectory => "这是文件夹，不是文件",
        ErrorKind::NotADirectory => "路径中有一段不是文件夹",
        ErrorKind::InvalidFilename => "文件名无效或过长",
        ErrorKind::FileTooLarge => "文件太大",
        ErrorKind::TimedOut => "读写超时（网络盘或移动盘没有响应）",
        ErrorKind::InvalidData => "文件内容无法读取",
        ErrorKind::ResourceBusy => "文件正被其他程序占用",
        _ => return None,
    })
}

/// The operating system's text, its number written as `（系统错误 N）` instead of Rust's ` (os error N)`.
fn os_text(error: &Error) -> String {
    let text = error.to_string();
    match error.raw_os_error() {
        Some(code) => {
            let text = text.strip_suffix(&format!(" (os error {code})")).unwrap_or(&text);
            format!("{text}（系统错误 {code}）")
        }
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_kinds_are_said_in_chinese() {
        let error = |kind| Error::from(kind);
        assert_eq!(reading(&error(ErrorKind::NotFound)), "文件或文件夹不存在");
        assert_eq!(reading(&error(ErrorKind::PermissionDenied)), "没有读取权限");
        assert_eq!(reading(&error(ErrorKind::IsADirectory)), "这是文件夹，不是文件");
        assert_eq!(writing(&error(ErrorKind::PermissionDenied)), "没有写入权限");
        assert_eq!(writing(&error(ErrorKind::NotFound)), "所在的文件夹不存在");
        let os = Error::from_raw_os_error(2);
        assert_eq!(reading(&os), "文件或文件夹不存在", "by kind, not by the OS text");
    }

    #[test]
    fn other_errors_keep_the_operating_systems_text() {
        let other = Error::other("磁带机故障");
        assert_eq!(reading(&other), "磁带机故障");
        // EINTR (4 on Linux and macOS): a kind without words here.
        let os = Error::from_raw_os_error(4);
        assert!(reading(&os).ends_with("（系统错误 4）"), "{}", reading(&os));
    }
}
