//! The JavaScript boundary: turns JS values into core inputs and core errors into JS `Error`s.
//! Nothing here decides anything; the rules live in the core modules.

use js_sys::{Array, JSON, Reflect};
use wasm_bindgen::prelude::*;

use crate::error::SignatureError;
use crate::inspect::inspect_with_context_input;
use crate::join_errors::{JoinError, explain_join_error};
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
    /// The options object, typed by the TypeScript section above.
    #[wasm_bindgen(typescript_type = "SignatureOptions")]
    pub type SignatureOptions;

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

    // Reading properties runs getters and proxy traps, which may throw: catch rather than unwind.
    #[wasm_bindgen(js_namespace = Object, js_name = entries, catch)]
    fn object_entries(object: &JsValue) -> Result<Array, JsValue>;
}

/// Makes a Meeting SDK signature (an HS256 JWT) from the options; throws a `SignatureError`
/// naming the option and the fix when one is wrong.
#[wasm_bindgen(js_name = generateSignature)]
pub fn generate_signature(options: &SignatureOptions) -> Result<String, JsValue> {
    SignatureRequest::from_options(&input_value(options, true))
        .and_then(|request| request.sign(now_seconds()))
        .map_err(|error| to_js_error(&error))
}

/// Says everything that can be known offline about why Zoom would refuse `token`. Never throws
/// for a string (a non-string is a `TypeError`).
#[wasm_bindgen(js_name = inspectSignature)]
pub fn inspect_signature(
    #[wasm_bindgen(unchecked_param_type = "string")] token: &JsValue,
    context: Option<InspectContextObject>,
) -> Result<InspectReportObject, JsValue> {
    let Some(token) = token.as_string() else {
        let message = format!(
            "inspectSignature takes the signature as a string; got {}.",
            input_value(token, false).describe()
        );
        return Err(js_sys::TypeError::new(&message).into());
    };
    let context = context.map_or(InputValue::Undefined, |c| input_value(&c, true));
    let report = inspect_with_context_input(&token, &context, now_seconds());
    Ok(JSON::parse(&report.to_json())?.unchecked_into())
}

/// Explains an error from the SDK's `join`: a code, or the error object or exception it gave.
#[wasm_bindgen(js_name = explainJoinError)]
pub fn explain_join_error_js(error: &SdkJoinError) -> Result<JoinErrorExplanationObject, JsValue> {
    let explanation = explain_join_error(&JoinError::from_input(&join_error_input(error)));
    Ok(JSON::parse(&explanation.to_json())?.unchecked_into())
}

/// The digits-only meeting number a pasted value means (`857 4606 5432`, `857-4606-5432`, a join
/// link), or `undefined` when it is not one.
#[wasm_bindgen(js_name = meetingNumberDigits)]
pub fn meeting_number_digits(text: &str) -> Option<String> {
    crate::signature::meeting_number_digits(text)
}

fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
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
