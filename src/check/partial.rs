//! The principle checks of a file that has errors. An error confined to some Articles (a syntax
//! error, or a structure error such as a duplicate label or an unknown Party inside an Article)
//! does not silence the checks on the rest of the file: the broken Articles are set aside, the
//! rest is resolved and checked, and a finding is kept only when nothing the broken Articles could
//! say would change it:
//! - it stands in an Article that resolves soundly without the broken ones;
//! - it is a principle check, not a structure one (which reads names across the whole file);
//! - its family is not one the broken Articles write provisions of (a `rule` line in a broken
//!   Article silences the applicable-legislation checks, an `export` block the export checks, a
//!   word this module cannot place silences every family).
//!
//! An error outside any Article (the header, a Party, a scenario) still silences every check.

use super::registry::{self, Family};
use crate::ast::{Division, Document, PartItem};
use crate::diag::{Diagnostic, Severity};
use crate::span::Span;
use crate::syntax::shift::{Move, Shift};
use crate::syntax::tokens::{tokenize, TokenKind};
use std::collections::BTreeSet;

/// How many times Articles broken by the removal of others are set aside in turn.
const MAX_ROUNDS: usize = 8;

/// The findings of the principle checks that stand despite the errors, finished (severities,
/// profile, suppressions and configuration applied). `document` is the tree (partial with syntax
/// errors), `errors` the syntax and structure errors found in it.
pub(crate) fn findings_despite_errors(
    text: &str,
    document: &Document,
    errors: &[Diagnostic],
    config: &crate::config::Config,
) -> Vec<Diagnostic> {
    match Aside::find(text, document, errors) {
        Some(aside) => findings_given(document, aside, config),
        None => Vec::new(),
    }
}

/// What the errors set aside, found from the errors and the text alone, before anything is
/// resolved: the Articles of the tree that hold an error, the stretches of text the partial parse
/// left out, and the families of checks whose provisions they write.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Aside {
    broken: Vec<Span>,
    gaps: Vec<Span>,
    touched: BTreeSet<Family>,
}

impl Aside {
    /// `None` when an error lies where no check can stand (the header, a Party, a scenario).
    fn find(text: &str, document: &Document, errors: &[Diagnostic]) -> Option<Aside> {
        let mut broken: Vec<Span> = Vec::new();
        let mut gaps: Vec<Span> = Vec::new();
        for d in errors.iter().filter(|d| d.severity == Severity::Error) {
            let e = d.primary.span;
            match article_around(document, e) {
                Some(a) => broken.push(a),
                None => gaps.push(gap_around(document, e, text)?),
            }
        }
        let touched = touched_by_text(text, &gaps);
        Some(Aside {
            broken,
            gaps,
            touched,
        })
    }

    fn shifted(&self, m: Move) -> Aside {
        let mut moved = self.clone();
        moved.broken.shift(m);
        moved.gaps.shift(m);
        moved
    }
}

/// The findings despite errors with what decides them, so that the next version of the text can
/// reuse them (the language server, while the same Article stays broken).
#[derive(Clone, Debug)]
pub(crate) struct Despite {
    aside: Option<Aside>,
    config: crate::config::Config,
    pub(crate) findings: Vec<Diagnostic>,
}

impl Despite {
    /// [`findings_despite_errors`], kept with what decides them.
    pub(crate) fn new(
        text: &str,
        document: &Document,
        errors: &[Diagnostic],
        config: &crate::config::Config,
    ) -> Despite {
        let aside = Aside::find(text, document, errors);
        let findings = match &aside {
            Some(a) => findings_given(document, a.clone(), config),
            None => Vec::new(),
        };
        Despite {
            aside,
            config: config.clone(),
            findings,
        }
    }

