//! The Video SDK token natively: what the doctor finds in tokens built outside zoomsig
//! (tests/data/video-cases.json, scripts/make-video-cases.mjs: Node's crypto and the real
//! jsrsasign), how Video SDK join errors are explained and narrowed, and generation's refusals.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::indexing_slicing)]
mod common;

use std::collections::BTreeSet;

use zoomsig::doctor::{Report, context_from_input, inspect_signature};
use zoomsig::input::InputValue;
use zoomsig::join_errors::{JoinError, ReportFacts, explain_join_error_with_report};
use zoomsig::{ErrorCode, VideoTokenRequest};

fn report_of(case: &serde_json::Value) -> Report {
    let (context, problems) = context_from_input(&common::input(&case["context"]));
    assert!(problems.is_empty(), "{problems:?}");
    inspect_signature(case["token"].as_str().expect("token"), &context, 0)
}

fn codes(report: &Report) -> BTreeSet<String> {
    report
        .findings
        .iter()
        .map(|f| f.code.as_str().to_string())
        .collect()
}

#[test]
fn each_case_gives_exactly_its_codes() {
    let data = common::data("video-cases.json");
    let secret = data["secret"].as_str().expect("secret");
    let mut wrong = Vec::new();
    let cases = data["cases"].as_array().expect("cases");
    assert!(cases.len() >= 25, "{} cases", cases.len());
    for case in cases {
        let report = report_of(case);
        let expected: BTreeSet<String> = case["expect"]
            .as_array()
            .expect("expect")
            .iter()
            .map(|c| c.as_str().expect("code").to_string())
            .collect();
        if codes(&report) != expected {
            wrong.push(format!(
                "{}: expected {expected:?}, got {:?}",
                case["name"],
                codes(&report)
            ));
        }
        assert!(!report.to_json().contains(secret), "{}", case["name"]);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn tokens_are_the_endpoint_samples_byte_for_byte() {
    let vectors = common::data("video-token-vectors.json");
    let vectors = vectors.as_array().expect("vectors");
    assert!(vectors.len() >= 40, "{} vectors", vectors.len());
    for vector in vectors {
        let options = common::input(&vector["options"]);
        let token = VideoTokenRequest::from_options(&options)
            .and_then(|request| request.sign(0))
            .unwrap_or_else(|e| panic!("{}: {e}", vector["options"]));
        assert_eq!(
            token,
            vector["token"].as_str().expect("token"),
            "{}",
            vector["options"]
        );
    }
}

#[test]
fn a_random_telemetry_id_is_a_fresh_uuid_v4() {
    let options = common::options(
        r#"{"sdkKey":"k","sdkSecret":"s","topic":"t","role":1,"telemetryTrackingId":true}"#,
    );
    let id = |token: &str| -> String {
        let payload = token.split('.').nth(1).expect("payload");
        let bytes =
            base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, payload)
                .expect("base64url");
        let claims: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        claims["telemetry_tracking_id"]
            .as_str()
            .expect("id")
            .to_string()
    };
    let request = VideoTokenRequest::from_options(&options).expect("options");
    let (a, b) = (
        id(&request.sign(1_764_201_600).expect("token")),
        id(&request.sign(1_764_201_600).expect("token")),
    );
    assert_ne!(a, b);
    for uuid in [a, b] {
        let parts: Vec<&str> = uuid.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12],
            "{uuid}"
        );
        assert!(
            uuid.bytes()
                .all(|b| b == b'-' || b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        );
        assert!(parts[2].starts_with('4'), "{uuid}");
        assert!(
            matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'),
            "{uuid}"
        );
    }
}

