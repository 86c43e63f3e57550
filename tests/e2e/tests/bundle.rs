//! The signed bundle in the browser: export from 核对与导出, checked by `shenbao verify` and by an independent
//! implementation; the 核验申报包 page; the signing key's export, import and replacement.

use std::path::{Path, PathBuf};
use std::process::Command;

use shenbao_core::bundle::Bundle;
use shenbao_core::signing::{BundleKey, sign_bundle};
use shenbao_e2e::{
    Browser, KEY_PASSPHRASE, Session, StaticServer, TestResult, browser_tests, dist_dir, shenbao_cli, vector,
    workspace_dir,
};

browser_tests!(
    exported_bundle_passes_shenbao_verify_and_an_independent_verifier,
    export_is_offered_only_when_ready,
    verify_page_explains_each_outcome,
    verify_page_checks_attachments,
    signing_key_exports_imports_and_warns_before_replacing,
    attachment_with_a_listed_name_or_no_content_is_explained,
    verify_page_states_the_application_status_beside_the_signature,
    verify_page_checks_every_dropped_bundle,
    verify_page_explains_differences_by_the_exporting_version,
    verify_page_names_the_county_by_its_code,
);

type Error = Box<dyn std::error::Error + Send + Sync>;

/// A bundle the app never exports: validly signed (by a test key), yet blocked. It is the golden valid bundle with
/// the application of `drafts/blocked-sector-share.json` put in after export (its recorded evaluation is still the
/// complete one's) and `app_version` as the version that made it, then signed again.
fn signed_blocked_bundle(app_version: &str) -> Result<String, Error> {
    let mut bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(vector("bundles/valid-pingyin.json"))?)?;
    let draft: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(vector("drafts/blocked-sector-share.json"))?)?;
    bundle["application"] = draft["application"].clone();
    bundle["app_version"] = app_version.into();
    let bundle: Bundle = serde_json::from_value(bundle)?;
    let key = BundleKey::from_secret_bytes([7; 32], bundle.created_at);
    Ok(sign_bundle(bundle, &key)?.to_json())
}

/// The golden valid bundle with other city and county names than its code's (平阴县, 370124), signed again by a test
/// key: what a forger or a careless hand edit makes.
fn signed_renamed_bundle() -> Result<String, Error> {
    let mut bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(vector("bundles/valid-pingyin.json"))?)?;
    bundle["application"]["applicant"]["city_name"] = "德州市".into();
    bundle["application"]["applicant"]["county_name"] = "宁津县".into();
    let bundle: Bundle = serde_json::from_value(bundle)?;
    let key = BundleKey::from_secret_bytes([7; 32], bundle.created_at);
    Ok(sign_bundle(bundle, &key)?.to_json())
}

/// Writes `text` to `folder/name` and returns the path.
fn write_file(folder: &Path, name: &str, text: &str) -> Result<PathBuf, Error> {
    let path = folder.join(name);
    std::fs::write(&path, text)?;
    Ok(path)
}

