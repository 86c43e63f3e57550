use leptos::prelude::*;
use shenbao_core::assessment::is_open;
use shenbao_core::evaluation::{Finding, FindingKind, Severity};
use shenbao_core::rules::Step;

use crate::draft_context::DraftCtx;
use crate::route::{Route, field_href};

/// The live findings of one step, at the top of its page: what blocks, what needs a justification (with the box
/// to write it), and information; each with its clause and a link to the field. Counts for the other steps below.
/// It is also the page's error summary: "保存并继续" focuses it while something must be corrected (a blocking problem).
#[component]
pub fn FindingsPanel(
    /// The step whose findings are listed.
    step: Step,
) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let findings = Memo::new(move |_| {
        ctx.evaluation(|e| e.findings.iter().filter(|f| f.step() == step).cloned().collect::<Vec<Finding>>())
    });
    // Problems (a rule broken, a warning without its justification) and gaps (not yet filled in) are counted
    // apart: a step nobody has started is not "wrong", it is to do.
    let counts = Memo::new(move |_| {
        findings.with(|list| {
            ctx.draft.with(|d| {
                let (missing, problems): (Vec<&Finding>, Vec<&Finding>) = list
                    .iter()
                    .filter(|f| is_open(&d.justifications, f))
                    .partition(|f| f.severity == Severity::Blocking && f.kind == FindingKind::Missing);
                (problems.len(), missing.len())
            })
        })
    });
    let others = Memo::new(move |_| {
        ctx.assessment.with(|a| {
            Step::ALL
                .into_iter()
                .filter(|other| *other != step)
                .map(|other| (other, a.open_on(other).count()))
                .filter(|(_, count)| *count > 0)
                .collect::<Vec<_>>()
        })
    });
    let group = move |severity: Severity, kind: Option<FindingKind>| {
        Signal::derive(move || {
            findings.with(|list| {
                list.iter()
                    .filter(|f| f.severity == severity && kind.is_none_or(|kind| f.kind == kind))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <section
            class="app-findings"
            class:app-findings--problems=move || { counts.get().0 > 0 }
            class:app-findings--to-do=move || { counts.get().0 == 0 && counts.get().1 > 0 }
            id="findings"
            tabindex="-1"
            aria-labelledby="findings-title"
        >
            <h2
                class="app-findings__title"
                id="findings-title"
                data-open-count=move || (counts.get().0 + counts.get().1).to_string()
            >
                {move || match counts.get() {
                    (0, 0) => "本步骤暂无需要处理的问题".to_owned(),
                    (0, missing) => format!("本步骤还有 {missing} 项尚未填写"),
                    (problems, 0) => format!("本步骤有 {problems} 个问题需要处理"),
                    (problems, missing) => format!("本步骤有 {problems} 个问题需要处理，{missing} 项尚未填写"),
                }}
            </h2>
            <FindingGroup title="必须修改" findings=group(Severity::Blocking, Some(FindingKind::Problem)) modifier="blocking" />
            <FindingGroup
                title="需说明理由（原则上的要求，不满足时须写明理由，随申报材料报送）"
                findings=group(Severity::Warning, None)
                modifier="warning"
            />
            <FindingGroup title="尚未填写" findings=group(Severity::Blocking, Some(FindingKind::Missing)) modifier="missing" />
            <FindingGroup title="提示" findings=group(Severity::Info, None) modifier="info" />
            <Show when=move || others.with(|o| !o.is_empty())>
                <p class="app-findings__others">
                    "其他步骤："
                    <For each=move || others.get() key=|(step, count)| (*step, *count) let:item>
                        <a class="app-findings__other" href=Route::Step(ctx.id.get_value(), item.0).href()>
                            {format!("{}（{}）", item.0.title(), item.1)}
                        </a>
                    </For>
                </p>
            </Show>
        </section>
    }
}

#[component]
fn FindingGroup(title: &'static str, findings: Signal<Vec<Finding>>, modifier: &'static str) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    view! {
        <Show when=move || findings.with(|f| !f.is_empty())>
            <div class=format!("app-findings__group app-findings__group--{modifier}")>
                <h3 class="app-findings__group-title">{title}</h3>
                <ul class="app-findings__list">
                    <For each=move || findings.get() key=|f| (f.key(), f.message.clone()) let:finding>
                        <FindingItem finding=finding ctx=ctx />
                    </For>
                </ul>
            </div>
        </Show>
    }
}

#[component]
fn FindingItem(finding: Finding, ctx: DraftCtx) -> impl IntoView {
    let draft_id = ctx.id.get_value();
    let href = finding.fields.first().map(|field| field_href(&draft_id, finding.step(), field));
    let key = finding.key();
    let warning = finding.severity == Severity::Warning;
    let justification_id = format!("justification-{key}");
    let justification = {
        let key = key.clone();
        move || ctx.draft.with(|d| d.justifications.get(&key).cloned().unwrap_or_default())
    };
    let save_justification = {
        let key = key.clone();
        move |text: String| {
            ctx.update(|d| {
                if text.is_empty() {
                    d.justifications.remove(&key);
                } else {
                    d.justifications.insert(key.clone(), text);
                }
            })
        }
    };
    view! {
        <li class="app-findings__item" data-rule=finding.rule.clone() data-clause=finding.clause.clone() data-key=key.clone()>
            <span class="app-tag app-tag--clause" title="通知条款">{finding.clause.clone()}</span>
            {match href {
                Some(href) => {
                    let click = expect_context::<crate::route::Router>().field_link_click(href.clone());
                    view! { <a class="app-findings__link" href=href on:click=click>{finding.message.clone()}</a> }.into_any()
                }
                None => view! { <span>{finding.message.clone()}</span> }.into_any(),
            }}
            {warning.then(|| view! {
                <div class="app-findings__justification">
                    <label class="app-field__label" for=justification_id.clone()>"理由（随申报材料报送）"</label>
                    <textarea
                        class="app-textarea"
                        id=justification_id.clone()
                        rows="2"
                        prop:value=justification
                        on:input=move |ev| save_justification(event_target_value(&ev))
                    ></textarea>
                </div>
            })}
        </li>
    }
}
