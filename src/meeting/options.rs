//! Reading the loosely typed options object a JavaScript caller passes into a checked
//! [`SignatureRequest`]. Plain Rust: the wasm boundary only describes each JS value as an
//! [`InputValue`], so every rule here is tested natively.

use super::{MeetingNumber, Role, SignatureRequest};
use crate::error::{ErrorCode, SignatureError};
use crate::input::InputValue;
use crate::spelling::{closest, shown_name};

/// The option names generation takes, in the order they are checked.
pub const OPTION_NAMES: [&str; 10] = [
    "sdkKey",
    "clientId",
    "sdkSecret",
    "clientSecret",
    "meetingNumber",
    "role",
    "expirationSeconds",
    "videoWebRtcMode",
    "iat",
    "includeSdkKey",
];

// Names people write for an option, lower-cased with `_` and `-` removed, and what they meant.
const ALIASES: [(&str, &str); 22] = [
    ("key", "sdkKey"),
    ("appkey", "sdkKey"),
    ("apikey", "sdkKey"),
    ("meetingsdkkey", "sdkKey"),
    ("secret", "sdkSecret"),
    ("appsecret", "sdkSecret"),
    ("apisecret", "sdkSecret"),
    ("meetingsdksecret", "sdkSecret"),
    ("mn", "meetingNumber"),
    ("meeting", "meetingNumber"),
    ("meetingid", "meetingNumber"),
    ("meetingno", "meetingNumber"),
    ("meetingnum", "meetingNumber"),
    ("number", "meetingNumber"),
    ("exp", "expirationSeconds"),
    ("expiration", "expirationSeconds"),
    ("expiresin", "expirationSeconds"),
    ("expiry", "expirationSeconds"),
    ("ttl", "expirationSeconds"),
    ("webrtc", "videoWebRtcMode"),
    ("webrtcmode", "videoWebRtcMode"),
    ("issuedat", "iat"),
];

/// The option a caller most likely meant by an unknown name, if any.
pub fn suggest_option(name: &str) -> Option<&'static str> {
    closest(name, &OPTION_NAMES, &ALIASES)
}

/// What an export's options object must look like before its members are read.
pub(crate) struct OptionsShape {
    /// The export, as messages name it.
    pub function: &'static str,
    /// The usual members, as messages show them: `{ sdkKey, sdkSecret, ... }`.
    pub example: &'static str,
    pub names: &'static [&'static str],
    pub suggest: fn(&str) -> Option<&'static str>,
}

impl OptionsShape {
    /// The members given (`null` and `undefined` count as absent). Unknown names are refused
    /// (with the name probably meant) before anything else, since a misspelling is the usual
    /// reason a required option is missing.
    pub(crate) fn present<'a>(
        &self,
        options: &'a InputValue,
    ) -> Result<Vec<&'a (String, InputValue)>, SignatureError> {
        let InputValue::Object(entries) = options else {
            return Err(SignatureError::new(
                ErrorCode::InvalidOptions,
                "options",
                format!(
                    "{} takes one options object, e.g. {}; got {}.",
                    self.function,
                    self.example,
                    options.describe()
                ),
            ));
        };
        let present: Vec<_> = entries.iter().filter(|(_, v)| !v.is_absent()).collect();
        match present
            .iter()
            .find(|(name, _)| !self.names.contains(&name.as_str()))
        {
            Some((name, _)) => Err(self.unknown_option(name)),
            None => Ok(present),
        }
    }

    fn unknown_option(&self, name: &str) -> SignatureError {
        let shown = shown_name(name);
        let name = shown.as_str();
        let message = match (self.suggest)(name) {
            Some(meant) => format!("Unknown option `{name}`: did you mean `{meant}`?"),
            None => format!(
                "Unknown option `{name}`: {} takes {}.",
                self.function,
                self.names.join(", ")
            ),
        };
        SignatureError::new(ErrorCode::UnknownOption, name, message)
    }
}

const SHAPE: OptionsShape = OptionsShape {
    function: "generateSignature",
    example: "{ sdkKey, sdkSecret, meetingNumber, role }",
    names: &OPTION_NAMES,
    suggest: suggest_option,
};

impl SignatureRequest {
    /// Reads a JavaScript options object (see [`OptionsShape::present`]). Range checks happen in
    /// [`Self::sign`].
    /// A refusal never quotes the secret, wherever the caller put it.
    pub fn from_options(options: &InputValue) -> Result<Self, SignatureError> {
        Self::read_options(options).map_err(|error| error.without_secrets_of(options))
    }

