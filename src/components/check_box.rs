use leptos::prelude::*;

use super::FieldMessages;
use crate::binding::Binding;

/// One tick box with its label (attestations, coordination leads, initiatives); label and hint from the binding.
#[component]
pub fn CheckBox(
    /// The value it edits (`true` / `false`).
    binding: Binding,
) -> impl IntoView {
    let (label, hint) = (binding.label(), binding.hint());
    view! {
        <div class="app-field app-checkbox" class:app-field--error=move || binding.messages.with(|m| !m.is_empty())>
            <FieldMessages binding=binding />
            <div class="app-checkbox__item">
                <input
                    class="app-checkbox__input"
                    type="checkbox"
                    id=move || binding.path.get()
                    name=move || binding.path.get()
                    prop:checked=move || binding.value.get() == "true"
                    on:change=move |ev| binding.on_input.run(event_target_checked(&ev).to_string())
                />
                <label class="app-checkbox__label" for=move || binding.path.get()>{label}</label>
            </div>
            {hint.map(|hint| view! { <p class="app-field__hint app-checkbox__hint">{hint}</p> })}
        </div>
    }
}
