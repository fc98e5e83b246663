//! The principle checks: one fixture per code under `tests/fixtures/check/`, with inline
//! expectations (`// expect: P401` on each line that must carry a finding), the rendered findings
//! snapshotted; the catalogue and its documentation; severities, suppressions and configuration.
//!
//! `CODE.pacta` (more cases `CODE_2.pacta`) fails the check; `CODE_pass.pacta` carries no
//! expectation. A fixture runs with only its own check enabled (the configuration turns every
//! other check off), plus the checks its `// expect:` lines name and the structure errors, which
//! stop the checks and so must not pass unnoticed; so a fixture is the lines that show its case,
//! not a whole clean agreement. The harness compares the multiset of (line, code) of primary spans
//! of the findings left.

use pacta::check::registry::CHECKS;
use pacta::check::registry::{Family, Policy};
use pacta::config::{Config, Level};
use pacta::diag::render::{self, FileReport};
use pacta::diag::Severity;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The codes of the applicable-legislation analysis (`pacta::legislation`).
const ANALYSIS: &[&str] = &["P301", "P302", "P310", "P311", "P312", "P313"];

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
}

/// (line, code) → count, from the `// expect:` comments.
fn expectations(text: &str) -> BTreeMap<(usize, String), usize> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let Some((_, rest)) = line.split_once("// expect:") else {
            continue;
        };
        for code in rest.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            *out.entry((i + 1, code.to_string())).or_insert(0) += 1;
        }
    }
    out
}

/// The configuration a fixture runs with: its own check, the checks its expectations name and the
/// structure errors on; every other check off.
fn only_its_checks(own: &str, expected: &BTreeMap<(usize, String), usize>) -> Config {
    let mut config = Config::default();
    for c in CHECKS {
        let stops_the_checks =
            c.family == Family::Structure && c.policy == Policy::Fixed(Severity::Error);
        let named = c.code == own || expected.keys().any(|(_, code)| code == c.code);
        if !(stops_the_checks || named) {
            config.levels.insert(c.code, Level::Allow);
        }
    }
    config
}

fn fixture_code(path: &Path) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    stem.split('_').next().unwrap_or_default().to_string()
}

#[test]
fn fixtures() {
    insta::glob!("../fixtures/check", "*.pacta", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = format!(
            "fixtures/check/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let own = fixture_code(path);
        let expected = expectations(&text);
        let checked = pacta::check_source(&name, &text, &only_its_checks(&own, &expected));
        let mut actual: BTreeMap<(usize, String), usize> = BTreeMap::new();
        for d in &checked.diagnostics {
            let line = checked.file.line_of(d.primary.span.start);
            *actual.entry((line, d.code.to_string())).or_insert(0) += 1;
        }
        let report = FileReport {
            file: checked.file,
            diagnostics: checked.diagnostics,
        };
        let rendered = render::human::render(std::slice::from_ref(&report), false);
        assert_eq!(
            actual, expected,
            "{name}: findings (left) differ from the `// expect:` lines (right)\n{rendered}"
        );
        if path.to_string_lossy().ends_with("_pass.pacta") {
            assert!(
                rendered.is_empty(),
                "{name} must check clean of {own}:\n{rendered}"
            );
        }
        insta::assert_snapshot!(rendered);
    });
}

/// Every code of the principle checks (and P010) has a failing fixture that expects it and a
/// passing fixture; so breaking a check fails the suite.
#[test]
fn every_check_has_a_failing_and_a_passing_fixture() {
    let dir = fixtures_dir();
    let mut missing = Vec::new();
    for c in CHECKS {
        let principle_check = c.code >= "P101" && !ANALYSIS.contains(&c.code);
        if !(principle_check || c.code == "P010" || c.code == "P012") {
            continue;
        }
        let failing = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| fixture_code(p) == c.code && !p.to_string_lossy().ends_with("_pass.pacta"))
            .any(|p| {
                let text = std::fs::read_to_string(&p).unwrap();
                expectations(&text).keys().any(|(_, code)| code == c.code)
            });
        if !failing {
            missing.push(format!("{}.pacta expecting {}", c.code, c.code));
        }
        let pass = dir.join(format!("{}_pass.pacta", c.code));
        if !pass.exists() {
            missing.push(format!("{}_pass.pacta", c.code));
        } else if !expectations(&std::fs::read_to_string(&pass).unwrap()).is_empty() {
            missing.push(format!("{}_pass.pacta without expectations", c.code));
        }
    }
    assert!(missing.is_empty(), "missing fixtures: {missing:#?}");
}

