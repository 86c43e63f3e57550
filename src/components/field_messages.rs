use leptos::prelude::*;
use shenbao_core::evaluation::Severity;

use crate::binding::Binding;

/// The inline messages under a field, with the id its input's `aria-describedby` points at.
#[component]
pub fn FieldMessages(binding: Binding) -> impl IntoView {
    view! {
        <Show when=move || binding.messages.with(|m| !m.is_empty())>
            <div class="app-field__messages" id=move || format!("{}-error", binding.path.get())>
                <For each=move || binding.messages.get() key=|m| m.text.clone() let:message>
                    <p class="app-field__message" class:app-field__message--warning=message.severity == Severity::Warning>
                        <span class="app-visually-hidden">{if message.severity == Severity::Warning { "需说明：" } else { "错误：" }}</span>
                        {message.text.clone()}
                    </p>
                </For>
            </div>
        </Show>
    }
}

/// The `aria-describedby` value of a field: its hint (when it has one) and its messages (when there are any).
pub fn described_by(binding: Binding, has_hint: bool) -> Signal<Option<String>> {
    Signal::derive(move || {
        let path = binding.path.get();
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{path}-hint"));
        }
        if binding.messages.with(|m| !m.is_empty()) {
            ids.push(format!("{path}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    })
}

/// The top of a labelled field: its label, its hint (when given) and its inline messages.
#[component]
pub fn FieldHead(
    /// The field it labels.
    binding: Binding,
    /// The label.
    label: String,
    /// Help under the label.
    hint: Option<String>,
) -> impl IntoView {
    view! {
        <label class="app-field__label" for=move || binding.path.get()>{label}</label>
        {hint.map(|hint| view! { <p class="app-field__hint" id=move || format!("{}-hint", binding.path.get())>{hint}</p> })}
        <FieldMessages binding=binding />
    }
}
