//! `KJUR.jws.JWS.sign` and `verify` as jsrsasign has them, exported under that namespace so that
//! `import { KJUR } from 'zoomsig'` and the classic build's `zoomsig.KJUR` replace jsrsasign's.
//! The rules are in `crate::kjur`; this only sorts JS values into its inputs. Keys, headers and
//! `acceptAlgs` are read here call by call rather than through serde: jsrsasign reads strings as
//! UTF-16 code units (lone surrogates included), which serde's strings cannot hold, and reads a
//! header object's `alg` and writes it back as JavaScript does.

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use super::{
    Thrown, is_array, joined, kind_of, property_key, read_member, stringified, warn, write_member,
    zoomsig_error,
};
use crate::kjur::{
    self, AlgArg, AlgMember, HeaderArg, HeaderObject, KeyArg, KeyMember, KeyObject, KjurError,
    PayloadArg,
};

#[wasm_bindgen(typescript_custom_section)]
const KJUR_TYPESCRIPT_TYPES: &str = r#"
/**
 * A key as jsrsasign's `KJUR.crypto.Mac` reads it: a string (an even-length all-hex string is
 * hex-decoded; anything else gives the low byte of each UTF-16 unit), or one of its object forms.
 * Zoom verifies with the UTF-8 bytes of the secret, which is `{ utf8: secret }`.
 */
export type KjurKey =
  | string
  | { utf8: string }
  | { hex: string }
  | { b64: string }
  | { b64u: string }
  | { rstr: string };

/** The algorithms `KJUR.jws.JWS.sign` and `verify` take here (Zoom's is HS256). */
export type KjurAlg = "HS256" | "HS384" | "HS512";

/** The stable codes a refused `KJUR.jws.JWS.sign` or `verify` carries as `error.code`. */
export type KjurErrorCode =
  | "ALG_TYPE" | "ALG_MISSING" | "ALG_MISMATCH" | "UNSUPPORTED_ALG"
  | "HEADER_TYPE" | "HEADER_NOT_JSON" | "HEADER_UNREPRODUCIBLE" | "HEADER_TOO_DEEP" | "HEADER_TOO_LARGE" | "HEADER_OBJECT"
  | "PAYLOAD_TYPE" | "PAYLOAD_OBJECT"
  | "KEY_MISSING" | "KEY_TYPE" | "KEY_NO_FORM" | "KEY_BAD_HEX" | "KEY_MEMBER_TYPE"
  | "KEY_LONE_SURROGATE" | "KEY_PEM"
  | "TOKEN_TYPE" | "TOKEN_HEADER_NOT_JSON" | "TOKEN_ALG_MISSING" | "ACCEPT_ALGS" | "ALG_NOT_ACCEPTED"
  | "CRITICAL_HEADER" | "SIGNATURE_LENGTH";

/** What `KJUR.jws.JWS.sign` and `verify` throw where jsrsasign throws. */
export interface KjurError extends Error {
  name: "ZoomsigError";
  code: KjurErrorCode;
}
"#;
/// `KJUR.jws.JWS.sign(alg, header, payload, key)`: exactly the token jsrsasign 11 makes, for
/// HS256, HS384 and HS512. A header or payload string is signed as given (a header without
/// `alg` gets one, as jsrsasign does); an object is serialised as `JSON.stringify` does. Logs a
/// `console.warn` when a string secret is read in a way Zoom does not verify (all-hex, or
/// beyond ASCII). Throws a `KjurError` where jsrsasign throws, and for other algorithms.
#[wasm_bindgen(js_namespace = ["KJUR", "jws", "JWS"], js_name = sign)]
pub fn kjur_sign(
    #[wasm_bindgen(unchecked_param_type = "KjurAlg | null | undefined")] alg: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | object")] header: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | object")] payload: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "KjurKey")] key: &JsValue,
) -> Result<String, JsValue> {
    let alg = if absent(alg) {
        AlgArg::Absent
    } else {
        alg.as_string()
            .map_or_else(|| AlgArg::Other(describe(alg)), AlgArg::Name)
    };
    let mut object = JsHeader(header);
    let header = if let Some(units) = utf16(header) {
        HeaderArg::Text(units)
    } else if header.is_object() {
        HeaderArg::Object(&mut object)
    } else {
        HeaderArg::Other(describe(header))
    };
    let key = key_arg(key);
    let signed = kjur::sign(&alg, header, &payload_arg(payload), &key)
        .map_err(|error| to_js_error("KJUR.jws.JWS.sign", &error, &key))?;
    if let Some(warning) = signed.warning {
        warn(warning.message());
    }
    Ok(signed.token)
}

/// `KJUR.jws.JWS.verify(token, key, acceptAlgs)` with jsrsasign's semantics for HS256, HS384
/// and HS512: `false` for a token that is not three base64url parts or whose MAC differs; a
/// `KjurError` where jsrsasign throws (no `alg`, an `alg` not in `acceptAlgs`, a MAC of the
/// wrong length, a bad key).
#[wasm_bindgen(js_namespace = ["KJUR", "jws", "JWS"], js_name = verify)]
pub fn kjur_verify(
    #[wasm_bindgen(unchecked_param_type = "string")] token: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "KjurKey")] key: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[] | null | undefined")] accept_algs: &JsValue,
) -> Result<bool, JsValue> {
    let key = key_arg(key);
    let Some(token) = token.as_string() else {
        let error = KjurError::TokenType {
            got: describe(token),
        };
        return Err(to_js_error("KJUR.jws.JWS.verify", &error, &key));
    };
    accepted_algs(accept_algs)
        .and_then(|accepted| kjur::verify(&token, &key, accepted.as_deref()))
        .map_err(|error| to_js_error("KJUR.jws.JWS.verify", &error, &key))
}

