//! Making a Meeting SDK signature from a checked request, exactly as Zoom's
//! meetingsdk-auth-endpoint-sample does.

use crate::error::{ErrorCode, SignatureError};
use crate::json_text::{push_integer, push_key, push_string};
use crate::jws::{HmacAlgorithm, sign_compact};
use crate::message::message;

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
const IAT_MIN: i64 = 946_684_800;
const IAT_MAX: i64 = 4_102_444_800;
/// A time claim this large is milliseconds, not seconds (`Date.now()` passed it in 2001).
pub const MILLISECONDS_FROM: i64 = 1_000_000_000_000;

/// The meeting number as it goes into the `mn` claim: Zoom's samples send a JSON string from some
/// pages and a JSON number from others, and the token keeps whichever was given.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// Everything a Meeting SDK signature is made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureRequest {
    /// The Meeting SDK key, or the Client ID of apps made after February 2023.
    pub sdk_key: String,
    /// The matching secret (SDK secret or Client Secret). HMAC key bytes are its UTF-8 bytes.
    pub sdk_secret: String,
    /// The meeting that will be joined with this signature.
    pub meeting_number: MeetingNumber,
    /// Participant or host.
    pub role: Role,
    /// Seconds from `iat` to `exp` (1800 to 172800); `None` means 7200.
    pub expiration_seconds: Option<i64>,
    /// The optional `video_webrtc_mode` claim: `Some(true)` writes 1, `Some(false)` writes 0.
    pub video_webrtc_mode: Option<bool>,
    /// Issued-at, seconds since the epoch; `None` means the clock given to [`Self::sign`] minus 30 s.
    pub iat: Option<i64>,
}

impl SignatureRequest {
    /// Checks every field and returns the signature. `now` (seconds since the epoch) is used only
    /// when `iat` is `None`.
    pub fn sign(&self, now: i64) -> Result<String, SignatureError> {
        let payload = self.payload_json(now)?;
        Ok(sign_compact(
            HmacAlgorithm::Hs256,
            HEADER_JSON,
            &payload,
            self.sdk_secret.as_bytes(),
        ))
    }

    /// Checks every field and returns the payload text that [`Self::sign`] signs: compact JSON with
    /// the keys `appKey, sdkKey, mn, role, iat, exp, tokenExp[, video_webrtc_mode]` in that order.
    pub fn payload_json(&self, now: i64) -> Result<String, SignatureError> {
        check_key(&self.sdk_key)?;
        check_secret(&self.sdk_secret)?;
        check_key_is_not_secret(&self.sdk_key, &self.sdk_secret)?;
        check_meeting_number(&self.meeting_number)?;
        let lifetime = self
            .expiration_seconds
            .unwrap_or(DEFAULT_EXPIRATION_SECONDS);
        check_expiration(lifetime)?;
        let iat = match self.iat {
            Some(iat) => check_iat(iat)?,
            None => now.saturating_sub(DEFAULT_IAT_BACKDATE_SECONDS),
        };
        let exp = iat.saturating_add(lifetime);

        let mut out = String::with_capacity(160 + 2 * self.sdk_key.len());
        out.push('{');
        push_key(&mut out, "appKey");
        push_string(&mut out, &self.sdk_key);
        push_key(&mut out, "sdkKey");
        push_string(&mut out, &self.sdk_key);
        push_key(&mut out, "mn");
        match &self.meeting_number {
            MeetingNumber::Text(text) => push_string(&mut out, text),
            // At most 11 digits (checked above), so it fits an i64.
            MeetingNumber::Number(number) => push_integer(&mut out, *number as i64),
        }
        push_key(&mut out, "role");
        push_integer(&mut out, self.role.claim_value());
        push_key(&mut out, "iat");
        push_integer(&mut out, iat);
        push_key(&mut out, "exp");
        push_integer(&mut out, exp);
        push_key(&mut out, "tokenExp");
        push_integer(&mut out, exp);
        if let Some(mode) = self.video_webrtc_mode {
            push_key(&mut out, "video_webrtc_mode");
            push_integer(&mut out, i64::from(mode));
        }
        out.push('}');
        Ok(out)
    }
}

