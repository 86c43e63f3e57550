//! The state of the open draft, shared by every page of the wizard, and the bindings that tie a form field to
//! one value of the draft.
//!
//! The draft is one `RwSignal<Draft>` (domain types hold no signals); the evaluation is a `Memo` over it, so every
//! finding is recomputed by the core as the user types. Every change is written to local storage at once.

use std::collections::HashMap;

use leptos::prelude::*;
use serde::Serialize;
use shenbao_core::draft::{Draft, evaluate_draft};
use shenbao_core::evaluation::{Evaluation, Finding, FindingKind, Severity};
use shenbao_core::model::Application;
use shenbao_core::{ParameterSet, Wan};

use crate::browser;
use crate::store;

/// Application-wide state.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// The last storage failure, shown in a banner until a save succeeds again.
    pub save_error: RwSignal<Option<String>>,
}

/// The notice's parameters (鲁乡振发〔2022〕26号), read once, on first use.
///
/// Only the on-demand modules use them (`src/split.rs`): the start page needs none, and reading them at start
/// would put their parser (with chrono's, rust_decimal's and serde_json's number parsing) into the start page's
/// module, which every first visit downloads (docs/performance.md).
pub fn params() -> &'static ParameterSet {
    static PARAMS: std::sync::OnceLock<ParameterSet> = std::sync::OnceLock::new();
    PARAMS.get_or_init(ParameterSet::second_batch_2022)
}

/// What a page knows of the saves of its draft in local storage: enough to find, when another tab saved, the
/// version both pages started from ([`Draft::merge`]'s base).
///
/// Every save carries a new revision id and the ids it descends from ([`Draft::revision`], [`Draft::ancestors`]).
/// Local storage is not shared at once between tabs (Chromium gives each its own copy, brought up to date a
/// moment later), so a tab may save a version that lacks this page's latest save: the base is then the newest
/// save in the other tab's ancestry whose text this page still has, not simply what this page last wrote (that
/// made the merge undo this page's save: typing in both tabs lost words, QA).
#[derive(Debug, Clone)]
struct Lineage {
    /// The text local storage held when this page last read or wrote it.
    text: String,
    /// The draft read from it, without its revision.
    draft: Draft,
    /// The revisions this page's content descends from, newest first, at most [`Lineage::KEPT`].
    revisions: Vec<String>,
    /// The texts of the saves this page wrote or read, by revision; the oldest go first.
    texts: std::collections::VecDeque<(String, String)>,
}

impl Lineage {
    /// How many revisions a save names as its ancestors and a page keeps the text of. A page saves at most once a
    /// frame; a tab hears of another's save within a few frames.
    const KEPT: usize = 24;

    fn new(draft: &Draft) -> Lineage {
        let text = draft.to_compact_json();
        let mut lineage = Lineage {
            text: String::new(),
            draft: draft.without_revision(),
            revisions: Vec::new(),
            texts: std::collections::VecDeque::new(),
        };
        lineage.saw(draft, text);
        lineage
    }

    /// Local storage holds `draft` (read from `text`).
    fn saw(&mut self, draft: &Draft, text: String) {
        let mut revisions: Vec<String> = Vec::new();
        let theirs = draft.revision.iter().chain(&draft.ancestors);
        let mut ours = std::mem::take(&mut self.revisions).into_iter();
        // Interleaved, newest first on both sides.
        for theirs in theirs.map(Some).chain(std::iter::repeat(None)) {
            let ours = ours.next();
            if theirs.is_none() && ours.is_none() {
                break;
            }
            for revision in theirs.cloned().into_iter().chain(ours) {
                if !revisions.contains(&revision) {
                    revisions.push(revision);
                }
            }
        }
        revisions.truncate(Lineage::KEPT);
        self.revisions = revisions;
        if let Some(revision) = &draft.revision {
            self.keep_text(revision.clone(), text.clone());
        }
        self.draft = draft.without_revision();
        self.text = text;
    }

    fn keep_text(&mut self, revision: String, text: String) {
        self.texts.push_back((revision, text));
        while self.texts.len() > Lineage::KEPT {
            self.texts.pop_front();
        }
    }

    /// The version `theirs` and this page both descend from: the newest save of theirs' ancestry whose text this
    /// page has, else what storage held when this page last read or wrote it.
    fn base_of(&self, theirs: &Draft) -> Draft {
        theirs
            .revision
            .iter()
            .chain(&theirs.ancestors)
            .find_map(|revision| self.texts.iter().rev().find(|(r, _)| r == revision))
            .and_then(|(_, text)| Draft::from_json(text).ok())
            .map_or_else(|| self.draft.clone(), |base| base.without_revision())
    }

