mod export;

use leptos::prelude::*;
use shenbao_core::catalogue::{AnswerRow, answers};
use shenbao_core::evaluation::{Finding, Severity};
use shenbao_core::rules::Step;

use crate::draft_context::DraftCtx;
use crate::route::field_href;

/// Step 8 核对与导出: the status, every finding, every answer with a 修改 link, and the exports.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let id = ctx.id.get_value();
    let readiness = Memo::new(move |_| ctx.assessment.with(|a| a.readiness.clone()));
    let open_findings =
        Memo::new(move |_| ctx.assessment.with(|a| a.open_findings().cloned().collect::<Vec<Finding>>()));
    let sections = Step::ALL
        .into_iter()
        .map(|step| {
            let id = id.clone();
            let rows = Memo::new(move |_| ctx.draft.with(|d| answers(&d.application, step)));
            view! {
                <section class="app-review__section" data-step=step.key()>
                    <h3 class="app-heading app-heading--m">{step.title()}</h3>
                    <dl class="app-summary">
                        <For each=move || rows.get() key=|a: &AnswerRow| (a.field.clone(), a.value.clone()) let:answer>
                            <div class="app-summary__row">
                                <dt class="app-summary__key">{answer.label.clone()}</dt>
                                <dd class="app-summary__value">{if answer.value.is_empty() { "（未填写）".to_owned() } else { answer.value.clone() }}</dd>
                                <dd class="app-summary__actions">
                                    <a href=field_href(&id, step, &answer.field)>"修改"<span class="app-visually-hidden">{answer.label.clone()}</span></a>
                                </dd>
                            </div>
                        </For>
                    </dl>
                </section>
            }
        })
        .collect_view();
    view! {
        <h1 class="app-heading app-heading--l">"8. 核对与导出"</h1>
        <div class="app-review__status" id="review-status">
            {move || readiness.with(|r| {
                let ready = r.is_ready();
                view! {
                    <p
                        class=if ready { "app-status app-status--ready" } else { "app-status app-status--blocked" }
                        data-ready=ready.to_string()
                    >
                        {r.sentence()}
                    </p>
                }
            })}
        </div>
        <Show when=move || open_findings.with(|f| !f.is_empty())>
            // Everything listed here is open: red when something must be corrected, else the warning colour.
            <section
                class="app-findings"
                class:app-findings--problems=move || readiness.with(|r| r.blocking > 0)
                class:app-findings--warnings=move || readiness.with(|r| r.blocking == 0)
                id="review-findings"
            >
                <h2 class="app-heading app-heading--m">"需要处理的问题"</h2>
                <ul class="app-findings__list">
                    <For each=move || open_findings.get() key=|f| (f.key(), f.message.clone()) let:finding>
                        <li class="app-findings__item" data-rule=finding.rule.clone() data-clause=finding.clause.clone()>
                            <span class="app-tag app-tag--clause">{finding.clause.clone()}</span>
                            <span class="app-tag">{finding.step().title()}</span>
                            <span class="app-tag">{finding.severity.label()}</span>
                            {
                                // A warning is answered by its justification, in the step's findings panel: the link
                                // goes to that box, not to the fields (where the message's "说明理由" is nowhere).
                                let target = if finding.severity == Severity::Warning {
                                    Some(format!("justification-{}", finding.key()))
                                } else {
                                    finding.fields.first().cloned()
                                };
                                match target {
                                    Some(target) => view! { <a href=field_href(&ctx.id.get_value(), finding.step(), &target)>{finding.message.clone()}</a> }.into_any(),
                                    None => view! { <span>{finding.message.clone()}</span> }.into_any(),
                                }
                            }
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
        <export::ExportPanel />
        <h2 class="app-heading app-heading--l">"核对填写内容"</h2>
        {sections}
    }
}
