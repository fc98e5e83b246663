//! Provisions in words: every structured provision rendered as a sentence in treaty English,
//! generated from the provision itself (nothing is stored). `pacta render` prints these sentences
//! beside the prose of each Article, and the HTML redline of `pacta diff` uses them for what a
//! rule or provision says.
//!
//! The sentences follow the register of the ILO model provisions (R167, Annex I): "shall", the
//! Parties named by their names, durations in full. A party variable of a rule (`X`, `Y`) is
//! introduced as "one Party", "the other Party" and referred to afterwards as "that Party" or "the
//! first Party"; a `where X is "…"` clause names X by its criterion.

use crate::ast::{
    self, Activity, ClauseKind, Condition, ConditionKind, Field, Item, Place, Places, Status,
    Value, ValueKind,
};
use crate::model::{Agreement, Branch};
use std::collections::BTreeMap;

/// What the sentences need to know about the agreement: the Parties' names and the Articles'
/// tags.
#[derive(Clone, Debug, Default)]
pub struct Names {
    parties: BTreeMap<String, String>,
    tags: BTreeMap<String, String>,
}

impl Names {
    /// The names of an agreement's Parties and the numbers of its tagged Articles.
    pub fn of(agreement: &Agreement) -> Names {
        Names {
            parties: agreement
                .parties
                .iter()
                .map(|p| (p.code.value.clone(), p.name.value.clone()))
                .collect(),
            tags: agreement
                .articles
                .iter()
                .filter_map(|a| Some((a.tag.clone()?, a.number.to_string())))
                .collect(),
        }
    }

    fn bilateral(&self) -> bool {
        self.parties.len() <= 2
    }

    /// A Party in running text: "the Republic of Meridia", "Japan"; an unknown code as written.
    pub fn party(&self, code: &str) -> String {
        match self.parties.get(code) {
            Some(name) => with_article(name),
            None => code.to_string(),
        }
    }
}

/// "Republic of Meridia" → "the Republic of Meridia"; "Japan" → "Japan".
fn with_article(name: &str) -> String {
    let lower = name.to_lowercase();
    let needs = name.contains(" of ")
        || lower.ends_with(" republic")
        || [
            "united ",
            "netherlands",
            "philippines",
            "federal ",
            "czech ",
            "slovak ",
        ]
        .iter()
        .any(|p| lower.starts_with(p));
    if needs && !lower.starts_with("the ") {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

// ───────────────────────────── lists and values ─────────────────────────────

/// "a", "a and b", "a, b and c".
pub fn join(items: &[String], conj: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conj} {last}", init.join(", ")),
    }
}

fn and(items: &[String]) -> String {
    join(items, "and")
}

