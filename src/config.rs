//! `pacta.toml`: per-check severities, the failing severity and file globs. The library parses
//! the text; the command line finds and reads the file.

use crate::check::registry;
use crate::diag::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;

/// What a configuration can set a check to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The check is off.
    Allow,
    At(Severity),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// Check code → level.
    pub levels: BTreeMap<&'static str, Level>,
    /// Findings at or above this severity fail the run (default: error).
    pub fail_on: Option<Severity>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    #[serde(default)]
    fail_on: Option<String>,
    #[serde(default)]
    checks: BTreeMap<String, String>,
    #[serde(default)]
    files: RawFiles,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFiles {
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

impl Config {
    /// Parse `pacta.toml`. Errors are one line, ready to print.
    pub fn parse(text: &str) -> Result<Config, String> {
        let raw: Raw = toml::from_str(text).map_err(|e| e.message().to_string())?;
        let mut config = Config {
            include: raw.files.include,
            exclude: raw.files.exclude,
            ..Config::default()
        };
        if let Some(f) = raw.fail_on {
            config.fail_on = Some(Severity::parse(&f).ok_or_else(|| {
                format!("fail-on must be `info`, `warning` or `error`, not `{f}`")
            })?);
        }
        for (key, value) in raw.checks {
            let check = registry::lookup(&key).ok_or_else(|| {
                let hint = crate::suggest::did_you_mean(&key, registry::codes_and_names())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                format!("unknown check `{key}` in [checks]{hint}")
            })?;
            let level = match value.as_str() {
                "allow" | "off" => Level::Allow,
                other => Level::At(Severity::parse(other).ok_or_else(|| {
                    format!("check `{key}` must be set to `allow`, `info`, `warning` or `error`, not `{other}`")
                })?),
            };
            config.levels.insert(check.code, level);
        }
        Ok(config)
    }

    /// The failing severity (default: error).
    pub fn failing(&self) -> Severity {
        self.fail_on.unwrap_or(Severity::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_levels_by_code_and_name() {
        let c = Config::parse(
            "fail-on = \"warning\"\n[checks]\nP304 = \"error\"\nposting-chaining = \"allow\"\n[files]\nexclude = [\"old/**\"]\n",
        )
        .unwrap();
        assert_eq!(c.levels.get("P304"), Some(&Level::At(Severity::Error)));
        assert_eq!(c.levels.get("P306"), Some(&Level::Allow));
        assert_eq!(c.failing(), Severity::Warning);
        assert_eq!(c.exclude, vec!["old/**".to_string()]);
    }

    #[test]
    fn rejects_unknown_checks_with_a_suggestion() {
        let e = Config::parse("[checks]\nposting-chainin = \"allow\"\n").unwrap_err();
        assert!(e.contains("did you mean `posting-chaining`"), "{e}");
        assert!(Config::parse("[checks]\nP304 = \"loud\"\n").is_err());
        assert!(Config::parse("colour = 1\n").is_err());
    }
}
