//! Structured changes between two matched drafts, in the terms negotiators use: "Posting limit
//! (Art. 7.1 → Art. 8.1): 24 months → 36 months", "Material scope of XB: unemployment added
//! (Art. 2)", "Rule 8.5 removed (Art. 8)".

use super::matching::{normalize, out_of_order, rule_signature, Matching};
use super::{ArticleChange, ArticleChangeKind, ArticleRef, Change, ChangeKind, Draft, Group};
use crate::ast::{self, ClauseKind, ConditionKind, Field};
use crate::model::{Agreement, Branch, Place, Provision};
use crate::render::words;
use crate::span::SourceFile;
use std::collections::{BTreeMap, BTreeSet};

// ───────────────────────────── citations ─────────────────────────────

/// A field's items as written, separated by commas.
pub fn field_text(file: &SourceFile, f: &Field) -> String {
    items_text(file, &f.items).join(", ")
}

/// A field's items with strings unquoted: `draft: "2"` gives `2`.
pub fn field_plain(file: &SourceFile, f: &Field) -> String {
    f.items
        .iter()
        .map(|i| match i.single().map(|v| &v.kind) {
            Some(ast::ValueKind::Str(s)) => s.clone(),
            _ => normalize(file.slice(i.span)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn items_text(file: &SourceFile, items: &[ast::Item]) -> Vec<String> {
    items
        .iter()
        .map(|i| normalize(file.slice(i.span)))
        .collect()
}

/// `Art. 7`, `Art. 7(2)` or `Art. 7.2` for a paragraph labelled `7.2`.
pub fn cite_place(a: &Agreement, place: &Place) -> Option<String> {
    let art = a.article_of(place)?;
    Some(match &place.paragraph {
        Some(p) => cite_label(&art.number, p),
        None => art.cite(),
    })
}

/// A label cited under its article: `Art. 7.1` when the label starts with the article number,
/// else `Art. 7(a)`.
fn cite_label(number: &crate::numbering::ArticleNo, label: &str) -> String {
    let n = number.to_string();
    match label.strip_prefix(&n) {
        Some(rest) if rest.starts_with(['.', '(']) => format!("Art. {label}"),
        _ => format!("Art. {number}({label})"),
    }
}

/// Where a rule stands: `Art. 7.1`, or `Art. 7, rule a` when its label does not follow the
/// article's number.
pub fn cite_rule(a: &Agreement, r: &crate::model::RuleDecl) -> Option<String> {
    let art = a.article_of(&r.place)?;
    let label = &r.rule.label.value;
    let n = art.number.to_string();
    Some(match label.strip_prefix(&n) {
        Some(rest) if rest.is_empty() || rest.starts_with(['.', '(']) => format!("Art. {label}"),
        _ => format!("Art. {}, rule {label}", art.number),
    })
}

// ───────────────────────────── articles ─────────────────────────────

/// Articles added, removed, renumbered, retitled, retagged or moved, in the order of the new
/// draft (a removed article stands after the article that preceded it).
pub fn articles(old: &Draft<'_>, new: &Draft<'_>, m: &Matching) -> Vec<ArticleChange> {
    let (a, b) = (&old.agreement.articles, &new.agreement.articles);
    let moved: BTreeSet<usize> = out_of_order(&m.articles).into_iter().collect();
    let mut keyed: Vec<((usize, usize, usize), ArticleChange)> = Vec::new();
    for (n, art) in b.iter().enumerate() {
        let Some(o) = m.articles.old_of(n) else {
            keyed.push((
                (n, 0, 0),
                ArticleChange {
                    kinds: vec![ArticleChangeKind::Added],
                    old: None,
                    new: Some(ArticleRef::of(art)),
                    matched_by: None,
                },
            ));
            continue;
        };
        let Some(was) = a.get(o) else { continue };
        let mut kinds = Vec::new();
        if was.number != art.number {
            kinds.push(ArticleChangeKind::Renumbered);
        }
        if was.title != art.title {
            kinds.push(ArticleChangeKind::Retitled);
        }
        if was.tag != art.tag {
            kinds.push(ArticleChangeKind::Retagged);
        }
        if moved.contains(&o) || was.part != art.part || was.chapter != art.chapter {
            kinds.push(ArticleChangeKind::Moved);
        }
        if !kinds.is_empty() {
            keyed.push((
                (n, 0, 0),
                ArticleChange {
                    kinds,
                    old: Some(ArticleRef::of(was)),
                    new: Some(ArticleRef::of(art)),
                    matched_by: m.article_by.get(o).copied().flatten(),
                },
            ));
        }
    }
    let preceding = m.preceding_new();
    for (o, art) in a.iter().enumerate() {
        if m.articles.new_of(o).is_some() {
            continue;
        }
        let after = preceding[o];
        keyed.push((
            (after, 1, o),
            ArticleChange {
                kinds: vec![ArticleChangeKind::Removed],
                old: Some(ArticleRef::of(art)),
                new: None,
                matched_by: None,
            },
        ));
    }
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, c)| c).collect()
}

// ───────────────────────────── changes ─────────────────────────────

/// Collects changes in emission order; [`Collector::finish`] groups them.
struct Collector<'a> {
    old: &'a Draft<'a>,
    new: &'a Draft<'a>,
    m: &'a Matching,
    out: Vec<Change>,
}

/// A change before it is placed in a group.
struct Draftchange {
    kind: ChangeKind,
    subject: String,
    old_at: Option<String>,
    new_at: Option<String>,
    old_value: Option<String>,
    new_value: Option<String>,
    detail: Option<String>,
    words: Option<super::Words>,
}

fn ch(kind: ChangeKind, subject: impl Into<String>) -> Draftchange {
    Draftchange {
        kind,
        subject: subject.into(),
        old_at: None,
        new_at: None,
        old_value: None,
        new_value: None,
        detail: None,
        words: None,
    }
}

impl Draftchange {
    fn at(mut self, old: Option<String>, new: Option<String>) -> Self {
        self.old_at = old;
        self.new_at = new;
        self
    }
    fn values(mut self, old: Option<String>, new: Option<String>) -> Self {
        self.old_value = old;
        self.new_value = new;
        self
    }
    /// What a whole added or removed element says.
    fn detail(mut self, detail: String) -> Self {
        self.detail = Some(detail);
        self
    }
    /// The element in words, as the old and the new draft have it.
    fn words(mut self, old: Option<String>, new: Option<String>) -> Self {
        self.words = Some(super::Words { old, new });
        self
    }
}

impl Collector<'_> {
    fn push(&mut self, group: Group, party: Option<&str>, c: Draftchange) {
        self.out.push(Change {
            group,
            principle: group.principle(),
            party: party.map(str::to_string),
            kind: c.kind,
            subject: c.subject,
            old_at: c.old_at,
            new_at: c.new_at,
            old_value: c.old_value,
            new_value: c.new_value,
            detail: c.detail,
            words: c.words,
        });
    }

    /// Give the first change pushed since `before` the element's old and new wording.
    fn attach_words(&mut self, before: usize, old: String, new: String) {
        if old != new {
            if let Some(c) = self.out.get_mut(before) {
                c.words = Some(super::Words {
                    old: Some(old),
                    new: Some(new),
                });
            }
        }
    }

    /// Set differences of two lists of words, as added and removed changes.
    #[allow(clippy::too_many_arguments)]
    fn sets(
        &mut self,
        group: Group,
        party: Option<&str>,
        subject: &str,
        old: &[String],
        new: &[String],
        old_at: Option<String>,
        new_at: Option<String>,
    ) {
        for w in new.iter().filter(|w| !old.contains(w)) {
            let c = ch(ChangeKind::Added, subject)
                .at(None, new_at.clone())
                .values(None, Some(w.clone()));
            self.push(group, party, c);
        }
        for w in old.iter().filter(|w| !new.contains(w)) {
            let c = ch(ChangeKind::Removed, subject)
                .at(old_at.clone(), None)
                .values(Some(w.clone()), None);
            self.push(group, party, c);
        }
    }

    fn finish(mut self) -> Vec<Change> {
        // Stable: within a group and a Party, changes keep the order of the drafts.
        self.out
            .sort_by(|x, y| x.group.cmp(&y.group).then(x.party.cmp(&y.party)));
        self.out
    }
}

