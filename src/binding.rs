//! Field binding: ties one form control to one field of the open draft, with everything else taken from the
//! core's field catalogue (label, hint, kind, options, when it applies).
//!
//! A page binds a field by its catalogue id — `ctx.field(Field::Village(VillageField::Population).of(&id))` — and
//! hands the binding to a widget (`components::FieldInput` picks the widget by the field's kind). What is typed goes
//! through [`shenbao_core::draft::Draft::enter`]: text the field's kind cannot read is kept as the draft's pending
//! input and shown back, and the `input_format` finding says what is wrong under the field.

use std::borrow::Cow;

use leptos::prelude::*;
use shenbao_core::catalogue::{ChoiceOption, FieldRef, Kind};
use shenbao_core::draft::Draft;
use shenbao_core::evaluation::{FindingKind, Severity};

use crate::draft_context::DraftCtx;

/// How a bound control is labelled and what it holds: from the catalogue for a field of the application.
#[derive(Debug, Clone)]
pub struct Spec {
    /// What the form shows as the label or legend.
    pub label: Cow<'static, str>,
    /// Help under the label.
    pub hint: Option<String>,
    /// The kind of answer: the widget, the unit.
    pub kind: Kind,
    /// True when the notice does not require it (the label says 选填).
    pub optional: bool,
    /// True for a question asked only after another answer allows it.
    pub conditional: bool,
}

/// What a form control needs from the draft: its path (also its element id), its text, its messages, whether it
/// applies, and how to change it.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Label, hint and kind.
    pub spec: StoredValue<Spec>,
    /// Field path, e.g. `villages[3].population`; also the control's `id`. Follows the item when it moves.
    pub path: Signal<String>,
    /// The text or key to show.
    pub value: Signal<String>,
    /// The options of a choice, as they stand for the current answers (the counties of the chosen city…).
    pub options: Signal<Vec<ChoiceOption>>,
    /// Inline messages.
    pub messages: Signal<Vec<FieldMessage>>,
    /// Whether the question applies to the current answers (else the page hides it).
    pub applies: Signal<bool>,
    /// Called with the new text or key.
    pub on_input: Callback<String>,
}

impl Binding {
    /// The label shown: the catalogue's prompt or label, with 选填 for an optional field (not on a tick box,
    /// which is optional by nature).
    pub fn label(&self) -> String {
        self.spec.with_value(|spec| {
            if spec.optional && spec.kind != Kind::Flag {
                format!("{}（选填）", spec.label)
            } else {
                spec.label.clone().into_owned()
            }
        })
    }

    /// The hint, if any.
    pub fn hint(&self) -> Option<String> {
        self.spec.with_value(|spec| spec.hint.clone())
    }

    /// The field's kind.
    pub fn kind(&self) -> Kind {
        self.spec.with_value(|spec| spec.kind)
    }

    /// True for a question asked only after another answer allows it.
    pub fn is_conditional(&self) -> bool {
        self.spec.with_value(|spec| spec.conditional)
    }
}

/// One inline message under a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMessage {
    /// Blocking or warning.
    pub severity: Severity,
    /// The Chinese message.
    pub text: String,
}

impl DraftCtx {
    /// Binds a field of the application (by its catalogue id and, for a list item's field, the item's id).
    pub fn field(&self, field: FieldRef) -> Binding {
        let ctx = *self;
        let params = ctx.params();
        let spec = Spec {
            label: field.field.form_label(),
            hint: field.field.hint(params),
            kind: field.field.kind(),
            optional: field.field.optional(),
            conditional: field.field.is_conditional(),
        };
        let field = StoredValue::new(field);
        let path =
            Memo::new(move |_| ctx.draft.with(|d| field.with_value(|f| f.path(&d.application))).unwrap_or_default());
        let value = Signal::derive(move || ctx.draft.with(|d| field.with_value(|f| d.form_text(f))));
        let options = Signal::derive(move || {
            let field = field.with_value(|f| f.field);
            if field.kind().is_choice() {
                ctx.draft.with(|d| field.options(&d.application, params))
            } else {
                Vec::new()
            }
        });
        let applies = Signal::derive(move || ctx.draft.with(|d| field.with_value(|f| f.applies(&d.application))));
        let on_input = Callback::new(move |text: String| {
            // Unreadable text is kept by `enter` and reported by the rules: nothing more to do here.
            ctx.update(|d| drop(field.with_value(|f| d.enter(f, &text))));
        });
        Binding {
            spec: StoredValue::new(spec),
            path: path.into(),
            value,
            options,
            messages: ctx.messages(path.into()),
            applies,
            on_input,
        }
    }

    /// Binds a text of the draft outside the application (its name), labelled by the page.
    pub fn draft_text(
        &self,
        path: &'static str,
        spec: Spec,
        get: fn(&Draft) -> String,
        set: fn(&mut Draft, String),
    ) -> Binding {
        let ctx = *self;
        let path = Signal::derive(move || path.to_owned());
        Binding {
            spec: StoredValue::new(spec),
            path,
            value: Signal::derive(move || ctx.draft.with(get)),
            options: Signal::derive(Vec::new),
            messages: ctx.messages(path),
            applies: Signal::derive(|| true),
            on_input: Callback::new(move |text: String| ctx.update(|d| set(d, text))),
        }
    }

    /// The inline messages of a field: its findings that say something is wrong (a broken rule, text that cannot
    /// be read), and its warnings until they are justified. Gaps are listed in the findings panel (尚未填写), not
    /// as red errors under fields the user has not reached yet.
    fn messages(&self, path: Signal<String>) -> Signal<Vec<FieldMessage>> {
        let ctx = *self;
        Signal::derive(move || {
            let key = path.get();
            ctx.by_field.with(|map| {
                map.get(&key)
                    .map(|findings| {
                        findings
                            .iter()
                            .filter(|f| f.severity != Severity::Info && f.kind == FindingKind::Problem)
                            .filter(|f| {
                                f.severity == Severity::Blocking
                                    || ctx.draft.with(|d| !shenbao_core::assessment::is_justified(&d.justifications, f))
                            })
                            .map(|f| FieldMessage { severity: f.severity, text: f.message.clone() })
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    }
}
