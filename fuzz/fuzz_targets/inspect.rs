//! Fuzzes the native signature inspector (and the join-error explainer it shares input with). The input is split on NUL bytes into fields, each read as lossy UTF-8:
//!
//! 0 token, 1 sdk secret, 2 sdk key, 3 meeting number, 4 zak, 5 now (decimal), 6 clock (decimal),
//! 7 join error code (decimal), 8 join error message, 9 join error kind, 10 a JSON context (as the
//! JS API would receive it, fed to `inspect_with_context_input` and `JoinError::from_input`).
//!
//! A missing field is `None`; a present but empty one is `Some("")`. An input with no NUL is a
//! bare token, so raw tokens work as seeds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zoomsig::InputValue;
use zoomsig::doctor::{InspectContext, Report, Severity, inspect_signature, inspect_with_context_input};
use zoomsig::join_errors::{JoinError, explain_join_error};
use serde_json::Value as JsonValue;

const DEFAULT_CLOCK: i64 = 1_764_201_600;

fuzz_target!(|data: &[u8]| {
    let fields: Vec<String> = data
        .split(|&b| b == 0)
        .map(|part| String::from_utf8_lossy(part).into_owned())
        .collect();
    let field = |i: usize| fields.get(i).cloned();
    let number = |i: usize| fields.get(i).and_then(|text| text.trim().parse::<i64>().ok());

    let token = field(0).unwrap_or_default();
    let context = InspectContext {
        sdk_secret: field(1),
        sdk_key: field(2),
        meeting_number: field(3),
        zak: field(4),
        now: number(5),
        sdk_version: None,
    };
    let clock = number(6).unwrap_or(DEFAULT_CLOCK);

    let report = inspect_signature(&token, &context, clock);
    check_report(&report, &token, &context, clock);

    // The join explainer, from the same input.
    let join = JoinError {
        code: number(7),
        message: field(8),
        kind: field(9),
    };
    check_json("explain_join_error(...).to_json()", &explain_join_error(&join).to_json());

    // The JS-facing entry points, with a context given as JSON.
    if let Some(text) = fields.get(10) {
        if let Ok(value) = serde_json::from_str::<JsonValue>(text) {
            let input = to_input(&value);
            let report = inspect_with_context_input(&token, &input, clock);
            check_json("inspect_with_context_input(...).to_json()", &report.to_json());
            assert_ok_matches_findings(&report);
            let join = JoinError::from_input(&input);
            check_json("explain_join_error(from_input).to_json()", &explain_join_error(&join).to_json());
        }
    }
});

/// Parses `json`; panics (a fuzz failure) when it is not JSON.
fn check_json(what: &str, json: &str) -> JsonValue {
    match serde_json::from_str::<JsonValue>(json) {
        Ok(value) => value,
        Err(error) => panic!("{what} is not valid JSON ({error}): {json}"),
    }
}

fn assert_ok_matches_findings(report: &Report) {
    let no_errors = !report.findings.iter().any(|f| f.severity == Severity::Error);
    assert_eq!(report.ok(), no_errors, "report.ok() disagrees with the findings: {report:?}");
}

fn check_report(report: &Report, token: &str, context: &InspectContext, clock: i64) {
    let json = report.to_json();
    let value = check_json("inspect_signature(...).to_json()", &json);
    assert_ok_matches_findings(report);
    assert_eq!(
        value.get("ok"),
        Some(&JsonValue::Bool(report.ok())),
        "the JSON's \"ok\" disagrees with report.ok(): {json}"
    );

    // The secret never appears in a report, raw or JSON-escaped. It may legitimately appear when
    // it is short, part of the token, or part of what the report says anyway without it (static
    // message text, the decoded header and payload, the other context fields): the last is judged
    // by inspecting again with no secret and with unrelated wrong secrets, only when needed.
    let Some(secret) = context.sdk_secret.as_deref() else {
        return;
    };
    for needle in [secret, secret.trim()] {
        if needle.chars().count() < 8 || token.contains(needle) {
            continue;
        }
        if !haystack(&json, &value).contains(needle) {
            continue;
        }
        let innocent = [None, Some("\u{1}baseline wrong secret\u{1}"), Some(" \u{1}baseline wrong secret\u{1}\n")]
            .into_iter()
            .any(|other| {
                let mut without = context.clone();
                without.sdk_secret = other.map(str::to_owned);
                let json = inspect_signature(token, &without, clock).to_json();
                let value = check_json("inspect_signature(baseline).to_json()", &json);
                haystack(&json, &value).contains(needle)
            });
        assert!(innocent, "the secret {needle:?} appears in the report: {json}");
    }
}

/// The JSON text and every string (and member name) in it, decoded, so an escaped secret is found.
fn haystack(json: &str, value: &JsonValue) -> String {
    fn walk(value: &JsonValue, out: &mut String) {
        match value {
            JsonValue::String(text) => {
                out.push('\u{0}');
                out.push_str(text);
            }
            JsonValue::Array(items) => items.iter().for_each(|item| walk(item, out)),
            JsonValue::Object(members) => {
                for (name, item) in members {
                    out.push('\u{0}');
                    out.push_str(name);
                    walk(item, out);
                }
            }
            JsonValue::Null | JsonValue::Bool(_) | JsonValue::Number(_) => {}
        }
    }
    let mut out = json.to_owned();
    walk(value, &mut out);
    out
}

/// A parsed JSON value as the JS bindings would hand it over.
fn to_input(value: &JsonValue) -> InputValue {
    match value {
        JsonValue::Null => InputValue::Null,
        JsonValue::Bool(b) => InputValue::Bool(*b),
        JsonValue::Number(n) => InputValue::Number(n.to_string().parse().unwrap_or(f64::NAN)),
        JsonValue::String(text) => InputValue::String(text.clone()),
        JsonValue::Array(items) => InputValue::Array(items.iter().map(to_input).collect()),
        // As JSON.parse builds it (serde_json keeps the order): a repeated name keeps its first
        // place and its last value.
        JsonValue::Object(members) => InputValue::Object(
            members.iter().map(|(name, item)| (name.clone(), to_input(item))).collect(),
        ),
    }
}
