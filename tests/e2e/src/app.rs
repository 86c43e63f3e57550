//! Steps a user takes in the app, shared by the browser tests.

use std::path::Path;

use crate::{Session, TestResult};

/// The CSS selector of a form field by its path (the input's id), e.g. `villages[0].name`.
pub fn field(path: &str) -> String {
    format!("[id=\"{path}\"]")
}

/// The CSS selector of one radio of a question.
pub fn radio(path: &str, value: &str) -> String {
    format!("input[type=radio][name=\"{path}\"][value=\"{value}\"]")
}

/// The CSS selector of a finding of a rule in the findings panel.
pub fn finding(rule: &str) -> String {
    format!("#findings [data-rule=\"{rule}\"]")
}

impl Session {
    /// Creates a draft from the start page and returns its id (the task list is then shown).
    ///
    /// # Errors
    /// When the start page or the task list does not behave.
    pub async fn create_draft(
        &self,
        origin: &str,
        name: &str,
    ) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
        self.open(&format!("{origin}/#/")).await?;
        self.type_into("#new-draft-name", name).await?;
        self.click("#create-draft").await?;
        self.wait_for("#progress").await?;
        self.current_draft_id().await
    }

    /// Imports a draft file from the start page and returns the new draft's id.
    ///
    /// # Errors
    /// When the import fails.
    pub async fn import_draft(
        &self,
        origin: &str,
        file: &Path,
    ) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
        self.open(&format!("{origin}/#/")).await?;
        self.upload("#import-file", file).await?;
        self.wait_for("#progress").await?;
        self.current_draft_id().await
    }

    /// The id of the draft in the current location (`#/drafts/<id>...`).
    ///
    /// # Errors
    /// When the location is not a draft's.
    pub async fn current_draft_id(&self) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
        let hash = self.eval("return location.hash").await?;
        let hash = hash.as_str().unwrap_or_default();
        hash.strip_prefix("#/drafts/")
            .map(|rest| rest.split(['/', '?']).next().unwrap_or_default().to_owned())
            .ok_or_else(|| format!("not on a draft page: {hash}").into())
    }

    /// Opens a step of a draft by its route and waits for its heading.
    ///
    /// # Errors
    /// When the page does not appear.
    pub async fn go_to_step(&self, origin: &str, id: &str, step: &str) -> TestResult {
        self.client().goto(&format!("{origin}/#/drafts/{id}/{step}")).await?;
        self.wait_for(".app-layout__content h1").await?;
        Ok(())
    }

    /// Types into the field with this path (clearing it first).
    ///
    /// # Errors
    /// When the field is missing.
    pub async fn fill(&self, path: &str, text: &str) -> TestResult {
        self.type_into(&field(path), text).await
    }

    /// Chooses a radio answer.
    ///
    /// # Errors
    /// When the radio is missing.
    pub async fn choose(&self, path: &str, value: &str) -> TestResult {
        self.click(&radio(path, value)).await
    }

    /// Chooses an option of a select field.
    ///
    /// # Errors
    /// When the select or option is missing.
    pub async fn pick(&self, path: &str, value: &str) -> TestResult {
        self.select(&field(path), value).await
    }

    /// The stored draft's JSON, read back from local storage once pending saves are done.
    ///
    /// # Errors
    /// When it is not there or not JSON.
    pub async fn stored_draft(&self, id: &str) -> Result<serde_json::Value, Box<dyn std::error::Error + Send + Sync>> {
        // The app saves right after the frame that shows a change and says so (`data-save-state`): wait until no
        // save is pending. Polled, not tied to a frame: a background tab paints nothing.
        self.client()
            .execute_async(
                "const done = arguments[0];
                 const settled = () => document.querySelector('[data-save-state=pending]') ? setTimeout(settled, 10) : done();
                 settled();",
                vec![],
            )
            .await?;
        let text = self.eval(&format!("return localStorage.getItem('shenbao.draft.{id}')")).await?;
        let text = text.as_str().ok_or("the draft is not in local storage")?;
        Ok(serde_json::from_str(text)?)
    }

    /// Saves a screenshot to `$SHENBAO_SCREENSHOTS/<name>-<browser>.png` when that variable is set.
    ///
    /// # Errors
    /// When the screenshot cannot be written.
    pub async fn screenshot(&self, name: &str) -> TestResult {
        if let Some(dir) = std::env::var_os("SHENBAO_SCREENSHOTS") {
            let png = self.client().screenshot().await?;
            std::fs::create_dir_all(&dir)?;
            std::fs::write(Path::new(&dir).join(format!("{name}-{:?}.png", self.browser)), png)?;
        }
        Ok(())
    }
}

/// The passphrase the browser tests give key files.
pub const KEY_PASSPHRASE: &str = "平阴县乡村振兴局2022年";

impl Session {
    /// On 密钥与存储: 导出密钥文件 with `passphrase` typed twice, and the downloaded key file's path.
    ///
    /// # Errors
    /// When the form or the download does not come.
    pub async fn export_key_file(
        &self,
        passphrase: &str,
    ) -> Result<std::path::PathBuf, Box<dyn std::error::Error + Send + Sync>> {
        self.click("#export-key").await?;
        self.type_into("#key-passphrase", passphrase).await?;
        self.type_into("#key-passphrase-again", passphrase).await?;
        self.click("#confirm-export-key").await?;
        self.wait_for_text("#key-message", "已下载加密的密钥文件").await?;
        self.downloaded(".key").await
    }

    /// On 密钥与存储: picks a key file and, for an encrypted one, types `passphrase` and 解密并导入.
    ///
    /// # Errors
    /// When the passphrase question does not come.
    pub async fn import_key_file(&self, file: &Path, passphrase: &str) -> TestResult {
        self.upload("#import-key", file).await?;
        self.type_into("#import-passphrase", passphrase).await?;
        self.click("#confirm-import-key").await
    }

    /// The signing key record in the browser's key store (IndexedDB `shenbao-keys`), tried with
    /// `crypto.subtle.exportKey`: `{found, extractable, exported, error}`.
    ///
    /// # Errors
    /// When the script fails.
    pub async fn stored_crypto_key(&self) -> Result<serde_json::Value, Box<dyn std::error::Error + Send + Sync>> {
        Ok(self
            .client()
            .execute_async(
                "const done = arguments[0];
                 const open = indexedDB.open('shenbao-keys');
                 open.onerror = () => done({found: false, error: 'open'});
                 open.onsuccess = () => {
                   const db = open.result;
                   if (!db.objectStoreNames.contains('keys')) { db.close(); done({found: false}); return; }
                   const get = db.transaction('keys').objectStore('keys').get('signing-key');
                   get.onsuccess = async () => {
                     const record = get.result;
                     db.close();
                     if (!record) { done({found: false}); return; }
                     const key = record.private;
                     let exported = null, error = null;
                     try { exported = [...new Uint8Array(await crypto.subtle.exportKey('pkcs8', key))]; }
                     catch (e) { error = e.name; }
                     done({found: true, type: key.type, extractable: key.extractable, usages: key.usages,
                           exported, error});
                   };
                 };",
                vec![],
            )
            .await?)
    }
}
