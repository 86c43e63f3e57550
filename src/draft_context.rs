//! The open draft, shared by every page of a draft as a Leptos context: signals only.
//!
//! The draft is one `RwSignal<Draft>` (domain types hold no signals); its [`Assessment`] is a `Memo` over it, so
//! every finding and status is recomputed by the core as the user types. Every change is written to local storage
//! right after the frame that shows it (a burst of keystrokes is written once); `pagehide`/`visibilitychange` and
//! leaving the draft's pages write at once.
//!
//! Several tabs may have the draft open: before every save and on the `storage` event the page reads what storage
//! holds and lets the core decide ([`shenbao_core::sync::Lineage`]): another tab's save is merged with this page's
//! changes, never written over, and a draft deleted elsewhere is not written back.
//!
//! Invariant: pages change the draft only through [`DraftCtx::update`] (or a field's binding, `crate::binding`),
//! and only this module writes the open draft to storage.

use std::collections::HashMap;

use leptos::prelude::*;
use shenbao_core::ParameterSet;
use shenbao_core::assessment::Assessment;
use shenbao_core::draft::Draft;
use shenbao_core::evaluation::Finding;
use shenbao_core::sync::{Lineage, TakenIn};

use crate::browser;
use crate::state::{AppState, params};
use crate::store;

/// The open draft.
#[derive(Debug, Clone, Copy)]
pub struct DraftCtx {
    /// Its storage id.
    pub id: StoredValue<String>,
    /// The draft itself.
    pub draft: RwSignal<Draft>,
    /// The core's assessment of it (findings, figures, readiness, step statuses), recomputed on every change.
    pub assessment: Memo<Assessment>,
    /// Findings by field path, for the messages under each field.
    pub by_field: Memo<HashMap<String, Vec<Finding>>>,
    /// Set when the draft was deleted in another tab or window: this page stops saving until it is restored.
    pub detached: RwSignal<bool>,
    /// Set when another tab or window changed the draft and this page took over its content.
    pub changed_elsewhere: RwSignal<bool>,
    /// Set from a change until it is written to local storage (the page shows 正在保存…).
    pub save_pending: RwSignal<bool>,
    /// What this page knows of the draft's saves: whence the base of a merge with another tab's changes.
    lineage: StoredValue<Lineage>,
}

