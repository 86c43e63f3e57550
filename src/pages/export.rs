use leptos::prelude::*;
use shenbao_core::bundle::Attachment;
use shenbao_core::draft::Readiness;
use shenbao_core::signing::export_signed_bundle;

use crate::pages::home::sanitise;
use crate::state::{AppState, DraftCtx};
use crate::{browser, store};

/// What a bundle is made of, besides the time and key: compared with the draft to tell a stale download.
type ExportedContent = (shenbao_core::model::Application, Vec<Attachment>, std::collections::BTreeMap<String, String>);

/// The exports of 核对与导出: the signed bundle (when nothing blocks and every warning has its justification,
/// else what is missing), its attachment manifest, and the draft file.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let app = expect_context::<AppState>();
    let readiness = Memo::new(move |_| ctx.evaluation.with(|e| ctx.draft.with(|d| Readiness::of(d, e))));
    // The manifest lives in the draft, so it survives reloads and leaving the page.
    let attachments = Signal::derive(move || ctx.draft.with(|d| d.attachments.clone()));
    let set_attachments = move |change: &dyn Fn(&mut Vec<Attachment>)| ctx.draft.update(|d| change(&mut d.attachments));
    let reading = RwSignal::new(false);
    // What the last pick did besides adding a file: a replaced entry, a file already listed, an empty file refused.
    let notices = RwSignal::new(Vec::<AttachmentNotice>::new());
    let result = RwSignal::new(None::<Result<String, String>>);
    let id = ctx.id.get_value();
    let download = move |_| {
        let draft = ctx.draft.get_untracked();
        match super::home::download_draft(&id, draft, app) {
            Ok(()) => ctx.draft.update(|d| d.backed_up_at = Some(browser::now())),
            Err(error) => app.save_error.set(Some(error)),
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
                        let listed =
                            attachments.with_untracked(|list| list.iter().find(|a| a.name == entry.name).cloned());
                        let notice = AttachmentNotice::of(&entry, listed.as_ref());
                        if notice.as_ref().is_none_or(|n| n.kind == NoticeKind::Replaced) {
                            set_attachments(&|list| {
                                list.retain(|a| a.name != entry.name);
                                list.push(entry.clone());
                            });
                        }
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
    // The single file keeps no key (store::keeps_key_in_storage): without one loaded, exporting would sign with a
    // new fingerprint, so the user chooses between importing the county's key file and making a new key.
    let asking_for_key = RwSignal::new(false);
    let cancel_key_question = move || {
        asking_for_key.set(false);
        browser::refocus_soon("export-bundle".into());
    };
    let export = move |new_key_confirmed: bool| {
        if !new_key_confirmed
            && !store::keeps_key_in_storage()
            && matches!(store::signing_key(), store::StoredKey::None)
        {
            asking_for_key.set(true);
            browser::refocus_soon("import-key-first".into());
            return;
        }
        if asking_for_key.get_untracked() {
            // The question (which held focus) goes; focus goes to what the export says.
            asking_for_key.set(false);
            browser::refocus_soon("export-result".into());
        }
        let outcome = store::signing_key_for_export().and_then(|key| {
            let bundle = ctx.draft.with_untracked(|draft| {
                ctx.params.with_value(|params| {
                    export_signed_bundle(draft, params, attachments.get_untracked(), browser::now(), &key)
                })
            });
            let text = bundle.map_err(|e| e.to_string())?;
            let county = ctx.draft.with_untracked(|d| {
                let name = &d.application.applicant.county_name;
                if name.is_empty() { d.name.clone() } else { name.clone() }
            });
            let file_name = format!("{}-衔接推进区申报-{}.json", sanitise(&county), browser::local_date_compact());
            browser::download(&file_name, "application/json", &text)?;
            Ok(key.fingerprint())
        });
        if outcome.is_ok() {
            exported_from.set(Some(content.get_untracked()));
        }
        result.set(Some(outcome));
    };
    view! {
        <section class="app-panel" id="export">
            <h2 class="app-heading app-heading--m">"导出申报包"</h2>
            <Show
                when=move || readiness.with(Readiness::is_ready)
                fallback=move || view! {
                    <p id="export-blocked">
                        {move || readiness.with(|r| {
                            let mut missing = Vec::new();
                            if r.blocking > 0 {
                                missing.push(format!("{} 个问题必须修改", r.blocking));
                            }
                            if !r.unjustified.is_empty() {
                                missing.push(format!("{} 个需说明理由的事项未填写理由", r.unjustified.len()));
                            }
                            format!("尚不能导出签名的申报包：还有 {}（见上方“需要处理的问题”）。处理后即可导出。", missing.join("、"))
                        })}
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
                        <li class="app-attachment-notices__item" class:app-attachment-notices__item--refused={notice.kind == NoticeKind::Refused} data-notice=notice.kind.key()>{notice.text}</li>
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
                <Show when=move || !store::keeps_key_in_storage()>
                    <p class="app-field__hint" id="single-file-key-hint">"单文件版不保存签名密钥：本县以前导出过申报包的，导出前请先在「密钥与存储」导入密钥文件，以保持同一公钥指纹。"</p>
                </Show>
                <button type="button" class="app-button" id="export-bundle" disabled=move || reading.get() on:click=move |_| export(false)>"导出签名的申报包"</button>
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
                    Ok(fingerprint) => view! {
                        <div class="app-banner app-banner--info" role="status" id="export-done">
                            <Show when=move || stale.get()>
                                <p class="app-banner__stale" id="export-stale"><strong>"导出后申报内容或附件清单又有改动，已下载的申报包不含这些改动：请重新导出，报送最新的文件。"</strong></p>
                            </Show>
                            <p>"申报包已导出（见浏览器的下载）。请随邮件报送，并在加盖公章的报送函上写明公钥指纹："</p>
                            <p><code class="app-fingerprint" id="export-fingerprint">{fingerprint}</code></p>
                            {(!store::keeps_key_in_storage()).then(|| view! {
                                <p><strong>"单文件版不保存签名密钥：请到「密钥与存储」导出密钥文件，否则关闭页面后无法再用同一指纹签名。"</strong></p>
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

/// What adding a picked file to the manifest did, said beside the list. The manifest names each file once, as
/// the reviewer matches it to the e-mail's attachments by name: a file with the name of a listed one replaces it
/// (a re-scanned page, a corrected plan), and the user is told, with both sizes and digests, in case it was
/// picked by mistake. An empty file is refused: it is an unfinished download or copy, and a reviewer could check
/// nothing against it.
#[derive(Debug, Clone)]
struct AttachmentNotice {
    kind: NoticeKind,
    text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NoticeKind {
    /// The file replaced the listed one of the same name.
    Replaced,
    /// The same file is listed already; the manifest is unchanged.
    AlreadyListed,
    /// An empty file, not added.
    Refused,
}

impl NoticeKind {
    fn key(self) -> &'static str {
        match self {
            NoticeKind::Replaced => "replaced",
            NoticeKind::AlreadyListed => "already-listed",
            NoticeKind::Refused => "empty",
        }
    }
}

impl AttachmentNotice {
    /// The notice for adding `entry` when `listed` has its name already; `None` for a plain addition.
    fn of(entry: &Attachment, listed: Option<&Attachment>) -> Option<AttachmentNotice> {
        let name = &entry.name;
        if entry.size == 0 {
            return Some(AttachmentNotice {
                kind: NoticeKind::Refused,
                text: format!(
                    "未添加「{name}」：这是空文件（0 字节），可能是下载或复制没有完成。请选择完整的文件后重新添加。"
                ),
            });
        }
        let listed = listed?;
        Some(if listed.sha256 == entry.sha256 {
            AttachmentNotice {
                kind: NoticeKind::AlreadyListed,
                text: format!("「{name}」已在附件清单中，内容相同，未重复添加。"),
            }
        } else {
            let text = format!(
                "已替换同名附件「{name}」：清单中原有的文件（{} 字节，摘要 {}）已换成刚选择的文件（{} 字节，摘要 {}）。请确认邮件中附上的是新文件；如选错了，请重新添加原文件。",
                listed.size,
                short_digest(&listed.sha256),
                entry.size,
                short_digest(&entry.sha256)
            );
            AttachmentNotice { kind: NoticeKind::Replaced, text }
        })
    }
}

/// The first 16 hex digits of a SHA-256, as the manifest shows it.
fn short_digest(sha256: &str) -> String {
    format!("{}…", sha256.get(..16).unwrap_or(sha256))
}
