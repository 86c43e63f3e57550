//! Keyboard focus: taking the user to a field (from a finding, from 核对与导出, from the error summary), and
//! keeping focus on a control the page has just re-rendered.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

/// The element a field path (or a plain element id) names:
/// - the element with that id (a field's input, the first radio of a question, `findings`, `main`);
/// - else the control that stands for it, marked `data-focus-for` (a whole list, `villages`, is the button that
///   adds to it, 添加村庄);
/// - else the first field inside it (`villages[3]` → `villages[3].name`, `linked_initiatives` → its first box).
fn target(path: &str) -> Option<HtmlElement> {
    let document = web_sys::window()?.document()?;
    let quoted = path.replace('\\', "\\\\").replace('"', "\\\"");
    let element = match document.get_element_by_id(path) {
        Some(element) => element,
        None => {
            document.query_selector(&format!("[data-focus-for=\"{quoted}\"]")).ok().flatten().or_else(|| {
                document.query_selector(&format!("[id^=\"{quoted}.\"], [id^=\"{quoted}[\"]")).ok().flatten()
            })?
        }
    };
    element.dyn_into::<HtmlElement>().ok()
}

/// Moves keyboard focus to the element a field path or id names (see [`target`]) and scrolls it into view with
/// its label or legend: the field's container (`.app-field`, which holds the label, or a question's fieldset and
/// legend) is centred in the window, or its top shown when it is taller than the window.
pub fn focus_element(path: &str) {
    let Some(element) = target(path) else { return };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
    let shown = element.closest(".app-field").ok().flatten().unwrap_or_else(|| element.clone().into());
    let centre = ScrollIntoViewOptions::new();
    centre.set_block(ScrollLogicalPosition::Center);
    shown.scroll_into_view_with_scroll_into_view_options(&centre);
    if shown.get_bounding_client_rect().top() < 0.0 {
        let top = ScrollIntoViewOptions::new();
        top.set_block(ScrollLogicalPosition::Start);
        shown.scroll_into_view_with_scroll_into_view_options(&top);
    }
}

/// Focuses a field (as [`focus_element`]) once the current render has reached the page.
///
/// The element may appear only after the page (or a folded card) has rendered, so this retries for up to a
/// second; if it never appears (a link to a field the draft does not show), the page's heading takes the focus.
pub fn focus_soon(path: String) {
    // A field that never appears (a link to a field this draft does not show): the page's heading instead.
    when_present(path, 40, focus_element, focus_heading_soon);
}

/// Puts focus back on a control the page has just re-rendered or moved (上移 / 下移 moves the item's card, and
/// moving a node drops its focus), or on one that just appeared (确定删除), once the render has reached the page.
/// Scrolls no more than the browser does to show a focused control.
pub fn refocus_soon(id: String) {
    when_present(
        id,
        40,
        |id| {
            if let Some(element) = target(id) {
                let _ = element.focus();
            }
        },
        || {},
    );
}

/// Runs `then` once the element `path` names is in the page: first right after the current render (a microtask,
/// queued after the render's own, so no key press is handled in between: QA met typing that went into a field
/// another one was about to take the focus from), then every 25 ms, `attempts_left` times; else `otherwise`.
fn when_present(path: String, attempts_left: u32, then: fn(&str), otherwise: fn()) {
    wasm_bindgen_futures::spawn_local(async move {
        if target(&path).is_some() {
            then(&path);
        } else {
            retry_when_present(path, attempts_left, then, otherwise);
        }
    });
}

fn retry_when_present(path: String, attempts_left: u32, then: fn(&str), otherwise: fn()) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        if target(&path).is_some() {
            then(&path);
        } else if attempts_left > 0 {
            retry_when_present(path, attempts_left - 1, then, otherwise);
        } else {
            otherwise();
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 25);
    }
}

/// After moving to another page: focuses its heading (`main h1`, made focusable with `tabindex="-1"`), so that the
/// next Tab starts from the new page's content, not from the top of the document, and screen readers announce the
/// page. Retries until the new page has rendered (up to a second); does not scroll, and acts only when focus was
/// lost with the old page (it is on `<body>`), never taking it from where it has been put since.
pub fn focus_heading_soon() {
    heading_when_present(40);
}

fn heading_when_present(attempts_left: u32) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
        // Only where focus was lost with the old page (it is then on <body>): focus already put somewhere (a
        // control of the new page, a header link that stays) is left alone.
        let lost =
            document.active_element().is_none_or(|element| matches!(element.tag_name().as_str(), "BODY" | "MAIN"));
        if !lost {
            return;
        }
        let heading = document
            .query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|element| element.dyn_into::<HtmlElement>().ok());
        match heading {
            Some(heading) => {
                let _ = heading.set_attribute("tabindex", "-1");
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = heading.focus_with_options(&options);
            }
            None if attempts_left > 0 => heading_when_present(attempts_left - 1),
            None => {}
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 25);
    }
}

/// Lets go of keyboard focus (it goes to `<body>`), before moving to another page from a control that may stay on
/// the page (a footer the next step renders again with the same element), so that the new page's heading takes it.
pub fn release_focus() {
    let active = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(element) = active {
        let _ = element.blur();
    }
}

/// The value of `attribute` on the closest element matching `selector` around the focused element, e.g. the id of
/// the drafts-list row (`tr[data-draft-id]`) whose button has the focus; `None` when the focus is elsewhere.
pub fn focused_within(selector: &str, attribute: &str) -> Option<String> {
    web_sys::window()?.document()?.active_element()?.closest(selector).ok()??.get_attribute(attribute)
}

/// The element that has the keyboard focus, unless it is the page itself (`<body>`).
pub fn focused_element() -> Option<HtmlElement> {
    let document = web_sys::window()?.document()?;
    let active = document.active_element()?;
    if document.body().is_some_and(|body| body.is_same_node(Some(&active))) {
        return None;
    }
    active.dyn_into::<HtmlElement>().ok()
}

/// Gives `element` the focus back if a re-render under way takes it away (a keyed list that moves an element
/// makes the browser drop its focus): right after the re-render, in a microtask, before the next key press is
/// handled; and once more after the current task. If the element was replaced rather than moved, the element
/// `fallback` names (a field path, see [`target`]) takes the focus. Acts only while the focus is lost (on
/// `<body>`), never taking it from where it has been put since.
pub fn keep_focus(element: HtmlElement, fallback: Option<String>) {
    let give_back = move || {
        if focused_element().is_some() {
            return;
        }
        if element.is_connected() {
            let _ = element.focus();
        } else if let Some(element) = fallback.as_deref().and_then(target) {
            let _ = element.focus();
        }
    };
    let again = give_back.clone();
    wasm_bindgen_futures::spawn_local(async move { give_back() });
    let callback = wasm_bindgen::closure::Closure::once_into_js(again);
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    }
}
