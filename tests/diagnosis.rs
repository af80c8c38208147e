//! The differential diagnosis: what a report rules out and leaves open, and how it narrows a join
//! error's causes. Tokens from tests/data/diagnosis-cases.json, built outside zoomsig
//! (scripts/make-diagnosis-cases.mjs, with Node's crypto and the real jsrsasign).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::indexing_slicing)]
mod common;

use std::collections::BTreeSet;

use zoomsig::doctor::{Report, context_from_input, inspect_signature};
use zoomsig::join_errors::{
    JoinError, Narrowed, ReportFacts, explain_join_error, explain_join_error_with_report,
};

fn report_of(case: &serde_json::Value) -> Report {
    let (context, problems) = context_from_input(&common::input(&case["context"]));
    assert!(problems.is_empty(), "{problems:?}");
    inspect_signature(case["token"].as_str().expect("token"), &context, 0)
}

fn narrowed_3712(report: &Report) -> Narrowed {
    let error = JoinError {
        code: Some(200),
        message: Some("Invalid signature.".into()),
        kind: None,
    };
    explain_join_error_with_report(&error, &ReportFacts::from_report(report))
        .narrowed
        .expect("narrowed")
}

fn codes<'a>(items: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    items.collect()
}

#[test]
fn the_founding_story_leads_with_the_key_app_type() {
    let data = common::data("diagnosis-cases.json");
    let report = report_of(&data["foundingStory"]);
    assert!(report.ok(), "{:#?}", report.findings);
    assert_eq!(report.signature_verified, Some(true));
    let first = report.remaining.first().expect("something remains");
    assert_eq!(first.code.as_str(), "KEY_APP_TYPE");
    assert!(first.message.contains("2.7.0"), "{}", first.message);
    assert!(first.check.contains("Marketplace"), "{}", first.check);
    let open = codes(report.remaining.iter().map(|r| r.code.as_str()));
    assert!(open.contains("KEY_SECRET_PAIR"), "{open:?}");
    // Nothing was found, so every Meeting SDK cause is either ruled out or open.
    let video_only = [
        "VIDEO_KEY_TYPE",
        "OTHER_VIDEO_ACCOUNT",
        "SESSION_KEY_MISMATCH",
        "TOPIC_MISMATCH",
        "ROLE_TYPE",
        "VIDEO_CLAIMS",
    ];
    let meeting_causes = zoomsig::doctor::Cause::ALL
        .iter()
        .filter(|cause| !video_only.contains(&cause.as_str()))
        .count();
    assert_eq!(
        report.ruled_out.len() + report.remaining.len(),
        meeting_causes
    );

    let narrowed = narrowed_3712(&report);
    assert!(narrowed.found.is_empty(), "{:?}", narrowed.found);
    let ruled_out = codes(narrowed.ruled_out.iter().map(|r| r.code));
    for cause in [
        "SECRET_ENCODING",
        "BASE64_FORM",
        "HEADER",
        "TIMES",
        "MEETING_MISMATCH",
        "APPKEY_MISSING",
    ] {
        assert!(
            ruled_out.contains(cause),
            "{cause} not ruled out: {ruled_out:?}"
        );
    }
    let remaining: Vec<&str> = narrowed.remaining.iter().map(|r| r.code).collect();
    assert_eq!(remaining.first(), Some(&"KEY_APP_TYPE"), "{remaining:?}");
    assert!(remaining.contains(&"KEY_SECRET_PAIR"), "{remaining:?}");
    // The fixes follow what remains: not "check the token with zoomsig", which was just done.
    assert!(
        narrowed
            .fixes
            .iter()
            .all(|fix| !fix.contains("with zoomsig")),
        "{:?}",
        narrowed.fixes
    );
    assert!(
        narrowed
            .fixes
            .first()
            .is_some_and(|fix| fix.contains("Marketplace"))
    );
}

#[test]
fn each_cause_is_found_in_a_token_that_has_it_and_never_ruled_out_there() {
    let data = common::data("diagnosis-cases.json");
    for case in data["causes"].as_array().expect("causes") {
        let cause = case["cause"].as_str().expect("cause");
        let narrowed = narrowed_3712(&report_of(case));
        let found = codes(narrowed.found.iter().filter_map(|f| f.cause));
        assert!(found.contains(cause), "{cause}: found {found:?}");
        assert!(
            narrowed.ruled_out.iter().all(|r| r.code != cause),
            "{cause} ruled out"
        );
        assert!(
            narrowed.remaining.iter().all(|r| r.code != cause),
            "{cause} remains"
        );
    }
}

#[test]
fn a_clean_token_rules_out_only_what_was_checked() {
    let data = common::data("diagnosis-cases.json");
    let clean = &data["clean"];
    for (context, secret_checked) in [("withSecret", true), ("withoutSecret", false)] {
        let case = serde_json::json!({ "token": clean["token"], "context": clean[context] });
        let narrowed = narrowed_3712(&report_of(&case));
        let ruled_out = codes(narrowed.ruled_out.iter().map(|r| r.code));
        let remaining = codes(narrowed.remaining.iter().map(|r| r.code));
        assert_eq!(
            ruled_out.contains("SECRET_ENCODING"),
            secret_checked,
            "{context}"
        );
        assert_eq!(
            remaining.contains("SECRET_ENCODING"),
            !secret_checked,
            "{context}"
        );
        // What no offline check can see stays open either way.
        for open in ["KEY_APP_TYPE", "KEY_SECRET_PAIR", "EXTERNAL_MEETING"] {
            assert!(
                remaining.contains(open) && !ruled_out.contains(open),
                "{context}: {open}"
            );
        }
    }
}

#[test]
fn without_a_report_the_explanation_is_unchanged() {
    let error = JoinError {
        code: Some(3712),
        ..JoinError::default()
    };
    let plain = explain_join_error(&error);
    assert!(plain.narrowed.is_none());
    assert_eq!(plain.cause_codes.len(), plain.causes.len());
    assert!(plain.cause_codes.contains(&"KEY_APP_TYPE"));
    let json: serde_json::Value = serde_json::from_str(&plain.to_json()).expect("JSON");
    assert!(json.get("remaining").is_none());
}

#[test]
fn a_report_read_back_from_its_json_narrows_alike() {
    // What explainJoinError gets from a page: the report as a JS object.
    let data = common::data("diagnosis-cases.json");
    let report = report_of(&data["foundingStory"]);
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("JSON");
    let facts = ReportFacts::from_input(&common::input(&json)).expect("a report");
    assert_eq!(facts, ReportFacts::from_report(&report));
}
