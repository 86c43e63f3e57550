//! How large a file the app and `shenbao` read as a draft, a signed bundle or a key file.
//!
//! A bundle of the complete sample application is 19 KB (`tests/vectors/bundles/valid-pingyin.json`); one with
//! every list of the notice at its longest (hundreds of villages and projects, long narratives) stays within a
//! few hundred KB, and a draft is smaller still. Reading a file means holding it whole, parsing it and, for a
//! bundle, writing its canonical form again: a 2 GB file picked by mistake (a video, a disk image) would take the
//! page or the terminal minutes and gigabytes before failing anyway. So a file over [`MAX_FILE_BYTES`] is refused
//! at once, before a byte is read, with a Chinese message ([`FileTooLarge`]).
//!
//! Attachments (附件) are not read by this rule: they are hashed, not parsed, and a scanned PDF may well be tens
//! or hundreds of MB. The app hashes them in pieces (`attachments::AttachmentHasher`), so their size costs time,
//! not memory.

use std::fmt;

/// The largest draft, bundle or key file read: 20 MiB, fifty times the largest bundle the notice's lists can
/// make, and small enough to read and check in well under a second.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Refuses a size over [`MAX_FILE_BYTES`].
///
/// # Errors
/// [`FileTooLarge`], whose `Display` says in Chinese how large the file is and what to do.
pub fn check_file_size(size: u64) -> Result<(), FileTooLarge> {
    if size > MAX_FILE_BYTES { Err(FileTooLarge { size }) } else { Ok(()) }
}

/// A file over [`MAX_FILE_BYTES`], refused before it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileTooLarge {
    /// Its size in bytes.
    pub size: u64,
}

impl fmt::Display for FileTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "文件太大（{}），超过 {} 的上限，没有读取。草稿文件和申报包通常只有几十到几百 KB：请确认选择的是本工具下载的草稿文件或导出的申报包，而不是附件或其他文件。",
            megabytes(self.size),
            megabytes(MAX_FILE_BYTES)
        )
    }
}

impl std::error::Error for FileTooLarge {}

/// A size in MB (MiB) with one decimal, rounded down: `20 MB`, `20.1 MB`, `1945.6 MB`.
fn megabytes(size: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    let (whole, tenth) = (size / MIB, size % MIB * 10 / MIB);
    if tenth == 0 { format!("{whole} MB") } else { format!("{whole}.{tenth} MB") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_up_to_the_limit_pass_and_one_byte_more_does_not() {
        assert_eq!(check_file_size(0), Ok(()));
        assert_eq!(check_file_size(MAX_FILE_BYTES - 1), Ok(()));
        assert_eq!(check_file_size(MAX_FILE_BYTES), Ok(()));
        assert_eq!(check_file_size(MAX_FILE_BYTES + 1), Err(FileTooLarge { size: MAX_FILE_BYTES + 1 }));
        assert!(check_file_size(u64::MAX).is_err());
    }

    #[test]
    fn the_message_says_how_large_in_chinese() {
        let message = FileTooLarge { size: 2 * 1024 * 1024 * 1024 }.to_string();
        assert!(message.starts_with("文件太大（2048 MB），超过 20 MB 的上限，没有读取。"), "{message}");
        assert_eq!(megabytes(MAX_FILE_BYTES + 1), "20 MB");
        assert_eq!(megabytes(21 * 1024 * 1024 + 600 * 1024), "21.5 MB");
        assert_eq!(megabytes(u64::MAX), "17592186044415.9 MB");
    }
}
