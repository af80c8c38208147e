//! `KJUR.jws.JWS.verify`: jsrsasign's checks, in its order, then the MAC.

use super::key::{jsrsasign_base64_decode, node_base64_decode};
use super::{KeyArg, KjurError, mac_key, sans_eval};
use crate::jws::{HmacAlgorithm, constant_time_eq};

/// More algorithm names than `verify` reads from `acceptAlgs`: jsrsasign knows a dozen.
pub const MAX_ACCEPT_ALGS: usize = 1024;

/// `KJUR.jws.JWS.verify(token, key, acceptAlgs)` for the HMAC algorithms. `accepted` is
/// `acceptAlgs.join(":")` when `acceptAlgs` is a non-empty array, else `None`. `Ok(false)` is a
/// token that is not three base64url parts or whose MAC differs; what jsrsasign throws on is an
/// `Err`.
pub fn verify(token: &str, key: &KeyArg, accepted: Option<&str>) -> Result<bool, KjurError> {
    let base64url_dot = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if token.is_empty() || !token.chars().all(base64url_dot) {
        return Ok(false);
    }
    let mut parts = token.split('.');
    let (Some(head), Some(body), Some(mac), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Ok(false);
    };
    // jsrsasign in Node decodes the header with Buffer (lenient base64, U+FFFD for bad UTF-8).
    let header_bytes = node_base64_decode(head);
    let units: Vec<u16> = String::from_utf8_lossy(&header_bytes)
        .encode_utf16()
        .collect();
    let document = sans_eval::parse_object(&units).map_err(|failure| match failure {
        sans_eval::Failure::Throws => KjurError::TokenHeaderNotJson,
        sans_eval::Failure::Unreproducible(reason) => KjurError::HeaderUnreproducible { reason },
        sans_eval::Failure::TooDeep => KjurError::HeaderTooDeep,
        sans_eval::Failure::TooLarge => KjurError::HeaderTooLarge,
    })?;
    let alg = match document.root_member("alg") {
        None => return Err(KjurError::TokenAlgMissing),
        Some(sans_eval::Value::String(name)) => String::from_utf16_lossy(name),
        // jsrsasign calls `alg.substr`, which only strings have.
        Some(other) => {
            return Err(KjurError::UnsupportedAlg {
                alg: document.show(other),
            });
        }
    };
    if let Some(list) = accepted {
        if !format!(":{list}:").contains(&format!(":{alg}:")) {
            return Err(KjurError::AlgNotAccepted { alg });
        }
    }
    if alg != "none" && *key == KeyArg::Null {
        return Err(KjurError::KeyMissing { got: "null" });
    }
    if let KeyArg::Text(units) = key {
        if String::from_utf16_lossy(units).contains("-----BEGIN ") {
            return Err(KjurError::KeyPem);
        }
    }
    let algorithm = HmacAlgorithm::from_name(&alg).ok_or_else(|| KjurError::UnsupportedAlg {
        alg: format!("'{alg}'"),
    })?;
    document.check_critical()?;
    let (key_bytes, _) = mac_key(key)?;
    let signing_input = format!("{head}.{body}");
    let expected = algorithm.mac(&key_bytes, signing_input.as_bytes());
    let mac_units: Vec<u16> = mac.encode_utf16().collect();
    let given = jsrsasign_base64_decode(&mac_units, true);
    if given.len() != expected.len() {
        return Err(KjurError::SignatureLength {
            expected: expected.len(),
            got: given.len(),
        });
    }
    Ok(constant_time_eq(&given, &expected))
}
