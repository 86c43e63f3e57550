//! Lists and drafts edited the way people do: duplicate and rename a draft, reorder and remove villages, work the
//! wizard with the keyboard alone, drop a bundle on the verify page.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, field, vector};

browser_tests!(
    duplicate_and_rename_a_draft,
    villages_reorder_and_remove_with_confirmation,
    keyboard_alone_adds_a_village_and_answers_a_question,
    dropping_a_bundle_on_the_verify_page_checks_it,
);

async fn duplicate_and_rename_a_draft(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.open(&format!("{}/#/", server.origin())).await?;
    s.click(&format!("tr[data-draft-id=\"{id}\"] [data-action=duplicate]")).await?;
    s.wait_for_text("#drafts", "（副本）").await?;
    let ids = s.eval("return JSON.parse(localStorage.getItem('shenbao.drafts'))").await?;
    let copy = ids
        .as_array()
        .and_then(|ids| ids.iter().find(|other| *other != &serde_json::Value::from(id.clone())))
        .and_then(|v| v.as_str())
        .ok_or("no copy")?
        .to_owned();
    assert_eq!(s.stored_draft(&copy).await?["application"], s.stored_draft(&id).await?["application"]);
    s.click(&format!("tr[data-draft-id=\"{copy}\"] a[href*=\"focus=draft-name\"]")).await?;
    s.wait_until(
        "return document.activeElement && document.activeElement.id === 'draft-name'",
        "the name field to take focus",
    )
    .await?;
    s.fill("draft-name", "平阴县申报（第二稿）").await?;
    s.open(&format!("{}/#/", server.origin())).await?;
    let list = s.text("#drafts").await?;
    assert!(list.contains("平阴县申报（第二稿）") && list.contains("平阴县衔接推进区申报书（示例）"), "{list}");
    s.close().await
}

async fn villages_reorder_and_remove_with_confirmation(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.go_to_step(&server.origin(), &id, "villages").await?;
    let names = || async {
        s.eval("return [...document.querySelectorAll('[data-village-id] input[id$=\".name\"]')].slice(0, 3).map(i => i.value)").await
    };
    assert_eq!(names().await?, serde_json::json!(["胡庄村", "李沟村", "南毛铺村"]));
    s.click("[data-village-id=v2] [data-action=move-up]").await?;
    s.wait_until("return document.getElementById('villages[0].name').value === '李沟村'", "李沟村 to move up").await?;
    assert_eq!(names().await?, serde_json::json!(["李沟村", "胡庄村", "南毛铺村"]));
    // The first village cannot move further up.
    assert_eq!(
        s.eval("return document.querySelector('[data-village-id=v2] [data-action=move-up]').disabled").await?,
        true
    );
    s.click("[data-village-id=v1] [data-action=remove]").await?;
    s.click("[data-village-id=v1] [data-action=cancel-remove]").await?;
    assert_eq!(s.text("#village-count").await?, "已添加 12 个村");
    s.click("[data-village-id=v1] [data-action=remove]").await?;
    s.click("[data-village-id=v1] [data-action=confirm-remove]").await?;
    s.wait_for_text("#village-count", "11").await?;
    assert_eq!(names().await?, serde_json::json!(["李沟村", "南毛铺村", "北毛铺村"]));
    // The project sited in the removed village is now reported, with the clause.
    s.go_to_step(&server.origin(), &id, "projects").await?;
    s.wait_for("#findings [data-rule=project_site]").await?;
    let stored = s.stored_draft(&id).await?;
    assert_eq!(stored["application"]["villages"][0]["name"], "李沟村");
    s.close().await
}

async fn keyboard_alone_adds_a_village_and_answers_a_question(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.create_draft(&server.origin(), "键盘操作").await?;
    s.go_to_step(&server.origin(), &id, "villages").await?;
    s.eval("document.activeElement.blur(); document.body.focus(); return true").await?;
    let mut reached = false;
    for _ in 0..80 {
        s.client()
            .perform_actions(
                KeyActions::new("keys".into())
                    .then(KeyAction::Down { value: Key::Tab.into() })
                    .then(KeyAction::Up { value: Key::Tab.into() }),
            )
            .await?;
        if s.eval("return document.activeElement && document.activeElement.id").await? == "add-village" {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached 添加村庄");
    s.client()
        .perform_actions(
            KeyActions::new("keys".into())
                .then(KeyAction::Down { value: Key::Enter.into() })
                .then(KeyAction::Up { value: Key::Enter.into() }),
        )
        .await?;
    s.wait_for_text("#village-count", "1").await?;
    // The new village's name field has focus: type, then Tab through to the category and pick with the keyboard.
    s.wait_until(
        "return document.activeElement && document.activeElement.id === 'villages[0].name'",
        "the new village's name to take focus",
    )
    .await?;
    s.client().active_element().await?.send_keys("胡庄村").await?;
    assert_eq!(s.value(&field("villages[0].name")).await?, "胡庄村");
    let radio = s.wait_for("input[name=\"villages[0].resident_support\"][value=neither]").await?;
    s.eval(
        "document.querySelector('input[name=\"villages[0].resident_support\"][value=neither]').focus(); return true",
    )
    .await?;
    s.client()
        .perform_actions(
            KeyActions::new("keys".into()).then(KeyAction::Down { value: ' ' }).then(KeyAction::Up { value: ' ' }),
        )
        .await?;
    s.wait_until(
        "return document.querySelector('input[name=\"villages[0].resident_support\"][value=neither]').checked",
        "Space to pick the radio",
    )
    .await?;
    drop(radio);
    assert_eq!(s.stored_draft(&id).await?["application"]["villages"][0]["resident_support"], "neither");
    s.close().await
}

async fn dropping_a_bundle_on_the_verify_page_checks_it(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/verify", server.origin())).await?;
    // The page is fetched on demand: it appears a moment after its route.
    s.wait_for("#drop-zone").await?;
    let text = std::fs::read_to_string(vector("bundles/valid-pingyin.json"))?;
    s.client()
        .execute(
            "const file = new File([arguments[0]], 'valid-pingyin.json', {type: 'application/json'});
             const data = new DataTransfer(); data.items.add(file);
             const zone = document.getElementById('drop-zone');
             zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
             zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
             return true",
            vec![serde_json::Value::String(text)],
        )
        .await?;
    s.wait_for_text("#verify-result", "签名有效").await?;
    assert!(s.text("#verify-report").await?.contains("valid-pingyin.json"));
    s.close().await
}
