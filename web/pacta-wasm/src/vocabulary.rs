//! The situation vocabulary: the conditions of `pacta resolve --situation`, grouped for the
//! playground's "which law applies?" form. Each choice is a phrase of the situation grammar
//! (`condition` in grammar/pacta.pest) with slots the form fills in: `{party}` and `{other}`
//! (Parties of the draft) and `{months}` (a number). The tests hold this list to the grammar:
//! every phrase parses, and every word of the `condition` rules appears in some phrase.

use serde::Serialize;

#[derive(Serialize)]
pub struct Group {
    pub id: &'static str,
    /// The question the form asks.
    pub label: &'static str,
    pub choices: &'static [Choice],
}

#[derive(Serialize)]
pub struct Choice {
    /// The choice in the form's words.
    pub label: &'static str,
    /// The condition, with slots.
    pub phrase: &'static str,
}

const fn c(label: &'static str, phrase: &'static str) -> Choice {
    Choice { label, phrase }
}

pub const GROUPS: &[Group] = &[
    Group {
        id: "activity",
        label: "Works as",
        choices: &[
            c("employed in one Party", "employed in {party}"),
            c("self-employed in one Party", "self-employed in {party}"),
            c("employed in both", "employed in {party} and {other}"),
            c(
                "self-employed in both",
                "self-employed in {party} and {other}",
            ),
            c(
                "employed in one, self-employed in the other",
                "employed in {party} and self-employed in {other}",
            ),
            c(
                "employed and self-employed in both",
                "mixed in {party} and {other}",
            ),
            c("employed in several Parties", "employed in several"),
            c(
                "self-employed in several Parties",
                "self-employed in several",
            ),
            c(
                "employed and self-employed in several Parties",
                "mixed in several",
            ),
            c("works in (kind of activity not given)", "works in {party}"),
        ],
    },
    Group {
        id: "usually",
        label: "Usual place of self-employment",
        choices: &[c(
            "usually self-employed in",
            "usually self-employed in {party}",
        )],
    },
    Group {
        id: "employer",
        label: "Employer established",
        choices: &[
            c("in a Party", "employer in {party}"),
            c("in a third State", "employer elsewhere"),
        ],
    },
    Group {
        id: "residence",
        label: "Resides",
        choices: &[
            c("in a Party", "resides in {party}"),
            c("in a third State", "resides elsewhere"),
            c("not where they work", "resides away"),
        ],
    },
    Group {
        id: "posting",
        label: "Posted",
        choices: &[
            c("posted (duration not given)", "posted"),
            c("posted for a number of months", "posted {months} months"),
            c(
                "posted for a number of months, begun on 1 January 1995",
                "posted {months} months since 1995-01-01",
            ),
            c(
                "extension granted by the competent authorities",
                "extension granted",
            ),
            c("not posted", "not posted"),
        ],
    },
    Group {
        id: "status",
        label: "Special status",
        choices: &[
            c("seafarer", "seafarer"),
            c(
                "seafarer under a Party's flag",
                "seafarer under flag {party}",
            ),
            c("aircrew", "aircrew"),
            c("road or rail transport crew", "transport-crew"),
            c("civil servant", "civil-servant"),
            c("civil servant of a Party", "civil-servant of {party}"),
            c("diplomatic or consular mission staff", "mission-staff"),
            c("mission staff of a Party", "mission-staff of {party}"),
            c("engaged locally by a mission", "locally-engaged"),
            c(
                "engaged locally by a mission in a Party",
                "locally-engaged in {party}",
            ),
            c("does not work", "non-active"),
            c(
                "family member accompanying a worker under a Party's legislation",
                "accompanying {party}",
            ),
        ],
    },
    Group {
        id: "nationality",
        label: "Nationality",
        choices: &[c("national of a Party", "national of {party}")],
    },
];

