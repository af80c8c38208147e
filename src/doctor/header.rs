//! The header: HS256, typ JWT.

use super::claims::describe_claim;
use super::json::Json;
use super::{Doctor, FindingCode, Severity};

impl Doctor<'_> {
    pub(super) fn check_header(&mut self, header: &Json) {
        match header.get("alg") {
            Some(Json::String(alg)) if alg == "HS256" => {}
            other => self.add(
                FindingCode::AlgNotHs256,
                Severity::Error,
                Some("alg"),
                format!(
                    "The header's alg is {}, but Zoom signatures are HS256.",
                    describe_claim(other)
                ),
                "Sign with HMAC SHA-256 and the header {\"alg\":\"HS256\",\"typ\":\"JWT\"}.",
                &[3712],
            ),
        }
        match header.get("typ") {
            Some(Json::String(typ)) if typ == "JWT" => {}
            other => self.add(
                FindingCode::TypNotJwt,
                Severity::Warning,
                Some("typ"),
                format!(
                    "The header's typ is {}, not \"JWT\".",
                    describe_claim(other)
                ),
                "Use the header {\"alg\":\"HS256\",\"typ\":\"JWT\"}, as every Zoom sample does.",
                &[],
            ),
        }
    }
}
