//! `SignatureRequest` natively: byte-identical to Zoom's sample (vectors made by the real
//! jsrsasign, see scripts/make-signature-vectors.mjs) and every refusal with its code and field.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::indexing_slicing)]
mod common;

use common::{input, options, segment};
use zoomsig::{ErrorCode, InputValue, SignatureRequest};

const SECRET: &str = "Sup3rSecretValue42";

fn valid() -> Vec<(String, InputValue)> {
    match options(&format!(
        r#"{{"sdkKey":"abcdEFGHijklMNOPqrst12","sdkSecret":"{SECRET}","meetingNumber":"85746065432","role":0}}"#
    )) {
        InputValue::Object(entries) => entries,
        _ => unreachable!(),
    }
}

/// The valid options with one member set (or added) to `value`.
fn with(name: &str, value: InputValue) -> InputValue {
    let mut entries = valid();
    match entries.iter_mut().find(|(n, _)| n == name) {
        Some(entry) => entry.1 = value,
        None => entries.push((name.to_string(), value)),
    }
    InputValue::Object(entries)
}

fn without(name: &str) -> InputValue {
    InputValue::Object(valid().into_iter().filter(|(n, _)| n != name).collect())
}

fn generate(options: &InputValue) -> Result<String, zoomsig::SignatureError> {
    SignatureRequest::from_options(options).and_then(|r| r.sign(1_764_201_600))
}

fn text(value: &str) -> InputValue {
    InputValue::String(value.to_string())
}

fn number(value: f64) -> InputValue {
    InputValue::Number(value)
}

#[test]
fn matches_zoom_sample_with_jsrsasign() {
    let vectors = common::data("signature-vectors.json");
    let vectors = vectors.as_array().expect("list");
    assert!(vectors.len() >= 40);
    for vector in vectors {
        let token = generate(&input(&vector["options"])).expect("valid options");
        assert_eq!(
            token,
            vector["token"].as_str().expect("token"),
            "{}",
            vector["options"]
        );
    }
}

