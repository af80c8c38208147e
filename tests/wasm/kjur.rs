//! `KJUR.jws.JWS.sign` and `verify` through the wasm exports, called with JS values a page would
//! pass: header objects (changed as jsrsasign changes them), frozen and throwing objects, cyclic
//! payloads, lone surrogates, key objects. Shared by `tests/web.rs` and `tests/node.rs`; the
//! comparison with the real jsrsasign is `tests/node/kjur.test.mjs`.

use js_sys::{Function, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use zoomsig::wasm::{kjur_sign, kjur_verify};

/// Evaluates a JS expression, so that tests write arguments as a page would.
fn js(expression: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .expect("test expression")
}

fn sign(alg: &str, header: &str, payload: &str, key: &str) -> Result<String, JsValue> {
    kjur_sign(&js(alg), &js(header), &js(payload), &js(key))
}

fn get(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).expect("property")
}

fn code(result: Result<impl std::fmt::Debug, JsValue>) -> String {
    let error = result.expect_err("refused");
    assert_eq!(
        get(&error, "name").as_string().as_deref(),
        Some("ZoomsigError")
    );
    let message = get(&error, "message").as_string().expect("message");
    assert!(message.starts_with("KJUR.jws.JWS."), "{message}");
    get(&error, "code").as_string().expect("code")
}

#[wasm_bindgen_test]
fn an_object_header_is_signed_as_json_stringify_writes_it_and_gets_alg() {
    let header = js("{ typ: 'JWT', n: 1.50, u: undefined, s: 'Zoë\\u2028' }");
    let token = kjur_sign(
        &"HS256".into(),
        &header,
        &js("{ a: [1, null] }"),
        &"k".into(),
    )
    .expect("signs");
    let text = sign(
        "'HS256'",
        r#"'{"typ":"JWT","n":1.5,"s":"Zoë\u2028","alg":"HS256"}'"#,
        r#"'{"a":[1,null]}'"#,
        "'k'",
    )
    .expect("signs");
    assert_eq!(token, text);
    assert_eq!(get(&header, "alg").as_string().as_deref(), Some("HS256"));
}

#[wasm_bindgen_test]
fn odd_header_objects_behave_as_with_jsrsasign() {
    // An array header (alg lands on the array, and JSON.stringify does not write it) and one with
    // toJSON (which decides what is signed): the tokens the real jsrsasign made for them
    // (scripts/make-kjur-vectors.mjs).
    let vectors = js(include_str!("../data/kjur-header-vectors.json"));
    for vector in js_sys::Array::from(&vectors).iter() {
        let field = |name: &str| get(&vector, name).as_string().expect(name);
        let quoted = |text: String| format!("'{text}'");
        assert_eq!(
            sign(
                "'HS256'",
                &field("header"),
                &quoted(field("payload")),
                &quoted(field("key"))
            )
            .ok(),
            Some(field("token")),
            "{}",
            field("header")
        );
    }
    assert_eq!(
        code(sign(
            "'HS256'",
            "Object.freeze({ typ: 'JWT' })",
            "'p'",
            "'k'"
        )),
        "ALG_MISMATCH"
    );
    assert_eq!(
        code(sign(
            "'HS256'",
            "({ get alg() { throw new Error('no'); } })",
            "'p'",
            "'k'"
        )),
        "HEADER_OBJECT"
    );
    assert_eq!(
        code(sign("null", "{ alg: Symbol('HS256') }", "'p'", "'k'")),
        "UNSUPPORTED_ALG"
    );
    assert_eq!(code(sign("'HS256'", "null", "'p'", "'k'")), "HEADER_TYPE");
    assert_eq!(
        code(sign("'HS256'", "() => 1", "'p'", "'k'")),
        "HEADER_TYPE"
    );
}

#[wasm_bindgen_test]
fn payload_objects_that_cannot_be_serialised_are_refused() {
    assert_eq!(
        code(sign(
            "'HS256'",
            "'{}'",
            "(() => { const o = {}; o.o = o; return o; })()",
            "'k'"
        )),
        "PAYLOAD_OBJECT"
    );
    assert_eq!(
        code(sign("'HS256'", "'{}'", "{ n: 1n }", "'k'")),
        "PAYLOAD_OBJECT"
    );
    assert_eq!(
        code(sign("'HS256'", "'{}'", "{ toJSON() {} }", "'k'")),
        "PAYLOAD_OBJECT"
    );
    assert_eq!(
        code(sign("'HS256'", "'{}'", "undefined", "'k'")),
        "PAYLOAD_TYPE"
    );
    // null is an object to jsrsasign: it signs "null".
    assert_eq!(
        sign("'HS256'", "'{}'", "null", "'k'").expect("signs"),
        sign("'HS256'", "'{}'", "'null'", "'k'").expect("signs")
    );
}

