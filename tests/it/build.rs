//! The JSON rule set: every agreement builds, matches its snapshot, validates against the
//! committed schema and round-trips through the output model.

use pacta::config::Config;
use pacta::emit::{self, RuleSet};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn committed_schema() -> jsonschema::Validator {
    let path = root().join("docs/ruleset.schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the committed schema is a valid JSON Schema")
}

/// The rule set of a file, named by its path relative to the crate root.
fn build(path: &Path) -> String {
    let name = path
        .strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    let text = std::fs::read_to_string(path).expect("readable agreement");
    let checked = pacta::check_source(&name, &text, &Config::default());
    let rules = emit::build(&checked).unwrap_or_else(|| panic!("{name} does not parse"));
    emit::to_json(&rules)
}

#[test]
fn every_agreement_builds_validates_and_round_trips() {
    let validator = committed_schema();
    insta::glob!("../../agreements", "**/*.pacta", |path| {
        let json = build(path);
        let value: serde_json::Value = serde_json::from_str(&json).expect("the rule set is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{} does not validate:\n{}",
            path.display(),
            errors.join("\n")
        );
        let model: RuleSet = serde_json::from_str(&json).expect("the rule set deserialises");
        assert_eq!(
            emit::to_json(&model),
            json,
            "round trip of {}",
            path.display()
        );
        insta::assert_snapshot!(json);
    });
}

#[test]
fn the_schema_rejects_a_rule_set_of_another_version_or_shape() {
    let validator = committed_schema();
    let json = build(&root().join("agreements/arcadia-borduria.pacta"));
    let good: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert!(validator.is_valid(&good));
    let mut wrong_version = good.clone();
    wrong_version["schema"] = "pacta.ruleset/2".into();
    assert!(!validator.is_valid(&wrong_version));
    let mut wrong_status = good.clone();
    wrong_status["coverage"][0]["status"] = "partly".into();
    assert!(!validator.is_valid(&wrong_status));
    let mut no_source = good;
    if let Some(rule) = no_source["applicable_legislation"]["rules"][0].as_object_mut() {
        rule.remove("source");
    }
    assert!(!validator.is_valid(&no_source));
}

#[test]
fn every_item_names_its_article_and_identifier() {
    let json = build(&root().join("agreements/arcadia-borduria.pacta"));
    let rules: RuleSet = serde_json::from_str(&json).expect("rule set");
    let rule = |label: &str| {
        rules
            .applicable_legislation
            .rules
            .iter()
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("rule {label}"))
    };
    // `rule 7.1` stands in article 7 "Detached workers" #posting, line 93 of the file.
    let posting = rule("7.1");
    assert_eq!(posting.source.article, Some(7));
    assert_eq!(posting.source.tag.as_deref(), Some("posting"));
    assert_eq!(posting.source.eid, "art_7__para_1");
    assert_eq!((posting.source.line, posting.source.column), (93, 5));
    assert_eq!(posting.overrides, ["6.1"]);
    assert_eq!(
        rule("6.1").overridden_by,
        ["7.1", "9.1", "9.2", "10.1", "10.2", "10.3"]
    );
    assert_eq!(posting.limit.as_ref().map(|p| p.days), Some(720));
    // The aggregation of article 14 is the only provision of its article.
    let long_term = &rules.aggregation[1];
    assert_eq!(long_term.source.eid, "art_14__para_1");
    assert_eq!(long_term.source.article, Some(14));
    // Institutions are traced to their Party.
    assert_eq!(
        rules.parties[1].institutions[0].source.eid,
        "party_XB__institution_1"
    );
    assert_eq!(rules.parties[1].institutions[0].branches.len(), 9);
}

/// Every property name in a schema, recursively.
fn property_names(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            map.values().for_each(|v| property_names(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| property_names(v, out)),
        _ => {}
    }
}

#[test]
fn the_format_documentation_names_every_field() {
    let schema = serde_json::to_value(emit::schema()).expect("schema as JSON");
    let mut names = std::collections::BTreeSet::new();
    property_names(&schema, &mut names);
    assert!(names.contains("decision_table") && names.contains("end_column"));
    let doc = std::fs::read_to_string(root().join("docs/ruleset.md")).expect("docs/ruleset.md");
    let missing: Vec<&String> = names
        .iter()
        .filter(|n| !doc.contains(&format!("`{n}`")) && !doc.contains(&format!("\"{n}\"")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/ruleset.md does not document {missing:?}"
    );
}
