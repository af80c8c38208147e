//! Making a Meeting SDK signature from a checked request, exactly as Zoom's
//! meetingsdk-auth-endpoint-sample does: `JSON.stringify` of its header and payload (serde_json
//! writes both byte for byte the same), signed by jsrsasign with the secret's UTF-8 bytes.

use serde::Serialize;

use super::meeting_number::check_meeting_number;
use super::{
    DEFAULT_EXPIRATION_SECONDS, DEFAULT_IAT_BACKDATE_SECONDS, HEADER_JSON, IAT_MAX, IAT_MIN,
    MAX_EXPIRATION_SECONDS, MILLISECONDS_FROM, MIN_EXPIRATION_SECONDS, MeetingNumber, Role,
};
use crate::error::{ErrorCode, SignatureError};
use crate::jws::{HmacAlgorithm, sign_compact};

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
    /// Whether the payload carries `sdkKey` besides `appKey`, as Zoom's sample endpoint writes it
    /// (so the default token is the sample's, byte for byte). Without it, Web SDK 5.0.0 and later
    /// log no deprecation warning; SDKs before 4.0.0 read `sdkKey`.
    pub include_sdk_key: bool,
}

/// The payload, member for member in the order of Zoom's sample endpoint.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Payload<'a> {
    app_key: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sdk_key: Option<&'a str>,
    mn: &'a MeetingNumber,
    role: i64,
    iat: i64,
    exp: i64,
    token_exp: i64,
    #[serde(rename = "video_webrtc_mode", skip_serializing_if = "Option::is_none")]
    video_webrtc_mode: Option<u8>,
}

impl SignatureRequest {
    /// Checks every field and returns the signature. `now` (seconds since the epoch) is used only
    /// when `iat` is `None`.
    pub fn sign(&self, now: i64) -> Result<String, SignatureError> {
        let payload = self
            .payload_json(now)
            .map_err(|error| error.without_secret(&self.sdk_secret))?;
        Ok(sign_hs256(&payload, &self.sdk_secret))
    }

    /// Checks every field and returns the payload text that [`Self::sign`] signs: compact JSON with
    /// the keys `appKey, sdkKey, mn, role, iat, exp, tokenExp[, video_webrtc_mode]` in that order
    /// (`sdkKey` left out when `include_sdk_key` is false).
    pub fn payload_json(&self, now: i64) -> Result<String, SignatureError> {
        check_key(
            &self.sdk_key,
            "the Meeting SDK key, or the Client ID of your Meeting SDK / General app \
             (Zoom App Marketplace, your app, App Credentials)",
        )?;
        check_secret(&self.sdk_secret)?;
        check_key_is_not_secret(&self.sdk_key, &self.sdk_secret)?;
        check_meeting_number(&self.meeting_number)?;
        let (iat, exp) = token_times(self.iat, self.expiration_seconds, now)?;
        let payload = Payload {
            app_key: &self.sdk_key,
            sdk_key: self.include_sdk_key.then_some(self.sdk_key.as_str()),
            mn: &self.meeting_number,
            role: self.role.claim_value(),
            iat,
            exp,
            token_exp: exp,
            video_webrtc_mode: self.video_webrtc_mode.map(u8::from),
        };
        Ok(serde_json::to_string(&payload).expect("a payload of strings and integers serialises"))
    }
}

/// The HS256 token of `payload` under Zoom's header, keyed by the secret's UTF-8 bytes.
pub(crate) fn sign_hs256(payload: &str, secret: &str) -> String {
    sign_compact(
        HmacAlgorithm::Hs256,
        HEADER_JSON,
        payload,
        secret.as_bytes(),
    )
}

/// `iat` and `exp`: the given `iat` checked, or `now` backdated; the lifetime checked.
pub(crate) fn token_times(
    iat: Option<i64>,
    expiration_seconds: Option<i64>,
    now: i64,
) -> Result<(i64, i64), SignatureError> {
    let lifetime = expiration_seconds.unwrap_or(DEFAULT_EXPIRATION_SECONDS);
    check_expiration(lifetime)?;
    let iat = match iat {
        Some(iat) => check_iat(iat)?,
        None => now.saturating_sub(DEFAULT_IAT_BACKDATE_SECONDS),
    };
    Ok((iat, iat.saturating_add(lifetime)))
}

/// The key as given, with where to find it (said when it is empty).
pub(crate) fn check_key(key: &str, where_from: &str) -> Result<(), SignatureError> {
    let problem = if key.is_empty() {
        format!("sdkKey is empty: give {where_from}.")
    } else if key.trim() != key {
        "sdkKey has spaces or line breaks around it, copied along with the key: remove them.".into()
    } else {
        return Ok(());
    };
    Err(SignatureError::new(
        ErrorCode::InvalidKey,
        "sdkKey",
        problem,
    ))
}

pub(crate) fn check_secret(secret: &str) -> Result<(), SignatureError> {
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
pub(crate) fn check_key_is_not_secret(key: &str, secret: &str) -> Result<(), SignatureError> {
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

pub(crate) fn check_expiration(seconds: i64) -> Result<(), SignatureError> {
    if (MIN_EXPIRATION_SECONDS..=MAX_EXPIRATION_SECONDS).contains(&seconds) {
        return Ok(());
    }
    let in_seconds = seconds / 1000;
    let message = if seconds % 1000 == 0
        && (MIN_EXPIRATION_SECONDS..=MAX_EXPIRATION_SECONDS).contains(&in_seconds)
    {
        format!(
            "expirationSeconds is {}, which looks like milliseconds: give seconds, {}.",
            seconds, in_seconds
        )
    } else {
        format!(
            "expirationSeconds must be from 1800 (30 minutes) to 172800 (48 hours), as Zoom requires; got {}.",
            seconds
        )
    };
    Err(SignatureError::new(
        ErrorCode::InvalidExpiration,
        "expirationSeconds",
        message,
    ))
}

pub(crate) fn check_iat(iat: i64) -> Result<i64, SignatureError> {
    if (IAT_MIN..=IAT_MAX).contains(&iat) {
        return Ok(iat);
    }
    let message = if iat >= MILLISECONDS_FROM {
        format!(
            "iat is {}, which is milliseconds: Zoom wants seconds since the epoch, \
             e.g. Math.floor(Date.now() / 1000) - 30.",
            iat
        )
    } else {
        format!(
            "iat must be seconds since the epoch between the years 2000 and 2100; got {}. Leave it out to use the current time minus 30 s.",
            iat
        )
    };
    Err(SignatureError::new(ErrorCode::InvalidIat, "iat", message))
}
