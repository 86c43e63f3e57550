use leptos::prelude::*;
use shenbao_core::rules::Step;

use crate::split::SlowLoadingHint;
use crate::state::AppState;
use crate::store::{self, DraftSummary};
use crate::{browser, route::Route, split};

/// The start page: what the tool does, the steps of an application, the drafts kept in this browser, and
/// creating or importing a draft.
///
/// It is in the app's first module; reading, evaluating, creating and importing drafts are split points
/// (`crate::split`), fetched the first time they are needed.
#[component]
pub fn HomePage() -> impl IntoView {
    browser::set_title("衔接推进区申报助手");
    // A damaged, missing or disagreeing drafts index never hides a draft: it is made whole here, and the page says so.
    let repaired = store::repair_index().map(|repair| repair_message(repair, store::draft_ids().len()));
    let version = RwSignal::new(0u32);
    let has_drafts = Memo::new(move |_| {
        version.track();
        !store::draft_ids().is_empty()
    });
    // The lines of the list: each draft is read and evaluated, by a split point (none to read on a first visit).
    let summaries = LocalResource::new(move || {
        version.track();
        let any = !store::draft_ids().is_empty();
        async move { if any { split::draft_summaries().await } else { Ok(Vec::new()) } }
    });
    let drafts = Memo::new(move |_| summaries.get().and_then(Result::ok).unwrap_or_default());
    let not_loaded = Memo::new(move |_| summaries.get().and_then(Result::err));
    // How many drafts changed since their last download (or were never downloaded).
    let needs_backup = Memo::new(move |_| drafts.with(|d| d.iter().filter(|s| s.needs_backup).count()));
    // After a deletion the row (and the focused button) is gone: say what was deleted, and put focus there.
    // (the deleted draft's id, the message): the message goes when the draft comes back (restored in another tab).
    let deleted = RwSignal::new(None::<(String, String)>);
    let on_deleted = Callback::new(move |(id, name): (String, String)| {
        deleted.set(Some((id, format!("已删除草稿「{name}」。"))));
        browser::refocus_soon("draft-deleted".into());
    });
    let steps = Step::ALL.iter().map(|step| view! { <li>{step.title()}</li> }).collect_view();
    split::preload_start_page_work();
    // Another tab or window that creates, changes or deletes a draft changes this list too.
    let others = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().is_none_or(|key| key.starts_with("shenbao.draft")) {
            // The draft of the row that has the focus was deleted there: its row goes, and the focus would fall to
            // the page's <body>. Say so, and put the focus on the message, as after a deletion here.
            if let Some(id) = browser::focused_within("tr[data-draft-id]", "data-draft-id")
                && !store::draft_ids().contains(&id)
            {
                let name = drafts.with_untracked(|d| d.iter().find(|s| s.id == id).map(|s| s.name.clone()));
                let message = format!("草稿「{}」已在另一个窗口或标签页中删除。", name.unwrap_or_default());
                deleted.set(Some((id, message)));
                browser::refocus_soon("draft-deleted".into());
            } else if deleted.with_untracked(|d| d.as_ref().is_some_and(|(id, _)| store::draft_ids().contains(id))) {
                deleted.set(None);
            }
            version.update(|v| *v += 1);
        }
    });
    on_cleanup(move || others.remove());
    view! {
        <h1 class="app-heading app-heading--xl">"衔接推进区申报助手"</h1>
        <p class="app-lead">
            "按照鲁乡振发〔2022〕26号通知，逐步填写第二批衔接乡村振兴集中推进区申报材料。每一项要求在填写时即时检查并注明条款；"
            "草稿随输入自动保存在本机浏览器中；完成后导出带电子签名的申报包，随邮件报送市乡村振兴局、市财政局。"
        </p>
        <h2 class="app-heading app-heading--m">"申报步骤"</h2>
        <ol class="app-list app-list--numbered" id="steps">
            {steps}
            <li>"核对与导出"</li>
        </ol>
        <h2 class="app-heading app-heading--m" id="my-drafts" tabindex="-1">"我的草稿"</h2>
        <crate::components::StorageWarning />
        {repaired.map(|message| view! { <p class="app-banner app-banner--info" id="drafts-repaired" role="status">{message}</p> })}
        {move || deleted.get().map(|(_, message)| view! {
            <p class="app-banner app-banner--info" id="draft-deleted" role="status" tabindex="-1">{message}</p>
        })}
        <Show when=move || { needs_backup.get() > 0 }>
            <p class="app-banner app-banner--info" id="backup-reminder" data-count=move || needs_backup.get().to_string()>
                {move || format!(
                    "提醒：有 {} 份草稿在上次下载备份后又有修改（或从未下载）。草稿只保存在本机浏览器中，清理浏览器数据或更换电脑会丢失草稿，请“下载”草稿文件作为备份。",
                    needs_backup.get()
                )}
            </p>
        </Show>
        {move || not_loaded.get().map(|not_loaded| view! {
            <div class="app-banner app-banner--error" role="alert" id="load-error">
                <p>{not_loaded.part_message()}</p>
                // The button goes with the message: focus moves to the list's heading first.
                <button type="button" class="app-button" id="load-retry" on:click=move |_| {
                    browser::focus_element("my-drafts");
                    version.update(|v| *v += 1);
                }>"重试"</button>
            </div>
        })}
        <Show
            when=move || has_drafts.get()
            fallback=|| view! { <p id="no-drafts">"本机还没有草稿。请在下方新建，或导入从其他电脑下载的草稿文件。"</p> }
        >
            <Show when=move || summaries.with(Option::is_none)>
                <p class="app-loading" id="drafts-loading" role="status">"正在读取草稿…"</p>
            </Show>
            <SlowLoadingHint busy=Signal::derive(move || summaries.with(Option::is_none)) id="drafts-loading-slow" />
            <Show when=move || drafts.with(|d| !d.is_empty())>
                <table class="app-table" id="drafts">
                    <thead>
                        <tr><th scope="col">"草稿"</th><th scope="col">"申报县"</th><th scope="col">"最后修改"</th><th scope="col">"状态"</th><th scope="col">"操作"</th></tr>
                    </thead>
                    <tbody>
                        // Keyed by id: a row stays (with an open question and the focus) while its draft changes.
                        <For each=move || drafts.get() key=|s| s.id.clone() let:summary>
                            <DraftRow summary=summary drafts=drafts version=version on_deleted=on_deleted />
                        </For>
                    </tbody>
                </table>
            </Show>
        </Show>
        <NewDraft />
        <ImportDraft />
    }
}