/// `pacta explain` has something to say for every check: what, why, a failing and a passing
/// example, and the instrument.
#[test]
fn every_check_is_explained() {
    for c in CHECKS {
        let x = c.explanation;
        for (part, text) in [
            ("what", x.what),
            ("why", x.why),
            ("failing", x.failing),
            ("passing", x.passing),
        ] {
            assert!(!text.trim().is_empty(), "{} has no `{part}`", c.code);
        }
        assert_ne!(x.failing, x.passing, "{}: examples are identical", c.code);
        assert!(!c.source.is_empty(), "{} cites no instrument", c.code);
        let text = pacta::check::explain_text(c);
        assert!(text.contains("Failing example") && text.contains("Passing example"));
    }
}

/// The catalogue holds every check to its declaration: codes unique and in order, the family
/// written in the code's hundreds, names unique and in kebab case, and a function for every check
/// that is not reported while parsing, resolving or analysing the applicable legislation.
#[test]
fn every_check_matches_its_declaration() {
    use pacta::check::registry::Family;
    let mut codes = std::collections::BTreeSet::new();
    let mut names = std::collections::BTreeSet::new();
    let mut previous = "";
    for c in CHECKS {
        assert!(codes.insert(c.code), "{} declared twice", c.code);
        assert!(names.insert(c.name), "name {} used twice", c.name);
        assert!(c.code > previous, "{} out of order", c.code);
        previous = c.code;
        assert!(
            c.code.len() == 4
                && c.code.starts_with('P')
                && c.code[1..].bytes().all(|b| b.is_ascii_digit()),
            "{}",
            c.code
        );
        assert!(
            c.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}: {}",
            c.code,
            c.name
        );
        let family = match &c.code[1..2] {
            "0" => Family::Structure,
            "1" => Family::Scope,
            "2" => Family::Equality,
            "3" => Family::ApplicableLegislation,
            "4" => Family::Aggregation,
            "5" => Family::Export,
            "6" => Family::Administration,
            "7" => Family::FinalProvisions,
            "8" => Family::Plurality,
            other => panic!("{}: no family for {other}", c.code),
        };
        assert_eq!(c.family, family, "{}", c.code);
        let elsewhere = (c.code < "P101" && c.code != "P012") || ANALYSIS.contains(&c.code);
        assert_eq!(c.run.is_none(), elsewhere, "{}: run", c.code);
        assert_eq!(
            pacta::check::registry::get(c.code).map(|d| d.name),
            Some(c.name)
        );
    }
}

/// Every code written as a string in the sources (`"P301"`) is declared: the checks make their
/// findings from the declarations, and any code still spelt out must name one.
#[test]
fn every_code_in_the_sources_is_declared() {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut unknown = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, _) in text.match_indices("\"P") {
            let code = text.get(i + 1..i + 5).unwrap_or_default();
            let closed = text.get(i + 5..i + 6) == Some("\"");
            if closed
                && code[1..].bytes().all(|b| b.is_ascii_digit())
                && pacta::check::registry::get(code).is_none()
            {
                unknown.push(format!("{}: {code}", f.display()));
            }
        }
    }
    assert!(unknown.is_empty(), "undeclared codes: {unknown:#?}");
}

#[test]
fn explain_finds_checks_by_code_and_name() {
    let by_code = pacta::check::registry::lookup("P401").unwrap();
    let by_name = pacta::check::registry::lookup("no-aggregation").unwrap();
    assert_eq!(by_code.code, by_name.code);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pacta"))
        .args(["explain", "posting-without-limit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("P303 posting-without-limit"), "{text}");
    assert!(text.contains("limit 24 months"), "{text}");
}

/// `docs/checks.md` is generated from the registry; regenerate with `PACTA_BLESS=1`.
#[test]
fn docs_checks_md_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/checks.md");
    let generated = pacta::check::catalogue_markdown();
    if std::env::var_os("PACTA_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/checks.md is stale: run `PACTA_BLESS=1 cargo test --test it checks::docs_checks_md_is_current`"
    );
}

// ───────────────────────────── severities ─────────────────────────────

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name)).unwrap()
}

