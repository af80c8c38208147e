//! The signature doctor natively: each finding code from a token built for it outside zoomsig
//! (scripts/make-inspect-cases.mjs, with Node's crypto and jsrsasign), and never from a good one.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::indexing_slicing)]
mod common;

use std::collections::BTreeSet;

use common::input;
use zoomsig::doctor::{
    FindingCode, InspectContext, Severity, context_from_input, inspect_signature,
};
use zoomsig::{InputValue, SignatureRequest};

fn codes(report: &zoomsig::doctor::Report) -> Vec<String> {
    let set: BTreeSet<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    set.into_iter().map(str::to_string).collect()
}

#[test]
fn each_case_gets_exactly_its_findings() {
    let data = common::data("inspect-cases.json");
    let secret = data["secret"].as_str().expect("secret");
    for case in data["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let (context, mut problems) = context_from_input(&input(&case["context"]));
        let mut report = inspect_signature(case["token"].as_str().expect("token"), &context, 0);
        report.findings.append(&mut problems);
        let expected: Vec<String> = case["expect"]
            .as_array()
            .expect("expect")
            .iter()
            .map(|c| c.as_str().expect("code").to_string())
            .collect();
        assert_eq!(codes(&report), expected, "{name}: {:#?}", report.findings);
        for finding in &report.findings {
            assert!(
                !finding.message.is_empty() && !finding.fix.is_empty(),
                "{name}"
            );
            assert!(
                !finding.message.contains(secret) && !finding.fix.contains(secret),
                "{name}"
            );
        }
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("report JSON");
        assert!(!report.to_json().contains(secret), "{name}");
        assert_eq!(json["ok"], report.ok(), "{name}");
        assert_eq!(
            json["findings"].as_array().map(Vec::len),
            Some(report.findings.len())
        );
    }
}

#[test]
fn every_code_has_a_case() {
    let covered: BTreeSet<String> = ["inspect-cases.json", "video-cases.json"]
        .iter()
        .flat_map(|file| {
            common::data(file)["cases"]
                .as_array()
                .expect("cases")
                .clone()
        })
        .flat_map(|case| case["expect"].as_array().expect("expect").clone())
        .map(|code| code.as_str().expect("code").to_string())
        .collect();
    for code in FindingCode::ALL {
        assert!(
            covered.contains(code.as_str()),
            "no case for {}",
            code.as_str()
        );
    }
}

#[test]
fn report_json_has_the_decoded_parts_and_times() {
    let data = common::data("inspect-cases.json");
    let good = &data["cases"][0];
    let (context, _) = context_from_input(&input(&good["context"]));
    let report = inspect_signature(good["token"].as_str().expect("token"), &context, 0);
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("JSON");
    assert_eq!(json["kind"], "meeting-sdk");
    assert_eq!(json["header"]["alg"], "HS256");
    assert_eq!(json["payload"]["mn"], "85746065432");
    assert_eq!(json["signatureVerified"], true);
    assert_eq!(json["issuedAt"], 1_764_201_570);
    assert_eq!(json["expiresAt"], 1_764_201_570 + 7200);
    assert_eq!(json["findings"][0]["code"], "SIGNATURE_VERIFIED");
    assert_eq!(json["findings"][0]["severity"], "info");
}

#[test]
fn without_a_secret_nothing_is_verified() {
    let data = common::data("inspect-cases.json");
    let token = data["cases"][0]["token"].as_str().expect("token");
    let report = inspect_signature(token, &InspectContext::default(), 1_764_201_600);
    assert_eq!(report.signature_verified, None);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    assert!(report.ok());
}

// Property: whatever generateSignature makes inspects ok, verified, with no other finding.
#[test]
fn generated_tokens_always_inspect_clean() {
    let mut seed: u64 = 0x5eed_2026;
    let mut next = move |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
        .chars()
        .collect();
    for _ in 0..3000 {
        let mut text = |min: u64, max: u64| -> String {
            let len = min + next(max - min + 1);
            (0..len)
                .map(|_| alphabet[next(alphabet.len() as u64) as usize])
                .collect()
        };
        let key = text(1, 40);
        let secret = text(1, 64);
        let digits = 9 + next(3);
        let number = 10u64.pow(digits as u32 - 1) + next(9 * 10u64.pow(digits as u32 - 1));
        let host = next(2) == 1;
        let now = 1_700_000_000 + next(300_000_000) as i64;
        let mut options = vec![
            ("sdkKey".to_string(), InputValue::String(key.clone())),
            ("sdkSecret".to_string(), InputValue::String(secret.clone())),
            (
                "meetingNumber".to_string(),
                if next(2) == 0 {
                    InputValue::String(number.to_string())
                } else {
                    InputValue::Number(number as f64)
                },
            ),
            (
                "role".to_string(),
                InputValue::Number(if host { 1.0 } else { 0.0 }),
            ),
            (
                "expirationSeconds".to_string(),
                InputValue::Number((1800 + next(172_800 - 1800 + 1)) as f64),
            ),
        ];
        if next(2) == 0 {
            options.push((
                "videoWebRtcMode".to_string(),
                InputValue::Number(next(2) as f64),
            ));
        }
        let token = SignatureRequest::from_options(&InputValue::Object(options))
            .and_then(|request| request.sign(now))
            .expect("valid options");
        let context = InspectContext {
            sdk_secret: Some(secret),
            sdk_key: Some(key),
            meeting_number: Some(number.to_string()),
            zak: Some(if host {
                "host-zak".into()
            } else {
                String::new()
            }),
            now: Some(now),
            sdk_version: None,
            ..InspectContext::default()
        };
        let report = inspect_signature(&token, &context, 0);
        assert!(report.ok(), "{token}: {:#?}", report.findings);
        assert_eq!(report.signature_verified, Some(true));
        assert_eq!(
            codes(&report),
            vec!["SIGNATURE_VERIFIED".to_string()],
            "{token}"
        );
        assert!(report.findings.iter().all(|f| f.severity == Severity::Info));
    }
}

#[test]
fn arbitrary_strings_never_panic() {
    let data = common::data("inspect-cases.json");
    let tokens: Vec<String> = data["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| c["token"].as_str().expect("token").to_string())
        .collect();
    let context = InspectContext {
        sdk_secret: Some("s".into()),
        sdk_key: Some("k".into()),
        meeting_number: Some("x".into()),
        zak: Some(String::new()),
        now: None,
        sdk_version: None,
        ..InspectContext::default()
    };
    // Every prefix and every single-byte change of every case token.
    for token in &tokens {
        for end in (0..=token.len()).filter(|i| token.is_char_boundary(*i)) {
            let _ = inspect_signature(&token[..end], &context, 1_764_201_600).to_json();
        }
        for (i, _) in token.char_indices().step_by(5) {
            for replacement in ['.', '=', '+', '"', '\\', 'é'] {
                let mut changed = token.clone();
                changed.replace_range(
                    i..i + token[i..].chars().next().map_or(1, char::len_utf8),
                    &replacement.to_string(),
                );
                let report = inspect_signature(&changed, &context, 1_764_201_600);
                let _: serde_json::Value =
                    serde_json::from_str(&report.to_json()).expect("report JSON");
            }
        }
    }
}