#[component]
fn DraftRow(
    summary: DraftSummary,
    drafts: Memo<Vec<DraftSummary>>,
    version: RwSignal<u32>,
    /// Told the draft's id and name once it is deleted.
    on_deleted: Callback<(String, String)>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let confirming = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let id = summary.id.clone();
    // The row follows its draft as the list refreshes (another tab renames it, chooses its county, edits it).
    let row = Memo::new({
        let id = id.clone();
        move |_| drafts.with(|list| list.iter().find(|s| s.id == id).cloned()).unwrap_or_else(|| summary.clone())
    });
    let duplicate = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            leptos::task::spawn_local(async move {
                // The page may be gone by the time the module arrives: `try_` accessors.
                match split::duplicate_draft(id).await {
                    Ok(Ok(())) => _ = version.try_update(|v| *v += 1),
                    Ok(Err(error)) => _ = message.try_set(Some(error)),
                    Err(not_loaded) => _ = message.try_set(Some(not_loaded.try_again_message())),
                }
            });
        }
    };
    let download = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            leptos::task::spawn_local(async move {
                match split::download_stored_draft(app, id).await {
                    Ok(Ok(())) => _ = version.try_update(|v| *v += 1),
                    Ok(Err(error)) => _ = message.try_set(Some(error)),
                    Err(not_loaded) => _ = message.try_set(Some(not_loaded.try_again_message())),
                }
            });
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let name = row.with_untracked(|s| s.name.clone());
            store::delete(&id);
            version.update(|v| *v += 1);
            on_deleted.run((id.clone(), name));
        }
    };
    // The question takes focus on 确定删除; Escape or 取消 close it and return focus to 删除.
    let (delete_id, confirm_id) = (format!("delete-{id}"), format!("confirm-delete-{id}"));
    let ask = {
        let confirm_id = confirm_id.clone();
        move |_| {
            confirming.set(true);
            browser::refocus_soon(confirm_id.clone());
        }
    };
    let cancel = {
        let delete_id = delete_id.clone();
        move || {
            confirming.set(false);
            browser::refocus_soon(delete_id.clone());
        }
    };
    let cancel_on_escape = crate::components::escape_cancels(cancel.clone());
    let open_href = Route::Tasks(id.clone()).href();
    let rename_href = format!("{}?focus=draft-name", Route::Tasks(id.clone()).href());
    view! {
        <tr class="app-table__row" data-draft-id=id.clone()>
            <td data-label="草稿"><a class="app-draft-link" href=open_href>{move || row.with(|s| s.name.clone())}</a></td>
            <td data-label="申报县">{move || row.with(|s| s.county.clone())}</td>
            <td data-label="最后修改">{move || row.with(|s| s.updated.clone())}</td>
            <td data-label="状态">
                <span class="app-tag" class:app-tag--completed=move || row.with(|s| s.ready)
                    class:app-tag--has-problems=move || row.with(|s| s.corrupt)>{move || row.with(|s| s.status.clone())}</span>
            </td>
            <td class="app-table__actions">
                <a class="app-link-button" href=rename_href>"重命名"</a>
                <button type="button" class="app-link-button" data-action="duplicate" on:click=duplicate>"复制"</button>
                <button type="button" class="app-link-button" data-action="download" on:click=download>"下载"</button>
                <button type="button" class="app-link-button app-link-button--warning" id=delete_id data-action="delete" on:click=ask>"删除"</button>
                <Show when=move || confirming.get()>
                    <div class="app-confirm" role="alert" on:keydown=cancel_on_escape.clone()>
                        {move || row.with(|s| format!("确定删除草稿「{}」？删除后无法恢复。", s.name))}
                        <button type="button" class="app-button app-button--warning" id=confirm_id.clone() data-action="confirm-delete" on:click=delete.clone()>"确定删除"</button>
                        <button type="button" class="app-button app-button--secondary" data-action="cancel-delete" on:click={
                            let cancel = cancel.clone();
                            move |_| cancel()
                        }>"取消"</button>
                    </div>
                </Show>
                {move || message.get().map(|text| view! { <p class="app-field__message" role="alert">{text}</p> })}
            </td>
        </tr>
    }
}

