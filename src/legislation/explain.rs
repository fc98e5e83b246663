//! The explanations of the checks this module reports (P301, P302, P310, P311), for the registry.

use crate::check::registry::Explanation;

pub const P301: Explanation = Explanation {
    what: "Every situation a person can be in (activity and places of work, special status, employer's seat, residence, posting and its length) is decided against the agreement's rules, exhaustively: the Parties that no rule names are interchangeable, so one situation stands for all that differ only by them. Where two rules apply, neither overrides the other and they designate different Parties, the situation has two legislations. One finding is reported per set of conflicting rules, with the simplest concrete situation and a label on each rule.",
    why: "A person must be subject to the legislation of one Party at a time: two legislations mean double contributions and disputes between institutions over who pays (C157 Part II; EU Regulation 883/2004 Art 11(1)).",
    failing: "rule 8.1: employed in X and Y, resides in X -> X\nrule 8.2: employed in X and Y, employer in X -> X",
    passing: "rule 8.1: employed in X and Y, resides in X -> X\n  overrides 8.2\nrule 8.2: employed in X and Y, employer in X -> X",
};

pub const P302: Explanation = Explanation {
    what: "Every situation in the personal scope is decided against the rules (see P301 for how). A situation to which no rule applies, or in which every applicable rule is overridden, has no legislation. One finding is reported per kind of person left out (self-employed persons active in several Parties, posted workers past every limit, seafarers, …), with the simplest concrete situation, a label on the rule that comes closest and a rule to add. An agreement with no applicable-legislation rules at all gets one finding.",
    why: "A person to whom no legislation applies has no social security cover at all (C157 Part II).",
    failing: "rule 8.4: self-employed in X and Y, resides in X -> X",
    passing: "rule 8.4: self-employed in X and Y, resides in X -> X\nrule 8.5: self-employed in X and Y, resides elsewhere -> X\n  where X is \"the Party in which the centre of interest of the activity lies\"",
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
