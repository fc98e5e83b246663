//! Explanations for the final_provisions checks (placeholders until the checks are implemented).

use super::registry::Explanation;

pub const P701: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P702: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P703: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P704: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P705: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};
