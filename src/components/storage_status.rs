//! 本机存储: whether the browser has promised to keep this app's data, how much room the drafts take and how much
//! is left, whether the app opens offline, and a reminder to download backups. [`StorageStatus`] is the panel of
//! 密钥与存储; [`StorageWarning`] is its one-line form for the start page, shown only when space runs low.
//!
//! The app asks for persistent storage (`navigator.storage.persist()`) by itself once per visit as soon as this
//! browser holds a draft, and again when the user presses the panel's button.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;

use crate::browser::{self, StorageEstimate};
use crate::store;

/// Local storage has its own cap per site however much `estimate()` reports: 5 Mi UTF-16 code units of keys and
/// values, Chinese or not (measured in Chromium 156 and Firefox ESR 153, docs/offline.md). Browsers call it "5 MB",
/// and so do we: sizes shown against it are in code units, half of [`browser::local_storage_bytes`].
pub const LOCAL_STORAGE_CAP: u64 = 5 * 1024 * 1024;
/// Warn when local storage is four fifths full.
const LOCAL_STORAGE_WARN: u64 = LOCAL_STORAGE_CAP / 5 * 4;
/// Warn when the browser would give the site less than this (the disk is nearly full).
const FREE_SPACE_WARN: u64 = 50 * 1024 * 1024;

static ASKED_THIS_VISIT: AtomicBool = AtomicBool::new(false);

/// What the browser says about the app's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageReport {
    /// `persisted()`: `None` when the browser does not tell.
    pub persisted: Option<bool>,
    /// Size of this app's keys in local storage, in UTF-16 code units (what the cap counts).
    pub app_units: u64,
    /// Size of every key of this origin in local storage, the app's and others' (from `file://`, Chromium gives
    /// every local file one shared storage): the cap applies to all of them together.
    pub origin_units: u64,
    /// `estimate()`, when the browser gives one.
    pub estimate: Option<StorageEstimate>,
    /// A service worker is active; `None` where there is none (file, single file, private mode).
    pub offline: Option<bool>,
}

/// Why space is low.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LowSpace {
    /// The drafts are near the local-storage cap.
    LocalStorage,
    /// The disk is nearly full.
    Disk,
}

impl StorageReport {
    /// Asks the browser.
    pub async fn read() -> StorageReport {
        StorageReport {
            persisted: browser::storage_persisted().await,
            app_units: browser::local_storage_bytes(store::KEY_PREFIX) / 2,
            origin_units: browser::local_storage_bytes("") / 2,
            estimate: browser::storage_estimate().await,
            offline: browser::offline_ready().await,
        }
    }

    /// Whether to warn, and why.
    pub fn low_space(&self) -> Option<LowSpace> {
        if self.origin_units >= LOCAL_STORAGE_WARN {
            Some(LowSpace::LocalStorage)
        } else if self.estimate.is_some_and(|e| e.quota.saturating_sub(e.usage) < FREE_SPACE_WARN) {
            Some(LowSpace::Disk)
        } else {
            None
        }
    }
}

/// Whether to ask for persistent storage by itself now: once per visit, when this browser holds a draft and it is
/// not granted yet. Asking is not awaited before showing the rest: Firefox asks the user, who may take a while.
async fn should_ask() -> bool {
    !store::draft_ids().is_empty()
        && browser::storage_persisted().await == Some(false)
        && !ASKED_THIS_VISIT.swap(true, Ordering::Relaxed)
}

/// Reads the report, asks for persistent storage when [`should_ask`], and reads it again once the browser answers.
fn read_and_ask(report: RwSignal<Option<StorageReport>>, asking: RwSignal<bool>) {
    leptos::task::spawn_local(async move {
        let first = StorageReport::read().await;
        if first.offline == Some(false) {
            // On a first visit the worker is still caching the app: say so, then report when it is done.
            leptos::task::spawn_local(async move {
                browser::until_offline_ready().await;
                let _ = report.try_set(Some(StorageReport::read().await));
            });
        }
        let _ = report.try_set(Some(first));
        if should_ask().await {
            let _ = asking.try_set(true);
            let _ = browser::request_persistent_storage().await;
            let _ = asking.try_set(false);
            let _ = report.try_set(Some(StorageReport::read().await));
        }
    });
}

