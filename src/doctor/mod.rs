//! The signature doctor: everything about a Meeting SDK signature that can be checked offline,
//! each problem reported as a finding with a stable code, what is wrong and how to fix it.
//! It never fails: any string gets a report.
//!
//! The checks run in the order a token is read, one family to a file: its form
//! ([`token_form`]), the header ([`header`]), the claims ([`claims`]) and their times
//! ([`times`]), then the HMAC against the secret ([`secret`]); Zoom's older signature has its own
//! ([`legacy`]). Last, what the findings show and the checks exclude is weighed against the causes
//! of a refused join ([`causes`]), and what stays open is ranked ([`remaining`]).

pub mod causes;
mod claims;
mod context;
mod findings;
mod header;
mod json;
mod legacy;
mod remaining;
mod report;
mod sdk_version;
mod secret;
mod times;
mod token_form;
mod video;

pub use causes::{Cause, Remaining, RuledOut, found_causes};
pub use context::{InspectContext, Sdk, SdkVersion, context_from_input};
pub use findings::{Finding, FindingCode, Severity};
pub use report::{Report, TokenKind};
pub use token_form::MAX_TOKEN_LENGTH;

use json::Json;

use crate::input::InputValue;
use crate::jws::HmacAlgorithm;

/// Inspects `token` as a Meeting SDK signature. `clock` is used when the context has no `now`.
pub fn inspect_signature(token: &str, context: &InspectContext, clock: i64) -> Report {
    let mut doctor = Doctor {
        context,
        now: context.now.unwrap_or(clock),
        report: Report {
            kind: TokenKind::Unknown,
            header: None,
            payload: None,
            signature_verified: None,
            signature_not_checked: None,
            issued_at: None,
            expires_at: None,
            findings: Vec::new(),
            ruled_out: Vec::new(),
            remaining: Vec::new(),
        },
    };
    doctor.run(token);
    doctor.weigh_causes();
    let mut report = doctor.report;
    if let Some(secret) = &context.sdk_secret {
        report.redact(secret);
    }
    report
}

/// Inspects `token` with a context read from a JS value: context problems come first in the
/// findings, as `CONTEXT_INVALID`.
pub fn inspect_with_context_input(token: &str, context: &InputValue, clock: i64) -> Report {
    let (context, problems) = context_from_input(context);
    let mut report = inspect_signature(token, &context, clock);
    report.findings.splice(0..0, problems);
    if let Some(secret) = &context.sdk_secret {
        report.redact(secret);
    }
    report
}

struct Doctor<'a> {
    context: &'a InspectContext,
    now: i64,
    report: Report,
}

impl Doctor<'_> {
    fn add(
        &mut self,
        code: FindingCode,
        severity: Severity,
        field: Option<&str>,
        message: impl Into<String>,
        fix: impl Into<String>,
        zoom_errors: &'static [i64],
    ) {
        self.report.findings.push(Finding {
            code,
            severity,
            field: field.map(str::to_string),
            message: message.into(),
            fix: fix.into(),
            zoom_errors,
        });
    }

    fn run(&mut self, raw: &str) {
        if raw.len() > token_form::MAX_TOKEN_LENGTH {
            self.add(
                FindingCode::TokenTooLong,
                Severity::Error,
                None,
                format!(
                    "This is more than {} characters long; a Zoom signature is a few hundred. It \
                     was not decoded.",
                    token_form::MAX_TOKEN_LENGTH
                ),
                "Pass only the signature: the string your signature endpoint returns in \
                 `signature`, or what generateSignature returns.",
                &[],
            );
            return;
        }
        let token = self.trimmed(raw);
        if token.is_empty() {
            self.add(
                FindingCode::TokenEmpty,
                Severity::Error,
                None,
                "The signature is empty.",
                "Pass the token itself: the string your signature endpoint returns in `signature`, \
                 or what generateSignature returns.",
                &[],
            );
            return;
        }
        let parts: Vec<&str> = token.split('.').collect();
        let [header_part, payload_part, signature_part] = parts.as_slice() else {
            if !self.legacy_signature(token) {
                self.not_jwt(token, parts.len());
            }
            return;
        };
        if token.starts_with('{') {
            self.not_jwt(token, parts.len());
            return;
        }
        let header = self.segment_json(header_part, "header");
        let payload = self.segment_json(payload_part, "payload");
        if let Some(value) = &header {
            self.check_header(value);
        }
        if let Some(value) = &payload {
            self.check_payload(value);
        }
        self.check_sdk_version(payload.as_ref());
        let alg = header
            .as_ref()
            .and_then(|value| value.get("alg"))
            .and_then(Json::as_str)
            .and_then(HmacAlgorithm::from_name);
        self.report.header = header;
        let key = claims::token_key(payload.as_ref());
        self.report.payload = payload;
        let signing_input = token
            .rfind('.')
            .and_then(|dot| token.get(..dot))
            .unwrap_or_default();
        self.check_signature(signing_input, signature_part, alg, key);
    }
}
