//! `inspectSignature` and `explainJoinError` through the wasm exports, with JS values. Shared by
//! `tests/web.rs` (headless browsers) and `tests/node.rs` (Node).

use js_sys::{Array, Function, JSON, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use zoomsig::wasm::{
    InspectContextObject, SdkJoinError, SignatureOptions, explain_join_error_js,
    generate_signature, inspect_signature,
};

fn js(expression: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .expect("test expression")
}

fn get(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).expect("property")
}

fn inspect(token: &JsValue, context: &JsValue) -> JsValue {
    let context =
        (!context.is_undefined()).then(|| context.clone().unchecked_into::<InspectContextObject>());
    inspect_signature(token, context).expect("a report").into()
}

/// The distinct finding codes of a report, sorted.
fn codes(report: &JsValue) -> Vec<String> {
    let findings: Array = get(report, "findings").dyn_into().expect("findings array");
    let mut codes: Vec<String> = findings
        .iter()
        .map(|f| get(&f, "code").as_string().expect("code"))
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

#[wasm_bindgen_test]
fn each_case_gets_exactly_its_findings() {
    let data = JSON::parse(include_str!("../data/inspect-cases.json")).expect("cases");
    let secret = get(&data, "secret").as_string().expect("secret");
    let cases: Array = get(&data, "cases").dyn_into().expect("array");
    assert!(cases.length() >= 50);
    for case in cases.iter() {
        let name = get(&case, "name").as_string().expect("name");
        let report = inspect(&get(&case, "token"), &get(&case, "context"));
        let expected: Vec<String> = get(&case, "expect")
            .dyn_into::<Array>()
            .expect("expect")
            .iter()
            .map(|c| c.as_string().expect("code"))
            .collect();
        assert_eq!(codes(&report), expected, "{name}");
        let has_error = get(&report, "findings")
            .dyn_into::<Array>()
            .expect("findings")
            .iter()
            .any(|f| get(&f, "severity").as_string().as_deref() == Some("error"));
        assert_eq!(get(&report, "ok").as_bool(), Some(!has_error), "{name}");
        let text = JSON::stringify(&report)
            .expect("stringify")
            .as_string()
            .expect("text");
        assert!(
            !text.contains(&secret),
            "{name}: the secret is in the report"
        );
    }
}

#[wasm_bindgen_test]
fn generated_tokens_inspect_clean_through_the_exports() {
    let data = JSON::parse(include_str!("../data/signature-vectors.json")).expect("vectors");
    let vectors: Array = data.dyn_into().expect("array");
    for vector in vectors.iter() {
        let options = get(&vector, "options");
        let token = generate_signature(options.unchecked_ref::<SignatureOptions>()).expect("valid");
        let secret = ["sdkSecret", "clientSecret"]
            .iter()
            .find_map(|name| get(&options, name).as_string())
            .expect("secret");
        let context = js(&format!(
            "{{ sdkSecret: {secret:?}, meetingNumber: {}, now: {} }}",
            JSON::stringify(&get(&options, "meetingNumber"))
                .expect("mn")
                .as_string()
                .expect("mn"),
            get(&options, "iat").as_f64().expect("iat") + 60.0
        ));
        let report = inspect(&JsValue::from_str(&token), &context);
        assert_eq!(get(&report, "ok").as_bool(), Some(true), "{token}");
        assert_eq!(get(&report, "signatureVerified").as_bool(), Some(true));
        assert_eq!(
            codes(&report),
            vec!["SIGNATURE_VERIFIED".to_string()],
            "{token}"
        );
        assert_eq!(
            get(&get(&report, "payload"), "iat").as_f64(),
            get(&options, "iat").as_f64()
        );
    }
}

#[wasm_bindgen_test]
fn a_non_string_token_is_a_type_error_and_bad_context_is_a_finding() {
    for value in [
        "undefined",
        "null",
        "42",
        "({ signature: 'a.b.c' })",
        "['a.b.c']",
    ] {
        let Err(error) = inspect_signature(&js(value), None) else {
            panic!("{value}: no TypeError");
        };
        assert!(error.is_instance_of::<js_sys::TypeError>(), "{value}");
    }
    let report = inspect(
        &"a.b.c".into(),
        &js("{ meetingnumber: '85746065432', now: Date.now() }"),
    );
    let findings: Array = get(&report, "findings").dyn_into().expect("findings");
    let context_problems: Vec<String> = findings
        .iter()
        .filter(|f| get(f, "code").as_string().as_deref() == Some("CONTEXT_INVALID"))
        .map(|f| get(&f, "field").as_string().expect("field"))
        .collect();
    assert_eq!(context_problems, ["meetingnumber", "now"]);
    // Without a context, times are judged by this clock: a token from 2020 has expired.
    let report = inspect(&JsValue::from_str(&old_token()), &JsValue::UNDEFINED);
    assert!(codes(&report).contains(&"EXPIRED".to_string()));
}

fn old_token() -> String {
    let data = JSON::parse(include_str!("../data/signature-vectors.json")).expect("vectors");
    let first = data.dyn_into::<Array>().expect("array").get(0);
    get(&first, "token").as_string().expect("token")
}

#[wasm_bindgen_test]
fn join_errors_in_the_shapes_the_sdk_gives_them() {
    let cases: &[(&str, &str, bool)] = &[
        ("3712", "INVALID_SIGNATURE", true),
        ("'3705'", "SIGNATURE_EXPIRED", true),
        (
            "({ type: 'JOIN_MEETING_FAILED', reason: 'Signature is invalid.', errorCode: 3712 })",
            "INVALID_SIGNATURE",
            true,
        ),
        (
            "({ method: 'join', status: false, result: 'Invalid signature.', errorCode: 3712, errorMessage: 'Signature is invalid.' })",
            "INVALID_SIGNATURE",
            true,
        ),
        (
            "({ status: false, errorCode: 200, errorMessage: 'Invalid signature.' })",
            "INVALID_SIGNATURE",
            true,
        ),
        (
            "({ status: false, errorCode: 200, errorMessage: 'The meeting number is wrong.' })",
            "MEETING_NUMBER_WRONG",
            true,
        ),
        (
            "new Error('appKey can not empty in the signature')",
            "SIGNATURE_WITHOUT_APP_KEY",
            true,
        ),
        (
            "new TypeError(\"Cannot read properties of undefined (reading 'replace')\")",
            "SIGNATURE_NOT_A_JWT",
            true,
        ),
        (
            "new SyntaxError('Unexpected token \\'h\\', \"hello world\" is not valid JSON')",
            "SIGNATURE_PAYLOAD_NOT_JSON",
            true,
        ),
        (
            "({ type: 'JOIN_MEETING_FAILED', reason: 'connection error', errorCode: -3000 })",
            "CONNECTION_ERROR",
            false,
        ),
        ("987654", "UNKNOWN", false),
        ("null", "UNKNOWN", false),
    ];
    for (error, name, signature_related) in cases {
        let explanation: JsValue =
            explain_join_error_js(js(error).unchecked_ref::<SdkJoinError>(), None, None)
                .expect("explanation")
                .into();
        assert_eq!(
            get(&explanation, "name").as_string().as_deref(),
            Some(*name),
            "{error}"
        );
        assert_eq!(
            get(&explanation, "signatureRelated").as_bool(),
            Some(*signature_related),
            "{error}"
        );
        let causes: Array = get(&explanation, "causes").dyn_into().expect("causes");
        assert_eq!(causes.length() == 0, *name == "UNKNOWN", "{error}");
    }
}
