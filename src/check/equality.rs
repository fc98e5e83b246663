//! Explanations for the equality checks (placeholders until the checks are implemented).

use super::registry::Explanation;

pub const P201: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P202: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P203: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P204: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P205: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};