/// What the start page says when it had to make the drafts index whole.
fn repair_message(repair: store::IndexRepair, count: usize) -> String {
    match repair {
        store::IndexRepair::Unreadable => format!(
            "本机的草稿目录已损坏，已根据本机保存的 {count} 份草稿重新建立；损坏的目录另行保留，没有删除任何草稿。"
        ),
        store::IndexRepair::Missing => format!("本机的草稿目录丢失，已根据本机保存的 {count} 份草稿重新建立。"),
        store::IndexRepair::Disagreed { found, gone } => {
            let mut parts = Vec::new();
            if found > 0 {
                parts.push(format!("找回 {found} 份目录中缺少的草稿"));
            }
            if gone > 0 {
                parts.push(format!("去掉 {gone} 个已不存在的条目"));
            }
            format!("本机的草稿目录与保存的草稿不一致，已重新整理：{}。", parts.join("，"))
        }
    }
}

#[component]
fn NewDraft() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // While the draft is being made (its module may still be on its way): further presses are ignored, so that
    // one press makes one draft, and the button says so.
    let busy = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let title = name.get_untracked();
        leptos::task::spawn_local(async move {
            let outcome = split::create_draft(title).await;
            // `try_`: the user may have gone to another page meanwhile; the draft is then in the list, and the
            // user is not pulled away from where they went.
            if busy.try_set(false).is_some() {
                return;
            }
            match outcome {
                Ok(Ok(id)) => browser::go(&Route::Tasks(id).href()),
                Ok(Err(message)) => error.set(Some(message)),
                Err(not_loaded) => error.set(Some(not_loaded.try_again_message())),
            }
        });
    };
    view! {
        <form class="app-panel" id="new-draft" on:submit=create>
            <h2 class="app-heading app-heading--m">"新建申报草稿"</h2>
            <div class="app-field">
                <label class="app-field__label" for="new-draft-name">"草稿名称"</label>
                <p class="app-field__hint" id="new-draft-name-hint">"便于区分多份草稿，例如“平阴县第二批衔接推进区申报”。以后可以修改。"</p>
                {move || error.get().map(|text| view! { <p class="app-field__message" role="alert">{text}</p> })}
                <input class="app-input app-input--long" id="new-draft-name" type="text" aria-describedby="new-draft-name-hint"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <SlowLoadingHint busy=busy id="create-draft-slow" />
            <button type="submit" class="app-button" id="create-draft"
                aria-disabled=move || busy.get().then_some("true") aria-busy=move || busy.get().then_some("true")>
                {move || if busy.get() { "正在新建…" } else { "新建草稿" }}
            </button>
        </form>
    }
}

