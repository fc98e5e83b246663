//! `pacta diff` as a library: snapshots of every format for each consecutive pair of drafts,
//! the facts each pair must report, self-diffs, mirrored diffs, the JSON Schema and HTML safety.

use pacta::config::Config;
use pacta::diag::Severity;
use pacta::diff::impact::FindingChange;
use pacta::diff::prose::Op;
use pacta::diff::{self, render, ArticleChangeKind, Change, ChangeKind, Draft, Report};
use std::path::PathBuf;

const FIXTURES: &str = "tests/fixtures/diff";

/// The consecutive pairs of drafts: (snapshot name, old, new).
fn pairs() -> Vec<(String, String, String)> {
    let mut out = vec![
        (
            "fixture-draft1-draft2".to_string(),
            format!("{FIXTURES}/draft1.pacta"),
            format!("{FIXTURES}/draft2.pacta"),
        ),
        (
            "fixture-draft2-final".to_string(),
            format!("{FIXTURES}/draft2.pacta"),
            format!("{FIXTURES}/final.pacta"),
        ),
    ];
    // The negotiation in agreements/: tabled draft, counter-proposal, final text.
    let neg = "agreements/negotiation";
    out.push((
        "negotiation-draft1-draft2".into(),
        format!("{neg}/xa-xc-draft1.pacta"),
        format!("{neg}/xa-xc-draft2.pacta"),
    ));
    out.push((
        "negotiation-draft2-final".into(),
        format!("{neg}/xa-xc-draft2.pacta"),
        format!("{neg}/xa-xc-final.pacta"),
    ));
    out
}

fn checked(path: &str) -> pacta::Checked {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    pacta::check_source(path, &text, &Config::default())
}

fn report(old: &str, new: &str) -> Report {
    let (a, b) = (checked(old), checked(new));
    let (Some(x), Some(y)) = (Draft::of(&a), Draft::of(&b)) else {
        panic!("{old} or {new} does not parse");
    };
    diff::diff(x, y)
}

/// Every agreement and fixture draft that parses.
fn all_drafts() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["agreements", FIXTURES] {
        let mut stack = vec![PathBuf::from(dir)];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "pacta") {
                    let s = p.to_string_lossy().replace('\\', "/");
                    if checked(&s).agreement.is_some() {
                        out.push(s);
                    }
                }
            }
        }
    }
    out.sort();
    out
}

fn find<'a>(r: &'a Report, subject: &str) -> Vec<&'a Change> {
    r.changes.iter().filter(|c| c.subject == subject).collect()
}

// ───────────────────────────── snapshots ─────────────────────────────

#[test]
fn every_format_of_every_consecutive_pair() {
    for (name, old, new) in pairs() {
        let r = report(&old, &new);
        insta::assert_snapshot!(format!("{name}.txt"), render::text::render(&r, false));
        insta::assert_snapshot!(format!("{name}.md"), render::markdown::render(&r));
        insta::assert_snapshot!(format!("{name}.json"), render::json::render(&r));
        insta::assert_snapshot!(format!("{name}.html"), render::html::render(&r));
    }
}

// ───────────────────────────── facts ─────────────────────────────

