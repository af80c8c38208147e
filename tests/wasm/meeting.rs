//! `generateSignature` through the wasm export, called with JS values. Shared by `tests/web.rs`
//! (headless browsers) and `tests/node.rs` (Node).

use js_sys::{Function, JSON, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use zoomsig::wasm::{SignatureOptions, generate_signature, meeting_number_digits};

const VALID: &str = "sdkKey: 'abcdEFGHijklMNOPqrst12', sdkSecret: 'Sup3rSecretValue42', \
                     meetingNumber: '85746065432', role: 0";

/// Evaluates a JS expression, so that tests write options as a page would (NaN, undefined...).
fn js(expression: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .expect("test expression")
}

fn generate(options: &JsValue) -> Result<String, JsValue> {
    generate_signature(options.unchecked_ref::<SignatureOptions>())
}

fn get(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).expect("property")
}

/// Runs `generateSignature` on `{VALID, extra}` and returns the thrown error's code and field.
fn refused(options: &str) -> (String, String, String) {
    let error = generate(&js(options)).expect_err(options);
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "{options}: not an Error"
    );
    assert_eq!(
        get(&error, "name").as_string().as_deref(),
        Some("ZoomsigError")
    );
    let message = get(&error, "message").as_string().expect("message");
    assert!(!message.contains("Sup3rSecretValue42"), "{message}");
    (
        get(&error, "code").as_string().expect("code"),
        get(&error, "field").as_string().expect("field"),
        message,
    )
}

#[wasm_bindgen_test]
fn matches_the_jsrsasign_vectors() {
    let vectors = JSON::parse(include_str!("../data/signature-vectors.json")).expect("vectors");
    let vectors: js_sys::Array = vectors.dyn_into().expect("array");
    assert!(vectors.length() >= 40);
    for vector in vectors.iter() {
        let token = generate(&get(&vector, "options")).expect("valid options");
        assert_eq!(Some(token), get(&vector, "token").as_string());
    }
}