/// `acceptAlgs.join(":")` for a non-empty array, as jsrsasign reads it; `None` otherwise.
fn accepted_algs(accept_algs: &JsValue) -> Result<Option<String>, KjurError> {
    let unreadable = |detail: String| KjurError::AcceptAlgs { detail };
    match is_array(accept_algs) {
        Ok(true) => {}
        Ok(false) => return Ok(None),
        Err(error) => return Err(unreadable(threw(&error))),
    }
    let length = read_member(accept_algs, "length")
        .map_err(|error| unreadable(threw(&error)))?
        .as_f64()
        .unwrap_or(0.0);
    if length < 1.0 {
        return Ok(None);
    }
    if length > kjur::MAX_ACCEPT_ALGS as f64 {
        return Err(unreadable(format!(
            "it has {} items; give the few algorithms you accept, e.g. ['HS256']",
            length as u64
        )));
    }
    joined(accept_algs, ":")
        .map(|joined| joined.as_string())
        .map_err(|error| unreadable(threw(&error)))
}

fn threw(error: &Thrown) -> String {
    format!("reading it threw: {}", error_text(error))
}

fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

fn describe(value: &JsValue) -> String {
    kind_of(value).describe()
}

/// A JS string's UTF-16 code units, lone surrogates kept.
fn utf16(value: &JsValue) -> Option<Vec<u16>> {
    let text = value.dyn_ref::<JsString>()?;
    Some(if text.is_valid_utf16() {
        String::from(text).encode_utf16().collect()
    } else {
        text.iter().collect()
    })
}

fn payload_arg(payload: &JsValue) -> PayloadArg {
    if let Some(text) = payload.as_string() {
        PayloadArg::Text(text)
    } else if payload.is_object() || payload.is_null() {
        match stringify(payload) {
            Ok(text) => PayloadArg::Text(text),
            Err(detail) => PayloadArg::NotSerialisable(detail),
        }
    } else {
        PayloadArg::Other(describe(payload))
    }
}

fn key_arg(key: &JsValue) -> KeyArg {
    if key.is_undefined() {
        KeyArg::Undefined
    } else if key.is_null() {
        KeyArg::Null
    } else if let Some(units) = utf16(key) {
        KeyArg::Text(units)
    } else if key.is_object() {
        KeyArg::Object(KeyObject {
            hex: key_member(key, "hex"),
            utf8: key_member(key, "utf8"),
            rstr: key_member(key, "rstr"),
            b64: key_member(key, "b64"),
            b64u: key_member(key, "b64u"),
        })
    } else {
        KeyArg::Other(describe(key))
    }
}

fn key_member(key: &JsValue, name: &str) -> KeyMember {
    match read_member(key, name) {
        Ok(value) if value.is_undefined() => KeyMember::Absent,
        Ok(value) => {
            utf16(&value).map_or_else(|| KeyMember::Other(describe(&value)), KeyMember::Text)
        }
        Err(_) => KeyMember::Other("a getter that threw".into()),
    }
}

fn stringify(value: &JsValue) -> Result<String, String> {
    match stringified(value) {
        Ok(text) => text
            .as_string()
            .ok_or_else(|| "JSON.stringify gives undefined for it".into()),
        Err(error) => Err(error_text(&error)),
    }
}

/// What the caller's code said when it threw, shortened.
fn error_text(error: &Thrown) -> String {
    error
        .as_deref()
        .map(|text| crate::spelling::shortened(text, 300))
        .unwrap_or_else(|| "it threw".into())
}

/// A header object, read and written through JavaScript as jsrsasign does.
struct JsHeader<'a>(&'a JsValue);

impl HeaderObject for JsHeader<'_> {
    fn stringify(&mut self) -> Result<String, String> {
        stringify(self.0)
    }

    fn alg(&mut self) -> Result<AlgMember, String> {
        let value = read_member(self.0, "alg").map_err(|e| error_text(&e))?;
        Ok(if value.is_undefined() {
            AlgMember::Undefined
        } else if let Some(name) = value.as_string() {
            AlgMember::String(name)
        } else {
            AlgMember::Other {
                key: property_key(&value),
                shown: describe(&value),
            }
        })
    }

    fn set_alg(&mut self, alg: &str) -> Result<(), String> {
        write_member(self.0, "alg", &alg.into()).map_err(|e| error_text(&e))
    }
}

/// The refusal as a `ZoomsigError`. The key is never shown: a message that quotes what the
/// caller gave (an `alg` that is the secret, when it is passed first by mistake; what a getter
/// threw) has each of the key's texts replaced.
fn to_js_error(function: &str, error: &KjurError, key: &KeyArg) -> JsValue {
    let mut message = format!("{function}: {error}");
    for secret in key_texts(key) {
        if let Some(shown) = crate::secrecy::redacted(&message, &secret, "[the key]") {
            message = shown;
        }
    }
    zoomsig_error(&message, error.code(), None)
}

/// Each text a key was given as (a string, or the members of its object form).
fn key_texts(key: &KeyArg) -> Vec<String> {
    let text = |units: &[u16]| String::from_utf16_lossy(units);
    match key {
        KeyArg::Text(units) => vec![text(units)],
        KeyArg::Object(object) => [
            &object.hex,
            &object.utf8,
            &object.rstr,
            &object.b64,
            &object.b64u,
        ]
        .into_iter()
        .filter_map(|member| match member {
            KeyMember::Text(units) => Some(text(units)),
            _ => None,
        })
        .collect(),
        _ => Vec::new(),
    }
}