#[test]
fn renumbering_is_reported_as_renumbering_not_removal() {
    let r = report(
        &format!("{FIXTURES}/draft1.pacta"),
        &format!("{FIXTURES}/draft2.pacta"),
    );
    // Draft 2 inserts Art. 1 "Definitions": the ten old articles all survive, renumbered.
    let added: Vec<_> = r.articles.iter().filter(|a| a.old.is_none()).collect();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].new.as_ref().map(|a| a.number), Some(1));
    assert!(
        r.articles.iter().all(|a| a.new.is_some()),
        "no article removed"
    );
    let posting = r
        .articles
        .iter()
        .find(|a| {
            a.old
                .as_ref()
                .is_some_and(|o| o.tag.as_deref() == Some("posting"))
        })
        .expect("the posting article is reported");
    assert_eq!(posting.old.as_ref().map(|a| a.number), Some(6));
    assert_eq!(posting.new.as_ref().map(|a| a.number), Some(7));
    assert_eq!(posting.matched_by, Some(pacta::diff::MatchedBy::Tag));
    assert!(posting.kinds.contains(&ArticleChangeKind::Renumbered));
    assert!(posting.kinds.contains(&ArticleChangeKind::Retitled));
    // Entry into force and administrative assistance swap places: both are moved.
    let moved: Vec<u32> = r
        .articles
        .iter()
        .filter(|a| a.kinds.contains(&ArticleChangeKind::Moved))
        .filter_map(|a| a.old.as_ref().map(|o| o.number))
        .collect();
    assert_eq!(moved, vec![10, 9]);
    // Rules 6.1 → 7.1 follow their article: no rule is reported added, and only 7.6 removed.
    assert!(r
        .changes
        .iter()
        .all(|c| !(c.subject.starts_with("Rule") && c.kind == ChangeKind::Added)));
    let removed: Vec<_> = r
        .changes
        .iter()
        .filter(|c| c.subject.starts_with("Rule") && c.kind == ChangeKind::Removed)
        .collect();
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].subject, "Rule 7.6");
    assert_eq!(removed[0].old_at.as_deref(), Some("Art. 7(6)"));
}

#[test]
fn parameter_scope_and_prose_changes_are_reported() {
    let r = report(
        &format!("{FIXTURES}/draft1.pacta"),
        &format!("{FIXTURES}/draft2.pacta"),
    );
    let limit = find(&r, "Posting limit");
    assert_eq!(limit.len(), 1);
    assert_eq!(
        limit[0].line(),
        "Posting limit (Art. 6(1) → Art. 7(1)): 24 months → 36 months"
    );
    let scope = find(&r, "Material scope of XB");
    assert_eq!(scope.len(), 1);
    assert_eq!(
        scope[0].line(),
        "Material scope of XB: unemployment added (Art. 2)"
    );
    assert_eq!(scope[0].party.as_deref(), Some("XB"));
    assert!(find(&r, "Material scope of XA").is_empty());
    let claims = find(&r, "Claimed instruments");
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].new_value.as_deref(), Some("C157"));
    // The posting article's prose: 24 struck out, 36 inserted, nothing else.
    let prose = r
        .prose
        .iter()
        .find(|p| p.new.as_ref().is_some_and(|a| a.number == 7))
        .expect("prose of the posting article");
    let edits: Vec<(Op, &str)> = prose
        .segments
        .iter()
        .filter(|s| s.op != Op::Equal)
        .map(|s| (s.op, s.text.as_str()))
        .collect();
    assert_eq!(edits, vec![(Op::Delete, "24"), (Op::Insert, "36")]);
    // Unemployment gains aggregation for both Parties and everything else for Borduria.
    assert!(r.impact.coverage.iter().all(|c| !c.old && c.new));
    assert!(r
        .impact
        .coverage
        .iter()
        .all(|c| c.branch == pacta::model::Branch::Unemployment));
}

fn codes(list: &[FindingChange]) -> Vec<&str> {
    list.iter().map(|f| f.code.as_str()).collect()
}

/// `(code, at)` of each finding in a list, to say which article or Party a finding concerns.
fn sited(list: &[FindingChange]) -> Vec<(&str, &str)> {
    list.iter()
        .map(|f| (f.code.as_str(), f.at.as_deref().unwrap_or("")))
        .collect()
}

