use leptos::prelude::*;

use shenbao_core::catalogue::Kind;

use super::{FieldMessages, described_by};
use crate::binding::Binding;

/// A question answered by one of a few options: radios in a fieldset with a legend (the catalogue's question), its
/// options from the binding — 是 and 否 in a row for a yes/no question. The first radio's id is the field path, so
/// error links focus it.
#[component]
pub fn Radios(
    /// The value it edits (option keys).
    binding: Binding,
) -> impl IntoView {
    let (legend, hint) = (binding.label(), binding.hint());
    let inline = binding.kind() == Kind::YesNo;
    let options: Vec<(String, String)> = if inline {
        yes_no_options()
    } else {
        binding.options.get_untracked().into_iter().map(|option| (option.key, option.label)).collect()
    };
    let has_hint = hint.is_some();
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(index, (key, label))| {
            let id = move || if index == 0 { binding.path.get() } else { format!("{}--{index}", binding.path.get()) };
            let checked_key = key.clone();
            let chosen_key = key.clone();
            view! {
                <div class="app-radios__item">
                    <input
                        class="app-radios__input"
                        type="radio"
                        id=id
                        name=move || binding.path.get()
                        value=key.clone()
                        prop:checked=move || binding.value.get() == checked_key
                        on:change=move |_| binding.on_input.run(chosen_key.clone())
                    />
                    <label class="app-radios__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="app-field" class:app-field--error=move || binding.messages.with(|m| !m.is_empty())>
            <fieldset class="app-fieldset" aria-describedby=described_by(binding, has_hint)>
                <legend class="app-fieldset__legend">{legend}</legend>
                {hint.map(|hint| view! { <p class="app-field__hint" id=move || format!("{}-hint", binding.path.get())>{hint}</p> })}
                <FieldMessages binding=binding />
                <div class="app-radios" class:app-radios--inline=inline>{radios}</div>
            </fieldset>
        </div>
    }
}

/// The options of a yes/no question.
fn yes_no_options() -> Vec<(String, String)> {
    vec![("yes".into(), "是".into()), ("no".into(), "否".into())]
}
