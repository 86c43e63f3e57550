//! A county official fills a whole application through the wizard, as a user would, with a reload half-way,
//! and sees it become ready to submit. Issue: the application wizard.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, field};

browser_tests!(complete_application_through_the_ui);

const VILLAGES: [(&str, &str); 10] = [
    ("孔村镇", "胡庄村"),
    ("孔村镇", "李沟村"),
    ("孔村镇", "南毛铺村"),
    ("孔村镇", "北毛铺村"),
    ("孔村镇", "姜沟村"),
    ("洪范池镇", "东峪南崖村"),
    ("洪范池镇", "纸坊村"),
    ("洪范池镇", "书院村"),
    ("洪范池镇", "龙柳村"),
    ("洪范池镇", "张海村"),
];

/// (content area key, name, village index, support mode, [(source key, amount)])
type ProjectSpec = (&'static str, &'static str, usize, &'static str, &'static [(&'static str, &'static str)]);

const PROJECTS: [ProjectSpec; 6] = [
    (
        "industry",
        "玫瑰精深加工车间",
        0,
        "award_in_lieu_of_subsidy",
        &[("provincial_linkage", "1500"), ("sector", "500")],
    ),
    ("construction", "农村供水管网改造", 5, "work_relief", &[("provincial_linkage", "1000"), ("sector", "1500")]),
    ("governance", "新时代文明实践站", 1, "award_in_lieu_of_subsidy", &[("city_linkage", "300")]),
    ("talent", "高素质青年农民培育", 2, "purchased_services", &[("city_linkage", "200")]),
    ("employment", "乡村公益岗位扩容", 3, "purchased_services", &[("county_linkage", "600")]),
    ("consolidation", "扶贫资产管护", 4, "purchased_services", &[("county_linkage", "400")]),
];

async fn complete_application_through_the_ui(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let origin = server.origin();
    let session = Session::start(browser).await?;
    let id = session.create_draft(&origin, "平阴县第二批衔接推进区申报").await?;
    assert_eq!(session.text("[data-step=applicant] .app-tag").await?, "未开始");

    fill_applicant(&session, &origin, &id).await?;
    fill_villages(&session, &origin, &id).await?;

    // Half-way: a reload loses nothing.
    session.reload().await?;
    assert_eq!(session.value(&field("villages[9].name")).await?, "张海村");
    assert_eq!(session.value(&field("villages[3].population")).await?, "902");
    session.go_to_step(&origin, &id, "applicant").await?;
    assert_eq!(session.value(&field("applicant.county_code")).await?, "370124");

    fill_industries(&session, &origin, &id).await?;
    fill_projects(&session, &origin, &id).await?;
    fill_funds(&session, &origin, &id).await?;
    fill_governance(&session, &origin, &id).await?;
    fill_attestations(&session, &origin, &id).await?;

    session.click("a[href$='/review']").await?;
    session.wait_for_text("#review-status", "可以提交").await?;
    assert_eq!(
        session.eval("return document.querySelector('#review-status [data-ready]').dataset.ready").await?,
        "true"
    );
    session.client().goto(&format!("{origin}/#/drafts/{id}")).await?;
    session.wait_for_text("#overall-status", "可以提交").await?;
    session.wait_for_text("#progress", "已完成 7 / 7").await?;
    session.close().await
}

async fn fill_applicant(s: &Session, origin: &str, id: &str) -> TestResult {
    s.go_to_step(origin, id, "applicant").await?;
    s.pick("applicant.city_code", "370100").await?;
    s.pick("applicant.county_code", "370124").await?;
    s.choose("applicant.key_county", "no").await?;
    s.choose("applicant.city_has_key_county", "no").await?;
    s.choose("applicant.region_tier", "central").await?;
    s.fill("applicant.region_tier_source", "脱贫攻坚期间扶贫区域分类文件").await?;
    // Defaulted from the reference data: 平阴县 is on the Yellow River.
    assert_eq!(
        s.eval("return document.querySelector('input[name=\"applicant.along_yellow_river\"][value=yes]').checked")
            .await?,
        true
    );
    for programme in
        ["first_batch", "rural_reform_pilot", "pastoral_complex", "lottery_revolutionary_area", "qilu_model_zone"]
    {
        s.choose(&format!("excluded_overlaps.{programme}"), "no").await?;
    }
    s.fill("applicant.contact_person", "王某某").await?;
    s.wait_for_text("#findings-title", "暂无需要处理的问题").await?;
    Ok(())
}

async fn fill_villages(s: &Session, origin: &str, id: &str) -> TestResult {
    s.go_to_step(origin, id, "villages").await?;
    for (index, (township, name)) in VILLAGES.iter().enumerate() {
        s.click("#add-village").await?;
        let path = |f: &str| format!("villages[{index}].{f}");
        s.fill(&path("name"), name).await?;
        s.fill(&path("township"), township).await?;
        s.pick(&path("category"), if index % 3 == 0 { "characteristic_protection" } else { "agglomeration" }).await?;
        s.pick(&path("plan.status"), "approved").await?;
        s.fill(&path("plan.approved_on"), "2022-06-01").await?;
        s.fill(&path("population"), &(800 + 34 * index).to_string()).await?;
        s.fill(&path("lifted_population"), &(20 + index).to_string()).await?;
        s.fill(&path("monitored_population"), "3").await?;
        s.choose(&path("resident_support"), if index % 2 == 0 { "first_secretary" } else { "neither" }).await?;
    }
    s.wait_for_text("#village-count", "10").await?;
    s.wait_for_text("#findings-title", "暂无需要处理的问题").await?;
    Ok(())
}

