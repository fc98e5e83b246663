//! SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps, GitLab) upload.
//!
//! One run; the tool's driver lists a rule for every code in the registry (id, name, short and
//! full description, help, default level), and each finding is a result with its rule, level,
//! message, physical location and related locations. Artifact URIs are the file names as given,
//! relative to `%SRCROOT%` (the command line passes paths relative to the repository root).
//! Columns count Unicode code points (`columnKind`). Each result carries a partial fingerprint
//! that survives edits elsewhere in the file (the same identity as a baseline entry), so that
//! code scanning can follow an alert from one commit to the next.

use super::{FileReport, Location};
use crate::check::registry::{self, CheckInfo};
use crate::diag::{Diagnostic, Severity};
use crate::span::SourceFile;
use serde::Serialize;
use std::collections::BTreeMap;

pub(crate) const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    original_uri_base_ids: BTreeMap<&'static str, BaseId>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct BaseId {
    description: Text,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
    /// The Parties and branches the finding concerns, when the check knows them.
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ResultProperties>,
}

#[derive(Serialize)]
struct ResultProperties {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parties: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    branches: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// The SARIF level of a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: forward slashes, and every byte outside the unreserved
/// set (and `/`) percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn rule(c: &CheckInfo) -> Rule {
    let e = c.explanation;
    let full = [e.what, e.why]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let full = if full.is_empty() {
        c.summary.to_string()
    } else {
        full
    };
    let mut text = format!("{}\n\nSource: {}.", full, c.source);
    let mut markdown = format!("{}\n\n**Source:** {}.", full, c.source);
    if !e.failing.is_empty() {
        text.push_str(&format!("\n\nFlagged:\n{}", e.failing));
        markdown.push_str(&format!("\n\nFlagged:\n\n```\n{}\n```", e.failing));
    }
    if !e.passing.is_empty() {
        text.push_str(&format!("\n\nCorrected:\n{}", e.passing));
        markdown.push_str(&format!("\n\nCorrected:\n\n```\n{}\n```", e.passing));
    }
    text.push_str(&format!("\n\nRun `pacta explain {}` for more.", c.code));
    markdown.push_str(&format!("\n\nRun `pacta explain {}` for more.", c.code));
    let mut tags = Vec::new();
    if let Some(p) = c.principle {
        tags.push(p.title().to_string());
    }
    // Decided per agreement by its claims and ratifications; this is the level without them.
    let default_level = level(c.default_severity());
    Rule {
        id: c.code,
        name: c.name,
        short_description: Text {
            text: c.summary.to_string(),
        },
        full_description: Text { text: full },
        help: Help { text, markdown },
        default_configuration: Configuration {
            level: default_level,
        },
        properties: RuleProperties { tags },
    }
}

fn physical(file: &SourceFile, at: Location) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: uri(&file.name),
            uri_base_id: SRCROOT,
        },
        region: Region {
            start_line: at.line,
            start_column: at.column,
            end_line: at.end_line,
            end_column: at.end_column,
        },
    }
}

fn result(file: &SourceFile, d: &Diagnostic, fingerprint: String) -> SarifResult {
    let mut text = d.message.clone();
    for note in &d.notes {
        text.push('\n');
        text.push_str(note);
    }
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    SarifResult {
        rule_id: d.code,
        rule_index: registry::CHECKS.iter().position(|c| c.code == d.code),
        level: level(d.severity),
        message: Text { text },
        locations: vec![SarifLocation {
            id: None,
            physical_location: physical(file, Location::of(file, d.primary.span)),
            message: (!d.primary.message.is_empty()).then(|| Text {
                text: d.primary.message.clone(),
            }),
        }],
        related_locations: d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, l)| SarifLocation {
                id: Some(i + 1),
                physical_location: physical(file, Location::of(file, l.span)),
                message: Some(Text {
                    text: l.message.clone(),
                }),
            })
            .collect(),
        partial_fingerprints: BTreeMap::from([("pacta/v1", fingerprint)]),
        fixes: d
            .fixes
            .iter()
            .map(|f| SarifFix {
                description: Text {
                    text: f.title.clone(),
                },
                artifact_changes: vec![ArtifactChange {
                    artifact_location: physical(file, Location::of(file, d.primary.span))
                        .artifact_location,
                    replacements: f
                        .edits
                        .iter()
                        .map(|e| Replacement {
                            deleted_region: physical(file, Location::of(file, e.span)).region,
                            inserted_content: Text {
                                text: e.replacement.clone(),
                            },
                        })
                        .collect(),
                }],
            })
            .collect(),
        properties: (!d.concerns.parties.is_empty() || !d.concerns.branches.is_empty()).then(
            || ResultProperties {
                parties: d.concerns.parties.clone(),
                branches: d.concerns.branch_keys(),
            },
        ),
    }
}

/// The SARIF log of all reports, pretty-printed with a final newline.
pub fn render(reports: &[FileReport]) -> String {
    let mut results = Vec::new();
    for r in reports {
        let entries = crate::baseline::entries(&r.file.name, &r.file, None, &r.diagnostics);
        for (d, e) in r.diagnostics.iter().zip(entries) {
            results.push(result(&r.file, d, e.fingerprint()));
        }
    }
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "pacta",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: registry::CHECKS.iter().copied().map(rule).collect(),
                },
            },
            original_uri_base_ids: BTreeMap::from([(
                SRCROOT,
                BaseId {
                    description: Text {
                        text: "the repository root: the directory holding pacta.toml, else the git work tree".to_string(),
                    },
                },
            )]),
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_relative_references() {
        assert_eq!(
            uri("agreements/a b,ç.pacta"),
            "agreements/a%20b%2C%C3%A7.pacta"
        );
        assert_eq!(uri("dir\\x.pacta"), "dir/x.pacta");
    }
}
