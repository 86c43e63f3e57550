use leptos::prelude::*;
use shenbao_core::signing::BundleKey;

use crate::browser;
use crate::store::{self, StoredKey};

/// The signing key kept in this browser: its fingerprint (to be written on the stamped cover letter), export to a
/// file, import from a file (with a warning before replacing), generation.
#[component]
pub fn SigningKey() -> impl IntoView {
    let version = RwSignal::new(0u32);
    let key = Memo::new(move |_| {
        version.track();
        match store::signing_key() {
            StoredKey::Key(key) => Ok(Some((key.fingerprint(), key.created_at()))),
            StoredKey::None => Ok(None),
            StoredKey::Unreadable(message) => Err(message),
        }
    });
    let message = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<(String, String)>);
    let generate = move |_| match store::generate_signing_key() {
        Ok(_) => {
            message.set(Some("已生成新的签名密钥。".into()));
            version.update(|v| *v += 1);
        }
        Err(error) => message.set(Some(error)),
    };
    let export = move |_| {
        if let StoredKey::Key(key) = store::signing_key() {
            let short: String = key.fingerprint().chars().filter(|c| !c.is_whitespace()).take(8).collect();
            let name = format!("衔接推进区申报助手-签名密钥-{short}.json");
            if let Err(error) = browser::download(&name, "application/json", &key.to_key_file()) {
                message.set(Some(error));
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = browser::files_of(input.files());
        input.set_value("");
        let Some(file) = files.into_iter().next() else { return };
        leptos::task::spawn_local(async move {
            match browser::read_text(&file)
                .await
                .and_then(|text| BundleKey::from_key_file(&text).map(|k| (text, k)).map_err(|e| e.to_string()))
            {
                Ok((text, imported)) => match store::signing_key() {
                    StoredKey::Key(current) if current.fingerprint() == imported.fingerprint() => {
                        message.set(Some("导入的密钥与本机现有密钥相同，无需替换。".into()));
                    }
                    StoredKey::Key(_) | StoredKey::Unreadable(_) => {
                        pending.set(Some((text, imported.fingerprint())));
                        browser::refocus_soon("confirm-replace-key".into());
                    }
                    StoredKey::None => replace(&text, message, version),
                },
                Err(error) => {
                    message.set(Some(format!("无法导入密钥文件「{}」：{error} 本机现有密钥没有改动。", file.name())))
                }
            }
        });
    };
    let confirm_replace = move |_| {
        if let Some((text, _)) = pending.get_untracked() {
            replace(&text, message, version);
        }
        pending.set(None);
    };
    // The question takes focus on 确认替换; Escape or 取消 close it and return focus to the file field.
    let cancel_replace = move || {
        pending.set(None);
        browser::refocus_soon("import-key".into());
    };
    view! {
        <section class="app-panel" id="signing-key">
            <h2 class="app-heading app-heading--m">"签名密钥"</h2>
            <p>"导出的申报包用本机的签名密钥签名。审核时核对公钥指纹，可确认申报包由本县导出且未被修改。请把公钥指纹写在加盖公章的报送函上。"</p>
            <Show when=move || !store::keeps_key_in_storage()>
                <p class="app-banner app-banner--warning" id="key-session-only">
                    "您正在使用单文件版。为防止电脑上的其他网页文件读取密钥，单文件版不在本机保存签名密钥：关闭页面后密钥即消失。"
                    "请在生成后立即“导出密钥文件”妥善保存，以后每次打开本工具、导出申报包前，先在这里导入密钥文件，以保持同一公钥指纹。"
                </p>
            </Show>
            {move || match key.get() {
                Ok(Some((fingerprint, created))) => view! {
                    <p>"公钥指纹："</p>
                    <p><code class="app-fingerprint" id="key-fingerprint">{fingerprint}</code></p>
                    <p class="app-field__hint">{format!("生成于 {}", browser::local_time_text(created))}</p>
                }.into_any(),
                Ok(None) if !store::keeps_key_in_storage() => view! {
                    <p id="no-key">"本页尚未载入签名密钥。本县以前导出过申报包的，请在下方导入当时导出的密钥文件，以保持同一公钥指纹；第一次使用的，可以现在生成。"</p>
                }.into_any(),
                Ok(None) => view! { <p id="no-key">"本机尚未生成签名密钥。首次导出申报包时会自动生成，也可以现在生成。"</p> }.into_any(),
                Err(error) => view! { <p class="app-banner app-banner--error" role="alert" id="key-unreadable">{format!("本机保存的签名密钥无法读取：{error} 请导入密钥文件，或重新生成。")}</p> }.into_any(),
            }}
            {move || message.get().map(|text| view! { <p class="app-banner app-banner--info" role="status" id="key-message">{text}</p> })}
            <Show when=move || pending.with(Option::is_some)>
                <div class="app-confirm" role="alert" id="replace-key-warning" on:keydown=super::escape_cancels(cancel_replace)>
                    <p><strong>"注意：将替换本机现有的签名密钥。"</strong></p>
                    <p>{move || format!("新密钥的公钥指纹为 {}。替换后今后导出的申报包使用新指纹，须在报送函上写明新指纹；旧密钥如未导出备份将无法找回。", pending.get().map(|p| p.1).unwrap_or_default())}</p>
                    <button type="button" class="app-button app-button--warning" id="confirm-replace-key" on:click=confirm_replace>"确认替换"</button>
                    <button type="button" class="app-button app-button--secondary" id="cancel-replace-key" on:click=move |_| cancel_replace()>"取消"</button>
                </div>
            </Show>
            <div class="app-button-group">
                <Show when=move || matches!(key.get(), Ok(Some(_)))>
                    <button type="button" class="app-button app-button--secondary" id="export-key" on:click=export>"导出密钥文件"</button>
                </Show>
                <Show when=move || !matches!(key.get(), Ok(Some(_)))>
                    <button type="button" class="app-button app-button--secondary" id="generate-key" on:click=generate>"生成签名密钥"</button>
                </Show>
            </div>
            <p class="app-field__hint">
                {if store::keeps_key_in_storage() {
                    "密钥文件可以以本县名义签名，请妥善保管，只用于在本单位另一台电脑上导入。"
                } else {
                    "密钥文件可以以本县名义签名，请妥善保管（如存在U盘上），只在导出申报包前导入本页。"
                }}
            </p>
            <div class="app-field">
                <label class="app-field__label" for="import-key">"从密钥文件导入"</label>
                <input class="app-file" type="file" id="import-key" accept=".json,application/json" on:change=on_file />
            </div>
        </section>
    }
}

fn replace(text: &str, message: RwSignal<Option<String>>, version: RwSignal<u32>) {
    match BundleKey::from_key_file(text)
        .map_err(|e| e.to_string())
        .and_then(|key| store::save_signing_key(&key).map_err(|e| e.message()))
    {
        Ok(()) => {
            message.set(Some("已导入签名密钥。".into()));
            version.update(|v| *v += 1);
        }
        Err(error) => message.set(Some(error)),
    }
}
