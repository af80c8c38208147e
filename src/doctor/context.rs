//! What the doctor is told about the join the token is for, read from what a JavaScript caller
//! passed: problems become `CONTEXT_INVALID` findings rather than errors, since inspecting never
//! fails.

use std::fmt;

use super::findings::{Finding, FindingCode, Severity};
use crate::input::InputValue;

/// A Meeting SDK for Web version, e.g. 2.9.7: rules changed with 2.3.0 (the JWT signature), 2.7.0
/// (Meeting SDK credentials only), 4.0.0 (no `sdkKey` in `join`) and 5.0.0 (`appKey` required).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SdkVersion(pub u32, pub u32, pub u32);

impl SdkVersion {
    /// `major.minor.patch`, digits only; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('.').map(|part| {
            (!part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        });
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(Some(major)), Some(Some(minor)), Some(Some(patch)), None) => {
                Some(Self(major, minor, patch))
            }
            _ => None,
        }
    }

    /// Whether this is `version` or later.
    pub fn at_least(self, major: u32, minor: u32) -> bool {
        self >= Self(major, minor, 0)
    }
}

impl fmt::Display for SdkVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

/// Which Zoom SDK the token is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sdk {
    /// The Meeting SDK (a signature with `appKey`, `mn`, `role`).
    Meeting,
    /// The Video SDK (a token with `app_key`, `tpc`, `role_type`).
    Video,
}

/// What will be passed to `join` with the token, as far as it is known. All optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InspectContext {
    /// The secret, to verify the HMAC. Never appears in a report.
    pub sdk_secret: Option<String>,
    /// The key the token should carry.
    pub sdk_key: Option<String>,
    /// The meeting number that will be passed to `join` (digits, as given).
    pub meeting_number: Option<String>,
    /// `Some("")` or `Some` of an empty value: join will get no ZAK. `None`: not known.
    pub zak: Option<String>,
    /// Seconds since the epoch to judge times by; the caller's clock when `None`.
    pub now: Option<i64>,
    /// The Web SDK version the page loads; today's rules when `None`.
    pub sdk_version: Option<SdkVersion>,
    /// The Video SDK session name `join` will get.
    pub topic: Option<String>,
    /// What the token is for, when said.
    pub sdk: Option<Sdk>,
}

impl InspectContext {
    /// What the token is for: as said, else a meeting number means the Meeting SDK and a topic the
    /// Video SDK; `None` leaves it to what the token looks like.
    pub fn intended_sdk(&self) -> Option<Sdk> {
        self.sdk.or(if self.meeting_number.is_some() {
            Some(Sdk::Meeting)
        } else if self.topic.is_some() {
            Some(Sdk::Video)
        } else {
            None
        })
    }
}

/// Reads the inspection context from a JS value; problems become `CONTEXT_INVALID` findings
/// rather than exceptions, since inspection never throws.
pub fn context_from_input(input: &InputValue) -> (InspectContext, Vec<Finding>) {
    let mut context = InspectContext::default();
    let mut problems = Vec::new();
    let entries = match input {
        InputValue::Undefined | InputValue::Null => return (context, problems),
        InputValue::Object(entries) => entries.as_slice(),
        other => {
            problems.push(context_problem(
                "context",
                format!("The context must be an object; got {}.", other.describe()),
            ));
            return (context, problems);
        }
    };
    for (name, value) in entries {
        let text = match value {
            InputValue::String(text) => Some(text.clone()),
            InputValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                Some((*n as i64).to_string())
            }
            _ => None,
        };
        let absent = matches!(value, InputValue::Undefined | InputValue::Null);
        match name.as_str() {
            "sdkSecret" | "clientSecret" if !absent => match value {
                InputValue::String(secret) => context.sdk_secret = Some(secret.clone()),
                other => problems.push(context_problem(
                    name,
                    format!("{name} must be a string; got {}.", other.describe()),
                )),
            },
            "sdkKey" | "clientId" if !absent => match value {
                InputValue::String(key) => context.sdk_key = Some(key.clone()),
                other => problems.push(context_problem(
                    name,
                    format!("{name} must be a string; got {}.", other.describe()),
                )),
            },
            "meetingNumber" if !absent => match text {
                Some(number) => context.meeting_number = Some(number),
                None => problems.push(context_problem(
                    name,
                    format!(
                        "meetingNumber must be a string or a whole number; got {}.",
                        value.describe()
                    ),
                )),
            },
            "zak" => match value {
                InputValue::String(zak) => context.zak = Some(zak.clone()),
                _ if absent => context.zak = Some(String::new()),
                other => problems.push(context_problem(
                    name,
                    format!("zak must be a string; got {}.", other.describe()),
                )),
            },
            "now" if !absent => match value {
                InputValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e12 => {
                    context.now = Some(*n as i64)
                }
                _ => problems.push(context_problem(
                    name,
                    "now must be whole seconds since the epoch (not milliseconds).".into(),
                )),
            },
            "sdkVersion" if !absent => match value {
                InputValue::String(text) if SdkVersion::parse(text).is_some() => {
                    context.sdk_version = SdkVersion::parse(text);
                }
                other => problems.push(context_problem(
                    name,
                    format!(
                        "sdkVersion must be the version of the Zoom SDK for Web the page loads, \
                         as \"major.minor.patch\" (e.g. \"6.2.0\"); got {}.",
                        match other {
                            InputValue::String(text) => {
                                format!("\"{}\"", crate::spelling::shortened(text, 20))
                            }
                            other => other.describe(),
                        }
                    ),
                )),
            },
            "topic" if !absent => match value {
                InputValue::String(topic) => context.topic = Some(topic.clone()),
                other => problems.push(context_problem(
                    name,
                    format!(
                        "topic must be the session name as a string; got {}.",
                        other.describe()
                    ),
                )),
            },
            "sdk" if !absent => match value {
                InputValue::String(sdk) if sdk == "meeting" => context.sdk = Some(Sdk::Meeting),
                InputValue::String(sdk) if sdk == "video" => context.sdk = Some(Sdk::Video),
                _ => problems.push(context_problem(
                    name,
                    "sdk must be \"meeting\" or \"video\": what the token is for.".into(),
                )),
            },
            "sdkSecret" | "clientSecret" | "sdkKey" | "clientId" | "meetingNumber" | "now"
            | "sdkVersion" | "topic" | "sdk" => {}
            other => problems.push(context_problem(
                other,
                format!(
                    "Unknown context member `{}`; inspectSignature reads sdkSecret, sdkKey, \
                     meetingNumber, zak, topic, sdk, now and sdkVersion.",
                    crate::spelling::shown_name(other)
                ),
            )),
        }
    }
    (context, problems)
}

fn context_problem(field: &str, message: String) -> Finding {
    Finding {
        code: FindingCode::ContextInvalid,
        severity: Severity::Warning,
        field: Some(field.to_string()),
        message,
        fix: "Correct the context passed to inspectSignature; the check it feeds was skipped."
            .into(),
        zoom_errors: &[],
    }
}
