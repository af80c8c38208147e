//! The JavaScript boundary: turns JS values into core inputs and core errors into JS `Error`s.
//! Nothing here decides anything; the rules live in the core modules.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;

use crate::error::SignatureError;
use crate::options::InputValue;
use crate::signature::SignatureRequest;

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_TYPES: &str = r#"
/** The SDK key (or Client ID), under either name. */
export type SignatureKey =
  | { sdkKey: string; clientId?: string }
  | { clientId: string; sdkKey?: string };

/** The secret (SDK secret or Client Secret), under either name. */
export type SignatureSecret =
  | { sdkSecret: string; clientSecret?: string }
  | { clientSecret: string; sdkSecret?: string };

/** Options of `generateSignature`. */
export type SignatureOptions = SignatureKey & SignatureSecret & {
  /** The meeting ID, 9 to 11 digits. A string is written as a JSON string, a number as a number. */
  meetingNumber: string | number;
  /** 0 joins as participant, 1 starts as host (with the host's ZAK). */
  role: 0 | 1 | "0" | "1";
  /** Seconds from iat to exp, 1800 to 172800; default 7200. */
  expirationSeconds?: number | string;
  /** Adds the video_webrtc_mode claim (1 asks for WebRTC video); omitted when absent. */
  videoWebRtcMode?: 0 | 1 | "0" | "1";
  /** Issued-at in seconds since the epoch; default: this clock minus 30 s. */
  iat?: number;
};

/** The stable codes a refused `generateSignature` call carries as `error.code`. */
export type SignatureErrorCode =
  | "INVALID_OPTIONS" | "UNKNOWN_OPTION" | "MISSING_OPTION" | "CONFLICTING_OPTIONS"
  | "INVALID_KEY" | "EMPTY_SECRET" | "INVALID_SECRET" | "SECRET_AS_KEY" | "INVALID_MEETING_NUMBER"
  | "INVALID_ROLE" | "INVALID_EXPIRATION" | "INVALID_WEBRTC_MODE" | "INVALID_IAT";

/** What `generateSignature` throws: an `Error` with a stable code and the option concerned. */
export interface SignatureError extends Error {
  name: "ZoomsigError";
  code: SignatureErrorCode;
  field: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The options object, typed by the TypeScript section above.
    #[wasm_bindgen(typescript_type = "SignatureOptions")]
    pub type SignatureOptions;

    // Every call that can run the caller's code (getters, proxy traps, toString) or otherwise
    // throw is imported with `catch`: an exception unwinding through wasm would skip the frames'
    // clean-up and leak what they hold until the module dies. Type probes by `typeof` run none.
    #[wasm_bindgen(js_namespace = Object, js_name = entries, catch)]
    fn object_entries(object: &JsValue) -> Result<Array, JsValue>;

