//! Explanations for the aggregation checks (placeholders until the checks are implemented).

use super::registry::Explanation;

pub const P401: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P402: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P403: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P404: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P405: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P406: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};
