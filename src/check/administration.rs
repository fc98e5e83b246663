//! Explanations for the administration checks (placeholders until the checks are implemented).

use super::registry::Explanation;

pub const P601: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P602: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P603: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P604: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P605: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P606: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P607: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};
