//! Several bundles at once, as a city or provincial reviewer receives them (a folder of e-mail attachments): the
//! county each bundle is for, named by Shandong's list, and what only shows across bundles.
//!
//! - [`county_shown`]: the county to show beside a bundle's verdict, by the list's name for its county code, with a
//!   note when the names the bundle states differ from the list's (the bundle is signed, but a county can still have
//!   typed 宁津县 beside the code of 平阴县).
//! - [`folder_notes`]: one key fingerprint signing bundles of different counties (同一公钥指纹签署了多个县的申报包),
//!   and one county with more than one bundle (同一县有多个申报包), saying whether their keys and contents differ.
//!
//! Only bundles that verify are compared: what a failing file says about its county or key is not trusted, and it
//! is already reported as failing. Pure functions over [`VerifyReport`]s; the command-line tool and the app print
//! the sentences as they are.

use std::collections::BTreeMap;

use super::verify::VerifyReport;
use crate::bundle::Bundle;
use crate::reference;

/// The county to show beside a bundle's verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountyShown {
    /// City and county, e.g. `济南市平阴县`; marked `（未核验）` for a bundle that fails (see
    /// [`VerifyReport::county_label`]). Empty when the file names no county.
    pub label: String,
    /// For a bundle that verifies: why the label is not what the bundle states (the names it gives do not match the
    /// list's names for its code), or that its code is not in the list.
    pub note: Option<String>,
}

/// The county of one bundle, by Shandong's list for the county code it states.
///
/// A bundle that verifies is shown with the list's city and county names for its code, and a note when the names
/// it states differ (申报包填写的县名「宁津县」与区划代码 370124（平阴县）不符); with a code outside the list, with its
/// own names and a note saying so. A bundle that fails is shown as [`VerifyReport::county_label`] shows it.
pub fn county_shown(report: &VerifyReport) -> CountyShown {
    let Some(bundle) = report.bundle.as_ref().filter(|_| report.is_ok()) else {
        return CountyShown { label: report.county_label().unwrap_or_default(), note: None };
    };
    let applicant = &bundle.application.applicant;
    let (code, city, county) = (applicant.county_code.trim(), applicant.city_name.trim(), applicant.county_name.trim());
    let stated = format!("{city}{county}");
    let Some(listed) = reference::county(code) else {
        let note = if code.is_empty() {
            "申报包没有填写县的区划代码".to_owned()
        } else {
            format!("区划代码 {code} 不在山东省县级区划名单中")
        };
        return CountyShown { label: stated, note: Some(note) };
    };
    let label = format!("{}{}", listed.city_name, listed.county_name);
    let city_differs = !city.is_empty() && city != listed.city_name;
    let county_differs = !county.is_empty() && county != listed.county_name;
    let note = match (city_differs, county_differs) {
        (false, false) => None,
        (false, true) => Some(format!("申报包填写的县名「{county}」与区划代码 {code}（{}）不符", listed.county_name)),
        (true, false) => Some(format!("申报包填写的市名「{city}」与区划代码 {code}（{}）不符", listed.city_name)),
        (true, true) => Some(format!("申报包填写的市县名「{stated}」与区划代码 {code}（{label}）不符")),
    };
    CountyShown { label, note }
}

/// What only shows across the bundles of a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderNote {
    /// Which anomaly.
    pub kind: FolderNoteKind,
    /// The whole note in one Chinese sentence, naming every bundle concerned by its name.
    pub text: String,
    /// Each bundle concerned (its index in the list given to [`folder_notes`]) with a shorter note to show beside
    /// it, naming the others.
    pub bundles: Vec<(usize, String)>,
}

/// The kind of a [`FolderNote`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderNoteKind {
    /// One key fingerprint signed bundles of different counties.
    SharedKey,
    /// One county (by county code) has more than one bundle.
    SameCounty,
}

impl FolderNote {
    /// The note to show beside the bundle at `index`, if this note concerns it.
    pub fn for_bundle(&self, index: usize) -> Option<&str> {
        self.bundles.iter().find(|(i, _)| *i == index).map(|(_, note)| note.as_str())
    }
}

