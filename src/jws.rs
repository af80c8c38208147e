//! The JWS compact layer: base64url segments and the HMAC over them (RFC 7515).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};

/// The HMAC algorithms a JWS header can name and this crate can compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HmacAlgorithm {
    /// HMAC with SHA-256, the only one Zoom accepts.
    Hs256,
    /// HMAC with SHA-384.
    Hs384,
    /// HMAC with SHA-512.
    Hs512,
}

impl HmacAlgorithm {
    /// Parses a JWS `alg` name (`HS256`, `HS384`, `HS512`), exactly as spelled.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "HS256" => Some(Self::Hs256),
            "HS384" => Some(Self::Hs384),
            "HS512" => Some(Self::Hs512),
            _ => None,
        }
    }

    /// The JWS `alg` name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Hs256 => "HS256",
            Self::Hs384 => "HS384",
            Self::Hs512 => "HS512",
        }
    }

    /// The MAC of `message` under `key`.
    pub fn mac(self, key: &[u8], message: &[u8]) -> Vec<u8> {
        fn run<M: Mac + KeyInit>(key: &[u8], message: &[u8]) -> Vec<u8> {
            // HMAC takes keys of any length, so this cannot fail.
            let mut mac = <M as KeyInit>::new_from_slice(key).expect("HMAC accepts any key length");
            mac.update(message);
            mac.finalize().into_bytes().to_vec()
        }
        match self {
            Self::Hs256 => run::<Hmac<Sha256>>(key, message),
            Self::Hs384 => run::<Hmac<Sha384>>(key, message),
            Self::Hs512 => run::<Hmac<Sha512>>(key, message),
        }
    }
}

/// `bytes` as base64url without padding, as every JWS segment is written.
pub fn base64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes unpadded base64url strictly (RFC 4648 section 5): the 64 symbols only, no `=`, and
/// the unused bits of a last partial group zero, so each byte string has one spelling.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

/// Builds `base64url(header).base64url(payload).base64url(mac)` from the exact header and payload
/// text: the bytes signed are the text given, so the caller decides the JSON spelling.
pub fn sign_compact(algorithm: HmacAlgorithm, header: &str, payload: &str, key: &[u8]) -> String {
    let mut token = String::with_capacity((header.len() + payload.len()) * 4 / 3 + 92);
    URL_SAFE_NO_PAD.encode_string(header, &mut token);
    token.push('.');
    URL_SAFE_NO_PAD.encode_string(payload, &mut token);
    let mac = algorithm.mac(key, token.as_bytes());
    token.push('.');
    URL_SAFE_NO_PAD.encode_string(mac, &mut token);
    token
}

/// Compares two byte strings in time that depends only on their lengths, so a caller that checks
/// a MAC does not reveal how much of it matched.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
