//! Reading the options object of `generateVideoToken` into a [`VideoTokenRequest`]: the same
//! rules as `generateSignature`'s (unknown names first, `null` and `undefined` as absent, numbers
//! as Zoom's endpoint `parseInt`s them), with the Video SDK's own options.

use super::request::choice_error;
use super::{TelemetryId, UserId, VideoTokenRequest};
use crate::error::{ErrorCode, SignatureError};
use crate::input::InputValue;
use crate::meeting::Role;
use crate::meeting::options::{OptionsShape, missing, whole_seconds, zero_or_one};
use crate::spelling::closest;

/// The option names `generateVideoToken` takes, in the order they are checked.
pub const OPTION_NAMES: [&str; 16] = [
    "sdkKey",
    "sdkSecret",
    "topic",
    "role",
    "expirationSeconds",
    "iat",
    "sessionKey",
    "userIdentity",
    "userKey",
    "geoRegions",
    "cloudRecordingOption",
    "cloudRecordingElection",
    "cloudRecordingTranscriptOption",
    "telemetryTrackingId",
    "videoWebRtcMode",
    "audioWebRtcMode",
];

// Names people write for an option (the claims' names among them), normalised, and what they meant.
const ALIASES: [(&str, &str); 22] = [
    ("key", "sdkKey"),
    ("appkey", "sdkKey"),
    ("clientid", "sdkKey"),
    ("videosdkkey", "sdkKey"),
    ("secret", "sdkSecret"),
    ("clientsecret", "sdkSecret"),
    ("videosdksecret", "sdkSecret"),
    ("tpc", "topic"),
    ("session", "topic"),
    ("sessionname", "topic"),
    ("roletype", "role"),
    ("exp", "expirationSeconds"),
    ("expiration", "expirationSeconds"),
    ("expiresin", "expirationSeconds"),
    ("issuedat", "iat"),
    ("userid", "userIdentity"),
    ("regions", "geoRegions"),
    ("georegion", "geoRegions"),
    ("telemetryid", "telemetryTrackingId"),
    ("trackingid", "telemetryTrackingId"),
    ("audiocompatiblemode", "audioWebRtcMode"),
    ("webrtcmode", "videoWebRtcMode"),
];

/// The option a caller most likely meant by an unknown name, if any.
pub fn suggest_option(name: &str) -> Option<&'static str> {
    closest(name, &OPTION_NAMES, &ALIASES)
}

const SHAPE: OptionsShape = OptionsShape {
    function: "generateVideoToken",
    example: "{ sdkKey, sdkSecret, topic, role }",
    names: &OPTION_NAMES,
    suggest: suggest_option,
};

impl VideoTokenRequest {
    /// Reads a JavaScript options object (arrays among its members read one level deep, for
    /// `geoRegions`). Range checks happen in [`Self::sign`].
    /// A refusal never quotes the secret, wherever the caller put it.
    pub fn from_options(options: &InputValue) -> Result<Self, SignatureError> {
        Self::read_options(options).map_err(|error| error.without_secrets_of(options))
    }

    fn read_options(options: &InputValue) -> Result<Self, SignatureError> {
        let present = SHAPE.present(options)?;
        let get = |name: &str| present.iter().find(|(n, _)| n == name).map(|(_, v)| v);

        let sdk_key = credential(get("sdkKey"), "sdkKey", ErrorCode::InvalidKey)?;
        let sdk_secret = credential(get("sdkSecret"), "sdkSecret", ErrorCode::InvalidSecret)?;
        let topic = match get("topic") {
            Some(InputValue::String(topic)) => topic.clone(),
            Some(other) => {
                return Err(SignatureError::new(
                    ErrorCode::InvalidTopic,
                    "topic",
                    format!(
                        "topic must be the session name as a string, the same one client.join \
                         gets; got {}.",
                        other.describe()
                    ),
                ));
            }
            None => return Err(missing("topic", "the session name client.join will get")),
        };
        let role = match get("role").map(zero_or_one) {
            Some(Some(false)) => Role::Participant,
            Some(Some(true)) => Role::Host,
            Some(None) => {
                return Err(SignatureError::new(
                    ErrorCode::InvalidRole,
                    "role",
                    "role must be 1 (host or co-host) or 0 (participant); it is written as the \
                     number role_type.",
                ));
            }
            None => return Err(missing("role", "1 for the host, 0 for a participant")),
        };
        let expiration_seconds = get("expirationSeconds")
            .map(|v| whole_seconds(v, "expirationSeconds", ErrorCode::InvalidExpiration, true))
            .transpose()?;
        let iat = get("iat")
            .map(|v| whole_seconds(v, "iat", ErrorCode::InvalidIat, false))
            .transpose()?;
        let session_key = optional_text(
            get("sessionKey"),
            "sessionKey",
            ErrorCode::InvalidSessionKey,
        )?;
        let user_identity = optional_text(
            get("userIdentity"),
            "userIdentity",
            ErrorCode::InvalidUserIdentity,
        )?;
        let user_key = optional_text(get("userKey"), "userKey", ErrorCode::InvalidUserIdentity)?;
        let user = match (user_identity, user_key) {
            (Some(_), Some(_)) => {
                return Err(SignatureError::new(
                    ErrorCode::ConflictingOptions,
                    "userKey",
                    "userIdentity and userKey are the old and the new name of the same claim: \
                     give only one (userKey is the current docs' name, userIdentity what Zoom's \
                     samples write).",
                ));
            }
            (Some(id), None) => Some(UserId::Identity(id)),
            (None, Some(key)) => Some(UserId::Key(key)),
            (None, None) => None,
        };
        let geo_regions = get("geoRegions").map(regions).transpose()?.flatten();
        let cloud_recording_option = choice(get("cloudRecordingOption"), "cloudRecordingOption")?;
        let cloud_recording_election =
            choice(get("cloudRecordingElection"), "cloudRecordingElection")?;
        let cloud_recording_transcript_option = choice(
            get("cloudRecordingTranscriptOption"),
            "cloudRecordingTranscriptOption",
        )?;
        let telemetry_tracking_id = match get("telemetryTrackingId") {
            None | Some(InputValue::Bool(false)) => None,
            Some(InputValue::Bool(true)) => Some(TelemetryId::Random),
            Some(InputValue::String(id)) if !id.is_empty() => Some(TelemetryId::Given(id.clone())),
            Some(other) => {
                return Err(SignatureError::new(
                    ErrorCode::InvalidTelemetryId,
                    "telemetryTrackingId",
                    format!(
                        "telemetryTrackingId must be an id as a string, or true for a fresh \
                         random UUID; got {}.",
                        match other {
                            InputValue::String(_) => "an empty string".to_string(),
                            other => other.describe(),
                        }
                    ),
                ));
            }
        };
        let video_webrtc_mode = webrtc_mode(get("videoWebRtcMode"), "videoWebRtcMode")?;
        let audio_webrtc_mode = webrtc_mode(get("audioWebRtcMode"), "audioWebRtcMode")?;

        Ok(Self {
            sdk_key,
            sdk_secret,
            topic,
            role,
            expiration_seconds,
            iat,
            session_key,
            user,
            geo_regions,
            cloud_recording_option,
            cloud_recording_election,
            cloud_recording_transcript_option,
            telemetry_tracking_id,
            video_webrtc_mode,
            audio_webrtc_mode,
        })
    }
}