#[component]
fn ImportDraft() -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    // The file being imported (its module may still be on its way); another file is refused meanwhile.
    let importing = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = browser::files_of(input.files());
        input.set_value("");
        let Some(file) = files.into_iter().next() else { return };
        if let Some(current) = importing.get_untracked() {
            error.set(Some(if current == file.name() {
                format!("正在导入「{current}」，请等它导入完成。")
            } else {
                format!("正在导入「{current}」，「{}」没有导入：请等这一份导入完成后再选择。", file.name())
            }));
            return;
        }
        importing.set(Some(file.name()));
        error.set(None);
        leptos::task::spawn_local(async move {
            let outcome = match browser::read_json_file(&file).await {
                Ok(bytes) => split::import_draft(file.name(), bytes)
                    .await
                    .unwrap_or_else(|e| Err(format!("无法导入「{}」：{}", file.name(), e.try_again_message()))),
                Err(e) => Err(format!("无法导入「{}」：{e} 本机已有的草稿没有任何改动。", file.name())),
            };
            // `try_`: the user may have gone to another page meanwhile; the draft is then in the list.
            if importing.try_set(None).is_some() {
                return;
            }
            match outcome {
                Ok(id) => browser::go(&Route::Tasks(id).href()),
                Err(message) => error.set(Some(message)),
            }
        });
    };
    view! {
        <section class="app-panel" id="import-draft">
            <h2 class="app-heading app-heading--m">"导入草稿文件"</h2>
            <div class="app-field" class:app-field--error=move || error.with(Option::is_some)>
                <label class="app-field__label" for="import-file">"选择从本工具下载的草稿文件（.json）"</label>
                <p class="app-field__hint">"导入的草稿作为新草稿保存，不会覆盖本机已有的草稿。"</p>
                {move || error.get().map(|text| view! { <p class="app-field__message" role="alert" id="import-error">{text}</p> })}
                {move || importing.get().map(|name| view! { <p role="status" id="import-busy">{format!("正在导入「{name}」…")}</p> })}
                <SlowLoadingHint busy=Signal::derive(move || importing.with(Option::is_some)) id="import-slow" />
                <input class="app-file" id="import-file" type="file" accept=".json,application/json" on:change=on_change />
            </div>
        </section>
    }
}
