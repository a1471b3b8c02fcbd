//! Inputs the benches share.

use std::fs;
use std::path::Path;

/// The texts of the wire-style test articles (`tests/data/articles/*.txt`), in file-name
/// order.
pub fn test_article_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("tests/data/articles exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| fs::read_to_string(f).expect("readable article"))
        .collect()
}