/// The severities of the findings with one code.
fn severities(text: &str, code: &str, config: &Config) -> Vec<Severity> {
    pacta::check_source("t.pacta", text, config)
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.severity)
        .collect()
}

fn claiming(text: &str, instruments: Option<&str>) -> String {
    match instruments {
        Some(i) => text.replace("conforms-to: C157", &format!("conforms-to: {i}")),
        None => text.replace("  conforms-to: C157\n", ""),
    }
}

#[test]
fn the_same_defect_is_an_error_under_c157_and_a_warning_without_a_claim() {
    let text = fixture("P401.pacta");
    let c = Config::default();
    assert_eq!(severities(&text, "P401", &c), vec![Severity::Error]);
    assert_eq!(
        severities(&claiming(&text, None), "P401", &c),
        vec![Severity::Warning]
    );
    // C102 contains equality of treatment only: aggregation is not claimed.
    assert_eq!(
        severities(&claiming(&text, Some("C102")), "P401", &c),
        vec![Severity::Warning]
    );
    // C128 contains rights in course of acquisition.
    assert_eq!(
        severities(&claiming(&text, Some("C128")), "P401", &c),
        vec![Severity::Error]
    );

    let text = fixture("P201.pacta");
    assert_eq!(severities(&text, "P201", &c), vec![Severity::Error]);
    assert_eq!(
        severities(&claiming(&text, None), "P201", &c),
        vec![Severity::Warning]
    );
    assert_eq!(
        severities(&claiming(&text, Some("C102")), "P201", &c),
        vec![Severity::Error]
    );
}

#[test]
fn p101_is_an_error_only_under_c157_or_r167() {
    // One finding for each of the two Parties.
    let text = fixture("P101.pacta");
    let c = Config::default();
    assert_eq!(severities(&text, "P101", &c), vec![Severity::Error; 2]);
    assert_eq!(
        severities(&claiming(&text, Some("R167")), "P101", &c),
        vec![Severity::Error; 2]
    );
    // C118 lets a State accept obligations branch by branch.
    assert_eq!(
        severities(&claiming(&text, Some("C118")), "P101", &c),
        vec![Severity::Warning; 2]
    );
    assert_eq!(
        severities(&claiming(&text, None), "P101", &c),
        vec![Severity::Warning; 2]
    );
}

#[test]
fn fixed_severities_do_not_follow_the_claims() {
    let c = Config::default();
    // Warnings by nature stay warnings under C157, infos stay infos.
    assert_eq!(
        severities(&fixture("P304.pacta"), "P304", &c),
        vec![Severity::Warning]
    );
    assert_eq!(
        severities(&fixture("P102.pacta"), "P102", &c),
        vec![Severity::Info]
    );
    assert_eq!(
        severities(&claiming(&fixture("P102.pacta"), None), "P102", &c),
        vec![Severity::Info]
    );
}

// ───────────────────────────── suppressions and configuration ─────────────────────────────

#[test]
fn a_suppression_silences_its_finding_and_an_unused_one_is_reported() {
    let c = Config::default();
    // P010.pacta: the header's `allow P801` is used; the article's `allow same-kind-reduction` is not.
    let text = fixture("P010.pacta");
    let codes: Vec<&str> = pacta::check_source("t.pacta", &text, &c)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .filter(|c| *c != "P012")
        .collect();
    assert_eq!(codes, vec!["P010"]);
    // Without the suppression, the finding comes back.
    let bare = text.replace(
        "  allow P801 \"the Parties settle overlaps in the administrative arrangement\"\n",
        "",
    );
    assert_eq!(severities(&bare, "P801", &c), vec![Severity::Warning]);
}

