//! The HMAC against the secret given, and when it does not match, the usual reasons it was made
//! with other key bytes: jsrsasign's hex and low-byte readings, jjwt's base64 reading, white
//! space, the key as the secret.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::{Doctor, FindingCode, Severity};
use crate::jws::{HmacAlgorithm, constant_time_eq};
use crate::kjur::hex_decode;

/// Why the signature was not checked against a secret, when it was not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotChecked {
    /// No secret was given.
    NoSecret,
    /// The token is not a JWT (nor Zoom's older signature).
    NotAJwt,
    /// The third part is empty.
    Unsigned,
    /// The third part is not base64url.
    Unreadable,
    /// The header names no HMAC algorithm.
    NoHmacAlg,
}

impl NotChecked {
    /// The stable kebab-case name (`signatureStatus` in the report).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NoSecret => "no-secret",
            Self::NotAJwt => "not-a-jwt",
            Self::Unsigned => "unsigned",
            Self::Unreadable => "unreadable",
            Self::NoHmacAlg => "no-hmac-alg",
        }
    }
}

/// Key bytes someone made from the secret instead of its UTF-8 text, each a known mistake.
enum Misreading {
    HexDecoded,
    LowBytes,
    Base64Decoded,
    Whitespace,
}

impl Doctor<'_> {
    pub(super) fn check_signature(
        &mut self,
        signing_input: &str,
        part: &str,
        alg: Option<HmacAlgorithm>,
        key: Option<String>,
    ) {
        if part.is_empty() {
            self.report.signature_not_checked = Some(NotChecked::Unsigned);
            self.add(
                FindingCode::SignatureEmpty,
                Severity::Error,
                Some("signature"),
                "The third part is empty: the token is not signed.",
                "Sign it with HS256 and your SDK secret / Client Secret.",
                &[3712],
            );
            return;
        }
        let mac = self.segment_bytes(part, "signature");
        let Some(secret) = self.context.sdk_secret.clone() else {
            self.report.signature_not_checked = Some(NotChecked::NoSecret);
            return;
        };
        let (Some(mac), Some(alg)) = (mac, alg) else {
            self.report.signature_not_checked = Some(if alg.is_none() {
                NotChecked::NoHmacAlg
            } else {
                NotChecked::Unreadable
            });
            return;
        };
        let matches = |key_bytes: &[u8]| {
            constant_time_eq(&alg.mac(key_bytes, signing_input.as_bytes()), &mac)
        };
        self.verify_with(&secret, matches, key);
    }

    /// The HMAC against the secret's UTF-8 bytes, and when it does not match, the misreadings
    /// that explain it first: a person whose secret is right is not told it is wrong.
    pub(super) fn verify_with(
        &mut self,
        secret: &str,
        matches: impl Fn(&[u8]) -> bool,
        key: Option<String>,
    ) {
        if matches(secret.as_bytes()) {
            self.report.signature_verified = Some(true);
            if secret.trim() != secret {
                self.secret_whitespace(true);
            }
            self.add(
                FindingCode::SignatureVerified,
                Severity::Info,
                Some("signature"),
                "The signature matches the secret given.",
                "Nothing to do here. This proves the token was signed with this secret, not that \
                 the secret and the key are from the same app (or Video SDK account): see what remains to check.",
                &[],
            );
            return;
        }
        self.report.signature_verified = Some(false);
        let misread = misreading(secret, &matches);
        match misread {
            Some(Misreading::HexDecoded) => self.add(
                FindingCode::SecretHexDecoded,
                Severity::Error,
                Some("signature"),
                "The token was signed with the secret's hex-decoded bytes: jsrsasign treats an \
                 even-length all-hex secret string as hex, while Zoom uses the secret's text. The \
                 secret itself is probably right.",
                "Pass the secret to KJUR.jws.JWS.sign as {utf8: secret}, or use generateSignature.",
                &[3712],
            ),
            Some(Misreading::LowBytes) => self.add(
                FindingCode::SecretLowBytes,
                Severity::Error,
                Some("signature"),
                "The token was signed with one byte per character of the secret (jsrsasign keeps \
                 only the low byte of characters beyond ASCII), while Zoom uses the secret's UTF-8 \
                 bytes. The secret itself is probably right.",
                "Pass the secret to KJUR.jws.JWS.sign as {utf8: secret}, or use generateSignature.",
                &[3712],
            ),
            Some(Misreading::Base64Decoded) => self.add(
                FindingCode::SecretBase64Decoded,
                Severity::Error,
                Some("signature"),
                "The token was signed with the bytes the secret decodes to as base64 (jjwt's \
                 signWith(HS256, String) decodes a string key as base64), while Zoom uses the \
                 secret's text. The secret itself is probably right.",
                "Sign with the secret's UTF-8 bytes: in jjwt, Keys.hmacShaKeyFor(secret.getBytes(UTF_8)).",
                &[3712],
            ),
            Some(Misreading::Whitespace) => self.secret_whitespace(false),
            None => {}
        }
        let message = if misread.is_some() {
            "The signature does not match the UTF-8 bytes of the secret given, which is what Zoom \
             checks: Zoom will answer \"Signature is invalid\" (the finding above says why)."
        } else {
            "The signature does not match the secret given: Zoom will answer \"Signature is invalid\"."
        };
        let fix = if misread.is_some() {
            "Sign with the secret's own text as the HMAC key (the finding above says how)."
        } else {
            "Sign with the secret of the same app as the key (SDK secret or Client Secret, from the \
             same App Credentials page), and check the token was not changed after signing."
        };
        self.add(
            FindingCode::SignatureMismatch,
            Severity::Error,
            Some("signature"),
            message,
            fix,
            &[3712],
        );
        let keys: Vec<String> = [key, self.context.sdk_key.clone()]
            .into_iter()
            .flatten()
            .collect();
        if keys.iter().any(|k| matches(k.as_bytes())) {
            self.add(
                FindingCode::SecretIsKey,
                Severity::Error,
                Some("signature"),
                "The token was signed with the SDK key / Client ID as the secret: key and secret were swapped.",
                "Sign with the SDK secret / Client Secret; the key goes in appKey and sdkKey.",
                &[3712],
            );
        }
    }

    fn secret_whitespace(&mut self, verified_with_it: bool) {
        let message = if verified_with_it {
            "The secret given has white space around it, and the token was signed with it; Zoom's copy of the secret has none."
        } else {
            "The token was signed with white space or a line break around the secret (e.g. \
             read from a file or an environment variable with a trailing newline), or the secret \
             given here has some."
        };
        self.add(
            FindingCode::SecretWhitespace,
            Severity::Error,
            Some("signature"),
            message,
            "Trim the secret before signing (secret.trim()).",
            &[3712],
        );
    }
}

/// Which known misreading of the secret the token was signed with, if any.
fn misreading(secret: &str, matches: impl Fn(&[u8]) -> bool) -> Option<Misreading> {
    let units: Vec<u16> = secret.encode_utf16().collect();
    if hex_decode(&units).is_some_and(|bytes| matches(&bytes)) {
        return Some(Misreading::HexDecoded);
    }
    if !secret.is_ascii() {
        let low: Vec<u8> = units.iter().map(|unit| (unit & 0xff) as u8).collect();
        if matches(&low) {
            return Some(Misreading::LowBytes);
        }
    }
    if STANDARD
        .decode(secret.trim())
        .ok()
        .is_some_and(|bytes| !bytes.is_empty() && matches(&bytes))
    {
        return Some(Misreading::Base64Decoded);
    }
    let trimmed = secret.trim();
    let variants = [
        format!("{trimmed}\n"),
        format!("{trimmed}\r\n"),
        format!("{trimmed} "),
        format!(" {trimmed}"),
        trimmed.to_string(),
    ];
    variants
        .iter()
        .any(|v| v != secret && matches(v.as_bytes()))
        .then_some(Misreading::Whitespace)
}