#[wasm_bindgen_test]
fn meeting_number_keeps_its_json_type() {
    let as_text = generate(&js(&format!("{{ {VALID}, iat: 1764201600 }}"))).expect("valid");
    let as_number = generate(&js(&format!(
        "{{ {VALID}, meetingNumber: 85746065432, iat: 1764201600 }}"
    )))
    .expect("valid");
    let payload = |token: &str| {
        let part = token.split('.').nth(1).expect("payload").to_string();
        let decode =
            Function::new_with_args("p", "return atob(p.replace(/-/g, '+').replace(/_/g, '/'));");
        decode
            .call1(&JsValue::NULL, &part.into())
            .expect("atob")
            .as_string()
            .expect("text")
    };
    assert!(payload(&as_text).contains(r#""mn":"85746065432""#));
    assert!(payload(&as_number).contains(r#""mn":85746065432,"#));
}

#[wasm_bindgen_test]
fn default_iat_follows_this_clock() {
    let before = (js_sys::Date::now() / 1000.0).floor();
    let token = generate(&js(&format!("{{ {VALID} }}"))).expect("valid");
    let decode = Function::new_with_args(
        "t",
        "return JSON.parse(atob(t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));",
    );
    let payload = decode
        .call1(&JsValue::NULL, &token.into())
        .expect("payload");
    let iat = get(&payload, "iat").as_f64().expect("iat");
    let exp = get(&payload, "exp").as_f64().expect("exp");
    let after = (js_sys::Date::now() / 1000.0).floor();
    assert!(iat >= before - 30.0 && iat <= after - 30.0, "iat {iat}");
    assert_eq!(exp, iat + 7200.0);
    assert_eq!(get(&payload, "tokenExp").as_f64(), Some(exp));
}

#[wasm_bindgen_test]
fn refusals_carry_code_and_field() {
    let cases: &[(&str, &str, &str)] = &[
        ("null", "INVALID_OPTIONS", "options"),
        ("undefined", "INVALID_OPTIONS", "options"),
        ("[1, 2]", "INVALID_OPTIONS", "options"),
        ("'sdkKey=abc'", "INVALID_OPTIONS", "options"),
        ("42", "INVALID_OPTIONS", "options"),
        ("() => 1", "INVALID_OPTIONS", "options"),
        ("{}", "MISSING_OPTION", "sdkKey"),
        (
            "{ sdkKey: 'k', sdkSecret: 's', role: 0 }",
            "MISSING_OPTION",
            "meetingNumber",
        ),
        (
            "{ sdkKey: 'k', sdkSecret: 's', meetingNumber: '123456789' }",
            "MISSING_OPTION",
            "role",
        ),
        (
            "{ sdkKey: 'k', meetingNumber: '123456789', role: 0 }",
            "MISSING_OPTION",
            "sdkSecret",
        ),
        (
            "{ sdkKey: 'k', sdkSecret: undefined, meetingNumber: '123456789', role: 0 }",
            "MISSING_OPTION",
            "sdkSecret",
        ),
        ("{ sdk_key: 'k' }", "UNKNOWN_OPTION", "sdk_key"),
        ("{ meetingnumber: 1 }", "UNKNOWN_OPTION", "meetingnumber"),
        ("{ secret: 's' }", "UNKNOWN_OPTION", "secret"),
        (
            "{ sdkKey: 'a', clientId: 'b' }",
            "CONFLICTING_OPTIONS",
            "clientId",
        ),
        (
            "{ sdkKey: 42, sdkSecret: 's', meetingNumber: '123456789', role: 0 }",
            "INVALID_KEY",
            "sdkKey",
        ),
        (
            "{ sdkKey: '', sdkSecret: 's', meetingNumber: '123456789', role: 0 }",
            "INVALID_KEY",
            "sdkKey",
        ),
        (
            "{ clientId: 'k', clientSecret: '', meetingNumber: '123456789', role: 0 }",
            "EMPTY_SECRET",
            "sdkSecret",
        ),
        (
            "{ sdkKey: 'k', sdkSecret: ['s'], meetingNumber: '123456789', role: 0 }",
            "INVALID_SECRET",
            "sdkSecret",
        ),
        (
            "{ sdkKey: 'k', sdkSecret: {}, meetingNumber: '123456789', role: 0 }",
            "INVALID_SECRET",
            "sdkSecret",
        ),
    ];
    for (options, code, field) in cases {
        let (got_code, got_field, message) = refused(options);
        assert_eq!(
            (got_code.as_str(), got_field.as_str()),
            (*code, *field),
            "{options}: {message}"
        );
    }
}

#[wasm_bindgen_test]
fn refusals_of_each_option_value() {
    let cases: &[(&str, &str)] = &[
        ("meetingNumber: '857 4606 5432'", "INVALID_MEETING_NUMBER"),
        ("meetingNumber: '857-4606-5432'", "INVALID_MEETING_NUMBER"),
        ("meetingNumber: 12345678", "INVALID_MEETING_NUMBER"),
        ("meetingNumber: 8574606543.5", "INVALID_MEETING_NUMBER"),
        ("meetingNumber: NaN", "INVALID_MEETING_NUMBER"),
        ("meetingNumber: 85746065432n", "INVALID_MEETING_NUMBER"),
        ("meetingNumber: true", "INVALID_MEETING_NUMBER"),
        ("role: 2", "INVALID_ROLE"),
        ("role: 'host'", "INVALID_ROLE"),
        ("role: true", "INVALID_ROLE"),
        ("role: NaN", "INVALID_ROLE"),
        ("expirationSeconds: 7200000", "INVALID_EXPIRATION"),
        ("expirationSeconds: 1799", "INVALID_EXPIRATION"),
        ("expirationSeconds: 172801", "INVALID_EXPIRATION"),
        ("expirationSeconds: 7200.5", "INVALID_EXPIRATION"),
        ("expirationSeconds: -1", "INVALID_EXPIRATION"),
        ("expirationSeconds: Infinity", "INVALID_EXPIRATION"),
        ("expirationSeconds: '2h'", "INVALID_EXPIRATION"),
        ("videoWebRtcMode: 2", "INVALID_WEBRTC_MODE"),
        ("videoWebRtcMode: true", "INVALID_WEBRTC_MODE"),
        ("iat: Date.now()", "INVALID_IAT"),
        ("iat: String(Math.floor(Date.now() / 1000))", "INVALID_IAT"),
        ("iat: Date.now() / 1000", "INVALID_IAT"),
        ("iat: -5", "INVALID_IAT"),
        ("iat: Symbol('x')", "INVALID_IAT"),
    ];
    for (member, code) in cases {
        // Object spread: the member replaces the valid one.
        let options = format!("{{ {VALID}, {member} }}");
        let (got_code, got_field, message) = refused(&options);
        assert_eq!(got_code, *code, "{member}: {message}");
        assert!(
            member.starts_with(&got_field),
            "{member}: field {got_field}"
        );
        assert!(message.contains(&got_field), "{message}");
    }
}

#[wasm_bindgen_test]
fn numeric_strings_are_written_as_numbers() {
    let strings = generate(&js(&format!(
        "{{ {VALID}, role: '1', expirationSeconds: '3600', videoWebRtcMode: '1', iat: 1764201600 }}"
    )));
    let numbers = generate(&js(&format!(
        "{{ {VALID}, role: 1, expirationSeconds: 3600, videoWebRtcMode: 1, iat: 1764201600 }}"
    )));
    assert_eq!(strings.expect("valid"), numbers.expect("valid"));
}

#[wasm_bindgen_test]
fn throwing_getters_are_reported_not_propagated() {
    let (code, field, _) = refused("{ get sdkKey() { throw new Error('boom'); } }");
    assert_eq!(
        (code.as_str(), field.as_str()),
        ("INVALID_OPTIONS", "options")
    );
    let (code, _, _) = refused("new Proxy({}, { ownKeys() { throw new Error('boom'); } })");
    assert_eq!(code, "INVALID_OPTIONS");
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_many_refusals() {
    for _ in 0..200 {
        let _ = generate(&js("{ role: 7 }"));
        let _ = generate(&JsValue::NULL);
    }
    assert!(generate(&js(&format!("{{ {VALID} }}"))).is_ok());
}

#[wasm_bindgen_test]
fn the_secret_as_the_key_is_refused() {
    let (code, field, message) = refused(
        "{ sdkKey: 'Sup3rSecretValue42', sdkSecret: 'Sup3rSecretValue42', meetingNumber: '85746065432', role: 0 }",
    );
    assert_eq!((code.as_str(), field.as_str()), ("SECRET_AS_KEY", "sdkKey"));
    assert!(message.contains("sdkSecret"), "{message}");
}

#[wasm_bindgen_test]
fn meeting_number_digits_takes_whatever_js_passes() {
    let digits = |expression: &str| meeting_number_digits(&js(expression));
    assert_eq!(
        digits("'857 4606 5432'").ok().flatten().as_deref(),
        Some("85746065432")
    );
    // Zoom's samples hold the number after parseInt.
    assert_eq!(
        digits("85746065432").ok().flatten().as_deref(),
        Some("85746065432")
    );
    for nothing in ["null", "undefined", "'room 5'", "1.5", "NaN", "-3"] {
        assert_eq!(digits(nothing).ok(), Some(None), "{nothing}");
    }
    for wrong in [
        "true",
        "({})",
        "Symbol('x')",
        "({ length: 2 ** 31 })",
        "10n",
        "(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()",
    ] {
        let error = digits(wrong).expect_err(wrong);
        assert_eq!(
            get(&error, "code").as_string().as_deref(),
            Some("INVALID_MEETING_NUMBER"),
            "{wrong}"
        );
    }
}