#[wasm_bindgen_test]
fn keys_keep_their_utf16_units() {
    // A lone surrogate's low byte is 0x00; {utf8} cannot encode one.
    assert_eq!(
        sign("'HS256'", "'{}'", "'p'", "'\\uD800'").expect("signs"),
        sign("'HS256'", "'{}'", "'p'", "{ hex: '00' }").expect("signs")
    );
    assert_eq!(
        code(sign("'HS256'", "'{}'", "'p'", "{ utf8: '\\uD800' }")),
        "KEY_LONE_SURROGATE"
    );
    assert_eq!(
        code(sign(
            "'HS256'",
            "'{}'",
            "'p'",
            "{ get utf8() { throw new Error('no'); } }"
        )),
        "KEY_MEMBER_TYPE"
    );
    assert_eq!(
        code(sign("'HS256'", "'{}'", "'p'", "{ utf8: 5 }")),
        "KEY_MEMBER_TYPE"
    );
    assert_eq!(code(sign("'HS256'", "'{}'", "'p'", "42")), "KEY_TYPE");
    assert_eq!(
        code(sign("'HS256'", "'{}'", "'p'", "undefined")),
        "KEY_MISSING"
    );
    assert_eq!(code(sign("'HS256'", "'{}'", "'p'", "null")), "KEY_MISSING");
    assert_eq!(code(sign("1", "'{}'", "'p'", "'k'")), "ALG_TYPE");
}

#[wasm_bindgen_test]
fn a_hex_or_non_ascii_secret_warns_once() {
    let install = js("(() => { const seen = []; const warn = console.warn; \
                      console.warn = (m) => seen.push(String(m)); \
                      return { seen, restore: () => { console.warn = warn; } }; })()");
    let seen = get(&install, "seen");
    let count = || js_sys::Array::from(&seen).length();
    let result = (|| {
        sign("'HS256'", "'{}'", "'p'", "'ordinarySecret'")?;
        let after_plain = count();
        sign("'HS256'", "'{}'", "'p'", "'deadbeef'")?;
        let after_hex = count();
        sign("'HS256'", "'{}'", "'p'", "'Zoë'")?;
        sign("'HS256'", "'{}'", "'p'", "{ utf8: 'Zoë' }")?;
        Ok::<_, JsValue>((after_plain, after_hex, count()))
    })();
    let restore: Function = get(&install, "restore").into();
    restore.call0(&JsValue::NULL).expect("restore");
    assert_eq!(result.expect("signs"), (0, 1, 2));
    let first = js_sys::Array::from(&seen).get(0).as_string().expect("text");
    assert!(first.contains("UTF-8 bytes of the secret") && !first.contains("deadbeef"));
}

#[wasm_bindgen_test]
fn verify_takes_js_values_as_jsrsasign_does() {
    let token = sign("'HS256'", "'{\"alg\":\"HS256\"}'", "'p'", "'k'").expect("signs");
    let verify =
        |token: &JsValue, key: &str, accept: &str| kjur_verify(token, &js(key), &js(accept));
    let token = JsValue::from(token);
    assert_eq!(verify(&token, "'k'", "undefined").ok(), Some(true));
    assert_eq!(
        verify(&token, "{ utf8: 'k' }", "['HS256']").ok(),
        Some(true)
    );
    assert_eq!(verify(&token, "'x'", "[]").ok(), Some(false));
    // Not an array: ignored, as in jsrsasign.
    assert_eq!(verify(&token, "'k'", "'HS512'").ok(), Some(true));
    assert_eq!(
        code(verify(&token, "'k'", "['HS512', 'RS256']")),
        "ALG_NOT_ACCEPTED"
    );
    assert_eq!(
        code(verify(&JsValue::from(5), "'k'", "undefined")),
        "TOKEN_TYPE"
    );
    // An item whose toString throws: a typed error that says so (jsrsasign lets the item's own
    // error through, which has no code).
    let thrown = verify(
        &token,
        "'k'",
        "[{ toString() { throw new TypeError('item'); } }]",
    )
    .expect_err("throws");
    assert_eq!(code(Err::<bool, _>(thrown.clone())), "ACCEPT_ALGS");
    let message = get(&thrown, "message").as_string().unwrap_or_default();
    assert!(message.contains("reading it threw: item"), "{message}");
    // A revoked Proxy, and a sparse array far longer than any list: typed errors too.
    for list in [
        "(() => { const p = Proxy.revocable([], {}); p.revoke(); return p.proxy; })()",
        "(() => { const a = []; a.length = 2 ** 32 - 1; return a; })()",
        "new Proxy(['HS256'], { get() { throw new Error('trap'); } })",
    ] {
        assert_eq!(code(verify(&token, "'k'", list)), "ACCEPT_ALGS", "{list}");
    }
}
