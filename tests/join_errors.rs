//! explain_join_error against what Zoom's Web SDK 6.2.0 reports (codes, server texts, exceptions).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::indexing_slicing)]

use zoomsig::join_errors::{JoinError, JoinErrorExplanation, explain_join_error};

fn error(code: Option<i64>, message: Option<&str>, kind: Option<&str>) -> JoinError {
    JoinError {
        code,
        message: message.map(str::to_owned),
        kind: kind.map(str::to_owned),
    }
}

fn code(code: i64) -> JoinErrorExplanation {
    explain_join_error(&error(Some(code), None, None))
}

fn text_of(explained: &JoinErrorExplanation) -> String {
    let mut all = explained.meaning.clone();
    for line in explained.causes.iter().chain(&explained.fixes) {
        all.push('\n');
        all.push_str(line);
    }
    all
}

/// The codes the SDK's tables and Zoom's error page give for joins (behaviour file sections 3-4,
/// rules file sections 3.1-3.2).
const LISTED: &[i64] = &[
    1, 200, 3001, 3004, 3008, 3704, 3705, 3706, 3707, 3708, 3709, 3710, 3711, 3712, 3713, 4003,
    4011, 4012, 4013, 4014, 4015, 4016, 4017, 4018, 5001, 5013, -3000,
];

/// Server text of a `{status:false, errorCode:200, errorMessage}` reply and the code the SDK maps
/// it to: the `Yj`/`tP` tables (behaviour 3.3) and the texts of the rules file's 3.1 table.
const SERVER_TEXTS: &[(&str, i64)] = &[
    ("The api key is wrong.", 3704),
    ("The accounts API Key is not valid.", 3704),
    ("The signature has expired.", 3705),
    ("The meeting number is wrong.", 3706),
    ("The meeting number is not found.", 3707),
    ("Incorrect role.", 3708),
    ("The meeting host is not found.", 3709),
    ("The accounts API Key is deactivated.", 3710),
    ("Cannot not host another meeting concurrently.", 3711),
    ("Invalid signature.", 3712),
    ("Signature is invalid.", 3712),
    ("No permission.", 3713),
];

#[test]
fn every_listed_code_is_explained() {
    for &listed in LISTED {
        let explained = code(listed);
        assert_eq!(explained.code, Some(listed));
        assert_ne!(explained.name, "UNKNOWN", "{listed}");
        assert!(!explained.meaning.is_empty(), "{listed}");
        assert!(!explained.causes.is_empty(), "{listed}");
        assert!(!explained.fixes.is_empty(), "{listed}");
        assert!(
            explained
                .causes
                .iter()
                .chain(&explained.fixes)
                .all(|line| !line.trim().is_empty()),
            "{listed}"
        );
    }
}

#[test]
fn signature_codes_say_what_they_mean() {
    let invalid = code(3712);
    assert_eq!(invalid.name, "INVALID_SIGNATURE");
    assert!(invalid.signature_related);
    assert!(invalid.meaning.contains("rejected the signature"));
    // Section 3.3: wrong secret and padded base64 are the usual causes.
    let all = text_of(&invalid);
    assert!(all.contains("secret"));
    assert!(all.contains("padding"));

    let expired = code(3705);
    assert_eq!(expired.name, "SIGNATURE_EXPIRED");
    assert!(expired.signature_related);
    assert!(expired.meaning.contains("expired"));
    assert!(text_of(&expired).contains("1800 to 172800"));

    let wrong_mn = code(3706);
    assert_eq!(wrong_mn.name, "MEETING_NUMBER_WRONG");
    assert!(wrong_mn.signature_related);
    assert!(wrong_mn.meaning.contains("meeting number is wrong"));
    assert!(text_of(&wrong_mn).contains("meetingNumber"));

    // A wrong passcode or an unreachable server is not the signature's fault.
    for innocent in [3004, 4011, 5001, -3000] {
        assert!(!code(innocent).signature_related, "{innocent}");
    }
}

#[test]
fn server_texts_map_to_their_codes() {
    for &(text, expected) in SERVER_TEXTS {
        for reported in [Some(200), None] {
            let explained = explain_join_error(&error(reported, Some(text), None));
            assert_eq!(explained.code, Some(expected), "{text} with {reported:?}");
            assert_eq!(explained, code(expected), "{text} with {reported:?}");
        }
    }
    // The SDK matches exact strings; only surrounding whitespace is forgiven here.
    let padded = explain_join_error(&error(Some(200), Some("  Invalid signature.\n"), None));
    assert_eq!(padded.code, Some(3712));
    let other_case = explain_join_error(&error(Some(200), Some("invalid signature"), None));
    assert_eq!(other_case.code, Some(200));
}

