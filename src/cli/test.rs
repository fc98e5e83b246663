//! `pacta test PATH…`: run the scenarios of agreements.

use super::args::{TestArgs, TestFormat};
use super::{files, print, Failure, EXIT_CLEAN, EXIT_FINDINGS};
use pacta::diag::render::{human, FileReport};
use pacta::diag::visible;
use pacta::legislation::{self, ScenarioRun, TraceKind};
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

/// The scenarios of one file, or the errors that stopped them.
struct FileRun {
    name: String,
    runs: Vec<ScenarioRun>,
    errors: Option<FileReport>,
}

pub fn run(args: TestArgs) -> Result<i32, Failure> {
    let first = args.paths.first().cloned().unwrap_or_default();
    let (config, root) = match &args.config {
        Some(p) => (files::load_config(p)?, None),
        None => files::find_config(&first)?,
    };
    let root = root.unwrap_or_else(|| std::env::current_dir().unwrap_or_default());
    let paths = files::collect(&args.paths, &config, &root)?;
    let mut results = Vec::new();
    for path in &paths {
        let name = files::display_name(path);
        // Text that is not UTF-8 is a P001 error of the file, as in `check`.
        let bytes = files::read(path)?;
        let checked = pacta::check_bytes(&name, &bytes, &config);
        let errors = files::file_errors(&checked);
        match checked.agreement {
            Some(a) if errors.is_empty() => results.push(FileRun {
                name,
                runs: legislation::run_scenarios(&a),
                errors: None,
            }),
            _ => results.push(FileRun {
                name,
                runs: Vec::new(),
                errors: Some(FileReport {
                    file: checked.file,
                    diagnostics: errors,
                }),
            }),
        }
    }
    let passed = results
        .iter()
        .flat_map(|f| &f.runs)
        .filter(|r| r.passed)
        .count();
    let failed = results
        .iter()
        .flat_map(|f| &f.runs)
        .filter(|r| !r.passed)
        .count()
        + results.iter().filter(|f| f.errors.is_some()).count();
    match args.format {
        TestFormat::Human => print(&visible::text(&human_output(&results, passed, failed)))?,
        TestFormat::Junit => print(&junit(&results)?)?,
    }
    Ok(if failed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn trace_lines(run: &ScenarioRun) -> Vec<String> {
    run.trace
        .iter()
        .filter(|t| t.kind != TraceKind::NotMatched || !run.passed)
        .map(|t| {
            let kind = match t.kind {
                TraceKind::Decides => "decides",
                TraceKind::Conflicts => "conflicts",
                TraceKind::Overridden => "overridden",
                TraceKind::NotMatched => "not matched",
            };
            format!("rule {:<6} {:<12} {}", t.rule, kind, t.detail)
        })
        .collect()
}

fn human_output(results: &[FileRun], passed: usize, failed: usize) -> String {
    let mut out = String::new();
    for f in results {
        if let Some(report) = &f.errors {
            out.push_str(&format!(
                "FAIL {}: the file has errors; no scenario ran\n",
                f.name
            ));
            out.push_str(&human::render(std::slice::from_ref(report), false));
            continue;
        }
        for r in &f.runs {
            let verdict = if r.passed { "PASS" } else { "FAIL" };
            out.push_str(&format!("{verdict} {}: {}\n", f.name, r.name));
            if !r.passed {
                out.push_str(&format!(
                    "  expected: {}\n  actual:   {}\n",
                    r.expected, r.actual
                ));
            }
            for line in trace_lines(r) {
                out.push_str(&format!("  {line}\n"));
            }
        }
    }
    out.push_str(&format!("{passed} passed, {failed} failed\n"));
    out
}

fn junit(results: &[FileRun]) -> Result<String, Failure> {
    let mut report = Report::new("pacta test");
    for f in results {
        let mut suite = TestSuite::new(visible::line(&f.name).as_ref());
        if let Some(errors) = &f.errors {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status.set_message("the file has errors; no scenario ran");
            status.set_description(human::render(std::slice::from_ref(errors), false));
            suite.add_test_case(TestCase::new("(file)", status));
        }
        for r in &f.runs {
            let status = if r.passed {
                TestCaseStatus::success()
            } else {
                let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                s.set_message(
                    visible::line(&format!("expected {}, got {}", r.expected, r.actual))
                        .into_owned(),
                );
                s.set_description(visible::text(&trace_lines(r).join("\n")).as_ref());
                s
            };
            let mut case = TestCase::new(visible::line(&r.name).as_ref(), status);
            case.set_classname(visible::line(&f.name).as_ref());
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    Ok(report.to_string()?)
}
