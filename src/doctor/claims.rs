//! The claims: what kind of token it is, its key, meeting number and role, and claims it should
//! not have. Times are [`super::times`]'s.

use super::context::Sdk;
use super::json::{self, Json};
use super::{Doctor, FindingCode, Severity, TokenKind};
use crate::meeting::{MEETING_NUMBER_DIGITS, digits_only_form, meeting_number_digits};
use crate::spelling::normalise_name;

// Claims a Meeting SDK signature may carry.
const KNOWN_CLAIMS: [&str; 8] = [
    "appKey",
    "sdkKey",
    "mn",
    "role",
    "iat",
    "exp",
    "tokenExp",
    "video_webrtc_mode",
];

// Names people put in payloads for a known claim, lower-cased with `_` and `-` removed.
const CLAIM_ALIASES: [(&str, &str); 9] = [
    ("meetingnumber", "mn"),
    ("meetingno", "mn"),
    ("meetingid", "mn"),
    ("appkey", "appKey"),
    ("sdkkey", "sdkKey"),
    ("apikey", "appKey"),
    ("clientid", "appKey"),
    ("tokenexp", "tokenExp"),
    ("videowebrtcmode", "video_webrtc_mode"),
];

impl Doctor<'_> {
    pub(super) fn check_payload(&mut self, payload: &Json) {
        let has = |name: &str| payload.get(name).is_some();
        self.report.kind = if has("app_key") || has("tpc") || has("role_type") {
            TokenKind::VideoSdk
        } else if has("iss") && !has("appKey") && !has("sdkKey") {
            TokenKind::RestApiJwt
        } else if has("appKey") || has("sdkKey") || has("mn") {
            TokenKind::MeetingSdk
        } else {
            TokenKind::Unknown
        };
        let intended = self.context.intended_sdk();
        match (self.report.kind, intended) {
            (TokenKind::VideoSdk, Some(Sdk::Meeting)) => {
                self.add(
                    FindingCode::VideoSdkToken,
                    Severity::Error,
                    None,
                    "This is a Video SDK token (it has app_key / tpc); a Video SDK token cannot \
                     join Zoom meetings.",
                    "Make a Meeting SDK signature with the key and secret of a Meeting SDK (or \
                     General) app: appKey, sdkKey, mn, role, iat, exp, tokenExp.",
                    &[3712],
                );
                return;
            }
            (TokenKind::VideoSdk, _) | (TokenKind::Unknown, Some(Sdk::Video)) => {
                self.check_video_payload(payload);
                return;
            }
            (TokenKind::MeetingSdk, Some(Sdk::Video)) => {
                self.add(
                    FindingCode::MeetingSdkToken,
                    Severity::Error,
                    None,
                    "This is a Meeting SDK signature (it has appKey / mn), not a Video SDK token: \
                     the Video SDK answers \"Verify JWT failed\".",
                    "Make a Video SDK token with the key and secret of your Video SDK account: \
                     app_key, role_type, tpc, version, iat, exp (generateVideoToken).",
                    &[200],
                );
                return;
            }
            (TokenKind::RestApiJwt, _) => {
                self.add(
                    FindingCode::RestApiJwt,
                    Severity::Error,
                    None,
                    "This looks like a REST API token of a JWT app (it has iss and no key claim), \
                     not an SDK signature; JWT apps are deprecated and their keys are refused \
                     since Web SDK 2.7.0.",
                    "Create a Meeting SDK (or General) app in the Zoom App Marketplace and sign \
                     with its Client ID and Client Secret.",
                    &[3712],
                );
                return;
            }
            _ => {}
        }
        self.check_key(payload);
        self.check_meeting_number(payload);
        self.check_role(payload);
        self.check_times(payload, true);
        self.check_other_claims(payload);
    }

    fn check_key(&mut self, payload: &Json) {
        let mut key_of = |name: &str| match payload.get(name) {
            None => None,
            Some(Json::String(key)) if !key.is_empty() => Some(key.clone()),
            Some(other) => {
                self.add(
                    FindingCode::KeyNotString,
                    Severity::Error,
                    Some(name),
                    format!(
                        "{name} is {}, not the key as a string.",
                        describe_claim(Some(other))
                    ),
                    "Put your SDK key / Client ID in appKey and sdkKey as strings.",
                    &[3712],
                );
                None
            }
        };
        let app_key = key_of("appKey");
        let sdk_key = key_of("sdkKey");
        let secret = self.context.sdk_secret.as_deref();
        if let Some(name) = [("appKey", &app_key), ("sdkKey", &sdk_key)]
            .iter()
            .find(|(_, key)| key.is_some() && key.as_deref() == secret)
            .map(|(name, _)| *name)
        {
            self.add(
                FindingCode::SecretInToken,
                Severity::Error,
                Some(name),
                format!(
                    "{name} holds the secret given: the token carries its own secret in clear. \
                     Anyone who sees the token (it is sent to Zoom with every join, and often \
                     logged) can read the secret and sign tokens for your app."
                ),
                "Treat the secret as leaked: regenerate it in the Zoom App Marketplace (your app, \
                 App Credentials), then sign with the key (Client ID) in appKey and sdkKey and the \
                 new secret as the secret.",
                &[3712, 3704],
            );
        }
        match (&app_key, &sdk_key) {
            (None, None) if payload.get("appKey").is_none() && payload.get("sdkKey").is_none() => {
                self.add(
                    FindingCode::KeyMissing,
                    Severity::Error,
                    Some("appKey"),
                    "The payload has neither appKey nor sdkKey. The Component View refuses it \
                     (\"appKey can not empty in the signature\"); the Client View logs an error \
                     and hangs.",
                    "Add appKey (and sdkKey) with your SDK key / Client ID.",
                    &[],
                )
            }
            (None, Some(_))
                if payload.get("appKey").is_none()
                    && self.context.sdk_version.is_none_or(|v| v.at_least(5, 0)) =>
            {
                self.add(
                    FindingCode::AppkeyMissing,
                    Severity::Warning,
                    Some("appKey"),
                    "Only sdkKey is present; the signature requires appKey since Web SDK 5.0.0.",
                    "Add appKey with the same value as sdkKey.",
                    &[3712],
                )
            }
            (Some(a), Some(s)) if a != s => self.add(
                FindingCode::KeyMismatch,
                Severity::Error,
                Some("sdkKey"),
                "appKey and sdkKey differ; the SDK sends appKey, and the HMAC must match that app's secret.",
                "Put the same SDK key / Client ID in both.",
                &[3712, 3704],
            ),
            _ => {}
        }
        if let (Some(expected), Some(found)) = (&self.context.sdk_key, app_key.or(sdk_key)) {
            if expected.trim() != found {
                self.add(
                    FindingCode::KeyNotExpected,
                    Severity::Error,
                    Some("appKey"),
                    format!(
                        "The token carries the key \"{found}\", not the one expected (\"{}\").",
                        expected.trim()
                    ),
                    "Sign with the key and secret of the app you mean to use: both from the same \
                     Meeting SDK app's App Credentials page.",
                    &[3712, 3704],
                );
            }
        }
    }

    fn check_meeting_number(&mut self, payload: &Json) {
        let digits = match payload.get("mn") {
            None => {
                self.add(
                    FindingCode::MnMissing,
                    Severity::Error,
                    Some("mn"),
                    "The payload has no mn. Without mn and role a signature is valid only for the \
                     native SDKs, not for the Web SDK.",
                    "Add mn: the meeting number that will be joined, digits only.",
                    &[3712, 3706],
                );
                return;
            }
            Some(Json::String(text))
                if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) =>
            {
                text.clone()
            }
            Some(value @ Json::Number(_))
                if json::number(value).is_some_and(|(value, text)| {
                    value.fract() == 0.0 && value >= 0.0 && text.bytes().all(|b| b.is_ascii_digit())
                }) =>
            {
                json::number(value)
                    .map(|(_, text)| text)
                    .unwrap_or_default()
            }
            Some(other) => {
                let fix = match other.as_str().and_then(digits_only_form) {
                    Some(digits) => format!("Use the digits only: \"{digits}\"."),
                    None => "Put the 9 to 11 digit meeting ID in mn, digits only.".into(),
                };
                self.add(
                    FindingCode::MnNotDigits,
                    Severity::Error,
                    Some("mn"),
                    format!(
                        "mn is {}, which is not a meeting number of digits only.",
                        describe_claim(Some(other))
                    ),
                    fix,
                    &[3706, 3712],
                );
                return;
            }
        };
        if !MEETING_NUMBER_DIGITS.contains(&digits.len()) {
            self.add(
                FindingCode::MnLength,
                Severity::Error,
                Some("mn"),
                format!(
                    "mn has {} digits; Zoom meeting IDs have 9 to 11.",
                    digits.len()
                ),
                "Copy the meeting ID again from the invite; a sample page may have cut it at the \
                 first space (857 4606 5432 became 8574606).",
                &[3706, 3707],
            );
        }
        if let Some(expected) = &self.context.meeting_number {
            let expected_digits =
                meeting_number_digits(expected).unwrap_or_else(|| expected.trim().to_string());
            if expected_digits != digits {
                self.add(
                    FindingCode::MnMismatch,
                    Severity::Error,
                    Some("mn"),
                    format!(
                        "The token is for meeting {digits}, but join will be called with {expected_digits}."
                    ),
                    "Make the signature for the meeting number you pass to join (the same digits in both).",
                    &[3706, 3712],
                );
            }
        }
    }

    fn check_role(&mut self, payload: &Json) {
        match payload.get("role") {
            None => self.add(
                FindingCode::RoleMissing,
                Severity::Error,
                Some("role"),
                "The payload has no role; the Web SDK needs it.",
                "Add role: 0 to join as participant, 1 to start as host.",
                &[3712, 3708],
            ),
            Some(value) if claim_number(value) == Some(0.0) => {}
            Some(value) if claim_number(value) == Some(1.0) => {
                if self
                    .context
                    .zak
                    .as_deref()
                    .is_some_and(|zak| zak.trim().is_empty())
                {
                    self.add(
                        FindingCode::RoleHostWithoutZak,
                        Severity::Warning,
                        Some("role"),
                        "role is 1 (host), but no ZAK will be passed to join. Starting a meeting \
                         as host needs the host's ZAK; a non-host with role 1 gets \"Signature is invalid\".",
                        "Pass the host's ZAK (from the REST API, GET /users/me/zak) to join, or use role 0 to join as participant.",
                        &[3712, 3708],
                    );
                }
            }
            Some(other) => self.add(
                FindingCode::RoleInvalid,
                Severity::Error,
                Some("role"),
                format!(
                    "role is {}; it must be the number 0 or 1.",
                    describe_claim(Some(other))
                ),
                "Write role as a JSON number: 0 (participant) or 1 (host).",
                &[3708, 3712],
            ),
        }
    }

    fn check_other_claims(&mut self, payload: &Json) {
        let mode = payload.get("video_webrtc_mode");
        let valid_mode = match mode {
            None => true,
            Some(value @ Json::Number(_)) => matches!(claim_number(value), Some(0.0 | 1.0)),
            Some(_) => false,
        };
        if !valid_mode {
            self.add(
                FindingCode::WebrtcModeInvalid,
                Severity::Error,
                Some("video_webrtc_mode"),
                format!(
                    "video_webrtc_mode is {}; it must be the number 0 or 1.",
                    describe_claim(mode)
                ),
                "Write video_webrtc_mode as 0 or 1, or leave it out.",
                &[3712],
            );
        }
        let Json::Object(members) = payload else {
            return;
        };
        for (name, _) in members {
            if KNOWN_CLAIMS.contains(&name.as_str()) {
                continue;
            }
            match intended_claim(name) {
                Some(meant) => self.add(
                    FindingCode::UnknownClaim,
                    Severity::Warning,
                    Some(name),
                    format!("The claim {name} is not one Zoom reads; it looks like a misspelling of {meant}."),
                    format!("Rename {name} to {meant}."),
                    &[],
                ),
                None => self.add(
                    FindingCode::UnknownClaim,
                    Severity::Info,
                    Some(name),
                    format!("The claim {name} is not part of a Meeting SDK signature; Zoom ignores it."),
                    "Nothing to do, unless you meant one of appKey, sdkKey, mn, role, iat, exp, tokenExp, video_webrtc_mode.",
                    &[],
                ),
            }
        }
    }
}

