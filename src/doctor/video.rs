//! A Video SDK token's claims (reference: zoom-videosdk-token.md, section 1): the key, the
//! session name against the topic `join` gets, `role_type`, the optional claims' limits, and the
//! shared time checks. Its join errors are the Video SDK's (200, 3010), not the Meeting SDK's.

use super::claims::{claim_number, describe_claim};
use super::json::Json;
use super::{Doctor, FindingCode, Severity};
use crate::video::{
    GEO_REGIONS, MAX_SESSION_KEY_LENGTH, MAX_TOPIC_LENGTH, MAX_USER_KEY_LENGTH, js_length,
    topic_key,
};

// Claims a Video SDK token may carry (audio_compatible_mode: audio_webrtc_mode's deprecated name).
const VIDEO_CLAIMS: [&str; 17] = [
    "app_key",
    "role_type",
    "tpc",
    "version",
    "iat",
    "exp",
    "user_identity",
    "user_key",
    "session_key",
    "geo_regions",
    "cloud_recording_option",
    "cloud_recording_election",
    "cloud_recording_transcript_option",
    "telemetry_tracking_id",
    "video_webrtc_mode",
    "audio_webrtc_mode",
    "audio_compatible_mode",
];

/// What the Video SDK's join answers when Zoom's server refuses the token ("Verify JWT failed").
const REFUSED: &[i64] = &[200];