    fn read_options(options: &InputValue) -> Result<Self, SignatureError> {
        let present = SHAPE.present(options)?;
        let get = |name: &str| present.iter().find(|(n, _)| n == name).map(|(_, v)| v);

        let sdk_key = aliased_string(get("sdkKey"), get("clientId"), Credential::Key)?;
        let sdk_secret = aliased_string(get("sdkSecret"), get("clientSecret"), Credential::Secret)?;
        let meeting_number = match get("meetingNumber") {
            Some(value) => meeting_number(value)?,
            None => return Err(missing("meetingNumber", "the 9 to 11 digit meeting ID")),
        };
        let role = match get("role").map(zero_or_one) {
            Some(Some(false)) => Role::Participant,
            Some(Some(true)) => Role::Host,
            Some(None) => {
                return Err(SignatureError::new(
                    ErrorCode::InvalidRole,
                    "role",
                    "role must be 0 (join as participant) or 1 (start as host, with the host's ZAK).",
                ));
            }
            None => {
                return Err(missing(
                    "role",
                    "0 to join as participant, 1 to start as host",
                ));
            }
        };
        let expiration_seconds = get("expirationSeconds")
            .map(|v| whole_seconds(v, "expirationSeconds", ErrorCode::InvalidExpiration, true))
            .transpose()?;
        let video_webrtc_mode = match get("videoWebRtcMode").map(zero_or_one) {
            Some(None) => {
                return Err(SignatureError::new(
                    ErrorCode::InvalidWebRtcMode,
                    "videoWebRtcMode",
                    "videoWebRtcMode must be 0 or 1 (1 asks for WebRTC video); leave it out to omit the claim.",
                ));
            }
            Some(mode) => mode,
            None => None,
        };
        let iat = get("iat")
            .map(|v| whole_seconds(v, "iat", ErrorCode::InvalidIat, false))
            .transpose()?;

        let include_sdk_key = match get("includeSdkKey") {
            None => true,
            Some(InputValue::Bool(flag)) => *flag,
            Some(other) => {
                return Err(SignatureError::new(
                    ErrorCode::InvalidOptions,
                    "includeSdkKey",
                    format!(
                        "includeSdkKey must be true (write sdkKey besides appKey, as Zoom's samples \
                         do) or false (appKey only); got {}.",
                        other.describe()
                    ),
                ));
            }
        };

        Ok(Self {
            sdk_key,
            sdk_secret,
            meeting_number,
            role,
            expiration_seconds,
            video_webrtc_mode,
            iat,
            include_sdk_key,
        })
    }
}

pub(crate) fn missing(field: &str, what: &str) -> SignatureError {
    SignatureError::new(
        ErrorCode::MissingOption,
        field,
        format!("Missing option `{}`: give {}.", field, what),
    )
}

#[derive(Clone, Copy)]
enum Credential {
    Key,
    Secret,
}

fn aliased_string(
    main: Option<&InputValue>,
    alias: Option<&InputValue>,
    credential: Credential,
) -> Result<String, SignatureError> {
    let (main_name, alias_name, code) = match credential {
        Credential::Key => ("sdkKey", "clientId", ErrorCode::InvalidKey),
        Credential::Secret => ("sdkSecret", "clientSecret", ErrorCode::InvalidSecret),
    };
    let as_string = |name: &str, value: &InputValue| match value {
        InputValue::String(text) => Ok(text.clone()),
        other => Err(SignatureError::new(
            code,
            name,
            format!(
                "{} must be a string, copied from your app's credentials; got {}.",
                name,
                other.describe()
            ),
        )),
    };
    match (main, alias) {
        (Some(m), Some(a)) => {
            let (m, a) = (as_string(main_name, m)?, as_string(alias_name, a)?);
            if m != a {
                return Err(SignatureError::new(
                    ErrorCode::ConflictingOptions,
                    alias_name,
                    format!(
                        "{} and {} are two names for the same value, and they differ: give only one.",
                        main_name, alias_name
                    ),
                ));
            }
            Ok(m)
        }
        (Some(m), None) => as_string(main_name, m),
        (None, Some(a)) => as_string(alias_name, a),
        (None, None) => Err(match credential {
            Credential::Key => missing(
                "sdkKey",
                "your Meeting SDK key or Client ID (as `sdkKey` or `clientId`)",
            ),
            Credential::Secret => missing(
                "sdkSecret",
                "the secret of the same app (as `sdkSecret` or `clientSecret`)",
            ),
        }),
    }
}

