use leptos::html::Input;
use leptos::prelude::*;
use shenbao_core::signing::{BundleKey, KeyFileError, KeyFileKind, key_file_kind};

use super::signing_key::{KeyPanel, Origin};
use crate::browser;

/// 从密钥文件导入: an encrypted key file asks for its passphrase (a wrong one says so and changes nothing); a key
/// file of an earlier version (unencrypted JSON) is taken as it is, with a note to export it again encrypted.
#[component]
pub fn ImportKey(panel: KeyPanel) -> impl IntoView {
    // The encrypted file waiting for its passphrase: its name and text.
    let waiting = RwSignal::new(None::<(String, String)>);
    let working = RwSignal::new(false);
    let passphrase: NodeRef<Input> = NodeRef::new();
    let refuse = move |name: &str, error: &str| {
        panel.say(format!("无法导入密钥文件「{name}」：{error} 本机现有密钥没有改动。"), true);
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = browser::files_of(input.files());
        input.set_value("");
        let Some(file) = files.into_iter().next() else { return };
        waiting.set(None);
        leptos::task::spawn_local(async move {
            let name = file.name();
            let text = match browser::read_text(&file).await {
                Ok(text) => text,
                Err(error) => return refuse(&name, &error),
            };
            match key_file_kind(&text) {
                Some(KeyFileKind::Encrypted) => {
                    let _ = panel.message.try_set(None);
                    let _ = waiting.try_set(Some((name, text)));
                    browser::refocus_soon("import-passphrase".into());
                }
                Some(KeyFileKind::Unencrypted) => match BundleKey::from_key_file(&text) {
                    Ok(key) => panel.offer(key, Origin::ImportedLegacy),
                    Err(error) => refuse(&name, &error.to_string()),
                },
                None => refuse(&name, &KeyFileError::NotAKeyFile.to_string()),
            }
        });
    };
    let cancel = move || {
        waiting.set(None);
        browser::refocus_soon("import-key".into());
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some((name, text)), Some(input)) = (waiting.get_untracked(), passphrase.get_untracked()) else { return };
        if working.get_untracked() {
            return;
        }
        let typed = input.value();
        working.set(true);
        leptos::task::spawn_local(async move {
            // Deriving the key from the passphrase takes about a second: the page says so first.
            browser::painted().await;
            let outcome = BundleKey::from_encrypted_key_file(&text, &typed, browser::now());
            let _ = working.try_set(false);
            input.set_value("");
            match outcome {
                Ok(key) => {
                    let _ = waiting.try_set(None);
                    panel.offer(key, Origin::Imported);
                }
                Err(error) => {
                    refuse(&name, &error.to_string());
                    // A wrong passphrase can be typed again; a damaged file cannot be helped by one.
                    if error == KeyFileError::WrongPassphrase {
                        browser::refocus_soon("import-passphrase".into());
                    } else {
                        let _ = waiting.try_set(None);
                    }
                }
            }
        });
    };
    view! {
        <div class="app-field">
            <label class="app-field__label" for="import-key">"从密钥文件导入"</label>
            <input class="app-file" type="file" id="import-key" accept=".key,.pem,.json,application/json" on:change=on_file />
        </div>
        {move || waiting.get().map(|(name, _)| view! {
            <form class="app-confirm app-key-form" id="import-key-form" on:submit=submit on:keydown=super::escape_cancels(cancel)>
                <div class="app-field">
                    <label class="app-field__label" for="import-passphrase">{format!("输入密钥文件「{name}」的口令")}</label>
                    <p class="app-field__hint" id="import-passphrase-hint">"导出密钥文件时设定的口令，区分大小写和全角、半角。"</p>
                    <input class="app-input app-input--long" type="password" id="import-passphrase" autocomplete="current-password" aria-describedby="import-passphrase-hint" node_ref=passphrase />
                </div>
                <Show when=move || working.get()>
                    <p role="status" id="key-decrypting">"正在解密密钥文件……"</p>
                </Show>
                <button type="submit" class="app-button" id="confirm-import-key" disabled=move || working.get()>"解密并导入"</button>
                <button type="button" class="app-button app-button--secondary" id="cancel-import-key" on:click=move |_| cancel()>"取消"</button>
            </form>
        })}
    }
}