#[test]
fn impact_lists_introduced_and_resolved_findings() {
    let d1 = format!("{FIXTURES}/draft1.pacta");
    let d2 = format!("{FIXTURES}/draft2.pacta");
    let fin = format!("{FIXTURES}/final.pacta");
    let r = report(&d1, &d2);
    // Draft 2 defines "competent institution" without using it (P009, Art. 1), and drops the
    // rule for a person self-employed in both Parties residing elsewhere (former 7.6): both
    // States' laws reach that person for the work in their territory and no rule settles it
    // (P301) in "Activity in both Parties", now Art. 8.
    assert_eq!(codes(&r.impact.introduced), vec!["P009", "P301"]);
    assert_eq!(r.impact.introduced[0].at.as_deref(), Some("Art. 1"));
    let gap = &r.impact.introduced[1];
    assert!(gap.at.as_deref().is_some_and(|a| a.starts_with("Art. 8")));
    assert!(gap.message.contains("self-employed"), "{}", gap.message);
    assert!(r.introduces(pacta::diag::Severity::Error));
    // Draft 2 brings Borduria's unemployment scheme into scope with an institution (P101 and
    // P104 on Party XB resolved), aggregates unemployment periods (Arcadia's unemployment scope,
    // Art. 1, was coordinated by nothing: P103, P406) and counts periods for calculation (P402
    // on the aggregation, old Art. 8); with Borduria's unemployment scheme in scope, the posting rule
    // no longer leaves an Arcadian worker posted there under both unemployment laws (P207, Art. 6(1)).
    let mut resolved = sited(&r.impact.resolved);
    resolved.sort_unstable();
    assert_eq!(
        resolved,
        vec![
            ("P101", "Party XB"),
            ("P103", "Art. 1"),
            ("P104", "Party XB"),
            ("P207", "Art. 6(1)"),
            ("P402", "Art. 8"),
            ("P406", "Art. 1"),
        ]
    );
    let r = report(&d2, &fin);
    // The final text uses the defined term and restores the rule (as 8.6): both resolved.
    assert!(r.impact.introduced.is_empty());
    assert_eq!(codes(&r.impact.resolved), vec!["P009", "P301"]);
    let added = find(&r, "Rule 8.6");
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].kind, ChangeKind::Added);
    // Findings on renumbered articles are the same findings: the gate drafts keep draft 1's
    // articles, and a P008 introduced there does not resolve anything else.
    let r = report(&d1, &format!("{FIXTURES}/gate-warning.pacta"));
    assert_eq!(codes(&r.impact.introduced), vec!["P008"]);
    assert!(r.impact.resolved.is_empty());
    assert!(r.introduces(pacta::diag::Severity::Warning));
    assert!(!r.introduces(pacta::diag::Severity::Error));
}

#[test]
fn the_negotiation_reports_what_moved() {
    let neg = "agreements/negotiation";
    let r = report(
        &format!("{neg}/xa-xc-draft1.pacta"),
        &format!("{neg}/xa-xc-draft2.pacta"),
    );
    let posting = r
        .articles
        .iter()
        .find(|a| {
            a.old
                .as_ref()
                .is_some_and(|o| o.title.as_deref() == Some("Posted workers"))
        })
        .expect("posting article renumbered");
    assert!(posting.kinds.contains(&ArticleChangeKind::Renumbered));
    assert!(find(&r, "Posting limit")
        .iter()
        .any(|c| c.old_value.as_deref() == Some("24 months")
            && c.new_value.as_deref() == Some("36 months")));
    assert!(find(&r, "Material scope of XA")
        .iter()
        .any(|c| c.new_value.as_deref() == Some("unemployment")));
    assert!(r
        .changes
        .iter()
        .any(|c| c.subject == "Rule 8.5" && c.kind == ChangeKind::Removed));
    // Impact, from the drafts' facts: dropping rule 8.5 leaves the self-employed in both Parties
    // who live in a third State covered by both States' laws, unresolved (a new P301); adding
    // unemployment to both Parties' scope resolves the two P101 findings about it.
    let gap = |f: &&FindingChange| f.code == "P301" && f.message.contains("self-employed");
    assert_eq!(
        r.impact.introduced.iter().filter(gap).count(),
        1,
        "{:?}",
        r.impact.introduced
    );
    assert!(r.introduces(Severity::Error));
    let resolved_p101: Vec<&FindingChange> = r
        .impact
        .resolved
        .iter()
        .filter(|f| f.code == "P101" && f.message.contains("unemployment"))
        .collect();
    assert_eq!(resolved_p101.len(), 2, "{:?}", r.impact.resolved);
    let r = report(
        &format!("{neg}/xa-xc-draft2.pacta"),
        &format!("{neg}/xa-xc-final.pacta"),
    );
    // The final text restores the rule: the gap is resolved and no error is introduced.
    assert_eq!(
        r.impact.resolved.iter().filter(gap).count(),
        1,
        "{:?}",
        r.impact.resolved
    );
    assert!(!r.introduces(Severity::Error), "{:?}", r.impact.introduced);
    assert!(r
        .changes
        .iter()
        .any(|c| c.subject.starts_with("Rule") && c.kind == ChangeKind::Added));
    assert!(!r.prose.is_empty());
}

