//! The parser generated from `grammar/pacta.pest`.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/pacta.pest"]
pub(super) struct PactaParser;
