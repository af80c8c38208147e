//! The wasm suites in Node (the runner's default). `tests/web.rs` runs them in browsers.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::panic, clippy::indexing_slicing)]

#[path = "wasm/generate.rs"]
mod generate;

#[path = "wasm/inspect.rs"]
mod inspect;

#[path = "wasm/kjur.rs"]
mod kjur;
