//! What a finding is: its stable code, its severity, what is wrong and how to fix it.

use serde::{Serialize, Serializer};

/// How serious a finding is. A report is `ok` when it has no `Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Zoom will refuse the signature, or the SDK will fail before asking Zoom.
    Error,
    /// Likely to cause trouble, or against Zoom's documentation.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

macro_rules! finding_codes {
    ($($(#[doc = $doc:literal])+ $variant:ident => $name:literal,)+) => {
        /// What a finding is about. The string form is a stable contract: tools match on it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum FindingCode {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl FindingCode {
            /// Every code, in the order reports list them.
            pub const ALL: &'static [FindingCode] = &[$(Self::$variant,)+];

            /// The stable SCREAMING_SNAKE_CASE name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)+
                }
            }

            /// The code named `name`, if it is one.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|code| code.as_str() == name)
            }
        }
    };
}

finding_codes! {
    /// The token is empty or only white space.
    TokenEmpty => "TOKEN_EMPTY",
    /// The token is far longer than any signature (more than [`MAX_TOKEN_LENGTH`] characters).
    TokenTooLong => "TOKEN_TOO_LONG",
    /// White space, a line break or quotes around the token.
    TokenNotTrimmed => "TOKEN_NOT_TRIMMED",
    /// Not three dot-separated parts (e.g. the whole `{"signature": ...}` response).
    TokenNotJwt => "TOKEN_NOT_JWT",
    /// `=` padding in a segment.
    Base64Padding => "BASE64_PADDING",
    /// Standard base64 `+` or `/` instead of base64url `-` and `_`.
    Base64Alphabet => "BASE64_ALPHABET",
    /// A segment that does not decode as base64url.
    SegmentNotBase64 => "SEGMENT_NOT_BASE64",
    /// The header is not a JSON object.
    HeaderNotJson => "HEADER_NOT_JSON",
    /// The payload is not a JSON object.
    PayloadNotJson => "PAYLOAD_NOT_JSON",
    /// The header's `alg` is not `HS256`.
    AlgNotHs256 => "ALG_NOT_HS256",
    /// The header's `typ` is not `JWT`.
    TypNotJwt => "TYP_NOT_JWT",
    /// A Video SDK token (`app_key`, `tpc`), which cannot join meetings.
    VideoSdkToken => "VIDEO_SDK_TOKEN",
    /// A Meeting SDK signature where a Video SDK token is expected (`context.sdk`, `topic`).
    MeetingSdkToken => "MEETING_SDK_TOKEN",
    /// No Video SDK `tpc` (session name), or not a string.
    TpcMissing => "TPC_MISSING",
    /// `tpc` is longer than 200 characters.
    TpcTooLong => "TPC_TOO_LONG",
    /// `tpc` is not the topic `join` gets, compared as Zoom does (case-insensitively).
    TpcMismatch => "TPC_MISMATCH",
    /// `role_type` is missing, a string, or not 0 or 1.
    RoleTypeInvalid => "ROLE_TYPE_INVALID",
    /// `version` is there and not 1.
    VersionInvalid => "VERSION_INVALID",
    /// `session_key` is longer than 36 characters.
    SessionKeyTooLong => "SESSION_KEY_TOO_LONG",
    /// `user_identity` or `user_key` is longer than 36 characters.
    UserIdentityTooLong => "USER_IDENTITY_TOO_LONG",
    /// `geo_regions` is not a comma-separated list of Zoom's region codes.
    GeoRegionInvalid => "GEO_REGION_INVALID",
    /// A cloud recording option in a participant's token (`role_type` 0).
    CloudRecordingNeedsHost => "CLOUD_RECORDING_NEEDS_HOST",
    /// A claim written as `null`.
    ClaimNull => "CLAIM_NULL",
    /// A JWT app's REST API token (`iss`, no key claim), not an SDK signature.
    RestApiJwt => "REST_API_JWT",
    /// Zoom's signature of Web SDK 2.2 and earlier (`base64(apiKey.mn.timestamp.role.hash)`),
    /// made with a JWT app's key and refused today.
    LegacyWebSignature => "LEGACY_WEB_SIGNATURE",
    /// `context.sdkVersion` is older than 2.3.0, which took the older signature, not a JWT.
    OldSdkVersion => "OLD_SDK_VERSION",
    /// Neither `appKey` nor `sdkKey`.
    KeyMissing => "KEY_MISSING",
    /// `appKey` or `sdkKey` is not a non-empty string.
    KeyNotString => "KEY_NOT_STRING",
    /// Only `sdkKey`: `appKey` is required since Web SDK 5.0.0.
    AppkeyMissing => "APPKEY_MISSING",
    /// `appKey` and `sdkKey` differ.
    KeyMismatch => "KEY_MISMATCH",
    /// The key differs from the one expected.
    KeyNotExpected => "KEY_NOT_EXPECTED",
    /// The key claim holds the secret given: the token carries its own secret in clear.
    SecretInToken => "SECRET_IN_TOKEN",
    /// No `mn` claim.
    MnMissing => "MN_MISSING",
    /// `mn` is not digits only.
    MnNotDigits => "MN_NOT_DIGITS",
    /// `mn` is not 9 to 11 digits.
    MnLength => "MN_LENGTH",
    /// `mn` is not the meeting number that will be joined.
    MnMismatch => "MN_MISMATCH",
    /// No `role` claim.
    RoleMissing => "ROLE_MISSING",
    /// `role` is not the number 0 or 1.
    RoleInvalid => "ROLE_INVALID",
    /// Role 1 (host) and no ZAK will be passed.
    RoleHostWithoutZak => "ROLE_HOST_WITHOUT_ZAK",
    /// No `iat` claim.
    IatMissing => "IAT_MISSING",
    /// No `exp` claim.
    ExpMissing => "EXP_MISSING",
    /// A time claim is a string or has a fraction.
    TimeNotInteger => "TIME_NOT_INTEGER",
    /// A time claim is in milliseconds.
    TimeInMilliseconds => "TIME_IN_MILLISECONDS",
    /// `iat` is later than this clock.
    IatInFuture => "IAT_IN_FUTURE",
    /// `exp` has passed.
    Expired => "EXPIRED",
    /// `exp` is only minutes away.
    ExpiresSoon => "EXPIRES_SOON",
    /// `exp` is less than 1800 s after `iat`.
    ExpTooShort => "EXP_TOO_SHORT",
    /// `exp` is more than 48 h after `iat`.
    ExpTooLong => "EXP_TOO_LONG",
    /// No `tokenExp` claim.
    TokenExpMissing => "TOKEN_EXP_MISSING",
    /// `tokenExp` is less than 1800 s after `iat`.
    TokenExpTooShort => "TOKEN_EXP_TOO_SHORT",
    /// `video_webrtc_mode` is not the number 0 or 1.
    WebrtcModeInvalid => "WEBRTC_MODE_INVALID",
    /// A claim Meeting SDK signatures do not have.
    UnknownClaim => "UNKNOWN_CLAIM",
    /// The third segment is empty: the token is not signed.
    SignatureEmpty => "SIGNATURE_EMPTY",
    /// The HMAC matches the secret given.
    SignatureVerified => "SIGNATURE_VERIFIED",
    /// The HMAC does not match the secret given.
    SignatureMismatch => "SIGNATURE_MISMATCH",
    /// Signed with the key as the secret.
    SecretIsKey => "SECRET_IS_KEY",
    /// Signed with the hex-decoded secret, as jsrsasign does with an all-hex secret.
    SecretHexDecoded => "SECRET_HEX_DECODED",
    /// Signed with white space around the secret, or the secret given has some.
    SecretWhitespace => "SECRET_WHITESPACE",
    /// Signed with the low byte of each character of a secret beyond ASCII, as jsrsasign does.
    SecretLowBytes => "SECRET_LOW_BYTES",
    /// Signed with the bytes the secret decodes to as base64, as jjwt's `signWith(HS256, String)`.
    SecretBase64Decoded => "SECRET_BASE64_DECODED",
    /// Web SDK before 4.0.0 (`context.sdkVersion`) takes the key as `sdkKey` in `join()` too.
    JoinNeedsSdkKey => "JOIN_NEEDS_SDK_KEY",
    /// Web SDK 5.0.0 and later log a deprecation warning for the `sdkKey` claim (harmless).
    SdkkeyDeprecated => "SDKKEY_DEPRECATED",
    /// A context member could not be used.
    ContextInvalid => "CONTEXT_INVALID",
}

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for FindingCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One problem (or fact) found in a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What it is about.
    pub code: FindingCode,
    /// How serious it is.
    pub severity: Severity,
    /// The claim or part concerned (`mn`, `header`, `signature`, ...), if one.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub fix: String,
    /// Zoom join error codes this typically leads to.
    pub zoom_errors: &'static [i64],
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("severity", &self.severity)?;
        if let Some(field) = &self.field {
            map.serialize_entry("field", field)?;
        }
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("fix", &self.fix)?;
        map.serialize_entry("zoomErrors", self.zoom_errors)?;
        map.end()
    }
}