    /// The findings after an edit that left the tree as it was but for the positions `moved`
    /// (an edit inside the one Article a syntax error keeps out of the partial document), and
    /// whether the previous ones were reused. They are when the errors set aside the same text,
    /// moved, and it writes provisions of the same families: everything the checks read is then
    /// the same, so their findings are the previous ones, moved. Otherwise they are found again.
    pub(crate) fn after_edit(
        &self,
        moved: Move,
        text: &str,
        document: &Document,
        errors: &[Diagnostic],
        config: &crate::config::Config,
    ) -> (Despite, bool) {
        let aside = Aside::find(text, document, errors);
        let same = *config == self.config
            && match (&aside, &self.aside) {
                (Some(new), Some(old)) => *new == old.shifted(moved),
                (None, None) => true,
                _ => false,
            };
        if !same {
            return (Despite::new(text, document, errors, config), false);
        }
        let mut findings = self.findings.clone();
        findings.shift(moved);
        let despite = Despite {
            aside,
            config: config.clone(),
            findings,
        };
        (despite, true)
    }
}

/// The findings that stand once `aside` is set aside (see the module's documentation).
fn findings_given(
    document: &Document,
    aside: Aside,
    config: &crate::config::Config,
) -> Vec<Diagnostic> {
    let Aside {
        mut broken,
        gaps: _,
        mut touched,
    } = aside;
    let mut document = document.clone();
    let mut agreement = None;
    for _ in 0..MAX_ROUNDS {
        for a in crate::ide::articles(&document).filter(|a| broken.contains(&a.span)) {
            touched.extend(touched_by_article(a));
        }
        // Nothing would be left to report: no need to resolve.
        if touched.len() == Family::ALL.len() {
            return Vec::new();
        }
        remove_articles(&mut document, &broken);
        let (resolved, diagnostics) = crate::model::resolve(&document);
        let new_errors: Vec<Span> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.primary.span)
            .collect();
        if new_errors.is_empty() {
            agreement = Some(resolved);
            break;
        }
        for e in new_errors {
            match article_around(&document, e) {
                Some(a) => broken.push(a),
                None => return Vec::new(),
            }
        }
    }
    let Some(agreement) = agreement else {
        return Vec::new();
    };
    let sound: Vec<Span> = crate::ide::articles(&document).map(|a| a.span).collect();
    let mut found = super::run(&agreement);
    found.extend(crate::legislation::check(&agreement));
    found.extend(crate::render::prose::check(&agreement));
    super::unverified::apply(&agreement, &mut found);
    found.retain(|d| {
        let family = registry::get(d.code).map(|c| c.family);
        family.is_some_and(|f| f != Family::Structure && !touched.contains(&f))
            && sound.iter().any(|a| a.contains(d.primary.span))
    });
    // A suppression whose finding was set aside is not stale: P010 is not judged here.
    let mut found = super::finish(found, Some(&agreement), config);
    found.retain(|d| d.code != "P010");
    found
}

/// The Article that holds a span.
fn article_around(document: &Document, at: Span) -> Option<Span> {
    crate::ide::articles(document)
        .map(|a| a.span)
        .find(|a| a.contains(at))
}

