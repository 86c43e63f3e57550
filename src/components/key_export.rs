use leptos::html::Input;
use leptos::prelude::*;
use shenbao_core::signing::{KeyFileRandomness, MIN_PASSPHRASE_CHARS, NewPassphrase};

use super::signing_key::KeyPanel;
use crate::{browser, key_store};

/// The name of the key file: it says what the file is even where the extension is hidden, and never looks like a
/// bundle (`.json`): `签名密钥-请勿外发-9C75E6F6.key`.
pub fn key_file_name(fingerprint: &str) -> String {
    let short: String = fingerprint.chars().filter(|c| !c.is_whitespace()).take(8).collect();
    format!("签名密钥-请勿外发-{short}.key")
}

/// 导出密钥文件: says what the file is and where to keep it, asks for a passphrase twice (at least
/// [`MIN_PASSPHRASE_CHARS`] characters), then encrypts the key (scrypt and AES-256-GCM in the core, with salt and
/// nonce from the browser's random source) and downloads it. `open` is set to false when it closes.
#[component]
pub fn ExportKeyForm(panel: KeyPanel, open: RwSignal<bool>) -> impl IntoView {
    let first: NodeRef<Input> = NodeRef::new();
    let again: NodeRef<Input> = NodeRef::new();
    let problem = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let fingerprint = move || panel.state.get().and_then(Result::ok).flatten().map(|view| view.fingerprint);
    let close = move || {
        open.set(false);
        browser::refocus_soon("export-key".into());
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let (Some(first_input), Some(again_input)) = (first.get_untracked(), again.get_untracked()) else { return };
        let passphrase = match NewPassphrase::check(&first_input.value(), &again_input.value()) {
            Ok(passphrase) => passphrase,
            Err(error) => {
                problem.set(Some(error.to_string()));
                again_input.set_value("");
                browser::refocus_soon("key-passphrase".into());
                return;
            }
        };
        let Some(fingerprint) = panel.state.get_untracked().and_then(Result::ok).flatten().map(|view| view.fingerprint)
        else {
            return;
        };
        problem.set(None);
        working.set(true);
        leptos::task::spawn_local(async move {
            // Deriving the key from the passphrase takes about a second: the page says so first.
            browser::painted().await;
            let outcome = key_store::exportable_copy(&fingerprint)
                .ok_or_else(|| "本页已不能导出这把密钥。".to_owned())
                .and_then(|key| {
                    let randomness =
                        KeyFileRandomness { salt: browser::random_array()?, nonce: browser::random_array()? };
                    key.to_encrypted_key_file(&passphrase, randomness).map_err(|error| error.to_string())
                })
                .and_then(|text| {
                    let name = key_file_name(&fingerprint);
                    browser::download(&name, "application/octet-stream", &text).map(|()| name)
                });
            let _ = working.try_set(false);
            match outcome {
                Ok(name) => {
                    first_input.set_value("");
                    again_input.set_value("");
                    panel.say(
                        format!(
                            "已下载加密的密钥文件「{name}」（见浏览器的下载）。请把它存放在单位的U盘等处，像单位公章一样保管，口令另行保管；不要随邮件发送，不要与申报包放在一起。"
                        ),
                        false,
                    );
                    let _ = open.try_set(false);
                    browser::refocus_soon("key-message".into());
                }
                Err(error) => {
                    let _ = problem.try_set(Some(format!("没有导出密钥文件：{error}")));
                }
            }
        });
    };
    view! {
        <form class="app-confirm app-key-form" id="export-key-form" on:submit=submit on:keydown=super::escape_cancels(close)>
            <p><strong>"密钥文件相当于本县的“电子公章”"</strong></p>
            <ul>
                <li>"拿到密钥文件并知道口令的人，可以以本县名义为申报包签名。"</li>
                <li>"请把文件存放在单位的U盘等处，像公章一样保管；口令另行保管，不要写在文件旁边。"</li>
                <li>"不要随邮件发送，不要与申报包放在一起：报送时只发送申报包（.json）和附件。"</li>
            </ul>
            <p>{move || fingerprint().map(|f| format!("将下载：{}", key_file_name(&f))).unwrap_or_default()}</p>
            {move || problem.get().map(|text| view! { <p class="app-field__message" role="alert" id="key-passphrase-error">{text}</p> })}
            <div class="app-field">
                <label class="app-field__label" for="key-passphrase">"设定口令"</label>
                <p class="app-field__hint" id="key-passphrase-hint">{format!("至少 {MIN_PASSPHRASE_CHARS} 个字符，汉字、字母、数字都可以，区分大小写和全角、半角。导入时要输入这个口令，忘记后无法找回。")}</p>
                <input class="app-input app-input--long" type="password" id="key-passphrase" autocomplete="new-password" aria-describedby="key-passphrase-hint" node_ref=first />
            </div>
            <div class="app-field">
                <label class="app-field__label" for="key-passphrase-again">"再次输入口令"</label>
                <input class="app-input app-input--long" type="password" id="key-passphrase-again" autocomplete="new-password" node_ref=again />
            </div>
            <Show when=move || working.get()>
                <p role="status" id="key-encrypting">"正在加密密钥文件……"</p>
            </Show>
            <button type="submit" class="app-button" id="confirm-export-key" disabled=move || working.get()>"加密并下载密钥文件"</button>
            <button type="button" class="app-button app-button--secondary" id="cancel-export-key" on:click=move |_| close()>"取消"</button>
        </form>
    }
}
