//! Regression (found by QA): a deleted list item's id is handed to the next new item (`Draft::next_id` = highest id + 1), and nothing
//! that refers to the old item is cleaned up. So after deleting the last village and adding another:
//! - a project whose site was the deleted village silently points at the new, different village (the
//!   `project_site` finding "所选的村已不在覆盖村庄名单中" disappears);
//! - the justification written for the deleted village's warning (key `rule@v12`) silently answers the new
//!   village's warning, and the draft becomes 可以提交 with a reason that names another village.
//!
//! Kept as a regression test now that it is fixed.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, vector};

browser_tests!(a_new_village_does_not_inherit_a_deleted_villages_project_and_justification);

async fn a_new_village_does_not_inherit_a_deleted_villages_project_and_justification(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let origin = server.origin();
    let s = Session::start(browser).await?;
    let id = s.import_draft(&origin, &vector("drafts/complete.json")).await?;

    // 王楼村 (v12, the last village): its plan is still in preparation, with a justification.
    s.go_to_step(&origin, &id, "villages").await?;
    s.pick("villages[11].plan.status", "in_preparation").await?;
    s.fill("villages[11].plan.expected_on", "2023-03-31").await?;
    let justification = "[id=\"justification-village_plan_in_preparation@v12\"]";
    s.type_into(justification, "王楼村规划已公示，预计2023年3月批复。").await?;

    // Project 4 is built in 王楼村.
    s.go_to_step(&origin, &id, "projects").await?;
    s.click("[id=\"projects[3]-toggle\"]").await?;
    s.pick("projects[3].village_id", "v12").await?;

    // 王楼村 is deleted: project 4 now has no site.
    s.go_to_step(&origin, &id, "villages").await?;
    s.click("[data-village-id=v12] [data-action=remove]").await?;
    s.click("[data-village-id=v12] [data-action=confirm-remove]").await?;
    s.wait_gone("[data-village-id=v12]").await?;
    let stored = s.stored_draft(&id).await?;
    assert_eq!(stored["application"]["projects"][3]["village_id"], "v12");

    // Another village is added, also with its plan in preparation.
    s.click("#add-village").await?;
    s.fill("villages[11].name", "新增村").await?;
    s.fill("villages[11].township", "洪范池镇").await?;
    s.pick("villages[11].category", "agglomeration").await?;
    s.pick("villages[11].plan.status", "in_preparation").await?;
    s.fill("villages[11].plan.expected_on", "2023-06-30").await?;
    s.fill("villages[11].population", "500").await?;
    s.fill("villages[11].lifted_population", "5").await?;
    s.fill("villages[11].monitored_population", "1").await?;
    s.choose("villages[11].resident_support", "neither").await?;

    let stored = s.stored_draft(&id).await?;
    let new_id = stored["application"]["villages"][11]["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(stored["application"]["villages"][11]["name"], "新增村");
    assert_ne!(
        stored["application"]["projects"][3]["village_id"].as_str(),
        Some(new_id.as_str()),
        "project 4 (sited in the deleted 王楼村) is now silently sited in the new village {new_id}"
    );
    // The new village's warning must ask for its own reason, not reuse 王楼村's.
    s.wait_for(&format!("[id=\"justification-village_plan_in_preparation@{new_id}\"]")).await?;
    let reason = s.value(&format!("[id=\"justification-village_plan_in_preparation@{new_id}\"]")).await?;
    assert!(reason.trim().is_empty(), "the new village {new_id} inherited the deleted village's reason: {reason:?}");
    s.go_to_step(&origin, &id, "review").await?;
    let status = s.text("#review-status").await?;
    assert!(status.contains("尚不能提交"), "the draft should not be ready: {status}");
    s.close().await
}
