//! `shenbao check FILE [--json]`: reads a draft or a signed bundle, runs every rule of the notice on it and prints
//! the findings grouped by wizard step, the figures and whether it can be submitted. Signatures are not verified
//! here (`shenbao verify` does that). Exit codes: 0 可以提交, 1 尚不能提交 (a finding blocks, or a warning has no
//! justification), 2 the file cannot be read; the message on stderr says where.
//!
//! Names and messages hold text from the file; they are printed through [`crate::safe_text::for_terminal`].

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use shenbao_core::Wan;
use shenbao_core::check::{Check, FileKind};
use shenbao_core::evaluation::{Severity, Status};
use shenbao_core::model::FundingSource;
use shenbao_core::money::percent_text;

use crate::read_file::ReadError;
use crate::safe_text::for_terminal;

/// Arguments of `shenbao check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A draft file (.json) or a signed bundle.
    pub file: PathBuf,
    /// Print the result as JSON: {"status", "findings": [{"rule", "key", "clause", "severity", "message", "fields"}],
    /// "figures"}; `key` is the finding key a justification is filed under (`rule` or `rule@subject`).
    #[arg(long)]
    pub json: bool,
}

/// Runs the command and returns the exit code.
pub fn run(args: &Args) -> u8 {
    let check = match read(&args.file) {
        Ok(check) => check,
        Err(message) => {
            eprintln!("shenbao check: {}：{}", for_terminal(&args.file.display().to_string()), for_terminal(&message));
            return 2;
        }
    };
    if args.json {
        match serde_json::to_string_pretty(&check.report()) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("shenbao check: {error}");
                return 2;
            }
        }
    } else {
        print!("{}", human_report(&check));
    }
    match check.status() {
        Status::Ready => 0,
        Status::Blocked => 1,
    }
}

/// Reads and checks the file; the error is a Chinese sentence.
fn read(path: &Path) -> Result<Check, String> {
    let bytes = crate::read_file::read(path).map_err(|error| match error {
        ReadError::Io(error) => match error.kind() {
            std::io::ErrorKind::NotFound => "文件不存在，请检查路径。".to_owned(),
            std::io::ErrorKind::PermissionDenied => "没有读取该文件的权限。".to_owned(),
            std::io::ErrorKind::IsADirectory => "这是一个文件夹，请指定草稿文件或申报包。".to_owned(),
            _ => format!("无法读取文件（{error}）。"),
        },
        other => format!("{}。", other.reason().trim_end_matches('。')),
    })?;
    Check::of_bytes(&bytes).map_err(|error| error.to_string())
}

/// The report for people, in Chinese.
fn human_report(check: &Check) -> String {
    let mut out = String::new();
    let draft = &check.draft;
    let name = if draft.name.trim().is_empty() { "（未命名）" } else { draft.name.trim() };
    let _ = writeln!(out, "{}「{}」", check.kind.label(), for_terminal(name));
    if check.kind == FileKind::Bundle {
        let _ = writeln!(out, "（只检查申报内容；签名请用 shenbao verify 核验）");
    }
    let applicant = &draft.application.applicant;
    let county = format!("{}{}", applicant.city_name.trim(), applicant.county_name.trim());
    let county = if county.is_empty() { "（尚未选择）".to_owned() } else { county };
    let _ = writeln!(out, "申报县：{}　依据：{}", for_terminal(&county), check.params.notice);

    let by_step = check.findings_by_step();
    if by_step.is_empty() {
        let _ = writeln!(out, "\n各项检查均未发现问题。");
    }
    for (step, findings) in by_step {
        let _ = writeln!(out, "\n【{}】", step.title());
        for finding in findings {
            let message = for_terminal(&finding.message);
            let _ = writeln!(out, "  [{}] {}　{message}", check.severity_label(finding), finding.clause);
        }
    }
    figures(check, &mut out);
    conclusion(check, &mut out);
    out
}

fn figures(check: &Check, out: &mut String) {
    let figures = &check.evaluation.figures;
    let params = &check.params;
    let _ = writeln!(out, "\n【资金与规模】");
    let subsidy = match figures.provincial_subsidy {
        Some(amount) => format!("（按本县情况应为 {amount} 万元）"),
        None => "（应得数额待回答是否为重点县及扶贫区域分类后确定）".to_owned(),
    };
    let _ = writeln!(out, "  省级以上衔接资金：{} 万元{subsidy}", figures.provincial_linkage_funds);
    let _ = writeln!(out, "  市县两级衔接资金：{} 万元", figures.city_county_linkage_funds);
    let _ = writeln!(out, "  衔接资金总量：{} 万元", figures.linkage_total);
    let minimum_share = percent_text(params.sector_funds_min_share.value);
    let _ = writeln!(
        out,
        "  整合的行业资金：{} 万元（不得低于衔接资金总量的 {minimum_share}，即 {} 万元）",
        figures.sector_total, figures.sector_minimum
    );
    let share = figures.sector_share.map_or_else(|| "—（尚无衔接资金）".to_owned(), percent_text);
    let _ = writeln!(out, "  行业资金占比：{share}");
    let _ = writeln!(out, "  总投入：{} 万元", figures.total_investment);
    let _ = writeln!(out, "  资金来源（资金筹措 / 项目清单合计，万元）：");
    for source in FundingSource::ALL {
        let declared = figures.declared_by_source.get(&source).copied().unwrap_or(Wan::ZERO);
        let by_projects = figures.projects_by_source.get(&source).copied().unwrap_or(Wan::ZERO);
        if declared.is_zero() && by_projects.is_zero() {
            continue;
        }
        let mark = if declared == by_projects { "" } else { "　← 不一致" };
        let _ = writeln!(out, "    {}：{declared} / {by_projects}{mark}", source.label());
    }
    let months = figures.plan_months.map_or_else(|| "尚未填写".to_owned(), |months| format!("{months} 个月"));
    let areas: Vec<&str> = figures.content_areas_covered.iter().map(|area| area.label()).collect();
    let areas = if areas.is_empty() { "无".to_owned() } else { areas.join("、") };
    let _ = writeln!(
        out,
        "  覆盖行政村 {} 个，项目 {} 个，实施规划 {months}；项目涉及的建设内容：{areas}",
        figures.village_count, figures.project_count
    );
}

fn conclusion(check: &Check, out: &mut String) {
    let readiness = check.readiness();
    let infos = check.evaluation.with_severity(Severity::Info).count();
    let warnings = check.evaluation.with_severity(Severity::Warning).count();
    let _ = write!(out, "\n结论：{}", check.status_label());
    if check.status() == Status::Ready && warnings == 0 {
        let _ = writeln!(out, "（无必须修改或需说明理由的问题；提示 {infos} 项）");
    } else if check.status() == Status::Ready {
        let _ = writeln!(out, "（无必须修改的问题；需说明理由 {warnings} 项均已说明；提示 {infos} 项）");
    } else {
        let _ = writeln!(
            out,
            "（必须修改 {} 项；需说明理由但尚未说明 {} 项；提示 {infos} 项）",
            readiness.blocking,
            readiness.unjustified.len()
        );
    }
}