#[test]
fn only_code_200_texts_are_remapped() {
    // Client View errorCode 1 always says "Fail to join the meeting."; a text does not change it.
    let explained = explain_join_error(&error(Some(1), Some("Invalid signature."), None));
    assert_eq!(explained.code, Some(1));
    assert_eq!(explained.name, "FAIL");
}

#[test]
fn component_view_rejection_shape() {
    // {type: "JOIN_MEETING_FAILED", reason: "Signature is invalid.", errorCode: 3712}
    let explained = explain_join_error(&error(
        Some(3712),
        Some("Signature is invalid."),
        Some("JOIN_MEETING_FAILED"),
    ));
    assert_eq!(explained.code, Some(3712));
    assert_eq!(explained.name, "INVALID_SIGNATURE");
    assert!(explained.signature_related);
}

#[test]
fn client_view_error_shape() {
    // {errorCode: 3712, errorMessage: "Signature is invalid.", result: "Invalid signature."}:
    // whichever text the caller kept, the code decides.
    for text in ["Signature is invalid.", "Invalid signature."] {
        let explained = explain_join_error(&error(Some(3712), Some(text), None));
        assert_eq!(explained.code, Some(3712), "{text}");
        assert_eq!(explained.name, "INVALID_SIGNATURE", "{text}");
    }
}

#[test]
fn unmapped_code_200_keeps_the_server_text() {
    // Component View wraps unmapped server errors as 200 + the server's text (behaviour 3.3, 4.2).
    for text in [
        "Meeting does not exist: 8512345678",
        "Fail to join the meeting.",
    ] {
        let explained =
            explain_join_error(&error(Some(200), Some(text), Some("JOIN_MEETING_FAILED")));
        assert_eq!(explained.code, Some(200), "{text}");
        assert_eq!(explained.name, "FAIL", "{text}");
        assert!(explained.meaning.contains(text), "{text}");
        assert!(!explained.signature_related, "{text}");
    }
}

#[test]
fn malformed_token_exceptions() {
    // Component View 6.2.0 rejections for cases d, e/g, h, i (behaviour 4 and 4.1).
    let cases = [
        (
            "Error",
            "appKey can not empty in the signature",
            "SIGNATURE_WITHOUT_APP_KEY",
            "appKey",
        ),
        (
            "TypeError",
            "Cannot read properties of undefined (reading 'replace')",
            "SIGNATURE_NOT_A_JWT",
            "{signature: ...}",
        ),
        (
            "InvalidCharacterError",
            "Failed to execute 'atob' on 'Window': The string to be decoded is not correctly encoded.",
            "SIGNATURE_NOT_BASE64URL",
            "base64url",
        ),
        (
            "SyntaxError",
            "Unexpected token 'h', \"hello world\" is not valid JSON",
            "SIGNATURE_PAYLOAD_NOT_JSON",
            "JSON",
        ),
    ];
    for (kind, message, name, mentions) in cases {
        let explained = explain_join_error(&error(None, Some(message), Some(kind)));
        assert_eq!(explained.code, None, "{message}");
        assert_eq!(explained.name, name, "{message}");
        assert!(explained.signature_related, "{message}");
        assert!(!explained.causes.is_empty(), "{message}");
        assert!(!explained.fixes.is_empty(), "{message}");
        assert!(text_of(&explained).contains(mentions), "{message}");
        // The caller may have only the message, without the name.
        assert_eq!(
            explain_join_error(&error(None, Some(message), None)).name,
            name
        );
    }
    // The payload check: neither appKey nor sdkKey.
    let no_key = explain_join_error(&error(
        None,
        Some("appKey can not empty in the signature"),
        None,
    ));
    assert!(no_key.meaning.contains("neither appKey nor sdkKey"));
    // The Client View only logs this line (behaviour 3.2, case d).
    let client_view = explain_join_error(&error(
        None,
        Some(
            "please check your signature and please add appKey https://developers.zoom.us/docs/meeting-sdk/auth/",
        ),
        None,
    ));
    assert_eq!(client_view.name, "SIGNATURE_WITHOUT_APP_KEY");
    // Other browsers word these differently; the error name alone is enough.
    assert_eq!(
        explain_join_error(&error(None, None, Some("InvalidCharacterError"))).name,
        "SIGNATURE_NOT_BASE64URL"
    );
    assert_eq!(
        explain_join_error(&error(None, Some("JSON.parse: bad"), Some("SyntaxError"))).name,
        "SIGNATURE_PAYLOAD_NOT_JSON"
    );
}

#[test]
fn other_local_rejections() {
    // Component View 6.2.0 messages (rules 1.5 and 3.2).
    let api_key = explain_join_error(&error(
        None,
        Some(
            "Using a Zoom JWT App type API Key (apiKey) is no longer available in version 2.7.0+ of the SDK. Please use an SDK App type SDK Key (sdkKey) instead and the SDK JWT Auth flow.",
        ),
        Some("Error"),
    ));
    assert_eq!(api_key.name, "JWT_APP_API_KEY");
    let both = explain_join_error(&error(
        None,
        Some("zak and obfToken are mutually exclusive. Please provide only one."),
        Some("Error"),
    ));
    assert_eq!(both.name, "ZAK_AND_OBF_TOKEN");
}

