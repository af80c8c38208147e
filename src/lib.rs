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

// In wasm, a sorted, coalescing free list instead of dlmalloc: under 1 KB of code where dlmalloc
// was 7 KB (16% of the signer-only module), and no slower for the few allocations a call makes.
// The locked form needs no `unsafe` here; its spin lock is never contended in a single thread.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