// ───────────────────────────── symmetry ─────────────────────────────

#[test]
fn a_draft_against_itself_is_empty() {
    let drafts = all_drafts();
    assert!(drafts.len() >= 5, "{drafts:?}");
    for d in drafts {
        let r = report(&d, &d);
        assert!(r.is_empty(), "{d}:\n{}", render::text::render(&r, false));
        assert!(render::text::render(&r, false).contains("no changes"));
    }
}

fn mirror(kind: ChangeKind) -> ChangeKind {
    match kind {
        ChangeKind::Added => ChangeKind::Removed,
        ChangeKind::Removed => ChangeKind::Added,
        k => k,
    }
}

/// A report read backwards, in a comparable form.
fn normal_form(r: &Report, reversed: bool) -> Vec<String> {
    let mut out = Vec::new();
    for c in &r.changes {
        let (kind, oa, na, ov, nv) = if reversed {
            (
                mirror(c.kind),
                &c.new_at,
                &c.old_at,
                &c.new_value,
                &c.old_value,
            )
        } else {
            (c.kind, &c.old_at, &c.new_at, &c.old_value, &c.new_value)
        };
        out.push(format!(
            "change {:?} {:?} {kind:?} {} {oa:?} {na:?} {ov:?} {nv:?} {:?}",
            c.group, c.party, c.subject, c.detail
        ));
    }
    for a in &r.articles {
        let (o, n) = if reversed {
            (&a.new, &a.old)
        } else {
            (&a.old, &a.new)
        };
        let mut kinds: Vec<String> = a
            .kinds
            .iter()
            .map(|k| match (k, reversed) {
                (ArticleChangeKind::Added, true) => "Removed".into(),
                (ArticleChangeKind::Removed, true) => "Added".into(),
                (k, _) => format!("{k:?}"),
            })
            .collect();
        kinds.sort();
        out.push(format!("article {kinds:?} {o:?} {n:?}"));
    }
    for p in &r.prose {
        let text = |skip: Op| -> String {
            p.segments
                .iter()
                .filter(|s| s.op != skip)
                .map(|s| s.text.as_str())
                .collect()
        };
        let (o, n) = (text(Op::Insert), text(Op::Delete));
        let (o, n) = if reversed { (n, o) } else { (o, n) };
        let (ao, an) = if reversed {
            (&p.new, &p.old)
        } else {
            (&p.old, &p.new)
        };
        out.push(format!("prose {ao:?} {an:?} {o:?} {n:?}"));
    }
    let (intro, resolved) = if reversed {
        (&r.impact.resolved, &r.impact.introduced)
    } else {
        (&r.impact.introduced, &r.impact.resolved)
    };
    for f in intro {
        out.push(format!(
            "introduced {} {:?} {}",
            f.code, f.severity, f.message
        ));
    }
    for f in resolved {
        out.push(format!(
            "resolved {} {:?} {}",
            f.code, f.severity, f.message
        ));
    }
    for c in &r.impact.coverage {
        let (o, n) = if reversed {
            (c.new, c.old)
        } else {
            (c.old, c.new)
        };
        out.push(format!(
            "coverage {} {:?} {:?} {o} {n}",
            c.party, c.branch, c.aspect
        ));
    }
    out.sort();
    out
}

#[test]
fn a_diff_backwards_reports_the_same_changes_mirrored() {
    let mut drafts: Vec<String> = ["draft1", "draft2", "final", "gate-warning"]
        .iter()
        .map(|d| format!("{FIXTURES}/{d}.pacta"))
        .collect();
    for (_, old, new) in pairs() {
        drafts.push(old);
        drafts.push(new);
    }
    drafts.sort();
    drafts.dedup();
    let mut compared = 0;
    for a in &drafts {
        for b in &drafts {
            if a >= b {
                continue;
            }
            let forward = normal_form(&report(a, b), false);
            let backward = normal_form(&report(b, a), true);
            assert_eq!(forward, backward, "{a} ⇄ {b}");
            compared += 1;
        }
    }
    assert!(compared >= 6);
}