fn credential(
    value: Option<&InputValue>,
    field: &str,
    code: ErrorCode,
) -> Result<String, SignatureError> {
    match value {
        Some(InputValue::String(text)) => Ok(text.clone()),
        Some(other) => Err(SignatureError::new(
            code,
            field,
            format!(
                "{field} must be a string, copied from your Video SDK credentials; got {}.",
                other.describe()
            ),
        )),
        None if field == "sdkKey" => Err(missing("sdkKey", "your Video SDK key")),
        None => Err(missing("sdkSecret", "your Video SDK secret")),
    }
}

/// A string option, where the empty string means not given (as Zoom's web sample leaves it out).
fn optional_text(
    value: Option<&InputValue>,
    field: &str,
    code: ErrorCode,
) -> Result<Option<String>, SignatureError> {
    match value {
        None => Ok(None),
        Some(InputValue::String(text)) => Ok((!text.is_empty()).then(|| text.clone())),
        Some(other) => Err(SignatureError::new(
            code,
            field,
            format!("{field} must be a string; got {}.", other.describe()),
        )),
    }
}

/// `"US,DE"`, `"US, DE"` or `["US", "DE"]`, white space stripped; empty means not given.
fn regions(value: &InputValue) -> Result<Option<Vec<String>>, SignatureError> {
    let wrong = |what: String| {
        SignatureError::new(
            ErrorCode::InvalidGeoRegions,
            "geoRegions",
            format!(
                "geoRegions must be a comma-separated string such as \"US,DE\" or an array of \
                 region codes; got {what}."
            ),
        )
    };
    let items: Vec<String> = match value {
        InputValue::String(text) if text.trim().is_empty() => return Ok(None),
        InputValue::String(text) => text.split(',').map(without_white_space).collect(),
        InputValue::Array(items) if items.is_empty() => return Ok(None),
        InputValue::Array(items) => items
            .iter()
            .map(|item| match item {
                InputValue::String(text) => Ok(without_white_space(text)),
                other => Err(wrong(format!("an array holding {}", other.describe()))),
            })
            .collect::<Result<_, _>>()?,
        other => return Err(wrong(other.describe())),
    };
    Ok(Some(items))
}

fn without_white_space(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn choice(value: Option<&InputValue>, field: &str) -> Result<Option<u8>, SignatureError> {
    let Some(value) = value else {
        return Ok(None);
    };
    // A single digit, as Zoom's endpoint `parseInt`s it; the range is checked when signing.
    match value {
        InputValue::Number(n) if n.fract() == 0.0 && (0.0..=9.0).contains(n) => Ok(Some(*n as u8)),
        InputValue::String(text) if text.len() == 1 => text
            .parse::<u8>()
            .map(Some)
            .map_err(|_| choice_error(field)),
        _ => Err(choice_error(field)),
    }
}

fn webrtc_mode(value: Option<&InputValue>, field: &str) -> Result<Option<bool>, SignatureError> {
    match value.map(zero_or_one) {
        None => Ok(None),
        Some(Some(mode)) => Ok(Some(mode)),
        Some(None) => Err(SignatureError::new(
            ErrorCode::InvalidWebRtcMode,
            field,
            format!("{field} must be 0 or 1 (1 asks for WebRTC); leave it out to omit the claim."),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_option_meant() {
        assert_eq!(suggest_option("tpc"), Some("topic"));
        assert_eq!(suggest_option("session_key"), Some("sessionKey"));
        assert_eq!(suggest_option("role_type"), Some("role"));
        assert_eq!(suggest_option("geo_regions"), Some("geoRegions"));
        assert_eq!(suggest_option("clientId"), Some("sdkKey"));
        assert_eq!(suggest_option("meetingNumber"), None);
    }
}
