//! Hash routes (`#/drafts/d1/funds`): they work from a web server, from the service worker's cache and from a
//! single HTML file opened with `file://`, and the browser's Back and Forward move between them.

use leptos::prelude::*;
use shenbao_core::rules::Step;

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// 草稿列表 and the start page.
    Home,
    /// The task list of a draft.
    Tasks(String),
    /// One step of a draft.
    Step(String, Step),
    /// 核对与导出.
    Review(String),
    /// 核验申报包.
    Verify,
    /// 签名密钥与存储.
    Settings,
    /// Anything else.
    NotFound,
}

impl Route {
    /// Reads a location hash (without `#`), e.g. `/drafts/d1/funds?focus=funds.loans`; returns the route and the
    /// field to focus, if any.
    pub fn parse(hash: &str) -> (Route, Option<String>) {
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let focus = query.split('&').find_map(|pair| pair.strip_prefix("focus=")).map(decode);
        let parts: Vec<&str> = path.trim_matches('/').split('/').filter(|p| !p.is_empty()).collect();
        let route = match parts.as_slice() {
            [] => Route::Home,
            ["verify"] => Route::Verify,
            ["settings"] => Route::Settings,
            ["drafts", id] => Route::Tasks((*id).to_owned()),
            ["drafts", id, "review"] => Route::Review((*id).to_owned()),
            ["drafts", id, step] => match Step::from_key(step) {
                Some(step) => Route::Step((*id).to_owned(), step),
                None => Route::NotFound,
            },
            _ => Route::NotFound,
        };
        (route, focus)
    }

    /// The `href` of the route.
    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".into(),
            Route::Tasks(id) => format!("#/drafts/{id}"),
            Route::Step(id, step) => format!("#/drafts/{id}/{}", step.key()),
            Route::Review(id) => format!("#/drafts/{id}/review"),
            Route::Verify => "#/verify".into(),
            Route::Settings => "#/settings".into(),
        }
    }

    /// The draft a route belongs to.
    pub fn draft_id(&self) -> Option<&str> {
        match self {
            Route::Tasks(id) | Route::Step(id, _) | Route::Review(id) => Some(id),
            _ => None,
        }
    }
}

/// The `href` that opens a step and focuses one of its fields.
pub fn field_href(draft_id: &str, step: Step, field: &str) -> String {
    format!("#/drafts/{draft_id}/{}?focus={}", step.key(), encode(field))
}

fn encode(text: &str) -> String {
    String::from(js_sys::encode_uri_component(text))
}

fn decode(text: &str) -> String {
    js_sys::decode_uri_component(text).map(String::from).unwrap_or_else(|_| text.to_owned())
}

/// The current route and the field to focus, following `hashchange`.
#[derive(Debug, Clone, Copy)]
pub struct Router {
    /// The page.
    pub route: RwSignal<Route>,
    /// A field to focus once the page is shown.
    pub focus: RwSignal<Option<String>>,
}

impl Router {
    /// The click handler of a link to a field (`field_href`). Following a link to where the page already is fires
    /// no `hashchange`, so the field is focused here instead; other links navigate as usual.
    pub fn field_link_click(self, href: String) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
        move |event| {
            if format!("#{}", crate::browser::location_hash()) != href {
                return;
            }
            event.prevent_default();
            if let (_, Some(field)) = Route::parse(href.trim_start_matches('#')) {
                self.focus.set(Some(field.clone()));
                crate::browser::focus_soon(field);
            }
        }
    }

    /// Starts following the location hash.
    pub fn start() -> Router {
        let (route, focus) = Route::parse(&crate::browser::location_hash());
        let router = Router { route: RwSignal::new(route), focus: RwSignal::new(focus) };
        // The app lives as long as the page, so the listener is never removed.
        let _listener = window_event_listener(leptos::ev::hashchange, move |_| {
            let (route, focus) = Route::parse(&crate::browser::location_hash());
            let moved = router.route.get_untracked() != route;
            if moved {
                router.route.set(route);
            }
            router.focus.set(focus.clone());
            match focus {
                Some(field) => crate::browser::focus_soon(field),
                None if moved => {
                    crate::browser::scroll_to_top();
                    crate::browser::focus_heading_soon();
                }
                None => {}
            }
        });
        router
    }
}
