//! Making a Video SDK token from a checked request, byte for byte as Zoom's
//! videosdk-auth-endpoint-sample makes it: `JSON.stringify` of its payload (serde_json writes it
//! the same), claims left out when not given, signed by jsrsasign with the secret's UTF-8 bytes.

use serde::Serialize;

use super::{
    GEO_REGIONS, MAX_SESSION_KEY_LENGTH, MAX_TELEMETRY_ID_LENGTH, MAX_TOPIC_LENGTH,
    MAX_USER_IDENTITY_LENGTH, MAX_USER_KEY_LENGTH, js_length,
};
use crate::error::{ErrorCode, SignatureError};
use crate::meeting::Role;
use crate::meeting::request::{
    check_key, check_key_is_not_secret, check_secret, sign_hs256, token_times,
};

/// Who the user is to Zoom, under the claim's old name or its current one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UserId {
    /// `user_identity`, as Zoom's samples write it (at most 35 characters).
    Identity(String),
    /// `user_key`, the current docs' name (at most 36 characters).
    Key(String),
}

/// The `telemetry_tracking_id` claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TelemetryId {
    /// This id.
    Given(String),
    /// A fresh random UUID v4 for each token, as Zoom's troubleshooting page advises.
    Random,
}

/// Everything a Video SDK token is made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VideoTokenRequest {
    /// The Video SDK key.
    pub sdk_key: String,
    /// The Video SDK secret; HMAC key bytes are its UTF-8 bytes.
    pub sdk_secret: String,
    /// The session name (`tpc`), as `join` will get it.
    pub topic: String,
    /// 1: host (or co-host); 0: participant.
    pub role: Role,
    /// Seconds from `iat` to `exp` (1800 to 172800); `None` means 7200.
    pub expiration_seconds: Option<i64>,
    /// Issued-at; `None` means the clock given to [`Self::sign`] minus 30 s.
    pub iat: Option<i64>,
    /// The session's password-like key, the same for every attendee.
    pub session_key: Option<String>,
    /// The user's id for Zoom's reports.
    pub user: Option<UserId>,
    /// Region codes Zoom may route the session through, in the order given.
    pub geo_regions: Option<Vec<String>>,
    /// 0: one combined recording file, 1: a file per user.
    pub cloud_recording_option: Option<u8>,
    /// 1: record this user's self-view.
    pub cloud_recording_election: Option<u8>,
    /// 0: none, 1: transcript, 2: transcript and summary.
    pub cloud_recording_transcript_option: Option<u8>,
    /// The id Zoom's support finds the user's logs by.
    pub telemetry_tracking_id: Option<TelemetryId>,
    /// `video_webrtc_mode`: `Some(true)` writes 1.
    pub video_webrtc_mode: Option<bool>,
    /// `audio_webrtc_mode`: `Some(true)` writes 1.
    pub audio_webrtc_mode: Option<bool>,
}

/// The payload, member for member in the endpoint sample's order (`user_key` after
/// `user_identity`, `cloud_recording_transcript_option` after `cloud_recording_election`).
#[derive(Serialize)]
struct Payload<'a> {
    app_key: &'a str,
    role_type: i64,
    tpc: &'a str,
    version: u8,
    iat: i64,
    exp: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_identity: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_key: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_key: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    geo_regions: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cloud_recording_option: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cloud_recording_election: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cloud_recording_transcript_option: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    telemetry_tracking_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    video_webrtc_mode: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audio_webrtc_mode: Option<u8>,
}

impl VideoTokenRequest {
    /// Checks every field and returns the token. `now` (seconds since the epoch) is used only when
    /// `iat` is `None`.
    pub fn sign(&self, now: i64) -> Result<String, SignatureError> {
        let payload = self
            .payload_json(now)
            .map_err(|error| error.without_secret(&self.sdk_secret))?;
        Ok(sign_hs256(&payload, &self.sdk_secret))
    }

