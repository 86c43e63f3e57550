//! Regression (found by QA): the same draft open in two tabs. Each tab keeps its own copy in memory and writes the whole draft to local
//! storage on every change (`src/state.rs`, `DraftCtx::open`), and nothing listens to the `storage` event: the
//! tab that writes last silently overwrites what the other tab saved. Likewise a draft deleted in one tab is
//! re-written by the other, invisible in 我的草稿 (its key exists but the index no longer lists it).
//!
//! Kept as a regression test now that it is fixed. The page hears of the other tab's save a moment later; in that
//! moment it may save over it, or take it in while a change of its own waits to be saved, or hear of it after it
//! saved a newer change (CI met the last in Firefox): each case has a test below, and the pages merge
//! (`shenbao_core::merge`).

use fantoccini::wd::WindowHandle;
use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, field, vector};

browser_tests!(
    an_edit_in_one_tab_is_not_lost_by_an_edit_in_another,
    a_draft_deleted_in_one_tab_is_not_resurrected,
    a_change_saved_elsewhere_and_not_yet_heard_of_is_merged_not_written_over,
    a_late_storage_event_does_not_undo_a_later_change,
    a_change_not_yet_saved_is_kept_when_another_tab_saves,
    an_edit_to_a_village_stays_with_it_when_another_tab_reorders_or_removes_villages,
    a_focused_village_field_keeps_the_focus_when_another_tab_moves_its_village,
    a_save_from_a_tab_that_had_not_seen_this_pages_latest_save_does_not_undo_it,
    a_save_lacking_this_pages_latest_change_and_adding_nothing_is_answered_with_that_change
);

/// Both tabs of one test: the served app, the session, the draft (the `complete` vector, imported) and two windows,
/// the first on its applicant page, the second just opened.
struct TwoTabs {
    _server: StaticServer,
    origin: String,
    s: Session,
    id: String,
    a: WindowHandle,
    b: WindowHandle,
}

async fn two_tabs(browser: Browser) -> Result<TwoTabs, Box<dyn std::error::Error + Send + Sync>> {
    let server = StaticServer::start(&dist_dir())?;
    let origin = server.origin();
    let s = Session::start(browser).await?;
    let id = s.import_draft(&origin, &vector("drafts/complete.json")).await?;
    s.go_to_step(&origin, &id, "applicant").await?;
    let a = s.client().window().await?;
    let b = s.client().new_window(true).await?.handle;
    Ok(TwoTabs { _server: server, origin, s, id, a, b })
}

async fn an_edit_in_one_tab_is_not_lost_by_an_edit_in_another(browser: Browser) -> TestResult {
    let TwoTabs { _server, origin, s, id, a, b } = two_tabs(browser).await?;

    s.client().switch_to_window(b).await?;
    s.open(&format!("{origin}/#/drafts/{id}/funds")).await?;
    s.fill("funds.loans", "100").await?;
    assert_eq!(s.stored_draft(&id).await?["application"]["funds"]["loans"], "100");

    s.client().switch_to_window(a).await?;
    s.fill("applicant.contact_person", "张三").await?;
    let stored = s.stored_draft(&id).await?;
    assert_eq!(stored["application"]["applicant"]["contact_person"], "张三");
    assert_eq!(
        stored["application"]["funds"]["loans"], "100",
        "the 100 万元 typed in the other tab was silently overwritten by this tab's stale copy"
    );
    s.close().await
}