#[test]
fn a_suppression_needs_a_reason() {
    let text = fixture("P010_pass.pacta").replace(
        "\"the Parties settle overlaps in the administrative arrangement\"",
        "\"  \"",
    );
    let checked = pacta::check_source("t.pacta", &text, &Config::default());
    assert!(
        checked
            .diagnostics
            .iter()
            .any(|d| d.code == "P007" && d.message.contains("reason")),
        "{:?}",
        checked.diagnostics
    );
}

#[test]
fn configuration_changes_severities_by_code_and_name() {
    let text = fixture("P304.pacta");
    let raise = Config::parse("[checks]\nposting-limit-long = \"error\"\n").unwrap();
    assert_eq!(severities(&text, "P304", &raise), vec![Severity::Error]);
    let lower = Config::parse("[checks]\nP304 = \"info\"\n").unwrap();
    assert_eq!(severities(&text, "P304", &lower), vec![Severity::Info]);
    let off = Config::parse("[checks]\nP304 = \"allow\"\n").unwrap();
    assert!(pacta::check_source("t.pacta", &text, &off)
        .diagnostics
        .iter()
        .all(|d| d.code == "P012"));
}

// ───────────────────────────── command line ─────────────────────────────

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pacta-checks-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn pacta_check(dir: &Path, file: &str) -> i32 {
    std::process::Command::new(env!("CARGO_BIN_EXE_pacta"))
        .args(["check", "--color", "never"])
        .arg(dir.join(file))
        .current_dir(dir)
        .output()
        .unwrap()
        .status
        .code()
        .unwrap_or(-1)
}

