//! The pages and the core's field catalogue agree (issue 12): every form control of every step page is a field of
//! the catalogue, labelled exactly as the catalogue labels it, and every field of the catalogue that applies to
//! the complete application is on its step's page.
//!
//! The complete sample draft is opened with every question revealed that can be (each project card open, the
//! optional initiatives ticked, a township-level project, a plan in preparation…), then each step page is read:
//! each `input`, `select` and `textarea` in the page's content must be named by its id (a field path), and its
//! label (`<label for>`, or the legend of its radios) must be the catalogue's.

use std::collections::BTreeSet;

use shenbao_core::catalogue::{Field, FieldRef, Kind, parse_path};
use shenbao_core::draft::Draft;
use shenbao_core::model::{ContentArea, LinkedInitiative, LinkedInitiativeKind, PlanStatus, SupportMode};
use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir};

browser_tests!(every_control_of_every_step_is_a_catalogue_field_labelled_as_the_catalogue_says);

/// Controls of the step pages that are not fields of the application: the justification boxes of warnings.
fn is_not_a_field(id: &str) -> bool {
    id.starts_with("justification-")
}

/// The label the page must show for a field: the catalogue's form label, with 选填 for an optional field that is
/// not a tick box (`crate::binding::Binding::label` in the app).
fn expected_label(field: Field) -> String {
    let label = field.form_label();
    if field.optional() && field.kind() != Kind::Flag { format!("{label}（选填）") } else { label.into_owned() }
}

/// The complete sample with every conditional question revealed.
fn everything_revealed() -> Result<tempfile::NamedTempFile, Box<dyn std::error::Error + Send + Sync>> {
    let params = shenbao_core::ParameterSet::second_batch_2022();
    let mut draft = Draft::new("全部问题", &params, chrono::DateTime::default());
    let mut application = shenbao_core::sample::complete();
    application.villages[1].plan.status = Some(PlanStatus::InPreparation);
    application.villages[1].plan.approved_on = None;
    application.villages[1].plan.expected_on = chrono::NaiveDate::from_ymd_opt(2023, 3, 31);
    application.linked_initiatives = LinkedInitiativeKind::ALL
        .into_iter()
        .map(|kind| LinkedInitiative { kind, name: format!("{}名", kind.label()) })
        .collect();
    let industry = application.projects.iter().position(|p| p.content_area == Some(ContentArea::Industry));
    if let Some(index) = industry {
        application.projects[index].support_mode = Some(SupportMode::Other);
        application.projects[index].support_mode_other = "其他".into();
    }
    application.governance.land_quota_needed = Some(true);
    application.governance.land_quota_arranged = Some(true);
    application.industries[0].fits_county_plan = Some(true);
    draft.application = application;
    let mut file = tempfile::Builder::new().suffix(".json").tempfile()?;
    std::io::Write::write_all(&mut file, draft.to_json().as_bytes())?;
    Ok(file)
}

/// Every control in the page's content: its id, and the text of its label or of its radios' legend.
const CONTROLS: &str = r#"
    const content = document.querySelector('.app-layout__content');
    const seen = new Set();
    const out = [];
    for (const control of content.querySelectorAll('input, select, textarea')) {
        let id = control.id;
        let label = '';
        if (control.type === 'radio') {
            id = control.name;
            if (seen.has(id)) continue;
            const legend = control.closest('fieldset').querySelector('legend');
            label = legend ? legend.textContent : '';
        } else {
            const element = document.querySelector('label[for="' + CSS.escape(id) + '"]');
            label = element ? element.textContent : '';
        }
        seen.add(id);
        out.push([id, label.trim()]);
    }
    return out;
"#;

async fn every_control_of_every_step_is_a_catalogue_field_labelled_as_the_catalogue_says(
    browser: Browser,
) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let file = everything_revealed()?;
    let id = s.import_draft(&server.origin(), file.path()).await?;
    let draft = s.stored_draft(&id).await?;
    let application: shenbao_core::Application = serde_json::from_value(draft["application"].clone())?;
    let mut on_pages = BTreeSet::new();
    for step in shenbao_core::rules::Step::ALL {
        s.go_to_step(&server.origin(), &id, step.key()).await?;
        if step == shenbao_core::rules::Step::Projects {
            // Project cards are folded: open each, and choose a township-level site for the first.
            s.eval("document.querySelectorAll('.app-card__toggle[aria-expanded=false]').forEach(b => b.click()); return true").await?;
            s.wait_for("[id=\"projects[0].name\"]").await?;
            s.pick("projects[0].village_id", "township").await?;
            s.wait_for("[id=\"projects[0].township\"]").await?;
        }
        let controls = s.eval(CONTROLS).await?;
        let controls = controls.as_array().ok_or("no list of controls")?;
        assert!(!controls.is_empty(), "{step:?}: no controls");
        for control in controls {
            let (path, label) = (control[0].as_str().unwrap_or_default(), control[1].as_str().unwrap_or_default());
            if is_not_a_field(path) {
                continue;
            }
            let (field, _) =
                parse_path(path).ok_or_else(|| format!("{step:?}: {path:?} is not a field of the catalogue"))?;
            assert_eq!(field.step(), step, "{path} is on the page of another step");
            assert_eq!(label, expected_label(field), "{path}: the page's label differs from the catalogue's");
            on_pages.insert(path.to_owned());
        }
    }
    assert!(on_pages.len() > 300, "only {} fields were read from the pages", on_pages.len());
    // Every field that applies is on its page (the township asked only for a township-level project, chosen above).
    let mut shown = application.clone();
    shown.projects[0].village_id.clear();
    shown.projects[0].township = "某镇".into();
    for field in FieldRef::every(&shown).into_iter().filter(|field| field.applies(&shown)) {
        let path = field.path(&shown).unwrap_or_default();
        assert!(on_pages.contains(&path), "{path} ({}) applies but is on no page", field.field.label());
    }
    s.close().await
}