async fn fill_industries(s: &Session, origin: &str, id: &str) -> TestResult {
    s.go_to_step(origin, id, "industries").await?;
    s.click("#add-industry").await?;
    s.fill("industries[0].name", "平阴玫瑰").await?;
    s.choose("industries[0].fits_county_plan", "yes").await?;
    s.fill("industries[0].county_plan", "平阴县乡村产业振兴规划").await?;
    s.fill("industries[0].chain_potential", "花蕾、精油、食品深加工，文旅融合").await?;
    s.fill("industries[0].market_prospects", "市场需求稳定增长").await?;
    s.wait_for_text("#findings-title", "暂无需要处理的问题").await?;
    Ok(())
}

async fn fill_projects(s: &Session, origin: &str, id: &str) -> TestResult {
    s.go_to_step(origin, id, "projects").await?;
    s.fill("plan.start", "2023-01").await?;
    s.fill("plan.end", "2024-12").await?;
    s.fill("plan.targets", "玫瑰产业综合产值提高30%").await?;
    for (index, (area, name, village, mode, funding)) in PROJECTS.iter().enumerate() {
        s.fill(&format!("plan.narratives.{area}"), &format!("{name}等")).await?;
        s.click(&format!("[data-add-project={area}]")).await?;
        let path = |f: &str| format!("projects[{index}].{f}");
        s.fill(&path("name"), name).await?;
        s.pick(&path("village_id"), &format!("v{}", village + 1)).await?;
        s.fill(&path("content_and_scale"), &format!("{name}，规模见可研报告")).await?;
        s.choose(&path("support_mode"), mode).await?;
        for (source, amount) in *funding {
            s.fill(&path(&format!("funding.{source}")), amount).await?;
        }
        s.fill(&path("responsible_department"), "县乡村振兴局").await?;
        s.fill(&path("implementing_body"), "孔村镇人民政府").await?;
        s.fill(&path("start"), "2023-03").await?;
        s.fill(&path("end"), "2024-10").await?;
        s.fill(&path("beneficiaries"), "500").await?;
        s.fill(&path("beneficiaries_lifted"), "60").await?;
        s.fill(&path("beneficiaries_monitored"), "6").await?;
        if *area == "industry" {
            s.fill(&path("benefit_linkage"), "吸纳脱贫人口务工、订单收购").await?;
        }
    }
    s.wait_for_text("#findings-title", "暂无需要处理的问题").await?;
    Ok(())
}

async fn fill_funds(s: &Session, origin: &str, id: &str) -> TestResult {
    s.go_to_step(origin, id, "funds").await?;
    s.wait_for_text("#subsidy-hint", "2500").await?;
    s.fill("funds.provincial_linkage_funds", "2500").await?;
    s.fill("funds.city_linkage_funds", "500").await?;
    s.fill("funds.county_linkage_funds", "1000").await?;
    s.click("#add-sector-fund").await?;
    s.fill("funds.sector_funds[0].department", "县水务局").await?;
    s.fill("funds.sector_funds[0].fund_name", "农村供水保障资金").await?;
    s.fill("funds.sector_funds[0].amount", "2000").await?;
    s.wait_for_text("#figure-linkage-total", "4000 万元").await?;
    s.wait_for_text("#figure-sector-share", "50%").await?;
    s.wait_for_text("#findings-title", "暂无需要处理的问题").await?;
    Ok(())
}

async fn fill_governance(s: &Session, origin: &str, id: &str) -> TestResult {
    s.go_to_step(origin, id, "governance").await?;
    s.choose("governance.principal_leaders_deployed", "yes").await?;
    s.fill("governance.leader_in_charge", "李某某 副县长").await?;
    s.choose("governance.coordination_mechanism", "yes").await?;
    s.click(&field("governance.led_by_rural_revitalization_bureau")).await?;
    s.click(&field("governance.led_by_finance_bureau")).await?;
    s.choose("governance.task_force", "yes").await?;
    s.fill("governance.task_force_members", "县乡村振兴局、县财政局牵头").await?;
    s.fill("governance.executive_meeting_date", "2022-11-28").await?;
    s.fill("governance.executive_meeting_minutes", "县政府常务会议纪要〔2022〕第30期").await?;
    s.choose("governance.land_quota_needed", "no").await?;
    s.wait_for_text("#findings-title", "暂无需要处理的问题").await?;
    Ok(())
}

async fn fill_attestations(s: &Session, origin: &str, id: &str) -> TestResult {
    s.go_to_step(origin, id, "attestations").await?;
    for name in [
        "four_not_removed",
        "asset_management",
        "return_to_poverty_monitoring",
        "funds_under_own_rules",
        "submitted_by_county_government",
    ] {
        s.click(&field(&format!("attestations.{name}"))).await?;
    }
    s.wait_for_text("#findings-title", "暂无需要处理的问题").await?;
    Ok(())
}