async fn exported_bundle_passes_shenbao_verify_and_an_independent_verifier(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.client().goto(&format!("{}/#/drafts/{id}/review", server.origin())).await?;
    let attachment = s.downloads.join("实施规划（盖章扫描件）.txt");
    std::fs::write(&attachment, "平阴县衔接推进区实施规划")?;
    s.upload("#attachment-files", &attachment).await?;
    s.wait_for_text("#attachment-list", "实施规划（盖章扫描件）.txt").await?;
    std::fs::remove_file(&attachment)?;
    s.click("#export-bundle").await?;
    let fingerprint = s.text("#export-fingerprint").await?;
    let file = s.downloaded("平阴县-衔接推进区申报-").await?;
    let today =
        s.eval("const d = new Date(); return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate()").await?;
    assert_eq!(
        file.file_name().map(|n| n.to_string_lossy().into_owned()),
        Some(format!("平阴县-衔接推进区申报-{today}.json"))
    );

    let verify = Command::new(shenbao_cli()).arg("verify").arg(&file).output()?;
    let out = String::from_utf8_lossy(&verify.stdout);
    assert!(verify.status.success(), "shenbao verify failed: {out}{}", String::from_utf8_lossy(&verify.stderr));
    assert!(out.contains(&fingerprint) && out.contains("平阴县") && out.contains("4000"), "{out}");

    let node = Command::new("node")
        .arg(workspace_dir().join("tests/interop/verify.mjs"))
        .arg(&file)
        .current_dir(workspace_dir())
        .output()?;
    assert!(
        node.status.success(),
        "independent verifier refused the app's bundle: {}{}",
        String::from_utf8_lossy(&node.stdout),
        String::from_utf8_lossy(&node.stderr)
    );

    let bundle: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file)?)?;
    assert_eq!(bundle["attachments"][0]["name"], "实施规划（盖章扫描件）.txt");
    assert_eq!(bundle["attachments"][0]["size"], "平阴县衔接推进区实施规划".len());

    // The same key and fingerprint are shown in 密钥与存储.
    s.open(&format!("{}/#/settings", server.origin())).await?;
    assert_eq!(s.text("#key-fingerprint").await?, fingerprint);
    s.close().await
}

async fn export_is_offered_only_when_ready(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/blocked-sector-share.json")).await?;
    s.client().goto(&format!("{}/#/drafts/{id}/review", server.origin())).await?;
    let blocked = s.text("#export-blocked").await?;
    assert!(blocked.contains("必须修改"), "{blocked}");
    assert!(s.eval("return document.getElementById('export-bundle') === null").await? == true);
    assert!(s.text("#review-findings").await?.contains("三.4"));
    s.close().await
}

async fn verify_page_explains_each_outcome(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/verify", server.origin())).await?;
    s.upload("#bundle-file", &vector("bundles/valid-pingyin.json")).await?;
    s.wait_for_text("#verify-result", "签名有效").await?;
    assert_eq!(
        s.text("#verify-fingerprint").await?,
        "9C75 E6F6 9C56 9067 24CA A011 45F8 50A1 5E9A 7D65 D899 305E 1CB5 9012 5368 5362"
    );
    assert_eq!(s.text("#verify-county").await?, "济南市平阴县");
    assert_eq!(s.eval("return document.getElementById('verify-differences').dataset.count").await?, "0");
    assert!(s.text("#verify-application").await?.contains("胡庄村"));

    for (file, expected) in [
        ("tampered-amount.json", "签名无效"),
        ("wrong-key.json", "签名无效"),
        ("truncated.json", "不完整"),
        ("unknown-version.json", "不支持的申报包版本"),
    ] {
        s.upload("#bundle-file", &vector(&format!("bundles/{file}"))).await?;
        let result = s.wait_for_text("#verify-result", expected).await?;
        assert_eq!(
            s.eval("return document.getElementById('verify-result').dataset.ok").await?,
            "false",
            "{file}: {result}"
        );
        assert!(s.eval("return document.getElementById('verify-application') === null").await? == true, "{file}");
    }
    s.upload("#bundle-file", &vector("drafts/complete.json")).await?;
    s.wait_for_text("#verify-result", "草稿").await?;
    s.close().await
}

async fn verify_page_checks_attachments(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.client().goto(&format!("{}/#/drafts/{id}/review", server.origin())).await?;
    let folder = tempfile::tempdir()?;
    let plan = folder.path().join("实施规划.txt");
    std::fs::write(&plan, "原件")?;
    s.upload("#attachment-files", &plan).await?;
    s.wait_for_text("#attachment-list", "实施规划.txt").await?;
    s.click("#export-bundle").await?;
    let bundle = s.downloaded("-衔接推进区申报-").await?;
    s.open(&format!("{}/#/verify", server.origin())).await?;
    s.upload("#bundle-file", &bundle).await?;
    s.wait_for_text("#verify-result", "签名有效").await?;
    s.wait_for("[data-attachment=\"实施规划.txt\"][data-check=not_opened]").await?;
    s.upload("#verify-attachments", &plan).await?;
    s.wait_for("[data-attachment=\"实施规划.txt\"][data-check=matches]").await?;
    std::fs::write(&plan, "被改过的文件")?;
    s.upload("#verify-attachments", &plan).await?;
    s.wait_for("[data-attachment=\"实施规划.txt\"][data-check=differs]").await?;
    s.close().await
}