#[test]
fn unknown_errors_invent_nothing() {
    for unknown in [
        error(Some(987_654), None, None),
        error(
            Some(987_654),
            Some("Something odd."),
            Some("JOIN_MEETING_FAILED"),
        ),
        error(None, None, None),
        error(None, Some("Something odd."), Some("TypeError")),
        error(None, Some("   "), None),
    ] {
        let explained = explain_join_error(&unknown);
        assert_eq!(explained.name, "UNKNOWN", "{unknown:?}");
        assert_eq!(explained.code, unknown.code, "{unknown:?}");
        assert!(explained.causes.is_empty(), "{unknown:?}");
        assert!(!explained.signature_related, "{unknown:?}");
        assert!(explained.meaning.contains("not one zoomsig knows"));
        assert!(
            explained
                .meaning
                .contains("https://developers.zoom.us/docs/meeting-sdk/web/error-codes/")
        );
    }
    assert!(code(987_654).meaning.contains("987654"));
    let with_text = explain_join_error(&error(Some(987_654), Some("Something odd."), None));
    assert!(with_text.meaning.contains("Something odd."));
}

#[test]
fn network_failures_warn_about_the_recaptcha_log() {
    // Behaviour 3.2 and pitfall 6: the log line is printed for any network failure.
    for network in [1, -3000] {
        let explained = code(network);
        assert!(
            explained
                .causes
                .iter()
                .any(|line| line.contains("verfy recaptcha")),
            "{network}"
        );
        // Offline, valid and invalid tokens fail alike (behaviour 4, pitfall 4).
        assert!(text_of(&explained).contains("offline"), "{network}");
    }
    assert!(text_of(&code(5001)).contains("assetPath"));
}

#[test]
fn what_cannot_be_known_offline_says_so() {
    // Rules 3.3 #12 and #13: app review for other accounts' meetings, ZAK/OBF since 2026-03-02.
    assert!(text_of(&code(4011)).contains("cannot be checked offline"));
    let anonymous = text_of(&code(4012));
    assert!(anonymous.contains("March 2, 2026"));
    assert!(anonymous.contains("ZAK") && anonymous.contains("OBF"));
    assert!(anonymous.contains("cannot be checked offline"));
    // JWT app keys are deprecated; what the server answers for one is unknown.
    assert!(text_of(&code(3704)).contains("cannot be known offline"));
}

#[test]
fn json_has_camel_case_keys_and_escapes() {
    let explained = explain_join_error(&error(
        Some(200),
        Some("He said \"no\" \\ then\nleft"),
        None,
    ));
    let json: serde_json::Value =
        serde_json::from_str(&explained.to_json()).expect("to_json is JSON");
    let object = json.as_object().expect("an object");
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "causes",
            "code",
            "fixes",
            "meaning",
            "name",
            "signatureRelated"
        ]
    );
    assert_eq!(json["code"], 200);
    assert_eq!(json["name"], "FAIL");
    assert_eq!(json["signatureRelated"], false);
    assert!(
        json["meaning"]
            .as_str()
            .expect("string")
            .contains("He said \"no\" \\ then\nleft")
    );
    assert_eq!(
        json["causes"],
        serde_json::json!(explained.causes),
        "causes survive the round trip"
    );
    assert_eq!(json["fixes"], serde_json::json!(explained.fixes));

    let invalid: serde_json::Value =
        serde_json::from_str(&code(3712).to_json()).expect("to_json is JSON");
    assert_eq!(invalid["code"], 3712);
    assert_eq!(invalid["signatureRelated"], true);

    let exception = explain_join_error(&error(
        None,
        Some("Unexpected token 'h', \"hello world\" is not valid JSON"),
        Some("SyntaxError"),
    ));
    let no_code: serde_json::Value =
        serde_json::from_str(&exception.to_json()).expect("to_json is JSON");
    assert!(no_code["code"].is_null());

    let unknown: serde_json::Value =
        serde_json::from_str(&code(987_654).to_json()).expect("to_json is JSON");
    assert_eq!(unknown["name"], "UNKNOWN");
    assert_eq!(unknown["causes"], serde_json::json!([]));
}

#[test]
fn every_listed_code_writes_valid_json() {
    for &listed in LISTED {
        let explained = code(listed);
        let json: serde_json::Value =
            serde_json::from_str(&explained.to_json()).expect("to_json is JSON");
        assert_eq!(json["code"], listed);
        assert_eq!(json["meaning"], explained.meaning.as_str());
        assert_eq!(json["signatureRelated"], explained.signature_related);
    }
}
