//! Checking the files that travel beside a bundle against its attachment manifest.
//!
//! The county lists each file (name, size, SHA-256) in the signed bundle; the files go in the same e-mail. The
//! reviewer opens them beside the bundle, and each listed file is found by name and compared by size and digest.

use crate::bundle::{Attachment, sha256_hex};

/// The outcome for one file of the manifest, or for a file the reviewer opened that is not listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachmentCheck {
    /// Listed, opened, and identical.
    Matches(Attachment),
    /// Listed and opened under the same name, but its content differs from what was signed.
    Differs {
        /// The manifest entry.
        listed: Attachment,
        /// What the opened file is.
        opened: Attachment,
    },
    /// Listed, but not (yet) opened by the reviewer.
    NotOpened(Attachment),
    /// Opened, but not in the manifest.
    NotListed(Attachment),
}

impl AttachmentCheck {
    /// The file name.
    pub fn name(&self) -> &str {
        match self {
            AttachmentCheck::Matches(a) | AttachmentCheck::NotOpened(a) | AttachmentCheck::NotListed(a) => &a.name,
            AttachmentCheck::Differs { listed, .. } => &listed.name,
        }
    }

    /// A Chinese sentence for the reviewer.
    pub fn message(&self) -> String {
        match self {
            AttachmentCheck::Matches(_) => "一致：与申报包签名时的文件相同".into(),
            AttachmentCheck::Differs { listed, opened } => format!(
                "不一致：文件内容与签名时不同（签名时 {} 字节，现在 {} 字节）。请向报送单位核实。",
                listed.size, opened.size
            ),
            AttachmentCheck::NotOpened(_) => "尚未核对：请同时打开邮件中的此附件".into(),
            AttachmentCheck::NotListed(_) => "不在申报包的附件清单中".into(),
        }
    }

    /// A stable code: `matches`, `differs`, `not_opened` or `not_listed`.
    pub fn code(&self) -> &'static str {
        match self {
            AttachmentCheck::Matches(_) => "matches",
            AttachmentCheck::Differs { .. } => "differs",
            AttachmentCheck::NotOpened(_) => "not_opened",
            AttachmentCheck::NotListed(_) => "not_listed",
        }
    }
}

/// Compares opened files (`(name, bytes)`) with the manifest: one check per listed file, in manifest order, then
/// one per opened file that is not listed.
pub fn check_attachments(manifest: &[Attachment], opened: &[(String, Vec<u8>)]) -> Vec<AttachmentCheck> {
    let opened: Vec<Attachment> = opened.iter().map(|(name, bytes)| Attachment::of(name, bytes)).collect();
    let mut checks: Vec<AttachmentCheck> = manifest
        .iter()
        .map(|listed| match opened.iter().find(|file| file.name == listed.name) {
            None => AttachmentCheck::NotOpened(listed.clone()),
            Some(file) if file.sha256 == listed.sha256 && file.size == listed.size => {
                AttachmentCheck::Matches(listed.clone())
            }
            Some(file) => AttachmentCheck::Differs { listed: listed.clone(), opened: file.clone() },
        })
        .collect();
    checks.extend(
        opened
            .into_iter()
            .filter(|file| !manifest.iter().any(|listed| listed.name == file.name))
            .map(AttachmentCheck::NotListed),
    );
    checks
}

/// Lower-case hex SHA-256 of a file's bytes, as the manifest records it.
pub fn digest(bytes: &[u8]) -> String {
    sha256_hex(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_listed_file_is_matched_by_name_and_digest() {
        let manifest = vec![Attachment::of("实施规划.pdf", b"plan"), Attachment::of("会议纪要.pdf", b"minutes")];
        let opened = vec![
            ("实施规划.pdf".to_owned(), b"plan".to_vec()),
            ("会议纪要.pdf".to_owned(), b"minutes, edited".to_vec()),
            ("其他.txt".to_owned(), b"x".to_vec()),
        ];
        let checks = check_attachments(&manifest, &opened);
        let codes: Vec<(&str, &str)> = checks.iter().map(|c| (c.name(), c.code())).collect();
        assert_eq!(codes, [("实施规划.pdf", "matches"), ("会议纪要.pdf", "differs"), ("其他.txt", "not_listed")]);
    }

    #[test]
    fn files_not_yet_opened_are_reported() {
        let manifest = vec![Attachment::of("a.pdf", b"a")];
        let checks = check_attachments(&manifest, &[]);
        assert_eq!(checks.iter().map(AttachmentCheck::code).collect::<Vec<_>>(), ["not_opened"]);
        assert_eq!(Attachment::of("a.pdf", b"a").sha256, digest(b"a"));
    }
}
