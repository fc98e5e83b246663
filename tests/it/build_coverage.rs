//! The coverage matrix: each status on a small agreement, the gaps of Netherlands–Korea, the full
//! coverage of the model agreements, and agreement with the checks' findings.

use pacta::config::Config;
use pacta::emit::types::{Coverage, CoverageCell, RuleSet};
use pacta::model::{Branch, Principle};
use std::collections::BTreeSet;
use std::path::Path;

fn build_text(name: &str, text: &str) -> (RuleSet, pacta::Checked) {
    let checked = pacta::check_source(name, text, &Config::default());
    let rules = pacta::emit::build(&checked).unwrap_or_else(|| panic!("{name} does not parse"));
    (rules, checked)
}

fn build_file(relative: &str) -> (RuleSet, pacta::Checked) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).expect("readable agreement");
    build_text(relative, &text)
}

fn cell<'a>(rules: &'a RuleSet, party: &str, branch: Branch, p: Principle) -> &'a CoverageCell {
    rules
        .coverage
        .iter()
        .find(|c| c.party == party && c.branch == branch && c.principle == p)
        .unwrap_or_else(|| panic!("no cell {party} {branch} {p:?}"))
}

fn with_status(rules: &RuleSet, status: Coverage) -> BTreeSet<(String, Branch, Principle)> {
    rules
        .coverage
        .iter()
        .filter(|c| c.status == status)
        .map(|c| (c.party.clone(), c.branch, c.principle))
        .collect()
}

const SMALL: &str = r#"agreement "T" {}
party XA "A" {
  schemes: old-age, family, long-term-care
  institution "Pensions A": old-age
}
party XB "B" {
  schemes: old-age, sickness
  institution "B Insurance": all
}
article 1 "Scope" {
  scope XA "Pension Act": old-age, family
  scope XB "Code": old-age, sickness
}
article 2 "Equality" {
  equal-treatment {
    persons: covered
    branches: old-age
  }
}
article 3 "Export" {
  export {
    branches: old-age
  }
}
article 4 "Rules" {
  rule 4.1: employed in X -> X
}
article 5 "Family" {
  benefit family {
    excluded: yes
  }
}
"#;

