use leptos::prelude::*;
use shenbao_core::catalogue::Kind;

use super::{CheckBox, Radios, SelectField, TextArea, TextInput};
use crate::binding::Binding;

/// A field of the application with the widget its kind calls for — a text box, a text area, a drop-down list,
/// radios, 是/否, a tick box — shown only while the question applies (a conditional question appears when the
/// answer it depends on allows it, and is announced by the form around it).
#[component]
pub fn FieldInput(
    /// The field.
    binding: Binding,
    /// Visible lines of a text area (default 3).
    #[prop(optional)]
    rows: Option<u32>,
    /// The empty first option of a drop-down list (default 请选择).
    #[prop(optional, into)]
    placeholder: Option<String>,
) -> impl IntoView {
    let widget = move || match binding.kind() {
        Kind::LongText => view! { <TextArea binding=binding rows=rows.unwrap_or(3) /> }.into_any(),
        Kind::Select => {
            view! { <SelectField binding=binding placeholder=placeholder.clone().unwrap_or_else(|| "请选择".into()) /> }
                .into_any()
        }
        Kind::Radios | Kind::YesNo => view! { <Radios binding=binding /> }.into_any(),
        Kind::Flag => view! { <CheckBox binding=binding /> }.into_any(),
        Kind::Text | Kind::Code | Kind::Phone | Kind::Amount | Kind::Count | Kind::Date | Kind::Month => {
            view! { <TextInput binding=binding /> }.into_any()
        }
    };
    if binding.is_conditional() {
        view! { <Show when=move || binding.applies.get()>{widget.clone()}</Show> }.into_any()
    } else {
        widget().into_any()
    }
}
