//! Changes to the Parties (their fields and institutions) and to each Party's material scope.

use super::*;

pub(super) fn keys(set: &BTreeSet<Branch>) -> Vec<String> {
    set.iter().map(|b| b.key().to_string()).collect()
}

pub(super) fn parties(c: &mut Collector<'_>) {
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
pub(super) fn scope_at(a: &Agreement, party: &str, branch: Branch) -> Option<String> {
    a.scopes
        .iter()
        .find(|s| s.party.value == party && s.branches.contains(&branch))
        .and_then(|s| cite_place(a, &s.place))
}

pub(super) fn scope(c: &mut Collector<'_>) {
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
