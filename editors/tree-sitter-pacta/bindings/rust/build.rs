//! Compiles the committed, generated parser (`src/parser.c`); `tree-sitter generate` is not run here.

fn main() {
    let src = std::path::Path::new("src");
    let mut build = cc::Build::new();
    build.std("c11").include(src).warnings(false);
    #[cfg(target_env = "msvc")]
    build.flag("-utf-8");
    let parser = src.join("parser.c");
    build.file(&parser);
    println!("cargo:rerun-if-changed={}", parser.display());
    build.compile("tree-sitter-pacta");
}
