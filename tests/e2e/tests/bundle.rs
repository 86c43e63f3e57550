//! The signed bundle in the browser: export from 核对与导出, checked by `shenbao verify` and by an independent
//! implementation; the 核验申报包 page; the signing key's export, import and replacement.

use std::process::Command;

use shenbao_e2e::{
    Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, shenbao_cli, vector, workspace_dir,
};

browser_tests!(
    exported_bundle_passes_shenbao_verify_and_an_independent_verifier,
    export_is_offered_only_when_ready,
    verify_page_explains_each_outcome,
    verify_page_checks_attachments,
    signing_key_exports_imports_and_warns_before_replacing,
    attachment_with_a_listed_name_or_no_content_is_explained,
);

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
    s.click("#export-key").await?;
    let key_file = s.downloaded("签名密钥").await?;
    let saved = key_file.with_file_name("first-key.json");
    std::fs::rename(&key_file, &saved)?;

    // Another key now (as on another computer), then import the first one back: a warning comes first.
    s.eval("localStorage.removeItem('shenbao.signing-key'); return true").await?;
    s.reload().await?;
    s.click("#generate-key").await?;
    let second = s.text("#key-fingerprint").await?;
    assert_ne!(first, second);
    s.upload("#import-key", &saved).await?;
    let warning = s.text("#replace-key-warning").await?;
    assert!(warning.contains(&first) && warning.contains("替换"), "{warning}");
    s.click("#cancel-replace-key").await?;
    s.wait_gone("#replace-key-warning").await?;
    assert_eq!(s.text("#key-fingerprint").await?, second);
    s.upload("#import-key", &saved).await?;
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