/// The notes across bundles, each given with the name to call it by (its file name). Bundles that fail are left
/// out. Notes come key notes first (by fingerprint), then county notes (by county code); bundles within a note in
/// the order given.
pub fn folder_notes(bundles: &[(&str, &VerifyReport)]) -> Vec<FolderNote> {
    let verified: Vec<Verified<'_>> = bundles
        .iter()
        .enumerate()
        .filter_map(|(index, (name, report))| {
            let bundle = report.bundle.as_ref().filter(|_| report.is_ok())?;
            Some(Verified {
                index,
                name,
                bundle,
                fingerprint: report.fingerprint().unwrap_or_default(),
                county: county_shown(report).label,
                county_key: county_key(bundle),
            })
        })
        .collect();
    let mut notes = Vec::new();
    let mut by_key: BTreeMap<&str, Vec<&Verified<'_>>> = BTreeMap::new();
    for bundle in &verified {
        by_key.entry(bundle.fingerprint.as_str()).or_default().push(bundle);
    }
    notes.extend(by_key.into_iter().filter_map(|(fingerprint, group)| shared_key(fingerprint, &group)));
    let mut by_county: BTreeMap<&str, Vec<&Verified<'_>>> = BTreeMap::new();
    for bundle in &verified {
        by_county.entry(bundle.county_key.as_str()).or_default().push(bundle);
    }
    notes.extend(by_county.into_values().filter_map(|group| same_county(&group)));
    notes
}

/// A bundle that verifies, with what the notes compare.
struct Verified<'a> {
    index: usize,
    name: &'a str,
    bundle: &'a Bundle,
    fingerprint: String,
    county: String,
    county_key: String,
}

/// The county a bundle is for: its county code, or its names when it gives no code.
fn county_key(bundle: &Bundle) -> String {
    let applicant = &bundle.application.applicant;
    match applicant.county_code.trim() {
        "" => format!("{}{}", applicant.city_name.trim(), applicant.county_name.trim()),
        code => code.to_owned(),
    }
}

/// `济南市平阴县（a.json、b.json）`: the bundles of one county within a group.
fn counties_with_files<'a>(group: &[&'a Verified<'a>]) -> Vec<(&'a str, String, Vec<usize>)> {
    let mut counties: Vec<(&str, &str, Vec<&str>, Vec<usize>)> = Vec::new();
    for bundle in group {
        match counties.iter_mut().find(|(key, ..)| *key == bundle.county_key) {
            Some((_, _, names, indices)) => {
                names.push(bundle.name);
                indices.push(bundle.index);
            }
            None => counties.push((&bundle.county_key, &bundle.county, vec![bundle.name], vec![bundle.index])),
        }
    }
    counties
        .into_iter()
        .map(|(_, county, names, indices)| {
            let county = if county.is_empty() { "（未填写县名）" } else { county };
            (county, format!("{county}（{}）", names.join("、")), indices)
        })
        .collect()
}