async fn signing_key_exports_imports_and_warns_before_replacing(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/settings", server.origin())).await?;
    s.wait_for("#no-key").await?;
    s.click("#generate-key").await?;
    let first = s.text("#key-fingerprint").await?;
    assert_eq!(first.split(' ').count(), 16, "{first}");
    assert!(first.split(' ').all(|group| group.len() == 4 && group.chars().all(|c| c.is_ascii_hexdigit())), "{first}");
    let key_file = s.export_key_file(KEY_PASSPHRASE).await?;
    assert!(key_file.to_string_lossy().contains("签名密钥"));
    let saved = key_file.with_file_name("first-key.key");
    std::fs::rename(&key_file, &saved)?;

    // Another key now (生成新的签名密钥, as on another computer), then import the first one back: a warning comes
    // first.
    s.click("#regenerate-key").await?;
    s.click("#confirm-replace-key").await?;
    s.wait_until(
        &format!("const f = document.getElementById('key-fingerprint'); return !!f && f.textContent !== {first:?}"),
        "another key",
    )
    .await?;
    let second = s.text("#key-fingerprint").await?;
    assert_ne!(first, second);
    s.import_key_file(&saved, KEY_PASSPHRASE).await?;
    let warning = s.text("#replace-key-warning").await?;
    assert!(warning.contains(&first) && warning.contains("替换"), "{warning}");
    s.click("#cancel-replace-key").await?;
    s.wait_gone("#replace-key-warning").await?;
    assert_eq!(s.text("#key-fingerprint").await?, second);
    s.import_key_file(&saved, KEY_PASSPHRASE).await?;
    s.click("#confirm-replace-key").await?;
    s.wait_for_text("#key-fingerprint", &first).await?;

    // A file that is not a key is refused and changes nothing.
    s.upload("#import-key", &vector("drafts/complete.json")).await?;
    s.wait_for_text("#key-message", "无法导入").await?;
    assert_eq!(s.text("#key-fingerprint").await?, first);
    s.close().await
}

/// Regression (found by QA): a different file with the name of a listed attachment silently replaced it, and an
/// empty file was listed without comment. The manifest names each file once (the reviewer matches the e-mail's
/// attachments by name), so the new file replaces the old one and the page says so, with both sizes; the same
/// file again changes nothing and says so; an empty file is refused, with the reason.
async fn attachment_with_a_listed_name_or_no_content_is_explained(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.client().goto(&format!("{}/#/drafts/{id}/review", server.origin())).await?;
    let first = tempfile::tempdir()?;
    let second = tempfile::tempdir()?;
    let plan = first.path().join("会议纪要.txt");
    std::fs::write(&plan, "第一稿")?;
    s.upload("#attachment-files", &plan).await?;
    s.wait_for_text("#attachment-list", "会议纪要.txt").await?;

    let revised = second.path().join("会议纪要.txt");
    std::fs::write(&revised, "第二稿，已盖章")?;
    s.upload("#attachment-files", &revised).await?;
    let notice =
        s.wait_for_text("#attachment-notices [data-notice=replaced]", "已替换同名附件「会议纪要.txt」").await?;
    assert!(notice.contains(&format!("{} 字节", "第一稿".len())), "{notice}");
    assert!(notice.contains(&format!("{} 字节", "第二稿，已盖章".len())), "{notice}");
    let listed = s.stored_draft(&id).await?["attachments"].clone();
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    assert_eq!(listed[0]["size"], "第二稿，已盖章".len());

    s.upload("#attachment-files", &revised).await?;
    s.wait_for_text("#attachment-notices [data-notice=already-listed]", "内容相同，未重复添加").await?;

    let empty = first.path().join("扫描件.pdf");
    std::fs::write(&empty, "")?;
    s.upload("#attachment-files", &empty).await?;
    s.wait_for_text("#attachment-notices [data-notice=empty]", "未添加「扫描件.pdf」：这是空文件（0 字节）").await?;
    assert!(!s.text("#attachment-list").await?.contains("扫描件.pdf"));
    assert_eq!(s.stored_draft(&id).await?["attachments"].as_array().map(Vec::len), Some(1));
    s.close().await
}

