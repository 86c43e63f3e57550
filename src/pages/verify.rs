use leptos::prelude::*;
use shenbao_core::attachments::{AttachmentCheck, check_attachments};
use shenbao_core::evaluation::Severity;
use shenbao_core::rules::Step;
use shenbao_core::signing::{SignatureOutcome, VerifyReport, verify_bundle_bytes};

use crate::browser;
use crate::pages::answers::answers;

/// 核验申报包: a reviewer opens a bundle (file picker or drag and drop) and sees whether the signature holds and
/// why not, the fingerprint, the rules re-run and compared with the bundle's own evaluation, the application
/// read-only, and each attachment checked once the reviewer also opens the files.
#[component]
pub fn VerifyPage() -> impl IntoView {
    browser::set_title("核验申报包 - 衔接推进区申报助手");
    let report = RwSignal::new(None::<(String, VerifyReport)>);
    let opened = RwSignal::new(Vec::<(String, Vec<u8>)>::new());
    let dragging = RwSignal::new(false);
    let open_bundle = move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else { return };
        leptos::task::spawn_local(async move {
            let name = file.name();
            let outcome = match browser::read_bytes(&file).await {
                Ok(bytes) => verify_bundle_bytes(&bytes),
                Err(_) => verify_bundle_bytes(&[]),
            };
            opened.set(Vec::new());
            report.set(Some((name, outcome)));
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = browser::files_of(input.files());
        input.set_value("");
        open_bundle(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        open_bundle(browser::files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let on_attachments = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = browser::files_of(input.files());
        input.set_value("");
        leptos::task::spawn_local(async move {
            for file in files {
                if let Ok(bytes) = browser::read_bytes(&file).await {
                    let name = file.name();
                    opened.update(|list| {
                        list.retain(|(other, _)| *other != name);
                        list.push((name, bytes));
                    });
                }
            }
        });
    };
    view! {
        <h1 class="app-heading app-heading--l">"核验申报包"</h1>
        <p class="app-intro">"市、省审核人员打开县里报送的申报包（.json），核验电子签名、公钥指纹，并用本工具的规则重新核对。文件只在本机处理。"</p>
        <div
            class="app-drop-zone"
            class:app-drop-zone--active=move || dragging.get()
            id="drop-zone"
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <label class="app-field__label" for="bundle-file">"选择申报包文件，或把文件拖到这里"</label>
            <input class="app-file" type="file" id="bundle-file" accept=".json,application/json" on:change=on_pick />
        </div>
        {move || report.with(|r| r.as_ref().map(|(name, report)| view! { <ReportView name=name.clone() report=report.clone() opened=opened on_attachments=on_attachments /> }))}
    }
}

#[component]
fn ReportView(
    name: String,
    report: VerifyReport,
    opened: RwSignal<Vec<(String, Vec<u8>)>>,
    on_attachments: impl Fn(leptos::ev::Event) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ok = report.is_ok();
    let headline = match &report.failure {
        None => "签名有效：申报包自签名后未被修改。".to_owned(),
        Some(failure) => format!("核验未通过：{failure}"),
    };
    let fingerprint = report.fingerprint();
    let signatures = report
        .signatures
        .iter()
        .enumerate()
        .map(|(index, s)| {
            let outcome = match &s.outcome {
                SignatureOutcome::Valid => "有效".to_owned(),
                // Why is the headline's to say, once.
                SignatureOutcome::Invalid(_) => "无效（原因见上）".to_owned(),
                SignatureOutcome::Unsupported => "本版本不支持该算法，未核验".to_owned(),
            };
            view! { <li>{format!("第 {} 个签名（{}）：{outcome}", index + 1, s.alg.clone().unwrap_or_else(|| "算法未知".into()))}</li> }
        })
        .collect_view();
    let details = report.bundle.clone().zip(report.recheck.clone()).map(|(bundle, recheck)| {
        let differences: Vec<String> = recheck.differences.iter().map(ToString::to_string).collect();
        let manifest = bundle.attachments.clone();
        let checks = Memo::new(move |_| opened.with(|files| check_attachments(&manifest, files)));
        let findings = recheck
            .evaluation
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| {
                let justification = bundle.justifications.get(&f.key()).cloned();
                view! {
                    <li class="app-findings__item" data-rule=f.rule.clone()>
                        <span class="app-tag app-tag--clause">{f.clause.clone()}</span>
                        <span class="app-tag">{f.severity.label()}</span>
                        {f.message.clone()}
                        {justification.map(|text| view! { <p class="app-findings__justification">"申报单位的理由：" {text}</p> })}
                    </li>
                }
            })
            .collect_view();
        let sections = Step::ALL
            .into_iter()
            .map(|step| {
                let rows = answers(&bundle.application, step)
                    .into_iter()
                    .map(|a| view! {
                        <div class="app-summary__row">
                            <dt class="app-summary__key">{a.label}</dt>
                            <dd class="app-summary__value">{if a.value.is_empty() { "（未填写）".to_owned() } else { a.value }}</dd>
                        </div>
                    })
                    .collect_view();
                view! { <h3 class="app-heading app-heading--s">{step.title()}</h3><dl class="app-summary">{rows}</dl> }
            })
            .collect_view();
        let figures = &recheck.evaluation.figures;
        view! {
            <section class="app-panel" id="verify-recheck">
                <h2 class="app-heading app-heading--m">"规则重新核对"</h2>
                <p id="verify-status" data-ready=recheck.ready.to_string()>
                    {format!("本工具重新核对：{}；衔接资金总量 {} 万元，整合的行业资金 {} 万元。", recheck.status_label(), figures.linkage_total, figures.sector_total)}
                </p>
                {if differences.is_empty() {
                    view! { <p id="verify-differences" data-count="0">"与申报包记录的检查结果一致。"</p> }.into_any()
                } else {
                    let count = differences.len().to_string();
                    view! {
                        <div id="verify-differences" data-count=count>
                            <p>"与申报包记录的检查结果不同（可能由不同版本的工具导出）："</p>
                            <ul>{differences.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                        </div>
                    }.into_any()
                }}
                <p class="app-field__hint">{format!("导出时间 {} · 导出工具版本 {} · 规则参数集 {}", browser::local_time_text(bundle.created_at), bundle.app_version, bundle.evaluation.parameter_set.id)}</p>
                <ul class="app-findings__list">{findings}</ul>
            </section>
            <section class="app-panel" id="verify-attachments-result">
                <h2 class="app-heading app-heading--m">"附件核对"</h2>
                <Show when=move || checks.with(|c| !c.is_empty()) fallback=|| view! { <p>"申报包没有列出附件。"</p> }>
                    <div class="app-field">
                        <label class="app-field__label" for="verify-attachments">"打开邮件中的附件进行核对（可多选）"</label>
                        <input class="app-file" type="file" id="verify-attachments" multiple=true on:change=on_attachments />
                    </div>
                    <table class="app-table app-table--compact">
                        <thead><tr><th scope="col">"文件名"</th><th scope="col">"结果"</th></tr></thead>
                        <tbody>
                            <For each=move || checks.get() key=|c: &AttachmentCheck| (c.name().to_owned(), c.code()) let:check>
                                <tr data-attachment=check.name().to_owned() data-check=check.code()>
                                    <td>{check.name().to_owned()}</td>
                                    <td>{check.message()}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </Show>
            </section>
            <section class="app-review" id="verify-application">
                <h2 class="app-heading app-heading--m">"申报内容（只读）"</h2>
                {sections}
            </section>
        }
    });
    view! {
        <section class="app-panel" id="verify-report">
            <h2 class="app-heading app-heading--m">{format!("文件：{name}")}</h2>
            <p class=if ok { "app-status app-status--ready" } else { "app-status app-status--blocked" } id="verify-result" data-ok=ok.to_string()>{headline}</p>
            {report.county_label().map(|county| view! { <p>"申报县：" <strong id="verify-county">{county}</strong></p> })}
            {fingerprint.map(|f| view! {
                <p>"公钥指纹（请与报送函上的指纹逐组核对）："</p>
                <p><code class="app-fingerprint" id="verify-fingerprint">{f}</code></p>
            })}
            <ul>{signatures}</ul>
        </section>
        {details}
    }
}