/// The stretch of text between the constructs of a partial document where a syntax error lies
/// (what the partial parse left out), unless it held something other than Articles.
fn gap_around(document: &Document, at: Span, text: &str) -> Option<Span> {
    let mut spans: Vec<Span> = Vec::new();
    spans.extend(document.header.iter().map(|h| h.span));
    spans.extend(document.parties.iter().map(|p| p.span));
    spans.extend(document.scenarios.iter().map(|s| s.span));
    spans.extend(crate::ide::articles(document).map(|a| a.span));
    for d in &document.body {
        if let Division::Part(p) = d {
            for i in &p.items {
                match i {
                    PartItem::Text(t) => spans.push(t.span),
                    PartItem::Allow(a) => spans.push(a.span),
                    _ => {}
                }
            }
        }
    }
    if spans.iter().any(|s| s.contains(at)) {
        return None;
    }
    let start = spans
        .iter()
        .map(|s| s.end)
        .filter(|e| *e <= at.start)
        .max()
        .unwrap_or(0);
    let end = spans
        .iter()
        .map(|s| s.start)
        .filter(|s| *s >= at.end)
        .min()
        .unwrap_or(text.len());
    let gap = text.get(start..end)?;
    // A broken header or Party changes what every Article means.
    let leaves_out_more = gap.lines().any(|l| {
        let w = l.trim_start();
        ["agreement", "party"].iter().any(|k| {
            w.starts_with(k) && !w[k.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
        })
    });
    (!leaves_out_more).then_some(Span::new(start, end))
}

fn remove_articles(document: &mut Document, spans: &[Span]) {
    let gone = |s: Span| spans.contains(&s);
    document
        .body
        .retain(|d| !matches!(d, Division::Article(a) if gone(a.span)));
    for d in &mut document.body {
        if let Division::Part(p) = d {
            p.items
                .retain(|i| !matches!(i, PartItem::Article(a) if gone(a.span)));
            for i in &mut p.items {
                if let PartItem::Chapter(c) = i {
                    c.articles.retain(|a| !gone(a.span));
                }
            }
        }
    }
}

/// The families of checks whose provisions the broken text writes, from its keywords wherever they
/// stand; a word that begins a provision and is not known to belong to one family touches them all.
fn touched_by_text(text: &str, gaps: &[Span]) -> BTreeSet<Family> {
    let mut out = BTreeSet::new();
    for span in gaps {
        let Some(region) = text.get(span.range()) else {
            return Family::ALL.into_iter().collect();
        };
        let tokens = tokenize(region);
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let word = &region[t.span.range()];
            // Where a provision may begin: the first token of a line, or after a brace.
            let line_begin = region[..t.span.start].rfind('\n').map_or(0, |n| n + 1);
            let statement = region[line_begin..t.span.start].trim().is_empty()
                || i == 0
                || matches!(tokens[i - 1].kind, TokenKind::Open | TokenKind::Close);
            let families = match keyword_families(word) {
                Some(f) => f,
                None if word == "define" || word == "benefit" => &Family::ALL,
                // Anywhere else, a word is a value or a name; where a provision begins, it must
                // be one this table knows.
                None if !statement => &[],
                None if ["article", "paragraph", "text", "allow", "chapter", "part"]
                    .contains(&word) =>
                {
                    &[]
                }
                None if crate::ide::field_doc(word).is_some() => &[],
                None => &Family::ALL,
            };
            out.extend(families.iter().copied());
        }
    }
    out
}

/// The families of checks whose provisions a parsed Article writes.
fn touched_by_article(a: &crate::ast::Article) -> BTreeSet<Family> {
    use crate::ast::{ArticleItem, Provision};
    let mut out = BTreeSet::new();
    let provisions = a.items.iter().flat_map(|i| match i {
        ArticleItem::Provision(p) => std::slice::from_ref(p).iter(),
        ArticleItem::Paragraph(p) => p.provisions.iter(),
    });
    for p in provisions {
        let families: &[Family] = match p {
            Provision::Rule(_) => keyword_families("rule").unwrap_or(&Family::ALL),
            Provision::Scope(_) => keyword_families("scope").unwrap_or(&Family::ALL),
            Provision::Block(b) => keyword_families(&b.keyword.value).unwrap_or(&Family::ALL),
            Provision::Line(l) => keyword_families(&l.keyword.value).unwrap_or(&Family::ALL),
            Provision::Text(_) | Provision::Allow(_) => &[],
            Provision::Define(_) | Provision::Benefit(_) => &Family::ALL,
        };
        out.extend(families.iter().copied());
    }
    out
}

/// The families of checks that read the provisions a keyword begins; `None` for a word that is not
/// a provision keyword or whose provisions several families read (`define`, `benefit`, …).
fn keyword_families(word: &str) -> Option<&'static [Family]> {
    use Family::*;
    Some(match word {
        "rule" => &[ApplicableLegislation],
        "scope" | "personal-scope" | "excluded-categories" | "excluded" | "regardless-of" => {
            &[Scope, Equality]
        }
        "equal-treatment" => &[Equality],
        "export" | "exceptions" => &[Export],
        "aggregation" | "calculation" | "minimum-period" | "residence-fiction" => &[Aggregation],
        "overlapping" => &[Plurality],
        "administration" => &[Administration],
        "transitional" | "termination" | "duration" | "entry-into-force" | "signature" => {
            &[FinalProvisions]
        }
        "see" => &[],
        _ => return None,
    })
}
