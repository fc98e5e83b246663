//! Explanations for the export checks (placeholders until the checks are implemented).

use super::registry::Explanation;

pub const P501: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P502: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P503: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P504: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P505: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};
