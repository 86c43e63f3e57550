use leptos::prelude::*;

use super::{FieldHead, described_by};
use crate::state::Binding;

/// A labelled one-line text field. The input's id is the field path, so error links can focus it.
#[component]
pub fn TextInput(
    /// The value it edits.
    binding: Binding,
    /// The label, in the notice's terms.
    #[prop(into)]
    label: String,
    /// Help shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// A unit shown after the input, e.g. 万元.
    #[prop(optional, into)]
    suffix: Option<String>,
    /// `decimal` or `numeric` to bring up a number pad on phones.
    #[prop(optional, into)]
    input_mode: Option<String>,
    /// A width modifier: `short` (amounts, dates) or `long`.
    #[prop(optional, into)]
    width: Option<String>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let width_class = format!("app-input app-input--{}", width.unwrap_or_else(|| "long".into()));
    view! {
        <div class="app-field" class:app-field--error=move || binding.messages.with(|m| !m.is_empty())>
            <FieldHead binding=binding label=label hint=hint />
            <div class="app-field__control">
                <input
                    class=width_class
                    type="text"
                    id=move || binding.path.get()
                    name=move || binding.path.get()
                    inputmode=input_mode
                    autocomplete="off"
                    aria-describedby=described_by(binding, has_hint)
                    aria-invalid=move || binding.messages.with(|m| !m.is_empty()).then_some("true")
                    prop:value=move || binding.value.get()
                    on:input=move |ev| binding.on_input.run(event_target_value(&ev))
                />
                {suffix.map(|suffix| view! { <span class="app-field__suffix">{suffix}</span> })}
            </div>
        </div>
    }
}
