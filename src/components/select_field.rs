use leptos::prelude::*;

use super::{FieldHead, described_by};
use crate::binding::Binding;

/// A labelled drop-down list, for choices with many options (city, county, village); label, hint and options
/// from the binding (the options may change as other answers change).
#[component]
pub fn SelectField(
    /// The value it edits (option keys).
    binding: Binding,
    /// The text of the empty first option.
    #[prop(optional, into)]
    placeholder: Option<String>,
) -> impl IntoView {
    let (label, hint) = (binding.label(), binding.hint());
    let placeholder = placeholder.unwrap_or_else(|| "请选择".to_owned());
    let options = binding.options;
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
                <For each=move || options.get() key=|option| format!("{}\u{1f}{}", option.key, option.label) let:option>
                    {
                        let key = option.key.clone();
                        view! {
                            <option value=option.key prop:selected=move || binding.value.get() == key>{option.label}</option>
                        }
                    }
                </For>
            </select>
        </div>
    }
}