fn meeting_number(value: &InputValue) -> Result<MeetingNumber, SignatureError> {
    match value {
        InputValue::String(text) => Ok(MeetingNumber::Text(text.clone())),
        InputValue::Number(n) if n.fract() == 0.0 && (0.0..1e15).contains(n) => {
            Ok(MeetingNumber::Number(*n as u64))
        }
        InputValue::Number(n) => Err(SignatureError::new(
            ErrorCode::InvalidMeetingNumber,
            "meetingNumber",
            format!(
                "meetingNumber must be the 9 to 11 digit meeting ID; got {}.",
                describe_number(*n)
            ),
        )),
        other => Err(SignatureError::new(
            ErrorCode::InvalidMeetingNumber,
            "meetingNumber",
            format!(
                "meetingNumber must be a string or a number holding the 9 to 11 digit meeting ID; got {}.",
                other.describe()
            ),
        )),
    }
}

/// 0 or 1 as a number or, like Zoom's sample endpoint (which `parseInt`s them), as "0" or "1".
/// `None` for anything else.
pub(crate) fn zero_or_one(value: &InputValue) -> Option<bool> {
    match value {
        InputValue::Number(n) if *n == 0.0 => Some(false),
        InputValue::Number(n) if *n == 1.0 => Some(true),
        InputValue::String(s) if s == "0" => Some(false),
        InputValue::String(s) if s == "1" => Some(true),
        _ => None,
    }
}

/// A whole number of seconds: a JS number with no fraction, or (where Zoom's sample endpoint would
/// `parseInt` it) a string of digits. Range checks are the caller's.
pub(crate) fn whole_seconds(
    value: &InputValue,
    field: &str,
    code: ErrorCode,
    digit_strings: bool,
) -> Result<i64, SignatureError> {
    let refuse = |what: String| {
        SignatureError::new(
            code,
            field,
            format!("{} must be a whole number of seconds; got {}.", field, what),
        )
    };
    match value {
        InputValue::Number(n) if n.is_nan() => Err(refuse("NaN".into())),
        InputValue::Number(n) if n.is_infinite() => Err(refuse("an infinite number".into())),
        InputValue::Number(n) if n.fract() != 0.0 => Err(refuse(format!(
            "{}, which has a fraction (use Math.floor)",
            describe_number(*n)
        ))),
        // Beyond ±2^53 a JS number is not an exact integer; such values fail the range checks anyway.
        InputValue::Number(n) if n.abs() < 9.0e15 => Ok(*n as i64),
        InputValue::Number(_) => Err(refuse("a number far out of range".into())),
        InputValue::String(s) if digit_strings => s
            .parse::<i64>()
            .ok()
            .filter(|_| s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| refuse("a string that is not only digits".into())),
        InputValue::String(_) => Err(refuse(
            "a string: Zoom needs a JSON number here, not a string".into(),
        )),
        other => Err(refuse(other.describe())),
    }
}

/// A number for a message. Whole numbers are written out; others are only described, which keeps
/// float formatting (kilobytes of wasm) out of the module.
pub(crate) fn describe_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".into()
    } else if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("the number {}", n as i64)
    } else if n.is_finite() && n.abs() < 1e15 {
        format!("the number {}.\u{2026}", n.trunc() as i64)
    } else {
        "a number far out of range".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_option_meant() {
        assert_eq!(suggest_option("meetingnumber"), Some("meetingNumber"));
        assert_eq!(suggest_option("meeting_number"), Some("meetingNumber"));
        assert_eq!(suggest_option("sdk_key"), Some("sdkKey"));
        assert_eq!(suggest_option("secret"), Some("sdkSecret"));
        assert_eq!(suggest_option("client_secret"), Some("clientSecret"));
        assert_eq!(suggest_option("meetingNumbr"), Some("meetingNumber"));
        assert_eq!(suggest_option("expirationSecs"), Some("expirationSeconds"));
        assert_eq!(suggest_option("expiresIn"), Some("expirationSeconds"));
        assert_eq!(suggest_option("userName"), None);
    }
}
