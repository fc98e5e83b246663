//! JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure DevOps).
//!
//! One test suite, `pacta check`, with one test case per checked file (clean files too). A file
//! with findings at or above the failing severity is a failed test case whose failure lists
//! every finding of the file, one `file:line:col: severity[CODE] message` line each; a file with
//! only lesser findings passes and lists them as its standard output. No timestamps or
//! durations are written, so the same findings give the same bytes.

use super::{short, FileReport, Summary};
use crate::diag::Severity;
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

pub fn render(reports: &[FileReport], failing: Severity) -> String {
    let mut suite = TestSuite::new("pacta check");
    for r in reports {
        let lines: String = r
            .diagnostics
            .iter()
            .map(|d| short::line(&r.file, d) + "\n")
            .collect();
        let fails = r.diagnostics.iter().any(|d| d.severity >= failing);
        let status = if fails {
            let n = Summary::of(std::slice::from_ref(r));
            let summary = format!(
                "{} error(s), {} warning(s), {} info(s)",
                n.errors, n.warnings, n.infos
            );
            let mut codes: Vec<&str> = r
                .diagnostics
                .iter()
                .filter(|d| d.severity >= failing)
                .map(|d| d.code)
                .collect();
            codes.sort_unstable();
            codes.dedup();
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
            s.set_message(summary)
                .set_type(codes.join(" "))
                .set_description(lines.clone());
            s
        } else {
            TestCaseStatus::success()
        };
        let name = crate::diag::visible::line(&r.file.name);
        let mut case = TestCase::new(name.as_ref(), status);
        case.set_classname("pacta");
        if !fails && !lines.is_empty() {
            case.set_system_out(lines);
        }
        suite.add_test_case(case);
    }
    let mut report = Report::new("pacta");
    report.add_test_suite(suite);
    let mut s = report.to_string().unwrap_or_default();
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}
