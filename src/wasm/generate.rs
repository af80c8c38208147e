//! `generateSignature` and `meetingNumberDigits`: the exports of every build, the signer-only
//! one included.

use wasm_bindgen::prelude::*;

use super::{kind_of, now_seconds, read_value, zoomsig_error};
use crate::error::SignatureError;
use crate::meeting::{SignatureRequest, meeting_number_digits_of};

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
  /**
   * Whether the payload carries sdkKey besides appKey, as Zoom's sample does (default true, so the
   * token is the sample's byte for byte). false leaves it out: Web SDK 5.0.0 and later then log
   * no "sdkKey will be deprecated" warning; SDKs before 4.0.0 need it.
   */
  includeSdkKey?: boolean;
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
}

/// Makes a Meeting SDK signature (an HS256 JWT) from the options; throws a `SignatureError`
/// naming the option and the fix when one is wrong.
#[wasm_bindgen(js_name = generateSignature)]
pub fn generate_signature(options: &SignatureOptions) -> Result<String, JsValue> {
    SignatureRequest::from_options(&read_value(options))
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
    meeting_number_digits_of(&kind_of(text)).map_err(|error| to_js_error(&error))
}

fn to_js_error(error: &SignatureError) -> JsValue {
    zoomsig_error(error.message(), error.code().as_str(), Some(error.field()))
}
