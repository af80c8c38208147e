//! The JWS layer against standard vectors (RFC 7515, RFC 4231), kept as data files.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::indexing_slicing)]
mod common;

use base64::Engine as _;
use zoomsig::jws::{HmacAlgorithm, constant_time_eq, sign_compact};

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

#[test]
fn rfc7515_vectors() {
    let vectors = common::data("jws-vectors.json");
    for vector in vectors.as_array().expect("list") {
        let key = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(vector["key_base64url"].as_str().expect("key"))
            .expect("base64url key");
        let algorithm =
            HmacAlgorithm::from_name(vector["alg"].as_str().expect("alg")).expect("HS*");
        let token = sign_compact(
            algorithm,
            vector["header"].as_str().expect("header"),
            vector["payload"].as_str().expect("payload"),
            &key,
        );
        assert_eq!(
            token,
            vector["token"].as_str().expect("token"),
            "{}",
            vector["source"]
        );
    }
}

#[test]
fn rfc4231_vectors() {
    let vectors = common::data("hmac-vectors.json");
    for vector in vectors.as_array().expect("list") {
        let key = hex(vector["key_hex"].as_str().expect("key"));
        let data = hex(vector["data_hex"].as_str().expect("data"));
        for name in ["HS256", "HS384", "HS512"] {
            let algorithm = HmacAlgorithm::from_name(name).expect("HS*");
            assert_eq!(algorithm.name(), name);
            let expected = hex(vector[name].as_str().expect("mac"));
            assert_eq!(
                algorithm.mac(&key, &data),
                expected,
                "{} {name}",
                vector["source"]
            );
        }
    }
}

#[test]
fn unknown_algorithms_are_not_parsed() {
    for name in ["hs256", "RS256", "none", "", "HS 256"] {
        assert_eq!(HmacAlgorithm::from_name(name), None, "{name}");
    }
}

#[test]
fn constant_time_eq_compares_whole_strings() {
    assert!(constant_time_eq(b"abc", b"abc"));
    assert!(!constant_time_eq(b"abc", b"abd"));
    assert!(!constant_time_eq(b"abc", b"ab"));
    assert!(constant_time_eq(b"", b""));
}