/// A new revision id: this page's random token and a counter.
fn new_revision() -> String {
    thread_local! {
        static TOKEN: String = browser::random_bytes()
            .map(|bytes| bytes[..6].iter().map(|b| format!("{b:02x}")).collect())
            .unwrap_or_else(|_| format!("{:x}", browser::now().timestamp_micros()));
        static COUNTER: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    let n = COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    TOKEN.with(|token| format!("{token}-{n}"))
}

impl DraftCtx {
    /// Opens a loaded draft: assesses it live and saves every change to local storage. `stored` is what local
    /// storage holds; `current`, when given, is newer content this page could not save before (a full quota,
    /// [`AppState::unsaved`]): it is shown, and saved as soon as storage takes it.
    pub fn open(id: String, stored: Draft, current: Option<Draft>, app: AppState) -> DraftCtx {
        let lineage = StoredValue::new(Lineage::new(&stored));
        let unsaved = current.is_some();
        let draft = current.unwrap_or(stored);
        // The page's draft never carries a revision: each save is given its own.
        let draft = RwSignal::new(draft.without_revision());
        let assessment = Memo::new(move |_| draft.with(|d| Assessment::of_draft(d, params())));
        let by_field = Memo::new(move |_| {
            let mut map: HashMap<String, Vec<Finding>> = HashMap::new();
            assessment.with(|a| {
                for finding in &a.evaluation.findings {
                    for field in &finding.fields {
                        map.entry(field.clone()).or_default().push(finding.clone());
                    }
                }
            });
            map
        });
        let ctx = DraftCtx {
            id: StoredValue::new(id),
            draft,
            assessment,
            by_field,
            detached: RwSignal::new(false),
            changed_elsewhere: RwSignal::new(false),
            save_pending: RwSignal::new(false),
            lineage,
        };
        // Save after every change, right after the frame that shows it (a burst of keystrokes within one frame is
        // written once): nothing typed is lost to a reload or a crash, and `pagehide`/`visibilitychange` flush
        // at once when the tab goes away.
        Effect::new(move |previous: Option<()>| {
            draft.track();
            if previous.is_some() {
                ctx.save_soon(app);
            }
        });
        if unsaved {
            ctx.save_soon(app);
        }
        ctx
    }

    /// Reads the evaluation (findings and figures) of the assessment, tracking it.
    pub fn evaluation<R>(&self, read: impl FnOnce(&shenbao_core::evaluation::Evaluation) -> R) -> R {
        self.assessment.with(|assessment| read(&assessment.evaluation))
    }

    /// The notice's parameters the draft is assessed under.
    pub fn params(&self) -> &'static ParameterSet {
        params()
    }

    /// Changes the draft, drops the answers of questions the change hid, and stamps the change time.
    pub fn update(&self, change: impl FnOnce(&mut Draft)) {
        let now = browser::now();
        self.draft.update(|draft| {
            change(draft);
            draft.drop_inapplicable_answers();
            draft.updated_at = Some(now);
        });
    }

    /// Saves right after the next frame, unless a save is pending already.
    fn save_soon(&self, app: AppState) {
        let ctx = *self;
        if ctx.save_pending.try_get_untracked() == Some(false) {
            ctx.save_pending.set(true);
            browser::after_next_paint(move || {
                // Not after the draft was closed: closing saved what was pending (`DraftCtx::close`).
                if ctx.save_pending.try_get_untracked() == Some(true) {
                    ctx.save(app);
                }
            });
        }
    }

    /// Writes the draft to local storage, unless it was deleted elsewhere (then it is not written back where
    /// nobody would find it: the page says so and offers to restore it). A change another tab saved since this
    /// page last read or wrote the draft, and not yet heard of here, is merged in first rather than written over.
    fn save(&self, app: AppState) {
        // `try_`: this may run as the draft's pages are being left (`close`), when its signals may be gone.
        let _ = self.save_pending.try_set(false);
        let Some(id) = self.id.try_get_value() else { return };
        if self.detached.try_get_untracked() != Some(false) {
            return;
        }
        if !store::draft_ids().contains(&id) {
            let _ = self.detached.try_set(true);
            return;
        }
        if let TakenIn::Changed(merged) = self.take_in_stored(&id) {
            self.replace(*merged);
        }
        let Some(draft) = self.draft.try_get_untracked() else { return };
        let revision = new_revision();
        let Some(text) = self.lineage.try_with_value(|l| l.save_text(&draft, &revision)) else { return };
        match store::save_text(&id, &text) {
            Ok(()) => {
                app.save_error.set(None);
                app.unsaved.update(|unsaved| drop(unsaved.remove(&id)));
                self.lineage.update_value(|l| l.wrote(draft, revision, text));
            }
            Err(error) => {
                app.save_error.set(Some(error.message()));
                // Kept by the app, not by this page: leaving the draft's pages must not lose it.
                app.unsaved.update(|unsaved| drop(unsaved.insert(id, draft.to_compact_json())));
            }
        }
    }

    /// What local storage holds now, taken in by the core's [`Lineage::take_in`].
    fn take_in_stored(&self, id: &str) -> TakenIn {
        let Some(text) = store::load_text(id) else { return TakenIn::Nothing };
        let Some(ours) = self.draft.try_get_untracked() else { return TakenIn::Nothing };
        let mut outcome = TakenIn::Nothing;
        self.lineage.try_update_value(|l| outcome = l.take_in(&text, &ours));
        outcome
    }

    /// Shows a draft merged with another tab's changes. A field of a list item that has the focus keeps it when
    /// the other tab moved its item (the browser drops the focus of an element the list moves).
    fn replace(&self, merged: Draft) {
        let focused = browser::focused_element();
        // Where the focused field will be: its item may have moved (else the same path).
        let path = focused.as_ref().map(|element| element.id()).filter(|id| !id.is_empty());
        let moved = path.map(|path| {
            self.draft.try_with_untracked(|before| before.item_path_in(&path, &merged)).flatten().unwrap_or(path)
        });
        let _ = self.draft.try_set(merged);
        let _ = self.changed_elsewhere.try_set(true);
        if let Some(element) = focused {
            browser::keep_focus(element, moved);
        }
    }

    /// Follows changes other tabs and windows make to this draft (the `storage` event): what they saved is taken
    /// in, merged with a change of this page's still waiting to be saved; a deletion there stops saving here.
    /// Returns the listener, to be removed when the draft is closed.
    ///
    /// The event may arrive late (a background tab, a busy page), after this page has itself written the draft
    /// again: what storage holds now is read, never the event's own copy, which would undo this page's change.
    pub fn follow_other_tabs(&self, app: AppState) -> leptos::leptos_dom::helpers::WindowListenerHandle {
        let ctx = *self;
        window_event_listener(leptos::ev::storage, move |event| {
            let id = ctx.id.get_value();
            if event.key().as_deref() != Some(store::draft_key(&id).as_str()) {
                return;
            }
            if store::load_text(&id).is_none() {
                ctx.detached.set(true);
                ctx.changed_elsewhere.set(false);
            } else {
                match ctx.take_in_stored(&id) {
                    TakenIn::Changed(merged) => ctx.replace(*merged),
                    TakenIn::Behind => ctx.save_soon(app),
                    TakenIn::Nothing => {}
                }
            }
        })
    }

    /// Puts a draft deleted elsewhere back into the list and saves it again.
    pub fn restore(&self, app: AppState) {
        match self.draft.with_untracked(|d| store::relist(&self.id.get_value(), d)) {
            Ok(()) => {
                let draft = self.draft.get_untracked();
                self.lineage.set_value(Lineage::new(&draft));
                self.detached.set(false);
                app.save_error.set(None);
            }
            Err(error) => app.save_error.set(Some(error.message())),
        }
    }

    /// Downloads the draft as a file and records the backup time: not a change of content, so the change time
    /// stays and the start page's backup reminder goes away.
    ///
    /// # Errors
    /// A Chinese message when the browser refuses the download.
    pub fn download(&self) -> Result<(), String> {
        crate::drafts::download_draft(&self.draft.get_untracked())?;
        self.draft.update(|d| d.backed_up_at = Some(browser::now()));
        Ok(())
    }

    /// Writes the draft to storage now (on `pagehide`, in case a change is still in flight).
    pub fn flush(&self, app: AppState) {
        self.save(app);
    }

    /// When the draft's pages are left (another route, Back): writes a change still waiting for its frame.
    pub fn close(&self, app: AppState) {
        if self.save_pending.try_get_untracked() == Some(true) {
            self.save(app);
        }
    }
}