/// A byte count as `12.3 KB`, `4.0 MB`, `118.5 GB` (binary units, one decimal, no floating point).
pub fn format_bytes(bytes: u64) -> String {
    const KIB: u64 = 1024;
    let (unit, name) = match bytes {
        b if b >= KIB * KIB * KIB => (KIB * KIB * KIB, "GB"),
        b if b >= KIB * KIB => (KIB * KIB, "MB"),
        _ => (KIB, "KB"),
    };
    let tenths = bytes.saturating_mul(10) / unit;
    format!("{}.{} {name}", tenths / 10, tenths % 10)
}

/// What the used space mostly is, in brackets. The web app keeps its program files there for offline use (a service
/// worker, `offline` is `Some`); opened from a file (the single file, or `dist/` from disk) there is no such copy,
/// and every page opened from a file on this computer shares the space; in private mode there is neither to say.
fn usage_note(offline: Option<bool>) -> &'static str {
    match offline {
        Some(_) => "（主要是离线使用所需的程序文件）",
        None if browser::is_single_file() || browser::is_file_page() => {
            "（从本机文件打开的网页共用这块空间；本工具直接从文件运行，不在浏览器中另存程序文件）"
        }
        None => "",
    }
}

/// The warning for low space, or nothing.
#[component]
fn LowSpaceWarning(
    /// The latest report.
    report: Signal<Option<StorageReport>>,
) -> impl IntoView {
    move || {
        report.get().and_then(|report| {
            let text = match report.low_space()? {
                LowSpace::LocalStorage => format!(
                    "存储空间即将用完：本网站在浏览器本地存储中已占用 {}（其中草稿 {}），而浏览器通常只允许每个网站在本地存储中保存约 5 MB。\
                     请立即下载草稿备份，并删除不再需要的草稿，否则新的修改可能无法保存。",
                    format_bytes(report.origin_units),
                    format_bytes(report.app_units)
                ),
                LowSpace::Disk => format!(
                    "存储空间即将用完：浏览器只能再为本网站提供约 {}，本机磁盘快满了。请立即下载草稿备份，并清理磁盘空间。",
                    format_bytes(report.estimate.map(|e| e.quota.saturating_sub(e.usage)).unwrap_or_default())
                ),
            };
            Some(view! { <p class="app-banner app-banner--warning app-storage-status__low" id="storage-low" role="alert">{text}</p> })
        })
    }
}

/// The start page's storage warning: nothing unless space is low. Also asks for persistent storage once per visit
/// when this browser holds a draft.
#[component]
pub fn StorageWarning() -> impl IntoView {
    let report = RwSignal::new(None::<StorageReport>);
    read_and_ask(report, RwSignal::new(false));
    view! { <LowSpaceWarning report=report.into() /> }
}