fn check_key(key: &str) -> Result<(), SignatureError> {
    if key.is_empty() {
        return Err(SignatureError::new(
            ErrorCode::InvalidKey,
            "sdkKey",
            "sdkKey is empty: give the Meeting SDK key, or the Client ID of your Meeting SDK / General app \
             (Zoom App Marketplace, your app, App Credentials).",
        ));
    }
    if key.trim() != key {
        return Err(SignatureError::new(
            ErrorCode::InvalidKey,
            "sdkKey",
            "sdkKey has spaces or line breaks around it, copied along with the key: remove them.",
        ));
    }
    Ok(())
}

fn check_secret(secret: &str) -> Result<(), SignatureError> {
    if secret.is_empty() {
        return Err(SignatureError::new(
            ErrorCode::EmptySecret,
            "sdkSecret",
            "sdkSecret is empty: give the SDK secret or Client Secret of the same app as the key.",
        ));
    }
    if secret.trim() != secret {
        return Err(SignatureError::new(
            ErrorCode::InvalidSecret,
            "sdkSecret",
            "sdkSecret has spaces or line breaks around it, copied along with the secret: remove them \
             (Zoom signs with the secret exactly, so they would make the signature invalid).",
        ));
    }
    Ok(())
}

// The key is written into the payload in clear and sent to Zoom with every join: a secret typed
// into the key field would be given away by the very token it signs.
fn check_key_is_not_secret(key: &str, secret: &str) -> Result<(), SignatureError> {
    if key != secret {
        return Ok(());
    }
    Err(SignatureError::new(
        ErrorCode::SecretAsKey,
        "sdkKey",
        "sdkKey and sdkSecret are the same value: the secret was typed or pasted as the key. The \
         key is written into the token in clear and sent to Zoom with every join, so the token \
         would give the secret away. Put the SDK key / Client ID in sdkKey and the secret of the \
         same app in sdkSecret (Zoom App Marketplace, your app, App Credentials).",
    ))
}

fn check_meeting_number(number: &MeetingNumber) -> Result<(), SignatureError> {
    let digits = match number {
        MeetingNumber::Text(text) => {
            if !text.bytes().all(|b| b.is_ascii_digit()) || text.is_empty() {
                return Err(meeting_number_not_digits(text));
            }
            text.len()
        }
        MeetingNumber::Number(number) => decimal_digits(*number),
    };
    if !MEETING_NUMBER_DIGITS.contains(&digits) {
        return Err(SignatureError::new(
            ErrorCode::InvalidMeetingNumber,
            "meetingNumber",
            message![
                "meetingNumber has ",
                digits,
                " digits, but a Zoom meeting ID has 9 to 11: \
                 copy the meeting ID from the invite (e.g. 85746065432)."
            ],
        ));
    }
    Ok(())
}

fn meeting_number_not_digits(text: &str) -> SignatureError {
    let message = match digits_only_form(text) {
        Some(digits) if JOIN_LINK_MARKERS.iter().any(|m| find(text, m).is_some()) => {
            message![
                "meetingNumber is a meeting link, not a meeting number: use the digits from it, \"",
                digits,
                "\"."
            ]
        }
        Some(digits) => message![
            "meetingNumber must be digits only, without spaces or dashes: use \"",
            digits,
            "\"."
        ],
        None => "meetingNumber must be the meeting ID, 9 to 11 digits with nothing else \
                 (e.g. \"85746065432\"), as a string or a number."
            .to_string(),
    };
    SignatureError::new(ErrorCode::InvalidMeetingNumber, "meetingNumber", message)
}

/// The digits of a meeting number as typed or pasted: digits alone as they are (whatever their
/// count, so that the length check can speak), else [`digits_only_form`].
pub fn meeting_number_digits(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Some(trimmed.to_string());
    }
    digits_only_form(trimmed)
}

/// [`meeting_number_digits`] of whatever a JavaScript caller passed: a string as typed, a whole
/// number as Zoom's samples hold one after `parseInt`; `None` for null and undefined, and for any
/// other number. Other values are a caller's mistake, refused rather than answered `None`.
pub fn meeting_number_digits_of(
    value: &crate::options::InputValue,
) -> Result<Option<String>, SignatureError> {
    use crate::options::InputValue;
    match value {
        InputValue::String(text) => Ok(meeting_number_digits(text)),
        InputValue::Number(n) if n.fract() == 0.0 && (0.0..1e15).contains(n) => {
            Ok(Some((*n as u64).to_string()))
        }
        InputValue::Number(_) | InputValue::Undefined | InputValue::Null => Ok(None),
        other => Err(SignatureError::new(
            ErrorCode::InvalidMeetingNumber,
            "meetingNumber",
            message![
                "meetingNumberDigits takes the meeting number as typed or pasted (a string) or as \
                 a number; got ",
                other.describe(),
                "."
            ],
        )),
    }
}

