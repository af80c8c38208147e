//! The whole diagnosis of a token, as Rust values and as the object JavaScript gets.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::causes::{Remaining, RuledOut};
use super::findings::{Finding, Severity};
use super::json::{ForDisplay, Json, redact as redact_json};
use super::secret::NotChecked;
use crate::secrecy::{REDACTED, can_redact, redacted};

/// What kind of token it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A Meeting SDK signature (has a key claim or `mn`).
    MeetingSdk,
    /// A Video SDK token.
    VideoSdk,
    /// A JWT app's REST API token.
    RestApiJwt,
    /// Zoom's signature of Web SDK 2.2 and earlier, not a JWT.
    LegacyWebSignature,
    /// Not recognisable.
    Unknown,
}

impl TokenKind {
    /// `meeting-sdk`, `video-sdk`, `rest-api-jwt`, `legacy-web-signature` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MeetingSdk => "meeting-sdk",
            Self::VideoSdk => "video-sdk",
            Self::RestApiJwt => "rest-api-jwt",
            Self::LegacyWebSignature => "legacy-web-signature",
            Self::Unknown => "unknown",
        }
    }
}

impl Serialize for TokenKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The whole diagnosis.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// What kind of token it is.
    pub kind: TokenKind,
    /// The decoded header, if it is a JSON object.
    pub header: Option<Json>,
    /// The decoded payload, if it is a JSON object.
    pub payload: Option<Json>,
    /// `Some(true)` when the HMAC matches the secret given, `None` when it was not checked.
    pub signature_verified: Option<bool>,
    /// Why the HMAC was not checked, when it was not.
    pub signature_not_checked: Option<NotChecked>,
    /// `iat`, when it is a number.
    pub issued_at: Option<i64>,
    /// `exp`, when it is a number.
    pub expires_at: Option<i64>,
    /// Problems and facts, in the order of the checks.
    pub findings: Vec<Finding>,
    /// Causes of a refusal the checks exclude.
    pub ruled_out: Vec<RuledOut>,
    /// Causes no offline check could confirm or exclude, most likely first, each with how to
    /// check it by hand.
    pub remaining: Vec<Remaining>,
}

impl Report {
    /// True when no finding is an error.
    pub fn ok(&self) -> bool {
        !self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// `verified`, `mismatch`, or why the HMAC was not checked (`no-secret`, `not-a-jwt`,
    /// `unsigned`, `unreadable`, `no-hmac-alg`).
    pub fn signature_status(&self) -> &'static str {
        match (self.signature_verified, self.signature_not_checked) {
            (Some(true), _) => "verified",
            (Some(false), _) => "mismatch",
            (None, Some(reason)) => reason.as_str(),
            (None, None) => NotChecked::NotAJwt.as_str(),
        }
    }

    /// The report as compact JSON with camelCase keys (the header and payload as decoded objects).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a report is strings, numbers and plain values")
    }

    /// Replaces the secret wherever the report would show it: in messages (a key claim or an
    /// expected key that is the secret) and in the decoded header and payload.
    pub fn redact(&mut self, secret: &str) {
        if !can_redact(secret) {
            return;
        }
        let texts = self
            .findings
            .iter_mut()
            .flat_map(|finding| {
                [
                    Some(&mut finding.message),
                    Some(&mut finding.fix),
                    finding.field.as_mut(),
                ]
            })
            .flatten()
            .chain(
                self.remaining
                    .iter_mut()
                    .flat_map(|r| [&mut r.message, &mut r.check]),
            )
            .chain(self.ruled_out.iter_mut().map(|r| &mut r.because));
        for text in texts {
            if let Some(shown) = redacted(text, secret, REDACTED) {
                *text = shown;
            }
        }
        for part in [&mut self.header, &mut self.payload].into_iter().flatten() {
            redact_json(part, secret, REDACTED);
        }
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A map, not a struct: serde-wasm-bindgen serialises struct fields through a cache of
        // their names that costs about 2 KB of the module, for the same plain object.
        let mut report = serializer.serialize_map(Some(11))?;
        report.serialize_entry("ok", &self.ok())?;
        report.serialize_entry("kind", &self.kind)?;
        report.serialize_entry("header", &self.header.as_ref().map(ForDisplay))?;
        report.serialize_entry("payload", &self.payload.as_ref().map(ForDisplay))?;
        report.serialize_entry("signatureVerified", &self.signature_verified)?;
        report.serialize_entry("signatureStatus", self.signature_status())?;
        report.serialize_entry("issuedAt", &self.issued_at)?;
        report.serialize_entry("expiresAt", &self.expires_at)?;
        report.serialize_entry("findings", &self.findings)?;
        report.serialize_entry("ruledOut", &self.ruled_out)?;
        report.serialize_entry("remaining", &self.remaining)?;
        report.end()
    }
}