    /// This page wrote `draft` (its content, without a revision) as `text` under `revision`.
    fn wrote(&mut self, draft: Draft, revision: String, text: String) {
        self.revisions.insert(0, revision.clone());
        self.revisions.truncate(Lineage::KEPT);
        self.keep_text(revision, text.clone());
        self.draft = draft;
        self.text = text;
    }
}

/// What [`DraftCtx::take_in_stored`] found in local storage.
enum TakenIn {
    /// Nothing this page does not have, and storage has everything this page has.
    Nothing,
    /// The draft merged with another tab's save, different from this page's: to be shown (and saved).
    Changed(Box<Draft>),
    /// This page's draft holds everything, but storage lacks some of it: to be written again.
    Behind,
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

/// The open draft.
#[derive(Debug, Clone, Copy)]
pub struct DraftCtx {
    /// Its storage id.
    pub id: StoredValue<String>,
    /// The draft itself.
    pub draft: RwSignal<Draft>,
    /// The core's evaluation of it, recomputed on every change.
    pub evaluation: Memo<Evaluation>,
    /// Findings by field path, for inline messages.
    pub by_field: Memo<HashMap<String, Vec<Finding>>>,
    /// The notice's parameters.
    pub params: StoredValue<ParameterSet>,
    /// Set when the draft was deleted in another tab or window: this page stops saving until it is restored.
    pub detached: RwSignal<bool>,
    /// Set when another tab or window changed the draft and this page took over its content.
    pub changed_elsewhere: RwSignal<bool>,
    /// Set from a change until it is written to local storage (the page shows 正在保存…).
    pub save_pending: RwSignal<bool>,
    /// What this page knows of the draft's saves: whence the base of a merge with another tab's changes.
    lineage: StoredValue<Lineage>,
}

impl DraftCtx {
    /// Opens a loaded draft: evaluates it live and saves every change to local storage.
    pub fn open(id: String, draft: Draft, app: AppState) -> DraftCtx {
        let params = StoredValue::new(params().clone());
        let lineage = StoredValue::new(Lineage::new(&draft));
        // The page's draft never carries a revision: each save is given its own.
        let draft = RwSignal::new(draft.without_revision());
        let evaluation = Memo::new(move |_| params.with_value(|p| draft.with(|d| evaluate_draft(d, p))));
        let by_field = Memo::new(move |_| {
            let mut map: HashMap<String, Vec<Finding>> = HashMap::new();
            evaluation.with(|e| {
                for finding in &e.findings {
                    for field in &finding.fields {
                        map.entry(field.clone()).or_default().push(finding.clone());
                    }
                }
            });
            map
        });
        let id = StoredValue::new(id);
        let detached = RwSignal::new(false);
        let ctx = DraftCtx {
            id,
            draft,
            evaluation,
            by_field,
            params,
            detached,
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
        ctx
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
        let Some(ancestors) = self.lineage.try_with_value(|l| l.revisions.clone()) else { return };
        let Some(draft) = self.draft.try_get_untracked() else { return };
        let revision = new_revision();
        let text = Draft { revision: Some(revision.clone()), ancestors, ..draft.clone() }.to_compact_json();
        match store::save_text(&id, &text) {
            Ok(()) => {
                app.save_error.set(None);
                self.lineage.update_value(|l| l.wrote(draft, revision, text));
            }
            Err(error) => app.save_error.set(Some(error.message())),
        }
    }

    /// Takes in what local storage holds now, if another tab changed it since this page last read or wrote it:
    /// the draft with that tab's changes and this page's merged (that tab's content alone when this page has
    /// changed nothing); or that storage lacks some of this page's changes (the other tab saved a version made
    /// before them); or nothing new (also when the stored text is not a readable draft: this page's content is
    /// then written over it, as before it was opened elsewhere).
    fn take_in_stored(&self, id: &str) -> TakenIn {
        let Some(text) = store::load_text(id) else { return TakenIn::Nothing };
        if self.lineage.try_with_value(|l| l.text == text) != Some(false) {
            return TakenIn::Nothing;
        }
        let Ok(theirs) = Draft::from_json(&text) else { return TakenIn::Nothing };
        let Some(base) = self.lineage.try_with_value(|l| l.base_of(&theirs)) else { return TakenIn::Nothing };
        self.lineage.update_value(|l| l.saw(&theirs, text));
        let Some(merged) = self.draft.try_with_untracked(|ours| Draft::merge(&base, ours, &theirs)) else {
            return TakenIn::Nothing;
        };
        if self.draft.try_with_untracked(|ours| *ours != merged) == Some(true) {
            TakenIn::Changed(Box::new(merged))
        } else if merged != theirs.without_revision() {
            TakenIn::Behind
        } else {
            TakenIn::Nothing
        }
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
    /// in, merged with a change of this page's still waiting to be saved ([`Draft::merge`]); a deletion there
    /// stops saving here. Returns the listener, to be removed when the draft is closed.
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

    /// Changes the draft, drops the answers of questions the change hid, and stamps the change time.
    pub fn update(&self, change: impl FnOnce(&mut Draft)) {
        let now = browser::now();
        self.draft.update(|draft| {
            change(draft);
            draft.drop_inapplicable_answers();
            draft.updated_at = Some(now);
        });
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

    /// A free-text field.
    pub fn text(
        &self,
        path: impl Fn() -> String + Send + Sync + 'static,
        get: impl Fn(&Application) -> String + Send + Sync + 'static,
        set: impl Fn(&mut Application, String) + Send + Sync + 'static,
    ) -> Binding {
        self.keyed(path, get, set, String::clone, str::to_owned)
    }

    /// A field whose value is shown as, and read back from, a key: the one place bindings are wired.
    ///
    /// The field's closures are boxed here and handed to [`DraftCtx::bind_key`], which is compiled once: wiring
    /// each of the app's many fields through its own copy of the signals and callbacks made the wasm larger by
    /// tens of kilobytes (docs/performance.md).
    fn keyed<V: 'static>(
        &self,
        path: impl Fn() -> String + Send + Sync + 'static,
        get: impl Fn(&Application) -> V + Send + Sync + 'static,
        set: impl Fn(&mut Application, V) + Send + Sync + 'static,
        show: fn(&V) -> String,
        read: fn(&str) -> V,
    ) -> Binding {
        self.bind_key(
            Box::new(path),
            Box::new(move |application| show(&get(application))),
            Box::new(move |application, key| set(application, read(key))),
        )
    }

    fn bind_key(&self, path: PathFn, show: ShowFn, write: WriteFn) -> Binding {
        let ctx = *self;
        let path = Signal::derive(path);
        Binding {
            path,
            value: Signal::derive(move || ctx.draft.with(|d| show(&d.application))),
            messages: ctx.messages(path, None),
            on_input: Callback::new(move |key: String| ctx.update(|d| write(&mut d.application, &key))),
        }
    }

    /// A free-text field of the draft itself (its name), outside the application.
    pub fn draft_text(
        &self,
        path: &'static str,
        get: impl Fn(&Draft) -> String + Send + Sync + 'static,
        set: impl Fn(&mut Draft, String) + Send + Sync + 'static,
    ) -> Binding {
        let ctx = *self;
        let path = Signal::derive(move || path.to_owned());
        Binding {
            path,
            value: Signal::derive(move || ctx.draft.with(|d| get(d))),
            messages: ctx.messages(path, None),
            on_input: Callback::new(move |text: String| ctx.update(|d| set(d, text))),
        }
    }

    /// A field whose text is parsed (money, count, date, month). Text that does not parse is kept in the draft's
    /// pending inputs and shown back with the parser's message; the value becomes empty until it parses.
    pub fn parsed<T: Clone + Send + Sync + 'static>(
        &self,
        path: impl Fn() -> String + Send + Sync + 'static,
        get: impl Fn(&Application) -> Option<T> + Send + Sync + 'static,
        set: impl Fn(&mut Application, Option<T>) + Send + Sync + 'static,
        parser: Parser<T>,
    ) -> Binding {
        // As in `keyed`: the typed part is boxed, the wiring (`bind_parsed`) is compiled once.
        self.bind_parsed(
            Box::new(path),
            Box::new(move |application| get(application).map(|v| (parser.show)(&v)).unwrap_or_default()),
            Box::new(move |application, text| {
                let parsed = if text.trim().is_empty() { Ok(None) } else { (parser.parse)(text).map(Some) };
                let ok = parsed.is_ok();
                set(application, parsed.unwrap_or(None));
                ok
            }),
            parser.message,
        )
    }

    /// `write` sets the parsed value (empty when the text does not parse) and says whether the text parsed.
    fn bind_parsed(&self, path: PathFn, show: ShowFn, write: ParseFn, message: fn(&str) -> Option<String>) -> Binding {
        let ctx = *self;
        let path = Signal::derive(path);
        let value = Signal::derive(move || {
            let key = path.get();
            ctx.draft.with(|d| match d.pending_inputs.get(&key) {
                Some(text) => text.clone(),
                None => show(&d.application),
            })
        });
        let on_input = Callback::new(move |text: String| {
            let key = path.get_untracked();
            ctx.update(|d| {
                if write(&mut d.application, &text) {
                    d.pending_inputs.remove(&key);
                } else {
                    d.pending_inputs.insert(key, text);
                }
            });
        });
        Binding { path, value, messages: ctx.messages(path, Some(message)), on_input }
    }

    /// A choice among enum values (radios or a select); the key of a value is its serde name.
    pub fn choice<T: Serialize + serde::de::DeserializeOwned + Clone + Send + Sync + 'static>(
        &self,
        path: impl Fn() -> String + Send + Sync + 'static,
        get: impl Fn(&Application) -> Option<T> + Send + Sync + 'static,
        set: impl Fn(&mut Application, Option<T>) + Send + Sync + 'static,
    ) -> Binding {
        self.keyed(
            path,
            get,
            set,
            |value| value.as_ref().map(key_of).unwrap_or_default(),
            |key| serde_json::from_value::<T>(serde_json::Value::String(key.to_owned())).ok(),
        )
    }

