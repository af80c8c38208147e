//! The Video SDK token: what it is made from ([`VideoTokenRequest`]) and how a JavaScript options
//! object becomes one ([`options`]). Its JWS is the Meeting SDK signature's (HS256, the secret's
//! UTF-8 bytes); its claims are the Video SDK's own.

pub mod options;
mod request;

pub use request::{TelemetryId, UserId, VideoTokenRequest};

/// Zoom's data-center region codes, as `geo_regions` takes them.
pub const GEO_REGIONS: [&str; 12] = [
    "AU", "BR", "CA", "CN", "DE", "HK", "IN", "JP", "MX", "NL", "SG", "US",
];

/// The longest session name Zoom takes, in UTF-16 code units (JavaScript's `length`).
pub const MAX_TOPIC_LENGTH: usize = 200;
/// The longest `session_key`.
pub const MAX_SESSION_KEY_LENGTH: usize = 36;
/// The longest `user_identity` Zoom's endpoint sample writes (Zoom's docs allow 36 for `user_key`).
pub const MAX_USER_IDENTITY_LENGTH: usize = 35;
/// The longest `user_key`.
pub const MAX_USER_KEY_LENGTH: usize = 36;
/// The longest `telemetry_tracking_id` taken: Zoom sets none; a UUID is 36.
pub const MAX_TELEMETRY_ID_LENGTH: usize = 128;

/// How JavaScript counts a string's length.
pub fn js_length(text: &str) -> usize {
    text.encode_utf16().count()
}

/// A session name as Zoom compares it: JavaScript's `toLowerCase`. In wasm that is the page's
/// own `toLowerCase`, which also keeps std's Unicode case tables (8 KB of the gzipped module)
/// out; natively std's `to_lowercase` follows the same Unicode rules.
pub fn topic_key(topic: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return crate::wasm::js_to_lower_case(topic);
    #[cfg(not(target_arch = "wasm32"))]
    return topic.to_lowercase();
}
