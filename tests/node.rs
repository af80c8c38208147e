//! The wasm suites in Node (the runner's default). `tests/web.rs` runs them in browsers.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::panic, clippy::indexing_slicing)]

#[path = "wasm/meeting.rs"]
mod meeting;

#[path = "wasm/doctor.rs"]
mod doctor;

#[path = "wasm/kjur.rs"]
mod kjur;

#[path = "wasm/video.rs"]
mod video;
