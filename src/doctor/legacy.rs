//! Zoom's signature of Web SDK 2.2 and earlier: not a JWT but base64 of
//! `apiKey.meetingNumber.timestampMs.role.hash`, where `hash` is base64 of HMAC-SHA256 over
//! base64(`apiKey + meetingNumber + timestampMs + role`), keyed with a JWT app's API secret (Zoom's
//! sample endpoint and `ZoomMtg.generateSignature` before March 2022). Recognised, decoded and
//! verified, then refused: nothing accepts it today.

use base64::Engine as _;
use base64::alphabet::STANDARD as STANDARD_ALPHABET;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
use serde_json::json;

use super::{Doctor, FindingCode, Severity, TokenKind};
use crate::jws::{HmacAlgorithm, constant_time_eq};
use crate::meeting::meeting_number_digits;

// Zoom's code padded it (`Buffer.toString('base64')`); copies often lose the padding.
const PADDED_OR_NOT: GeneralPurpose = GeneralPurpose::new(
    &STANDARD_ALPHABET,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The decoded parts of such a signature.
struct LegacyParts {
    api_key: String,
    meeting_number: String,
    timestamp_ms: u64,
    timestamp_text: String,
    role: u8,
    hash: Vec<u8>,
}

fn legacy_parts(token: &str) -> Option<LegacyParts> {
    let text = String::from_utf8(PADDED_OR_NOT.decode(token).ok()?).ok()?;
    let mut parts = text.split('.');
    let (Some(api_key), Some(meeting_number), Some(timestamp), Some(role), Some(hash), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return None;
    };
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if api_key.is_empty() || !digits(meeting_number) || !digits(timestamp) || timestamp.len() > 15 {
        return None;
    }
    let hash = STANDARD.decode(hash).ok().filter(|hash| hash.len() == 32)?;
    Some(LegacyParts {
        api_key: api_key.to_string(),
        meeting_number: meeting_number.to_string(),
        timestamp_ms: timestamp.parse().ok()?,
        timestamp_text: timestamp.to_string(),
        role: match role {
            "0" => 0,
            "1" => 1,
            _ => return None,
        },
        hash,
    })
}

impl Doctor<'_> {
    /// Whether `token` is Zoom's older signature; if it is, the report says so.
    pub(super) fn legacy_signature(&mut self, token: &str) -> bool {
        let Some(parts) = legacy_parts(token) else {
            return false;
        };
        self.report.kind = TokenKind::LegacyWebSignature;
        self.report.payload = Some(json!({
            "apiKey": parts.api_key,
            "meetingNumber": parts.meeting_number,
            "timestamp": parts.timestamp_ms,
            "role": parts.role,
        }));
        let for_this_sdk = match self.context.sdk_version {
            Some(version) if !version.at_least(2, 3) => format!(
                " Web SDK {version} took this format, but it needs a JWT app's key, which Zoom \
                 stopped accepting with the end of JWT apps in 2023."
            ),
            _ => String::new(),
        };
        self.add(
            FindingCode::LegacyWebSignature,
            Severity::Error,
            None,
            format!(
                "This is Zoom's signature of Web SDK 2.2 and earlier (base64 of apiKey.meetingNumber.\
                 timestamp.role.hash), made with a JWT app's API key and secret. Web SDK 2.3.0 and \
                 later take an HS256 JWT, 2.7.0 and later refuse JWT app keys, and JWT apps were \
                 shut down in 2023: Zoom refuses it today.{for_this_sdk}"
            ),
            "Create a General app with the Meeting SDK enabled in the Zoom App Marketplace, and sign \
             an HS256 JWT with its Client ID and Client Secret: generateSignature({ sdkKey, \
             sdkSecret, meetingNumber, role }).",
            &[3712, 3704],
        );
        if let Some(expected) = &self.context.meeting_number {
            let expected =
                meeting_number_digits(expected).unwrap_or_else(|| expected.trim().into());
            if expected != parts.meeting_number {
                self.add(
                    FindingCode::MnMismatch,
                    Severity::Error,
                    Some("meetingNumber"),
                    format!(
                        "The signature is for meeting {}, but join will be called with {expected}.",
                        parts.meeting_number
                    ),
                    "Make the signature for the meeting number you pass to join.",
                    &[3706, 3712],
                );
            }
        }
        let Some(secret) = self.context.sdk_secret.clone() else {
            self.report.signature_not_checked = Some(super::secret::NotChecked::NoSecret);
            return true;
        };
        // What Zoom's code hashed: the base64 text of the four parts run together.
        let mut message = String::new();
        let text = format!(
            "{}{}{}{}",
            parts.api_key, parts.meeting_number, parts.timestamp_text, parts.role
        );
        STANDARD.encode_string(text.as_bytes(), &mut message);
        let matches = |key: &[u8]| {
            constant_time_eq(
                &HmacAlgorithm::Hs256.mac(key, message.as_bytes()),
                &parts.hash,
            )
        };
        self.verify_with(&secret, matches, Some(parts.api_key.clone()));
        true
    }
}