impl Doctor<'_> {
    pub(super) fn check_video_payload(&mut self, payload: &Json) {
        let before = self.report.findings.len();
        self.check_null_claims(payload);
        self.check_video_key(payload);
        self.check_topic(payload);
        let role = self.check_role_type(payload);
        self.check_video_limits(payload, role);
        self.check_times(payload, false);
        self.check_video_claim_names(payload);
        // The shared time checks name the Meeting SDK's codes; a Video SDK join answers 200.
        for finding in self.report.findings.iter_mut().skip(before) {
            if !finding.zoom_errors.is_empty() && !finding.zoom_errors.contains(&3010) {
                finding.zoom_errors = REFUSED;
            }
        }
    }

    // Zoom's own web sample writes `"cloud_recording_option":null` through parseInt('') and its
    // sessions join, so a null is not known to be refused: a warning, not an error.
    fn check_null_claims(&mut self, payload: &Json) {
        let Some(members) = payload.as_object() else {
            return;
        };
        let nulls: Vec<String> = members
            .iter()
            .filter(|(_, value)| value.is_null())
            .map(|(name, _)| name.clone())
            .collect();
        for name in nulls {
            self.add(
                FindingCode::ClaimNull,
                Severity::Warning,
                Some(&name),
                format!(
                    "{name} is null. Zoom's Video SDK web sample writes null this way (parseInt \
                     of an empty option gives NaN, which JSON.stringify writes as null), and Zoom \
                     has not said how it reads one."
                ),
                format!("Leave {name} out when it has no value."),
                &[],
            );
        }
    }

    fn check_video_key(&mut self, payload: &Json) {
        let key = match payload.get("app_key") {
            None => {
                self.add(
                    FindingCode::KeyMissing,
                    Severity::Error,
                    Some("app_key"),
                    "The payload has no app_key: Zoom cannot tell which Video SDK account signed it.",
                    "Add app_key with your Video SDK key.",
                    REFUSED,
                );
                return;
            }
            Some(Json::String(key)) if !key.is_empty() => key.clone(),
            Some(Json::Null) => return,
            Some(other) => {
                self.add(
                    FindingCode::KeyNotString,
                    Severity::Error,
                    Some("app_key"),
                    format!(
                        "app_key is {}, not the key as a string.",
                        describe_claim(Some(other))
                    ),
                    "Put your Video SDK key in app_key as a string.",
                    REFUSED,
                );
                return;
            }
        };
        if self.context.sdk_secret.as_deref() == Some(key.as_str()) {
            self.add(
                FindingCode::SecretInToken,
                Severity::Error,
                Some("app_key"),
                "app_key holds the secret given: the token carries its own secret in clear, and \
                 anyone who sees it can sign tokens for your account.",
                "Treat the secret as leaked: regenerate it where your Zoom Video SDK account shows \
                 its SDK credentials, then sign with the key in app_key and the new secret.",
                REFUSED,
            );
        }
        if let Some(expected) = &self.context.sdk_key {
            if expected.trim() != key {
                self.add(
                    FindingCode::KeyNotExpected,
                    Severity::Error,
                    Some("app_key"),
                    format!(
                        "The token carries the key \"{key}\", not the one expected (\"{}\").",
                        expected.trim()
                    ),
                    "Sign with the key and secret of the same Video SDK account.",
                    REFUSED,
                );
            }
        }
    }

    fn check_topic(&mut self, payload: &Json) {
        let topic = match payload.get("tpc") {
            Some(Json::String(topic)) if !topic.is_empty() => topic,
            Some(Json::Null) => return,
            other => {
                let what = match other {
                    None => "The payload has no tpc (the session name).".to_string(),
                    Some(value) => format!(
                        "tpc is {}, not the session name as a string.",
                        describe_claim(Some(value))
                    ),
                };
                self.add(
                    FindingCode::TpcMissing,
                    Severity::Error,
                    Some("tpc"),
                    what,
                    "Put the session name in tpc, the same one you pass to client.join.",
                    REFUSED,
                );
                return;
            }
        };
        let length = js_length(topic);
        if length > MAX_TOPIC_LENGTH {
            self.add(
                FindingCode::TpcTooLong,
                Severity::Error,
                Some("tpc"),
                format!("tpc is {length} characters long; Zoom takes at most {MAX_TOPIC_LENGTH}."),
                "Use a session name of at most 200 characters, in the token and in client.join.",
                REFUSED,
            );
        }
        if let Some(expected) = &self.context.topic {
            // Zoom lowercases the topic join sends (and so, in effect, compares case-insensitively).
            if topic_key(expected) != topic_key(topic) {
                self.add(
                    FindingCode::TpcMismatch,
                    Severity::Error,
                    Some("tpc"),
                    format!(
                        "The token is for the session \"{}\", but join will get \"{}\".",
                        crate::spelling::shortened(topic, 60),
                        crate::spelling::shortened(expected, 60)
                    ),
                    "Make the token for the topic you pass to client.join (Zoom ignores case, \
                     nothing else).",
                    REFUSED,
                );
            }
        }
    }

    /// `role_type`, when it is 0 or 1.
    fn check_role_type(&mut self, payload: &Json) -> Option<u8> {
        let value = payload.get("role_type");
        match value.and_then(|v| v.is_number().then(|| claim_number(v)).flatten()) {
            Some(role) if role == 0.0 || role == 1.0 => return Some(role as u8),
            _ if value.is_some_and(Json::is_null) => return None,
            _ => {}
        }
        let what = match value {
            None => "The payload has no role_type.".to_string(),
            Some(Json::String(_)) => format!(
                "role_type is {}: Zoom wants the number, not a string.",
                describe_claim(value)
            ),
            Some(other) => format!(
                "role_type is {}; it must be 1 (host or co-host) or 0 (participant).",
                describe_claim(Some(other))
            ),
        };
        self.add(
            FindingCode::RoleTypeInvalid,
            Severity::Error,
            Some("role_type"),
            what,
            "Write role_type as the JSON number 1 (host) or 0 (participant).",
            &[3010, 200],
        );
        None
    }

    fn check_video_limits(&mut self, payload: &Json, role: Option<u8>) {
        // Zoom documents version 1; its own web sample leaves it out and joins, so only another
        // value is reported, and as a warning: whether Zoom refuses it is not known.
        if let Some(version) = payload.get("version").filter(|v| !v.is_null()) {
            if claim_number(version) != Some(1.0) || !version.is_number() {
                self.add(
                    FindingCode::VersionInvalid,
                    Severity::Warning,
                    Some("version"),
                    format!(
                        "version is {}; Zoom documents the number 1.",
                        describe_claim(Some(version))
                    ),
                    "Write version: 1.",
                    REFUSED,
                );
            }
        }
        if let Some(Json::String(key)) = payload.get("session_key") {
            let length = js_length(key);
            if length > MAX_SESSION_KEY_LENGTH {
                self.add(
                    FindingCode::SessionKeyTooLong,
                    Severity::Error,
                    Some("session_key"),
                    format!(
                        "session_key is {length} characters long; Zoom takes at most \
                         {MAX_SESSION_KEY_LENGTH}."
                    ),
                    "Use a session key of at most 36 characters, the same for every attendee.",
                    REFUSED,
                );
            }
        }
        for name in ["user_identity", "user_key"] {
            if let Some(Json::String(id)) = payload.get(name) {
                let length = js_length(id);
                if length > MAX_USER_KEY_LENGTH {
                    self.add(
                        FindingCode::UserIdentityTooLong,
                        Severity::Error,
                        Some(name),
                        format!(
                            "{name} is {length} characters long; Zoom takes at most \
                             {MAX_USER_KEY_LENGTH}."
                        ),
                        format!("Shorten {name} to at most 36 characters."),
                        REFUSED,
                    );
                }
            }
        }
        match payload.get("geo_regions") {
            None | Some(Json::Null) => {}
            Some(Json::String(list)) if list.split(',').all(|code| GEO_REGIONS.contains(&code)) => {
            }
            Some(other) => self.add(
                FindingCode::GeoRegionInvalid,
                Severity::Error,
                Some("geo_regions"),
                format!(
                    "geo_regions is {}; Zoom takes a comma-separated string of its region codes, \
                     without spaces.",
                    describe_claim(Some(other))
                ),
                format!(
                    "Write geo_regions like \"US,DE\", from {}.",
                    GEO_REGIONS.join(", ")
                ),
                REFUSED,
            ),
        }
        // Zoom's docs: the recording options need role_type 1. Not known to refuse the join, so a
        // warning: the option would just not apply.
        let recording = payload
            .get("cloud_recording_option")
            .is_some_and(|v| !v.is_null());
        if recording && role == Some(0) {
            self.add(
                FindingCode::CloudRecordingNeedsHost,
                Severity::Warning,
                Some("cloud_recording_option"),
                "cloud_recording_option is set in a participant's token (role_type 0); Zoom \
                 applies it only to a host's (role_type 1).",
                "Set it in the host's token, or leave it out of participants' tokens.",
                &[],
            );
        }
        for name in ["video_webrtc_mode", "audio_webrtc_mode"] {
            let Some(mode) = payload.get(name).filter(|v| !v.is_null()) else {
                continue;
            };
            if !(mode.is_number() && matches!(claim_number(mode), Some(0.0 | 1.0))) {
                self.add(
                    FindingCode::WebrtcModeInvalid,
                    Severity::Error,
                    Some(name),
                    format!(
                        "{name} is {}; it must be the number 0 or 1.",
                        describe_claim(Some(mode))
                    ),
                    format!("Write {name} as 0 or 1, or leave it out."),
                    REFUSED,
                );
            }
        }
    }

    fn check_video_claim_names(&mut self, payload: &Json) {
        let Some(members) = payload.as_object() else {
            return;
        };
        let unknown: Vec<String> = members
            .keys()
            .filter(|name| !VIDEO_CLAIMS.contains(&name.as_str()))
            .cloned()
            .collect();
        for name in unknown {
            self.add(
                FindingCode::UnknownClaim,
                Severity::Info,
                Some(&name),
                format!("The claim {name} is not part of a Video SDK token; Zoom ignores it."),
                format!(
                    "Nothing to do, unless you meant one of {}.",
                    VIDEO_CLAIMS.join(", ")
                ),
                &[],
            );
        }
    }
}
