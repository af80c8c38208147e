//! The one error type of signature generation: a stable code, the field it concerns, and a message
//! that names the field and the fix. Messages never contain the secret.

use std::fmt;

/// Why a signature request was refused. The string form (`as_str`) is a stable contract: the
/// JavaScript `Error` carries it as `.code`, and callers match on it, never on message text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// The options value is not a plain object (null, undefined, an array, a string...).
    InvalidOptions,
    /// An option name that generation does not take, usually a misspelling.
    UnknownOption,
    /// A required option is absent, null or undefined.
    MissingOption,
    /// An option and its alias (`sdkKey`/`clientId`, `sdkSecret`/`clientSecret`) disagree.
    ConflictingOptions,
    /// The SDK key is not a non-empty string without surrounding whitespace.
    InvalidKey,
    /// The secret is an empty string.
    EmptySecret,
    /// The secret is not a string, or has surrounding whitespace.
    InvalidSecret,
    /// The key and the secret are the same value: the secret was typed as the key, and the key
    /// goes into the token in clear.
    SecretAsKey,
    /// The meeting number is not 9 to 11 digits.
    InvalidMeetingNumber,
    /// The role is not 0 or 1.
    InvalidRole,
    /// The expiration is not a whole number of seconds from 1800 to 172800.
    InvalidExpiration,
    /// `videoWebRtcMode` is not 0 or 1.
    InvalidWebRtcMode,
    /// `iat` is not a plausible whole number of seconds since the epoch.
    InvalidIat,
    /// The Video SDK session name (`topic`) is not a string of 1 to 200 characters.
    InvalidTopic,
    /// `sessionKey` is not a string of at most 36 characters.
    InvalidSessionKey,
    /// `userIdentity` (at most 35 characters) or `userKey` (at most 36) is not such a string.
    InvalidUserIdentity,
    /// `geoRegions` is not a list of Zoom's region codes.
    InvalidGeoRegions,
    /// A cloud recording option is not one of its values.
    InvalidCloudRecording,
    /// `telemetryTrackingId` is not a string of at most 128 characters or `true`, or no random
    /// source was there to make one.
    InvalidTelemetryId,
}

impl ErrorCode {
    /// Every code.
    pub const ALL: &'static [ErrorCode] = &[
        Self::InvalidOptions,
        Self::UnknownOption,
        Self::MissingOption,
        Self::ConflictingOptions,
        Self::InvalidKey,
        Self::EmptySecret,
        Self::InvalidSecret,
        Self::SecretAsKey,
        Self::InvalidMeetingNumber,
        Self::InvalidRole,
        Self::InvalidExpiration,
        Self::InvalidWebRtcMode,
        Self::InvalidIat,
        Self::InvalidTopic,
        Self::InvalidSessionKey,
        Self::InvalidUserIdentity,
        Self::InvalidGeoRegions,
        Self::InvalidCloudRecording,
        Self::InvalidTelemetryId,
    ];

    /// The stable SCREAMING_SNAKE_CASE name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidOptions => "INVALID_OPTIONS",
            Self::UnknownOption => "UNKNOWN_OPTION",
            Self::MissingOption => "MISSING_OPTION",
            Self::ConflictingOptions => "CONFLICTING_OPTIONS",
            Self::InvalidKey => "INVALID_KEY",
            Self::EmptySecret => "EMPTY_SECRET",
            Self::InvalidSecret => "INVALID_SECRET",
            Self::SecretAsKey => "SECRET_AS_KEY",
            Self::InvalidMeetingNumber => "INVALID_MEETING_NUMBER",
            Self::InvalidRole => "INVALID_ROLE",
            Self::InvalidExpiration => "INVALID_EXPIRATION",
            Self::InvalidWebRtcMode => "INVALID_WEBRTC_MODE",
            Self::InvalidIat => "INVALID_IAT",
            Self::InvalidTopic => "INVALID_TOPIC",
            Self::InvalidSessionKey => "INVALID_SESSION_KEY",
            Self::InvalidUserIdentity => "INVALID_USER_IDENTITY",
            Self::InvalidGeoRegions => "INVALID_GEO_REGIONS",
            Self::InvalidCloudRecording => "INVALID_CLOUD_RECORDING",
            Self::InvalidTelemetryId => "INVALID_TELEMETRY_ID",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A refused signature request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureError {
    code: ErrorCode,
    field: String,
    message: String,
}

impl SignatureError {
    /// The refusal with `secret` redacted from its message and field (a careless caller may have
    /// put the secret where a name or another value goes, and messages quote those).
    pub(crate) fn without_secret(mut self, secret: &str) -> Self {
        use crate::secrecy::{REDACTED, redacted};
        for text in [&mut self.message, &mut self.field] {
            if let Some(shown) = redacted(text, secret, REDACTED) {
                *text = shown;
            }
        }
        self
    }

    /// [`Self::without_secret`] for each secret an options object gives.
    pub(crate) fn without_secrets_of(self, options: &crate::InputValue) -> Self {
        crate::secrecy::secrets_in(options)
            .into_iter()
            .fold(self, Self::without_secret)
    }

    pub(crate) fn new(
        code: ErrorCode,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            field: field.into(),
            message: message.into(),
        }
    }

    /// What kind of refusal this is.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The option concerned, spelled as the caller spelled it (`options` when the whole value is).
    pub fn field(&self) -> &str {
        &self.field
    }

    /// What is wrong and how to fix it.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SignatureError {}
