//! The Meeting SDK signature: what it is made from ([`SignatureRequest`]), how a JavaScript
//! options object becomes one ([`options`]), and how a typed or pasted meeting number reads
//! ([`meeting_number`]).

pub mod meeting_number;
pub mod options;
pub(crate) mod request;

pub use meeting_number::{digits_only_form, meeting_number_digits, meeting_number_digits_of};
pub use request::SignatureRequest;

/// The header of every Meeting SDK signature, spelled as `JSON.stringify` spells it.
pub const HEADER_JSON: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// Shortest lifetime Zoom accepts: `exp` at least 1800 s after `iat`.
pub const MIN_EXPIRATION_SECONDS: i64 = 1800;
/// Longest lifetime Zoom accepts: 48 hours.
pub const MAX_EXPIRATION_SECONDS: i64 = 172_800;
/// The lifetime Zoom's samples use when none is asked for.
pub const DEFAULT_EXPIRATION_SECONDS: i64 = 7200;
/// How far the default `iat` is back-dated, as Zoom's samples did, to absorb small clock skew.
pub const DEFAULT_IAT_BACKDATE_SECONDS: i64 = 30;

/// Meeting IDs are 9 to 11 digits.
pub const MEETING_NUMBER_DIGITS: std::ops::RangeInclusive<usize> = 9..=11;

// Plausible `iat` values: 2000-01-01 to 2100-01-01.
pub(crate) const IAT_MIN: i64 = 946_684_800;
pub(crate) const IAT_MAX: i64 = 4_102_444_800;
/// A time claim this large is milliseconds, not seconds (`Date.now()` passed it in 2001).
pub const MILLISECONDS_FROM: i64 = 1_000_000_000_000;

/// The meeting number as it goes into the `mn` claim: Zoom's samples send a JSON string from some
/// pages and a JSON number from others, and the token keeps whichever was given.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum MeetingNumber {
    /// Written as a JSON string, e.g. `"85746065432"`.
    Text(String),
    /// Written as a JSON number, e.g. `85746065432`.
    Number(u64),
}

/// The `role` claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// 0: joins as a participant or attendee.
    Participant,
    /// 1: starts the meeting as host (Zoom also needs the host's ZAK for that).
    Host,
}

impl Role {
    /// The number written in the claim.
    pub fn claim_value(self) -> i64 {
        match self {
            Self::Participant => 0,
            Self::Host => 1,
        }
    }
}
