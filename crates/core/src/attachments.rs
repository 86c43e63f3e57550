//! Checking the files that travel beside a bundle against its attachment manifest.
//!
//! The county lists each file (name, size, SHA-256) in the signed bundle; the files go in the same e-mail. The
//! reviewer opens them beside the bundle, and each listed file is found by name and compared by size and digest.
//! Mail programs and browsers rename files on saving (`实施规划 (1).pdf`, `实施规划(2).pdf`), so a listed file that no
//! opened file is named like is looked for by its digest among the opened files that are not listed: the same bytes
//! under another name are a match, reported with the name it was opened under.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::json::sha256_hex;

/// One attachment in the manifest: the file travels beside the bundle, never inside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The file's name as picked.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Lower-case hex SHA-256 of its bytes.
    pub sha256: String,
}

impl Attachment {
    /// The manifest entry for a file's name and bytes.
    pub fn of(name: &str, bytes: &[u8]) -> Attachment {
        Attachment { name: name.to_owned(), size: bytes.len() as u64, sha256: sha256_hex(bytes) }
    }
}

/// What adding a picked file to the manifest did, said beside the list.
///
/// The manifest names each file once, as the reviewer matches it to the e-mail's attachments by name: a file with
/// the name of a listed one replaces it (a re-scanned page, a corrected plan), and the user is told, with both
/// sizes and digests, in case it was picked by mistake. An empty file is refused: it is an unfinished download or
/// copy, and a reviewer could check nothing against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManifestNotice {
    /// The file replaced the listed one of the same name.
    Replaced {
        /// The entry it replaced.
        previous: Attachment,
        /// The entry now listed.
        current: Attachment,
    },
    /// The same file is listed already; the manifest is unchanged.
    AlreadyListed(Attachment),
    /// An empty file, not added.
    Empty(String),
}

impl ManifestNotice {
    /// An identifier for the page (`data-notice`) and tests: `replaced`, `already-listed` or `empty`.
    pub fn key(&self) -> &'static str {
        match self {
            ManifestNotice::Replaced { .. } => "replaced",
            ManifestNotice::AlreadyListed(_) => "already-listed",
            ManifestNotice::Empty(_) => "empty",
        }
    }

    /// True when the file was not added.
    pub fn is_refused(&self) -> bool {
        matches!(self, ManifestNotice::Empty(_))
    }

    /// What to tell the user, in Chinese.
    pub fn message(&self) -> String {
        match self {
            ManifestNotice::Empty(name) => format!(
                "未添加「{name}」：这是空文件（0 字节），可能是下载或复制没有完成。请选择完整的文件后重新添加。"
            ),
            ManifestNotice::AlreadyListed(entry) => {
                format!("「{}」已在附件清单中，内容相同，未重复添加。", entry.name)
            }
            ManifestNotice::Replaced { previous, current } => format!(
                "已替换同名附件「{}」：清单中原有的文件（{} 字节，摘要 {}）已换成刚选择的文件（{} 字节，摘要 {}）。请确认邮件中附上的是新文件；如选错了，请重新添加原文件。",
                current.name,
                previous.size,
                short_digest(&previous.sha256),
                current.size,
                short_digest(&current.sha256)
            ),
        }
    }
}

/// Adds a picked file to the manifest by the rules of [`ManifestNotice`]: a new name is appended; a listed name is
/// replaced (moved to the end, as the latest pick); the same file again, or an empty file, changes nothing.
/// Returns what to tell the user, `None` for a plain addition.
pub fn add_to_manifest(manifest: &mut Vec<Attachment>, entry: Attachment) -> Option<ManifestNotice> {
    if entry.size == 0 {
        return Some(ManifestNotice::Empty(entry.name));
    }
    let listed = manifest.iter().find(|listed| listed.name == entry.name).cloned();
    match listed {
        Some(listed) if listed.sha256 == entry.sha256 => Some(ManifestNotice::AlreadyListed(listed)),
        listed => {
            manifest.retain(|other| other.name != entry.name);
            manifest.push(entry.clone());
            listed.map(|previous| ManifestNotice::Replaced { previous, current: entry })
        }
    }
}

/// The first 16 hex digits of a SHA-256 and an ellipsis, as the manifest shows it.
pub fn short_digest(sha256: &str) -> String {
    format!("{}…", sha256.get(..16).unwrap_or(sha256))
}