#[test]
fn each_refusal_names_its_option_and_never_the_secret() {
    let base = r#""sdkKey":"vidKEY0123","sdkSecret":"TopSecret-Value-987","topic":"t","role":1"#;
    let cases: &[(&str, ErrorCode, &str)] = &[
        (
            r#"{"sdkSecret":"TopSecret-Value-987","topic":"t","role":1}"#,
            ErrorCode::MissingOption,
            "sdkKey",
        ),
        (
            r#"{"sdkKey":"k","sdkSecret":"TopSecret-Value-987","role":1}"#,
            ErrorCode::MissingOption,
            "topic",
        ),
        (
            r#"{"sdkKey":"k","sdkSecret":"TopSecret-Value-987","topic":"t"}"#,
            ErrorCode::MissingOption,
            "role",
        ),
        (
            r#"{"sdkKey":"TopSecret-Value-987","sdkSecret":"TopSecret-Value-987","topic":"t","role":1}"#,
            ErrorCode::SecretAsKey,
            "sdkKey",
        ),
        (
            r#"{"sdkKey":"k","sdkSecret":"","topic":"t","role":1}"#,
            ErrorCode::EmptySecret,
            "sdkSecret",
        ),
        (
            r#"{"sdkKey":"k","sdkSecret":"TopSecret-Value-987","topic":"","role":1}"#,
            ErrorCode::InvalidTopic,
            "topic",
        ),
        (
            r#"{"sdkKey":"k","sdkSecret":"TopSecret-Value-987","topic":7,"role":1}"#,
            ErrorCode::InvalidTopic,
            "topic",
        ),
        (
            r#"{"sdkKey":"k","sdkSecret":"TopSecret-Value-987","topic":"t","role":2}"#,
            ErrorCode::InvalidRole,
            "role",
        ),
        (
            r#"{"sdkKey":"k","sdkSecret":"TopSecret-Value-987","tpc":"t","role":1}"#,
            ErrorCode::UnknownOption,
            "tpc",
        ),
    ];
    let extra: &[(&str, ErrorCode, &str)] = &[
        (
            r#""expirationSeconds":600"#,
            ErrorCode::InvalidExpiration,
            "expirationSeconds",
        ),
        (r#""iat":1764201600000"#, ErrorCode::InvalidIat, "iat"),
        (
            r#""sessionKey":"0123456789012345678901234567890123456""#,
            ErrorCode::InvalidSessionKey,
            "sessionKey",
        ),
        (
            r#""userIdentity":"012345678901234567890123456789012345""#,
            ErrorCode::InvalidUserIdentity,
            "userIdentity",
        ),
        (
            r#""userKey":"0123456789012345678901234567890123456""#,
            ErrorCode::InvalidUserIdentity,
            "userKey",
        ),
        (
            r#""userIdentity":"a","userKey":"b""#,
            ErrorCode::ConflictingOptions,
            "userKey",
        ),
        (
            r#""geoRegions":"US,XX""#,
            ErrorCode::InvalidGeoRegions,
            "geoRegions",
        ),
        (
            r#""geoRegions":"us""#,
            ErrorCode::InvalidGeoRegions,
            "geoRegions",
        ),
        (
            r#""geoRegions":[1]"#,
            ErrorCode::InvalidGeoRegions,
            "geoRegions",
        ),
        (
            r#""cloudRecordingOption":2"#,
            ErrorCode::InvalidCloudRecording,
            "cloudRecordingOption",
        ),
        (
            r#""cloudRecordingElection":"x""#,
            ErrorCode::InvalidCloudRecording,
            "cloudRecordingElection",
        ),
        (
            r#""cloudRecordingTranscriptOption":3"#,
            ErrorCode::InvalidCloudRecording,
            "cloudRecordingTranscriptOption",
        ),
        (
            r#""telemetryTrackingId":"""#,
            ErrorCode::InvalidTelemetryId,
            "telemetryTrackingId",
        ),
        (
            r#""telemetryTrackingId":5"#,
            ErrorCode::InvalidTelemetryId,
            "telemetryTrackingId",
        ),
        (
            r#""videoWebRtcMode":2"#,
            ErrorCode::InvalidWebRtcMode,
            "videoWebRtcMode",
        ),
        (
            r#""audioWebRtcMode":"yes""#,
            ErrorCode::InvalidWebRtcMode,
            "audioWebRtcMode",
        ),
    ];
    let with_base: Vec<(String, ErrorCode, &str)> = extra
        .iter()
        .map(|(member, code, field)| (format!("{{{base},{member}}}"), *code, *field))
        .collect();
    let all = cases
        .iter()
        .map(|(json, code, field)| (json.to_string(), *code, *field))
        .chain(with_base);
    for (json, code, field) in all {
        let refused = VideoTokenRequest::from_options(&common::options(&json))
            .and_then(|request| request.sign(1_764_201_600))
            .expect_err(&json);
        assert_eq!((refused.code(), refused.field()), (code, field), "{json}");
        assert!(
            refused.message().contains(field),
            "{json}: {}",
            refused.message()
        );
        assert!(!refused.message().contains("TopSecret-Value-987"), "{json}");
    }
    let not_object = VideoTokenRequest::from_options(&InputValue::Null).expect_err("null");
    assert_eq!(not_object.code(), ErrorCode::InvalidOptions);
}

fn video_join_error(code: i64, reason: &str) -> JoinError {
    JoinError {
        code: Some(code),
        message: Some(reason.into()),
        kind: Some("JOIN_MEETING_FAILED".into()),
    }
}

#[test]
fn verify_jwt_failed_for_a_clean_token_leads_with_the_key_type() {
    let data = common::data("video-cases.json");
    let clean = &data["cases"][0];
    let report = report_of(clean);
    assert!(report.ok(), "{:#?}", report.findings);
    assert_eq!(report.remaining[0].code.as_str(), "VIDEO_KEY_TYPE");
    let open: BTreeSet<&str> = report.remaining.iter().map(|r| r.code.as_str()).collect();
    for cause in [
        "KEY_SECRET_PAIR",
        "OTHER_VIDEO_ACCOUNT",
        "SESSION_KEY_MISMATCH",
    ] {
        assert!(open.contains(cause), "{cause} not open: {open:?}");
    }
    let explained = explain_join_error_with_report(
        &video_join_error(200, "Verify JWT failed"),
        &ReportFacts::from_report(&report),
    );
    assert_eq!(explained.name, "SESSION_FETCH_INFO_ERROR");
    assert!(explained.signature_related);
    let narrowed = explained.narrowed.expect("narrowed");
    assert!(narrowed.found.is_empty(), "{:?}", narrowed.found);
    assert_eq!(narrowed.remaining[0].code, "VIDEO_KEY_TYPE");
    let ruled_out: BTreeSet<&str> = narrowed.ruled_out.iter().map(|r| r.code).collect();
    for cause in [
        "SECRET_ENCODING",
        "TOPIC_MISMATCH",
        "ROLE_TYPE",
        "TIMES",
        "BASE64_FORM",
        "HEADER",
        "VIDEO_CLAIMS",
        "APPKEY_MISSING",
    ] {
        assert!(
            ruled_out.contains(cause),
            "{cause} not ruled out: {ruled_out:?}"
        );
    }
}

#[test]
fn a_finding_that_shows_the_cause_is_found() {
    let data = common::data("video-cases.json");
    let find = |name: &str| {
        data["cases"]
            .as_array()
            .expect("cases")
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("no case {name}"))
            .clone()
    };
    let role = report_of(&find("role_type 2"));
    let explained = explain_join_error_with_report(
        &video_join_error(3010, "Role type error"),
        &ReportFacts::from_report(&role),
    );
    assert_eq!(explained.name, "SESSION_ROLE_TYPE_ERROR");
    let narrowed = explained.narrowed.expect("narrowed");
    assert_eq!(narrowed.found[0].finding, "ROLE_TYPE_INVALID");
    assert_eq!(narrowed.found[0].cause, Some("ROLE_TYPE"));

    let topic = report_of(&find("tpc of another session"));
    let narrowed = explain_join_error_with_report(
        &video_join_error(200, "Verify JWT failed"),
        &ReportFacts::from_report(&topic),
    )
    .narrowed
    .expect("narrowed");
    assert_eq!(narrowed.found[0].cause, Some("TOPIC_MISMATCH"));
    assert!(
        !narrowed
            .ruled_out
            .iter()
            .any(|r| r.code == "TOPIC_MISMATCH")
    );
}

