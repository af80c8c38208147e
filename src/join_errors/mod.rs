//! Explains what the Meeting SDK for Web reports when `join` fails: its error codes, the exact
//! server texts it turns into codes 3704-3713, and the raw exceptions a malformed signature throws.
//! Every statement here traces to Zoom's SDK 6.2.0 bundles, its samples, docs and forum threads;
//! what only Zoom's server knows is said to be unknowable offline rather than guessed.

mod codes;
mod exceptions;
mod narrowing;
mod video;

use serde::Serialize;

use crate::input::InputValue;
use codes::{Entry, known_code, server_text_code};
use exceptions::malformed_token;

pub use crate::doctor::Sdk;
pub use codes::JoinCause;
pub use narrowing::{Excluded, FindingFact, Found, Narrowed, Open, ReportFacts};

const ERROR_CODES_PAGE: &str = "https://developers.zoom.us/docs/meeting-sdk/web/error-codes/";
const VIDEO_ERROR_CODES_PAGE: &str = "https://developers.zoom.us/docs/video-sdk/web/error-codes/";

/// What the SDK reported, as far as explaining needs it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JoinError {
    /// `errorCode`, or the bare number the caller passed.
    pub code: Option<i64>,
    /// `reason`, `errorMessage`, `result` or an `Error`'s `message`, whichever the caller had.
    pub message: Option<String>,
    /// The Component View's `type` (e.g. `JOIN_MEETING_FAILED`) or a JS `Error`'s `name`
    /// (`TypeError`, `SyntaxError`, `InvalidCharacterError`).
    pub kind: Option<String>,
}

/// What an error means, whether the signature is to blame, and what usually causes and fixes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinErrorExplanation {
    /// The code explained, after mapping a server text to its code; `None` when none is known.
    pub code: Option<i64>,
    /// A stable SCREAMING_SNAKE_CASE name, `UNKNOWN` when zoomsig does not know the error.
    pub name: &'static str,
    /// What the error means, in a sentence or two.
    pub meaning: String,
    /// Whether the error points at the signature (its claims, its key or its encoding).
    pub signature_related: bool,
    /// The usual causes, most common first; empty when the error is unknown.
    pub causes: Vec<&'static str>,
    /// Each cause's stable code, in the order of `causes`.
    pub cause_codes: Vec<&'static str>,
    /// What to do about it.
    pub fixes: Vec<&'static str>,
    /// What the report of the token joined with says of the causes, when one was given.
    pub narrowed: Option<Narrowed>,
}

/// [`explain_join_error`], with what the report of the token that was joined with found, rules
/// out and leaves open. A Video SDK token's report explains the error as the Video SDK's.
pub fn explain_join_error_with_report(
    error: &JoinError,
    report: &ReportFacts,
) -> JoinErrorExplanation {
    explain_join_error_as(error, Some(report), None)
}

/// Explains a join error of the SDK `sdk` (by default the one the report's token is for, else the
/// Meeting SDK), narrowed by the report when one is given.
pub fn explain_join_error_as(
    error: &JoinError,
    report: Option<&ReportFacts>,
    sdk: Option<Sdk>,
) -> JoinErrorExplanation {
    let sdk = sdk.unwrap_or(match report {
        Some(facts) if facts.kind == "video-sdk" => Sdk::Video,
        _ => Sdk::Meeting,
    });
    let mut explained = match sdk {
        Sdk::Meeting => explain_join_error(error),
        Sdk::Video => explain_video_join_error(error),
    };
    let Some(report) = report else {
        return explained;
    };
    let causes: Vec<JoinCause> = explained
        .cause_codes
        .iter()
        .zip(&explained.causes)
        .map(|(code, text)| JoinCause { code, text })
        .collect();
    let first_fix = explained.fixes.first().copied();
    explained.narrowed = Some(narrowing::narrow(
        explained.code,
        &causes,
        first_fix,
        report,
    ));
    explained
}

/// Explains an error reported by the Video SDK for Web's `client.join`.
pub fn explain_video_join_error(error: &JoinError) -> JoinErrorExplanation {
    let message = error
        .message
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty());
    match video::video_entry(error.code, message) {
        Some((code, entry)) => {
            let mut explained = explanation(Some(code), entry);
            let known = explained.meaning.contains(message.unwrap_or_default());
            if let (200, Some(text), false) = (code, message, known) {
                explained.meaning = format!("{} Zoom's text: \"{text}\"", entry.meaning);
            }
            explained
        }
        None => unknown(error.code, message, Sdk::Video),
    }
}