#[test]
fn exit_codes_follow_severities_and_pacta_toml() {
    let dir = scratch("exit");
    std::fs::write(dir.join("error.pacta"), fixture("P401.pacta")).unwrap();
    std::fs::write(dir.join("warning.pacta"), fixture("P304.pacta")).unwrap();
    std::fs::write(dir.join("clean.pacta"), fixture("P401_pass.pacta")).unwrap();
    assert_eq!(pacta_check(&dir, "error.pacta"), 1);
    assert_eq!(pacta_check(&dir, "warning.pacta"), 0);
    assert_eq!(pacta_check(&dir, "clean.pacta"), 0);

    // pacta.toml, found by walking up from the checked file, makes warnings fail …
    let sub = dir.join("drafts");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("warning.pacta"), fixture("P304.pacta")).unwrap();
    std::fs::write(dir.join("pacta.toml"), "fail-on = \"warning\"\n").unwrap();
    assert_eq!(pacta_check(&dir, "drafts/warning.pacta"), 1);
    // … and can turn an error off.
    std::fs::write(
        dir.join("pacta.toml"),
        "[checks]\nno-aggregation = \"allow\"\n",
    )
    .unwrap();
    assert_eq!(pacta_check(&dir, "error.pacta"), 0);
    std::fs::write(dir.join("pacta.toml"), "[checks]\nP401 = \"warning\"\n").unwrap();
    assert_eq!(pacta_check(&dir, "error.pacta"), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `institution "…": all` stands for the Party's material scope, as docs/language.md says — not
/// for every scheme the Party has.
#[test]
fn an_institution_for_all_covers_the_material_scope() {
    let text = "agreement \"t\" {}\nparty XA \"A\" {\n  schemes: old-age, sickness\n  institution \"Fund\": all\n}\narticle 1 \"Scope\" {\n  scope XA \"Act\": old-age\n}\n";
    let checked = pacta::check_source("t.pacta", text, &Config::default());
    let agreement = checked.agreement.expect("resolves");
    let fund = &agreement.parties[0].institutions[0];
    assert_eq!(
        fund.branches.iter().copied().collect::<Vec<_>>(),
        vec![pacta::model::Branch::OldAge]
    );
}

// ───────────────────────────── kinds of agreement ─────────────────────────────

fn codes_of(text: &str) -> Vec<&'static str> {
    pacta::check_source("t.pacta", text, &Config::default())
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

fn with_kind(text: &str, kind: &str) -> String {
    text.replacen(
        "  conforms-to: C157\n",
        &format!("  kind: {kind}\n  conforms-to: C157\n"),
        1,
    )
}

#[test]
fn the_kind_is_read_and_said_once_when_absent() {
    let text = fixture("P401_pass.pacta");
    assert_eq!(codes_of(&text), vec!["P012"]);
    let checked = pacta::check_source("t.pacta", &with_kind(&text, "coverage"), &Config::default());
    let a = checked.agreement.expect("resolves");
    assert_eq!(a.assumed_kind(), pacta::model::Kind::Coverage);
    assert!(a.kind.is_some());
    assert!(!a.promises_coverage());
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    // An unknown kind is an invalid value.
    assert!(codes_of(&with_kind(&text, "totalization")).contains(&"P007"));
}

#[test]
fn the_profile_of_the_kind_decides_which_checks_apply() {
    // No aggregation: an error for a coordination agreement, an info for an export agreement,
    // nothing for an agreement on the applicable legislation only.
    let text = fixture("P401.pacta");
    let c = Config::default();
    assert_eq!(
        severities(&with_kind(&text, "coordination"), "P401", &c),
        vec![Severity::Error]
    );
    assert_eq!(
        severities(&with_kind(&text, "export"), "P401", &c),
        vec![Severity::Info]
    );
    assert!(severities(&with_kind(&text, "coverage"), "P401", &c).is_empty());
    assert!(severities(&with_kind(&text, "posting"), "P401", &c).is_empty());
    // Assistance details left to arrangements: an info in a multilateral framework.
    let text = fixture("P601.pacta");
    assert_eq!(
        severities(&with_kind(&text, "multilateral-framework"), "P601", &c),
        vec![Severity::Info]
    );
    assert_eq!(
        severities(&with_kind(&text, "coordination"), "P601", &c),
        vec![Severity::Error]
    );
}

#[test]
fn explain_shows_the_profile_of_each_kind() {
    let text = pacta::check::explain_text(pacta::check::registry::get("P401").unwrap());
    assert!(
        text.contains("Profile: coordination applies, coverage off, export info, posting off, multilateral-framework applies"),
        "{text}"
    );
    let docs = pacta::check::catalogue_markdown();
    assert!(docs.contains("## Kinds of agreement"));
    assert!(docs.contains("| `multilateral-framework` |"));
}

// ───────────────────────────── ratification per Party ─────────────────────────────

fn ratifying(text: &str, xa: &str, xb: &str) -> String {
    text.replacen(
        "party XA \"Arcadia\" {\n",
        &format!("party XA \"Arcadia\" {{\n  ratified: {xa}\n"),
        1,
    )
    .replacen(
        "party XB \"Borduria\" {\n",
        &format!("party XB \"Borduria\" {{\n  ratified: {xb}\n"),
        1,
    )
}

#[test]
fn a_principle_is_an_error_only_where_the_parties_concerned_are_bound() {
    let c = Config::default();
    let text = fixture("P401.pacta");
    // P401.pacta claims C157; both Parties bound by C118 for old-age: an error.
    let both = ratifying(
        &text,
        "C118 old-age invalidity survivors",
        "C118 old-age invalidity survivors, C102",
    );
    assert_eq!(severities(&both, "P401", &c), vec![Severity::Error]);
    // One Party has not ratified anything containing aggregation: a warning despite `conforms-to`.
    let one = ratifying(&text, "C118 old-age", "C102");
    assert_eq!(severities(&one, "P401", &c), vec![Severity::Warning]);
    let d = pacta::check_source("t.pacta", &one, &c)
        .diagnostics
        .into_iter()
        .find(|d| d.code == "P401")
        .unwrap();
    assert!(
        d.notes
            .iter()
            .any(|n| n.starts_with("not binding") && n.contains("XB")),
        "{:?}",
        d.notes
    );
    // C118 binds branch by branch (Art 2): accepted for medical care only, old-age is not bound.
    let branch = ratifying(&text, "C118 medical-care", "C118 medical-care");
    assert_eq!(severities(&branch, "P401", &c), vec![Severity::Warning]);
    // A Recommendation cannot be ratified; a branch after another Convention is invalid.
    assert!(codes_of(&ratifying(&text, "R167", "C157")).contains(&"P007"));
    assert!(codes_of(&ratifying(&text, "C157 old-age", "C157")).contains(&"P007"));
}

/// A Convention on one contingency binds for that contingency only: C19 (equality in accident
/// compensation) makes no finding on the agreement's other branches an error, and MLC-2006
/// (seafarers) none on the agreement as a whole (Netherlands–Japan Art 4, Netherlands–Pakistan).
#[test]
fn a_convention_binds_only_within_its_reach() {
    let c = Config::default();
    let text = fixture("P201.pacta");
    assert_eq!(
        severities(
            &ratifying(&text, "C19, MLC-2006", "C19, MLC-2006"),
            "P201",
            &c
        ),
        vec![Severity::Warning]
    );
    assert_eq!(
        severities(&ratifying(&text, "C118", "C118, C19"), "P201", &c),
        vec![Severity::Error]
    );
}

// ───────────────────────────── check logic against real-treaty situations ─────────────────────────────

#[test]
fn missing_final_provisions_are_warnings_while_the_text_is_a_draft() {
    let c = Config::default();
    let text = fixture("P701.pacta");
    assert_eq!(severities(&text, "P701", &c), vec![Severity::Error]);
    let draft = text.replacen(
        "  conforms-to: C157\n",
        "  draft: \"2\"\n  conforms-to: C157\n",
        1,
    );
    assert_eq!(severities(&draft, "P701", &c), vec![Severity::Warning]);
    let last = text.replacen(
        "  conforms-to: C157\n",
        "  draft: \"final\"\n  conforms-to: C157\n",
        1,
    );
    assert_eq!(severities(&last, "P701", &c), vec![Severity::Error]);
}

#[test]
fn an_extension_without_maximum_is_information() {
    // EU Regulation 883/2004 Art 16 sets no maximum itself.
    let c = Config::default();
    assert!(severities(&fixture("P305.pacta"), "P305", &c)
        .iter()
        .all(|s| *s == Severity::Info));
}

#[test]
fn a_nationality_based_scope_is_an_error_under_c118_and_information_beyond() {
    let c = Config::default();
    let text = fixture("P105.pacta");
    assert_eq!(severities(&text, "P105", &c), vec![Severity::Info]);
    assert_eq!(
        severities(&claiming(&text, Some("C118")), "P105", &c),
        vec![Severity::Error]
    );
}

#[test]
fn prior_periods_matter_only_where_periods_are_aggregated() {
    let text = fixture("P704.pacta");
    assert!(codes_of(&text).contains(&"P704"));
    // Netherlands–Pakistan: no aggregation at all, so no earlier period could count.
    let mut bare = String::new();
    let mut skipping = 0;
    for line in text.lines() {
        if line.trim_start().starts_with("aggregation {") {
            skipping = 1;
            continue;
        }
        if skipping > 0 {
            if line.trim() == "}" {
                skipping = 0;
            }
            continue;
        }
        bare.push_str(line);
        bare.push('\n');
    }
    let codes = codes_of(&bare);
    assert!(codes.contains(&"P401"), "{codes:?}");
    assert!(!codes.contains(&"P704"), "{codes:?}");
}

/// Every instrument and part a check cites is in the audited table of docs/instruments.md.
#[test]
fn every_cited_instrument_and_article_is_in_the_table() {
    let table =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/instruments.md"))
            .unwrap();
    // instrument → parts cited (without their parenthetical descriptions)
    let mut parts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in table
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| instrument"))
    {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let listed = cells[3]
            .split("; ")
            .map(|p| p.split(" (").next().unwrap_or_default().trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        parts.insert(cells[1].to_string(), listed);
    }
    let mut wrong = Vec::new();
    for c in CHECKS {
        for cite in c.source.split("; ") {
            let cite = cite.split(" (").next().unwrap_or_default().trim();
            let Some(instrument) = parts
                .keys()
                .filter(|i| {
                    cite == i.as_str()
                        || cite.starts_with(&format!("{i} "))
                        || cite.starts_with(&format!("{i},"))
                })
                .max_by_key(|i| i.len())
            else {
                wrong.push(format!("{}: no instrument for `{cite}`", c.code));
                continue;
            };
            let part = cite[instrument.len()..].trim_start_matches(',').trim();
            if !part.is_empty() && !parts[instrument].iter().any(|p| p == part) {
                wrong.push(format!(
                    "{}: `{part}` of {instrument} is not in the table",
                    c.code
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

// ───────────────────────────── Parties and branches concerned ─────────────────────────────

/// The checks that know which Parties their findings concern, and those that know which branches.
/// Every finding of these codes in the fixtures must say so: the Parties decide whether they are
/// bound by the principle (`ratified:`), and the outputs (JSON, SARIF, the rule set) carry both.
const KNOW_PARTIES: &[&str] = &[
    "P101", "P104", "P108", "P207", "P403", "P404", "P405", "P409", "P502", "P503", "P508", "P607",
    "P609",
];
const KNOW_BRANCHES: &[&str] = &[
    "P101", "P102", "P104", "P108", "P207", "P401", "P403", "P405", "P409", "P501", "P502", "P503",
    "P504", "P508", "P607", "P609",
];

#[test]
fn findings_carry_the_parties_and_branches_their_checks_know() {
    let mut seen: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for d in pacta::check_source(&name, &text, &Config::default()).diagnostics {
            if KNOW_PARTIES.contains(&d.code) {
                seen.insert(d.code);
                if d.concerns.parties.is_empty() {
                    missing.push(format!("{name}: {} names no Party", d.code));
                }
            }
            if KNOW_BRANCHES.contains(&d.code) {
                seen.insert(d.code);
                if d.concerns.branches.is_empty() {
                    missing.push(format!("{name}: {} names no branch", d.code));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
    // Each listed check fires in some fixture, so the list is not held vacuously.
    let listed: std::collections::BTreeSet<&str> =
        KNOW_PARTIES.iter().chain(KNOW_BRANCHES).copied().collect();
    assert_eq!(seen, listed);
}

#[test]
fn json_sarif_and_the_rule_set_carry_the_parties_and_branches() {
    let text = fixture("P101.pacta");
    let checked = pacta::check_source("P101.pacta", &text, &Config::default());
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.code == "P101")
        .unwrap();
    assert_eq!(d.concerns.parties, vec!["XA"]);
    let keys = vec!["death-grant".to_string(), "long-term-care".to_string()];
    assert_eq!(d.concerns.branch_keys(), keys);
    // JSON findings.
    let finding = render::Finding::from_diagnostic(&checked.file, d);
    assert_eq!(
        (finding.parties.clone(), finding.branches.clone()),
        (vec!["XA".to_string()], keys.clone())
    );
    // The rule set.
    let ruleset = pacta::emit::build(&checked).unwrap();
    let f = ruleset.findings.iter().find(|f| f.code == "P101").unwrap();
    assert_eq!(
        (f.parties.clone(), f.branches.clone()),
        (vec!["XA".to_string()], keys.clone())
    );
    // SARIF: the result's property bag.
    let report = FileReport {
        file: checked.file.clone(),
        diagnostics: vec![d.clone()],
    };
    let sarif: serde_json::Value =
        serde_json::from_str(&render::sarif::render(std::slice::from_ref(&report))).unwrap();
    let props = &sarif["runs"][0]["results"][0]["properties"];
    assert_eq!(props["parties"], serde_json::json!(["XA"]));
    assert_eq!(props["branches"], serde_json::json!(keys));
}

/// The new checks follow the kind of agreement: a coverage agreement is not expected to guarantee
/// payment abroad (P508, P108 off), while posted workers matter most in coverage and posting
/// agreements (P207, P409 apply).
#[test]
fn the_new_checks_follow_the_kind_of_agreement() {
    let c = Config::default();
    let as_kind = |text: &str, kind: &str| {
        text.replacen(
            "  conforms-to: C157\n",
            &format!("  conforms-to: C157\n  kind: {kind}\n"),
            1,
        )
    };
    for (code, applies_to_coverage) in [
        ("P508", false),
        ("P108", false),
        ("P207", true),
        ("P409", true),
    ] {
        let text = fixture(&format!("{code}.pacta"));
        assert_eq!(
            severities(&as_kind(&text, "coordination"), code, &c).len(),
            1,
            "{code}"
        );
        assert_eq!(
            severities(&as_kind(&text, "coverage"), code, &c).len(),
            usize::from(applies_to_coverage),
            "{code} under kind: coverage"
        );
    }
}
