//! Changes to the scenarios: situations added, removed or given another expected outcome.

use super::*;

pub(super) fn scenario_parts(file: &SourceFile, s: &ast::Scenario) -> (String, String) {
    let situation = s
        .situation
        .as_ref()
        .map(|x| normalize(file.slice(x.span)))
        .unwrap_or_default();
    let expect = s
        .expect
        .as_ref()
        .map(|x| normalize(file.slice(x.span)))
        .unwrap_or_default();
    (situation, expect)
}

pub(super) fn scenarios(c: &mut Collector<'_>) {
    let (a, b) = (c.old.agreement, c.new.agreement);
    let g = Group::Scenarios;
    for (n, s) in b.scenarios.iter().enumerate() {
        let name = format!("Scenario \"{}\"", s.name.value);
        // A renamed scenario is named by neither of its names, so that the report reads the
        // same in both directions.
        let named = |old: &ast::Scenario| {
            if old.name.value == s.name.value {
                name.clone()
            } else {
                "Renamed scenario".to_string()
            }
        };
        let (sit, exp) = scenario_parts(c.new.file, s);
        let Some(was) = c.m.scenarios.old_of(n).and_then(|o| a.scenarios.get(o)) else {
            let x = ch(ChangeKind::Added, name).detail(format!("{sit}; {exp}"));
            c.push(g, None, x);
            continue;
        };
        if was.name.value != s.name.value {
            let x = ch(ChangeKind::Changed, "Scenario name")
                .values(Some(was.name.value.clone()), Some(s.name.value.clone()));
            c.push(g, None, x);
        }
        let (osit, oexp) = scenario_parts(c.old.file, was);
        if osit != sit {
            let x = ch(ChangeKind::Changed, format!("{}, situation", named(was)))
                .values(Some(osit), Some(sit));
            c.push(g, None, x);
        }
        if oexp != exp {
            let x = ch(ChangeKind::Changed, format!("{}, expectation", named(was)))
                .values(Some(oexp), Some(exp));
            c.push(g, None, x);
        }
    }
    for (o, s) in a.scenarios.iter().enumerate() {
        if c.m.scenarios.new_of(o).is_none() {
            let (sit, exp) = scenario_parts(c.old.file, s);
            let x = ch(
                ChangeKind::Removed,
                format!("Scenario \"{}\"", s.name.value),
            )
            .detail(format!("{sit}; {exp}"));
            c.push(g, None, x);
        }
    }
}
