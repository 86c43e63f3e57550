//! Reading a file named on the command line or found in a folder: regular files only, and none over the core's
//! size limit (`shenbao_core::limits`), checked before the file is opened.
//!
//! Opening a named pipe (FIFO) waits for a writer that may never come, and reading a device never ends: such a
//! path is refused without being opened. A file over the limit is refused without being read, instead of taking
//! minutes and gigabytes to fail as JSON.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use shenbao_core::limits::{FileTooLarge, MAX_FILE_BYTES, check_file_size};

use crate::io_error;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The file system said no.
    Io(io::Error),
    /// A named pipe, a device or a socket: not opened.
    NotRegular,
    /// Over the size limit: not read.
    TooLarge(FileTooLarge),
}

impl ReadError {
    /// The Chinese reason, e.g. `文件或文件夹不存在`.
    pub fn reason(&self) -> String {
        match self {
            ReadError::Io(error) => io_error::reading(error),
            ReadError::NotRegular => NOT_REGULAR.to_owned(),
            ReadError::TooLarge(error) => error.to_string(),
        }
    }
}

/// What a path that is neither a file nor a folder is called.
pub const NOT_REGULAR: &str = "不是普通文件（可能是命名管道、设备或套接字），没有读取";

/// The bytes of a regular file of at most [`MAX_FILE_BYTES`].
///
/// # Errors
/// [`ReadError`]: not there or not readable, not a regular file, or too large (also when it grows past the limit
/// while being read).
pub fn read(path: &Path) -> Result<Vec<u8>, ReadError> {
    let metadata = fs::metadata(path).map_err(ReadError::Io)?;
    if metadata.is_dir() {
        return Err(ReadError::Io(io::Error::from(io::ErrorKind::IsADirectory)));
    }
    if !metadata.is_file() {
        return Err(ReadError::NotRegular);
    }
    check_file_size(metadata.len()).map_err(ReadError::TooLarge)?;
    let mut bytes = Vec::new();
    File::open(path).and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)).map_err(ReadError::Io)?;
    check_file_size(bytes.len() as u64).map_err(ReadError::TooLarge)?;
    Ok(bytes)
}

/// Whether a folder entry is something other than a file or a folder (a named pipe, a device, a socket), to be
/// skipped unread. An entry whose kind cannot be told (a broken link) is not: reading it then says why it fails.
pub fn is_special(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|metadata| !metadata.is_file() && !metadata.is_dir())
}
