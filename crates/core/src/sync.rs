//! Two tabs on one draft: what a page knows of the draft's saves in local storage, and what it does with a save
//! another tab made.
//!
//! Several tabs or windows share one local storage. Each save carries a new revision id and the ids it descends
//! from ([`Draft::revision`], [`Draft::ancestors`]). Local storage is not shared at once between tabs (Chromium
//! gives each its own copy, brought up to date a moment later), so a tab may save a version that lacks this
//! page's latest save: the base of the merge is then the newest save in the other tab's ancestry whose text this
//! page still has, not simply what this page last wrote (that made the merge undo this page's save: typing in
//! both tabs lost words, QA). The page never takes a `storage` event's own copy of the text: it reads what
//! storage holds when it acts, since the event may arrive after this page saved again.
//!
//! The app (`src/draft_context.rs`) owns the timing (when to read and write) and the random revision ids; this
//! module decides, and is tested natively for every case the browser tests cover.

use std::collections::VecDeque;

use crate::draft::Draft;

/// What a page knows of the saves of its draft in local storage.
#[derive(Debug, Clone)]
pub struct Lineage {
    /// The text local storage held when this page last read or wrote it.
    text: String,
    /// The draft read from it, without its revision.
    draft: Draft,
    /// The revisions this page's content descends from, newest first, at most [`Lineage::KEPT`].
    revisions: Vec<String>,
    /// The texts of the saves this page wrote or read, by revision; the oldest go first.
    texts: VecDeque<(String, String)>,
}

/// What [`Lineage::take_in`] found in local storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TakenIn {
    /// Nothing this page does not have, and storage has everything this page has.
    Nothing,
    /// The draft merged with another tab's save, different from this page's: to be shown (and saved).
    Changed(Box<Draft>),
    /// This page's draft holds everything, but storage lacks some of it: to be written again.
    Behind,
}

impl Lineage {
    /// How many revisions a save names as its ancestors and a page keeps the text of. A page saves at most once a
    /// frame; a tab hears of another's save within a few frames.
    pub const KEPT: usize = 24;

    /// A page opened `draft`, read from local storage.
    pub fn new(draft: &Draft) -> Lineage {
        let text = draft.to_compact_json();
        let mut lineage = Lineage {
            text: String::new(),
            draft: draft.without_revision(),
            revisions: Vec::new(),
            texts: VecDeque::new(),
        };
        lineage.saw(draft, text);
        lineage
    }

    /// The text of a save of `draft` (the page's content, without a revision) under `revision`, naming this page's
    /// lineage as its ancestors: what the page writes to local storage.
    pub fn save_text(&self, draft: &Draft, revision: &str) -> String {
        Draft { revision: Some(revision.to_owned()), ancestors: self.revisions.clone(), ..draft.clone() }
            .to_compact_json()
    }

    /// This page wrote `draft` (its content, without a revision) as `text` under `revision`.
    pub fn wrote(&mut self, draft: Draft, revision: String, text: String) {
        self.revisions.insert(0, revision.clone());
        self.revisions.truncate(Lineage::KEPT);
        self.keep_text(revision, text.clone());
        self.draft = draft;
        self.text = text;
    }

    /// What to do with `stored`, the text local storage holds now, given `ours`, this page's draft (without a
    /// revision): nothing when it is what this page last read or wrote (or not a readable draft: this page's
    /// content is then written over it, as before it was opened elsewhere); else the merge of that tab's changes
    /// with this page's ([`Draft::merge`]), when it differs from this page's draft; else `Behind` when storage
    /// lacks some of this page's changes (the other tab saved a version made before them).
    pub fn take_in(&mut self, stored: &str, ours: &Draft) -> TakenIn {
        if self.text == stored {
            return TakenIn::Nothing;
        }
        let Ok(theirs) = Draft::from_json(stored) else { return TakenIn::Nothing };
        let base = self.base_of(&theirs);
        self.saw(&theirs, stored.to_owned());
        let merged = Draft::merge(&base, ours, &theirs);
        if *ours != merged {
            TakenIn::Changed(Box::new(merged))
        } else if merged != theirs.without_revision() {
            TakenIn::Behind
        } else {
            TakenIn::Nothing
        }
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
}

#[cfg(test)]
mod tests;
