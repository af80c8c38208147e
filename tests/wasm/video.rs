//! `generateVideoToken`, and the doctor and `explainJoinError` for Video SDK tokens, through the
//! wasm exports with JS values. Shared by `tests/web.rs` (headless browsers) and `tests/node.rs`.

use js_sys::{Function, JSON, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use zoomsig::wasm::{
    ExplainOptionsObject, InspectContextObject, InspectReportObject, SdkJoinError,
    VideoTokenOptions, explain_join_error_js, generate_video_token, inspect_signature,
};

const VALID: &str = "sdkKey: 'vidKEYabcdEFGHijklMN01', sdkSecret: 'VideoSecretValue42', \
                     topic: 'Design Review', role: 1";

fn js(expression: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .expect("test expression")
}

fn generate(options: &JsValue) -> Result<String, JsValue> {
    generate_video_token(options.unchecked_ref::<VideoTokenOptions>())
}

fn get(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).expect("property")
}

fn text(value: &JsValue, name: &str) -> String {
    get(value, name).as_string().unwrap_or_default()
}

/// The code and field of the error `generateVideoToken` throws for `options`.
fn refused(options: &str) -> (String, String) {
    let error = generate(&js(options)).expect_err(options);
    assert!(error.is_instance_of::<js_sys::Error>(), "{options}");
    assert_eq!(text(&error, "name"), "ZoomsigError");
    assert!(
        !text(&error, "message").contains("VideoSecretValue42"),
        "{options}"
    );
    (text(&error, "code"), text(&error, "field"))
}

#[wasm_bindgen_test]
fn matches_the_endpoint_sample_vectors() {
    let vectors = JSON::parse(include_str!("../data/video-token-vectors.json")).expect("vectors");
    let vectors: js_sys::Array = vectors.dyn_into().expect("array");
    assert!(vectors.length() >= 40);
    for vector in vectors.iter() {
        let token = generate(&get(&vector, "options")).expect("valid options");
        assert_eq!(Some(token), get(&vector, "token").as_string());
    }
}

#[wasm_bindgen_test]
fn a_random_telemetry_id_comes_from_this_platforms_crypto() {
    let options = js(&format!("{{ {VALID}, telemetryTrackingId: true }}"));
    let id = |token: String| {
        let part = token.split('.').nth(1).expect("payload").to_string();
        let read = Function::new_with_args(
            "p",
            "return JSON.parse(atob(p.replace(/-/g, '+').replace(/_/g, '/'))).telemetry_tracking_id;",
        );
        read.call1(&JsValue::NULL, &part.into())
            .expect("claims")
            .as_string()
            .expect("id")
    };
    let (a, b) = (
        id(generate(&options).expect("token")),
        id(generate(&options).expect("token")),
    );
    assert_ne!(a, b);
    let uuid_v4 = js("/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/");
    let test = Function::new_with_args("re, s", "return re.test(s);");
    for id in [a, b] {
        let ok = test
            .call2(&JsValue::NULL, &uuid_v4, &id.clone().into())
            .expect("test");
        assert_eq!(ok.as_bool(), Some(true), "{id}");
    }
}

