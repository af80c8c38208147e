//! What the Video SDK for Web (2.5.0) reports when `client.join` fails. It rejects with
//! `{ type: "JOIN_MEETING_FAILED", errorCode, reason }`: 200 with a reason that says what Zoom's
//! server answered (measured offline against the real SDK: the server's code 124 becomes "Verify
//! JWT failed" or the expiry text, 3000 "The role type error" becomes 3010), or 5013 from its own
//! checks before any request.

use super::codes::{Entry, JoinCause, cause};

const NETWORK: JoinCause = cause(
    "NETWORK_FAILURE",
    "The POST to https://zoom.us/wc/lsdk did not reach Zoom (offline, DNS, proxy, firewall), or got no answer within 30 s.",
);
const OFFLINE: JoinCause = cause(
    "OFFLINE_ANY_TOKEN",
    "Without Zoom's server every token fails this way, valid or not: this says nothing about the token.",
);
const KEY_TYPE: JoinCause = cause(
    "VIDEO_KEY_TYPE",
    "The key is not a Video SDK key: a Meeting SDK app's Client ID (or another app's key) signs a token that looks right and is refused.",
);
const PAIR: JoinCause = cause(
    "KEY_SECRET_PAIR",
    "The secret that signed the token is not the secret of the key in app_key (copied from another account or app).",
);
const ENCODING: JoinCause = cause(
    "SECRET_ENCODING",
    "The HMAC key was not the secret's text: jsrsasign reads an even-length all-hex secret as hex, or white space came along with it.",
);
const TOPIC: JoinCause = cause(
    "TOPIC_MISMATCH",
    "tpc is missing, longer than 200 characters, or not the topic passed to client.join (Zoom ignores case only).",
);
const TIMES: JoinCause = cause(
    "TIMES",
    "iat or exp is missing, not whole seconds (milliseconds, strings), or the lifetime is outside 30 minutes to 48 hours.",
);
const CLOCK: JoinCause = cause(
    "CLOCK_SKEW",
    "The clock that set iat is ahead of Zoom's: the token is issued in Zoom's future.",
);
const ROLE: JoinCause = cause(
    "ROLE_TYPE",
    "role_type is missing, a string, or not 0 or 1.",
);
const CLAIMS: JoinCause = cause(
    "VIDEO_CLAIMS",
    "An optional claim is over Zoom's limit or not one of its values: session_key over 36, user_identity / user_key over 36, geo_regions not Zoom's codes.",
);
const FORM: JoinCause = cause(
    "BASE64_FORM",
    "A segment is padded, in the standard base64 alphabet, or not base64url at all.",
);
const HEADER: JoinCause = cause(
    "HEADER",
    "The header is not {\"alg\":\"HS256\",\"typ\":\"JWT\"}.",
);
const APP_KEY: JoinCause = cause("APPKEY_MISSING", "The payload has no app_key.");
const SESSION_KEY: JoinCause = cause(
    "SESSION_KEY_MISMATCH",
    "The host started the session with a session key, and this token's session_key differs or is missing.",
);
const OTHER_ACCOUNT: JoinCause = cause(
    "OTHER_VIDEO_ACCOUNT",
    "The session belongs to another Video SDK account: only tokens of that account's key join it.",
);

const CHECK_TOKEN: &str = "Check the token with inspectSignature(token, { sdkSecret, sdkKey, topic, sdk: \"video\" }): it checks the claims, the times and the HMAC offline.";
const CREDENTIALS: &str = "Use the SDK Key and SDK Secret of your Video SDK account (where the account shows its SDK credentials), both from the same page: not a Meeting SDK or General app's Client ID and secret.";
const CHECK_NETWORK: &str = "Open the browser's network panel and check the POST to https://zoom.us/wc/lsdk: it must reach Zoom and get an answer.";

