//! Changes to the agreement header and to the defined terms.

use super::*;

pub(super) fn header(c: &mut Collector<'_>) {
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

pub(super) fn definitions(c: &mut Collector<'_>) {
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