    // Throws for a revoked Proxy.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    pub(crate) fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// Makes a Meeting SDK signature (an HS256 JWT) from the options; throws a `SignatureError`
/// naming the option and the fix when one is wrong.
#[wasm_bindgen(js_name = generateSignature)]
pub fn generate_signature(options: &SignatureOptions) -> Result<String, JsValue> {
    SignatureRequest::from_options(&input_value(options, true))
        .and_then(|request| request.sign(now_seconds()))
        .map_err(|error| to_js_error(&error))
}

/// The digits-only meeting number a pasted value means (`857 4606 5432`, `857-4606-5432`, a join
/// link, or a whole number as Zoom's samples hold it after `parseInt`), or `undefined` when it is
/// not one. Throws a `SignatureError` (`INVALID_MEETING_NUMBER`) for a value that is neither a
/// string nor a number (nor null or undefined).
#[wasm_bindgen(js_name = meetingNumberDigits)]
pub fn meeting_number_digits(
    #[wasm_bindgen(unchecked_param_type = "string | number | null | undefined")] text: &JsValue,
) -> Result<Option<String>, JsValue> {
    crate::signature::meeting_number_digits_of(&input_value(text, false))
        .map_err(|error| to_js_error(&error))
}

fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

fn input_value(value: &JsValue, read_members: bool) -> InputValue {
    // Every probe is a call into JS, and options are mostly strings and numbers: ask for those
    // first (the kinds do not overlap, so the order changes nothing else).
    if let Some(text) = value.as_string() {
        InputValue::String(text)
    } else if let Some(number) = value.as_f64() {
        InputValue::Number(number)
    } else if value.is_undefined() {
        InputValue::Undefined
    } else if value.is_null() {
        InputValue::Null
    } else if let Some(flag) = value.as_bool() {
        InputValue::Bool(flag)
    } else if value.is_object() {
        match is_array(value) {
            Ok(true) => return InputValue::Array,
            Ok(false) => {}
            Err(_) => return InputValue::Unreadable,
        }
        let members = if read_members {
            match object_entries(value) {
                // A fresh array of fresh [name, value] pairs: reading it runs no caller code.
                Ok(entries) => entries.iter().filter_map(|pair| member(&pair)).collect(),
                Err(_) => return InputValue::Unreadable,
            }
        } else {
            Vec::new()
        };
        InputValue::Object(members)
    } else {
        InputValue::Other(value.js_typeof().as_string().unwrap_or_default())
    }
}

/// One `[name, value]` pair of `Object.entries`, which are always two-element arrays.
fn member(pair: &JsValue) -> Option<(String, InputValue)> {
    let pair = pair.unchecked_ref::<Array>();
    let name = pair.get(0).as_string()?;
    Some((name, input_value(&pair.get(1), false)))
}

fn to_js_error(error: &SignatureError) -> JsValue {
    zoomsig_error(error.message(), error.code().as_str(), Some(error.field()))
}

/// The `Error` every refusal throws: name `ZoomsigError`, a stable `code`, and the `field` when
/// one option is concerned.
fn zoomsig_error(message: &str, code: &str, field: Option<&str>) -> JsValue {
    let js_error = js_sys::Error::new(message);
    label_error(&js_error, code, field);
    js_error.into()
}

/// Names a fresh error `ZoomsigError` and gives it its `code` (and `field`).
fn label_error(error: &js_sys::Error, code: &str, field: Option<&str>) {
    error.set_name("ZoomsigError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(error, &"code".into(), &code.into());
    if let Some(field) = field {
        let _ = Reflect::set(error, &"field".into(), &field.into());
    }
}

/// `inspectSignature` and `explainJoinError`: the signature doctor. Left out of the signer-only
/// build (`--no-default-features`), whose module is a quarter of the size.
#[cfg(feature = "doctor")]
mod doctor_boundary {
    use js_sys::{JSON, JsString, Reflect};
    use wasm_bindgen::prelude::*;

    use super::{input_value, label_error, now_seconds};
    use crate::inspect::{MAX_TOKEN_LENGTH, inspect_with_context_input};
    use crate::join_errors::{JoinError, explain_join_error};
    use crate::options::InputValue;

    #[wasm_bindgen(typescript_custom_section)]
    const DOCTOR_TYPESCRIPT_TYPES: &str = r#"
/** What `inspectSignature` is told about the join the token is for. All optional. */
export interface InspectContext {
  /** The secret, to verify the HMAC (also as clientSecret). Never appears in the report. */
  sdkSecret?: string;
  clientSecret?: string;
  /** The key the token should carry (also as clientId). */
  sdkKey?: string;
  clientId?: string;
  /** The meeting number that will be passed to join. */
  meetingNumber?: string | number;
  /** The ZAK that will be passed to join; "" or null when none will be. */
  zak?: string | null;
  /** Seconds since the epoch to judge times by; default this clock. */
  now?: number;
}

/** The stable codes of inspection findings. */
export type FindingCode =
  | "TOKEN_EMPTY"
  | "TOKEN_TOO_LONG"
  | "TOKEN_NOT_TRIMMED"
  | "TOKEN_NOT_JWT"
  | "BASE64_PADDING"
  | "BASE64_ALPHABET"
  | "SEGMENT_NOT_BASE64"
  | "HEADER_NOT_JSON"
  | "PAYLOAD_NOT_JSON"
  | "ALG_NOT_HS256"
  | "TYP_NOT_JWT"
  | "VIDEO_SDK_TOKEN"
  | "REST_API_JWT"
  | "KEY_MISSING"
  | "KEY_NOT_STRING"
  | "APPKEY_MISSING"
  | "KEY_MISMATCH"
  | "KEY_NOT_EXPECTED"
  | "SECRET_IN_TOKEN"
  | "MN_MISSING"
  | "MN_NOT_DIGITS"
  | "MN_LENGTH"
  | "MN_MISMATCH"
  | "ROLE_MISSING"
  | "ROLE_INVALID"
  | "ROLE_HOST_WITHOUT_ZAK"
  | "IAT_MISSING"
  | "EXP_MISSING"
  | "TIME_NOT_INTEGER"
  | "TIME_IN_MILLISECONDS"
  | "IAT_IN_FUTURE"
  | "EXPIRED"
  | "EXPIRES_SOON"
  | "EXP_TOO_SHORT"
  | "EXP_TOO_LONG"
  | "TOKEN_EXP_MISSING"
  | "TOKEN_EXP_TOO_SHORT"
  | "WEBRTC_MODE_INVALID"
  | "UNKNOWN_CLAIM"
  | "SIGNATURE_EMPTY"
  | "SIGNATURE_VERIFIED"
  | "SIGNATURE_MISMATCH"
  | "SECRET_IS_KEY"
  | "SECRET_HEX_DECODED"
  | "SECRET_WHITESPACE"
  | "CONTEXT_INVALID";

/** One problem (or fact) found in a token. */
export interface Finding {
  code: FindingCode;
  severity: "error" | "warning" | "info";
  /** The claim or part concerned (mn, exp, header, signature...), when there is one. */
  field?: string;
  message: string;
  fix: string;
  /** Zoom join error codes this finding typically leads to. */
  zoomErrors: number[];
}

/** What `inspectSignature` found. */
export interface InspectReport {
  /** True when no finding has severity "error". */
  ok: boolean;
  kind: "meeting-sdk" | "video-sdk" | "rest-api-jwt" | "unknown";
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  /** Whether the HMAC matches the secret given; null when no secret was given. */
  signatureVerified: boolean | null;
  issuedAt: number | null;
  expiresAt: number | null;
  findings: Finding[];
}

/** What the SDK's join reported: a code, a message, its error object, or a thrown Error. */
export type SdkJoinError =
  | number
  | string
  | Error
  | { errorCode?: number; reason?: string; errorMessage?: string; result?: string | null; type?: string };

/** What `explainJoinError` returns. */
export interface JoinErrorExplanation {
  code: number | null;
  name: string;
  meaning: string;
  signatureRelated: boolean;
  causes: string[];
  fixes: string[];
}
"#;

    #[wasm_bindgen]
    extern "C" {
        /// The inspection context, typed by the TypeScript section above.
        #[wasm_bindgen(typescript_type = "InspectContext")]
        pub type InspectContextObject;

        /// A report, typed by the TypeScript section above.
        #[wasm_bindgen(typescript_type = "InspectReport")]
        pub type InspectReportObject;

        /// A join error as the SDK gives it.
        #[wasm_bindgen(typescript_type = "SdkJoinError")]
        pub type SdkJoinError;

        /// An explanation, typed by the TypeScript section above.
        #[wasm_bindgen(typescript_type = "JoinErrorExplanation")]
        pub type JoinErrorExplanationObject;
    }

    /// Says everything that can be known offline about why Zoom would refuse `token`. Never throws
    /// for a string (a non-string is a `TypeError`).
    #[wasm_bindgen(js_name = inspectSignature)]
    pub fn inspect_signature(
        #[wasm_bindgen(unchecked_param_type = "string")] token: &JsValue,
        context: Option<InspectContextObject>,
    ) -> Result<InspectReportObject, JsValue> {
        let Some(text) = token.dyn_ref::<JsString>() else {
            let message = format!(
                "inspectSignature takes the signature as a string; got {}.",
                input_value(token, false).describe()
            );
            let error = js_sys::TypeError::new(&message);
            label_error(&error, "TOKEN_NOT_STRING", None);
            return Err(error.into());
        };
        // Past the longest token the doctor decodes, only the length matters: copy no more.
        let limit = u32::try_from(MAX_TOKEN_LENGTH).unwrap_or(u32::MAX);
        let token = if text.length() > limit {
            String::from(text.slice(0, limit + 1))
        } else {
            String::from(text)
        };
        let context = context.map_or(InputValue::Undefined, |c| input_value(&c, true));
        let report = inspect_with_context_input(&token, &context, now_seconds());
        Ok(JSON::parse(&report.to_json())?.unchecked_into())
    }

    /// Explains an error from the SDK's `join`: a code, or the error object or exception it gave.
    #[wasm_bindgen(js_name = explainJoinError)]
    pub fn explain_join_error_js(
        error: &SdkJoinError,
    ) -> Result<JoinErrorExplanationObject, JsValue> {
        let explanation = explain_join_error(&JoinError::from_input(&join_error_input(error)));
        Ok(JSON::parse(&explanation.to_json())?.unchecked_into())
    }

    /// An SDK error object's members that explaining reads, by name: an `Error`'s `message` and
    /// `name` are not enumerable, so `Object.entries` would miss them.
    fn join_error_input(error: &JsValue) -> InputValue {
        if !error.is_object() {
            return input_value(error, false);
        }
        let members = [
            "errorCode",
            "code",
            "reason",
            "errorMessage",
            "result",
            "message",
            "type",
            "name",
        ]
        .iter()
        .filter_map(|name| {
            let value = Reflect::get(error, &JsValue::from_str(name)).ok()?;
            Some((name.to_string(), input_value(&value, false)))
        })
        .collect();
        InputValue::Object(members)
    }
}

#[cfg(feature = "doctor")]
pub use doctor_boundary::{
    InspectContextObject, InspectReportObject, JoinErrorExplanationObject, SdkJoinError,
    explain_join_error_js, inspect_signature,
};

/// `KJUR.jws.JWS.sign` and `verify` as jsrsasign has them, exported under that namespace so that
/// `import { KJUR } from 'zoomsig'` and the classic build's `zoomsig.KJUR` replace jsrsasign's.
/// The rules are in `crate::kjur`; this only sorts JS values into its inputs.
#[cfg(feature = "kjur")]
mod kjur_boundary {
    use js_sys::{JSON, JsString, Reflect};
    use wasm_bindgen::prelude::*;

    use super::{input_value, is_array, zoomsig_error};
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
  | "HEADER_TYPE" | "HEADER_NOT_JSON" | "HEADER_UNREPRODUCIBLE" | "HEADER_TOO_DEEP" | "HEADER_OBJECT"
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

    #[wasm_bindgen]
    extern "C" {
        // A page may have replaced console.warn with something that throws.
        #[wasm_bindgen(js_namespace = console, js_name = warn, catch)]
        fn console_warn(message: &str) -> Result<(), JsValue>;

        // `Array.prototype.join.call(list, separator)`: items are converted with their toString,
        // which may throw.
        #[wasm_bindgen(js_namespace = ["Array", "prototype", "join"], js_name = call, catch)]
        fn join_items(list: &JsValue, separator: &str) -> Result<JsString, JsValue>;
    }

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
        let signed = kjur::sign(&alg, header, &payload_arg(payload), &key_arg(key))
            .map_err(|error| to_js_error("KJUR.jws.JWS.sign", &error))?;
        if let Some(warning) = signed.warning {
            // The token is made; a console that throws only loses the warning.
            let _ = console_warn(warning.message());
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
        let Some(token) = token.as_string() else {
            let error = KjurError::TokenType {
                got: describe(token),
            };
            return Err(to_js_error("KJUR.jws.JWS.verify", &error));
        };
        accepted_algs(accept_algs)
            .and_then(|accepted| kjur::verify(&token, &key_arg(key), accepted.as_deref()))
            .map_err(|error| to_js_error("KJUR.jws.JWS.verify", &error))
    }

    /// `acceptAlgs.join(":")` for a non-empty array, as jsrsasign reads it; `None` otherwise.
    fn accepted_algs(accept_algs: &JsValue) -> Result<Option<String>, KjurError> {
        let unreadable = |detail: String| KjurError::AcceptAlgs { detail };
        match is_array(accept_algs) {
            Ok(true) => {}
            Ok(false) => return Ok(None),
            Err(error) => return Err(unreadable(threw(&error))),
        }
        let length = Reflect::get(accept_algs, &"length".into())
            .map_err(|error| unreadable(threw(&error)))?
            .as_f64()
            .unwrap_or(0.0);
        if length < 1.0 {
            return Ok(None);
        }
        if length > kjur::MAX_ACCEPT_ALGS as f64 {
            return Err(unreadable(format!(
                "it has {length} items; give the few algorithms you accept, e.g. ['HS256']"
            )));
        }
        join_items(accept_algs, ":")
            .map(|joined| Some(String::from(joined)))
            .map_err(|error| unreadable(threw(&error)))
    }

    fn threw(error: &JsValue) -> String {
        format!("reading it threw: {}", error_text(error))
    }

    fn absent(value: &JsValue) -> bool {
        value.is_undefined() || value.is_null()
    }

    fn describe(value: &JsValue) -> String {
        input_value(value, false).describe()
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
        match Reflect::get(key, &JsValue::from_str(name)) {
            Ok(value) if value.is_undefined() => KeyMember::Absent,
            Ok(value) => {
                utf16(&value).map_or_else(|| KeyMember::Other(describe(&value)), KeyMember::Text)
            }
            Err(_) => KeyMember::Other("a getter that threw".into()),
        }
    }

    fn stringify(value: &JsValue) -> Result<String, String> {
        match JSON::stringify(value) {
            Ok(text) => text
                .as_string()
                .ok_or_else(|| "JSON.stringify gives undefined for it".into()),
            Err(error) => Err(error_text(&error)),
        }
    }

    /// What a thrown value says: its `message`, or itself when it is a string. Read without
    /// `instanceof` or getters that could throw again (a revoked Proxy can be thrown too).
    fn error_text(error: &JsValue) -> String {
        let message = if error.is_object() {
            Reflect::get(error, &"message".into()).ok()
        } else {
            None
        };
        message
            .and_then(|message| message.as_string())
            .or_else(|| error.as_string())
            .map(|text| crate::options::shortened(&text, 300))
            .unwrap_or_else(|| "it threw".into())
    }

    /// A header object, read and written through JavaScript as jsrsasign does.
    struct JsHeader<'a>(&'a JsValue);

    impl HeaderObject for JsHeader<'_> {
        fn stringify(&mut self) -> Result<String, String> {
            stringify(self.0)
        }

        fn alg(&mut self) -> Result<AlgMember, String> {
            let value = Reflect::get(self.0, &"alg".into()).map_err(|e| error_text(&e))?;
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
            Reflect::set(self.0, &"alg".into(), &alg.into())
                .map(|_| ())
                .map_err(|e| error_text(&e))
        }
    }

    /// The property key JavaScript converts `value` to (`["HS256"]` gives `"HS256"`), by using
    /// it as one; `None` when converting throws or gives a symbol.
    fn property_key(value: &JsValue) -> Option<String> {
        let holder = js_sys::Object::new();
        Reflect::set(&holder, value, &JsValue::TRUE).ok()?;
        js_sys::Object::keys(&holder).get(0).as_string()
    }

    fn to_js_error(function: &str, error: &KjurError) -> JsValue {
        zoomsig_error(&format!("{function}: {error}"), error.code(), None)
    }
}

#[cfg(feature = "kjur")]
pub use kjur_boundary::{kjur_sign, kjur_verify};