async fn a_draft_deleted_in_one_tab_is_not_resurrected(browser: Browser) -> TestResult {
    let TwoTabs { _server, origin, s, id, a, b } = two_tabs(browser).await?;

    s.client().switch_to_window(b).await?;
    s.open(&format!("{origin}/#/")).await?;
    s.click(&format!("tr[data-draft-id=\"{id}\"] [data-action=delete]")).await?;
    s.click(&format!("tr[data-draft-id=\"{id}\"] [data-action=confirm-delete]")).await?;
    s.wait_gone(&format!("tr[data-draft-id=\"{id}\"]")).await?;

    s.client().switch_to_window(a).await?;
    s.fill("applicant.contact_person", "李四").await?;
    let listed = s.eval("return JSON.parse(localStorage.getItem('shenbao.drafts') || '[]')").await?;
    let stored = s.eval(&format!("return localStorage.getItem('shenbao.draft.{id}') !== null")).await?;
    assert!(
        stored != true || listed.as_array().is_some_and(|ids| ids.iter().any(|x| x == &serde_json::json!(id))),
        "the deleted draft was written again by the other tab, but 我的草稿 does not list it (index {listed}): \
         what the user types there is saved where nobody can find it"
    );
    s.close().await
}

/// What another tab does to the stored draft, written from this page: a page hears no `storage` event for its own
/// writes, so this is exactly another tab's save whose event has not arrived yet (a background tab, a busy page:
/// CI met it in Firefox). `change` is JavaScript changing `d`, the stored draft. Returns the text written, as a
/// JavaScript string literal.
async fn saved_elsewhere(
    s: &Session,
    id: &str,
    change: &str,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let written = s
        .eval(&format!(
            "const key = 'shenbao.draft.{id}'; const d = JSON.parse(localStorage.getItem(key)); {change};
             localStorage.setItem(key, JSON.stringify(d)); return localStorage.getItem(key);"
        ))
        .await?;
    Ok(written.to_string())
}

/// Delivers the `storage` event another tab's write of `new_value` to the draft causes, as the browser does.
fn storage_event(id: &str, new_value: &str) -> String {
    format!(
        "window.dispatchEvent(new StorageEvent('storage', {{key: 'shenbao.draft.{id}', newValue: {new_value}, \
         storageArea: localStorage, url: location.href}}));"
    )
}

async fn one_tab(
    browser: Browser,
) -> Result<(StaticServer, String, Session, String), Box<dyn std::error::Error + Send + Sync>> {
    let server = StaticServer::start(&dist_dir())?;
    let origin = server.origin();
    let s = Session::start(browser).await?;
    let id = s.import_draft(&origin, &vector("drafts/complete.json")).await?;
    s.go_to_step(&origin, &id, "applicant").await?;
    Ok((server, origin, s, id))
}

async fn a_change_saved_elsewhere_and_not_yet_heard_of_is_merged_not_written_over(browser: Browser) -> TestResult {
    let (_server, origin, s, id) = one_tab(browser).await?;
    saved_elsewhere(&s, &id, "d.application.funds.loans = '100'").await?;

    s.fill("applicant.contact_person", "张三").await?;
    let stored = s.stored_draft(&id).await?;
    assert_eq!(stored["application"]["applicant"]["contact_person"], "张三");
    assert_eq!(
        stored["application"]["funds"]["loans"], "100",
        "saving this page's change wrote over the 100 万元 another tab had saved a moment before"
    );
    s.wait_for("#draft-changed-elsewhere").await?;
    s.open(&format!("{origin}/#/drafts/{id}/funds")).await?;
    assert_eq!(s.value("[id=\"funds.loans\"]").await?, "100", "the page does not show what it saved");
    s.close().await
}

async fn a_late_storage_event_does_not_undo_a_later_change(browser: Browser) -> TestResult {
    let (_server, _origin, s, id) = one_tab(browser).await?;
    // Another tab saved a change to the name; this page types 张三 and saves before that tab's event arrives.
    let theirs = saved_elsewhere(&s, &id, "d.name = '另一标签页改的名称'").await?;
    s.fill("applicant.contact_person", "张三").await?;
    s.stored_draft(&id).await?;

    s.eval(&storage_event(&id, &theirs)).await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let stored = s.stored_draft(&id).await?;
    assert_eq!(
        stored["application"]["applicant"]["contact_person"], "张三",
        "the late event's copy of the draft replaced this page's newer change"
    );
    assert_eq!(stored["name"], "另一标签页改的名称");
    s.close().await
}

