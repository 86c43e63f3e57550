//! What a user types into a field: the one way the wizard's pages (and a spreadsheet import) change an answer.
//!
//! Text the field's kind cannot read (a malformed amount, an impossible date) is never lost: it is kept in the
//! draft's `pending_inputs` under the field's path, shown back in the field, reported by the `input_format` rule,
//! and the value stays empty until the text is corrected.

use super::Draft;
use crate::catalogue::{FieldRef, InputProblem, clear_inapplicable};

impl Draft {
    /// Writes `text`, as typed into the field's form control, into the field: read by the field's kind
    /// ([`crate::catalogue::Kind::parse`]), then the answers of questions the change hid are dropped. Nothing when
    /// the field's item is gone.
    ///
    /// # Errors
    /// [`InputProblem`] when typed text cannot be read: the text is then kept as the field's pending input and
    /// its value emptied; the change is made all the same.
    pub fn enter(&mut self, field: &FieldRef, text: &str) -> Result<(), InputProblem> {
        let Some(path) = field.path(&self.application) else { return Ok(()) };
        let outcome = match field.field.kind().parse(text) {
            Ok(answer) => {
                field.put(&mut self.application, answer);
                self.pending_inputs.remove(&path);
                Ok(())
            }
            Err(problem) => {
                field.put(&mut self.application, field.field.kind().empty());
                self.pending_inputs.insert(path, text.to_owned());
                Err(problem)
            }
        };
        self.drop_inapplicable_answers();
        outcome
    }

    /// What the field's form control shows: the text typed into it that is not yet valid, else its answer's form
    /// text ([`crate::catalogue::Answer::form_text`]); empty when its item is gone.
    pub fn form_text(&self, field: &FieldRef) -> String {
        let Some(path) = field.path(&self.application) else { return String::new() };
        match self.pending_inputs.get(&path) {
            Some(text) => text.clone(),
            None => field.get(&self.application).map(|answer| answer.form_text()).unwrap_or_default(),
        }
    }
}

impl Draft {
    /// Drops the answers (and pending text) of every question that does not apply to the current answers.
    pub fn drop_inapplicable_answers(&mut self) {
        for path in clear_inapplicable(&mut self.application) {
            self.pending_inputs.remove(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalogue::{Field, FundsField, VillageField};
    use crate::draft::Draft;
    use crate::model::PlanStatus;
    use crate::money::Wan;
    use crate::params::ParameterSet;

    fn draft() -> Draft {
        let mut draft = Draft::new("测试", &ParameterSet::second_batch_2022(), chrono::DateTime::default());
        draft.application = crate::sample::complete();
        draft
    }

    #[test]
    fn unreadable_text_is_kept_and_the_value_emptied_until_corrected() {
        let mut draft = draft();
        let loans = Field::Funds(FundsField::Loans).at();
        assert!(draft.enter(&loans, "12,5").is_err());
        assert_eq!(draft.application.funds.loans, None);
        assert_eq!(draft.form_text(&loans), "12,5");
        assert_eq!(draft.pending_inputs.get("funds.loans").map(String::as_str), Some("12,5"));
        assert_eq!(draft.enter(&loans, "12.5"), Ok(()));
        assert_eq!(draft.application.funds.loans, Some(Wan::new(rust_decimal::Decimal::new(125, 1))));
        assert!(draft.pending_inputs.is_empty());
        assert_eq!(draft.form_text(&loans), "12.5");
    }

    #[test]
    fn a_field_of_an_item_follows_the_item_by_id() {
        let mut draft = draft();
        let id = draft.application.villages[3].id.clone();
        let population = Field::Village(VillageField::Population).of(&id);
        draft.move_item(crate::catalogue::ItemList::Villages, 3, 0);
        assert!(draft.enter(&population, "八百").is_err());
        assert_eq!(draft.pending_inputs.get("villages[0].population").map(String::as_str), Some("八百"));
        assert_eq!(draft.form_text(&population), "八百");
    }

    #[test]
    fn an_answer_that_hides_a_question_drops_its_answer() {
        let mut draft = draft();
        let id = draft.application.villages[0].id.clone();
        draft.application.villages[0].plan.status = Some(PlanStatus::Approved);
        let approved = Field::Village(VillageField::PlanApprovedOn).of(&id);
        assert_eq!(draft.enter(&approved, "2022-06-01"), Ok(()));
        assert_eq!(draft.enter(&Field::Village(VillageField::PlanStatus).of(&id), "in_preparation"), Ok(()));
        assert_eq!(draft.application.villages[0].plan.approved_on, None);
        assert_eq!(draft.form_text(&approved), "");
    }

    #[test]
    fn a_gone_item_is_left_alone() {
        let mut draft = draft();
        let before = draft.clone();
        assert_eq!(draft.enter(&Field::Village(VillageField::Name).of("v999"), "东村"), Ok(()));
        assert_eq!(draft, before);
        assert_eq!(draft.form_text(&Field::Village(VillageField::Name).of("v999")), "");
    }
}