/// Every structured change between two drafts, grouped by principle (or topic) and Party.
pub fn changes(old: &Draft<'_>, new: &Draft<'_>, m: &Matching) -> Vec<Change> {
    let mut c = Collector {
        old,
        new,
        m,
        out: Vec::new(),
    };
    header(&mut c);
    definitions(&mut c);
    parties(&mut c);
    scope(&mut c);
    provisions(&mut c);
    rules(&mut c);
    scenarios(&mut c);
    c.finish()
}

fn header(c: &mut Collector<'_>) {
    let (a, b) = (c.old.agreement, c.new.agreement);
    let title = |x: &Agreement| x.title.as_ref().map(|t| t.value.clone());
    if title(a) != title(b) {
        let d = ch(ChangeKind::Changed, "Title").values(title(a), title(b));
        c.push(Group::Agreement, None, d);
    }
    let fields = |x: &Agreement, f: &SourceFile| -> Vec<(String, String)> {
        x.header_fields
            .iter()
            .filter(|h| h.name.value != "conforms-to")
            .map(|h| (h.name.value.clone(), field_text(f, h)))
            .collect()
    };
    let fa = fields(a, c.old.file);
    let fb = fields(b, c.new.file);
    let mut names: Vec<&String> = fa.iter().map(|(n, _)| n).collect();
    names.extend(
        fb.iter()
            .map(|(n, _)| n)
            .filter(|n| !fa.iter().any(|(x, _)| x == *n)),
    );
    for name in names {
        let va = fa.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        let vb = fb.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        if va == vb {
            continue;
        }
        let kind = match (&va, &vb) {
            (None, _) => ChangeKind::Added,
            (_, None) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        let subject = format!("Header field {name}");
        c.push(Group::Agreement, None, ch(kind, subject).values(va, vb));
    }
    let claims = |x: &Agreement| -> Vec<String> {
        x.claims
            .iter()
            .map(|k| k.instrument.code.to_string())
            .collect()
    };
    let (ca, cb) = (claims(a), claims(b));
    c.sets(
        Group::Agreement,
        None,
        "Claimed instruments",
        &ca,
        &cb,
        None,
        None,
    );
}

fn definitions(c: &mut Collector<'_>) {
    let (a, b) = (c.old.agreement, c.new.agreement);
    for d in &b.definitions {
        let at = cite_place(b, &d.place);
        match a.definitions.iter().find(|x| x.term.value == d.term.value) {
            None => {
                let x = ch(
                    ChangeKind::Added,
                    format!("Definition of \"{}\"", d.term.value),
                )
                .at(None, at)
                .values(None, Some(d.meaning.value.clone()));
                c.push(Group::Agreement, None, x);
            }
            Some(was) if was.meaning.value != d.meaning.value => {
                let x = ch(
                    ChangeKind::Changed,
                    format!("Definition of \"{}\"", d.term.value),
                )
                .at(cite_place(a, &was.place), at)
                .values(
                    Some(was.meaning.value.clone()),
                    Some(d.meaning.value.clone()),
                );
                c.push(Group::Agreement, None, x);
            }
            Some(_) => {}
        }
    }
    for d in &a.definitions {
        if !b.definitions.iter().any(|x| x.term.value == d.term.value) {
            let x = ch(
                ChangeKind::Removed,
                format!("Definition of \"{}\"", d.term.value),
            )
            .at(cite_place(a, &d.place), None)
            .values(Some(d.meaning.value.clone()), None);
            c.push(Group::Agreement, None, x);
        }
    }
}

fn keys(set: &BTreeSet<Branch>) -> Vec<String> {
    set.iter().map(|b| b.key().to_string()).collect()
}

fn parties(c: &mut Collector<'_>) {
    let (a, b) = (c.old.agreement, c.new.agreement);
    for p in &b.parties {
        let code = p.code.value.as_str();
        let Some(was) = a.party(code) else {
            let x = ch(ChangeKind::Added, format!("Party {code}"))
                .values(None, Some(p.name.value.clone()));
            c.push(Group::Parties, Some(code), x);
            continue;
        };
        if was.name.value != p.name.value {
            let x = ch(ChangeKind::Changed, format!("Name of {code}"))
                .values(Some(was.name.value.clone()), Some(p.name.value.clone()));
            c.push(Group::Parties, Some(code), x);
        }
        let ca =
            |x: &crate::model::PartyDecl| x.competent_authority.as_ref().map(|s| s.value.clone());
        if ca(was) != ca(p) {
            let kind = match (ca(was), ca(p)) {
                (None, _) => ChangeKind::Added,
                (_, None) => ChangeKind::Removed,
                _ => ChangeKind::Changed,
            };
            let x = ch(kind, format!("Competent authority of {code}")).values(ca(was), ca(p));
            c.push(Group::Parties, Some(code), x);
        }
        let subject = format!("Schemes of {code}");
        c.sets(
            Group::Parties,
            Some(code),
            &subject,
            &keys(&was.schemes),
            &keys(&p.schemes),
            None,
            None,
        );
        for i in &p.institutions {
            match was
                .institutions
                .iter()
                .find(|x| x.name.value == i.name.value)
            {
                None => {
                    let x = ch(ChangeKind::Added, format!("Institution of {code}")).values(
                        None,
                        Some(format!(
                            "\"{}\" ({})",
                            i.name.value,
                            keys(&i.branches).join(", ")
                        )),
                    );
                    c.push(Group::AdministrativeAssistance, Some(code), x);
                }
                Some(w) => {
                    let subject = format!("Branches of \"{}\" ({code})", i.name.value);
                    c.sets(
                        Group::AdministrativeAssistance,
                        Some(code),
                        &subject,
                        &keys(&w.branches),
                        &keys(&i.branches),
                        None,
                        None,
                    );
                }
            }
        }
        for i in &was.institutions {
            if !p.institutions.iter().any(|x| x.name.value == i.name.value) {
                let x = ch(ChangeKind::Removed, format!("Institution of {code}")).values(
                    Some(format!(
                        "\"{}\" ({})",
                        i.name.value,
                        keys(&i.branches).join(", ")
                    )),
                    None,
                );
                c.push(Group::AdministrativeAssistance, Some(code), x);
            }
        }
        let lb = |x: &crate::model::PartyDecl| -> Vec<String> {
            x.liaison_bodies
                .iter()
                .map(|s| format!("\"{}\"", s.value))
                .collect()
        };
        let subject = format!("Liaison body of {code}");
        c.sets(
            Group::AdministrativeAssistance,
            Some(code),
            &subject,
            &lb(was),
            &lb(p),
            None,
            None,
        );
    }
    for p in &a.parties {
        let code = p.code.value.as_str();
        if b.party(code).is_none() {
            let x = ch(ChangeKind::Removed, format!("Party {code}"))
                .values(Some(p.name.value.clone()), None);
            c.push(Group::Parties, Some(code), x);
        }
    }
}

/// The article citing where a Party's material scope covers a branch.
fn scope_at(a: &Agreement, party: &str, branch: Branch) -> Option<String> {
    a.scopes
        .iter()
        .find(|s| s.party.value == party && s.branches.contains(&branch))
        .and_then(|s| cite_place(a, &s.place))
}

fn scope(c: &mut Collector<'_>) {
    let (a, b) = (c.old.agreement, c.new.agreement);
    let mut codes: Vec<&str> = b.party_codes();
    codes.extend(a.party_codes().into_iter().filter(|x| b.party(x).is_none()));
    for code in codes {
        let (sa, sb) = (a.scope_of(code), b.scope_of(code));
        for br in sb.difference(&sa) {
            let x = ch(ChangeKind::Added, format!("Material scope of {code}"))
                .at(None, scope_at(b, code, *br))
                .values(None, Some(br.key().to_string()));
            c.push(Group::Scope, Some(code), x);
        }
        for br in sa.difference(&sb) {
            let x = ch(ChangeKind::Removed, format!("Material scope of {code}"))
                .at(scope_at(a, code, *br), None)
                .values(Some(br.key().to_string()), None);
            c.push(Group::Scope, Some(code), x);
        }
    }
    for (n, s) in b.scopes.iter().enumerate() {
        let code = s.party.value.as_str();
        let at = cite_place(b, &s.place);
        match c.m.scopes.old_of(n).and_then(|o| a.scopes.get(o)) {
            None => {
                let x = ch(ChangeKind::Added, format!("Legislation of {code}"))
                    .at(None, at)
                    .values(None, Some(format!("\"{}\"", s.law.value)));
                c.push(Group::Scope, Some(code), x);
            }
            Some(was) if was.bases != s.bases => {
                let words = |bs: &[crate::model::basis::Basis]| {
                    if bs.is_empty() {
                        "territory".to_string()
                    } else {
                        bs.iter().map(|b| b.key()).collect::<Vec<_>>().join(" ")
                    }
                };
                let x = ch(
                    ChangeKind::Changed,
                    format!("Coverage basis of \"{}\" ({code})", s.law.value),
                )
                .at(cite_place(a, &was.place), at)
                .values(Some(words(&was.bases)), Some(words(&s.bases)));
                c.push(Group::Scope, Some(code), x);
            }
            Some(_) => {}
        }
    }
    for (o, s) in a.scopes.iter().enumerate() {
        if c.m.scopes.new_of(o).is_none() {
            let code = s.party.value.as_str();
            let x = ch(ChangeKind::Removed, format!("Legislation of {code}"))
                .at(cite_place(a, &s.place), None)
                .values(Some(format!("\"{}\"", s.law.value)), None);
            c.push(Group::Scope, Some(code), x);
        }
    }
}

// ───────────────────────────── provisions ─────────────────────────────

/// The topic of a provision.
pub fn provision_group(p: &Provision) -> Group {
    if p.branch.is_some() {
        return Group::AcquiredRights;
    }
    match p.keyword.value.as_str() {
        "personal-scope" | "regardless-of" | "excluded-categories" | "excluded" => Group::Scope,
        "equal-treatment" => Group::EqualityOfTreatment,
        "exceptions" => Group::ApplicableLegislation,
        "aggregation" | "calculation" | "minimum-period" | "voluntary-insurance" => {
            Group::RightsInCourseOfAcquisition
        }
        "export" | "residence-fiction" => Group::AcquiredRights,
        "administration" => Group::AdministrativeAssistance,
        "overlapping" => Group::UnduePlurality,
        "transitional" | "termination" | "duration" | "entry-into-force" | "signature" => {
            Group::FinalProvisions
        }
        _ => Group::Other,
    }
}

/// A provision named as a negotiator reads it: "Aggregation of periods (invalidity, old-age)".
fn provision_title(file: &SourceFile, p: &Provision) -> String {
    let name = provision_name(p);
    // Several aggregation or calculation blocks are told apart by their branches.
    match p.field("branches") {
        Some(f) if matches!(p.keyword.value.as_str(), "aggregation" | "calculation") => {
            format!("{name} ({})", field_text(file, f))
        }
        _ => name,
    }
}

/// A provision's name without its branches, the same in both drafts.
fn provision_name(p: &Provision) -> String {
    if let Some(b) = p.branch {
        return format!("Provision on {}", b.title());
    }
    let name = match p.keyword.value.as_str() {
        "equal-treatment" => "Equality of treatment",
        "export" => "Export of benefits",
        "aggregation" => "Aggregation of periods",
        "calculation" => "Calculation of benefits",
        "minimum-period" => "Periods of less than one year",
        "overlapping" => "Overlapping of benefits",
        "administration" => "Administrative assistance",
        "transitional" => "Transitional provisions",
        "termination" => "Termination",
        "exceptions" => "Exceptions by agreement",
        "voluntary-insurance" => "Voluntary insurance",
        "residence-fiction" => "Residence fiction",
        "personal-scope" => "Personal scope",
        "regardless-of" => "Personal scope regardless of",
        "excluded-categories" => "Excluded categories",
        "excluded" => "Excluded from the material scope",
        "duration" => "Duration of the agreement",
        "entry-into-force" => "Entry into force",
        "signature" => "Signature",
        "see" => "Cross-reference",
        other => other,
    };
    name.to_string()
}

/// Whether a provision is a line (`personal-scope: …`): one field named after its keyword.
fn is_line(p: &Provision) -> bool {
    p.branch.is_none() && p.fields.len() == 1 && p.has(&p.keyword.value)
}

/// A provision's content in one line: `branches: unemployment; periods: insurance`.
fn provision_summary(file: &SourceFile, p: &Provision) -> String {
    if is_line(p) {
        return p
            .fields
            .first()
            .map(|f| field_text(file, f))
            .unwrap_or_default();
    }
    p.fields
        .iter()
        .map(|f| format!("{}: {}", f.name.value, field_text(file, f)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn provisions(c: &mut Collector<'_>) {
    let (a, b) = (c.old.agreement, c.new.agreement);
    let (na, nb) = (words::Names::of(a), words::Names::of(b));
    for (n, p) in b.provisions.iter().enumerate() {
        let group = provision_group(p);
        let title = provision_name(p);
        let new_at = cite_place(b, &p.place);
        let Some((o, was)) =
            c.m.provisions
                .old_of(n)
                .and_then(|o| Some((o, a.provisions.get(o)?)))
        else {
            let x = ch(ChangeKind::Added, provision_title(c.new.file, p))
                .at(None, new_at)
                .detail(provision_summary(c.new.file, p))
                .words(None, Some(words::model_provision(p, &nb)));
            c.push(group, None, x);
            continue;
        };
        let _ = o;
        let old_at = cite_place(a, &was.place);
        let relocated = !c.m.same_article(was.place.article, p.place.article)
            || was.place.paragraph != p.place.paragraph;
        if relocated {
            let x = ch(ChangeKind::Moved, title.clone()).at(old_at.clone(), new_at.clone());
            c.push(group, None, x);
        }
        let before = c.out.len();
        fields(c, group, &title, was, p, old_at, new_at);
        c.attach_words(
            before,
            words::model_provision(was, &na),
            words::model_provision(p, &nb),
        );
    }
    for (o, p) in a.provisions.iter().enumerate() {
        if c.m.provisions.new_of(o).is_none() {
            let x = ch(ChangeKind::Removed, provision_title(c.old.file, p))
                .at(cite_place(a, &p.place), None)
                .detail(provision_summary(c.old.file, p))
                .words(Some(words::model_provision(p, &na)), None);
            c.push(provision_group(p), None, x);
        }
    }
}

fn fields(
    c: &mut Collector<'_>,
    group: Group,
    title: &str,
    was: &Provision,
    p: &Provision,
    old_at: Option<String>,
    new_at: Option<String>,
) {
    let (fa, fb) = (c.old.file, c.new.file);
    let mut names: Vec<&str> = was.fields.iter().map(|f| f.name.value.as_str()).collect();
    for f in &p.fields {
        if !names.contains(&f.name.value.as_str()) {
            names.push(&f.name.value);
        }
    }
    let line = is_line(p) && is_line(was);
    for name in names {
        let subject = if line {
            title.to_string()
        } else {
            format!("{title}, {}", name.replace('-', " "))
        };
        let ia = was.field(name).map(|f| items_text(fa, &f.items));
        let ib = p.field(name).map(|f| items_text(fb, &f.items));
        match (ia, ib) {
            (Some(x), Some(y)) if x == y => {}
            (Some(x), Some(y)) if x.len() == 1 && y.len() == 1 => {
                let d = ch(ChangeKind::Changed, subject)
                    .at(old_at.clone(), new_at.clone())
                    .values(Some(x.join(", ")), Some(y.join(", ")));
                c.push(group, None, d);
            }
            (Some(x), Some(y)) => {
                c.sets(
                    group,
                    None,
                    &subject,
                    &x,
                    &y,
                    old_at.clone(),
                    new_at.clone(),
                );
            }
            (None, Some(y)) => {
                let d = ch(ChangeKind::Added, subject)
                    .at(None, new_at.clone())
                    .values(None, Some(y.join(", ")));
                c.push(group, None, d);
            }
            (Some(x), None) => {
                let d = ch(ChangeKind::Removed, subject)
                    .at(old_at.clone(), None)
                    .values(Some(x.join(", ")), None);
                c.push(group, None, d);
            }
            (None, None) => {}
        }
    }
}

// ───────────────────────────── rules ─────────────────────────────

/// The clauses of a rule in comparable form; `overrides` are mapped through `rename`.
#[derive(Default, PartialEq)]
struct Clauses {
    limit: Option<ast::Duration>,
    limit_first: Option<ast::Duration>,
    /// Branches, start dates and allocation, in words.
    reach: Vec<String>,
    extension: Option<(Option<ast::Duration>, Option<String>)>,
    repost_gap: Option<ast::Duration>,
    no_replacement: bool,
    overrides: Vec<String>,
    criteria: BTreeMap<String, String>,
}

fn clauses(rule: &ast::Rule, rename: &dyn Fn(&str) -> String) -> Clauses {
    let mut out = Clauses::default();
    for cl in &rule.clauses {
        match &cl.kind {
            ClauseKind::Limit(d) => out.limit = Some(*d),
            ClauseKind::LimitFirst(d) => out.limit_first = Some(*d),
            ClauseKind::Branches(bs) => out.reach.push(format!(
                "branches {}",
                bs.iter()
                    .map(|b| b.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            ClauseKind::Begun { before, date } => out.reach.push(format!(
                "begun {} {}",
                if *before { "before" } else { "from" },
                date.value
            )),
            ClauseKind::Allocation(per) => out
                .reach
                .push(if *per { "per-activity" } else { "person-level" }.to_string()),
            ClauseKind::Extension { duration, by } => {
                out.extension = Some((*duration, by.as_ref().map(|b| b.value.clone())))
            }
            ClauseKind::RepostGap(d) => out.repost_gap = Some(*d),
            ClauseKind::NoReplacement => out.no_replacement = true,
            ClauseKind::Overrides(list) => {
                out.overrides.extend(list.iter().map(|l| rename(&l.value)))
            }
            ClauseKind::Where {
                variable,
                criterion,
            } => {
                out.criteria
                    .insert(variable.name.clone(), criterion.value.clone());
            }
        }
    }
    out.overrides.sort();
    out.overrides.dedup();
    out
}

fn same_duration(a: Option<ast::Duration>, b: Option<ast::Duration>) -> bool {
    a.map(ast::Duration::days) == b.map(ast::Duration::days)
}

fn extension_text(e: &(Option<ast::Duration>, Option<String>)) -> String {
    match e {
        (Some(d), Some(by)) => format!("{d} by {by}"),
        (Some(d), None) => d.to_string(),
        (None, Some(by)) => format!("by {by}"),
        (None, None) => "unbounded".to_string(),
    }
}

/// Whether a label change only follows its article's renumbering (`7.1` → `8.1` in Art. 7 → 8).
fn follows_article(
    old_label: &str,
    old_art: Option<crate::numbering::ArticleNo>,
    new_label: &str,
    new_art: Option<crate::numbering::ArticleNo>,
) -> bool {
    let (Some(oa), Some(na)) = (old_art, new_art) else {
        return false;
    };
    match (
        old_label.strip_prefix(&oa.to_string()),
        new_label.strip_prefix(&na.to_string()),
    ) {
        (Some(x), Some(y)) => x == y && (x.is_empty() || x.starts_with(['.', '('])),
        _ => false,
    }
}

fn is_posting(rule: &ast::Rule) -> bool {
    rule.conditions
        .iter()
        .any(|c| matches!(c.kind, ConditionKind::Posted(..)))
}

fn rules(c: &mut Collector<'_>) {
    let (a, b) = (c.old.agreement, c.new.agreement);
    let m = c.m;
    // An old label, as the new draft spells it.
    let rename = |label: &str| -> String {
        a.rules
            .iter()
            .position(|r| r.rule.label.value == label)
            .and_then(|o| m.rules.new_of(o))
            .and_then(|n| b.rules.get(n))
            .map_or_else(|| label.to_string(), |r| r.rule.label.value.clone())
    };
    let same = |label: &str| label.to_string();
    let g = Group::ApplicableLegislation;
    let (na, nb) = (words::Names::of(a), words::Names::of(b));
    for (n, r) in b.rules.iter().enumerate() {
        let label = &r.rule.label.value;
        let party = (!r.rule.target.is_variable()).then_some(r.rule.target.name.as_str());
        let new_at = cite_rule(b, r);
        let Some(was) = m.rules.old_of(n).and_then(|o| a.rules.get(o)) else {
            let x = ch(ChangeKind::Added, format!("Rule {label}"))
                .at(None, new_at)
                .detail(rule_signature(c.new.file, &r.rule))
                .words(None, Some(words::rule(&r.rule, &nb)));
            c.push(g, party, x);
            continue;
        };
        let old_at = cite_rule(a, was);
        let old_label = &was.rule.label.value;
        let art_no = |x: &Agreement, p: &Place| x.article_of(p).map(|i| i.number.clone());
        if old_label != label
            && !follows_article(old_label, art_no(a, &was.place), label, art_no(b, &r.place))
        {
            let x = ch(ChangeKind::Renumbered, "Rule")
                .at(old_at.clone(), new_at.clone())
                .values(Some(old_label.clone()), Some(label.clone()));
            c.push(g, party, x);
        }
        if !m.same_article(was.place.article, r.place.article) {
            let x = ch(ChangeKind::Moved, "Rule").at(old_at.clone(), new_at.clone());
            c.push(g, party, x);
        }
        let before = c.out.len();
        let (wa, wb) = (words::rule(&was.rule, &na), words::rule(&r.rule, &nb));
        let (sa, sb) = (
            rule_signature(c.old.file, &was.rule),
            rule_signature(c.new.file, &r.rule),
        );
        if sa != sb {
            let x = ch(ChangeKind::Changed, "Rule conditions")
                .at(old_at.clone(), new_at.clone())
                .values(Some(sa), Some(sb));
            c.push(g, party, x);
        }
        let (ka, kb) = (clauses(&was.rule, &rename), clauses(&r.rule, &same));
        if ka == kb {
            c.attach_words(before, wa, wb);
            continue;
        }
        let at = (old_at.clone(), new_at.clone());
        let dur = |c: &mut Collector<'_>,
                   subject: &str,
                   x: Option<ast::Duration>,
                   y: Option<ast::Duration>| {
            if same_duration(x, y) {
                return;
            }
            let kind = match (x, y) {
                (None, _) => ChangeKind::Added,
                (_, None) => ChangeKind::Removed,
                _ => ChangeKind::Changed,
            };
            let d = ch(kind, subject)
                .at(at.0.clone(), at.1.clone())
                .values(x.map(|d| d.to_string()), y.map(|d| d.to_string()));
            c.push(g, party, d);
        };
        let limit = if is_posting(&r.rule) {
            "Posting limit"
        } else {
            "Time limit"
        };
        dur(c, limit, ka.limit, kb.limit);
        dur(
            c,
            "Limit on the first months",
            ka.limit_first,
            kb.limit_first,
        );
        if ka.reach != kb.reach {
            let text = |r: &[String]| (!r.is_empty()).then(|| r.join("; "));
            let kind = match (ka.reach.is_empty(), kb.reach.is_empty()) {
                (true, _) => ChangeKind::Added,
                (_, true) => ChangeKind::Removed,
                _ => ChangeKind::Changed,
            };
            let d = ch(kind, "Reach of the rule")
                .at(old_at.clone(), new_at.clone())
                .values(text(&ka.reach), text(&kb.reach));
            c.push(g, party, d);
        }
        dur(c, "Re-posting gap", ka.repost_gap, kb.repost_gap);
        let ext_same = match (&ka.extension, &kb.extension) {
            (Some(x), Some(y)) => same_duration(x.0, y.0) && x.1 == y.1,
            (None, None) => true,
            _ => false,
        };
        if !ext_same {
            let kind = match (&ka.extension, &kb.extension) {
                (None, _) => ChangeKind::Added,
                (_, None) => ChangeKind::Removed,
                _ => ChangeKind::Changed,
            };
            let d = ch(kind, "Extension of the posting")
                .at(old_at.clone(), new_at.clone())
                .values(
                    ka.extension.as_ref().map(extension_text),
                    kb.extension.as_ref().map(extension_text),
                );
            c.push(g, party, d);
        }
        if ka.no_replacement != kb.no_replacement {
            let kind = if kb.no_replacement {
                ChangeKind::Added
            } else {
                ChangeKind::Removed
            };
            let d = ch(kind, "No-replacement condition").at(old_at.clone(), new_at.clone());
            c.push(g, party, d);
        }
        // Overrides are compared in the new draft's spelling; a removed one is shown as the old
        // draft wrote it, so that `diff(B, A)` mirrors `diff(A, B)` exactly.
        let written = clauses(&was.rule, &same).overrides;
        let added: Vec<String> = kb
            .overrides
            .iter()
            .filter(|w| !ka.overrides.contains(w))
            .cloned()
            .collect();
        let removed: Vec<String> = written
            .into_iter()
            .filter(|l| !kb.overrides.contains(&rename(l)))
            .collect();
        for w in added {
            let x = ch(ChangeKind::Added, "Rule overrides")
                .at(None, new_at.clone())
                .values(None, Some(w));
            c.push(g, party, x);
        }
        for l in removed {
            let x = ch(ChangeKind::Removed, "Rule overrides")
                .at(old_at.clone(), None)
                .values(Some(l), None);
            c.push(g, party, x);
        }
        let vars: BTreeSet<&String> = ka.criteria.keys().chain(kb.criteria.keys()).collect();
        for v in vars {
            let (x, y) = (ka.criteria.get(v), kb.criteria.get(v));
            if x != y {
                let kind = match (x, y) {
                    (None, _) => ChangeKind::Added,
                    (_, None) => ChangeKind::Removed,
                    _ => ChangeKind::Changed,
                };
                let d = ch(kind, format!("Criterion for {v}"))
                    .at(old_at.clone(), new_at.clone())
                    .values(x.map(|s| format!("\"{s}\"")), y.map(|s| format!("\"{s}\"")));
                c.push(g, party, d);
            }
        }
        c.attach_words(before, wa, wb);
    }
    for (o, r) in a.rules.iter().enumerate() {
        if m.rules.new_of(o).is_none() {
            let party = (!r.rule.target.is_variable()).then_some(r.rule.target.name.as_str());
            let x = ch(ChangeKind::Removed, format!("Rule {}", r.rule.label.value))
                .at(cite_rule(a, r), None)
                .detail(rule_signature(c.old.file, &r.rule))
                .words(Some(words::rule(&r.rule, &na)), None);
            c.push(g, party, x);
        }
    }
}

// ───────────────────────────── scenarios ─────────────────────────────

fn scenario_parts(file: &SourceFile, s: &ast::Scenario) -> (String, String) {
    let situation = s
        .situation
        .as_ref()
        .map(|x| normalize(file.slice(x.span)))
        .unwrap_or_default();
    let expect = s
        .expect
        .as_ref()
        .map(|x| normalize(file.slice(x.span)))
        .unwrap_or_default();
    (situation, expect)
}

fn scenarios(c: &mut Collector<'_>) {
    let (a, b) = (c.old.agreement, c.new.agreement);
    let g = Group::Scenarios;
    for (n, s) in b.scenarios.iter().enumerate() {
        let name = format!("Scenario \"{}\"", s.name.value);
        // A renamed scenario is named by neither of its names, so that the report reads the
        // same in both directions.
        let named = |old: &ast::Scenario| {
            if old.name.value == s.name.value {
                name.clone()
            } else {
                "Renamed scenario".to_string()
            }
        };
        let (sit, exp) = scenario_parts(c.new.file, s);
        let Some(was) = c.m.scenarios.old_of(n).and_then(|o| a.scenarios.get(o)) else {
            let x = ch(ChangeKind::Added, name).detail(format!("{sit}; {exp}"));
            c.push(g, None, x);
            continue;
        };
        if was.name.value != s.name.value {
            let x = ch(ChangeKind::Changed, "Scenario name")
                .values(Some(was.name.value.clone()), Some(s.name.value.clone()));
            c.push(g, None, x);
        }
        let (osit, oexp) = scenario_parts(c.old.file, was);
        if osit != sit {
            let x = ch(ChangeKind::Changed, format!("{}, situation", named(was)))
                .values(Some(osit), Some(sit));
            c.push(g, None, x);
        }
        if oexp != exp {
            let x = ch(ChangeKind::Changed, format!("{}, expectation", named(was)))
                .values(Some(oexp), Some(exp));
            c.push(g, None, x);
        }
    }
    for (o, s) in a.scenarios.iter().enumerate() {
        if c.m.scenarios.new_of(o).is_none() {
            let (sit, exp) = scenario_parts(c.old.file, s);
            let x = ch(
                ChangeKind::Removed,
                format!("Scenario \"{}\"", s.name.value),
            )
            .detail(format!("{sit}; {exp}"));
            c.push(g, None, x);
        }
    }
}