async fn a_change_not_yet_saved_is_kept_when_another_tab_saves(browser: Browser) -> TestResult {
    let (_server, _origin, s, id) = one_tab(browser).await?;
    // In one task: the user types (the change waits for the next frame to be saved), and another tab's save and
    // its event arrive before that frame.
    s.eval(&format!(
        "const field = document.getElementById('applicant.contact_person');
         field.focus(); field.value = '张三'; field.dispatchEvent(new Event('input', {{bubbles: true}}));
         const key = 'shenbao.draft.{id}'; const d = JSON.parse(localStorage.getItem(key));
         d.application.funds.loans = '100'; localStorage.setItem(key, JSON.stringify(d));
         {}",
        storage_event(&id, "localStorage.getItem(key)")
    ))
    .await?;
    let stored = s.stored_draft(&id).await?;
    assert_eq!(
        stored["application"]["applicant"]["contact_person"], "张三",
        "taking in the other tab's save dropped what was typed here and not yet saved"
    );
    assert_eq!(stored["application"]["funds"]["loans"], "100");
    s.close().await
}

/// The names of the stored villages with their 乡镇, `name:township`.
async fn stored_villages(s: &Session, id: &str) -> Result<Vec<String>, Box<dyn std::error::Error + Send + Sync>> {
    let stored = s.stored_draft(id).await?;
    let villages = stored["application"]["villages"].as_array().ok_or("no villages")?;
    Ok(villages
        .iter()
        .map(|v| format!("{}:{}", v["name"].as_str().unwrap_or(""), v["township"].as_str().unwrap_or("")))
        .collect())
}

/// QA: lists were merged by position, so text typed into one village landed in another when the other tab had
/// moved a village, and a village removed there came back.
async fn an_edit_to_a_village_stays_with_it_when_another_tab_reorders_or_removes_villages(
    browser: Browser,
) -> TestResult {
    let (_server, origin, s, id) = one_tab(browser).await?;
    s.go_to_step(&origin, &id, "villages").await?;
    let before = stored_villages(&s, &id).await?;
    // Another tab moved the third village up (its event not yet here); this tab types into the second.
    saved_elsewhere(&s, &id, "const v = d.application.villages; v.splice(1, 0, v.splice(2, 1)[0])").await?;
    s.fill("villages[1].township", "乙镇").await?;
    let after = stored_villages(&s, &id).await?;
    let name = |v: &String| v.split(':').next().unwrap_or_default().to_owned();
    assert_eq!(after[1], before[2], "the moved village took the text typed into another");
    assert_eq!(after[2], format!("{}:乙镇", name(&before[1])), "the text is not with the village it was typed into");

    // Another tab removed the first village; this tab types into the last.
    let last = after.len() - 1;
    saved_elsewhere(&s, &id, "d.application.villages.shift()").await?;
    s.fill(&format!("villages[{last}].township"), "末镇").await?;
    let after_removal = stored_villages(&s, &id).await?;
    assert_eq!(after_removal.len(), after.len() - 1, "the village removed in the other tab came back");
    assert_eq!(after_removal[0], after[1]);
    assert_eq!(after_removal[last - 1], format!("{}:末镇", name(&after[last])));
    s.close().await
}

/// QA: a village moved by another tab took the focus away from the field being typed in (the browser drops the
/// focus of an element the list moves), and the rest of what was typed went nowhere.
async fn a_focused_village_field_keeps_the_focus_when_another_tab_moves_its_village(browser: Browser) -> TestResult {
    let (_server, origin, s, id) = one_tab(browser).await?;
    s.go_to_step(&origin, &id, "villages").await?;
    let before = stored_villages(&s, &id).await?;
    s.fill("villages[1].township", "乙").await?;
    s.wait_focus(&field("villages[1].township")).await?;
    s.stored_draft(&id).await?;
    // Another tab moves this village to the top.
    let written = saved_elsewhere(&s, &id, "const v = d.application.villages; v.unshift(v.splice(1, 1)[0])").await?;
    // The focus is back before the next key press could be handled (QA: keys typed meanwhile were lost): checked
    // in the task right after the event's.
    let focused = s
        .client()
        .execute_async(
            &format!(
                "const done = arguments[0]; {} setTimeout(() => done(document.activeElement.id), 0);",
                storage_event(&id, &written)
            ),
            vec![],
        )
        .await?;
    assert_eq!(focused, "villages[0].township", "the focus was not back at once");
    s.client().active_element().await?.send_keys("镇").await?;
    let after = stored_villages(&s, &id).await?;
    let name = before[1].split(':').next().unwrap_or_default();
    assert_eq!(after[0], format!("{name}:乙镇"));
    s.close().await
}

