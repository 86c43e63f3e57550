//! The lists of an application whose items have ids: villages, featured industries, projects, sector fund lines.

use super::Field;
use crate::finding::Step;
use crate::model::Application;

/// The lists of an application whose items the user adds, removes and reorders; each item has a stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemList {
    /// `application.villages`
    Villages,
    /// `application.industries`
    Industries,
    /// `application.projects`
    Projects,
    /// `application.funds.sector_funds`
    SectorFunds,
}

impl ItemList {
    /// Every list whose items have ids.
    pub const ALL: [ItemList; 4] =
        [ItemList::Villages, ItemList::Industries, ItemList::Projects, ItemList::SectorFunds];

    /// The field path of the list, e.g. `"funds.sector_funds"`.
    pub fn path(self) -> &'static str {
        match self {
            ItemList::Villages => "villages",
            ItemList::Industries => "industries",
            ItemList::Projects => "projects",
            ItemList::SectorFunds => "funds.sector_funds",
        }
    }

    /// The prefix of item ids, e.g. `v` for `v12`.
    pub fn id_prefix(self) -> &'static str {
        match self {
            ItemList::Villages => "v",
            ItemList::Industries => "i",
            ItemList::Projects => "p",
            ItemList::SectorFunds => "s",
        }
    }

    /// The wizard step the list is on.
    pub fn step(self) -> Step {
        match self {
            ItemList::Villages => Step::Villages,
            ItemList::Industries => Step::Industries,
            ItemList::Projects => Step::Projects,
            ItemList::SectorFunds => Step::Funds,
        }
    }

    /// The fields of each item, in the form's order.
    pub fn fields(self) -> Vec<Field> {
        Field::all().into_iter().filter(|field| field.list() == Some(self)).collect()
    }

    /// The ids of the list's items in `application`, in order.
    pub fn ids(self, application: &Application) -> Vec<&str> {
        match self {
            ItemList::Villages => application.villages.iter().map(|v| v.id.as_str()).collect(),
            ItemList::Industries => application.industries.iter().map(|i| i.id.as_str()).collect(),
            ItemList::Projects => application.projects.iter().map(|p| p.id.as_str()).collect(),
            ItemList::SectorFunds => application.funds.sector_funds.iter().map(|s| s.id.as_str()).collect(),
        }
    }

    /// The position of the item with this id, if the list has it.
    pub fn position(self, application: &Application, id: &str) -> Option<usize> {
        self.ids(application).iter().position(|other| *other == id)
    }
}