// ───────────────────────────── JSON Schema ─────────────────────────────

/// The schema exactly as `pacta schema diff` prints it.
fn schema_text() -> String {
    pacta::emit::schema_to_json(&diff::report_schema())
}

#[test]
fn the_committed_schema_is_current() {
    let path = "docs/diff.schema.json";
    let current = schema_text();
    if std::env::var_os("PACTA_BLESS").is_some() {
        std::fs::write(path, &current).expect("write docs/diff.schema.json");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == current,
        "docs/diff.schema.json is stale; regenerate it with `PACTA_BLESS=1 cargo test --test it diff::`"
    );
}

#[test]
fn every_json_report_validates_against_the_schema() {
    let schema = serde_json::to_value(diff::report_schema()).expect("schema as JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let mut reports = Vec::new();
    for (_, old, new) in pairs() {
        reports.push(report(&old, &new));
        reports.push(report(&new, &old));
    }
    reports.push(report(
        &format!("{FIXTURES}/draft1.pacta"),
        &format!("{FIXTURES}/draft1.pacta"),
    ));
    for r in reports {
        let json: serde_json::Value =
            serde_json::from_str(&render::json::render(&r)).expect("the report is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(json["schema"], "pacta.diff/1");
    }
    // The schema is not vacuous: a report with a wrong kind is refused.
    let mut json = serde_json::to_value(report(
        &format!("{FIXTURES}/draft1.pacta"),
        &format!("{FIXTURES}/draft2.pacta"),
    ))
    .expect("report as JSON");
    json["changes"][0]["kind"] = serde_json::json!("teleported");
    assert!(!validator.is_valid(&json));
}

// ───────────────────────────── HTML ─────────────────────────────

const VOID: &[&str] = &["meta", "br", "link", "img", "hr", "input"];

/// Check that tags are balanced and properly nested, and that every `&` starts an entity.
fn well_formed(html: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        let tail = &rest[i..];
        if tail.starts_with('&') {
            let end = tail.find(';').ok_or("`&` without `;`")?;
            let entity = &tail[1..end];
            let ok = entity
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '#')
                && !entity.is_empty();
            if !ok {
                return Err(format!("bare `&` before {:?}", &tail[..tail.len().min(20)]));
            }
            rest = &tail[end + 1..];
            continue;
        }
        let end = tail.find('>').ok_or("unclosed tag")?;
        let tag = &tail[1..end];
        rest = &tail[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            return Err(format!("bad tag <{tag}>"));
        }
        if name == "style" {
            // CSS is ours and holds no markup; skip to its end.
            let close = rest.find("</style>").ok_or("unclosed style")?;
            rest = &rest[close + "</style>".len()..];
            continue;
        }
        if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("unclosed {stack:?}"))
    }
}

#[test]
fn html_escapes_agreement_text_and_is_well_formed() {
    // Draft 2 has `<script>alert(1)</script> & "quoted"` in its prose.
    let source = std::fs::read_to_string(format!("{FIXTURES}/draft2.pacta")).expect("draft 2");
    assert!(source.contains("<script>alert(1)</script>"));
    for (old, new) in [
        ("draft1", "draft2"),
        ("draft2", "final"),
        ("draft2", "draft1"),
    ] {
        let r = report(
            &format!("{FIXTURES}/{old}.pacta"),
            &format!("{FIXTURES}/{new}.pacta"),
        );
        let html = render::html::render(&r);
        assert!(!html.to_lowercase().contains("<script"), "{old} → {new}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&amp; &quot;quoted&quot;"));
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "self-contained"
        );
        well_formed(&html).unwrap_or_else(|e| panic!("{old} → {new}: {e}"));
        let md = render::markdown::render(&r);
        assert!(!md.to_lowercase().contains("<script"));
    }
    for (_, old, new) in pairs() {
        well_formed(&render::html::render(&report(&old, &new))).expect("well-formed");
    }
}