/// How many decimal digits `number` has.
fn decimal_digits(number: u64) -> usize {
    let mut count = 1;
    let mut rest = number / 10;
    while rest > 0 {
        count += 1;
        rest /= 10;
    }
    count
}

/// What precedes the meeting ID in Zoom's join, web-client and start links.
const JOIN_LINK_MARKERS: [&str; 3] = ["/j/", "/w/", "/s/"];

/// Where `marker` first occurs in `text`. By hand: `str::find` with a string pattern brings a
/// two-way searcher, 2 KB of the signer-only module, for three-byte needles.
fn find(text: &str, marker: &str) -> Option<usize> {
    if marker.is_empty() {
        return Some(0); // `windows(0)` would panic.
    }
    text.as_bytes()
        .windows(marker.len())
        .position(|window| window == marker.as_bytes())
}

/// The digits-only meeting number that a pasted value most likely means: digits grouped with
/// spaces, dashes or dots (`857 4606 5432`), or the ID in a join link (`https://zoom.us/j/85746065432?pwd=...`).
pub fn digits_only_form(text: &str) -> Option<String> {
    let trimmed = text.trim();
    for marker in JOIN_LINK_MARKERS {
        if let Some(at) = find(trimmed, marker) {
            let rest = trimmed.get(at + marker.len()..).unwrap_or_default();
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            return MEETING_NUMBER_DIGITS
                .contains(&digits.len())
                .then_some(digits);
        }
    }
    let grouped = trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '\u{a0}'));
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    (grouped && MEETING_NUMBER_DIGITS.contains(&digits.len())).then_some(digits)
}

fn check_expiration(seconds: i64) -> Result<(), SignatureError> {
    if (MIN_EXPIRATION_SECONDS..=MAX_EXPIRATION_SECONDS).contains(&seconds) {
        return Ok(());
    }
    let in_seconds = seconds / 1000;
    let message = if seconds % 1000 == 0
        && (MIN_EXPIRATION_SECONDS..=MAX_EXPIRATION_SECONDS).contains(&in_seconds)
    {
        message![
            "expirationSeconds is ",
            seconds,
            ", which looks like milliseconds: give seconds, ",
            in_seconds,
            "."
        ]
    } else {
        message![
            "expirationSeconds must be from 1800 (30 minutes) to 172800 (48 hours), as Zoom requires; got ",
            seconds,
            "."
        ]
    };
    Err(SignatureError::new(
        ErrorCode::InvalidExpiration,
        "expirationSeconds",
        message,
    ))
}

fn check_iat(iat: i64) -> Result<i64, SignatureError> {
    if (IAT_MIN..=IAT_MAX).contains(&iat) {
        return Ok(iat);
    }
    let message = if iat >= MILLISECONDS_FROM {
        message![
            "iat is ",
            iat,
            ", which is milliseconds: Zoom wants seconds since the epoch, \
             e.g. Math.floor(Date.now() / 1000) - 30."
        ]
    } else {
        message![
            "iat must be seconds since the epoch between the years 2000 and 2100; got ",
            iat,
            ". Leave it out to use the current time minus 30 s."
        ]
    };
    Err(SignatureError::new(ErrorCode::InvalidIat, "iat", message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_only_form_reads_pasted_numbers() {
        assert_eq!(
            digits_only_form("857 4606 5432").as_deref(),
            Some("85746065432")
        );
        assert_eq!(
            digits_only_form("857-4606-5432").as_deref(),
            Some("85746065432")
        );
        assert_eq!(
            digits_only_form("https://us05web.zoom.us/j/85746065432?pwd=abc").as_deref(),
            Some("85746065432")
        );
        assert_eq!(digits_only_form("12 34"), None);
        assert_eq!(
            meeting_number_digits(" 12345678 ").as_deref(),
            Some("12345678")
        );
        assert_eq!(
            meeting_number_digits("857 4606 5432").as_deref(),
            Some("85746065432")
        );
        assert_eq!(meeting_number_digits("room 5"), None);
        assert_eq!(digits_only_form("meeting 857 4606 5432"), None);
    }
}