/// The outcome for one file of the manifest, or for a file the reviewer opened that is not listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachmentCheck {
    /// Listed, opened, and identical.
    Matches(Attachment),
    /// Listed; no opened file has its name, but one opened under another name has exactly its bytes.
    MatchesUnderOtherName {
        /// The manifest entry.
        listed: Attachment,
        /// The opened file with the same size and SHA-256.
        opened: Attachment,
    },
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
            AttachmentCheck::Differs { listed, .. } | AttachmentCheck::MatchesUnderOtherName { listed, .. } => {
                &listed.name
            }
        }
    }

    /// A Chinese sentence for the reviewer.
    pub fn message(&self) -> String {
        match self {
            AttachmentCheck::Matches(_) => "一致：与申报包签名时的文件相同".into(),
            AttachmentCheck::MatchesUnderOtherName { opened, .. } => format!(
                "一致：打开的文件「{}」与签名时的此文件内容完全相同，只是文件名不同（保存附件时常被自动改名）",
                opened.name
            ),
            AttachmentCheck::Differs { listed, opened } => format!(
                "不一致：文件内容与签名时不同（签名时 {} 字节，现在 {} 字节）。请向报送单位核实。",
                listed.size, opened.size
            ),
            AttachmentCheck::NotOpened(_) => "尚未核对：请同时打开邮件中的此附件".into(),
            AttachmentCheck::NotListed(_) => "不在申报包的附件清单中".into(),
        }
    }

    /// A stable code: `matches`, `matches_under_other_name`, `differs`, `not_opened` or `not_listed`.
    pub fn code(&self) -> &'static str {
        match self {
            AttachmentCheck::Matches(_) => "matches",
            AttachmentCheck::MatchesUnderOtherName { .. } => "matches_under_other_name",
            AttachmentCheck::Differs { .. } => "differs",
            AttachmentCheck::NotOpened(_) => "not_opened",
            AttachmentCheck::NotListed(_) => "not_listed",
        }
    }
}

/// Compares opened files (each with its name, size and SHA-256, from [`Attachment::of`] or an
/// [`AttachmentHasher`]) with the manifest: one check per listed file, in manifest order, then one per opened file
/// that is not listed and did not match a listed file under another name.
///
/// A listed file is found by its name first (then it matches or differs). When no opened file has its name, it
/// is looked for by size and SHA-256 among the opened files whose names are not listed, each used once:
/// [`AttachmentCheck::MatchesUnderOtherName`]. Otherwise it is not opened.
pub fn check_attachments(manifest: &[Attachment], opened: &[Attachment]) -> Vec<AttachmentCheck> {
    let is_listed_name = |name: &str| manifest.iter().any(|listed| listed.name == name);
    let mut matched_by_digest = vec![false; opened.len()];
    let mut checks: Vec<AttachmentCheck> = manifest
        .iter()
        .map(|listed| {
            if let Some(file) = opened.iter().find(|file| file.name == listed.name) {
                return if same_content(file, listed) {
                    AttachmentCheck::Matches(listed.clone())
                } else {
                    AttachmentCheck::Differs { listed: listed.clone(), opened: file.clone() }
                };
            }
            let renamed = (0..opened.len()).find(|&index| {
                let file = &opened[index];
                !matched_by_digest[index] && !is_listed_name(&file.name) && same_content(file, listed)
            });
            match renamed {
                Some(index) => {
                    matched_by_digest[index] = true;
                    AttachmentCheck::MatchesUnderOtherName { listed: listed.clone(), opened: opened[index].clone() }
                }
                None => AttachmentCheck::NotOpened(listed.clone()),
            }
        })
        .collect();
    checks.extend(
        opened
            .iter()
            .zip(matched_by_digest)
            .filter(|(file, matched)| !matched && !is_listed_name(&file.name))
            .map(|(file, _)| AttachmentCheck::NotListed(file.clone())),
    );
    checks
}

/// Same bytes, as far as the manifest tells: the same size and SHA-256.
fn same_content(file: &Attachment, listed: &Attachment) -> bool {
    file.sha256 == listed.sha256 && file.size == listed.size
}

/// Lower-case hex SHA-256 of a file's bytes, as the manifest records it.
pub fn digest(bytes: &[u8]) -> String {
    sha256_hex(bytes)
}

/// The manifest entry of a file read in pieces, in order: an attachment may be hundreds of MB, and hashing it piece
/// by piece needs no more memory than one piece. Gives the same entry as [`Attachment::of`] on the whole file.
#[derive(Clone, Default)]
pub struct AttachmentHasher {
    sha256: Sha256,
    size: u64,
}

impl AttachmentHasher {
    /// A hasher that has seen nothing yet.
    pub fn new() -> AttachmentHasher {
        AttachmentHasher::default()
    }

    /// Adds the next piece of the file.
    pub fn update(&mut self, piece: &[u8]) {
        self.sha256.update(piece);
        self.size += piece.len() as u64;
    }

    /// How many bytes it has seen.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The entry for the file, under the name it is listed or was opened by.
    pub fn finish(self, name: &str) -> Attachment {
        Attachment { name: name.to_owned(), size: self.size, sha256: hex::encode(self.sha256.finalize()) }
    }
}