#[test]
fn each_status_follows_from_schemes_scope_and_provisions() {
    use Coverage::*;
    use Principle::*;
    let (rules, _) = build_text("small.pacta", SMALL);
    let status = |party, branch, p| cell(&rules, party, branch, p).status;
    // XA has no sickness scheme; long-term care is a scheme outside the scope; family is excluded
    // from coordination in article 5.
    assert_eq!(
        status("XA", Branch::Sickness, EqualityOfTreatment),
        NotApplicable
    );
    assert_eq!(status("XA", Branch::LongTermCare, AcquiredRights), Excluded);
    let family = cell(&rules, "XA", Branch::Family, AcquiredRights);
    assert_eq!(family.status, Excluded);
    assert_eq!(family.sources[0].eid, "art_5__para_1");
    // Old age in XA: equality (art 2), export (art 3), rules (art 4), an institution, but no
    // aggregation.
    let eq = cell(&rules, "XA", Branch::OldAge, EqualityOfTreatment);
    assert_eq!((eq.status, eq.sources[0].article), (Covered, Some(2)));
    let ar = cell(&rules, "XA", Branch::OldAge, AcquiredRights);
    assert_eq!((ar.status, ar.sources[0].article), (Covered, Some(3)));
    let al = cell(&rules, "XA", Branch::OldAge, ApplicableLegislation);
    assert_eq!((al.status, al.sources[0].eid.as_str()), (Covered, "art_4"));
    let aa = cell(&rules, "XA", Branch::OldAge, AdministrativeAssistance);
    assert_eq!(
        (aa.status, aa.sources[0].eid.as_str()),
        (Covered, "party_XA__institution_1")
    );
    assert_eq!(
        status("XA", Branch::OldAge, RightsInCourseOfAcquisition),
        NotCovered
    );
    // Sickness in XB: in scope, outside equality's branches, with no provision at all; its
    // institution covers `all` of XB's schemes.
    assert_eq!(
        status("XB", Branch::Sickness, EqualityOfTreatment),
        NotCovered
    );
    assert_eq!(
        status("XB", Branch::Sickness, RightsInCourseOfAcquisition),
        NotCovered
    );
    assert_eq!(status("XB", Branch::Sickness, AcquiredRights), NotCovered);
    assert_eq!(
        status("XB", Branch::Sickness, AdministrativeAssistance),
        Covered
    );
    // Death grants are in no scheme and no scope: no row; long-term care is a scheme: a row.
    assert!(rules
        .coverage
        .iter()
        .all(|c| c.branch != Branch::DeathGrant));
    // 2 Parties × (9 C102 branches + long-term care) × 5 principles, sorted.
    assert_eq!(rules.coverage.len(), 2 * 10 * 5);
    let keys: Vec<_> = rules
        .coverage
        .iter()
        .map(|c| (&c.party, c.branch, c.principle))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn netherlands_korea_shows_its_gaps() {
    use Principle::*;
    let (rules, _) = build_file("agreements/nl-kr.pacta");
    let cells = |list: &[(&str, Branch, Principle)]| -> BTreeSet<(String, Branch, Principle)> {
        list.iter()
            .map(|(p, b, q)| (p.to_string(), *b, *q))
            .collect()
    };
    // From the facts in the file's header: no aggregation at all (P401 for the three long-term
    // branches of both Parties, P406 for NL sickness and unemployment), no in-kind medical care
    // abroad (P505), and NL sickness, medical care and unemployment with no coordination rule at
    // all (P103).
    let expected = cells(&[
        ("KR", Branch::Invalidity, RightsInCourseOfAcquisition),
        ("KR", Branch::OldAge, RightsInCourseOfAcquisition),
        ("KR", Branch::Survivors, RightsInCourseOfAcquisition),
        ("NL", Branch::Invalidity, RightsInCourseOfAcquisition),
        ("NL", Branch::OldAge, RightsInCourseOfAcquisition),
        ("NL", Branch::Survivors, RightsInCourseOfAcquisition),
        ("NL", Branch::Sickness, RightsInCourseOfAcquisition),
        ("NL", Branch::Unemployment, RightsInCourseOfAcquisition),
        ("NL", Branch::MedicalCare, AcquiredRights),
        ("NL", Branch::MedicalCare, RightsInCourseOfAcquisition),
        ("NL", Branch::Sickness, AcquiredRights),
        ("NL", Branch::Unemployment, AcquiredRights),
    ]);
    assert_eq!(with_status(&rules, Coverage::NotCovered), expected);
    // P101: Korea's health, maternity, accident and employment insurance and Dutch maternity
    // benefits are schemes outside the material scope.
    let excluded: BTreeSet<(String, Branch)> = with_status(&rules, Coverage::Excluded)
        .into_iter()
        .map(|(p, b, _)| (p, b))
        .collect();
    let expected_excluded: BTreeSet<(String, Branch)> = [
        ("KR", Branch::MedicalCare),
        ("KR", Branch::Maternity),
        ("KR", Branch::EmploymentInjury),
        ("KR", Branch::Unemployment),
        ("NL", Branch::Maternity),
    ]
    .iter()
    .map(|(p, b)| (p.to_string(), *b))
    .collect();
    assert_eq!(excluded, expected_excluded);
}

#[test]
fn the_model_agreements_are_fully_covered() {
    for file in [
        "agreements/r167-model.pacta",
        "agreements/arcadia-borduria.pacta",
    ] {
        let (rules, _) = build_file(file);
        let gaps = with_status(&rules, Coverage::NotCovered);
        assert!(gaps.is_empty(), "{file} has gaps: {gaps:?}");
        assert!(with_status(&rules, Coverage::Covered).len() > rules.coverage.len() / 2);
    }
}

/// The branch a finding is about: the first branch key named in its message, label or notes.
fn branch_of(finding: &pacta::emit::types::Finding) -> Option<Branch> {
    let mut texts = vec![finding.message.as_str()];
    texts.extend(finding.label.as_deref());
    texts.extend(finding.notes.iter().map(String::as_str));
    texts.iter().find_map(|t| {
        Branch::ALL
            .into_iter()
            .filter_map(|b| t.find(b.key()).map(|at| (at, b)))
            .min_by_key(|(at, b)| (*at, std::cmp::Reverse(b.key().len())))
            .map(|(_, b)| b)
    })
}

#[test]
fn every_coverage_finding_has_a_matching_cell() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut dirs = vec![root.join("agreements")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("agreements") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "pacta") {
                let relative = path.strip_prefix(root).expect("under the root");
                files.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    files.sort();
    assert!(files.len() >= 3, "the agreements are found");
    for file in files {
        let (rules, _) = build_file(&file);
        for f in &rules.findings {
            let (status, principles): (Coverage, &[Principle]) = match f.code.as_str() {
                "P401" | "P406" => (
                    Coverage::NotCovered,
                    &[Principle::RightsInCourseOfAcquisition],
                ),
                "P501" | "P504" | "P505" => (Coverage::NotCovered, &[Principle::AcquiredRights]),
                "P103" => (
                    Coverage::NotCovered,
                    &[
                        Principle::AcquiredRights,
                        Principle::RightsInCourseOfAcquisition,
                    ],
                ),
                "P101" => (Coverage::Excluded, &Principle::ALL),
                _ => continue,
            };
            let branch = branch_of(f)
                .unwrap_or_else(|| panic!("{file}: {} names no branch: {}", f.code, f.message));
            let named_party = |party: &str| {
                f.message
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| w == party)
            };
            let any_party = !rules.parties.iter().any(|p| named_party(&p.code));
            let matched = rules.coverage.iter().any(|c| {
                c.branch == branch
                    && c.status == status
                    && principles.contains(&c.principle)
                    && (any_party || named_party(&c.party))
            });
            assert!(
                matched,
                "{file}: {} `{}` has no {status:?} cell",
                f.code, f.message
            );
        }
    }
}
