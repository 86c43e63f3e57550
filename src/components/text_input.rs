use leptos::prelude::*;

use shenbao_core::catalogue::Kind;

use super::{FieldHead, described_by};
use crate::binding::Binding;

/// A labelled one-line text field: free text, a code, a telephone number, an amount, a count, a date or a month.
/// The label, hint and unit come from the binding (the field catalogue); the width and the phone keyboard from
/// the field's kind. The input's id is the field path, so error links can focus it.
#[component]
pub fn TextInput(
    /// The value it edits.
    binding: Binding,
) -> impl IntoView {
    let (label, hint, kind) = (binding.label(), binding.hint(), binding.kind());
    let has_hint = hint.is_some();
    let suffix = kind.unit();
    let input_mode = match kind {
        Kind::Amount => Some("decimal"),
        Kind::Count | Kind::Code => Some("numeric"),
        Kind::Phone => Some("tel"),
        _ => None,
    };
    let short = kind.is_typed() || kind == Kind::Phone;
    // While the field has focus it shows exactly what was typed: an amount is not rewritten in its normal form
    // under the user's fingers (typing `0.05` passes through `0.0`, which would otherwise become `0`). The normal
    // form appears when the field loses focus, or when the value changes from elsewhere.
    let focused = RwSignal::new(false);
    let text = RwSignal::new(binding.value.get_untracked());
    Effect::new(move |_| {
        let value = binding.value.get();
        if !focused.get_untracked() {
            text.set(value);
        }
    });
    let width_class = if short { "app-input app-input--short" } else { "app-input app-input--long" };
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
                    prop:value=move || text.get()
                    on:focus=move |_| focused.set(true)
                    on:blur=move |_| {
                        // A focused field removed from the page (Back, a link) blurs after its owner is gone.
                        focused.set(false);
                        if let Some(value) = binding.value.try_get_untracked() {
                            text.set(value);
                        }
                    }
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        text.set(typed.clone());
                        binding.on_input.run(typed);
                    }
                    on:change=move |ev| {
                        // Some changes fire no `input` event (a form reset, WebDriver's clear): take them here.
                        let typed = event_target_value(&ev);
                        if binding.value.try_get_untracked().is_some_and(|value| value != typed) {
                            text.set(typed.clone());
                            binding.on_input.run(typed);
                        }
                    }
                />
                {suffix.map(|suffix| view! { <span class="app-field__suffix">{suffix}</span> })}
            </div>
        </div>
    }
}
