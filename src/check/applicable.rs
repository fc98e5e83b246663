//! Explanations for the applicable checks (placeholders until the checks are implemented).

use super::registry::Explanation;

pub const P301: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P302: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P303: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P304: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P305: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P306: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P307: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P308: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P309: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P310: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P311: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};
