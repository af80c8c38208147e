//! jsrsasign's `KJUR.jws.JWS.sign` and `KJUR.jws.JWS.verify` for HS256, HS384 and HS512, byte for
//! byte, so that a page written against jsrsasign 11 switches to zoomsig by changing one script tag
//! or one import line.
//!
//! jsrsasign does more than sign two JSON texts (`src/jws-3.3.js`, `src/crypto-1.1.js`):
//! - A header given as a string must pass its bundled json-sans-eval parser, which is lenient: it
//!   picks tokens out of the text and skips whatever is between them (`{"typ" "JWT",}` passes).
//!   The string is then signed as given, unless it has no `alg`: then jsrsasign adds one and signs
//!   `JSON.stringify` of what it parsed. The `sans_eval` module below reproduces both.
//! - A key given as a string is hex-decoded when it is an even-length all-hex string, and is
//!   otherwise read one byte per UTF-16 code unit (the low byte), which is not UTF-8 beyond ASCII.
//!   Zoom verifies with the UTF-8 bytes, so such a secret gets a [`SecretWarning`].
//!
//! What jsrsasign only does by accident of JavaScript's prototype rules (a header member named
//! `__proto__`), or what would take a shortest-digits float formatter to rewrite (a number of more
//! than 15 significant digits in a header without `alg`), is refused with
//! [`KjurError::HeaderUnreproducible`] rather than guessed. Algorithms other than the three HMACs
//! are refused with [`KjurError::UnsupportedAlg`] (jsrsasign signs `none` tokens; zoomsig does not).
//!
//! Strings from JavaScript arrive as UTF-16 code units where a lone surrogate must survive (the
//! header, the key); payloads arrive as Rust strings, whose U+FFFD for a lone surrogate is what
//! jsrsasign's `Buffer`-based UTF-8 encoding in Node writes too.

mod args;
mod error;
mod key;
mod sans_eval;
mod sign;
mod stringify;
mod verify;

pub use args::{
    AlgArg, AlgMember, HeaderArg, HeaderObject, KeyArg, KeyMember, KeyObject, PayloadArg, Signed,
};
pub use error::{KjurError, SecretWarning};
pub(crate) use key::hex_decode;
pub use key::mac_key;
pub use sign::sign;
pub use verify::{MAX_ACCEPT_ALGS, verify};
