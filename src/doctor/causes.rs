//! The causes of a refused join that the doctor can speak of, each with a stable code. Of each, a
//! report says one of three things: its findings show it, its checks rule it out, or it is still
//! open, with how a person finds out by hand (`remaining`). What only Zoom's servers know (the
//! key's app type, where the meeting belongs) is always open.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::findings::FindingCode;

macro_rules! causes {
    ($($(#[doc = $doc:literal])+ $variant:ident => $name:literal,)+) => {
        /// A cause of a refused join. The string form is a stable contract, shared with
        /// `explainJoinError`'s `found`, `ruledOut` and `remaining`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Cause {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Cause {
            /// Every cause.
            pub const ALL: &'static [Cause] = &[$(Self::$variant,)+];

            /// The stable SCREAMING_SNAKE_CASE name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)+
                }
            }

            /// The cause named `name`, if it is one.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|cause| cause.as_str() == name)
            }
        }
    };
}

causes! {
    /// The key is not a Meeting SDK key: a JWT app's API key, an OAuth app's Client ID, a Video SDK
    /// key. Web SDK 2.7.0 and later accept only Meeting SDK credentials.
    KeyAppType => "KEY_APP_TYPE",
    /// The secret that signed the token is not the secret of the app whose key is in it.
    KeySecretPair => "KEY_SECRET_PAIR",
    /// The meeting belongs to another Zoom account: app review, and a ZAK or OBF token, needed.
    ExternalMeeting => "EXTERNAL_MEETING",
    /// The HMAC key was not the secret's UTF-8 bytes (hex-decoded, low bytes, base64-decoded,
    /// white space around it).
    SecretEncoding => "SECRET_ENCODING",
    /// The token is not a trimmed, three-part JWT of two JSON objects.
    TokenForm => "TOKEN_FORM",
    /// A segment is padded, uses the standard alphabet, or is not base64url.
    Base64Form => "BASE64_FORM",
    /// The header is not `{"alg":"HS256","typ":"JWT"}`.
    Header => "HEADER",
    /// A time claim is missing, not whole seconds, or out of Zoom's window.
    Times => "TIMES",
    /// Zoom's clock is behind the one that set `iat`: the token is from its future.
    ClockSkew => "CLOCK_SKEW",
    /// `mn` is not the meeting number join gets.
    MeetingMismatch => "MEETING_MISMATCH",
    /// `role` is missing or wrong, or 1 without being the host (with the host's ZAK).
    RoleHost => "ROLE_HOST",
    /// No `appKey` claim, which the Web SDK needs from 5.0.0.
    AppkeyMissing => "APPKEY_MISSING",
    /// The app is deactivated, or a development app Zoom treats differently.
    AppInactive => "APP_INACTIVE",
    /// A Zoom for Government key used against zoom.us, or the reverse.
    ZoomForGovernment => "ZOOM_FOR_GOVERNMENT",
    /// Video SDK: the key is not a Video SDK key (a Meeting SDK or other app's key).
    VideoKeyType => "VIDEO_KEY_TYPE",
    /// Video SDK: the session belongs to another Video SDK account, which other keys cannot join.
    OtherVideoAccount => "OTHER_VIDEO_ACCOUNT",
    /// Video SDK: the host set a session key and this token's differs (or has none).
    SessionKeyMismatch => "SESSION_KEY_MISMATCH",
    /// Video SDK: `tpc` is missing, too long, or not the topic `join` gets.
    TopicMismatch => "TOPIC_MISMATCH",
    /// Video SDK: `role_type` is missing or not 0 or 1.
    RoleType => "ROLE_TYPE",
    /// Video SDK: an optional claim over its limit or not one of its values.
    VideoClaims => "VIDEO_CLAIMS",
}

impl Serialize for Cause {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The cause a finding shows, when it shows one. `SIGNATURE_MISMATCH` shows a wrong secret unless
/// an encoding finding explains it, which [`found_causes`] decides.
pub fn cause_shown_by(code: FindingCode) -> Option<Cause> {
    use FindingCode as F;
    Some(match code {
        F::TokenEmpty
        | F::TokenTooLong
        | F::TokenNotTrimmed
        | F::TokenNotJwt
        | F::PayloadNotJson
        | F::SignatureEmpty => Cause::TokenForm,
        F::Base64Padding | F::Base64Alphabet | F::SegmentNotBase64 => Cause::Base64Form,
        F::HeaderNotJson | F::AlgNotHs256 | F::TypNotJwt => Cause::Header,
        F::VideoSdkToken | F::RestApiJwt | F::LegacyWebSignature | F::OldSdkVersion => {
            Cause::KeyAppType
        }
        F::KeyMissing | F::KeyNotString | F::AppkeyMissing => Cause::AppkeyMissing,
        F::KeyMismatch
        | F::KeyNotExpected
        | F::SecretInToken
        | F::SecretIsKey
        | F::SignatureMismatch => Cause::KeySecretPair,
        F::MnMissing | F::MnNotDigits | F::MnLength | F::MnMismatch => Cause::MeetingMismatch,
        F::RoleMissing | F::RoleInvalid | F::RoleHostWithoutZak => Cause::RoleHost,
        F::IatMissing
        | F::ExpMissing
        | F::TimeNotInteger
        | F::TimeInMilliseconds
        | F::IatInFuture
        | F::Expired
        | F::ExpiresSoon
        | F::ExpTooShort
        | F::ExpTooLong
        | F::TokenExpMissing
        | F::TokenExpTooShort => Cause::Times,
        F::SecretHexDecoded | F::SecretWhitespace | F::SecretLowBytes | F::SecretBase64Decoded => {
            Cause::SecretEncoding
        }
        F::MeetingSdkToken => Cause::VideoKeyType,
        F::TpcMissing | F::TpcTooLong | F::TpcMismatch => Cause::TopicMismatch,
        F::RoleTypeInvalid => Cause::RoleType,
        F::VersionInvalid | F::SessionKeyTooLong | F::UserIdentityTooLong | F::GeoRegionInvalid => {
            Cause::VideoClaims
        }
        _ => return None,
    })
}

/// The cause each of `codes` shows, in order: a mismatch that an encoding finding explains is
/// the encoding's, not a wrong secret's.
pub fn found_causes(codes: &[FindingCode]) -> Vec<(FindingCode, Cause)> {
    let encoding_explains = codes
        .iter()
        .any(|code| cause_shown_by(*code) == Some(Cause::SecretEncoding));
    codes
        .iter()
        .filter_map(|&code| {
            let cause = match code {
                FindingCode::SignatureMismatch if encoding_explains => Cause::SecretEncoding,
                other => cause_shown_by(other)?,
            };
            Some((code, cause))
        })
        .collect()
}

/// A cause the report's checks exclude, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuledOut {
    /// The cause.
    pub code: Cause,
    /// What the report checked that excludes it.
    pub because: String,
}

/// A cause no offline check could confirm or exclude (or that the context given did not let the
/// report check), with how to find out by hand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remaining {
    /// The cause.
    pub code: Cause,
    /// What it is, for this token.
    pub message: String,
    /// How to check it: where to look, what to compare.
    pub check: String,
}

impl Serialize for RuledOut {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("because", &self.because)?;
        map.end()
    }
}

impl Serialize for Remaining {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("check", &self.check)?;
        map.end()
    }
}
