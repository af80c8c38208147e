//! `generateSignature`, `generateVideoToken` and `meetingNumberDigits`: the exports of every
//! build, the signer-only one included.

use wasm_bindgen::prelude::*;

use super::{kind_of, now_seconds, read_value, read_value_with_arrays, zoomsig_error};
use crate::error::SignatureError;
use crate::meeting::{SignatureRequest, meeting_number_digits_of};
use crate::video::VideoTokenRequest;

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_TYPES: &str = r#"
/**
 * The valid values first; the `& {}` members widen the type to any number or string, so that a
 * class field an app declares as `role = 0` (a `number`) compiles. Other values are refused at
 * run time with a typed error.
 */
export type Choice<Valid> = Valid | (number & {}) | (string & {});

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
  role: Choice<0 | 1 | "0" | "1">;
  /** Seconds from iat to exp, 1800 to 172800; default 7200. */
  expirationSeconds?: number | string;
  /** Adds the video_webrtc_mode claim (1 asks for WebRTC video); omitted when absent. */
  videoWebRtcMode?: Choice<0 | 1 | "0" | "1">;
  /** Issued-at in seconds since the epoch; default: this clock minus 30 s. */
  iat?: number;
  /**
   * Whether the payload carries sdkKey besides appKey, as Zoom's sample does (default true, so the
   * token is the sample's byte for byte). false leaves it out: Web SDK 5.0.0 and later then log
   * no "sdkKey will be deprecated" warning; SDKs before 4.0.0 need it.
   */
  includeSdkKey?: boolean;
};

/** Zoom's data-center region codes. */
export type GeoRegion = "AU" | "BR" | "CA" | "CN" | "DE" | "HK" | "IN" | "JP" | "MX" | "NL" | "SG" | "US";

/** Options of `generateVideoToken`: a Zoom Video SDK token, as Zoom's videosdk-auth-endpoint-sample makes it. */
export interface VideoTokenOptions {
  /** The Video SDK key. */
  sdkKey: string;
  /** The Video SDK secret. */
  sdkSecret: string;
  /** The session name, 1 to 200 characters: the same one `client.join` gets. Written as tpc. */
  topic: string;
  /** 1: host (or co-host); 0: participant. Written as the number role_type. */
  role: Choice<0 | 1 | "0" | "1">;
  /** Seconds from iat to exp, 1800 to 172800; default 7200. */
  expirationSeconds?: number | string;
  /** Issued-at in seconds since the epoch; default: this clock minus 30 s. */
  iat?: number;
  /** At most 36 characters; every attendee must give the host's. */
  sessionKey?: string;
  /** At most 35 characters, written user_identity as Zoom's samples do. Not with userKey. */
  userIdentity?: string;
  /** At most 36 characters, written user_key (the current docs' name). Not with userIdentity. */
  userKey?: string;
  /** "US,DE", "US, DE" or ["US", "DE"]: written as one comma-separated string. */
  geoRegions?: string | readonly (GeoRegion | (string & {}))[];
  /** 0: one combined file, 1: a file per user (needs role 1). */
  cloudRecordingOption?: Choice<0 | 1 | "0" | "1">;
  /** 1 records this user's self-view. */
  cloudRecordingElection?: Choice<0 | 1 | "0" | "1">;
  /** 0: none, 1: transcript, 2: transcript and summary. */
  cloudRecordingTranscriptOption?: Choice<0 | 1 | 2 | "0" | "1" | "2">;
  /** An id (at most 128 characters), or true for a fresh random UUID v4. */
  telemetryTrackingId?: string | boolean;
  videoWebRtcMode?: Choice<0 | 1 | "0" | "1">;
  audioWebRtcMode?: Choice<0 | 1 | "0" | "1">;
}

/** The stable codes a refused `generateSignature` or `generateVideoToken` call carries as `error.code`. */
export type SignatureErrorCode =
  | "INVALID_OPTIONS" | "UNKNOWN_OPTION" | "MISSING_OPTION" | "CONFLICTING_OPTIONS"
  | "INVALID_KEY" | "EMPTY_SECRET" | "INVALID_SECRET" | "SECRET_AS_KEY" | "INVALID_MEETING_NUMBER"
  | "INVALID_ROLE" | "INVALID_EXPIRATION" | "INVALID_WEBRTC_MODE" | "INVALID_IAT"
  | "INVALID_TOPIC" | "INVALID_SESSION_KEY" | "INVALID_USER_IDENTITY" | "INVALID_GEO_REGIONS"
  | "INVALID_CLOUD_RECORDING" | "INVALID_TELEMETRY_ID";

/** What `generateSignature` and `generateVideoToken` throw: an `Error` with a stable code and the option concerned. */
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

    /// The options object of `generateVideoToken`.
    #[wasm_bindgen(typescript_type = "VideoTokenOptions")]
    pub type VideoTokenOptions;
}

/// Makes a Meeting SDK signature (an HS256 JWT) from the options; throws a `SignatureError`
/// naming the option and the fix when one is wrong.
#[wasm_bindgen(js_name = generateSignature)]
pub fn generate_signature(options: &SignatureOptions) -> Result<String, JsValue> {
    SignatureRequest::from_options(&read_value(options))
        .and_then(|request| request.sign(now_seconds()))
        .map_err(|error| to_js_error(&error))
}

/// Makes a Zoom Video SDK token (an HS256 JWT) from the options; throws a `SignatureError`
/// naming the option and the fix when one is wrong.
#[wasm_bindgen(js_name = generateVideoToken)]
pub fn generate_video_token(options: &VideoTokenOptions) -> Result<String, JsValue> {
    VideoTokenRequest::from_options(&read_value_with_arrays(options))
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
