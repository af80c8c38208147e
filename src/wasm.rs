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
  | "INVALID_KEY" | "EMPTY_SECRET" | "INVALID_SECRET" | "INVALID_MEETING_NUMBER"
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

    // Reading properties runs getters and proxy traps, which may throw: catch rather than unwind.
    #[wasm_bindgen(js_namespace = Object, js_name = entries, catch)]
    fn object_entries(object: &JsValue) -> Result<Array, JsValue>;
}

/// Makes a Meeting SDK signature (an HS256 JWT) from the options; throws a `SignatureError`
/// naming the option and the fix when one is wrong.
#[wasm_bindgen(js_name = generateSignature)]
pub fn generate_signature(options: &SignatureOptions) -> Result<String, JsValue> {
    let now = (js_sys::Date::now() / 1000.0).floor() as i64;
    SignatureRequest::from_options(&input_value(options, true))
        .and_then(|request| request.sign(now))
        .map_err(|error| to_js_error(&error))
}

fn input_value(value: &JsValue, read_members: bool) -> InputValue {
    if value.is_undefined() {
        InputValue::Undefined
    } else if value.is_null() {
        InputValue::Null
    } else if let Some(flag) = value.as_bool() {
        InputValue::Bool(flag)
    } else if let Some(number) = value.as_f64() {
        InputValue::Number(number)
    } else if let Some(text) = value.as_string() {
        InputValue::String(text)
    } else if Array::is_array(value) {
        InputValue::Array
    } else if value.is_object() {
        let members = if read_members {
            match object_entries(value) {
                Ok(entries) => entries.iter().filter_map(|pair| member(&pair)).collect(),
                Err(_) => {
                    return InputValue::Other("object whose properties cannot be read".into());
                }
            }
        } else {
            Vec::new()
        };
        InputValue::Object(members)
    } else {
        InputValue::Other(value.js_typeof().as_string().unwrap_or_default())
    }
}

fn member(pair: &JsValue) -> Option<(String, InputValue)> {
    let pair = pair.dyn_ref::<Array>()?;
    let name = pair.get(0).as_string()?;
    Some((name, input_value(&pair.get(1), false)))
}

fn to_js_error(error: &SignatureError) -> JsValue {
    let js_error = js_sys::Error::new(error.message());
    js_error.set_name("ZoomsigError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&js_error, &"code".into(), &error.code().as_str().into());
    let _ = Reflect::set(&js_error, &"field".into(), &error.field().into());
    js_error.into()
}