/// The key a payload carries, `appKey` first as the SDK reads it (`app_key` for Video SDK tokens).
pub(super) fn token_key(payload: Option<&Json>) -> Option<String> {
    let payload = payload?;
    ["appKey", "sdkKey", "app_key"]
        .iter()
        .find_map(|name| payload.get(name).and_then(Json::as_str))
        .map(str::to_string)
}

/// The claim a misspelt name means: only exact and alias spellings, since claims are short and
/// an edit or two away from each other.
fn intended_claim(name: &str) -> Option<&'static str> {
    let wanted = normalise_name(name);
    CLAIM_ALIASES
        .iter()
        .find(|(alias, _)| *alias == wanted)
        .map(|(_, claim)| *claim)
        .or_else(|| {
            KNOWN_CLAIMS
                .iter()
                .find(|claim| normalise_name(claim) == wanted)
                .copied()
        })
}

/// A claim's value for a message: short values written out, others named by kind.
pub(super) fn describe_claim(value: Option<&Json>) -> String {
    match value {
        None => "missing".into(),
        Some(Json::String(text)) if text.chars().count() <= 40 => {
            format!("the string \"{text}\"")
        }
        Some(Json::Number(number)) if number.to_string().len() <= 24 => number.to_string(),
        Some(other) => json::kind(other).into(),
    }
}

/// A claim's value when it is a JSON number.
pub(super) fn claim_number(value: &Json) -> Option<f64> {
    json::number(value).map(|(value, _)| value)
}
