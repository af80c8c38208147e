#![doc = include_str!("../README.md")]

pub mod error;
pub mod inspect;
pub mod join_errors;
pub mod json_value;
pub mod jws;
pub mod kjur;
pub mod options;
pub mod signature;

mod base64url;
mod decimal;
mod json_text;
mod message;
#[cfg(test)]
mod test_random;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{ErrorCode, SignatureError};
pub use options::InputValue;
pub use signature::{MeetingNumber, Role, SignatureRequest};
