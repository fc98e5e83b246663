//! Changes to provisions other than rules: blocks, lines and branch provisions, field by field.

use super::*;

/// The topic of a provision.
pub(crate) fn provision_group(p: &Provision) -> Group {
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
pub(super) fn provision_title(file: &SourceFile, p: &Provision) -> String {
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
pub(super) fn provision_name(p: &Provision) -> String {
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
pub(super) fn is_line(p: &Provision) -> bool {
    p.branch.is_none() && p.fields.len() == 1 && p.has(&p.keyword.value)
}

/// A provision's content in one line: `branches: unemployment; periods: insurance`.
pub(super) fn provision_summary(file: &SourceFile, p: &Provision) -> String {
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

pub(super) fn provisions(c: &mut Collector<'_>) {
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
