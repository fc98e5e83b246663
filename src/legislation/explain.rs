//! The explanations of the checks this module reports (P301, P302, P310–P313), for the registry.

use crate::check::registry::Explanation;

pub const P301: Explanation = Explanation {
    what: "Every situation a person can be in (activity and places of work, special status, employer's seat, residence, nationality, posting and its length) is decided against the agreement's rules, exhaustively, for each group of branches. Two cases are reported: two applicable rules designate different Parties and neither prevails (no `overrides`, and neither rule's conditions imply the other's); or no rule applies and the national laws, left alone, reach the person twice (work in one State, residence in the other under a residence-based scheme, for instance) — double coverage that the agreement leaves unresolved. Under per-activity allocation (`allocation: per-activity`) each activity is decided on its own. One finding per set of conflicting rules or per kind of person, with the simplest concrete situation and the national laws that apply.",
    why: "A person must be subject to the legislation of one Party at a time: two legislations mean double contributions and disputes between institutions over who pays (C157 Part II; EU Regulation 883/2004 Art 11(1)).",
    failing: "scope XA \"Employees Insurance Act\" employees-only: old-age\nscope XB \"Employees Insurance Code\" employees-only: old-age\nrule 8.1: employed in X and Y, resides in X -> X\nrule 8.2: employed in X and Y, employer in X -> X\nrule 8.3: employed in X and Y, employer elsewhere, resides elsewhere -> X\n  where X is \"the Party the competent authorities agree on\"",
    passing: "scope XA \"Employees Insurance Act\" employees-only: old-age\nscope XB \"Employees Insurance Code\" employees-only: old-age\nrule 8.1: employed in X and Y, resides in X -> X\n  overrides 8.2\nrule 8.2: employed in X and Y, employer in X -> X\nrule 8.3: employed in X and Y, employer elsewhere, resides elsewhere -> X\n  where X is \"the Party the competent authorities agree on\"",
};

pub const P302: Explanation = Explanation {
    what: "Every situation is decided against the rules (see P301 for how). Silence is not a gap: where no rule applies, each State's own law applies as it stands (the coverage bases of the `scope` lines). A negative conflict is reported: an active person connected with two Parties that have schemes for the branches concerned, whom no rule designates and no national law reaches — a resident of a State whose scheme reaches residents only, working in a State whose scheme reaches only its residents, for instance. One finding per kind of person, with the simplest concrete situation, a label on the rule that comes closest and a rule to add. An agreement whose `kind:` is `coverage`, `posting` or `export` promises only to avoid double coverage and is not held to this.",
    why: "A person to whom no legislation applies has no social security cover at all (C157 Part II).",
    failing: "scope XA \"Residents' Insurance Act\" residents-only: old-age\nscope XB \"Workers' Insurance Act\": old-age\n// a resident of XB working in XA: neither law reaches them",
    passing: "scope XA \"Residents' Insurance Act\" residents-only: old-age\nscope XB \"Workers' Insurance Act\": old-age\nrule 6.1: employed in X -> X\nrule 6.2: self-employed in X -> X",
};

pub const P310: Explanation = Explanation {
    what: "Rules whose `overrides` clauses form a cycle: 7.1 overrides 9.1 and 9.1 overrides 7.1, directly or through other rules.",
    why: "Where the rules of a cycle all apply, each is overridden by another and none decides, so the precedence the negotiators meant is lost.",
    failing: "rule 7.1: employed in Y, employer in X, posted -> X\n  overrides 9.1\nrule 9.1: seafarer under flag X -> X\n  overrides 7.1",
    passing: "rule 7.1: employed in Y, employer in X, posted -> X\nrule 9.1: seafarer under flag X -> X\n  overrides 7.1",
};

pub const P311: Explanation = Explanation {
    what: "A rule that decides no situation of the space: either its conditions never hold together for distinct Parties (for example `employed in X, self-employed in X`, or a posting condition on a special status, which the situation space does not post), or another rule overrides it wherever it applies.",
    why: "A rule that never decides is dead text: usually a mistake in its conditions or in an `overrides` list, and the case it was meant for may be decided by a rule nobody intended.",
    failing: "rule 6.1: employed in X -> X\nrule 6.3: employed in X -> X\n  overrides 6.1",
    passing: "rule 6.1: employed in X -> X\nrule 6.2: self-employed in X -> X",
};

pub const P312: Explanation = Explanation {
    what: "Two applicable rules designate different Parties, no `overrides` settles it, and the conditions of one imply those of the other (decided on the conditions, for any number of Parties): the narrower rule prevails, as a lawyer reads a special rule written beside the general one (a posting rule beside `employed in X -> X`, an aircrew rule beside the rule for employees). This info says so and suggests the explicit `overrides`.",
    why: "Precedence that the text leaves to interpretation is better written down: the rule set and other tools then read it the same way.",
    failing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  limit 24 months",
    passing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  overrides 6.1\n  limit 24 months",
};

pub const P313: Explanation = Explanation {
    what: "The applicable-legislation analysis decides situations up to a budget (400,000 per group of branches). Parties that rules name alike are interchangeable and cost nothing, and each Party of a situation is told apart from the others only where a rule names it on the role it plays, so agreements whose rules name dozens of Parties by code stay well within it. Rules that list many places of work by code, each naming other Parties, can still exceed it. The analysis then stops and reports this finding at the rule that widens the space most (the places of work it lists, the Parties it binds and names by code); the other findings cover only the situations decided.",
    why: "A check that runs for minutes or exhausts memory on one agreement blocks every pull request of the repository; an honest partial result is better than a hang.",
    failing: "rule 1.1: employed in QAA and QAB and QAC and QAD -> QAA\nrule 1.2: works in QAA, resides in QAB -> QAB\n// … and so on for twenty Parties, each named on the place of work and the residence",
    passing: "rule 6.1: employed in X -> X",
};
