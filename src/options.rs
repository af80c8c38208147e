//! Reading the loosely typed options object a JavaScript caller passes into a checked
//! [`SignatureRequest`]. Plain Rust: the wasm boundary only describes each JS value as an
//! [`InputValue`], so every rule here is tested natively.

use crate::error::{ErrorCode, SignatureError};
use crate::message::message;
use crate::signature::{MeetingNumber, Role, SignatureRequest};

/// A JavaScript value as far as option checking needs to know it.
#[derive(Clone, Debug, PartialEq)]
pub enum InputValue {
    /// `undefined` (or a missing property).
    Undefined,
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any JS number, including NaN and the infinities.
    Number(f64),
    /// A string.
    String(String),
    /// An array (its items are not needed).
    Array,
    /// A plain object with its own enumerable properties, in order.
    Object(Vec<(String, InputValue)>),
    /// An object whose properties could not be read: a getter or proxy trap threw.
    Unreadable,
    /// Anything else, named by its `typeof` (`bigint`, `symbol`, `function`).
    Other(String),
}

impl InputValue {
    /// How a message names this kind of value.
    pub fn describe(&self) -> String {
        match self {
            Self::Undefined => "undefined".into(),
            Self::Null => "null".into(),
            Self::Bool(_) => "a boolean".into(),
            Self::Number(_) => "a number".into(),
            Self::String(_) => "a string".into(),
            Self::Array => "an array".into(),
            Self::Object(_) => "an object".into(),
            Self::Unreadable => {
                "an object whose properties could not be read (a getter threw)".into()
            }
            Self::Other(kind) => {
                let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an "
                } else {
                    "a "
                };
                message![article, kind]
            }
        }
    }

    fn is_absent(&self) -> bool {
        matches!(self, Self::Undefined | Self::Null)
    }
}

/// The option names generation takes, in the order they are checked.
pub const OPTION_NAMES: [&str; 9] = [
    "sdkKey",
    "clientId",
    "sdkSecret",
    "clientSecret",
    "meetingNumber",
    "role",
    "expirationSeconds",
    "videoWebRtcMode",
    "iat",
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

/// A name as people misspell it: lower case, without `_`, `-` or spaces.
pub(crate) fn normalise_name(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Names longer than this are not anyone's spelling of an option: they get no suggestion (which
/// costs time in proportion to the name's length) and are shortened in messages.
pub const MAX_SUGGESTED_NAME: usize = 64;

/// A name as a message or an error's `field` shows it: shortened past [`MAX_SUGGESTED_NAME`]
/// characters, so that a huge name does not make a huge error.
pub fn shown_name(name: &str) -> String {
    shortened(name, MAX_SUGGESTED_NAME)
}

/// `text` cut after `max_chars` characters, with an ellipsis when it was cut.
pub fn shortened(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => message![text.get(..cut).unwrap_or_default(), "\u{2026}"],
        None => text.to_string(),
    }
}

/// The option a caller most likely meant by an unknown name, if any.
pub fn suggest_option(name: &str) -> Option<&'static str> {
    if name.chars().nth(MAX_SUGGESTED_NAME).is_some() {
        return None;
    }
    let wanted = normalise_name(name);
    if let Some(exact) = OPTION_NAMES.iter().find(|o| normalise_name(o) == wanted) {
        return Some(exact);
    }
    if let Some((_, meant)) = ALIASES.iter().find(|(alias, _)| *alias == wanted) {
        return Some(meant);
    }
    OPTION_NAMES
        .iter()
        .map(|o| (edit_distance(&normalise_name(o), &wanted), *o))
        .filter(|(distance, _)| *distance <= (wanted.len() / 4).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, o)| o)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut next = Vec::with_capacity(row.len());
        next.push(i + 1);
        for ((cb, diagonal), above) in b.iter().zip(&row).zip(row.iter().skip(1)) {
            let left = next.last().map_or(i + 1, |l| *l);
            next.push(
                (diagonal + usize::from(ca != *cb))
                    .min(above + 1)
                    .min(left + 1),
            );
        }
        row = next;
    }
    row.last().map_or(0, |d| *d)
}