fn or(items: &[String]) -> String {
    join(items, "or")
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2026-06-01` → "1 June 2026"; anything else as written.
pub fn date(d: &str) -> String {
    let parts: Vec<&str> = d.split('-').collect();
    if let [y, m, day] = parts.as_slice() {
        if let (Ok(m), Ok(day)) = (m.parse::<usize>(), day.parse::<u32>()) {
            if (1..=12).contains(&m) {
                return format!("{day} {} {y}", MONTHS[m - 1]);
            }
        }
    }
    d.to_string()
}

/// A value word in running text: a few terms of art, else the word with spaces for hyphens.
fn word(w: &str) -> String {
    let s = match w {
        "covered" => "persons covered by this Agreement",
        "insured-persons" => "insured persons",
        "nationals" => "nationals of the Parties",
        "residents" => "residents of the Parties",
        "nationals-residing" => "nationals residing in the territory of a Party",
        "stateless-persons" => "stateless persons",
        "family-members" => "members of their families",
        "third-country-nationals" => "nationals of third States",
        "everyone" => "all persons",
        "nationals-of-other-party" => "nationals of the other Party",
        "nationals-of-either-party" => "nationals of either Party",
        "migration-status" => "migration status",
        "domestic" => "domestic workers",
        "seasonal-agricultural" => "seasonal agricultural workers",
        "platform" => "platform workers",
        "informal" => "workers in informal employment",
        "irregular-status" => "persons in an irregular situation",
        "self-employed" => "self-employed persons",
        "social-assistance" => "social and medical assistance",
        "war-victims" => "benefit schemes for victims of war",
        "parties" => "the other Party",
        "third-states" | "residents-of-third-states" => "a third State",
        "competent-authorities" => "the competent authorities",
        "institutions" => "the competent institutions",
        "employer" => "the employer",
        "person" => "the person concerned",
        "subject-to-legislation" => "persons subject to its legislation",
        "party-of-original-award" => "the Party that awarded the original benefit",
        "persons-concerned" => "the persons concerned",
        "categories" => "certain categories of persons",
        "any-official-language" => "any official language of either Party",
        "institution-of-place" => "the institution of the place of stay or residence",
        "competent-institution" => "the competent institution",
        "consultation" => "consultation between the competent authorities",
        "negotiation" => "negotiation through diplomatic channels",
        "arbitration" => "arbitration",
        "insurance" => "insurance",
        "employment" => "employment",
        "self-employment" => "self-employment",
        "equivalent" => "periods treated as equivalent",
        _ => return w.replace('-', " "),
    };
    s.to_string()
}

/// A word that may be a branch key: "old-age" → "old-age benefit".
fn branch_word(w: &str) -> String {
    match Branch::from_key(w) {
        Some(b) => b.title().to_string(),
        None => word(w),
    }
}

fn value(v: &Value, names: &Names) -> String {
    match &v.kind {
        ValueKind::Word(w) => word(w),
        ValueKind::Code(c) => names.party(c),
        ValueKind::Str(s) => s.clone(),
        ValueKind::Integer(n) => n.to_string(),
        ValueKind::Percent(n) => format!("{n} per cent"),
        ValueKind::Duration(d) => d.to_string(),
        ValueKind::Date(d) => date(d),
        ValueKind::Label(l) => format!("Rule {l}"),
        ValueKind::Tag(t) => match names.tags.get(t) {
            Some(n) => format!("Article {n}"),
            None => format!("the Article tagged #{t}"),
        },
    }
}

fn item(i: &Item, names: &Names) -> String {
    i.values
        .iter()
        .map(|v| value(v, names))
        .collect::<Vec<_>>()
        .join(" ")
}

fn items(f: &Field, names: &Names) -> Vec<String> {
    f.items.iter().map(|i| item(i, names)).collect()
}

fn words_of(f: &Field) -> Vec<&str> {
    f.items.iter().filter_map(|i| i.as_word()).collect()
}

fn has(f: &Field, w: &str) -> bool {
    words_of(f).contains(&w)
}

/// The branches of a field: "old-age benefit and survivors' benefit", or every branch.
fn branches(f: Option<&Field>, names: &Names) -> String {
    match f {
        None => "benefits".to_string(),
        Some(f) if has(f, "all") => "benefits of every branch covered by this Agreement".into(),
        Some(f) => and(&f
            .items
            .iter()
            .map(|i| match i.as_word() {
                Some(w) => branch_word(w),
                None => item(i, names),
            })
            .collect::<Vec<_>>()),
    }
}

/// The Parties of a `parties:` field: "either Party", or the Parties named.
fn parties(f: Option<&Field>, names: &Names) -> String {
    match f {
        Some(f) if !has(f, "all") => or(&items(f, names)),
        _ => "either Party".into(),
    }
}

/// A phrase item led by a branch or a Party: (its head in words, the rest in words).
fn phrase(i: &Item, names: &Names) -> (String, String) {
    let head = i
        .values
        .first()
        .map(|v| match &v.kind {
            ValueKind::Word(w) => branch_word(w),
            _ => value(v, names),
        })
        .unwrap_or_default();
    let rest = i.values[1.min(i.values.len())..]
        .iter()
        .map(|v| value(v, names))
        .collect::<Vec<_>>()
        .join(" ");
    (head, rest)
}

/// One sentence per field word, from a table of (word, sentence).
fn pick(f: &Field, table: &[(&str, &str)]) -> Vec<String> {
    words_of(f)
        .into_iter()
        .filter_map(|w| {
            table
                .iter()
                .find(|(k, _)| *k == w)
                .map(|(_, s)| s.to_string())
        })
        .collect()
}

// ───────────────────────────── provisions ─────────────────────────────

/// A provision of the AST in words; `None` for prose and suppressions, which are not provisions.
pub fn ast_provision(p: &ast::Provision, names: &Names) -> Option<String> {
    Some(match p {
        ast::Provision::Rule(r) => rule(r, names),
        ast::Provision::Define(d) => define(&d.term.value, &d.meaning.value),
        ast::Provision::Scope(s) => scope(s, names),
        ast::Provision::Benefit(b) => provision(&b.branch.value, true, &b.fields, names),
        ast::Provision::Block(b) => provision(&b.keyword.value, false, &b.fields, names),
        ast::Provision::Line(l) => {
            let f = Field {
                name: l.keyword.clone(),
                items: l.items.clone(),
                span: l.span,
            };
            provision(&l.keyword.value, false, std::slice::from_ref(&f), names)
        }
        ast::Provision::Text(_) | ast::Provision::Allow(_) => return None,
    })
}

/// A resolved provision (block, branch or line) in words.
pub(crate) fn model_provision(p: &crate::model::Provision, names: &Names) -> String {
    match p.branch {
        Some(b) => provision(b.key(), true, &p.fields, names),
        None => provision(&p.keyword.value, false, &p.fields, names),
    }
}

/// The heading of a block, line or branch provision beside its words: "Equality of treatment",
/// "Entry into force", "Medical care"; `benefit` says whether `keyword` is a branch.
pub fn heading(keyword: &str, benefit: bool) -> String {
    if benefit {
        return cap(&Branch::from_key(keyword)
            .map_or_else(|| keyword.replace('-', " "), |b| b.title().to_string()));
    }
    match keyword {
        "equal-treatment" => "Equality of treatment".into(),
        "export" => "Export of benefits".into(),
        "aggregation" => "Aggregation of periods".into(),
        "calculation" => "Calculation of benefits".into(),
        "overlapping" => "Overlapping of benefits".into(),
        "administration" => "Administrative co-operation".into(),
        "transitional" => "Transitional provisions".into(),
        "see" => "Reference".into(),
        other => cap(&other.replace('-', " ")),
    }
}

/// `define "stay": "temporary residence"` → The term “stay” means temporary residence.
pub fn define(term: &str, meaning: &str) -> String {
    format!("The term “{term}” means {}.", meaning.trim_end_matches('.'))
}

/// `scope XA "Pensions Act" residence-based: old-age`
pub fn scope(s: &ast::Scope, names: &Names) -> String {
    let mut covered = Vec::new();
    let mut only = Vec::new();
    for i in &s.branches {
        let is_only = i
            .values
            .iter()
            .any(|v| matches!(&v.kind, ValueKind::Word(w) if w == "applicable-legislation-only"));
        let head = match i.values.first().map(|v| &v.kind) {
            Some(ValueKind::Word(w)) if w == "all" => {
                "every branch for which it has legislation".to_string()
            }
            Some(ValueKind::Word(w)) => branch_word(w),
            Some(_) => i
                .values
                .first()
                .map(|v| value(v, names))
                .unwrap_or_default(),
            None => continue,
        };
        if is_only {
            only.push(head);
        } else {
            covered.push(head);
        }
    }
    let mut out = format!(
        "As regards {}, this Agreement shall apply to the {}",
        names.party(&s.party.value),
        s.law.value
    );
    if let Some(reach) = bases_words(&s.bases) {
        out.push_str(&format!(", a scheme which {reach},"));
    }
    if !covered.is_empty() {
        out.push_str(&format!(" in respect of {}", and(&covered)));
    }
    if !only.is_empty() {
        let sep = if covered.is_empty() { "" } else { ", and" };
        out.push_str(&format!(
            "{sep} in respect of {} for the provisions on applicable legislation only",
            and(&only)
        ));
    }
    out.push('.');
    out
}

/// A block, branch or line provision in words. `benefit` says whether `keyword` is a branch.
pub fn provision(keyword: &str, benefit: bool, fields: &[Field], names: &Names) -> String {
    let field = |n: &str| fields.iter().find(|f| f.name.value == n);
    let mut out: Vec<String> = Vec::new();
    // Fields folded into an opening sentence are not rendered again.
    let mut done: Vec<&str> = Vec::new();
    if benefit {
        let title = Branch::from_key(keyword)
            .map(|b| b.title().to_string())
            .unwrap_or_else(|| word(keyword));
        for f in fields {
            out.extend(benefit_field(&title, f, names));
        }
        return finish(
            out,
            &format!("{} is governed by this Agreement.", cap(&title)),
        );
    }
    match keyword {
        "equal-treatment" => {
            let persons =
                field("persons").map_or("Persons".into(), |f| cap(&and(&items(f, names))));
            let scope = match field("branches") {
                Some(f) if !has(f, "all") => format!(" in respect of {}", branches(Some(f), names)),
                _ => String::new(),
            };
            out.push(format!(
                "{persons} shall be subject to the same obligations and admitted to the benefits of the legislation of each Party{scope} under the same conditions as the nationals of that Party."
            ));
            done.extend(["persons", "branches"]);
        }
        "export" => {
            let to = field("to").map_or("the other Party".into(), |f| or(&items(f, names)));
            out.push(format!(
                "{} due under the legislation of {} shall not be reduced, modified, suspended, withdrawn or confiscated by reason of the fact that the beneficiary resides in the territory of {to}.",
                cap(&branches(field("branches"), names)),
                parties(field("parties"), names),
            ));
            done.extend(["branches", "to", "parties"]);
        }
        "exceptions" => {
            let by = field("granted-by").map_or("the competent authorities".into(), |f| {
                and(&items(f, names))
            });
            let interest = field("in-interest-of")
                .map(|f| format!(" in the interest of {}", or(&items(f, names))))
                .unwrap_or_default();
            let request = field("on-request-of")
                .map(|f| format!(", at the request of {},", or(&items(f, names))))
                .unwrap_or_default();
            out.push(format!(
                "{}{request} may by common agreement provide for exceptions to the provisions on applicable legislation{interest}.",
                cap(&by)
            ));
            done.extend(["granted-by", "in-interest-of", "on-request-of"]);
        }
        "voluntary-insurance" => {
            let b = field("branches")
                .map(|f| format!(" in respect of {}", branches(Some(f), names)))
                .unwrap_or_default();
            match field("other-party-periods") {
                Some(f) if has(f, "ignore") => out.push(format!(
                    "Periods completed under the legislation of the other Party shall not be taken into account for admission to voluntary insurance{b}."
                )),
                _ => out.push(format!(
                    "For admission to voluntary insurance{b}, periods completed under the legislation of the other Party shall be taken into account as if they had been completed under the legislation of the Party concerned."
                )),
            }
            done.extend(["branches", "other-party-periods"]);
        }
        "aggregation" => {
            let mut purposes: Vec<String> = field("purposes")
                .map(|f| {
                    words_of(f)
                        .into_iter()
                        .filter(|w| *w != "calculation")
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            if purposes.is_empty() {
                purposes.push("acquisition".into());
            }
            let calc = field("purposes").is_some_and(|f| has(f, "calculation"));
            let periods = field("periods").map_or("insurance".into(), |f| {
                let ws: Vec<String> = words_of(f).into_iter().map(word).collect();
                or(&ws)
            });
            out.push(format!(
                "Where the legislation of {} makes the {} of the right to {}{} subject to the completion of periods, the competent institution shall take into account, to the extent necessary, periods of {periods} completed under the legislation of the other Party as if they had been completed under its own legislation.",
                parties(field("parties"), names),
                or(&purposes),
                branches(field("branches"), names),
                if calc { ", or their calculation," } else { "" },
            ));
            done.extend(["branches", "periods", "purposes", "parties"]);
        }
        "calculation" => {
            let method = field("method").map_or("in accordance with its legislation".into(), |f| {
                or(&words_of(f).into_iter().map(method).collect::<Vec<_>>())
            });
            out.push(format!(
                "The institution of {} shall calculate {} {method}.",
                parties(field("parties"), names),
                branches(field("branches"), names),
            ));
            done.extend(["branches", "method", "parties"]);
        }
        "minimum-period" => {
            let threshold =
                field("threshold").map_or("the threshold".into(), |f| and(&items(f, names)));
            let who = match field("parties") {
                Some(f) if !has(f, "all") => or(&items(f, names)),
                _ => "a Party".into(),
            };
            out.push(format!(
                "Where the periods completed under the legislation of {who} amount in total to less than {threshold}, that Party shall not be required to grant {} in respect of those periods.",
                match field("branches") {
                    Some(f) => branches(Some(f), names),
                    None => "long-term benefits".into(),
                }
            ));
            done.extend(["threshold", "branches", "parties"]);
        }
        "residence-fiction" => {
            let persons = field("persons")
                .map_or("a person covered by this Agreement".into(), |f| {
                    and(&items(f, names))
                });
            let as_ = field("treated-as").map_or("resident in its territory".into(), |f| {
                and(&items(f, names))
            });
            out.push(format!(
                "For the purposes of {} under the legislation of {}, {persons} shall be treated as {as_} during the periods in which they are insured under the legislation of the other Party.",
                branches(field("branches"), names),
                parties(field("parties"), names),
            ));
            done.extend(["branches", "parties", "persons", "treated-as"]);
        }
        _ => {}
    }
    for f in fields {
        if done.contains(&f.name.value.as_str()) {
            continue;
        }
        out.extend(field_sentences(keyword, f, names));
    }
    finish(out, "")
}

fn finish(out: Vec<String>, empty: &str) -> String {
    if out.is_empty() {
        empty.to_string()
    } else {
        out.join(" ")
    }
}

fn method(w: &str) -> String {
    match w {
        "pro-rata" => "in proportion to the periods completed under its legislation (pro rata temporis)",
        "independent" => "on the basis of the periods completed under its own legislation alone",
        "higher-of" | "higher-of-independent" => {
            "at the higher of the amount due under its own legislation alone and the pro rata amount"
        }
        "own-periods-only" => "on the periods completed under its own legislation only",
        "flat-rate" => "at a flat rate",
        _ => return format!("by the method of {}", word(w)),
    }
    .to_string()
}

/// The sentences of one field of a block or line provision.
fn field_sentences(keyword: &str, f: &Field, names: &Names) -> Vec<String> {
    let list = and(&items(f, names));
    let one = |s: String| vec![s];
    match (keyword, f.name.value.as_str()) {
        // equality of treatment
        ("equal-treatment", "residence-condition") => match f.items.first().and_then(|i| i.single()).map(|v| &v.kind) {
            Some(ValueKind::Duration(d)) => one(format!("Equality of treatment may be made subject to a period of residence not exceeding {d}.")),
            _ => pick(f, &[
                ("none", "No condition of residence shall be attached to this equality of treatment."),
                ("resident-in-party", "Equality of treatment may be made subject to residence in the territory of the Party concerned."),
                ("ordinarily-resident-in-party", "Equality of treatment may be made subject to ordinary residence in the territory of the Party concerned."),
                ("stay-or-residence-in-other-party", "Equality of treatment extends to persons staying or residing in the territory of the other Party."),
            ]),
        },
        ("equal-treatment", "prior-residence") => f.items.iter().map(|i| {
            let (b, rest) = phrase(i, names);
            format!("The grant of {b} may be made subject to a period of prior residence not exceeding {rest}.")
        }).collect(),
        ("equal-treatment", "survivors") => pick(f, &[
            ("any-nationality", "Survivors shall enjoy equality of treatment whatever their nationality."),
            ("nationals-only", "Survivors shall enjoy equality of treatment only if they are nationals of a Party."),
            ("same-as-insured", "Survivors shall enjoy equality of treatment on the same terms as the person from whom they derive their rights."),
        ]),
        ("equal-treatment", "exceptions") => one(format!("Equality of treatment shall not extend to {list}.")),
        // export
        ("export", "persons") => one(format!("This provision applies to {list}.")),
        ("export", "third-state-persons") => one(format!("Benefits shall be paid in a third State to {list}.")),
        ("export", "except") => one(format!("This provision does not apply to {list}.")),
        ("export", "exceptions") => pick(f, &[
            ("none", "No benefit is excepted from this provision."),
            ("listed", "The benefits excepted from this provision are listed."),
            ("unlisted", "The legislation of a Party may provide for exceptions to this provision."),
        ]),
        ("export", "reduction") => pick(f, &[
            ("none", "No reduction shall be made by reason of residence abroad."),
            ("allowed", "Benefits paid abroad may be reduced."),
        ]),
        ("export", "suspension") => pick(f, &[
            ("none", "No suspension shall be made by reason of residence abroad."),
            ("allowed", "Benefits paid abroad may be suspended."),
        ]),
        ("export", "withdrawal") => pick(f, &[
            ("none", "No benefit shall be withdrawn by reason of residence abroad."),
            ("allowed", "Benefits paid abroad may be withdrawn."),
        ]),
        // exceptions to applicable legislation
        ("exceptions", "keeps") => pick(f, &[
            ("single-legislation", "Any such exception shall keep the person subject to the legislation of one Party only."),
            ("nothing", "Such an exception need not keep the person subject to the legislation of one Party only."),
        ]),
        // voluntary insurance
        ("voluntary-insurance", "while-compulsorily-insured-elsewhere") => pick(f, &[
            ("allowed", "A person may be voluntarily insured under the legislation of one Party while compulsorily insured under the legislation of the other."),
            ("not-allowed", "A person compulsorily insured under the legislation of one Party may not be voluntarily insured under the legislation of the other."),
        ]),
        // aggregation
        ("aggregation", "conversion") => pick(f, &[
            ("stated", "Periods counted in different units shall be converted as this Agreement states."),
            ("administrative-arrangement", "The administrative arrangement shall set out how periods counted in different units are converted."),
        ]),
        ("aggregation", "overlapping-periods") => pick(f, &[
            ("count-once", "Periods that coincide shall be taken into account only once."),
            ("count-both", "Periods that coincide shall each be taken into account."),
            ("unspecified", "This Agreement does not determine how periods that coincide are taken into account."),
        ]),
        ("aggregation", "third-state-periods") => pick(f, &[
            ("none", "Periods completed in a third State shall not be taken into account."),
            ("count", "Periods completed in a third State shall also be taken into account."),
            ("where-both-parties-have-agreement", "Periods completed in a third State with which both Parties have a social security agreement shall also be taken into account."),
            ("where-party-has-agreement", "Periods completed in a third State with which the Party concerned has a social security agreement shall also be taken into account."),
        ]),
        ("aggregation", "own-period-threshold") => f.items.iter().map(|i| {
            let (p, rest) = phrase(i, names);
            format!("{} need not take periods completed under the legislation of the other Party into account unless at least {rest} have been completed under its own legislation.", cap(&p))
        }).collect(),
        ("aggregation", "excluded-periods") => one(format!("The following periods shall not be taken into account: {list}.")),
        // calculation
        ("calculation", "party-method") => f.items.iter().map(|i| {
            let p = i.values.first().map(|v| value(v, names)).unwrap_or_default();
            let m: Vec<String> = i.values.iter().skip(1).map(|v| match &v.kind {
                ValueKind::Word(w) => method(w),
                _ => value(v, names),
            }).collect();
            format!("The institution of {p} shall calculate the benefit {}.", m.join(" "))
        }).collect(),
        ("calculation", "formula") => f.items.iter().map(|i| {
            format!("The amount shall be calculated as follows: {}.", item(i, names).trim_end_matches('.'))
        }).collect(),
        // minimum period
        ("minimum-period", "others-count") => pick(f, &[
            ("yes", "Those periods shall nevertheless be taken into account by the other Party as if they had been completed under its own legislation."),
            ("no", "Those periods shall not be taken into account by the other Party."),
        ]),
        ("minimum-period", "fallback") => pick(f, &[
            ("none", "No Party is designated to pay where the periods under the legislation of every Party fall below that threshold."),
            ("last-competent-party", "Where the periods under the legislation of every Party fall below that threshold, the benefit shall be paid by the Party whose legislation last applied to the person."),
            ("party-of-residence", "Where the periods under the legislation of every Party fall below that threshold, the benefit shall be paid by the Party in whose territory the person resides."),
            ("most-periods", "Where the periods under the legislation of every Party fall below that threshold, the benefit shall be paid by the Party under whose legislation the longest periods were completed."),
        ]),
        // undue plurality
        ("overlapping", "national-rules") => pick(f, &[
            ("apply-to-foreign", "The provisions of the legislation of a Party on the reduction, suspension or withdrawal of benefits where they overlap with other benefits or income shall apply also to benefits and income acquired under the legislation of the other Party."),
            ("means-test", "Where the legislation of a Party makes a benefit subject to a means test, benefits and income acquired under the legislation of the other Party shall be taken into account as income in that test."),
            ("national-only", "The provisions of the legislation of a Party on the overlapping of benefits shall apply only to benefits and income acquired under its own legislation."),
        ]),
        ("overlapping", "same-kind-pro-rata") => pick(f, &[
            ("exempt", "Those provisions shall not apply to benefits of the same kind calculated pro rata temporis."),
            ("reduce", "Those provisions shall apply also to benefits of the same kind calculated pro rata temporis."),
        ]),
        ("overlapping", "simultaneous-reduction") => pick(f, &[
            ("shared", "Where both Parties would reduce a benefit at the same time, the reduction shall be shared between them."),
            ("full", "Where both Parties would reduce a benefit at the same time, each may apply its reduction in full."),
        ]),
        // administration
        ("administration", "arrangement") => pick(f, &[
            ("competent-authorities", "The competent authorities shall establish by an administrative arrangement the measures necessary to apply this Agreement."),
            ("none", "No administrative arrangement is provided for."),
        ]),
        ("administration", "liaison-bodies") => pick(f, &[
            ("designated", "The competent authorities shall designate liaison bodies."),
            ("listed", "The liaison bodies are listed in the administrative arrangement."),
            ("none", "No liaison bodies are designated."),
        ]),
        ("administration", "statistics-exchange") => one(format!("The competent authorities shall exchange statistics ({list}).")),
        ("administration", "assistance") => pick(f, &[
            ("free", "The authorities and institutions of the Parties shall assist one another in applying this Agreement as if they were applying their own legislation, and such assistance shall be free of charge."),
            ("reimbursed", "The authorities and institutions of the Parties shall assist one another in applying this Agreement, and the costs of such assistance shall be reimbursed."),
            ("on-request", "The authorities and institutions of the Parties shall assist one another on request."),
            ("none", "No mutual administrative assistance is provided for."),
        ]),
        ("administration", "fees") => pick(f, &[
            ("exempt", "Any exemption from fees provided for in the legislation of one Party shall extend to documents submitted under the legislation of the other Party."),
            ("charged", "Fees may be charged for documents submitted under this Agreement."),
        ]),
        ("administration", "legalisation") => pick(f, &[
            ("exempt", "Documents submitted under this Agreement shall be exempt from legalisation."),
            ("required", "Documents submitted under this Agreement shall be legalised."),
        ]),
        ("administration", "documents-in") => one(format!("Claims and documents may be submitted in {}.", or(&items(f, names)))),
        ("administration", "working-language") => one(format!("The authorities and institutions shall correspond in {}.", or(&f.items.iter().map(|i| match i.as_word() {
            // A language code (`en`) or name (`english`) reads as the language's name.
            Some(w) if w.len() <= 3 => super::language_name(w),
            Some(w) => cap(w),
            None => item(i, names),
        }).collect::<Vec<_>>()))),
        ("administration", "claims") => pick(f, &[
            ("lodged-with-either-party", "A claim lodged with an authority or institution of one Party shall be treated as a claim lodged with the competent institution of the other Party."),
            ("competent-party-only", "A claim shall be lodged with the competent institution."),
        ]),
        ("administration", "appeals") => pick(f, &[
            ("lodged-with-either-party", "An appeal lodged with an authority or institution of one Party shall be treated as an appeal lodged with the competent body of the other Party."),
            ("competent-party-only", "An appeal shall be lodged with the competent body."),
        ]),
        ("administration", "time-limits") => pick(f, &[
            ("same-date", "A claim, declaration or appeal received in time by one Party shall be treated as received in time by the other."),
            ("own-rules", "Time limits are governed by the legislation of each Party."),
        ]),
        ("administration", "data-protection") => pick(f, &[
            ("yes", "Personal data communicated under this Agreement shall be protected in accordance with the legislation of the Party receiving them."),
            ("no", "This Agreement makes no provision for the protection of personal data."),
        ]),
        ("administration", "medical-examinations") => pick(f, &[
            ("on-request", "The institution of one Party shall carry out medical examinations at the request of the institution of the other Party."),
            ("reimbursed", "The costs of medical examinations carried out for the other Party shall be reimbursed."),
            ("none", "No provision is made for medical examinations on behalf of the other Party."),
        ]),
        ("administration", "overpayments") => {
            let ws = words_of(f);
            if ws.contains(&"none") {
                one("No provision is made for the recovery of benefits unduly paid.".into())
            } else {
                let mut ways = Vec::new();
                if ws.contains(&"recover") { ways.push("recover them".to_string()); }
                if ws.contains(&"offset") { ways.push("deduct them from benefits due under the legislation of the other Party".to_string()); }
                one(format!("An institution that has paid benefits unduly may {}.", or(&ways)))
            }
        }
        ("administration", "currency") => one(format!("Payments shall be converted at the {}.", list.trim_start_matches("the "))),
        ("administration", "disputes") => {
            if has(f, "none") {
                one("No procedure for settling disputes is provided for.".into())
            } else {
                let ways: Vec<String> = words_of(f).into_iter().map(word).collect();
                one(format!("Any dispute about the interpretation or application of this Agreement shall be settled by {}.", ways.join(" or, failing that, by ")))
            }
        }
        ("administration", "identification") => pick(f, &[
            ("yes", "The institutions shall exchange the data needed to identify the persons concerned."),
            ("no", "No exchange of identification data is provided for."),
        ]),
        ("administration", "verification") => pick(f, &[
            ("yes", "The institution of one Party shall verify facts on behalf of the institution of the other Party."),
            ("no", "No verification of facts on behalf of the other Party is provided for."),
        ]),
        ("administration", "enforcement") => pick(f, &[
            ("yes", "Enforceable decisions of the institutions of one Party shall be recognised and enforced in the territory of the other Party."),
            ("no", "Decisions of the institutions of one Party are not enforced in the territory of the other Party."),
        ]),
        // transitional
        ("transitional", "prior-periods") => pick(f, &[
            ("count", "Periods completed before the entry into force of this Agreement shall be taken into account in determining the right to benefits under it."),
            ("count-if-not-already-used", "Periods completed before the entry into force of this Agreement shall be taken into account unless they have already been taken into account under another agreement."),
            ("ignore", "Periods completed before the entry into force of this Agreement shall not be taken into account."),
        ]),
        ("transitional", "benefits-before-entry-into-force") => pick(f, &[
            ("none", "No benefit shall be payable under this Agreement for any period before its entry into force."),
            ("paid", "Benefits shall be payable under this Agreement also for periods before its entry into force."),
        ]),
        ("transitional", "postings-in-progress") => pick(f, &[
            ("from-entry-into-force", "For a posting in progress when this Agreement enters into force, the period of posting shall be counted from that date."),
            ("from-start", "For a posting in progress when this Agreement enters into force, the period of posting shall be counted from its start."),
        ]),
        ("transitional", "awarded-benefits") => pick(f, &[
            ("not-reduced", "Benefits awarded before the entry into force of this Agreement shall not be reduced by reason of it."),
            ("reviewed", "Benefits awarded before the entry into force of this Agreement shall be reviewed under it on request."),
            ("unchanged", "Benefits awarded before the entry into force of this Agreement shall remain unchanged."),
        ]),
        ("transitional", "earlier-decisions") => pick(f, &[
            ("final", "Decisions taken before the entry into force of this Agreement shall remain final."),
            ("reviewed-on-request", "Decisions taken before the entry into force of this Agreement shall be reviewed on request."),
        ]),
        ("transitional", "superseded-agreements") => pick(f, &[
            ("acquired-rights-retained", "Rights acquired under an agreement superseded by this Agreement shall be retained."),
            ("rights-lost", "Rights acquired under an agreement superseded by this Agreement shall lapse."),
        ]),
        // termination
        ("termination", "notice") => one(format!("Either Party may terminate this Agreement by giving the other Party written notice of {list} through diplomatic channels.")),
        ("termination", "acquired-rights") => pick(f, &[
            ("retained", "In the event of termination, rights acquired under this Agreement shall be retained."),
            ("lost", "In the event of termination, rights acquired under this Agreement shall lapse."),
            ("settled-by-agreement", "In the event of termination, rights acquired under this Agreement shall be settled by agreement between the Parties."),
        ]),
        ("termination", "rights-in-course") => pick(f, &[
            ("retained", "Rights in course of acquisition shall be retained."),
            ("settled-by-agreement", "Rights in course of acquisition shall be settled by agreement between the Parties."),
            ("lost", "Rights in course of acquisition shall lapse."),
        ]),
        // line provisions
        ("personal-scope", _) => one(format!("This Agreement shall apply to {list}.")),
        ("regardless-of", _) => one(format!("It shall apply regardless of {list}.")),
        ("excluded-categories", _) => one(format!("It shall not apply to {list}.")),
        ("excluded", _) => one(format!("This Agreement shall not apply to {list}.")),
        ("duration", _) => {
            if has(f, "indefinite") {
                one("This Agreement shall remain in force for an indefinite period.".into())
            } else {
                one(format!("This Agreement shall remain in force for {list}."))
            }
        }
        ("entry-into-force", _) => one(entry_into_force(f, names)),
        ("signature", _) => {
            let s = list.trim_end_matches('.');
            if s.to_lowercase().starts_with("done") {
                one(format!("{}.", cap(s)))
            } else {
                one(format!("Done at {s}."))
            }
        }
        ("see", _) => one(format!("See {list}.")),
        _ => one(format!("{}: {list}.", cap(&word(&f.name.value)))),
    }
}

fn entry_into_force(f: &Field, names: &Names) -> String {
    let parts: Vec<String> = f
        .items
        .iter()
        .map(|i| match i.single().map(|v| &v.kind) {
            Some(ValueKind::Date(d)) => format!("on {}", date(d)),
            _ => {
                let s = item(i, names);
                let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
                let preposition = [
                    "on",
                    "upon",
                    "at",
                    "when",
                    "after",
                    "from",
                    "in",
                    "with",
                    "as",
                    "once",
                    "following",
                    "by",
                    "within",
                ];
                if preposition.contains(&first.as_str()) {
                    s
                } else if first == "the" {
                    format!("on {s}")
                } else if s.starts_with(|c: char| c.is_ascii_digit()) {
                    s
                } else {
                    format!("on the {s}")
                }
            }
        })
        .collect();
    format!(
        "This Agreement shall enter into force {}.",
        or(&parts).trim_end_matches('.')
    )
}

/// The sentences of one field of `benefit BRANCH { … }`; `title` is the branch in words.
fn benefit_field(title: &str, f: &Field, names: &Names) -> Vec<String> {
    let list = and(&items(f, names));
    let one = |s: String| vec![s];
    let t = cap(title);
    match f.name.value.as_str() {
        "in-kind-during" => {
            if has(f, "none") {
                one(format!("A person entitled to {title} under the legislation of one Party shall not receive benefits in kind in the territory of the other Party."))
            } else {
                let ws: Vec<String> = words_of(f).into_iter().map(word).collect();
                one(format!("A person entitled to {title} under the legislation of one Party shall receive benefits in kind during a {} in the territory of the other Party.", or(&ws)))
            }
        }
        "persons" => one(format!("This provision on {title} applies to {list}.")),
        "provided-by" => one(format!("Benefits in kind shall be provided by {} on behalf of the competent institution.", list).replace("by the competent institution on behalf of the competent institution", "by the competent institution")),
        "as-if-insured-there" => pick(f, &[
            ("yes", "They shall be provided in accordance with the legislation applied by that institution, as though the person were insured with it."),
            ("no", "They shall not be provided as though the person were insured with the institution of the place of stay or residence."),
        ]),
        "paid-by" => one(format!("The cost of benefits in kind shall be borne by {list}.")),
        "reimbursement" => pick(f, &[
            ("actual-costs", "The competent institution shall reimburse the actual cost of the benefits provided."),
            ("lump-sum", "The competent institution shall reimburse the benefits provided by lump sums."),
            ("waived", "The Parties waive reimbursement of the cost of the benefits provided."),
        ]),
        "cash" | "cash-paid-by" => one(format!("Cash benefits shall be paid by {list}.")),
        "during" => {
            let ws: Vec<String> = words_of(f).into_iter().map(word).collect();
            one(format!("Cash benefits shall be paid also during a {} in the territory of the other Party.", or(&ws)))
        }
        "competent" => pick(f, &[
            ("party-insured-at-time-of-accident", "The competent Party shall be the Party under whose legislation the person was insured at the time of the accident or of contracting the disease."),
            ("party-insured-at-death", "The competent Party shall be the Party under whose legislation the person was insured at the time of death."),
            ("party-of-residence", "The competent Party shall be the Party in whose territory the person resides."),
            ("party-of-last-exposure", "The competent Party shall be the Party under whose legislation the person was last exposed to the risk."),
        ]),
        "occupational-disease-several-exposures" => pick(f, &[
            ("last-exposure", "Where a person has been exposed to the risk of an occupational disease under the legislation of both Parties, benefits shall be granted only under the legislation of the Party under which the person was last exposed."),
            ("pro-rata", "Where a person has been exposed to the risk of an occupational disease under the legislation of both Parties, the cost of benefits shall be shared in proportion to the periods of exposure."),
            ("first-diagnosis", "Where a person has been exposed to the risk of an occupational disease under the legislation of both Parties, benefits shall be granted under the legislation of the Party in which the disease was first diagnosed."),
        ]),
        "aggravation" => one(format!("Where an occupational disease worsens, the benefit shall be borne by {list}.")),
        "death-in-other-party" => pick(f, &[
            ("treated-as-own-territory", "A death in the territory of the other Party shall be treated as a death in the territory of the competent Party."),
            ("not-covered", "A death in the territory of the other Party does not give rise to the benefit."),
        ]),
        "one-grant-only" => pick(f, &[
            ("yes", "Only one death grant shall be paid in respect of the same person."),
            ("no", "Each Party may pay a death grant in respect of the same person."),
        ]),
        "last-employment-required" => one(format!("{t} shall be granted only if the person was last employed under the legislation of the paying Party for at least {list}.")),
        "export-period" => one(format!("A person who goes to the territory of the other Party to seek work shall retain entitlement to {title} for {list}.")),
        "children-in-other-party" => pick(f, &[
            ("yes", "Family benefits shall be paid for children residing in the territory of the other Party."),
            ("no", "Family benefits shall not be paid for children residing in the territory of the other Party."),
        ]),
        "paid-by-party" => pick(f, &[
            ("employment", "Family benefits shall be paid by the Party in whose territory the parent is employed."),
            ("residence", "Family benefits shall be paid by the Party in whose territory the children reside."),
        ]),
        "priority" => one(format!("Where more than one Party would pay {title}, priority shall be given to {list}.")),
        "difference" => one(format!("Any difference shall be made up by {list}.")),
        "aggregation" => pick(f, &[
            ("yes", "Periods completed under the legislation of the other Party shall be taken into account for this benefit."),
            ("no", "Periods completed under the legislation of the other Party shall not be taken into account for this benefit."),
        ]),
        "insured-at-contingency" => pick(f, &[
            ("either-party", "Where the legislation of a Party requires a person to be insured when the contingency occurs, a person insured at that time under the legislation of the other Party shall be regarded as insured under the legislation of the first Party."),
            ("own-party", "Where the legislation of a Party requires a person to be insured when the contingency occurs, only insurance under its own legislation meets that requirement."),
        ]),
        "exported" => {
            if has(f, "no") {
                one(format!("{t} shall not be paid outside the territory of the competent Party."))
            } else {
                one(format!("{t} shall be paid in the territory of the other Party."))
            }
        }
        "excluded" => {
            if has(f, "no") {
                one(format!("{t} is coordinated by this Agreement."))
            } else {
                one(format!("{t} is excluded from the coordination provided for by this Agreement."))
            }
        }
        "note" => f.items.iter().map(|i| format!("{}.", cap(item(i, names).trim_end_matches('.')))).collect(),
        "parties" => one(format!("This provision concerns {title} under the legislation of {}.", parties(Some(f), names))),
        other => one(format!("{}: {list}.", cap(&word(other)))),
    }
}

// ───────────────────────────── rules ─────────────────────────────

/// How the party variables of one rule are named as the sentence goes.
struct Vars<'a> {
    names: &'a Names,
    /// Variables in order of first mention.
    order: Vec<String>,
    /// Variables introduced together ("both Parties"), not yet singled out.
    collective: Vec<String>,
    /// The number of variables the rule uses.
    count: usize,
    criteria: BTreeMap<String, String>,
    target: String,
    /// How many variables of a group have been singled out.
    singled: usize,
    /// Whether the rule concerns a self-employed activity (for the wording of a posting).
    self_employed: bool,
    /// Variables singled out of a group, and how they are named afterwards.
    later_names: BTreeMap<String, String>,
}

impl Vars<'_> {
    /// A Party of a condition or the target: a Party's name, or a variable's phrase.
    fn party(&mut self, p: &ast::PartyRef) -> String {
        if !p.is_variable() {
            return self.names.party(&p.name);
        }
        let v = &p.name;
        if *v == self.target {
            if let Some(c) = self.criteria.get(v) {
                if !self.order.contains(v) {
                    self.order.push(v.clone());
                }
                return c.clone();
            }
        }
        if let Some(i) = self.collective.iter().position(|x| x == v) {
            self.collective.remove(i);
            // The first of a group singled out is "one of them", and "that Party" afterwards.
            let (now, later) = if self.singled == 0 {
                ("one of them", "that Party")
            } else {
                ("another of them", "the other Party")
            };
            self.singled += 1;
            let now = if self.singled == 2 && self.collective.is_empty() && self.count == 2 {
                "the other Party"
            } else {
                now
            };
            self.later_names.insert(v.clone(), later.to_string());
            return now.to_string();
        }
        if let Some(name) = self.later_names.get(v) {
            return name.clone();
        }
        match self.order.iter().position(|x| x == v) {
            Some(i) => self.later(i),
            None => {
                self.order.push(v.clone());
                self.intro(self.order.len() - 1)
            }
        }
    }

    fn intro(&self, i: usize) -> String {
        match i {
            0 => "one Party".into(),
            1 if self.names.bilateral() => "the other Party".into(),
            1 => "another Party".into(),
            _ => "a further Party".into(),
        }
    }

    fn later(&self, i: usize) -> String {
        match i {
            0 if self.count <= 1 => "that Party".into(),
            0 => "the first Party".into(),
            1 if self.names.bilateral() => "the other Party".into(),
            1 => "the second Party".into(),
            2 => "the third Party".into(),
            n => format!("Party number {}", n + 1),
        }
    }

    /// "the territory of one Party", "the territory of the Republic of Meridia"; "the territory
    /// of one of them" reads as "the territory of one of them".
    fn territory(&mut self, p: &ast::PartyRef) -> String {
        format!("the territory of {}", self.party(p))
    }

    /// Several Parties at once: "both Parties", "the Republic of Meridia and Japan".
    fn places(&mut self, places: &Places) -> String {
        match places {
            Places::Several(_) => "the territories of two or more Parties".into(),
            Places::Parties(ps) if ps.len() == 1 => self.territory(&ps[0]),
            Places::Parties(ps) => {
                let fresh: Vec<&ast::PartyRef> = ps
                    .iter()
                    .filter(|p| p.is_variable() && !self.order.contains(&p.name))
                    .collect();
                if fresh.len() == ps.len() {
                    for p in ps {
                        self.order.push(p.name.clone());
                        self.collective.push(p.name.clone());
                    }
                    if self.names.bilateral() && ps.len() == 2 {
                        "the territories of both Parties".into()
                    } else {
                        format!("the territories of {} Parties", number(ps.len()))
                    }
                } else {
                    let each: Vec<String> = ps.iter().map(|p| self.party(p)).collect();
                    format!("the territories of {}", and(&each))
                }
            }
        }
    }
}

fn number(n: usize) -> String {
    match n {
        2 => "two".into(),
        3 => "three".into(),
        4 => "four".into(),
        5 => "five".into(),
        n => n.to_string(),
    }
}

fn activity(a: Activity) -> &'static str {
    match a {
        Activity::Employed => "employed",
        Activity::SelfEmployed => "self-employed",
        Activity::Mixed => "employed or self-employed",
    }
}

/// One condition as a relative clause: "who is employed in …", "whose employer …".
fn condition(c: &Condition, vars: &mut Vars<'_>) -> String {
    match &c.kind {
        ConditionKind::Activity {
            activity: a,
            places,
            and_then,
        } => {
            let first = match (a, places) {
                (Activity::Mixed, Places::Several(_)) => {
                    "who is employed in the territory of one Party and self-employed in the territory of another".to_string()
                }
                _ => format!("who is {} in {}", activity(*a), vars.places(places)),
            };
            match and_then {
                Some((b, p)) => format!("{first} and {} in {}", activity(*b), vars.places(p)),
                None => first,
            }
        }
        ConditionKind::WorksIn(p) => format!("who works in {}", vars.territory(p)),
        ConditionKind::Employer(Place::In(p)) => format!(
            "whose employer has its registered office or place of business in {}",
            vars.territory(p)
        ),
        ConditionKind::Employer(_) => {
            "whose employer has its registered office or place of business in a third State".into()
        }
        ConditionKind::Resides(Place::In(p)) => format!("who resides in {}", vars.territory(p)),
        ConditionKind::Resides(Place::Elsewhere) => "who resides in a third State".into(),
        ConditionKind::Resides(Place::Away) => {
            "who resides outside every territory in which they work".into()
        }
        ConditionKind::Posted(None, _) if vars.self_employed => {
            "who goes to pursue a similar activity there temporarily".into()
        }
        ConditionKind::Posted(None, _) => {
            "who is sent by the employer to work there temporarily".into()
        }
        ConditionKind::Posted(Some(d), None) => {
            format!("who is sent to work there temporarily for {d}")
        }
        ConditionKind::Posted(Some(d), Some(since)) => {
            format!("who is sent to work there temporarily for {d} from {since}")
        }
        ConditionKind::ExtensionGranted => {
            "whose period of posting the competent authorities have extended".into()
        }
        ConditionKind::National(p) => format!("who is a national of {}", vars.party(p)),
        ConditionKind::NotPosted => "who is not sent to work there temporarily".into(),
        ConditionKind::UsuallySelfEmployedIn(p) => format!(
            "who ordinarily pursues a self-employed activity in {}",
            vars.territory(p)
        ),
        ConditionKind::Status(s, p) => {
            let of = |vars: &mut Vars<'_>, p: &Option<ast::PartyRef>, pre: &str| {
                p.as_ref()
                    .map(|p| format!("{pre}{}", vars.party(p)))
                    .unwrap_or_default()
            };
            match s {
                Status::Seafarer => match p {
                    Some(p) => format!(
                        "who is employed as a member of the crew of a ship flying the flag of {}",
                        vars.party(p)
                    ),
                    None => "who is employed as a member of the crew of a ship".into(),
                },
                Status::Aircrew => format!(
                    "who is a member of the flying or cabin crew of an aircraft{}",
                    of(vars, p, " of ")
                ),
                Status::TransportCrew => format!(
                    "who is a member of the travelling personnel of an international transport undertaking{}",
                    of(vars, p, " of ")
                ),
                Status::CivilServant => format!(
                    "who is a civil servant or treated as such{}",
                    of(vars, p, " by ")
                ),
                Status::MissionStaff => format!(
                    "who is a member of the staff of a diplomatic mission or consular post{}",
                    of(vars, p, " of ")
                ),
                Status::LocallyEngaged => match p {
                    Some(p) => format!(
                        "who is engaged locally in {} by a diplomatic mission or consular post of the other Party",
                        vars.territory(p)
                    ),
                    None => "who is engaged locally by a diplomatic mission or consular post".into(),
                },
                Status::NonActive => "who is not gainfully active".into(),
                Status::Accompanying => match p {
                    Some(p) => format!(
                        "who is a member of the family accompanying a worker subject to the legislation of {}",
                        vars.party(p)
                    ),
                    None => "who is a member of the family accompanying a worker".into(),
                },
            }
        }
    }
}

/// How a scheme reaches persons, in words, when its `scope` line says more than work in the
/// territory: "also covers persons resident in its territory", "covers its nationals who work
/// abroad and seafarers on ships flying its flag".
fn bases_words(bases: &[ast::Ident]) -> Option<String> {
    let mut also: Vec<String> = Vec::new();
    let mut covers: Vec<String> = Vec::new();
    let mut asks = None;
    for b in bases {
        if b.value == "no-qualifying-period" {
            asks = Some("asks no qualifying period");
            continue;
        }
        let (list, what) = match b.value.as_str() {
            "residence-based" => (&mut also, "persons resident in its territory"),
            "residents-only" => (&mut covers, "persons resident in its territory only"),
            "employer-abroad" => (
                &mut covers,
                "employees of employers established there who work abroad",
            ),
            "nationals-abroad" => (&mut covers, "its nationals who work abroad"),
            "flag" => (&mut covers, "seafarers on ships flying its flag"),
            "civil-service" => (&mut covers, "its civil servants wherever they work"),
            "employees-only" => (&mut covers, "employed persons only"),
            _ => continue,
        };
        list.push(what.to_string());
    }
    let mut parts = Vec::new();
    if !also.is_empty() {
        parts.push(format!("also covers {}", and(&also)));
    }
    if !covers.is_empty() {
        parts.push(format!("covers {}", and(&covers)));
    }
    parts.extend(asks.map(str::to_string));
    (!parts.is_empty()).then(|| parts.join(" and "))
}

/// A rule of applicable legislation as one sentence.
pub fn rule(r: &ast::Rule, names: &Names) -> String {
    let mut criteria = BTreeMap::new();
    for c in &r.clauses {
        if let ClauseKind::Where {
            variable,
            criterion,
        } = &c.kind
        {
            criteria.insert(variable.name.clone(), criterion.value.clone());
        }
    }
    // The party variables the rule uses, whatever condition names them (`national of X` too).
    let mut count: Vec<String> = Vec::new();
    let refs = r.conditions.iter().flat_map(|c| c.kind.party_refs());
    for p in refs.chain(std::iter::once(&r.target)) {
        if p.is_variable() && !count.contains(&p.name) {
            count.push(p.name.clone());
        }
    }
    let mut vars = Vars {
        names,
        order: Vec::new(),
        collective: Vec::new(),
        count: count.len(),
        criteria,
        target: r.target.name.clone(),
        singled: 0,
        later_names: BTreeMap::new(),
        self_employed: r.conditions.iter().any(|c| {
            matches!(
                &c.kind,
                ConditionKind::Activity {
                    activity: Activity::SelfEmployed,
                    ..
                } | ConditionKind::UsuallySelfEmployedIn(_)
            )
        }),
    };
    let conds: Vec<String> = r
        .conditions
        .iter()
        .map(|c| condition(c, &mut vars))
        .collect();
    let target = vars.party(&r.target);
    let mut overrides = Vec::new();
    let mut limit = None;
    let mut first = None;
    let mut extension = None;
    let mut after = Vec::new();
    for c in &r.clauses {
        match &c.kind {
            ClauseKind::Overrides(labels) => {
                overrides.extend(labels.iter().map(|l| l.value.clone()));
            }
            ClauseKind::Limit(d) => limit = Some(*d),
            ClauseKind::LimitFirst(d) => first = Some(*d),
            ClauseKind::Branches(bs) => {
                let list: Vec<String> = bs.iter().map(|b| branch_word(&b.value)).collect();
                after.push(format!("This provision applies to {} only.", and(&list)));
            }
            ClauseKind::Begun { before, date: d } => after.push(format!(
                "This provision applies to periods that began {} {}.",
                if *before { "before" } else { "on or after" },
                date(&d.value)
            )),
            ClauseKind::Allocation(true) => after.push(
                "Each activity is considered separately for the purposes of this provision.".into(),
            ),
            ClauseKind::Allocation(false) => after.push(
                "This provision considers all the activities of the person together.".into(),
            ),
            ClauseKind::Extension { duration, by } => {
                extension = Some((*duration, by.as_ref().map(|b| word(&b.value))));
            }
            ClauseKind::RepostGap(d) => after.push(format!(
                "The same person may not be sent again under this provision until {d} have elapsed since the end of the previous period."
            )),
            ClauseKind::NoReplacement => after.push(
                "This provision does not apply to a person sent to replace another person whose period has ended.".into(),
            ),
            ClauseKind::Where { .. } => {}
        }
    }
    let who = if conds.is_empty() {
        "A person".to_string()
    } else {
        format!("A person {}", and(&conds))
    };
    let mut s = who;
    s.push_str(" shall");
    if !overrides.is_empty() {
        let rules = if overrides.len() == 1 {
            "Rule"
        } else {
            "Rules"
        };
        s.push_str(&format!(", notwithstanding {rules} {},", and(&overrides)));
    }
    s.push_str(&format!(" be subject to the legislation of {target}"));
    if let Some(d) = limit {
        s.push_str(&format!(" for a period not exceeding {d}"));
    }
    if let Some(d) = first {
        s.push_str(&format!(" for the first {d} of that work"));
    }
    let limit = limit.or(first);
    if let Some((d, by)) = extension {
        let by = by.unwrap_or_else(|| "the competent authorities".into());
        let what = if limit.is_some() {
            "which"
        } else {
            "a period which"
        };
        let sep = if limit.is_some() { "," } else { ", for" };
        match d {
            Some(d) => s.push_str(&format!("{sep} {what} {by} may extend by {d}")),
            None => s.push_str(&format!("{sep} {what} {by} may extend")),
        }
    }
    s.push('.');
    for a in after {
        s.push(' ');
        s.push_str(&a);
    }
    s
}
