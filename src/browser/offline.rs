//! Working offline: the service worker (registration, updates) and the storage manager (persistence, estimates).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::page::{is_file_page, is_single_file};

/// The page's service worker container, when this page may have a worker: served over HTTP(S) (never from
/// `file://`), not the single file, and a browser that offers service workers here (not private mode).
fn service_worker_container() -> Option<web_sys::ServiceWorkerContainer> {
    if is_file_page() || is_single_file() {
        return None;
    }
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    if present.is_undefined() || present.is_null() {
        return None;
    }
    Some(navigator.service_worker())
}

/// Registers the service worker (`./sw.js`, so the app also works under a sub-path) and calls `on_update_ready`
/// whenever a new version has been installed completely and is waiting for the user. Checks for a new version now,
/// when the browser comes back online, and every hour. Does nothing from `file://` or in the single file.
pub fn start_service_worker(on_update_ready: impl Fn() + 'static) {
    let Some(container) = service_worker_container() else { return };
    let on_update_ready: std::rc::Rc<dyn Fn()> = std::rc::Rc::new(on_update_ready);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else { return };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        // A version installed during an earlier visit may be waiting already, or one may be installing now.
        if registration.waiting().is_some() && container.controller().is_some() {
            on_update_ready();
        }
        if let Some(installing) = registration.installing() {
            notify_when_installed(&installing, &container, &on_update_ready);
        }
        let on_update_found = {
            let registration = registration.clone();
            wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                if let Some(installing) = registration.installing() {
                    notify_when_installed(&installing, &container, &on_update_ready);
                }
            })
        };
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        // The page lives as long as the registration: these handlers are never removed.
        on_update_found.forget();
        check_for_update(&registration);
        let Some(window) = web_sys::window() else { return };
        let on_online = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || check_for_update(&registration));
        let _ = window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        let _ = window
            .set_interval_with_callback_and_timeout_and_arguments_0(on_online.as_ref().unchecked_ref(), 3_600_000);
        on_online.forget();
    });
}

/// Calls `on_update_ready` when an installing worker reaches "installed" while a page is controlled: an update.
/// (Without a controller it is the first install, which becomes active by itself.)
fn notify_when_installed(
    worker: &web_sys::ServiceWorker,
    container: &web_sys::ServiceWorkerContainer,
    on_update_ready: &std::rc::Rc<dyn Fn()>,
) {
    let (installing, container, on_update_ready) = (worker.clone(), container.clone(), on_update_ready.clone());
    let on_state_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if installing.state() == web_sys::ServiceWorkerState::Installed && container.controller().is_some() {
            on_update_ready();
        }
    });
    worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
    on_state_change.forget();
}

/// Asks the server for a new version; offline, the check fails quietly and the installed version goes on working.
fn check_for_update(registration: &web_sys::ServiceWorkerRegistration) {
    if let Ok(promise) = registration.update() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Lets the waiting version take over, then reloads the page once it has. Drafts are in local storage and are
/// not touched; an open draft has already been saved on every change.
pub fn apply_update() {
    let Some(container) = service_worker_container() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let waiting = JsFuture::from(container.get_registration())
            .await
            .ok()
            .and_then(|registration| registration.dyn_into::<web_sys::ServiceWorkerRegistration>().ok())
            .and_then(|registration| registration.waiting());
        let reload = || {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        };
        let Some(waiting) = waiting else {
            // Another tab has applied it already: this page only needs to load the new version.
            reload();
            return;
        };
        let on_controller_change = wasm_bindgen::closure::Closure::once_into_js(reload);
        container.set_oncontrollerchange(Some(on_controller_change.unchecked_ref()));
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str("type"), &JsValue::from_str("SKIP_WAITING"));
        let _ = waiting.post_message(&message);
        // Should the new version never take over (replaced meanwhile by a newer one), reload all the same: the
        // version in charge then loads, and a waiting one is announced again.
        if let Some(window) = web_sys::window() {
            let fallback = wasm_bindgen::closure::Closure::once_into_js(reload);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 10_000);
        }
    });
}

/// Whether the app would open with no network: a service worker of this app is active. `None` where there is no
/// worker (`file://`, the single file, private mode).
pub async fn offline_ready() -> Option<bool> {
    let container = service_worker_container()?;
    let registration = JsFuture::from(container.get_registration()).await.ok()?;
    Some(registration.dyn_into::<web_sys::ServiceWorkerRegistration>().ok().and_then(|r| r.active()).is_some())
}

/// Resolves once a service worker of this app is active (at once if it is already); never where there is none.
pub async fn until_offline_ready() {
    if let Some(ready) = service_worker_container().and_then(|container| container.ready().ok()) {
        let _ = JsFuture::from(ready).await;
    }
}

/// What the browser says about this site's storage (`navigator.storage.estimate()`), in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageEstimate {
    /// Bytes used by this site in every kind of storage (caches included).
    pub usage: u64,
    /// Bytes the browser would let this site use in all, mostly a share of the free disk space.
    pub quota: u64,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if present.is_undefined() || present.is_null() {
        return None;
    }
    Some(navigator.storage())
}

/// `navigator.storage.estimate()`; `None` when the browser does not tell.
pub async fn storage_estimate() -> Option<StorageEstimate> {
    let estimate = JsFuture::from(storage_manager()?.estimate().ok()?).await.ok()?;
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    // Whole bytes, reported as JS numbers; the casts saturate and drop nothing that matters.
    Some(StorageEstimate { usage: estimate.get_usage()? as u64, quota: estimate.get_quota()? as u64 })
}

/// `navigator.storage.persisted()`: whether the browser has promised not to clear this site's data when the disk
/// runs low. `None` when the browser does not tell.
pub async fn storage_persisted() -> Option<bool> {
    JsFuture::from(storage_manager()?.persisted().ok()?).await.ok()?.as_bool()
}

/// `navigator.storage.persist()`: asks for that promise. Chromium decides by itself (a bookmarked or installed
/// app, a much-used site); Firefox asks the user. `None` when the browser refuses to answer.
pub async fn request_persistent_storage() -> Option<bool> {
    JsFuture::from(storage_manager()?.persist().ok()?).await.ok()?.as_bool()
}
