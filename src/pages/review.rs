use leptos::prelude::*;
use shenbao_core::draft::{Readiness, is_justified};
use shenbao_core::evaluation::Severity;
use shenbao_core::rules::Step;

use crate::pages::answers::{Answer, answers};
use crate::route::field_href;
use crate::state::DraftCtx;

/// What stands between a draft (or a bundle) and 可以提交, leaving out what is zero: `2 个问题必须修改，1 个事项需要填写
/// 理由`, or only one of the two.
pub fn remaining_text(readiness: &Readiness) -> String {
    let mut parts = Vec::new();
    if readiness.blocking > 0 {
        parts.push(format!("{} 个问题必须修改", readiness.blocking));
    }
    if !readiness.unjustified.is_empty() {
        parts.push(format!("{} 个事项需要填写理由", readiness.unjustified.len()));
    }
    parts.join("，")
}

/// Step 8 核对与导出: the status, every finding, every answer with a 修改 link, and the exports.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let id = ctx.id.get_value();
    let readiness = Memo::new(move |_| ctx.evaluation.with(|e| ctx.draft.with(|d| Readiness::of(d, e))));
    let open_findings = Memo::new(move |_| {
        ctx.evaluation.with(|e| {
            ctx.draft.with(|d| {
                e.findings
                    .iter()
                    .filter(|f| {
                        f.severity == Severity::Blocking || (f.severity == Severity::Warning && !is_justified(d, f))
                    })
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let sections = Step::ALL
        .into_iter()
        .map(|step| {
            let id = id.clone();
            let rows = Memo::new(move |_| ctx.draft.with(|d| answers(&d.application, step)));
            view! {
                <section class="app-review__section" data-step=step.key()>
                    <h3 class="app-heading app-heading--m">{step.title()}</h3>
                    <dl class="app-summary">
                        <For each=move || rows.get() key=|a: &Answer| (a.field.clone(), a.value.clone()) let:answer>
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
            {move || {
                let r = readiness.get();
                if r.is_ready() {
                    view! { <p class="app-status app-status--ready" data-ready="true">"可以提交：没有必须修改的问题，需说明理由的事项均已填写理由。"</p> }.into_any()
                } else {
                    view! {
                        <p class="app-status app-status--blocked" data-ready="false">
                            {format!("尚不能提交：{}。", remaining_text(&r))}
                        </p>
                    }
                    .into_any()
                }
            }}
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
        <crate::pages::export::ExportPanel />
        <h2 class="app-heading app-heading--l">"核对填写内容"</h2>
        {sections}
    }
}