impl std::fmt::Debug for AttachmentHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AttachmentHasher").field("size", &self.size).finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_listed_file_is_matched_by_name_and_digest() {
        let manifest = vec![Attachment::of("实施规划.pdf", b"plan"), Attachment::of("会议纪要.pdf", b"minutes")];
        let opened = vec![
            Attachment::of("实施规划.pdf", b"plan"),
            Attachment::of("会议纪要.pdf", b"minutes, edited"),
            Attachment::of("其他.txt", b"x"),
        ];
        let checks = check_attachments(&manifest, &opened);
        let codes: Vec<(&str, &str)> = checks.iter().map(|c| (c.name(), c.code())).collect();
        assert_eq!(codes, [("实施规划.pdf", "matches"), ("会议纪要.pdf", "differs"), ("其他.txt", "not_listed")]);
    }

    #[test]
    fn a_renamed_copy_matches_by_digest_and_is_not_also_unlisted() {
        // QA: 实施规划.pdf saved as 实施规划 (1).pdf showed as 尚未核对 and 不在清单中.
        let manifest = vec![Attachment::of("实施规划.pdf", b"plan"), Attachment::of("会议纪要.pdf", b"minutes")];
        let opened = vec![Attachment::of("实施规划 (1).pdf", b"plan"), Attachment::of("其他.txt", b"x")];
        let checks = check_attachments(&manifest, &opened);
        let codes: Vec<(&str, &str)> = checks.iter().map(|c| (c.name(), c.code())).collect();
        assert_eq!(
            codes,
            [("实施规划.pdf", "matches_under_other_name"), ("会议纪要.pdf", "not_opened"), ("其他.txt", "not_listed")]
        );
        assert_eq!(
            checks[0].message(),
            "一致：打开的文件「实施规划 (1).pdf」与签名时的此文件内容完全相同，只是文件名不同（保存附件时常被自动改名）"
        );
    }

    #[test]
    fn the_name_comes_first_and_each_renamed_file_serves_once() {
        // Two listed files with the same bytes, one renamed copy opened: it stands for the first only.
        let manifest = vec![Attachment::of("a.pdf", b"same"), Attachment::of("b.pdf", b"same")];
        let opened = vec![Attachment::of("a (1).pdf", b"same")];
        let codes: Vec<&str> = check_attachments(&manifest, &opened).iter().map(AttachmentCheck::code).collect();
        assert_eq!(codes, ["matches_under_other_name", "not_opened"]);
        // A file with the listed name but other bytes differs, even when a renamed copy has the right bytes; the
        // copy is then a file that is not listed.
        let manifest = vec![Attachment::of("a.pdf", b"signed")];
        let opened = vec![Attachment::of("a.pdf", b"edited"), Attachment::of("a (1).pdf", b"signed")];
        let codes: Vec<&str> = check_attachments(&manifest, &opened).iter().map(AttachmentCheck::code).collect();
        assert_eq!(codes, ["differs", "not_listed"]);
        // A file named like another listed file is never taken for this one.
        let manifest = vec![Attachment::of("a.pdf", b"same"), Attachment::of("b.pdf", b"same")];
        let opened = vec![Attachment::of("b.pdf", b"same")];
        let codes: Vec<&str> = check_attachments(&manifest, &opened).iter().map(AttachmentCheck::code).collect();
        assert_eq!(codes, ["not_opened", "matches"]);
    }

    #[test]
    fn a_file_hashed_in_pieces_gives_the_entry_of_the_whole_file() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
        for piece in [1, 7, 4096, 10_000, 20_000] {
            let mut hasher = AttachmentHasher::new();
            bytes.chunks(piece).for_each(|chunk| hasher.update(chunk));
            assert_eq!(hasher.size(), 10_000);
            assert_eq!(hasher.finish("扫描件.pdf"), Attachment::of("扫描件.pdf", &bytes), "pieces of {piece}");
        }
        assert_eq!(AttachmentHasher::new().finish("空.pdf"), Attachment::of("空.pdf", b""));
    }

    #[test]
    fn files_not_yet_opened_are_reported() {
        let manifest = vec![Attachment::of("a.pdf", b"a")];
        let checks = check_attachments(&manifest, &[]);
        assert_eq!(checks.iter().map(AttachmentCheck::code).collect::<Vec<_>>(), ["not_opened"]);
        assert_eq!(Attachment::of("a.pdf", b"a").sha256, digest(b"a"));
    }

    #[test]
    fn the_manifest_names_each_file_once_and_refuses_empty_files() {
        let mut manifest = Vec::new();
        assert_eq!(add_to_manifest(&mut manifest, Attachment::of("规划.pdf", b"v1")), None);
        assert_eq!(add_to_manifest(&mut manifest, Attachment::of("纪要.pdf", b"m")), None);
        let again = add_to_manifest(&mut manifest, Attachment::of("规划.pdf", b"v1"));
        assert_eq!(again.as_ref().map(ManifestNotice::key), Some("already-listed"));
        let replaced = add_to_manifest(&mut manifest, Attachment::of("规划.pdf", b"v2")).expect("a notice");
        assert_eq!(replaced.key(), "replaced");
        assert!(replaced.message().starts_with("已替换同名附件「规划.pdf」：清单中原有的文件（2 字节，摘要 "));
        assert_eq!(manifest.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["纪要.pdf", "规划.pdf"]);
        assert_eq!(manifest[1], Attachment::of("规划.pdf", b"v2"));
        let empty = add_to_manifest(&mut manifest, Attachment::of("空.pdf", b"")).expect("a notice");
        assert!(empty.is_refused());
        assert_eq!(manifest.len(), 2);
    }
}