    /// Checks every field and returns the payload text [`Self::sign`] signs.
    pub fn payload_json(&self, now: i64) -> Result<String, SignatureError> {
        check_key(
            &self.sdk_key,
            "the SDK Key of your Zoom Video SDK account's SDK credentials",
        )?;
        check_secret(&self.sdk_secret)?;
        check_key_is_not_secret(&self.sdk_key, &self.sdk_secret)?;
        check_topic(&self.topic)?;
        let (iat, exp) = token_times(self.iat, self.expiration_seconds, now)?;
        if let Some(key) = &self.session_key {
            check_length(
                key,
                MAX_SESSION_KEY_LENGTH,
                ErrorCode::InvalidSessionKey,
                "sessionKey",
            )?;
        }
        let (user_identity, user_key) = match &self.user {
            Some(UserId::Identity(id)) => {
                check_length(
                    id,
                    MAX_USER_IDENTITY_LENGTH,
                    ErrorCode::InvalidUserIdentity,
                    "userIdentity",
                )?;
                (Some(id.as_str()), None)
            }
            Some(UserId::Key(key)) => {
                check_length(
                    key,
                    MAX_USER_KEY_LENGTH,
                    ErrorCode::InvalidUserIdentity,
                    "userKey",
                )?;
                (None, Some(key.as_str()))
            }
            None => (None, None),
        };
        let geo_regions = self
            .geo_regions
            .as_ref()
            .map(|regions| check_regions(regions).map(|()| regions.join(",")))
            .transpose()?;
        check_choice(self.cloud_recording_option, 1, "cloudRecordingOption")?;
        check_choice(self.cloud_recording_election, 1, "cloudRecordingElection")?;
        check_choice(
            self.cloud_recording_transcript_option,
            2,
            "cloudRecordingTranscriptOption",
        )?;
        let telemetry_tracking_id = match &self.telemetry_tracking_id {
            Some(TelemetryId::Given(id)) => {
                check_length(
                    id,
                    MAX_TELEMETRY_ID_LENGTH,
                    ErrorCode::InvalidTelemetryId,
                    "telemetryTrackingId",
                )?;
                Some(id.clone())
            }
            Some(TelemetryId::Random) => Some(random_uuid()?),
            None => None,
        };
        let payload = Payload {
            app_key: &self.sdk_key,
            role_type: self.role.claim_value(),
            tpc: &self.topic,
            version: 1,
            iat,
            exp,
            user_identity,
            user_key,
            session_key: self.session_key.as_deref(),
            geo_regions,
            cloud_recording_option: self.cloud_recording_option,
            cloud_recording_election: self.cloud_recording_election,
            cloud_recording_transcript_option: self.cloud_recording_transcript_option,
            telemetry_tracking_id,
            video_webrtc_mode: self.video_webrtc_mode.map(u8::from),
            audio_webrtc_mode: self.audio_webrtc_mode.map(u8::from),
        };
        Ok(serde_json::to_string(&payload).expect("a payload of strings and integers serialises"))
    }
}

fn check_topic(topic: &str) -> Result<(), SignatureError> {
    let length = js_length(topic);
    if (1..=MAX_TOPIC_LENGTH).contains(&length) {
        return Ok(());
    }
    let message = if length == 0 {
        "topic is empty: give the session name, the same one you will pass to client.join."
            .to_string()
    } else {
        format!(
            "topic is {length} characters long; Zoom takes a session name of at most \
             {MAX_TOPIC_LENGTH}: shorten it (and pass the same to client.join)."
        )
    };
    Err(SignatureError::new(
        ErrorCode::InvalidTopic,
        "topic",
        message,
    ))
}

fn check_length(
    text: &str,
    max: usize,
    code: ErrorCode,
    field: &str,
) -> Result<(), SignatureError> {
    let length = js_length(text);
    if length <= max {
        return Ok(());
    }
    Err(SignatureError::new(
        code,
        field,
        format!("{field} is {length} characters long; Zoom takes at most {max}: shorten it."),
    ))
}

fn check_regions(regions: &[String]) -> Result<(), SignatureError> {
    match regions.iter().find(|r| !GEO_REGIONS.contains(&r.as_str())) {
        None if !regions.is_empty() => Ok(()),
        found => {
            let wrong = found.map_or(String::new(), |region| {
                let upper = region.to_ascii_uppercase();
                if GEO_REGIONS.contains(&upper.as_str()) {
                    format!("\"{region}\" must be written \"{upper}\". ")
                } else {
                    format!(
                        "\"{}\" is not a region code. ",
                        crate::spelling::shortened(region, 20)
                    )
                }
            });
            Err(SignatureError::new(
                ErrorCode::InvalidGeoRegions,
                "geoRegions",
                format!(
                    "{wrong}geoRegions must be Zoom's region codes, as \"US,DE\" or [\"US\", \"DE\"], \
                     from {}.",
                    GEO_REGIONS.join(", ")
                ),
            ))
        }
    }
}

fn check_choice(value: Option<u8>, max: u8, field: &str) -> Result<(), SignatureError> {
    match value {
        Some(v) if v > max => Err(choice_error(field)),
        _ => Ok(()),
    }
}

/// The refusal of a cloud recording option that is not one of its values.
pub(crate) fn choice_error(field: &str) -> SignatureError {
    let values = match field {
        "cloudRecordingOption" => "0 (one combined file) or 1 (a file per user)",
        "cloudRecordingElection" => "0 or 1 (1 records this user's self-view)",
        _ => "0 (none), 1 (transcript) or 2 (transcript and summary)",
    };
    SignatureError::new(
        ErrorCode::InvalidCloudRecording,
        field,
        format!("{field} must be {values}; leave it out to omit the claim."),
    )
}

// getrandom reads the platform's source: crypto.getRandomValues in a page or in Node.
fn random_uuid() -> Result<String, SignatureError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| {
        SignatureError::new(
            ErrorCode::InvalidTelemetryId,
            "telemetryTrackingId",
            "telemetryTrackingId: true needs a random source (crypto.getRandomValues), and there \
             is none here: pass the id as a string instead.",
        )
    })?;
    Ok(uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string())
}
