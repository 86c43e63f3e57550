use leptos::prelude::*;

use super::{FieldHead, described_by};
use crate::state::Binding;

/// A labelled drop-down list, for choices with many options (city, county, village).
#[component]
pub fn SelectField(
    /// The value it edits (option keys).
    binding: Binding,
    /// The label.
    #[prop(into)]
    label: String,
    /// Help under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// `(key, label)` of each option; may change as other answers change.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The text of the empty first option.
    #[prop(into)]
    placeholder: String,
) -> impl IntoView {
    let has_hint = hint.is_some();
    view! {
        <div class="app-field" class:app-field--error=move || binding.messages.with(|m| !m.is_empty())>
            <FieldHead binding=binding label=label hint=hint />
            <select
                class="app-select"
                id=move || binding.path.get()
                name=move || binding.path.get()
                aria-describedby=described_by(binding, has_hint)
                prop:value=move || binding.value.get()
                on:change=move |ev| binding.on_input.run(event_target_value(&ev))
            >
                <option value="">{placeholder}</option>
                <For each=move || options.get() key=|(key, label)| format!("{key}\u{1f}{label}") let:option>
                    {
                        let key = option.0.clone();
                        view! {
                            <option value=option.0 prop:selected=move || binding.value.get() == key>{option.1}</option>
                        }
                    }
                </For>
            </select>
        </div>
    }
}