#[test]
fn the_video_sdks_replies_are_named() {
    use zoomsig::join_errors::explain_video_join_error;
    let cases = [
        (
            200,
            "The token has expired, is over 2 days old, or is ineffective.",
            "SESSION_FETCH_INFO_ERROR",
            true,
        ),
        (200, "connection error", "CONNECTION_ERROR", false),
        (200, "invalid session key", "SESSION_FETCH_INFO_ERROR", true),
        (3004, "Incorrect passcode.", "INCORRECT_PASSCODE", false),
        (
            5013,
            "Invalid parameter",
            "CLIENT_INVALID_JOIN_PARAMETER",
            true,
        ),
        (124, "Invalid signature", "SESSION_FETCH_INFO_ERROR", true),
    ];
    for (code, reason, name, signature_related) in cases {
        let explained = explain_video_join_error(&video_join_error(code, reason));
        assert_eq!(
            (explained.name, explained.signature_related),
            (name, signature_related),
            "{code} {reason}"
        );
        assert!(!explained.causes.is_empty() && !explained.fixes.is_empty());
    }
    let expired = explain_video_join_error(&video_join_error(
        200,
        "The token has expired, is over 2 days old, or is ineffective.",
    ));
    assert_eq!(expired.cause_codes, ["TIMES", "CLOCK_SKEW"]);
    assert_eq!(
        explain_video_join_error(&video_join_error(4242, "x")).name,
        "UNKNOWN"
    );
}
