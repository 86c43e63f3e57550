//! `shenbao verify` over a folder in which a county sent its signing key by mistake (issue 18): the key file, old
//! (unencrypted JSON) or new (encrypted `.key`), is not "not a bundle" but a key that may be exposed, with what to
//! do; the bundles beside it are verified as usual.

use std::process::Command;

use shenbao_core::signing::{BundleKey, KeyFileRandomness, NewPassphrase};

#[test]
fn a_key_file_in_the_folder_is_reported_as_an_exposed_key() {
    let folder = tempfile::tempdir().expect("a folder");
    let key = BundleKey::from_secret_bytes([9; 32], "2022-12-01T08:00:00Z".parse().expect("a time"));
    let passphrase = NewPassphrase::check("平阴县乡村振兴局2022", "平阴县乡村振兴局2022").expect("a passphrase");
    let randomness = KeyFileRandomness { salt: [1; 16], nonce: [2; 12] };
    let encrypted = key.to_encrypted_key_file(&passphrase, randomness).expect("encrypted");
    std::fs::write(folder.path().join("签名密钥-请勿外发-ABCD1234.key"), encrypted).expect("written");
    std::fs::write(folder.path().join("衔接推进区申报助手-签名密钥-ABCD1234.json"), key.to_key_file())
        .expect("written");
    let bundle = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/bundles/valid-pingyin.json"),
    )
    .expect("the golden bundle");
    std::fs::write(folder.path().join("平阴县-衔接推进区申报.json"), bundle).expect("written");

    let output = Command::new(env!("CARGO_BIN_EXE_shenbao"))
        .args(["verify", "--csv"])
        .arg(folder.path().join("汇总.csv"))
        .arg(folder.path())
        .output()
        .expect("the binary runs");
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{out}");
    let fingerprint = key.fingerprint();
    let line = |name: &str| out.lines().find(|line| line.contains(name)).unwrap_or_else(|| panic!("{name}: {out}"));
    for (name, exposure) in
        [("签名密钥-请勿外发-ABCD1234.key", "可能泄露"), ("衔接推进区申报助手-签名密钥-ABCD1234.json", "已经泄露")]
    {
        let line = line(name);
        assert!(line.contains("签名密钥文件") && line.contains(exposure), "{line}");
        assert!(line.contains(&fingerprint) && line.contains("生成新的签名密钥"), "{line}");
        assert!(!line.contains("这不是申报包（缺少"), "{line}");
    }
    assert!(line("平阴县-衔接推进区申报.json").contains("签名有效"), "{out}");
    let csv = std::fs::read_to_string(folder.path().join("汇总.csv")).expect("the CSV");
    assert_eq!(csv.matches("private_key_file").count(), 2, "{csv}");
}
