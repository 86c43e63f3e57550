use leptos::prelude::*;

use super::{FieldHead, described_by};
use crate::state::Binding;

/// A labelled multi-line text field.
#[component]
pub fn TextArea(
    /// The value it edits.
    binding: Binding,
    /// The label.
    #[prop(into)]
    label: String,
    /// Help shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Visible lines (default 3).
    #[prop(optional)]
    rows: Option<u32>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    view! {
        <div class="app-field" class:app-field--error=move || binding.messages.with(|m| !m.is_empty())>
            <FieldHead binding=binding label=label hint=hint />
            <textarea
                class="app-textarea"
                id=move || binding.path.get()
                name=move || binding.path.get()
                rows=rows.unwrap_or(3)
                aria-describedby=described_by(binding, has_hint)
                prop:value=move || binding.value.get()
                on:input=move |ev| binding.on_input.run(event_target_value(&ev))
            ></textarea>
        </div>
    }
}
