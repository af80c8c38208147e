#![doc = include_str!("../README.md")]

pub mod doctor;
pub mod error;
pub mod input;
pub mod join_errors;
pub mod jws;
pub mod kjur;
pub mod meeting;
pub mod secrecy;
pub mod spelling;
pub mod video;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{ErrorCode, SignatureError};
pub use input::InputValue;
pub use meeting::{MeetingNumber, Role, SignatureRequest};
pub use video::VideoTokenRequest;