/// The stored text of the draft now (a JavaScript string literal), as the other tab last saw it.
async fn stored_text(s: &Session, id: &str) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    s.stored_draft(id).await?;
    Ok(s.eval(&format!("return localStorage.getItem('shenbao.draft.{id}')")).await?.to_string())
}

/// The other tab saves `seen` (an older text of the draft) changed by `change` (JavaScript on `d`) as its own new
/// save `other-tab-1`, and this page hears of it.
async fn saved_elsewhere_from(s: &Session, id: &str, seen: &str, change: &str) -> TestResult {
    s.eval(&format!(
        "const d = JSON.parse({seen}); {change};
         d.ancestors = [d.revision, ...(d.ancestors || [])]; d.revision = 'other-tab-1';
         localStorage.setItem('shenbao.draft.{id}', JSON.stringify(d));
         {}",
        storage_event(id, &format!("localStorage.getItem('shenbao.draft.{id}')"))
    ))
    .await?;
    Ok(())
}

/// QA (typing in two tabs lost words): local storage is not shared at once between tabs, so the other tab may save
/// a version made from an older save of this page. Its save must not undo what this page saved since.
async fn a_save_from_a_tab_that_had_not_seen_this_pages_latest_save_does_not_undo_it(browser: Browser) -> TestResult {
    let (_server, _origin, s, id) = one_tab(browser).await?;
    s.fill("applicant.contact_person", "张三").await?;
    let seen = stored_text(&s, &id).await?;
    s.fill("applicant.contact_phone", "0539-1234567").await?;
    s.stored_draft(&id).await?;
    // The other tab changes the loans on the version it last saw (with 张三, without the phone), as a new save.
    saved_elsewhere_from(&s, &id, &seen, "d.application.funds.loans = '100'").await?;
    s.wait_for("#draft-changed-elsewhere").await?;
    s.fill("applicant.contact_person", "张三丰").await?;
    let stored = s.stored_draft(&id).await?;
    let applicant = &stored["application"]["applicant"];
    assert_eq!(applicant["contact_phone"], "0539-1234567", "the other tab's older version undid this page's save");
    assert_eq!(applicant["contact_person"], "张三丰");
    assert_eq!(stored["application"]["funds"]["loans"], "100");
    s.close().await
}

/// CI: the other tab saved a version made before this page's latest change and adding nothing of its own (it had
/// taken in this page's earlier save). The merge keeps this page's content, and the page must write it again:
/// else storage keeps the other tab's version, without the change.
async fn a_save_lacking_this_pages_latest_change_and_adding_nothing_is_answered_with_that_change(
    browser: Browser,
) -> TestResult {
    let (_server, _origin, s, id) = one_tab(browser).await?;
    s.fill("applicant.contact_person", "").await?;
    let seen = stored_text(&s, &id).await?;
    s.fill("applicant.contact_person", "张三").await?;
    s.stored_draft(&id).await?;
    saved_elsewhere_from(&s, &id, &seen, "").await?;
    s.wait_until(
        &format!("return JSON.parse(localStorage.getItem('shenbao.draft.{id}')).revision !== 'other-tab-1'"),
        "this page writes its change again",
    )
    .await?;
    let stored = s.stored_draft(&id).await?;
    assert_eq!(stored["application"]["applicant"]["contact_person"], "张三");
    s.close().await
}