/// The 本机存储 panel of 密钥与存储.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let report = RwSignal::new(None::<StorageReport>);
    let asking = RwSignal::new(false);
    read_and_ask(report, asking);
    let request = move |_| {
        asking.set(true);
        leptos::task::spawn_local(async move {
            let _ = browser::request_persistent_storage().await;
            let _ = asking.try_set(false);
            let _ = report.try_set(Some(StorageReport::read().await));
        });
    };
    let not_backed_up = store::summaries(crate::state::params()).iter().filter(|s| s.needs_backup).count();
    let persisted = move || report.with(|r| r.as_ref().map(|r| r.persisted));
    let persisted_key = move || match persisted() {
        Some(Some(true)) => "true",
        Some(Some(false)) => "false",
        Some(None) => "unknown",
        None => "",
    };
    let persisted_text = move || match (persisted(), asking.get()) {
        (_, true) => "正在向浏览器申请……Firefox 会在地址栏下方询问您是否允许，请选择“允许”。",
        (None, false) => "正在读取……",
        (Some(Some(true)), false) => "已获准：磁盘空间紧张时，浏览器也不会自动清除本工具保存的草稿。",
        (Some(Some(false)), false) => "未获准：磁盘空间紧张时，浏览器可能自动清除本工具保存的草稿。",
        (Some(None), false) => "本浏览器不支持持久保存（或在当前模式下不允许），请更勤地下载草稿备份。",
    };
    let app_bytes = move || report.with(|r| r.as_ref().map(|r| format_bytes(r.app_units)).unwrap_or_default());
    let estimate = move || {
        report.with(|r| match r.as_ref().map(|r| r.estimate) {
            None => String::new(),
            Some(None) => "浏览器没有提供此信息。".to_owned(),
            Some(Some(e)) => format!(
                "已用 {}{}，还可使用约 {}。",
                format_bytes(e.usage),
                usage_note(r.as_ref().and_then(|r| r.offline)),
                format_bytes(e.quota.saturating_sub(e.usage))
            ),
        })
    };
    let offline_key = move || {
        report.with(|r| match r.as_ref().map(|r| r.offline) {
            Some(Some(true)) => "ready",
            Some(Some(false)) => "not-ready",
            Some(None) if browser::is_single_file() => "single-file",
            Some(None) => "unavailable",
            None => "",
        })
    };
    let offline_text = move || match offline_key() {
        "ready" => "已就绪：本工具已保存在本机，断网时也能打开和使用。",
        "not-ready" => "尚未就绪：请在联网时打开本页面，稍等片刻后再查看。",
        "single-file" => "单文件版：直接双击打开这个文件即可使用，不需要网络。",
        "unavailable" => "本浏览器在当前模式下（例如隐私模式，或直接打开的文件）不能离线保存本工具。",
        _ => "正在读取……",
    };
    view! {
        <section class="app-panel app-storage-status" id="storage-status" aria-labelledby="storage-status-title">
            <h2 class="app-heading app-heading--m" id="storage-status-title">"本机存储"</h2>
            <LowSpaceWarning report=report.into() />
            <dl class="app-summary">
                <div class="app-summary__row">
                    <dt class="app-summary__key">"持久保存"</dt>
                    <dd class="app-summary__value" id="storage-persisted" data-persisted=persisted_key>{persisted_text}</dd>
                    <dd class="app-summary__actions">
                        <Show when=move || persisted() == Some(Some(false))>
                            <button type="button" class="app-link-button" id="request-persist" disabled=move || asking.get() on:click=request>
                                "申请持久保存"
                            </button>
                        </Show>
                    </dd>
                </div>
                <div class="app-summary__row">
                    <dt class="app-summary__key">"草稿占用"</dt>
                    <dd class="app-summary__value" id="storage-app-bytes">
                        {app_bytes}
                        <span class="app-storage-status__note">
                            "草稿保存在浏览器的“本地存储”中。无论下面显示的可用空间有多大，浏览器只允许每个网站在本地存储中保存约 5 MB。"
                            "一份普通草稿约占 10–20 KB，含上百个项目的大型草稿约 200 KB。"
                        </span>
                    </dd>
                    <dd class="app-summary__actions"></dd>
                </div>
                <div class="app-summary__row">
                    <dt class="app-summary__key">"浏览器存储空间"</dt>
                    <dd class="app-summary__value" id="storage-estimate">{estimate}</dd>
                    <dd class="app-summary__actions"></dd>
                </div>
                <div class="app-summary__row">
                    <dt class="app-summary__key">"离线使用"</dt>
                    <dd class="app-summary__value" id="storage-offline" data-offline=offline_key>{offline_text}</dd>
                    <dd class="app-summary__actions"></dd>
                </div>
            </dl>
            <p class="app-storage-status__backup" id="storage-backup-reminder">
                "草稿只保存在本机浏览器中。即使已获准持久保存，更换电脑、重装系统或清理浏览器数据仍会丢失草稿。"
                "请在"<a href="#/">"我的草稿"</a>"中定期“下载”每份草稿作为备份。"
                {(not_backed_up > 0).then(|| format!("目前有 {not_backed_up} 份草稿自上次下载备份后有修改。"))}
            </p>
        </section>
    }
}