#[test]
fn default_iat_is_thirty_seconds_back_and_exp_two_hours_on() {
    let token = generate(&InputValue::Object(valid())).expect("valid");
    assert_eq!(segment(&token, 0), r#"{"alg":"HS256","typ":"JWT"}"#);
    assert_eq!(
        segment(&token, 1),
        r#"{"appKey":"abcdEFGHijklMNOPqrst12","sdkKey":"abcdEFGHijklMNOPqrst12","mn":"85746065432","role":0,"iat":1764201570,"exp":1764208770,"tokenExp":1764208770}"#
    );
}

#[test]
fn null_and_undefined_members_count_as_absent() {
    let plain = generate(&InputValue::Object(valid())).expect("valid");
    assert_eq!(
        generate(&with("expirationSeconds", InputValue::Null)),
        Ok(plain.clone())
    );
    assert_eq!(
        generate(&with("videoWebRtcMode", InputValue::Undefined)),
        Ok(plain.clone())
    );
    assert_eq!(
        generate(&with("userName", InputValue::Undefined)),
        Ok(plain)
    );
}

#[test]
fn key_and_secret_aliases_agree() {
    let plain = generate(&InputValue::Object(valid())).expect("valid");
    let aliased = options(&format!(
        r#"{{"clientId":"abcdEFGHijklMNOPqrst12","clientSecret":"{SECRET}","meetingNumber":"85746065432","role":0}}"#
    ));
    assert_eq!(generate(&aliased), Ok(plain.clone()));
    assert_eq!(
        generate(&with("clientId", text("abcdEFGHijklMNOPqrst12"))),
        Ok(plain)
    );
}

struct Refusal {
    options: InputValue,
    code: ErrorCode,
    field: &'static str,
    says: &'static str,
}

fn refusal(
    options: InputValue,
    code: ErrorCode,
    field: &'static str,
    says: &'static str,
) -> Refusal {
    Refusal {
        options,
        code,
        field,
        says,
    }
}

fn refusals() -> Vec<Refusal> {
    use ErrorCode::*;
    vec![
        refusal(InputValue::Null, InvalidOptions, "options", "got null"),
        refusal(
            InputValue::Undefined,
            InvalidOptions,
            "options",
            "got undefined",
        ),
        refusal(
            InputValue::Array(Vec::new()),
            InvalidOptions,
            "options",
            "got an array",
        ),
        refusal(text("{}"), InvalidOptions, "options", "got a string"),
        refusal(options("{}"), MissingOption, "sdkKey", "sdkKey"),
        refusal(
            with("meetingnumber", text("1")),
            UnknownOption,
            "meetingnumber",
            "did you mean `meetingNumber`",
        ),
        refusal(
            with("sdk_key", text("k")),
            UnknownOption,
            "sdk_key",
            "did you mean `sdkKey`",
        ),
        refusal(
            with("secret", text("x")),
            UnknownOption,
            "secret",
            "did you mean `sdkSecret`",
        ),
        refusal(
            with("userName", text("x")),
            UnknownOption,
            "userName",
            "takes sdkKey, clientId",
        ),
        refusal(
            with("clientId", text("other")),
            ConflictingOptions,
            "clientId",
            "differ",
        ),
        refusal(
            with("clientSecret", text("other")),
            ConflictingOptions,
            "clientSecret",
            "differ",
        ),
        refusal(
            without("sdkKey"),
            MissingOption,
            "sdkKey",
            "`sdkKey` or `clientId`",
        ),
        refusal(
            with("sdkKey", number(12.0)),
            InvalidKey,
            "sdkKey",
            "must be a string",
        ),
        refusal(with("sdkKey", text("")), InvalidKey, "sdkKey", "empty"),
        refusal(
            with("sdkKey", text(" abc\n")),
            InvalidKey,
            "sdkKey",
            "spaces or line breaks",
        ),
        refusal(
            without("sdkSecret"),
            MissingOption,
            "sdkSecret",
            "`sdkSecret` or `clientSecret`",
        ),
        refusal(
            with("sdkSecret", text("")),
            EmptySecret,
            "sdkSecret",
            "empty",
        ),
        refusal(
            with("sdkSecret", number(42.0)),
            InvalidSecret,
            "sdkSecret",
            "must be a string",
        ),
        refusal(
            with("sdkSecret", text("abc\n")),
            InvalidSecret,
            "sdkSecret",
            "spaces or line breaks",
        ),
        refusal(
            without("meetingNumber"),
            MissingOption,
            "meetingNumber",
            "9 to 11 digit",
        ),
        refusal(
            with("meetingNumber", text("857 4606 5432")),
            InvalidMeetingNumber,
            "meetingNumber",
            "use \"85746065432\"",
        ),
        refusal(
            with("meetingNumber", text("857-4606-5432")),
            InvalidMeetingNumber,
            "meetingNumber",
            "use \"85746065432\"",
        ),
        refusal(
            with("meetingNumber", text("https://zoom.us/j/85746065432?pwd=x")),
            InvalidMeetingNumber,
            "meetingNumber",
            "link",
        ),
        refusal(
            with("meetingNumber", text("12345678")),
            InvalidMeetingNumber,
            "meetingNumber",
            "has 8 digits",
        ),
        refusal(
            with("meetingNumber", text("")),
            InvalidMeetingNumber,
            "meetingNumber",
            "9 to 11 digits",
        ),
        refusal(
            with("meetingNumber", text("abc")),
            InvalidMeetingNumber,
            "meetingNumber",
            "9 to 11 digits",
        ),
        refusal(
            with("meetingNumber", number(123_456_789_012.0)),
            InvalidMeetingNumber,
            "meetingNumber",
            "has 12 digits",
        ),
        refusal(
            with("meetingNumber", number(8_574_606_543.5)),
            InvalidMeetingNumber,
            "meetingNumber",
            "9 to 11 digit",
        ),
        refusal(
            with("meetingNumber", number(-123_456_789.0)),
            InvalidMeetingNumber,
            "meetingNumber",
            "9 to 11 digit",
        ),
        refusal(
            with("meetingNumber", number(f64::NAN)),
            InvalidMeetingNumber,
            "meetingNumber",
            "9 to 11 digit",
        ),
        refusal(
            with("meetingNumber", InputValue::Bool(true)),
            InvalidMeetingNumber,
            "meetingNumber",
            "got a boolean",
        ),
        refusal(without("role"), MissingOption, "role", "0 to join"),
        refusal(
            with("role", number(2.0)),
            InvalidRole,
            "role",
            "0 (join as participant) or 1",
        ),
        refusal(
            with("role", text("host")),
            InvalidRole,
            "role",
            "0 (join as participant) or 1",
        ),
        refusal(with("role", text(" 1")), InvalidRole, "role", "0 (join"),
        refusal(with("role", number(0.5)), InvalidRole, "role", "0 (join"),
        refusal(
            with("role", InputValue::Bool(true)),
            InvalidRole,
            "role",
            "0 (join",
        ),
        refusal(
            with("expirationSeconds", number(1799.0)),
            InvalidExpiration,
            "expirationSeconds",
            "from 1800 (30 minutes) to 172800 (48 hours)",
        ),
        refusal(
            with("expirationSeconds", number(172_801.0)),
            InvalidExpiration,
            "expirationSeconds",
            "got 172801",
        ),
        refusal(
            with("expirationSeconds", number(7_200_000.0)),
            InvalidExpiration,
            "expirationSeconds",
            "milliseconds: give seconds, 7200",
        ),
        refusal(
            with("expirationSeconds", number(7200.5)),
            InvalidExpiration,
            "expirationSeconds",
            "fraction",
        ),
        refusal(
            with("expirationSeconds", number(-7200.0)),
            InvalidExpiration,
            "expirationSeconds",
            "got -7200",
        ),
        refusal(
            with("expirationSeconds", number(f64::NAN)),
            InvalidExpiration,
            "expirationSeconds",
            "NaN",
        ),
        refusal(
            with("expirationSeconds", number(f64::INFINITY)),
            InvalidExpiration,
            "expirationSeconds",
            "infinite",
        ),
        refusal(
            with("expirationSeconds", number(1e300)),
            InvalidExpiration,
            "expirationSeconds",
            "out of range",
        ),
        refusal(
            with("expirationSeconds", text("7200s")),
            InvalidExpiration,
            "expirationSeconds",
            "not only digits",
        ),
        refusal(
            with("expirationSeconds", text("")),
            InvalidExpiration,
            "expirationSeconds",
            "not only digits",
        ),
        refusal(
            with("expirationSeconds", InputValue::Array(Vec::new())),
            InvalidExpiration,
            "expirationSeconds",
            "an array",
        ),
        refusal(
            with("videoWebRtcMode", number(2.0)),
            InvalidWebRtcMode,
            "videoWebRtcMode",
            "0 or 1",
        ),
        refusal(
            with("videoWebRtcMode", InputValue::Bool(true)),
            InvalidWebRtcMode,
            "videoWebRtcMode",
            "0 or 1",
        ),
        refusal(
            with("videoWebRtcMode", text("yes")),
            InvalidWebRtcMode,
            "videoWebRtcMode",
            "0 or 1",
        ),
        refusal(
            with("iat", text("1764201600")),
            InvalidIat,
            "iat",
            "not a string",
        ),
        refusal(
            with("iat", number(1_764_201_600_000.0)),
            InvalidIat,
            "iat",
            "milliseconds",
        ),
        refusal(
            with("iat", number(1_764_201_600.5)),
            InvalidIat,
            "iat",
            "fraction",
        ),
        refusal(
            with("iat", number(-1.0)),
            InvalidIat,
            "iat",
            "between the years 2000 and 2100",
        ),
        refusal(
            with("iat", number(0.0)),
            InvalidIat,
            "iat",
            "between the years 2000 and 2100",
        ),
        refusal(with("iat", number(f64::NAN)), InvalidIat, "iat", "NaN"),
        refusal(
            with("iat", InputValue::Other("bigint".into())),
            InvalidIat,
            "iat",
            "a bigint",
        ),
    ]
}

#[test]
fn every_refusal_has_its_code_field_and_fix() {
    for case in refusals() {
        let error = generate(&case.options).expect_err(case.says);
        assert_eq!(error.code(), case.code, "{error}");
        assert_eq!(error.field(), case.field, "{error}");
        assert!(
            error.message().contains(case.says),
            "{error:?} should say {:?}",
            case.says
        );
        assert!(
            error.message().contains(case.field) || case.field == "options",
            "{error}"
        );
    }
}

#[test]
fn messages_never_contain_the_secret() {
    for case in refusals() {
        for alias in ["sdkSecret", "clientSecret"] {
            // Put the secret in every member the case leaves alone and in the alias too.
            let InputValue::Object(mut entries) = case.options.clone() else {
                continue;
            };
            entries.push((alias.to_string(), text(SECRET)));
            if let Err(error) = generate(&InputValue::Object(entries)) {
                assert!(!error.message().contains(SECRET), "{error}");
                assert!(!error.field().contains(SECRET), "{error}");
            }
        }
    }
    // A secret given where a meeting number or key belongs is not echoed either.
    for name in [
        "meetingNumber",
        "sdkKey",
        "role",
        "expirationSeconds",
        "iat",
        "videoWebRtcMode",
    ] {
        let error = generate(&with(name, text(" Sup3rSecretValue42 "))).expect_err(name);
        assert!(!error.message().contains(SECRET), "{error}");
    }
}

#[test]
fn accepts_the_edges_of_every_range() {
    let cases = [
        ("meetingNumber", text("123456789")),
        ("meetingNumber", text("12345678901")),
        ("meetingNumber", number(123_456_789.0)),
        ("meetingNumber", number(99_999_999_999.0)),
        ("expirationSeconds", number(1800.0)),
        ("expirationSeconds", number(172_800.0)),
        ("expirationSeconds", text("1800")),
        ("role", text("1")),
        ("role", number(1.0)),
        ("videoWebRtcMode", text("0")),
        ("iat", number(946_684_800.0)),
        ("iat", number(4_102_444_800.0)),
    ];
    for (name, value) in cases {
        let options = with(name, value.clone());
        assert!(generate(&options).is_ok(), "{name} = {value:?}");
    }
}

// Random members of every kind, to show refusal never panics and always carries a known field.
#[test]
fn random_inputs_never_panic() {
    let mut seed: u64 = 0x2026_1127;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let names = [
        "sdkKey",
        "clientId",
        "sdkSecret",
        "clientSecret",
        "meetingNumber",
        "role",
        "expirationSeconds",
        "videoWebRtcMode",
        "iat",
        "mn",
        "Role",
        "",
    ];
    let values = [
        InputValue::Undefined,
        InputValue::Null,
        InputValue::Bool(false),
        number(0.0),
        number(1.0),
        number(-0.0),
        number(f64::NAN),
        number(f64::NEG_INFINITY),
        number(1e21),
        number(-1e21),
        number(9_007_199_254_740_993.0),
        number(85_746_065_432.0),
        number(7200.0),
        number(1_764_201_600.0),
        text(""),
        text("1"),
        text("85746065432"),
        text("7200"),
        text("999999999999999999999"),
        text("٣٤٥٦٧٨٩٠١"),
        text("\u{0}"),
        text("𝟙𝟚𝟛"),
        InputValue::Array(Vec::new()),
        InputValue::Object(vec![]),
        InputValue::Other("symbol".into()),
    ];
    for _ in 0..20_000 {
        let count = (next() % 8) as usize;
        let entries = (0..count)
            .map(|_| {
                let name = names[(next() % names.len() as u64) as usize];
                let value = values[(next() % values.len() as u64) as usize].clone();
                (name.to_string(), value)
            })
            .collect();
        match generate(&InputValue::Object(entries)) {
            Ok(token) => assert_eq!(token.split('.').count(), 3),
            Err(error) => {
                assert!(!error.message().is_empty());
                // The field is the caller's own spelling, which may be "" for an unknown option.
                assert!(!error.field().is_empty() || error.code() == ErrorCode::UnknownOption);
            }
        }
    }
}
