//! The token's form: trimmed, three parts, each part base64url, the first two JSON objects.

use super::json::{self, Json};
use super::{Doctor, FindingCode, Severity};
use crate::jws::base64url_decode;

/// Longer than any signature: Zoom's are a few hundred characters. Longer tokens are reported, not
/// decoded, so that a huge paste costs no more than reading its length.
pub const MAX_TOKEN_LENGTH: usize = 16 * 1024;

impl Doctor<'_> {
    pub(super) fn trimmed<'t>(&mut self, raw: &'t str) -> &'t str {
        let quotes: &[char] = &['"', '\'', '`'];
        let unquoted = raw.trim().trim_matches(quotes).trim();
        // An Authorization header's value, copied whole.
        let bearer = unquoted
            .get(..7)
            .filter(|prefix| prefix.eq_ignore_ascii_case("bearer "))
            .and_then(|_| unquoted.get(7..));
        let token = bearer.map_or(unquoted, str::trim_start);
        if token.len() != raw.len() && !token.is_empty() {
            let (what, fix) = if bearer.is_some() {
                (
                    "the prefix \"Bearer \" of an Authorization header",
                    "Pass only the token, without \"Bearer \": join takes the signature itself (the \
                     rest of this report is about the token after the prefix).",
                )
            } else if raw.trim().len() != raw.len() {
                (
                    "white space or a line break around it",
                    "Trim the token before passing it to join (the rest of this report is about \
                     the trimmed token).",
                )
            } else {
                (
                    "quotes around it",
                    "Trim the token before passing it to join (the rest of this report is about \
                     the trimmed token).",
                )
            };
            self.add(
                FindingCode::TokenNotTrimmed,
                Severity::Error,
                None,
                format!("The signature has {what}; Zoom would receive those characters too."),
                fix,
                &[3712],
            );
        }
        token
    }

    pub(super) fn not_jwt(&mut self, token: &str, parts: usize) {
        let looks_like_response = token.starts_with('{') && token.contains("signature");
        let message = if looks_like_response {
            "This is a JSON object (the whole response of a signature endpoint?), not a signature."
                .to_string()
        } else {
            format!(
                "A signature is a JWT: three base64url parts separated by dots. This has {parts}."
            )
        };
        let fix = if looks_like_response {
            "Pass only the token: `response.signature` (e.g. `(await res.json()).signature`)."
        } else {
            "Pass the whole token, exactly as made, without cutting or joining anything."
        };
        self.add(
            FindingCode::TokenNotJwt,
            Severity::Error,
            None,
            message,
            fix,
            &[1, 200],
        );
    }

    /// Decodes one of the first two segments and parses it as a JSON object.
    pub(super) fn segment_json(&mut self, part: &str, name: &str) -> Option<Json> {
        let bytes = self.segment_bytes(part, name)?;
        let (code, what) = if name == "header" {
            (FindingCode::HeaderNotJson, "header")
        } else {
            (FindingCode::PayloadNotJson, "payload")
        };
        let parsed = String::from_utf8(bytes)
            .map_err(|_| "it is not UTF-8 text".to_string())
            .and_then(|text| json::parse_object(&text));
        match parsed {
            Ok(ok) => Some(ok),
            Err(problem) => {
                self.add(
                    code,
                    Severity::Error,
                    Some(what),
                    format!("The {what} decodes, but {problem}."),
                    format!(
                        "Make the {what} with JSON.stringify of an object (or let generateSignature make it)."
                    ),
                    &[3712],
                );
                None
            }
        }
    }

    /// Decodes a segment, reporting padding and the standard alphabet and reading past them.
    pub(super) fn segment_bytes(&mut self, part: &str, name: &str) -> Option<Vec<u8>> {
        if part.contains('=') {
            self.add(
                FindingCode::Base64Padding,
                Severity::Error,
                Some(name),
                format!("The {name} segment ends with `=` padding; JWTs use base64url without padding."),
                "Remove every `=` from the segments, e.g. `.replace(/=+$/, '')` on each, or use a \
                 base64url encoder that does not pad (Java: Base64.getUrlEncoder().withoutPadding()).",
                &[3712],
            );
        }
        if part.contains('+') || part.contains('/') {
            self.add(
                FindingCode::Base64Alphabet,
                Severity::Error,
                Some(name),
                format!("The {name} segment uses standard base64 (`+` or `/`), not base64url."),
                "Encode with base64url: `+` becomes `-` and `/` becomes `_`, no padding.",
                &[3712],
            );
        }
        let normalised: String = part
            .chars()
            .filter(|c| *c != '=')
            .map(|c| match c {
                '+' => '-',
                '/' => '_',
                other => other,
            })
            .collect();
        match base64url_decode(&normalised) {
            Some(bytes) if !bytes.is_empty() || name == "signature" => Some(bytes),
            _ => {
                self.add(
                    FindingCode::SegmentNotBase64,
                    Severity::Error,
                    Some(name),
                    format!("The {name} segment is not base64url (it is empty, cut short, or has other characters)."),
                    "Copy the whole token again; if you make it yourself, base64url-encode each part.",
                    &[3712],
                );
                None
            }
        }
    }
}
