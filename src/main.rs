fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let parsed = pacta::syntax::parse(&text);
    let report = pacta::diag::render::FileReport {
        file: pacta::span::SourceFile::new(path, text),
        diagnostics: parsed.diagnostics,
    };
    print!("{}", pacta::diag::render::human::render(&[report], false));
    if let Some(d) = parsed.document {
        println!(
            "parties {} body {} scenarios {}",
            d.parties.len(),
            d.body.len(),
            d.scenarios.len()
        );
    }
}
