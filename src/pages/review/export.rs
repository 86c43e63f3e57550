use leptos::prelude::*;
use shenbao_core::attachments::{Attachment, ManifestNotice, add_to_manifest, short_digest};
use shenbao_core::bundle::Bundle;

use crate::browser;
use crate::draft_context::DraftCtx;
use crate::drafts::sanitise;
use crate::key_store::{self, Protection};
use crate::state::AppState;

/// What the export banner says when the export made this browser's first key: back it up now (in the browser's key
/// store, only until the page is closed or reloaded).
fn new_key_note() -> String {
    let until = match key_store::cached_protection() {
        Some(Protection::NonExtractable) => "：签名密钥保存在浏览器的安全存储中，关闭或刷新本页后就不能再导出",
        _ => "",
    };
    format!("这是本机第一次导出，已生成新的签名密钥。请到「密钥与存储」导出密钥文件备份{until}。")
}

/// What a bundle is made of, besides the time and key: compared with the draft to tell a stale download.
type ExportedContent = (shenbao_core::model::Application, Vec<Attachment>, std::collections::BTreeMap<String, String>);

/// The exports of 核对与导出: the signed bundle (when nothing blocks and every warning has its justification,
/// else what is missing), its attachment manifest, and the draft file.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let app = expect_context::<AppState>();
    let ready = Memo::new(move |_| ctx.assessment.with(|a| a.readiness.is_ready()));
    // The manifest lives in the draft, so it survives reloads and leaving the page.
    let attachments = Signal::derive(move || ctx.draft.with(|d| d.attachments.clone()));
    let set_attachments = move |change: &dyn Fn(&mut Vec<Attachment>)| ctx.draft.update(|d| change(&mut d.attachments));
    let reading = RwSignal::new(false);
    // What the last pick did besides adding a file: a replaced entry, a file already listed, an empty file refused.
    let notices = RwSignal::new(Vec::<ManifestNotice>::new());
    // The fingerprint, and whether the key was made by this export (then the page asks to back it up).
    let result = RwSignal::new(None::<Result<(String, bool), String>>);
    let signing = RwSignal::new(false);
    let download = move |_| {
        if let Err(error) = ctx.download() {
            app.save_error.set(Some(error));
        }
    };
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = browser::files_of(input.files());
        input.set_value("");
        reading.set(true);
        notices.set(Vec::new());
        leptos::task::spawn_local(async move {
            for file in files {
                match browser::hash_attachment(&file).await {
                    Ok(entry) => {
                        let mut notice = None;
                        ctx.draft.update(|d| notice = add_to_manifest(&mut d.attachments, entry));
                        if let Some(notice) = notice {
                            notices.update(|all| all.push(notice));
                        }
                    }
                    Err(error) => result.set(Some(Err(error))),
                }
            }
            reading.set(false);
        });
    };
    // The content a bundle was exported from changes (an attachment, a justification, an answer): the file already
    // downloaded no longer matches, so the export banner says so.
    let content: Memo<ExportedContent> = Memo::new(move |_| {
        ctx.draft.with(|d| (d.application.clone(), d.attachments.clone(), d.justifications.clone()))
    });
    let exported_from = RwSignal::new(None::<ExportedContent>);
    let stale = Memo::new(move |_| {
        exported_from.with(|from| from.as_ref().is_some_and(|from| content.with(|now| now != from)))
    });
    // The single file keeps no key (key_store::keeps_key_in_storage): without one loaded, exporting would sign with
    // a new fingerprint, so the user chooses between importing the county's key file and making a new key.
    let asking_for_key = RwSignal::new(false);
    let cancel_key_question = move || {
        asking_for_key.set(false);
        browser::refocus_soon("export-bundle".into());
    };
    let export = move |new_key_confirmed: bool| {
        if signing.get_untracked() {
            return;
        }
        if !new_key_confirmed && !key_store::page_key_loaded() {
            asking_for_key.set(true);
            browser::refocus_soon("import-key-first".into());
            return;
        }
        if asking_for_key.get_untracked() {
            // The question (which held focus) goes; focus goes to what the export says.
            asking_for_key.set(false);
            browser::refocus_soon("export-result".into());
        }
        // What is signed is what the page shows now, even if the key takes a moment (the browser's key store).
        let exported = content.get_untracked();
        let unsigned = ctx.draft.with_untracked(|draft| {
            Bundle::of_draft(
                draft,
                ctx.params(),
                attachments.get_untracked(),
                browser::now(),
                shenbao_core::APP_VERSION,
            )
        });
        let county = ctx.draft.with_untracked(|d| {
            let name = &d.application.applicant.county_name;
            if name.is_empty() { d.name.clone() } else { name.clone() }
        });
        signing.set(true);
        leptos::task::spawn_local(async move {
            let outcome = async {
                let unsigned = unsigned.map_err(|e| e.to_string())?;
                let (key, made_now) = key_store::key_for_export().await?;
                let text = key_store::sign(&key, unsigned).await?.to_json();
                let file_name = format!("{}-衔接推进区申报-{}.json", sanitise(&county), browser::local_date_compact());
                browser::download(&file_name, "application/json", &text)?;
                Ok((key.fingerprint(), made_now))
            }
            .await;
            if outcome.is_ok() {
                let _ = exported_from.try_set(Some(exported));
            }
            let _ = result.try_set(Some(outcome));
            let _ = signing.try_set(false);
        });
    };
    view! {
        <section class="app-panel" id="export">
            <h2 class="app-heading app-heading--m">"导出申报包"</h2>
            <Show
                when=move || ready.get()
                fallback=move || view! {
                    <p id="export-blocked">
                        {move || ctx.assessment.with(|a| format!(
                            "尚不能导出签名的申报包：还有 {}（见上方“需要处理的问题”）。处理后即可导出。",
                            a.readiness.remaining_text()
                        ))}
                    </p>
                }
            >
                <p>"申报包是一个带电子签名的 JSON 文件，随邮件报送；审核人员可核验其未被修改。申报材料的附件（如实施规划、会议纪要的扫描件）放在同一封邮件中，申报包只记录它们的文件名、大小和数字摘要。"</p>
                <div class="app-field">
                    <label class="app-field__label" for="attachment-files">"添加附件到清单（可多选）"</label>
                    <p class="app-field__hint">"文件只在本机计算数字摘要，不会被上传或放入申报包。"</p>
                    <input class="app-file" type="file" id="attachment-files" multiple=true on:change=pick />
                </div>
                <Show when=move || reading.get()><p role="status">"正在计算附件摘要……"</p></Show>
                <ul class="app-attachment-notices" id="attachment-notices" role="status">
                    {move || notices.get().into_iter().map(|notice| view! {
                        <li class="app-attachment-notices__item" class:app-attachment-notices__item--refused=notice.is_refused() data-notice=notice.key()>{notice.message()}</li>
                    }).collect_view()}
                </ul>
                <Show when=move || attachments.with(|a| !a.is_empty())>
                    <table class="app-table app-table--compact" id="attachment-list">
                        <caption>"附件清单"</caption>
                        <thead><tr><th scope="col">"文件名"</th><th scope="col">"大小（字节）"</th><th scope="col">"SHA-256"</th><th scope="col"></th></tr></thead>
                        <tbody>
                            <For each=move || attachments.get() key=|a| a.sha256.clone() + &a.name let:attachment>
                                {
                                    let name = attachment.name.clone();
                                    view! {
                                        <tr>
                                            <td data-label="文件名">{shenbao_core::safe_text::visible(&attachment.name)}</td>
                                            <td data-label="大小（字节）">{attachment.size}</td>
                                            <td data-label="SHA-256"><code>{short_digest(&attachment.sha256)}</code></td>
                                            <td><button type="button" class="app-link-button" on:click=move |_| set_attachments(&|list| list.retain(|a| a.name != name))>"移除"</button></td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </Show>
                <Show when=move || !key_store::keeps_key_in_storage()>
                    <p class="app-field__hint" id="single-file-key-hint">"单文件版不保存签名密钥：本县以前导出过申报包的，导出前请先在「密钥与存储」导入密钥文件，以保持同一公钥指纹。"</p>
                </Show>
                <button type="button" class="app-button" id="export-bundle" disabled=move || reading.get() || signing.get() on:click=move |_| export(false)>"导出签名的申报包"</button>
                <Show when=move || asking_for_key.get()>
                    <div class="app-confirm" role="alert" id="no-key-loaded" on:keydown=crate::components::escape_cancels(cancel_key_question)>
                        <p><strong>"本页尚未载入签名密钥。"</strong></p>
                        <p>"本县以前导出过申报包的，请先导入当时导出的密钥文件，使这次的公钥指纹与以前一致。第一次导出的，可以生成新密钥：导出后请立即在「密钥与存储」导出密钥文件保存。"</p>
                        <a class="app-button" id="import-key-first" href="#/settings">"去导入密钥文件"</a>
                        <button type="button" class="app-button app-button--secondary" id="export-new-key" on:click=move |_| export(true)>"生成新密钥并导出"</button>
                        <button type="button" class="app-button app-button--secondary" id="cancel-no-key" on:click=move |_| cancel_key_question()>"取消"</button>
                    </div>
                </Show>
            </Show>
            <div id="export-result" tabindex="-1">
                {move || result.get().map(|outcome| match outcome {
                    Ok((fingerprint, made_now)) => view! {
                        <div class="app-banner app-banner--info" role="status" id="export-done">
                            <Show when=move || stale.get()>
                                <p class="app-banner__stale" id="export-stale"><strong>"导出后申报内容或附件清单又有改动，已下载的申报包不含这些改动：请重新导出，报送最新的文件。"</strong></p>
                            </Show>
                            <p>"申报包已导出（见浏览器的下载）。请随邮件报送，并在加盖公章的报送函上写明公钥指纹："</p>
                            <p><code class="app-fingerprint" id="export-fingerprint">{fingerprint}</code></p>
                            {(!key_store::keeps_key_in_storage()).then(|| view! {
                                <p><strong>"单文件版不保存签名密钥：请到「密钥与存储」导出密钥文件，否则关闭页面后无法再用同一指纹签名。"</strong></p>
                            })}
                            {(made_now && key_store::keeps_key_in_storage()).then(|| view! {
                                <p id="export-new-key-note"><strong>{new_key_note()}</strong></p>
                            })}
                        </div>
                    }.into_any(),
                    Err(error) => view! { <p class="app-banner app-banner--error" role="alert" id="export-error">{error}</p> }.into_any(),
                })}
            </div>
            <h3 class="app-heading app-heading--s">"草稿文件"</h3>
            <button type="button" class="app-button app-button--secondary" id="download-draft" on:click=download>"下载草稿文件（备份，可在其他电脑导入）"</button>
        </section>
    }
}
