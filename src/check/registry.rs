pub fn name_of(_code: &str) -> &'static str {
    ""
}