#[test]
fn the_well_formedness_check_catches_broken_markup() {
    assert!(well_formed("<p><b>x</p></b>").is_err());
    assert!(well_formed("<p>a & b</p>").is_err());
    assert!(well_formed("<div>").is_err());
    assert!(well_formed("<p>a &amp; <br> b</p>").is_ok());
}

#[test]
fn findings_are_matched_by_model_location_not_by_line() {
    use pacta::diag::{Diagnostic, Severity};
    let mut a = checked(&format!("{FIXTURES}/draft1.pacta"));
    let mut b = checked(&format!("{FIXTURES}/draft2.pacta"));
    let rule_span = |c: &pacta::Checked, label: &str| {
        c.agreement
            .as_ref()
            .and_then(|x| x.rule(label))
            .map(|r| r.rule.span)
            .expect("rule")
    };
    let article_span = |c: &pacta::Checked, n: u32| {
        c.agreement
            .as_ref()
            .and_then(|x| x.articles.iter().find(|a| a.number.value == n))
            .map(|a| a.span)
            .expect("article")
    };
    // The same posting finding on rule 6.1 (draft 1) and on the same rule, now 7.1 (draft 2),
    // at another line: neither introduced nor resolved.
    let limit = |label: &str, span| {
        Diagnostic::new(
            "P304",
            Severity::Warning,
            format!("rule {label} posts for too long"),
            span,
        )
    };
    a.diagnostics.push(limit("6.1", rule_span(&a, "6.1")));
    b.diagnostics.push(limit("7.1", rule_span(&b, "7.1")));
    // Draft 2 drops rule 7.6: the real double coverage (P301) appears in "Activity in both
    // Parties" (Art. 7 → Art. 8), next to the unused definition (P009).
    let r = diff::diff(Draft::of(&a).expect("a"), Draft::of(&b).expect("b"));
    assert_eq!(codes(&r.impact.introduced), vec!["P009", "P301"]);
    assert!(r.impact.introduced[1]
        .at
        .as_deref()
        .is_some_and(|at| at.starts_with("Art. 8")));
    assert!(r.impact.resolved.iter().all(|f| f.code != "P304"));
    // The same finding in another article is another finding: move draft 2's P301 to Art. 7.
    let mut c = checked(&format!("{FIXTURES}/draft2.pacta"));
    let at = c
        .diagnostics
        .iter()
        .position(|d| d.code == "P301")
        .expect("draft 2 has the gap");
    let gap = c.diagnostics.remove(at);
    c.diagnostics.push(Diagnostic {
        primary: pacta::diag::Label {
            span: article_span(&c, 7),
            message: String::new(),
        },
        ..gap
    });
    let r = diff::diff(Draft::of(&b).expect("b"), Draft::of(&c).expect("c"));
    assert_eq!(sited(&r.impact.introduced), vec![("P301", "Art. 7")]);
    // In the order of draft b: rule 7.1 (Art. 7) stands before Art. 8.
    assert_eq!(codes(&r.impact.resolved), vec!["P304", "P301"]);
}

#[test]
fn diffing_mangled_drafts_never_panics() {
    // Every draft with one line deleted (often leaving structure errors or unparsable text),
    // diffed against the original both ways and rendered in every format.
    let path = format!("{FIXTURES}/draft2.pacta");
    let text = std::fs::read_to_string(&path).expect("draft 2");
    let original = checked(&path);
    let lines: Vec<&str> = text.lines().collect();
    let mut compared = 0;
    for i in 0..lines.len() {
        let mut mangled: Vec<&str> = lines.clone();
        mangled.remove(i);
        let m = pacta::check_source("mangled.pacta", &mangled.join("\n"), &Config::default());
        let (Some(a), Some(b)) = (Draft::of(&original), Draft::of(&m)) else {
            continue;
        };
        for r in [diff::diff(a, b), diff::diff(b, a)] {
            let _ = render::text::render(&r, true);
            let _ = render::markdown::render(&r);
            let _ = render::json::render(&r);
            let html = render::html::render(&r);
            assert!(!html.to_lowercase().contains("<script"));
        }
        compared += 1;
    }
    assert!(compared > 50, "{compared}");
}
