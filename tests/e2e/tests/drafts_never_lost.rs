//! Drafts are never lost or hidden (issue 18):
//! - a damaged drafts index (`shenbao.drafts`: numbers in the list, `{}`, invalid JSON, missing, or naming drafts
//!   that are not stored) hides no stored draft: the start page lists them all and says the index was rebuilt;
//!   creating a draft then keeps every other one; the unreadable text is kept, never written over;
//! - with storage full, what was typed survives leaving the draft (我的草稿 and back), the drafts list's 下载 and the
//!   banner's 下载草稿文件 give it, and closing the page asks first (`beforeunload`);
//! - the start page's backup reminder counts the drafts changed since their last download;
//! - the app asks the browser for persistent storage (`navigator.storage.persist()`) once a draft exists.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, field};

browser_tests!(
    a_damaged_drafts_index_hides_no_draft,
    typed_text_survives_a_full_storage_across_pages_and_downloads,
    the_backup_reminder_counts_drafts_changed_since_their_download,
    persistent_storage_is_asked_for_once_a_draft_exists,
);

/// The number of rows of the drafts list, once it is read.
async fn listed_drafts(s: &Session) -> Result<usize, Box<dyn std::error::Error + Send + Sync>> {
    s.wait_for("#drafts tbody tr").await?;
    let count = s.eval("return document.querySelectorAll('#drafts tbody tr').length").await?;
    Ok(usize::try_from(count.as_u64().unwrap_or_default())?)
}

async fn a_damaged_drafts_index_hides_no_draft(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let first = s.create_draft(&server.origin(), "甲县草稿").await?;
    let second = s.create_draft(&server.origin(), "乙县草稿").await?;
    for (damage, script, kept) in [
        ("numbers in the list", "localStorage.setItem('shenbao.drafts', '[1, 2]')", true),
        ("an object", "localStorage.setItem('shenbao.drafts', '{}')", true),
        ("invalid JSON", "localStorage.setItem('shenbao.drafts', '[\"d1\",')", true),
        ("missing", "localStorage.removeItem('shenbao.drafts')", false),
        (
            "a draft that is not stored, and one stored draft unlisted",
            &format!("localStorage.setItem('shenbao.drafts', JSON.stringify(['d-gone', '{first}']))"),
            false,
        ),
    ] {
        // On the start page, the index is damaged (as by hand, a tool or a crash), then the page is opened again.
        s.open(&format!("{}/#/", server.origin())).await?;
        s.wait_for("#drafts tbody tr").await?;
        s.eval(&format!("localStorage.removeItem('shenbao.drafts.unreadable'); {script}; return true")).await?;
        s.reload().await?;
        let message = s.wait_for_text("#drafts-repaired", "草稿目录").await?;
        assert_eq!(listed_drafts(&s).await?, 2, "{damage}: {message}");
        let list = s.text("#drafts").await?;
        assert!(list.contains("甲县草稿") && list.contains("乙县草稿"), "{damage}: {list}");
        let index = s.eval("return JSON.parse(localStorage.getItem('shenbao.drafts'))").await?;
        let index: Vec<&str> = index.as_array().into_iter().flatten().filter_map(|id| id.as_str()).collect();
        assert!(index.contains(&first.as_str()) && index.contains(&second.as_str()), "{damage}: {index:?}");
        assert!(!index.contains(&"d-gone"), "{damage}: {index:?}");
        let unreadable = s.eval("return localStorage.getItem('shenbao.drafts.unreadable')").await?;
        assert_eq!(unreadable.is_string(), kept, "{damage}: the unreadable index is kept ({unreadable})");
    }
    // Damaged again, then a new draft: the others stay listed.
    s.eval("localStorage.setItem('shenbao.drafts', '{}'); return true").await?;
    s.create_draft(&server.origin(), "丙县草稿").await?;
    s.open(&format!("{}/#/", server.origin())).await?;
    assert_eq!(listed_drafts(&s).await?, 3);
    s.close().await
}

/// Fills local storage to the brim with other data.
const FILL_STORAGE: &str = "let chunk = 'x'.repeat(256 * 1024); let i = 0;
     try { for (;;) { localStorage.setItem('filler-' + i, chunk); i++; } } catch (e) {}
     chunk = 'x'.repeat(1024);
     try { for (;;) { localStorage.setItem('filler-' + i, chunk); i++; } } catch (e) {}
     try { for (;;) { localStorage.setItem('filler-' + i, 'x'); i++; } } catch (e) {}
     return i";

/// Whether the page would ask before being closed: a cancelable `beforeunload` as the browser sends it.
const ASKS_BEFORE_LEAVING: &str = "const event = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(event); return event.defaultPrevented";

