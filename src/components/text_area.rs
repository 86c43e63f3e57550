use leptos::prelude::*;

use super::{FieldHead, described_by};
use crate::binding::Binding;

/// A labelled multi-line text field; label and hint from the binding.
#[component]
pub fn TextArea(
    /// The value it edits.
    binding: Binding,
    /// Visible lines (default 3).
    #[prop(optional)]
    rows: Option<u32>,
) -> impl IntoView {
    let (label, hint) = (binding.label(), binding.hint());
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