/// The Video SDK's join errors: a code, the reason it comes with (`None`: any other), and what it means.
const ENTRIES: &[(i64, Option<&str>, Entry)] = &[
    (
        200,
        Some("Verify JWT failed"),
        Entry {
            name: "SESSION_FETCH_INFO_ERROR",
            meaning: "Zoom's server refused the token (\"Verify JWT failed\"): the HMAC does not verify against the key's secret, the key is not a Video SDK key, or a claim is not one it accepts.",
            signature_related: true,
            causes: &[
                KEY_TYPE, PAIR, ENCODING, TOPIC, ROLE, TIMES, CLAIMS, FORM, HEADER, APP_KEY,
            ],
            fixes: &[CREDENTIALS, CHECK_TOKEN],
        },
    ),
    (
        200,
        Some("The token has expired, is over 2 days old, or is ineffective."),
        Entry {
            name: "SESSION_FETCH_INFO_ERROR",
            meaning: "Zoom's server found the token expired, issued more than two days ago, or not yet valid.",
            signature_related: true,
            causes: &[TIMES, CLOCK],
            fixes: &[
                "Make a fresh token just before joining, with exp 1800 to 172800 s after iat, iat a little in the past (now - 30), both in seconds.",
                "Check this machine's clock (timedatectl, or https://time.is).",
            ],
        },
    ),
    (
        200,
        Some("Topic is invalid"),
        Entry {
            name: "SESSION_FETCH_INFO_ERROR",
            meaning: "Zoom's server could not read the session name and password sent with the join (\"Parse lite sdk topic and pwd fail\").",
            signature_related: true,
            causes: &[TOPIC],
            fixes: &[
                "Give client.join the same topic as the token's tpc, 1 to 200 characters, and a password of at most 10.",
            ],
        },
    ),
    (
        200,
        Some("invalid session key"),
        Entry {
            name: "SESSION_FETCH_INFO_ERROR",
            meaning: "Zoom's server refused the token's session key: it is not the one the session was started with.",
            signature_related: true,
            causes: &[SESSION_KEY],
            fixes: &[
                "Give every attendee's token the session key of the host's token (generateVideoToken's sessionKey), or none when the host set none.",
            ],
        },
    ),
    (
        200,
        Some("This account does not exist or does not belong to you"),
        Entry {
            name: "SESSION_FETCH_INFO_ERROR",
            meaning: "Zoom's server does not know the token's key as a Video SDK account's, or the session belongs to another account.",
            signature_related: true,
            causes: &[KEY_TYPE, OTHER_ACCOUNT],
            fixes: &[
                CREDENTIALS,
                "Join a session started with the same account's key.",
            ],
        },
    ),
    (
        200,
        Some("connection error"),
        Entry {
            name: "CONNECTION_ERROR",
            meaning: "The Video SDK could not reach Zoom's server, or got no usable answer.",
            signature_related: false,
            causes: &[NETWORK, OFFLINE],
            fixes: &[CHECK_NETWORK, CHECK_TOKEN],
        },
    ),
    (
        200,
        None,
        Entry {
            name: "SESSION_FETCH_INFO_ERROR",
            meaning: "Zoom's server refused the join, usually for a field of the token (Zoom's error-code page).",
            signature_related: true,
            causes: &[KEY_TYPE, PAIR, TIMES, TOPIC, SESSION_KEY, OTHER_ACCOUNT],
            fixes: &[CHECK_TOKEN, CREDENTIALS],
        },
    ),
    (
        3010,
        None,
        Entry {
            name: "SESSION_ROLE_TYPE_ERROR",
            meaning: "Zoom's server refused the token's role_type (\"The role type error\").",
            signature_related: true,
            causes: &[ROLE],
            fixes: &[
                "Write role_type as the number 1 (host) or 0 (participant): generateVideoToken({ ..., role }).",
            ],
        },
    ),
    (
        3004,
        None,
        Entry {
            name: "INCORRECT_PASSCODE",
            meaning: "The password passed to client.join is not the session's.",
            signature_related: false,
            causes: &[cause(
                "PASSWORD",
                "The host started the session with a password, and client.join got another one (or none).",
            )],
            fixes: &["Pass the session's password as client.join's fourth argument."],
        },
    ),
    (
        5013,
        None,
        Entry {
            name: "CLIENT_INVALID_JOIN_PARAMETER",
            meaning: "The Video SDK refused client.join's arguments itself, before asking Zoom.",
            signature_related: true,
            causes: &[
                cause("TOKEN_FORM", "The token is empty or not a string."),
                cause(
                    "TOPIC_MISMATCH",
                    "The topic is not a string, or longer than 200 characters.",
                ),
                cause(
                    "JOIN_ARGUMENTS",
                    "The user name is empty, not a string or longer than 200 characters, or the password is longer than 10.",
                ),
            ],
            fixes: &[
                "Call client.join(topic, token, userName, password) with strings: a topic of 1 to 200 characters, the token string, a user name, and a password of at most 10 characters.",
            ],
        },
    ),
];

// Zoom's server codes, for a caller who passes the server's reply itself.
const SERVER_CODES: &[(i64, &str, &str)] = &[
    (
        124,
        "The java web token is expired or more than 2 days or ineffective.",
        "The token has expired, is over 2 days old, or is ineffective.",
    ),
    (124, "Parse lite sdk topic and pwd fail", "Topic is invalid"),
    (124, "", "Verify JWT failed"),
];

/// The entry for a Video SDK join error: its code (the SDK's, after mapping a server reply) and
/// meaning; `None` for a code the Video SDK does not report.
pub(super) fn video_entry(
    code: Option<i64>,
    message: Option<&str>,
) -> Option<(i64, &'static Entry)> {
    let (code, message) = match code {
        Some(124) => {
            let text = message.unwrap_or_default();
            let reason = SERVER_CODES
                .iter()
                .find(|(_, server, _)| *server == text || server.is_empty())
                .map(|(_, _, reason)| *reason);
            (200, reason)
        }
        Some(code) => (code, message),
        None => (200, message.filter(|text| is_reason(text))?.into()),
    };
    let same = |reason: &str| message.is_some_and(|m| m.eq_ignore_ascii_case(reason));
    ENTRIES
        .iter()
        .find(|(c, reason, _)| *c == code && reason.is_some_and(same))
        .or_else(|| {
            ENTRIES
                .iter()
                .find(|(c, reason, _)| *c == code && reason.is_none())
        })
        .map(|(c, _, entry)| (*c, entry))
}

fn is_reason(text: &str) -> bool {
    ENTRIES
        .iter()
        .any(|(_, reason, _)| reason.is_some_and(|r| r.eq_ignore_ascii_case(text)))
}
