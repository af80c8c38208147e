//! The stable codes are documented where users look: the README tables and the TypeScript types.
#![cfg(not(target_arch = "wasm32"))]

use zoomsig::ErrorCode;
use zoomsig::doctor::{Cause, FindingCode};

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path)
}

fn every_code() -> impl Iterator<Item = &'static str> {
    let errors = ErrorCode::ALL.iter().map(|c| c.as_str());
    errors.chain(FindingCode::ALL.iter().map(|c| c.as_str()))
}

#[test]
fn every_code_is_in_the_readme_tables() {
    let readme = read("README.md");
    for name in every_code() {
        assert!(
            readme.contains(&format!("| `{name}` |")),
            "README has no row for {name}"
        );
    }
}

#[test]
fn every_cause_is_in_the_readme_and_the_typescript_union() {
    let readme = read("README.md");
    let boundary = read("src/wasm/doctor.rs");
    for cause in Cause::ALL {
        let name = cause.as_str();
        assert!(
            readme.contains(&format!("`{name}`")),
            "README has no {name}"
        );
        assert!(
            boundary.contains(&format!("\"{name}\"")),
            "the .d.ts has no {name}"
        );
    }
}

#[test]
fn every_code_is_in_the_typescript_unions() {
    // The .d.ts is written from the TypeScript sections of the boundary's files.
    let boundary: String = ["mod", "generate", "doctor", "kjur"]
        .iter()
        .map(|file| read(&format!("src/wasm/{file}.rs")))
        .collect();
    for name in every_code() {
        assert!(
            boundary.contains(&format!("\"{name}\"")),
            "the .d.ts has no {name}"
        );
    }
}
