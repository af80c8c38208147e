//! The wasm suites in a headless browser (Chromium or Firefox, picked by the WebDriver found:
//! CHROMEDRIVER or GECKODRIVER). `tests/node.rs` runs the same suites in Node.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::panic, clippy::indexing_slicing)]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "wasm/meeting.rs"]
mod meeting;

#[path = "wasm/doctor.rs"]
mod doctor;

#[path = "wasm/kjur.rs"]
mod kjur;

#[path = "wasm/video.rs"]
mod video;
