//! `pacta explain CODE`

use super::args::ExplainArgs;
use super::{print, Failure, EXIT_CLEAN};
use pacta::check::registry::{self, CHECKS};

pub fn run(args: ExplainArgs) -> Result<i32, Failure> {
    let Some(query) = args.check else {
        let mut out = String::new();
        for c in CHECKS {
            out.push_str(&format!("{}  {:<38} {}\n", c.code, c.name, c.summary));
        }
        print(&out)?;
        return Ok(EXIT_CLEAN);
    };
    let Some(info) = registry::lookup(&query) else {
        let hint = pacta::suggest::did_you_mean(&query, registry::codes_and_names())
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        return Err(Failure(format!("unknown check `{query}`{hint}")));
    };
    print(&pacta::check::explain_text(info))?;
    Ok(EXIT_CLEAN)
}
