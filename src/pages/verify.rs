use leptos::prelude::*;
use shenbao_core::attachments::{AttachmentCheck, check_attachments};
use shenbao_core::bundle::Attachment;
use shenbao_core::catalogue::answers;
use shenbao_core::evaluation::Severity;
use shenbao_core::rules::Step;
use shenbao_core::safe_text::{visible, visible_copy};
use shenbao_core::signing::{SignatureOutcome, VerifyReport, county_shown, verify_bundle_bytes};

use crate::browser;

/// 核验申报包: a reviewer opens one bundle or several at once (file picker or drag and drop) and sees, for each,
/// whether the signature holds and why not, whether the application can be submitted, the fingerprint, the rules
/// re-run and compared with the bundle's own evaluation, the application read-only, and each attachment checked
/// once the reviewer also opens the files. With several files, a list at the top gives each one's result.
///
/// Text from a file (its name, the bundle's names, attachment names, justifications, the application) is shown
/// through `shenbao_core::safe_text::visible`: a bidi control or a zero-width character appears as `\u{…}` and
/// cannot make `\u{202e}fdp.exe` pass for `exe.pdf`.
#[component]
pub fn VerifyPage() -> impl IntoView {
    browser::set_title("核验申报包 - 衔接推进区申报助手");
    let reports = RwSignal::new(Vec::<(String, VerifyReport)>::new());
    let dragging = RwSignal::new(false);
    let open_bundles = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut checked = Vec::with_capacity(files.len());
            for file in files {
                let outcome = match browser::read_json_file(&file).await {
                    Ok(bytes) => verify_bundle_bytes(&bytes),
                    Err(browser::ReadError::TooLarge(error)) => VerifyReport::file_too_large(error),
                    Err(browser::ReadError::Unreadable) => verify_bundle_bytes(&[]),
                };
                checked.push((file.name(), outcome));
            }
            let _ = reports.try_set(checked);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = browser::files_of(input.files());
        input.set_value("");
        open_bundles(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        open_bundles(browser::files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    view! {
        <h1 class="app-heading app-heading--l">"核验申报包"</h1>
        <p class="app-intro">"市、省审核人员打开县里报送的申报包（.json），核验电子签名、公钥指纹，并用本工具的规则重新核对。可以一次选择或拖入多个申报包，逐个核验。文件只在本机处理。"</p>
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
            <label class="app-field__label" for="bundle-file">"选择申报包文件（可多选），或把文件拖到这里"</label>
            <input class="app-file" type="file" id="bundle-file" accept=".json,application/json" multiple=true on:change=on_pick />
        </div>
        {move || {
            reports.with(|list| {
                let summary = (list.len() > 1).then(|| view! { <VerifySummary reports=list.clone() /> });
                let views = list
                    .iter()
                    .enumerate()
                    .map(|(index, (name, report))| view! { <ReportView index=index name=name.clone() report=report.clone() /> })
                    .collect_view();
                view! { {summary} {views} }
            })
        }}
    }
}

/// The suffix of the ids of the `index`th file's report: none for the first (the usual case of one file), `-2`,
/// `-3`… for the others, so that every id on the page stays unique.
fn id_suffix(index: usize) -> String {
    if index == 0 { String::new() } else { format!("-{}", index + 1) }
}

/// Whether the application itself can be submitted, as this tool re-checks it, and the sentence saying so:
/// `可以提交`, or `尚不能提交（2 个问题必须修改，1 个事项需要填写理由）`. `None` when the bundle was not re-checked
/// (its signature failed, or the file is not a bundle).
fn application_status(report: &VerifyReport) -> Option<(bool, String)> {
    let readiness = &report.recheck.as_ref()?.readiness;
    Some(if readiness.is_ready() {
        (true, readiness.label().to_owned())
    } else {
        (false, format!("{}（{}）", readiness.label(), readiness.remaining_text()))
    })
}

/// The signature's result in a few words, for the list of several files.
fn signature_summary(report: &VerifyReport) -> String {
    match &report.failure {
        None => "签名有效".to_owned(),
        Some(failure) => format!("核验未通过：{failure}"),
    }
}

/// With several files: one line per file (its county, signature and application status) and a link to its report.
#[component]
fn VerifySummary(reports: Vec<(String, VerifyReport)>) -> impl IntoView {
    let count = reports.len();
    let passed = reports.iter().filter(|(_, r)| r.is_ok()).count();
    let ready = reports.iter().filter(|(_, r)| application_status(r).is_some_and(|(ready, _)| ready)).count();
    let items = reports
        .into_iter()
        .enumerate()
        .map(|(index, (name, report))| {
            let status = application_status(&report);
            let ok = report.is_ok() && status.as_ref().is_some_and(|(ready, _)| *ready);
            let mut line = signature_summary(&report);
            if let Some((_, text)) = &status {
                line.push_str(&format!("；申报状态：{text}"));
            }
            let shown = county_shown(&report).label;
            // A failed bundle's county already opens with （未核验）: no second pair of brackets around it.
            let county = match shown.as_str() {
                "" => String::new(),
                unverified if unverified.starts_with('（') => format!(" {unverified}"),
                listed => format!("（{listed}）"),
            };
            let target = format!("verify-file{}", id_suffix(index));
            view! {
                <li
                    class="app-verify-summary__item"
                    class:app-verify-summary__item--problem=!ok
                    data-file=name.clone()
                    data-ok=report.is_ok().to_string()
                    data-ready=status.as_ref().map(|(ready, _)| ready.to_string()).unwrap_or_default()
                >
                    <button type="button" class="app-link-button" on:click=move |_| browser::focus_element(&target)>
                        {format!("{}. {}", index + 1, visible(&name))}
                    </button>
                    {visible(&county)}
                    "：" {visible(&line)}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="app-panel app-verify-summary" id="verify-summary" data-count=count.to_string()>
            <h2 class="app-heading app-heading--m">{format!("已核验 {count} 个文件")}</h2>
            <p>{format!("签名有效 {passed} 个，其中可以提交 {ready} 个；签名未通过核验 {} 个。点击文件名查看该文件的核验结果。", count - passed)}</p>
            <ol class="app-verify-summary__list">{items}</ol>
        </section>
    }
}

/// One file's report. Its ids carry [`id_suffix`] of its `index`.
#[component]
fn ReportView(index: usize, name: String, report: VerifyReport) -> impl IntoView {
    let suffix = id_suffix(index);
    let id = |base: &str| format!("{base}{suffix}");
    // What the reviewer opened, by name, size and SHA-256 (hashed in pieces, never kept whole).
    let opened = RwSignal::new(Vec::<Attachment>::new());
    let on_attachments = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = browser::files_of(input.files());
        input.set_value("");
        leptos::task::spawn_local(async move {
            for file in files {
                if let Ok(entry) = browser::hash_attachment(&file).await {
                    let _ = opened.try_update(|list| {
                        list.retain(|other| other.name != entry.name);
                        list.push(entry);
                    });
                }
            }
        });
    };
    let ok = report.is_ok();
    let status = application_status(&report);
    let headline = match &report.failure {
        None => "签名有效：申报包自签名后未被修改。".to_owned(),
        Some(failure) => format!("核验未通过：{}", visible(&failure.to_string())),
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
            let alg = s.alg.as_deref().map_or_else(|| "算法未知".into(), visible);
            view! { <li>{format!("第 {} 个签名（{alg}）：{outcome}", index + 1)}</li> }
        })
        .collect_view();
    let status_line = status.map(|(ready, text)| {
        let (class, text) = if ready {
            ("app-status app-status--ready", format!("申报状态：{text}（本工具按申报内容重新核对）"))
        } else {
            (
                "app-status app-status--warning",
                format!("申报状态：{text}。签名有效只说明申报包签名后未被修改，不代表申报符合通知要求。"),
            )
        };
        view! { <p class=class id=id("verify-application-status") data-ready=ready.to_string()>{text}</p> }
    });
    let attachments_id = id("verify-attachments");
    let details = report.bundle.clone().zip(report.recheck.clone()).map(|(bundle, recheck)| {
        let differences: Vec<String> = recheck.differences.iter().map(|d| visible(&d.to_string())).collect();
        let explanation = differences_explanation(&visible(&bundle.app_version));
        let manifest = bundle.attachments.clone();
        let checks = Memo::new(move |_| opened.with(|files| check_attachments(&manifest, files)));
        let findings = recheck
            .evaluation
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| {
                let justification = bundle.justifications.get(&f.key()).map(|text| visible(text));
                view! {
                    <li class="app-findings__item" data-rule=f.rule.clone()>
                        <span class="app-tag app-tag--clause">{f.clause.clone()}</span>
                        <span class="app-tag">{f.severity.label()}</span>
                        {visible(&f.message)}
                        {justification.map(|text| view! { <p class="app-findings__justification">"申报单位的理由：" {text}</p> })}
                    </li>
                }
            })
            .collect_view();
        // Every string of the application made visible; it cannot fail for a bundle that was read (see visible_copy).
        let application = visible_copy(&bundle.application).unwrap_or_default();
        let sections = Step::ALL
            .into_iter()
            .map(|step| {
                let rows = answers(&application, step)
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
            <section class="app-panel" id=id("verify-recheck")>
                <h2 class="app-heading app-heading--m">"规则重新核对"</h2>
                <p id=id("verify-status") data-ready=recheck.is_ready().to_string()>
                    {format!("本工具重新核对：{}；衔接资金总量 {} 万元，整合的行业资金 {} 万元。", recheck.status_label(), figures.linkage_total, figures.sector_total)}
                </p>
                {if differences.is_empty() {
                    view! { <p id=id("verify-differences") data-count="0">"与申报包记录的检查结果一致。"</p> }.into_any()
                } else {
                    let count = differences.len().to_string();
                    view! {
                        <div id=id("verify-differences") data-count=count>
                            <p>{explanation}</p>
                            <ul>{differences.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                        </div>
                    }.into_any()
                }}
                <p class="app-field__hint">{format!("导出时间 {} · 导出工具版本 {} · 规则参数集 {}", browser::local_time_text(bundle.created_at), visible(&bundle.app_version), visible(&bundle.evaluation.parameter_set.id))}</p>
                <ul class="app-findings__list">{findings}</ul>
            </section>
            <section class="app-panel" id=id("verify-attachments-result")>
                <h2 class="app-heading app-heading--m">"附件核对"</h2>
                <Show when=move || checks.with(|c| !c.is_empty()) fallback=|| view! { <p>"申报包没有列出附件。"</p> }>
                    <div class="app-field">
                        <label class="app-field__label" for=attachments_id.clone()>"打开邮件中的附件进行核对（可多选）"</label>
                        <input class="app-file" type="file" id=attachments_id.clone() multiple=true on:change=on_attachments />
                    </div>
                    <table class="app-table app-table--compact">
                        <thead><tr><th scope="col">"文件名"</th><th scope="col">"结果"</th></tr></thead>
                        <tbody>
                            <For each=move || checks.get() key=|c: &AttachmentCheck| (c.name().to_owned(), c.code()) let:check>
                                <tr data-attachment=check.name().to_owned() data-check=check.code()>
                                    <td>{visible(check.name())}</td>
                                    <td>{visible(&check.message())}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </Show>
            </section>
            <section class="app-review" id=id("verify-application")>
                <h2 class="app-heading app-heading--m">"申报内容（只读）"</h2>
                {sections}
            </section>
        }
    });
    view! {
        <div class="app-verify-file" id=id("verify-file") tabindex="-1" data-file=name.clone()>
            <section class="app-panel" id=id("verify-report")>
                <h2 class="app-heading app-heading--m">{format!("文件：{}", visible(&name))}</h2>
                <p class=if ok { "app-status app-status--ready" } else { "app-status app-status--blocked" } id=id("verify-result") data-ok=ok.to_string()>{headline}</p>
                {status_line}
                {
                    // By the list's names for the county code (a bundle may state other names: said beside).
                    let county = county_shown(&report);
                    (!county.label.is_empty()).then(|| view! {
                        <p>"申报县：" <strong id=id("verify-county")>{visible(&county.label)}</strong></p>
                        {county.note.map(|note| view! { <p class="app-banner app-banner--warning" id=id("verify-county-note")>{visible(&note)}</p> })}
                    })
                }
                {fingerprint.map(|f| view! {
                    <p>"公钥指纹（请与报送函上的指纹逐组核对）："</p>
                    <p><code class="app-fingerprint" id=id("verify-fingerprint")>{f}</code></p>
                })}
                <ul>{signatures}</ul>
            </section>
            {details}
        </div>
    }
}

/// Why the recorded evaluation can differ from the one this tool computes from the same application. Made by this
/// very version, an unchanged export cannot differ, so the file was edited before it was signed or made by
/// another program; made by another version, the rules or their wording may have changed since.
fn differences_explanation(bundle_version: &str) -> String {
    let this = shenbao_core::APP_VERSION;
    if bundle_version == this {
        format!(
            "申报包记录的检查结果，与本工具按同一份申报内容计算的结果不一致。申报包记录的导出工具版本（{bundle_version}）与本工具相同，\
             由本工具原样导出的申报包不会出现这种情况：此文件不是本工具原样导出的，可能在签名前被编辑过，或由其他程序生成。\
             请以本工具重新核对的结果为准。不一致之处："
        )
    } else {
        format!(
            "申报包记录的检查结果，与本工具按同一份申报内容计算的结果不同。申报包由 {bundle_version} 版工具导出，本工具为 {this} 版，\
             不同版本的规则或提示措辞可能有变化，以下不同可能由此产生。请以本工具重新核对的结果为准。不同之处："
        )
    }
}