/// The vocabulary as JSON: `[{"id", "label", "choices": [{"label", "phrase"}]}]`.
pub fn json() -> String {
    serde_json::to_string(GROUPS).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    const GRAMMAR: &str = include_str!("../../../grammar/pacta.pest");

    fn fill(phrase: &str) -> String {
        phrase
            .replace("{party}", "XA")
            .replace("{other}", "XB")
            .replace("{months}", "30")
    }

    #[test]
    fn every_phrase_parses_as_a_situation() {
        for g in GROUPS {
            for choice in g.choices {
                let text = fill(choice.phrase);
                if let Err(d) = pacta::syntax::parse_situation(&text) {
                    panic!("`{text}` ({}) does not parse: {}", g.id, d.message);
                }
            }
        }
    }

    /// Rule name → body, for the rules of the pest grammar (comments dropped).
    fn rules() -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let mut current: Option<(String, String)> = None;
        for line in GRAMMAR.lines() {
            let code = match line.find("//") {
                Some(i) if !line[..i].contains('"') => &line[..i],
                _ => line,
            };
            let starts_rule = code.split_once('=').filter(|(name, _)| {
                let n = name.trim();
                !n.is_empty()
                    && !code.starts_with(char::is_whitespace)
                    && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
            if let Some((name, body)) = starts_rule {
                if let Some((n, b)) = current.take() {
                    out.insert(n, b);
                }
                current = Some((name.trim().to_string(), body.to_string()));
            } else if let Some((_, b)) = current.as_mut() {
                b.push('\n');
                b.push_str(code);
            }
        }
        if let Some((n, b)) = current {
            out.insert(n, b);
        }
        out
    }

    fn words(body: &str) -> (BTreeSet<String>, BTreeSet<String>) {
        let (mut keywords, mut names) = (BTreeSet::new(), BTreeSet::new());
        let mut rest = body;
        while let Some(i) = rest.find(|c: char| c == '"' || c.is_ascii_alphabetic()) {
            rest = &rest[i..];
            if let Some(s) = rest.strip_prefix('"') {
                let end = s.find('"').unwrap_or(s.len());
                keywords.insert(s[..end].to_string());
                rest = &s[(end + 1).min(s.len())..];
            } else {
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                names.insert(rest[..end].to_string());
                rest = &rest[end..];
            }
        }
        (keywords, names)
    }

    /// The words of the situation grammar: the quoted words of every rule reachable from
    /// `condition`, less the party names and durations the form fills in.
    fn situation_keywords() -> BTreeSet<String> {
        let rules = rules();
        assert!(rules.contains_key("condition"), "no `condition` rule");
        let slots = ["party_ref", "duration", "label", "number", "ident_char"];
        let mut seen = BTreeSet::new();
        let mut todo = vec!["condition".to_string()];
        let mut keywords = BTreeSet::new();
        while let Some(name) = todo.pop() {
            if slots.contains(&name.as_str()) || !seen.insert(name.clone()) {
                continue;
            }
            if let Some(body) = rules.get(&name) {
                let (k, names) = words(body);
                keywords.extend(k);
                todo.extend(names.into_iter().filter(|n| rules.contains_key(n)));
            }
        }
        keywords
            .into_iter()
            .filter(|k| k.len() >= 2 && k.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
            .collect()
    }

    #[test]
    fn every_word_of_the_situation_grammar_is_in_the_form() {
        let keywords = situation_keywords();
        assert!(keywords.contains("employer"), "{keywords:?}");
        let phrases: BTreeSet<&str> = GROUPS
            .iter()
            .flat_map(|g| g.choices.iter())
            .flat_map(|c| c.phrase.split([' ', ',']))
            .collect();
        let missing: Vec<_> = keywords
            .iter()
            .filter(|k| !phrases.contains(k.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "the situation grammar has words the playground's form does not offer: {missing:?} \
             (add a choice to web/pacta-wasm/src/vocabulary.rs)"
        );
    }
}
