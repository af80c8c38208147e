//! `inspectSignature` and `explainJoinError`: the signature doctor. Left out of the signer-only
//! build (`--no-default-features`).

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use super::{
    kind_of, label_error, now_seconds, read_named_members, read_report, read_value, to_js,
};
use crate::doctor::{MAX_TOKEN_LENGTH, inspect_with_context_input};
use crate::input::InputValue;
use crate::join_errors::{JoinError, ReportFacts, Sdk, explain_join_error_as};

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
  /**
   * The Meeting SDK for Web version the page loads, e.g. "6.2.0" or "2.9.7": rules that changed
   * by version (appKey from 5.0.0, Meeting SDK credentials only from 2.7.0, the JWT from 2.3.0)
   * follow it. Without it, today's SDK is assumed. (A Video SDK version is taken and not used.)
   */
  sdkVersion?: string;
  /** Video SDK: the session name client.join will get (compared with tpc, ignoring case). */
  topic?: string;
  /**
   * What the token is for. Default: a context with meetingNumber means "meeting", one with topic
   * "video"; otherwise what the token looks like.
   */
  sdk?: "meeting" | "video" | (string & {});
}

/** Options of `explainJoinError`. */
export interface ExplainOptions {
  /** Whose join failed; default: what the report's token is for, else the Meeting SDK. */
  sdk?: "meeting" | "video" | (string & {});
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
  | "MEETING_SDK_TOKEN"
  | "TPC_MISSING"
  | "TPC_TOO_LONG"
  | "TPC_MISMATCH"
  | "ROLE_TYPE_INVALID"
  | "VERSION_INVALID"
  | "SESSION_KEY_TOO_LONG"
  | "USER_IDENTITY_TOO_LONG"
  | "GEO_REGION_INVALID"
  | "CLOUD_RECORDING_NEEDS_HOST"
  | "CLAIM_NULL"
  | "REST_API_JWT"
  | "LEGACY_WEB_SIGNATURE"
  | "OLD_SDK_VERSION"
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
  | "SECRET_LOW_BYTES"
  | "SECRET_BASE64_DECODED"
  | "JOIN_NEEDS_SDK_KEY"
  | "SDKKEY_DEPRECATED"
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

/** A cause of a refused join, as the report and `explainJoinError` name it. */
export type CauseCode =
  | "KEY_APP_TYPE"
  | "KEY_SECRET_PAIR"
  | "EXTERNAL_MEETING"
  | "SECRET_ENCODING"
  | "TOKEN_FORM"
  | "BASE64_FORM"
  | "HEADER"
  | "TIMES"
  | "CLOCK_SKEW"
  | "MEETING_MISMATCH"
  | "ROLE_HOST"
  | "APPKEY_MISSING"
  | "APP_INACTIVE"
  | "ZOOM_FOR_GOVERNMENT"
  | "VIDEO_KEY_TYPE"
  | "OTHER_VIDEO_ACCOUNT"
  | "SESSION_KEY_MISMATCH"
  | "TOPIC_MISMATCH"
  | "ROLE_TYPE"
  | "VIDEO_CLAIMS";

/** A cause the report's checks exclude. */
export interface RuledOutCause {
  code: CauseCode;
  /** What was checked that excludes it. */
  because: string;
}

/** A cause no offline check could confirm or exclude, with how to check it by hand. */
export interface RemainingCause {
  code: CauseCode;
  message: string;
  /** Where to look and what to compare. */
  check: string;
}

/** What `inspectSignature` found. */
export interface InspectReport {
  /** True when no finding has severity "error". */
  ok: boolean;
  kind: "meeting-sdk" | "video-sdk" | "rest-api-jwt" | "legacy-web-signature" | "unknown";
  /** The decoded header, or null. */
  header: Record<string, unknown> | null;
  /** The decoded payload (for the legacy signature, its decoded parts), or null. */
  payload: Record<string, unknown> | null;
  /** Whether the HMAC matches the secret given; null when it was not checked. */
  signatureVerified: boolean | null;
  /** "verified", "mismatch", or why it was not checked. */
  signatureStatus: "verified" | "mismatch" | "no-secret" | "not-a-jwt" | "unsigned" | "unreadable" | "no-hmac-alg";
  issuedAt: number | null;
  expiresAt: number | null;
  findings: Finding[];
  /** Causes of a refusal the checks exclude. */
  ruledOut: RuledOutCause[];
  /** Causes no offline check could confirm or exclude, most likely first. */
  remaining: RemainingCause[];
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
  /** The usual causes, most common first. */
  causes: string[];
  /** What to do; given a report, the found findings' fixes, then how to check what remains. */
  fixes: string[];
  /** Given a report: its findings that lead to this error. */
  found?: { code: FindingCode; cause: CauseCode | null; message: string; fix: string }[];
  /** Given a report: this error's causes the report excludes. */
  ruledOut?: { code: string; because: string }[];
  /** Given a report: this error's causes still open, most likely first. */
  remaining?: { code: string; message: string; check: string }[];
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

    /// A join error as the SDK gives it; typed wide as well, since a `catch` clause holds `unknown`.
    #[wasm_bindgen(typescript_type = "SdkJoinError | unknown")]
    pub type SdkJoinError;

    /// An explanation, typed by the TypeScript section above.
    #[wasm_bindgen(typescript_type = "JoinErrorExplanation")]
    pub type JoinErrorExplanationObject;

    /// `explainJoinError`'s options.
    #[wasm_bindgen(typescript_type = "ExplainOptions")]
    pub type ExplainOptionsObject;
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
            kind_of(token).describe()
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
    let context = context.map_or(InputValue::Undefined, |c| read_value(&c));
    let report = inspect_with_context_input(&token, &context, now_seconds());
    Ok(to_js(&report)?.unchecked_into())
}

/// Explains an error from the SDK's `join`: a code, or the error object or exception it gave.
/// Given the `inspectSignature` report of the token joined with, it also says which findings lead
/// to the error, which causes the report rules out, and which remain, most likely first. A Video
/// SDK token's report, or `{ sdk: "video" }`, explains it as the Video SDK's.
#[wasm_bindgen(js_name = explainJoinError)]
pub fn explain_join_error_js(
    error: &SdkJoinError,
    report: Option<InspectReportObject>,
    options: Option<ExplainOptionsObject>,
) -> Result<JoinErrorExplanationObject, JsValue> {
    // An Error's `message` and `name` are not enumerable: the members are read by name.
    let error = JoinError::from_input(&read_named_members(error, &JoinError::MEMBERS));
    let report = report.map_or(InputValue::Undefined, |r| read_report(&r));
    let facts = ReportFacts::from_input(&report);
    let sdk = options
        .map(|o| read_named_members(&o, &["sdk"]))
        .and_then(|o| match o {
            InputValue::Object(members) => members.into_iter().find_map(|(_, v)| match v {
                InputValue::String(sdk) if sdk == "video" => Some(Sdk::Video),
                InputValue::String(sdk) if sdk == "meeting" => Some(Sdk::Meeting),
                _ => None,
            }),
            _ => None,
        });
    let explanation = explain_join_error_as(&error, facts.as_ref(), sdk);
    Ok(to_js(&explanation)?.unchecked_into())
}
