use chrono::{DateTime, Utc};
use leptos::prelude::*;
use shenbao_core::signing::BundleKey;

use super::key_export::ExportKeyForm;
use super::key_import::ImportKey;
use crate::browser;
use crate::key_store::{self, KeyState, LoadedKey, Protection};

/// The signing key as the panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyView {
    /// The fingerprint to write on the cover letter.
    pub fingerprint: String,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// Whether this page can still export its key file (`key_store::exportable_copy`).
    pub exportable: bool,
}

/// A message under the key: what the last action did, or why it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMessage {
    /// The Chinese sentence.
    pub text: String,
    /// Whether it reports a failure (shown as an error, announced at once).
    pub error: bool,
}

/// Where a key awaiting the user's word to replace the current one comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Generated here (生成新的签名密钥).
    Generated,
    /// Imported from this tool's encrypted key file.
    Imported,
    /// Imported from an unencrypted key file of an earlier version.
    ImportedLegacy,
}

/// What the panel's parts share: the key shown, the protection in force, the last message, a pending replacement.
#[derive(Debug, Clone, Copy)]
pub struct KeyPanel {
    /// `None` while loading; then the key (or none), or why it cannot be read.
    pub state: RwSignal<Option<Result<Option<KeyView>, String>>>,
    /// The protection in force, once known.
    pub protection: RwSignal<Option<Protection>>,
    /// The last message.
    pub message: RwSignal<Option<KeyMessage>>,
    /// A key waiting for 确认替换, with its origin.
    pub pending: RwSignal<Option<(BundleKey, Origin)>>,
}

impl KeyPanel {
    /// Shows `text` under the key.
    pub fn say(&self, text: impl Into<String>, error: bool) {
        let _ = self.message.try_set(Some(KeyMessage { text: text.into(), error }));
    }

    fn show(&self, state: &KeyState) {
        let view = match state {
            KeyState::None => Ok(None),
            KeyState::Key(key) => Ok(Some(view_of(key))),
            KeyState::Unreadable(message) => Err(message.clone()),
        };
        let _ = self.state.try_set(Some(view));
    }

    /// Reads the key again (after another part changed it).
    pub fn reload(self) {
        leptos::task::spawn_local(async move {
            let protection = key_store::protection().await;
            let _ = self.protection.try_set(Some(protection));
            self.show(&key_store::load().await);
        });
    }

    /// Takes a key made or imported here: kept at once when there is none or it is the same key, else held for
    /// 确认替换.
    pub fn offer(self, key: BundleKey, origin: Origin) {
        let current = self.state.get_untracked();
        let same = matches!(&current, Some(Ok(Some(view))) if view.fingerprint == key.fingerprint());
        match current {
            Some(Ok(None)) => self.keep(key, origin),
            _ if same => self.keep(key, origin),
            _ => {
                let _ = self.pending.try_set(Some((key, origin)));
                browser::refocus_soon("confirm-replace-key".into());
            }
        }
    }

    /// Keeps `key` as this browser's signing key and says so.
    pub fn keep(self, key: BundleKey, origin: Origin) {
        let same = matches!(self.state.get_untracked(), Some(Ok(Some(view))) if view.fingerprint == key.fingerprint());
        leptos::task::spawn_local(async move {
            match key_store::keep(key).await {
                Ok(loaded) => {
                    self.show(&KeyState::Key(loaded));
                    let text = match origin {
                        Origin::Generated => "已生成新的签名密钥。请现在导出密钥文件备份。",
                        Origin::Imported | Origin::ImportedLegacy if same => {
                            "导入的密钥与本机现有密钥相同，公钥指纹不变。"
                        }
                        Origin::Imported => "已导入签名密钥。",
                        Origin::ImportedLegacy => {
                            "已导入签名密钥。这是旧版本导出的未加密密钥文件：请现在“导出密钥文件”，用口令加密保存，并删除旧文件（包括邮件和U盘中的副本）。"
                        }
                    };
                    self.say(text, false);
                }
                Err(error) => self.say(format!("{error} 本机现有密钥没有改动。"), true),
            }
        });
    }
}