#[wasm_bindgen_test]
fn refusals_carry_code_and_field() {
    let cases = [
        ("undefined", "INVALID_OPTIONS", "options"),
        ("'options'", "INVALID_OPTIONS", "options"),
        (
            &format!("{{ {VALID}, topic: 'x'.repeat(201) }}") as &str,
            "INVALID_TOPIC",
            "topic",
        ),
        (
            &format!("{{ {VALID}, topic: 42 }}"),
            "INVALID_TOPIC",
            "topic",
        ),
        (
            &format!("{{ {VALID}, role: true }}"),
            "INVALID_ROLE",
            "role",
        ),
        (
            &format!("{{ {VALID}, geoRegions: ['US', 'XX'] }}"),
            "INVALID_GEO_REGIONS",
            "geoRegions",
        ),
        (
            &format!("{{ {VALID}, geoRegions: {{}} }}"),
            "INVALID_GEO_REGIONS",
            "geoRegions",
        ),
        (
            &format!("{{ {VALID}, sessionKey: 'k'.repeat(37) }}"),
            "INVALID_SESSION_KEY",
            "sessionKey",
        ),
        (
            &format!("{{ {VALID}, userIdentity: 'a', userKey: 'b' }}"),
            "CONFLICTING_OPTIONS",
            "userKey",
        ),
        (
            &format!("{{ {VALID}, cloudRecordingTranscriptOption: 3 }}"),
            "INVALID_CLOUD_RECORDING",
            "cloudRecordingTranscriptOption",
        ),
        (
            &format!("{{ {VALID}, telemetryTrackingId: Symbol('x') }}"),
            "INVALID_TELEMETRY_ID",
            "telemetryTrackingId",
        ),
        (
            &format!("{{ {VALID}, audioWebRtcMode: 2n }}"),
            "INVALID_WEBRTC_MODE",
            "audioWebRtcMode",
        ),
        (
            &format!("{{ {VALID}, session_key: 'k' }}"),
            "UNKNOWN_OPTION",
            "session_key",
        ),
        (
            "{ sdkKey: 'VideoSecretValue42', sdkSecret: 'VideoSecretValue42', topic: 't', role: 1 }",
            "SECRET_AS_KEY",
            "sdkKey",
        ),
        (
            &format!("{{ {VALID}, get sessionKey() {{ throw new Error('boom'); }} }}"),
            "INVALID_OPTIONS",
            "options",
        ),
        (
            "(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()",
            "INVALID_OPTIONS",
            "options",
        ),
    ];
    for (options, code, field) in cases {
        assert_eq!(
            refused(options),
            (code.to_string(), field.to_string()),
            "{options}"
        );
    }
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_many_hostile_calls() {
    let hostile = js(&format!(
        "{{ {VALID}, get geoRegions() {{ throw new Error('boom'); }} }}"
    ));
    for _ in 0..3000 {
        assert!(generate(&hostile).is_err());
    }
    assert!(generate(&js(&format!("{{ {VALID} }}"))).is_ok());
}

fn inspect(token: &str, context: &str) -> JsValue {
    inspect_signature(
        &token.into(),
        Some(js(context).unchecked_into::<InspectContextObject>()),
    )
    .expect("a report")
    .into()
}

fn codes(report: &JsValue) -> Vec<String> {
    let findings: js_sys::Array = get(report, "findings").dyn_into().expect("findings");
    findings.iter().map(|f| text(&f, "code")).collect()
}

#[wasm_bindgen_test]
fn the_doctor_checks_a_video_token_against_the_join() {
    let token = generate(&js(&format!("{{ {VALID} }}"))).expect("token");
    let context = "{ sdkSecret: 'VideoSecretValue42', sdkKey: 'vidKEYabcdEFGHijklMN01', topic: 'design review' }";
    let report = inspect(&token, context);
    assert_eq!(text(&report, "kind"), "video-sdk");
    assert_eq!(codes(&report), ["SIGNATURE_VERIFIED"]);
    let remaining: js_sys::Array = get(&report, "remaining").dyn_into().expect("remaining");
    assert_eq!(text(&remaining.get(0), "code"), "VIDEO_KEY_TYPE");

    let other = inspect(&token, "{ topic: 'another session', sdk: 'video' }");
    assert!(codes(&other).contains(&"TPC_MISMATCH".to_string()));
    let meeting = inspect(&token, "{ meetingNumber: '85746065432' }");
    assert_eq!(codes(&meeting), ["VIDEO_SDK_TOKEN"]);

    // The Video SDK's "Verify JWT failed", explained with the report: nothing found, the key first.
    let error =
        js("({ type: 'JOIN_MEETING_FAILED', reason: 'Verify JWT failed', errorCode: 200 })");
    let explained: JsValue = explain_join_error_js(
        error.unchecked_ref::<SdkJoinError>(),
        Some(report.unchecked_into::<InspectReportObject>()),
        None,
    )
    .expect("explanation")
    .into();
    assert_eq!(text(&explained, "name"), "SESSION_FETCH_INFO_ERROR");
    let found: js_sys::Array = get(&explained, "found").dyn_into().expect("found");
    assert_eq!(found.length(), 0);
    let remaining: js_sys::Array = get(&explained, "remaining").dyn_into().expect("remaining");
    assert_eq!(text(&remaining.get(0), "code"), "VIDEO_KEY_TYPE");

    // Without a report, `{ sdk: 'video' }` says whose error it is.
    let role = js("({ type: 'JOIN_MEETING_FAILED', reason: 'Role type error', errorCode: 3010 })");
    for (options, name) in [
        ("({ sdk: 'video' })", "SESSION_ROLE_TYPE_ERROR"),
        ("undefined", "UNKNOWN"),
    ] {
        let options = js(options);
        let options =
            (!options.is_undefined()).then(|| options.unchecked_into::<ExplainOptionsObject>());
        let explained: JsValue =
            explain_join_error_js(role.unchecked_ref::<SdkJoinError>(), None, options)
                .expect("explanation")
                .into();
        assert_eq!(text(&explained, "name"), name);
    }
    // Hostile options are only unreadable.
    let revoked =
        js("(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()");
    let explained: JsValue = explain_join_error_js(
        role.unchecked_ref::<SdkJoinError>(),
        None,
        Some(revoked.unchecked_into::<ExplainOptionsObject>()),
    )
    .expect("explanation")
    .into();
    assert_eq!(text(&explained, "name"), "UNKNOWN");
}