/// Regression (found by QA): a validly signed bundle whose application cannot be submitted showed only the green
/// 签名有效, its 不能提交 far below the fold. The headline area says both, the application's status in the warning
/// style, within the first screen.
async fn verify_page_states_the_application_status_beside_the_signature(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let folder = tempfile::tempdir()?;
    let blocked =
        write_file(folder.path(), "平阴县-衔接推进区申报.json", &signed_blocked_bundle(shenbao_core::APP_VERSION)?)?;
    s.open(&format!("{}/#/verify", server.origin())).await?;
    s.upload("#bundle-file", &blocked).await?;
    s.wait_for_text("#verify-result", "签名有效").await?;
    let status = s.text("#verify-application-status").await?;
    assert!(status.starts_with("申报状态：尚不能提交（") && status.contains("个问题必须修改"), "{status}");
    assert!(!status.contains(" 0 个"), "{status}");
    assert_eq!(s.eval("return document.getElementById('verify-application-status').dataset.ready").await?, "false");
    assert!(
        s.eval("return document.getElementById('verify-application-status').classList.contains('app-status--warning')")
            .await?
            == true
    );
    let shown = s
        .eval(
            "const box = document.getElementById('verify-application-status').getBoundingClientRect();
             return box.top >= 0 && box.bottom <= window.innerHeight;",
        )
        .await?;
    s.screenshot("verify-blocked").await?;
    assert!(shown == true, "the application's status is not on the first screen");

    s.upload("#bundle-file", &vector("bundles/valid-pingyin.json")).await?;
    s.wait_for_text("#verify-application-status", "申报状态：可以提交").await?;
    assert_eq!(s.eval("return document.getElementById('verify-application-status').dataset.ready").await?, "true");
    // Nothing to say about the application when the signature fails.
    s.upload("#bundle-file", &vector("bundles/tampered-amount.json")).await?;
    s.wait_for_text("#verify-result", "签名无效").await?;
    assert!(s.eval("return document.getElementById('verify-application-status') === null").await? == true);
    s.close().await
}

/// Regression (found by QA): of several bundles dropped at once, only the first was checked and the others were
/// ignored without a word. Each is verified: a list at the top gives every file's result, and each has its own
/// report below (ids of the second and later files end in `-2`, `-3`…).
async fn verify_page_checks_every_dropped_bundle(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/verify", server.origin())).await?;
    // The page is fetched on demand: it appears a moment after its route.
    s.wait_for("#bundle-file").await?;
    assert!(s.eval("return document.getElementById('bundle-file').multiple").await? == true);
    let files = serde_json::json!([
        ["平阴县.json", std::fs::read_to_string(vector("bundles/valid-pingyin.json"))?],
        ["被改过.json", std::fs::read_to_string(vector("bundles/tampered-amount.json"))?],
        ["尚不能提交.json", signed_blocked_bundle(shenbao_core::APP_VERSION)?],
    ]);
    s.client()
        .execute(
            "const transfer = new DataTransfer();
             for (const [name, text] of arguments[0]) {
                 transfer.items.add(new File([text], name, { type: 'application/json' }));
             }
             const zone = document.getElementById('drop-zone');
             zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));",
            vec![files],
        )
        .await?;
    s.wait_for("#verify-summary[data-count=\"3\"]").await?;
    let summary = s
        .eval(
            "return [...document.querySelectorAll('#verify-summary li')]
                 .map((li) => [li.dataset.file, li.dataset.ok, li.dataset.ready]);",
        )
        .await?;
    assert_eq!(
        summary,
        serde_json::json!([
            ["平阴县.json", "true", "true"],
            ["被改过.json", "false", ""],
            ["尚不能提交.json", "true", "false"],
        ])
    );
    let list = s.text("#verify-summary").await?;
    assert!(list.contains("签名有效 2 个，其中可以提交 1 个；签名未通过核验 1 个"), "{list}");
    // A failed bundle's county reads （未核验）…, not in a second pair of brackets (QA).
    assert!(list.contains("被改过.json （未核验）济南市平阴县") && !list.contains("（（"), "{list}");
    assert_eq!(s.text("#verify-county").await?, "济南市平阴县");
    s.wait_for_text("#verify-result", "签名有效").await?;
    s.wait_for_text("#verify-result-2", "签名无效").await?;
    s.wait_for_text("#verify-result-3", "签名有效").await?;
    s.wait_for_text("#verify-application-status-3", "尚不能提交").await?;
    assert!(s.eval("return document.getElementById('verify-application-2') === null").await? == true);
    assert!(s.text("#verify-application-3").await?.contains("申报内容"));
    // Every id on the page is unique.
    let repeated = s
        .eval(
            "const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
             return ids.filter((id, i) => ids.indexOf(id) !== i);",
        )
        .await?;
    assert_eq!(repeated, serde_json::json!([]));
    // The list takes the reviewer to a file's report.
    s.click("#verify-summary li:nth-child(3) button").await?;
    s.wait_until("return document.activeElement?.id === 'verify-file-3'", "focus on the third report").await?;
    s.close().await
}