fn view_of(key: &LoadedKey) -> KeyView {
    let fingerprint = key.fingerprint();
    KeyView { exportable: key_store::exportable_copy(&fingerprint).is_some(), fingerprint, created_at: key.created_at }
}

/// What the protection in force means, for the settings page.
fn protection_text(protection: Protection) -> &'static str {
    match protection {
        Protection::NonExtractable => {
            "保护方式：签名密钥保存在浏览器的安全存储中，不可导出。本工具可以用它签名，但任何网页脚本都无法读出私钥。"
        }
        Protection::LocalStorage => {
            "保护方式：本浏览器不支持不可导出的签名密钥（或本工具不是通过 https 打开的），签名密钥未加密地保存在浏览器的本地存储中，本网站的其他脚本可能读取它。建议改用新版 Chrome、Edge 或 Firefox，并通过 https 打开本工具。"
        }
        Protection::PageOnly => "保护方式：单文件版不在本机保存签名密钥，密钥只在本页打开期间保存在内存中。",
    }
}

/// The signing key kept in this browser: the protection in force, its fingerprint (to be written on the stamped
/// cover letter), export to an encrypted key file, import from one (with the passphrase), generation, and a
/// warning before any other key replaces it.
#[component]
pub fn SigningKey() -> impl IntoView {
    let panel = KeyPanel {
        state: RwSignal::new(None),
        protection: RwSignal::new(None),
        message: RwSignal::new(None),
        pending: RwSignal::new(None),
    };
    panel.reload();
    let exporting = RwSignal::new(false);
    let has_key = move || matches!(panel.state.get(), Some(Ok(Some(_))));
    let exportable = move || matches!(panel.state.get(), Some(Ok(Some(view))) if view.exportable);
    let non_extractable = move || panel.protection.get() == Some(Protection::NonExtractable);
    let generate = move |_| match key_store::new_key() {
        Ok(key) => panel.keep(key, Origin::Generated),
        Err(error) => panel.say(error, true),
    };
    let regenerate = move |_| match key_store::new_key() {
        Ok(key) => {
            let _ = panel.pending.try_set(Some((key, Origin::Generated)));
            browser::refocus_soon("confirm-replace-key".into());
        }
        Err(error) => panel.say(error, true),
    };
    let confirm_replace = move |_| {
        if let Some((key, origin)) = panel.pending.get_untracked() {
            panel.keep(key, origin);
        }
        panel.pending.set(None);
    };
    // The question takes focus on 确认替换; Escape or 取消 close it and return focus to the file field.
    let cancel_replace = move || {
        panel.pending.set(None);
        browser::refocus_soon("import-key".into());
    };
    view! {
        <section class="app-panel" id="signing-key">
            <h2 class="app-heading app-heading--m">"签名密钥"</h2>
            <p>"导出的申报包用本机的签名密钥签名。审核时核对公钥指纹，可确认申报包由本县导出且未被修改。请把公钥指纹写在加盖公章的报送函上。"</p>
            <Show when=move || !key_store::keeps_key_in_storage()>
                <p class="app-banner app-banner--warning" id="key-session-only">
                    "您正在使用单文件版。为防止电脑上的其他网页文件读取密钥，单文件版不在本机保存签名密钥：关闭页面后密钥即消失。"
                    "请在生成后立即“导出密钥文件”妥善保存，以后每次打开本工具、导出申报包前，先在这里导入密钥文件，以保持同一公钥指纹。"
                </p>
            </Show>
            {move || panel.protection.get().map(|protection| view! {
                <p class="app-field__hint" id="key-protection" data-protection=protection.code()>{protection_text(protection)}</p>
            })}
            {move || match panel.state.get() {
                None => view! { <p id="key-loading">"正在读取签名密钥……"</p> }.into_any(),
                Some(Ok(Some(view))) => view! {
                    <p>"公钥指纹："</p>
                    <p><code class="app-fingerprint" id="key-fingerprint">{view.fingerprint}</code></p>
                    <p class="app-field__hint">{format!("生成于 {}", browser::local_time_text(view.created_at))}</p>
                }.into_any(),
                Some(Ok(None)) if !key_store::keeps_key_in_storage() => view! {
                    <p id="no-key">"本页尚未载入签名密钥。本县以前导出过申报包的，请在下方导入当时导出的密钥文件，以保持同一公钥指纹；第一次使用的，可以现在生成。"</p>
                }.into_any(),
                Some(Ok(None)) => view! { <p id="no-key">"本机尚未生成签名密钥。首次导出申报包时会自动生成，也可以现在生成。"</p> }.into_any(),
                Some(Err(error)) => view! { <p class="app-banner app-banner--error" role="alert" id="key-unreadable">{format!("本机保存的签名密钥无法读取：{error} 请导入密钥文件，或重新生成。")}</p> }.into_any(),
            }}
            {move || panel.message.get().map(|message| view! {
                <p
                    class=if message.error { "app-banner app-banner--error" } else { "app-banner app-banner--info" }
                    role=if message.error { "alert" } else { "status" }
                    id="key-message"
                    data-error=message.error.to_string()
                >{message.text}</p>
            })}
            <Show when=move || non_extractable() && exportable()>
                <p class="app-banner app-banner--warning" id="key-backup-now">
                    {move || if key_store::moved_this_page() {
                        "本机的签名密钥已转入浏览器的安全存储，不再以明文保存。如果还没有备份，请现在“导出密钥文件”：关闭或刷新本页后，就不能再导出了。"
                    } else {
                        "请现在“导出密钥文件”备份：签名密钥保存在浏览器的安全存储中，关闭或刷新本页后就不能再导出了。"
                    }}
                </p>
            </Show>
            <Show when=move || non_extractable() && has_key() && !exportable()>
                <p class="app-field__hint" id="key-not-exportable">
                    "为了安全，浏览器安全存储中的签名密钥不能再导出：密钥文件只能在生成或导入密钥的当时（关闭或刷新本页之前）导出。"
                    "已有备份的，需要时导入它即可；没有备份而要在另一台电脑上导出申报包的，请在那台电脑上生成新密钥，并把新的公钥指纹告知市局。"
                </p>
            </Show>
            <Show when=move || panel.pending.with(Option::is_some)>
                <div class="app-confirm" role="alert" id="replace-key-warning" on:keydown=super::escape_cancels(cancel_replace)>
                    <p><strong>"注意：将替换本机现有的签名密钥。"</strong></p>
                    <p>{move || format!("新密钥的公钥指纹为 {}。替换后今后导出的申报包使用新指纹，须在报送函上写明新指纹并告知市局；旧密钥如未导出备份将无法找回。", panel.pending.get().map(|(key, _)| key.fingerprint()).unwrap_or_default())}</p>
                    <button type="button" class="app-button app-button--warning" id="confirm-replace-key" on:click=confirm_replace>"确认替换"</button>
                    <button type="button" class="app-button app-button--secondary" id="cancel-replace-key" on:click=move |_| cancel_replace()>"取消"</button>
                </div>
            </Show>
            <div class="app-button-group">
                <Show when=exportable>
                    <button type="button" class="app-button app-button--secondary" id="export-key" aria-expanded=move || exporting.get().to_string() on:click=move |_| {
                        exporting.set(true);
                        browser::refocus_soon("key-passphrase".into());
                    }>"导出密钥文件"</button>
                </Show>
                <Show when=move || matches!(panel.state.get(), Some(Ok(None)) | Some(Err(_)))>
                    <button type="button" class="app-button app-button--secondary" id="generate-key" on:click=generate>"生成签名密钥"</button>
                </Show>
                <Show when=has_key>
                    <button type="button" class="app-button app-button--secondary" id="regenerate-key" on:click=regenerate>"生成新的签名密钥（替换现有密钥）"</button>
                </Show>
            </div>
            <Show when=move || exporting.get() && exportable()>
                <ExportKeyForm panel=panel open=exporting />
            </Show>
            <p class="app-field__hint">
                {if key_store::keeps_key_in_storage() {
                    "密钥文件可以以本县名义签名，像单位公章一样保管，只用于在本单位另一台电脑上导入。"
                } else {
                    "密钥文件可以以本县名义签名，像单位公章一样保管（如存在U盘上），只在导出申报包前导入本页。"
                }}
            </p>
            <ImportKey panel=panel />
        </section>
    }
}