fn shared_key(fingerprint: &str, group: &[&Verified<'_>]) -> Option<FolderNote> {
    let counties = counties_with_files(group);
    if fingerprint.is_empty() || counties.len() < 2 {
        return None;
    }
    let all: Vec<&str> = counties.iter().map(|(_, text, _)| text.as_str()).collect();
    let text = format!(
        "同一公钥指纹签署了多个县的申报包：公钥指纹 {fingerprint} 签署了{}。各县应使用本县自己的签名密钥，请向有关县核实",
        all.join("、")
    );
    let bundles = counties
        .iter()
        .enumerate()
        .flat_map(|(position, (_, _, indices))| {
            let others: Vec<&str> = counties
                .iter()
                .enumerate()
                .filter(|(other, _)| *other != position)
                .map(|(_, (_, text, _))| text.as_str())
                .collect();
            let note = format!("同一公钥指纹还签署了{}的申报包", others.join("、"));
            indices.iter().map(move |index| (*index, note.clone()))
        })
        .collect();
    Some(FolderNote { kind: FolderNoteKind::SharedKey, text, bundles })
}

fn same_county(group: &[&Verified<'_>]) -> Option<FolderNote> {
    let [first, ..] = group else { return None };
    if group.len() < 2 {
        return None;
    }
    let same_content = |a: &Bundle, b: &Bundle| {
        a.application == b.application && a.justifications == b.justifications && a.attachments == b.attachments
    };
    let same_key = |a: &Verified<'_>, b: &Verified<'_>| a.fingerprint == b.fingerprint;
    // Said pair by pair: with three or more bundles, "the keys differ" of the whole group would hide two that are
    // copies of one submission.
    let compare = |a: &Verified<'_>, b: &Verified<'_>| {
        format!(
            "公钥指纹{}，申报内容{}",
            if same_key(a, b) { "相同" } else { "不同" },
            if same_content(a.bundle, b.bundle) { "相同" } else { "不同" }
        )
    };
    let exported = |bundle: &Verified<'_>| bundle.bundle.created_at.format("%Y-%m-%d %H:%M UTC").to_string();
    let county = if first.county.is_empty() { "（未填写县名）" } else { first.county.as_str() };
    let code = first.bundle.application.applicant.county_code.trim();
    let code = if code.is_empty() { String::new() } else { format!("（{code}）") };
    let all: Vec<String> = group.iter().map(|b| format!("{}（{} 导出）", b.name, exported(b))).collect();
    let comparison = match group {
        [a, b] => compare(a, b),
        _ => {
            // Classes of copies: the same key and the same content.
            let mut classes: Vec<Vec<&Verified<'_>>> = Vec::new();
            for bundle in group {
                match classes.iter_mut().find(|class| {
                    class.first().is_some_and(|c| same_key(c, bundle) && same_content(c.bundle, bundle.bundle))
                }) {
                    Some(class) => class.push(bundle),
                    None => classes.push(vec![bundle]),
                }
            }
            let copies: Vec<String> = classes
                .iter()
                .filter(|class| class.len() > 1)
                .map(|class| {
                    let names: Vec<&str> = class.iter().map(|b| b.name).collect();
                    format!("{} 公钥指纹和申报内容都相同", names.join("、"))
                })
                .collect();
            if copies.is_empty() {
                "没有两个申报包的公钥指纹和申报内容都相同".to_owned()
            } else {
                copies.join("；")
            }
        }
    };
    let text = format!("同一县有多个申报包：{county}{code}有 {} 个：{}；{comparison}", group.len(), all.join("、"));
    let bundles = group
        .iter()
        .map(|bundle| {
            let others: Vec<String> = group
                .iter()
                .filter(|b| b.index != bundle.index)
                .map(|other| format!("{}（{} 导出；{}）", other.name, exported(other), compare(bundle, other)))
                .collect();
            (bundle.index, format!("本县另有申报包 {}", others.join("、")))
        })
        .collect();
    Some(FolderNote { kind: FolderNoteKind::SameCounty, text, bundles })
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::draft::Draft;
    use crate::params::ParameterSet;
    use crate::sample;
    use crate::signing::{BundleKey, sign_bundle, verify_bundle_json};

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("a timestamp")
    }

    /// The sample application (ready to submit) exported at `time`, then made `code`'s county (with the list's
    /// names unless given) and signed by key `seed`, and verified. The change of county is made after export, as
    /// the sample's villages belong to 平阴县; it may make the recheck block, which does not matter here.
    fn report(code: &str, names: Option<(&str, &str)>, seed: u8, time: &str) -> VerifyReport {
        let params = ParameterSet::second_batch_2022();
        let mut draft = Draft::new("测试", &params, at("2022-12-01T08:00:00Z"));
        draft.application = sample::complete();
        let mut bundle = Bundle::of_draft(&draft, &params, Vec::new(), at(time), "0.1.0").expect("ready");
        let listed = reference::county(code).expect("a listed county");
        let applicant = &mut bundle.application.applicant;
        applicant.city_code = listed.city_code.into();
        applicant.county_code = code.into();
        let (city, county) = names.unwrap_or((listed.city_name, listed.county_name));
        (applicant.city_name, applicant.county_name) = (city.into(), county.into());
        let key = BundleKey::from_secret_bytes([seed; 32], at("2022-12-01T08:00:00Z"));
        let report = verify_bundle_json(&sign_bundle(bundle, &key).expect("signed").to_json());
        assert!(report.is_ok(), "{:?}", report.failure);
        report
    }

    #[test]
    fn the_county_is_shown_by_the_list_with_a_note_when_the_bundle_names_another() {
        let matching = report("370124", None, 1, "2022-12-05T09:30:00Z");
        assert_eq!(county_shown(&matching), CountyShown { label: "济南市平阴县".into(), note: None });
        let wrong_county = report("370124", Some(("济南市", "宁津县")), 1, "2022-12-05T09:30:00Z");
        assert_eq!(
            county_shown(&wrong_county),
            CountyShown {
                label: "济南市平阴县".into(),
                note: Some("申报包填写的县名「宁津县」与区划代码 370124（平阴县）不符".into())
            }
        );
        let both = report("370124", Some(("德州市", "宁津县")), 1, "2022-12-05T09:30:00Z");
        assert_eq!(county_shown(&both).label, "济南市平阴县");
        assert_eq!(
            county_shown(&both).note.as_deref(),
            Some("申报包填写的市县名「德州市宁津县」与区划代码 370124（济南市平阴县）不符")
        );
        let city = report("370124", Some(("德州市", "平阴县")), 1, "2022-12-05T09:30:00Z");
        assert_eq!(
            county_shown(&city).note.as_deref(),
            Some("申报包填写的市名「德州市」与区划代码 370124（济南市）不符")
        );
    }

    #[test]
    fn a_failing_bundle_keeps_its_unverified_label() {
        let failing = verify_bundle_json("{\"format\": \"shenbao-draft\"}");
        assert_eq!(county_shown(&failing), CountyShown { label: String::new(), note: None });
        assert!(folder_notes(&[("a.json", &failing), ("b.json", &failing)]).is_empty());
    }

    #[test]
    fn one_key_for_two_counties_is_noted() {
        let pingyin = report("370124", None, 1, "2022-12-05T09:30:00Z");
        let ningjin = report("371422", None, 1, "2022-12-05T10:00:00Z");
        let other = report("371321", None, 2, "2022-12-05T10:00:00Z");
        let notes = folder_notes(&[("a.json", &pingyin), ("b.json", &ningjin), ("c.json", &other)]);
        assert_eq!(notes.len(), 1, "{notes:#?}");
        let note = &notes[0];
        assert_eq!(note.kind, FolderNoteKind::SharedKey);
        let fingerprint = pingyin.fingerprint().expect("a fingerprint");
        assert_eq!(
            note.text,
            format!(
                "同一公钥指纹签署了多个县的申报包：公钥指纹 {fingerprint} 签署了济南市平阴县（a.json）、德州市宁津县（b.json）。各县应使用本县自己的签名密钥，请向有关县核实"
            )
        );
        assert_eq!(note.for_bundle(0), Some("同一公钥指纹还签署了德州市宁津县（b.json）的申报包"));
        assert_eq!(note.for_bundle(1), Some("同一公钥指纹还签署了济南市平阴县（a.json）的申报包"));
        assert_eq!(note.for_bundle(2), None);
    }

    #[test]
    fn one_county_with_two_bundles_is_noted_with_what_differs() {
        let first = report("370124", None, 1, "2022-12-05T09:30:00Z");
        let again = report("370124", None, 1, "2022-12-06T09:30:00Z");
        let notes = folder_notes(&[("a.json", &first), ("b.json", &again)]);
        assert_eq!(notes.len(), 1, "{notes:#?}");
        assert_eq!(notes[0].kind, FolderNoteKind::SameCounty);
        assert_eq!(
            notes[0].text,
            "同一县有多个申报包：济南市平阴县（370124）有 2 个：a.json（2022-12-05 09:30 UTC 导出）、b.json（2022-12-06 09:30 UTC 导出）；公钥指纹相同，申报内容相同"
        );
        assert_eq!(
            notes[0].for_bundle(0),
            Some("本县另有申报包 b.json（2022-12-06 09:30 UTC 导出；公钥指纹相同，申报内容相同）")
        );

        let renamed = report("370124", Some(("济南市", "宁津县")), 2, "2022-12-06T09:30:00Z");
        let notes = folder_notes(&[("a.json", &first), ("b.json", &renamed)]);
        assert_eq!(notes.len(), 1, "the same county by code, one key each: {notes:#?}");
        assert!(notes[0].text.ends_with("；公钥指纹不同，申报内容不同"), "{}", notes[0].text);
        assert!(notes[0].text.starts_with("同一县有多个申报包：济南市平阴县（370124）有 2 个"), "{}", notes[0].text);
    }

    #[test]
    fn three_bundles_of_one_county_are_compared_pair_by_pair() {
        // QA: a and e are copies (same key, same content), d another key; the note said "keys differ" of all three.
        let a = report("370124", None, 1, "2022-12-05T09:30:00Z");
        let e = report("370124", None, 1, "2022-12-05T09:30:00Z");
        let d = report("370124", None, 2, "2022-12-06T09:30:00Z");
        let notes = folder_notes(&[("a.json", &a), ("e.json", &e), ("d.json", &d)]);
        let note = notes.iter().find(|n| n.kind == FolderNoteKind::SameCounty).expect("a county note");
        assert!(note.text.ends_with("；a.json、e.json 公钥指纹和申报内容都相同"), "{}", note.text);
        let for_a = note.for_bundle(0).unwrap_or_default();
        assert!(for_a.contains("e.json（2022-12-05 09:30 UTC 导出；公钥指纹相同，申报内容相同）"), "{for_a}");
        assert!(for_a.contains("d.json（2022-12-06 09:30 UTC 导出；公钥指纹不同"), "{for_a}");
    }

    #[test]
    fn one_bundle_per_county_and_key_gives_no_note() {
        let pingyin = report("370124", None, 1, "2022-12-05T09:30:00Z");
        let ningjin = report("371422", None, 2, "2022-12-05T10:00:00Z");
        assert!(folder_notes(&[("a.json", &pingyin), ("b.json", &ningjin)]).is_empty());
        assert!(folder_notes(&[]).is_empty());
    }
}