async fn typed_text_survives_a_full_storage_across_pages_and_downloads(browser: Browser) -> TestResult {
    const TYPED: &str = "存储已满时填写的联系人";
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.create_draft(&server.origin(), "空间已满").await?;
    s.go_to_step(&server.origin(), &id, "applicant").await?;
    assert_eq!(s.eval(ASKS_BEFORE_LEAVING).await?, false, "nothing unsaved yet");
    s.eval(FILL_STORAGE).await?;
    s.fill("applicant.contact_person", TYPED).await?;
    s.wait_for_text("#save-error", "存储空间已满").await?;
    assert_eq!(s.eval(ASKS_BEFORE_LEAVING).await?, true, "closing the page with unsaved text must ask");

    // The banner offers the download itself.
    s.click("#save-error [data-action=download-unsaved]").await?;
    let file = s.downloaded("衔接推进区申报草稿").await?;
    assert!(std::fs::read_to_string(&file)?.contains(TYPED), "the banner's download lacks what was typed");
    std::fs::remove_file(&file)?;

    // To 我的草稿: the list's 下载 gives what was typed, not the old text.
    s.click(".app-header__link[href='#/']").await?;
    s.wait_for(&format!("tr[data-draft-id='{id}'] [data-action=download]")).await?;
    s.click(&format!("tr[data-draft-id='{id}'] [data-action=download]")).await?;
    let file = s.downloaded("衔接推进区申报草稿").await?;
    assert!(std::fs::read_to_string(&file)?.contains(TYPED), "the list's download lacks what was typed");
    assert_eq!(s.eval(ASKS_BEFORE_LEAVING).await?, true, "still unsaved on the start page");

    // Back in the draft, what was typed is there.
    s.go_to_step(&server.origin(), &id, "applicant").await?;
    s.wait_until(
        &format!("return document.querySelector('[id=\"applicant.contact_person\"]')?.value === '{TYPED}'"),
        "the typed text back in its field",
    )
    .await?;

    // Space freed: it is saved, and closing no longer asks.
    s.eval("Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k)); return true").await?;
    s.fill("applicant.contact_phone", "0531").await?;
    s.wait_gone("#save-error").await?;
    assert_eq!(s.stored_draft(&id).await?["application"]["applicant"]["contact_person"], TYPED);
    assert_eq!(s.eval(ASKS_BEFORE_LEAVING).await?, false, "nothing unsaved any more");
    assert_eq!(s.value(&field("applicant.contact_person")).await?, TYPED);
    s.close().await
}

async fn the_backup_reminder_counts_drafts_changed_since_their_download(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/", server.origin())).await?;
    s.wait_for("#no-drafts").await?;
    assert_eq!(s.eval("return document.getElementById('backup-reminder') === null").await?, true);
    let first = s.create_draft(&server.origin(), "甲").await?;
    let second = s.create_draft(&server.origin(), "乙").await?;
    s.open(&format!("{}/#/", server.origin())).await?;
    s.wait_for("#backup-reminder[data-count='2']").await?;
    assert!(s.text("#backup-reminder").await?.contains("有 2 份草稿"));
    for (id, left) in [(&first, "1"), (&second, "0")] {
        s.click(&format!("tr[data-draft-id='{id}'] [data-action=download]")).await?;
        if left == "0" {
            s.wait_gone("#backup-reminder").await?;
        } else {
            s.wait_for(&format!("#backup-reminder[data-count='{left}']")).await?;
        }
    }
    // A change after the download counts again.
    s.go_to_step(&server.origin(), &first, "applicant").await?;
    s.fill("applicant.contact_person", "王某").await?;
    s.stored_draft(&first).await?;
    s.open(&format!("{}/#/", server.origin())).await?;
    s.wait_for("#backup-reminder[data-count='1']").await?;
    s.close().await
}

async fn persistent_storage_is_asked_for_once_a_draft_exists(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/", server.origin())).await?;
    s.wait_for("#no-drafts").await?;
    // Count the app's requests from here on (the page stays: routes change its hash only).
    s.eval(
        "window.__persistCalls = 0;
         if (navigator.storage && navigator.storage.persist) {
             const original = navigator.storage.persist.bind(navigator.storage);
             navigator.storage.persist = () => { window.__persistCalls += 1; return original(); };
             navigator.storage.persisted = () => Promise.resolve(false);
         }
         return typeof navigator.storage?.persist",
    )
    .await?;
    // No draft yet: nothing asked.
    assert_eq!(s.eval("return window.__persistCalls").await?, 0);
    s.type_into("#new-draft-name", "持久存储").await?;
    s.click("#create-draft").await?;
    s.wait_for("#progress").await?;
    s.click(".app-header__link[href='#/']").await?;
    s.wait_for("#drafts tbody tr").await?;
    s.wait_until("return window.__persistCalls === 1", "one request for persistent storage").await?;
    // Once per visit.
    s.click(".app-header__link[href='#/settings']").await?;
    s.wait_for("#storage-persisted").await?;
    s.click(".app-header__link[href='#/']").await?;
    s.wait_for("#drafts tbody tr").await?;
    assert_eq!(s.eval("return window.__persistCalls").await?, 1);
    s.close().await
}