impl SignatureRequest {
    /// Reads a JavaScript options object. Unknown names are refused (with the name probably meant)
    /// before anything else, since a misspelling is the usual reason a required option is missing.
    /// `null` and `undefined` values count as absent. Range checks happen in [`Self::sign`].
    pub fn from_options(options: &InputValue) -> Result<Self, SignatureError> {
        let InputValue::Object(entries) = options else {
            return Err(SignatureError::new(
                ErrorCode::InvalidOptions,
                "options",
                message![
                    "generateSignature takes one options object, e.g. { sdkKey, sdkSecret, meetingNumber, role }; got ",
                    options.describe(),
                    "."
                ],
            ));
        };
        let present: Vec<&(String, InputValue)> =
            entries.iter().filter(|(_, v)| !v.is_absent()).collect();
        for (name, _) in &present {
            if !OPTION_NAMES.contains(&name.as_str()) {
                return Err(unknown_option(name));
            }
        }
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

        Ok(Self {
            sdk_key,
            sdk_secret,
            meeting_number,
            role,
            expiration_seconds,
            video_webrtc_mode,
            iat,
        })
    }
}

fn unknown_option(name: &str) -> SignatureError {
    let shown = shown_name(name);
    let name = shown.as_str();
    let message = match suggest_option(name) {
        Some(meant) => message!["Unknown option `", name, "`: did you mean `", meant, "`?"],
        None => message![
            "Unknown option `",
            name,
            "`: generateSignature takes ",
            OPTION_NAMES.join(", "),
            "."
        ],
    };
    SignatureError::new(ErrorCode::UnknownOption, name, message)
}

fn missing(field: &str, what: &str) -> SignatureError {
    SignatureError::new(
        ErrorCode::MissingOption,
        field,
        message!["Missing option `", field, "`: give ", what, "."],
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
            message![
                name,
                " must be a string, copied from your app's credentials; got ",
                other.describe(),
                "."
            ],
        )),
    };
    match (main, alias) {
        (Some(m), Some(a)) => {
            let (m, a) = (as_string(main_name, m)?, as_string(alias_name, a)?);
            if m != a {
                return Err(SignatureError::new(
                    ErrorCode::ConflictingOptions,
                    alias_name,
                    message![
                        main_name,
                        " and ",
                        alias_name,
                        " are two names for the same value, and they differ: give only one."
                    ],
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
            message![
                "meetingNumber must be the 9 to 11 digit meeting ID; got ",
                describe_number(*n),
                "."
            ],
        )),
        other => Err(SignatureError::new(
            ErrorCode::InvalidMeetingNumber,
            "meetingNumber",
            message![
                "meetingNumber must be a string or a number holding the 9 to 11 digit meeting ID; got ",
                other.describe(),
                "."
            ],
        )),
    }
}

/// 0 or 1 as a number or, like Zoom's sample endpoint (which `parseInt`s them), as "0" or "1".
/// `None` for anything else.
fn zero_or_one(value: &InputValue) -> Option<bool> {
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
fn whole_seconds(
    value: &InputValue,
    field: &str,
    code: ErrorCode,
    digit_strings: bool,
) -> Result<i64, SignatureError> {
    let refuse = |what: String| {
        SignatureError::new(
            code,
            field,
            message![field, " must be a whole number of seconds; got ", what, "."],
        )
    };
    match value {
        InputValue::Number(n) if n.is_nan() => Err(refuse("NaN".into())),
        InputValue::Number(n) if n.is_infinite() => Err(refuse("an infinite number".into())),
        InputValue::Number(n) if n.fract() != 0.0 => Err(refuse(message![
            describe_number(*n),
            ", which has a fraction (use Math.floor)"
        ])),
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
fn describe_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".into()
    } else if n.fract() == 0.0 && n.abs() < 1e15 {
        message!["the number ", n as i64]
    } else if n.is_finite() && n.abs() < 1e15 {
        message!["the number ", n.trunc() as i64, ".\u{2026}"]
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

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