    /// A yes/no question answered with radios (`yes` / `no`; empty while unanswered).
    pub fn yes_no(
        &self,
        path: impl Fn() -> String + Send + Sync + 'static,
        get: impl Fn(&Application) -> Option<bool> + Send + Sync + 'static,
        set: impl Fn(&mut Application, Option<bool>) + Send + Sync + 'static,
    ) -> Binding {
        let show = |value: &Option<bool>| match value {
            Some(true) => "yes".to_owned(),
            Some(false) => "no".to_owned(),
            None => String::new(),
        };
        let read = |key: &str| match key {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        self.keyed(path, get, set, show, read)
    }

    /// A tick box (`true` / `false`).
    pub fn flag(
        &self,
        path: impl Fn() -> String + Send + Sync + 'static,
        get: impl Fn(&Application) -> bool + Send + Sync + 'static,
        set: impl Fn(&mut Application, bool) + Send + Sync + 'static,
    ) -> Binding {
        self.keyed(path, get, set, bool::to_string, |key| key == "true")
    }

    /// The inline messages of a field: the parser's message for pending text, else its blocking findings and
    /// unjustified warnings.
    fn messages(
        &self,
        path: Signal<String>,
        parse_message: Option<fn(&str) -> Option<String>>,
    ) -> Signal<Vec<FieldMessage>> {
        let ctx = *self;
        Signal::derive(move || {
            let key = path.get();
            let pending = ctx.draft.with(|d| d.pending_inputs.get(&key).cloned());
            if let (Some(text), Some(message)) = (pending, parse_message) {
                return message(&text)
                    .map(|text| vec![FieldMessage { severity: Severity::Blocking, text }])
                    .unwrap_or_default();
            }
            ctx.by_field.with(|map| {
                map.get(&key)
                    .map(|findings| {
                        findings
                            .iter()
                            // Gaps are listed in the findings panel ("尚未填写"), not as red errors under
                            // fields the user has not reached yet.
                            .filter(|f| f.severity != Severity::Info && f.kind == FindingKind::Problem)
                            .filter(|f| {
                                f.severity == Severity::Blocking
                                    || !ctx.draft.with(|d| shenbao_core::draft::is_justified(d, f))
                            })
                            .map(|f| FieldMessage { severity: f.severity, text: f.message.clone() })
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    }
}

/// A binding's field path.
type PathFn = Box<dyn Fn() -> String + Send + Sync>;
/// A binding's text (or key) for the application's current value.
type ShowFn = Box<dyn Fn(&Application) -> String + Send + Sync>;
/// Sets a binding's value from a key.
type WriteFn = Box<dyn Fn(&mut Application, &str) + Send + Sync>;
/// Sets a parsed binding's value from its text; `false` when the text does not parse (the value is then empty).
type ParseFn = Box<dyn Fn(&mut Application, &str) -> bool + Send + Sync>;

/// The key a value of an enum has in the forms: its serde name (`"central"`, `"agglomeration"`).
pub fn key_of<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// One inline message under a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMessage {
    /// Blocking or warning.
    pub severity: Severity,
    /// The Chinese message.
    pub text: String,
}

/// What a form field needs from the draft: its path (also its element id), its text, its messages and how to
/// change it.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Field path, e.g. `funds.loans`; also the input's `id`.
    pub path: Signal<String>,
    /// The text or key to show.
    pub value: Signal<String>,
    /// Inline messages.
    pub messages: Signal<Vec<FieldMessage>>,
    /// Called with the new text or key.
    pub on_input: Callback<String>,
}

/// How a parsed field reads and shows its values.
#[derive(Debug)]
pub struct Parser<T> {
    /// Text to value, or a Chinese message.
    pub parse: fn(&str) -> Result<T, String>,
    /// Value to text.
    pub show: fn(&T) -> String,
    /// The message for text that does not parse.
    pub message: fn(&str) -> Option<String>,
}

impl<T> Clone for Parser<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Parser<T> {}

/// Amounts in 万元.
pub const MONEY: Parser<Wan> = Parser {
    parse: |text| Wan::parse_input(text).map_err(|e| e.to_string()),
    show: |value| value.to_string(),
    message: |text| Wan::parse_input(text).err().map(|e| format!("「{text}」不是有效金额：{e}")),
};

/// Counts of people.
pub const COUNT: Parser<u32> = Parser {
    parse: |text| shenbao_core::input::parse_count_input(text).map_err(|e| e.to_string()),
    show: |value| value.to_string(),
    message: |text| shenbao_core::input::parse_count_input(text).err().map(|e| format!("「{text}」不是有效人数：{e}")),
};

/// Dates.
pub const DATE: Parser<chrono::NaiveDate> = Parser {
    parse: |text| shenbao_core::input::parse_date_input(text).map_err(|e| e.to_string()),
    show: |value| value.to_string(),
    message: |text| shenbao_core::input::parse_date_input(text).err().map(|e| format!("「{text}」不是有效日期：{e}")),
};

/// Months.
pub const MONTH: Parser<shenbao_core::input::YearMonth> = Parser {
    parse: |text| shenbao_core::input::YearMonth::parse_input(text).map_err(|e| e.to_string()),
    show: |value| value.to_string(),
    message: |text| {
        shenbao_core::input::YearMonth::parse_input(text).err().map(|e| format!("「{text}」不是有效年月：{e}"))
    },
};

/// One item of a list of the application (a village, an industry, a project, a sector fund line), found by its
/// stable id, so that a field's getter and setter follow the item when the list is reordered.
#[derive(Debug)]
pub struct ItemRef<T: 'static> {
    id: String,
    list: fn(&Application) -> &Vec<T>,
    list_mut: fn(&mut Application) -> &mut Vec<T>,
    id_of: fn(&T) -> &str,
}

impl<T> Clone for ItemRef<T> {
    fn clone(&self) -> Self {
        ItemRef { id: self.id.clone(), list: self.list, list_mut: self.list_mut, id_of: self.id_of }
    }
}

impl ItemRef<shenbao_core::model::Village> {
    /// A village by id.
    pub fn village(id: &str) -> Self {
        ItemRef { id: id.to_owned(), list: |a| &a.villages, list_mut: |a| &mut a.villages, id_of: |v| &v.id }
    }
}

impl ItemRef<shenbao_core::model::FeaturedIndustry> {
    /// A featured industry by id.
    pub fn industry(id: &str) -> Self {
        ItemRef { id: id.to_owned(), list: |a| &a.industries, list_mut: |a| &mut a.industries, id_of: |i| &i.id }
    }
}

impl ItemRef<shenbao_core::model::Project> {
    /// A project by id.
    pub fn project(id: &str) -> Self {
        ItemRef { id: id.to_owned(), list: |a| &a.projects, list_mut: |a| &mut a.projects, id_of: |p| &p.id }
    }
}

impl ItemRef<shenbao_core::model::SectorFund> {
    /// A sector fund line by id.
    pub fn sector_fund(id: &str) -> Self {
        ItemRef {
            id: id.to_owned(),
            list: |a| &a.funds.sector_funds,
            list_mut: |a| &mut a.funds.sector_funds,
            id_of: |s| &s.id,
        }
    }
}

impl<T: Send + Sync + 'static> ItemRef<T> {
    /// A getter of one of the item's values (the default when the item is gone).
    pub fn get<R: Default>(
        &self,
        field: impl Fn(&T) -> R + Send + Sync + 'static,
    ) -> impl Fn(&Application) -> R + Send + Sync + 'static {
        let item = self.clone();
        move |application| {
            (item.list)(application).iter().find(|x| (item.id_of)(x) == item.id).map(&field).unwrap_or_default()
        }
    }

    /// A setter of one of the item's values (nothing when the item is gone).
    pub fn set<V>(
        &self,
        field: impl Fn(&mut T, V) + Send + Sync + 'static,
    ) -> impl Fn(&mut Application, V) + Send + Sync + 'static {
        let item = self.clone();
        move |application, value| {
            if let Some(found) = (item.list_mut)(application).iter_mut().find(|x| (item.id_of)(x) == item.id) {
                field(found, value);
            }
        }
    }
}