/// Regression (found by QA): differences between the recorded and recomputed evaluations were put down to another
/// version of the tool even when the bundle names this very version. Then the file was not exported unchanged by
/// this tool; only a bundle from another version is said to come from one.
async fn verify_page_explains_differences_by_the_exporting_version(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let folder = tempfile::tempdir()?;
    let same = write_file(folder.path(), "same.json", &signed_blocked_bundle(shenbao_core::APP_VERSION)?)?;
    let older = write_file(folder.path(), "older.json", &signed_blocked_bundle("0.0.9")?)?;
    s.open(&format!("{}/#/verify", server.origin())).await?;

    s.upload("#bundle-file", &same).await?;
    s.wait_for_text("#verify-result", "签名有效").await?;
    let text = s.text("#verify-differences").await?;
    assert_ne!(s.eval("return document.getElementById('verify-differences').dataset.count").await?, "0");
    assert!(text.contains("不是本工具原样导出的"), "{text}");
    assert!(text.contains(&format!("（{}）与本工具相同", shenbao_core::APP_VERSION)), "{text}");
    assert!(!text.contains("不同版本"), "{text}");

    s.upload("#bundle-file", &older).await?;
    let text = s.wait_for_text("#verify-differences", "0.0.9 版").await?;
    assert!(text.contains(&format!("本工具为 {} 版", shenbao_core::APP_VERSION)), "{text}");
    assert!(text.contains("不同版本"), "{text}");
    assert!(!text.contains("原样导出"), "{text}");
    s.close().await
}

/// Regression (found by QA): a validly signed bundle whose names are not its county code's (平阴县's code, 宁津县
/// written) was shown as 德州市宁津县 签名有效. The county is shown by its code, with a note on the stated names.
async fn verify_page_names_the_county_by_its_code(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let folder = tempfile::tempdir()?;
    let renamed = write_file(folder.path(), "宁津县-衔接推进区申报.json", &signed_renamed_bundle()?)?;
    s.open(&format!("{}/#/verify", server.origin())).await?;
    s.upload("#bundle-file", &renamed).await?;
    s.wait_for_text("#verify-result", "签名有效").await?;
    assert_eq!(s.text("#verify-county").await?, "济南市平阴县");
    let note = s.text("#verify-county-note").await?;
    assert!(note.contains("宁津县") && note.contains("370124"), "{note}");
    // The rules re-run here say so too.
    assert!(s.text("#verify-application-status").await?.starts_with("申报状态：尚不能提交"));
    s.close().await
}