/// Explains an error reported by the Meeting SDK for Web's `join`. A code 200 (or no code) whose
/// message is one of the server texts the SDK maps is explained as the code the SDK maps it to.
pub fn explain_join_error(error: &JoinError) -> JoinErrorExplanation {
    let message = error
        .message
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty());
    let kind = error.kind.as_deref().map(str::trim);

    if matches!(error.code, None | Some(200)) {
        if let Some((code, entry)) = message.and_then(server_text_code).and_then(known_code) {
            return explanation(Some(code), entry);
        }
    }
    match error.code {
        Some(code) => match known_code(code) {
            Some((_, entry)) => {
                let mut explained = explanation(Some(code), entry);
                // 200 wraps whatever the server said; its text is the only real explanation.
                if let (200, Some(text)) = (code, message) {
                    explained.meaning = format!("{} Zoom's text: \"{text}\"", entry.meaning);
                }
                explained
            }
            None => unknown(Some(code), message, Sdk::Meeting),
        },
        None => match malformed_token(kind, message) {
            Some(entry) => explanation(None, entry),
            None => unknown(None, message, Sdk::Meeting),
        },
    }
}

fn explanation(code: Option<i64>, entry: &Entry) -> JoinErrorExplanation {
    JoinErrorExplanation {
        code,
        name: entry.name,
        meaning: entry.meaning.to_owned(),
        signature_related: entry.signature_related,
        causes: entry.causes.iter().map(|cause| cause.text).collect(),
        cause_codes: entry.causes.iter().map(|cause| cause.code).collect(),
        fixes: entry.fixes.to_vec(),
        narrowed: None,
    }
}

fn unknown(code: Option<i64>, message: Option<&str>, sdk: Sdk) -> JoinErrorExplanation {
    let (page, fix) = match sdk {
        Sdk::Meeting => (
            ERROR_CODES_PAGE,
            "Look the code and the SDK's text up on Zoom's Meeting SDK for Web error-code page (https://developers.zoom.us/docs/meeting-sdk/web/error-codes/).",
        ),
        Sdk::Video => (
            VIDEO_ERROR_CODES_PAGE,
            "Look the code and the SDK's text up on Zoom's Video SDK for Web error-code page (https://developers.zoom.us/docs/video-sdk/web/error-codes/).",
        ),
    };
    let mut meaning = match code {
        Some(code) => format!("Error code {code} is not one zoomsig knows."),
        None => "This error has no code and is not one zoomsig knows.".to_owned(),
    };
    meaning.push_str(" Look it up on Zoom's error-code page: ");
    meaning.push_str(page);
    if let Some(text) = message {
        meaning.push_str(&format!(" The SDK's text: \"{text}\""));
    }
    JoinErrorExplanation {
        code,
        name: "UNKNOWN",
        meaning,
        signature_related: false,
        causes: Vec::new(),
        cause_codes: Vec::new(),
        narrowed: None,
        fixes: vec![fix],
    }
}

impl JoinErrorExplanation {
    /// Compact JSON object with the keys `code` (null when unknown), `name`, `meaning`,
    /// `signatureRelated`, `causes` and `fixes`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an explanation is strings and numbers")
    }
}

impl JoinError {
    /// The members of an SDK error object that explaining reads, by name.
    pub const MEMBERS: [&'static str; 8] = [
        "errorCode",
        "code",
        "reason",
        "errorMessage",
        "result",
        "message",
        "type",
        "name",
    ];

    /// Reads what a caller passed to `explainJoinError`: a code, a message string, or the SDK's
    /// error object (`errorCode`; `reason`, `errorMessage`, `result` or `message`; `type` or `name`).
    pub fn from_input(input: &InputValue) -> Self {
        let whole = |value: &InputValue| match value {
            InputValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(*n as i64),
            InputValue::String(text) => text.trim().parse().ok(),
            _ => None,
        };
        let text = |value: &InputValue| match value {
            InputValue::String(text) if !text.trim().is_empty() => Some(text.clone()),
            _ => None,
        };
        match input {
            InputValue::Object(members) => {
                // The members under these names, in the order given.
                let under = |names: &[&str]| -> Vec<&InputValue> {
                    names
                        .iter()
                        .filter_map(|name| members.iter().find(|(n, _)| n == name).map(|(_, v)| v))
                        .collect()
                };
                Self {
                    code: under(&["errorCode", "code"]).into_iter().find_map(whole),
                    message: under(&["reason", "errorMessage", "result", "message"])
                        .into_iter()
                        .find_map(text),
                    kind: under(&["type", "name"]).into_iter().find_map(text),
                }
            }
            InputValue::String(message) => match whole(input) {
                Some(code) => Self {
                    code: Some(code),
                    ..Self::default()
                },
                None => Self {
                    message: Some(message.clone()),
                    ..Self::default()
                },
            },
            other => Self {
                code: whole(other),
                ..Self::default()
            },
        }
    }
}

impl Serialize for JoinErrorExplanation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("name", self.name)?;
        map.serialize_entry("meaning", &self.meaning)?;
        map.serialize_entry("signatureRelated", &self.signature_related)?;
        map.serialize_entry("causes", &self.causes)?;
        match &self.narrowed {
            None => map.serialize_entry("fixes", &self.fixes)?,
            Some(narrowed) => {
                map.serialize_entry("fixes", &narrowed.fixes)?;
                map.serialize_entry("found", &narrowed.found)?;
                map.serialize_entry("ruledOut", &narrowed.ruled_out)?;
                map.serialize_entry("remaining", &narrowed.remaining)?;
            }
        }
        map.end()
    }
}
