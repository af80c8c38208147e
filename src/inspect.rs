//! The signature doctor: everything about a Meeting SDK signature that can be checked offline,
//! each problem reported as a finding with a stable code, what is wrong and how to fix it.
//! It never fails: any string gets a report.

use crate::decimal::parse_f64;
use crate::json_text::{
    push_array, push_bool, push_integer, push_key, push_optional_integer, push_string,
};
use crate::json_value::{self, JsonValue};
use crate::jws::{HmacAlgorithm, constant_time_eq};
use crate::kjur::hex_decode;
use crate::options::{InputValue, normalise_name};
use crate::signature::{
    MAX_EXPIRATION_SECONDS, MEETING_NUMBER_DIGITS, MILLISECONDS_FROM, MIN_EXPIRATION_SECONDS,
    digits_only_form, meeting_number_digits,
};

/// How serious a finding is. A report is `ok` when it has no `Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Zoom will refuse the signature, or the SDK will fail before asking Zoom.
    Error,
    /// Likely to cause trouble, or against Zoom's documentation.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

macro_rules! finding_codes {
    ($($(#[doc = $doc:literal])+ $variant:ident => $name:literal,)+) => {
        /// What a finding is about. The string form is a stable contract: tools match on it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum FindingCode {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl FindingCode {
            /// Every code, in the order reports list them.
            pub const ALL: &'static [FindingCode] = &[$(Self::$variant,)+];

            /// The stable SCREAMING_SNAKE_CASE name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)+
                }
            }
        }
    };
}

finding_codes! {
    /// The token is empty or only white space.
    TokenEmpty => "TOKEN_EMPTY",
    /// The token is far longer than any signature (more than [`MAX_TOKEN_LENGTH`] characters).
    TokenTooLong => "TOKEN_TOO_LONG",
    /// White space, a line break or quotes around the token.
    TokenNotTrimmed => "TOKEN_NOT_TRIMMED",
    /// Not three dot-separated parts (e.g. the whole `{"signature": ...}` response).
    TokenNotJwt => "TOKEN_NOT_JWT",
    /// `=` padding in a segment.
    Base64Padding => "BASE64_PADDING",
    /// Standard base64 `+` or `/` instead of base64url `-` and `_`.
    Base64Alphabet => "BASE64_ALPHABET",
    /// A segment that does not decode as base64url.
    SegmentNotBase64 => "SEGMENT_NOT_BASE64",
    /// The header is not a JSON object.
    HeaderNotJson => "HEADER_NOT_JSON",
    /// The payload is not a JSON object.
    PayloadNotJson => "PAYLOAD_NOT_JSON",
    /// The header's `alg` is not `HS256`.
    AlgNotHs256 => "ALG_NOT_HS256",
    /// The header's `typ` is not `JWT`.
    TypNotJwt => "TYP_NOT_JWT",
    /// A Video SDK token (`app_key`, `tpc`), which cannot join meetings.
    VideoSdkToken => "VIDEO_SDK_TOKEN",
    /// A JWT app's REST API token (`iss`, no key claim), not an SDK signature.
    RestApiJwt => "REST_API_JWT",
    /// Neither `appKey` nor `sdkKey`.
    KeyMissing => "KEY_MISSING",
    /// `appKey` or `sdkKey` is not a non-empty string.
    KeyNotString => "KEY_NOT_STRING",
    /// Only `sdkKey`: `appKey` is required since Web SDK 5.0.0.
    AppkeyMissing => "APPKEY_MISSING",
    /// `appKey` and `sdkKey` differ.
    KeyMismatch => "KEY_MISMATCH",
    /// The key differs from the one expected.
    KeyNotExpected => "KEY_NOT_EXPECTED",
    /// The key claim holds the secret given: the token carries its own secret in clear.
    SecretInToken => "SECRET_IN_TOKEN",
    /// No `mn` claim.
    MnMissing => "MN_MISSING",
    /// `mn` is not digits only.
    MnNotDigits => "MN_NOT_DIGITS",
    /// `mn` is not 9 to 11 digits.
    MnLength => "MN_LENGTH",
    /// `mn` is not the meeting number that will be joined.
    MnMismatch => "MN_MISMATCH",
    /// No `role` claim.
    RoleMissing => "ROLE_MISSING",
    /// `role` is not the number 0 or 1.
    RoleInvalid => "ROLE_INVALID",
    /// Role 1 (host) and no ZAK will be passed.
    RoleHostWithoutZak => "ROLE_HOST_WITHOUT_ZAK",
    /// No `iat` claim.
    IatMissing => "IAT_MISSING",
    /// No `exp` claim.
    ExpMissing => "EXP_MISSING",
    /// A time claim is a string or has a fraction.
    TimeNotInteger => "TIME_NOT_INTEGER",
    /// A time claim is in milliseconds.
    TimeInMilliseconds => "TIME_IN_MILLISECONDS",
    /// `iat` is later than this clock.
    IatInFuture => "IAT_IN_FUTURE",
    /// `exp` has passed.
    Expired => "EXPIRED",
    /// `exp` is only minutes away.
    ExpiresSoon => "EXPIRES_SOON",
    /// `exp` is less than 1800 s after `iat`.
    ExpTooShort => "EXP_TOO_SHORT",
    /// `exp` is more than 48 h after `iat`.
    ExpTooLong => "EXP_TOO_LONG",
    /// No `tokenExp` claim.
    TokenExpMissing => "TOKEN_EXP_MISSING",
    /// `tokenExp` is less than 1800 s after `iat`.
    TokenExpTooShort => "TOKEN_EXP_TOO_SHORT",
    /// `video_webrtc_mode` is not the number 0 or 1.
    WebrtcModeInvalid => "WEBRTC_MODE_INVALID",
    /// A claim Meeting SDK signatures do not have.
    UnknownClaim => "UNKNOWN_CLAIM",
    /// The third segment is empty: the token is not signed.
    SignatureEmpty => "SIGNATURE_EMPTY",
    /// The HMAC matches the secret given.
    SignatureVerified => "SIGNATURE_VERIFIED",
    /// The HMAC does not match the secret given.
    SignatureMismatch => "SIGNATURE_MISMATCH",
    /// Signed with the key as the secret.
    SecretIsKey => "SECRET_IS_KEY",
    /// Signed with the hex-decoded secret, as jsrsasign does with an all-hex secret.
    SecretHexDecoded => "SECRET_HEX_DECODED",
    /// Signed with white space around the secret, or the secret given has some.
    SecretWhitespace => "SECRET_WHITESPACE",
    /// A context member could not be used.
    ContextInvalid => "CONTEXT_INVALID",
}

/// One problem (or fact) found in a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What it is about.
    pub code: FindingCode,
    /// How serious it is.
    pub severity: Severity,
    /// The claim or part concerned (`mn`, `header`, `signature`, ...), if one.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub fix: String,
    /// Zoom join error codes this typically leads to.
    pub zoom_errors: &'static [i64],
}

/// What kind of token it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A Meeting SDK signature (has a key claim or `mn`).
    MeetingSdk,
    /// A Video SDK token.
    VideoSdk,
    /// A JWT app's REST API token.
    RestApiJwt,
    /// Not recognisable.
    Unknown,
}

impl TokenKind {
    /// `meeting-sdk`, `video-sdk`, `rest-api-jwt` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MeetingSdk => "meeting-sdk",
            Self::VideoSdk => "video-sdk",
            Self::RestApiJwt => "rest-api-jwt",
            Self::Unknown => "unknown",
        }
    }
}

/// What will be passed to `join` with the token, as far as it is known. All optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InspectContext {
    /// The secret, to verify the HMAC. Never appears in a report.
    pub sdk_secret: Option<String>,
    /// The key the token should carry.
    pub sdk_key: Option<String>,
    /// The meeting number that will be passed to `join` (digits, as given).
    pub meeting_number: Option<String>,
    /// `Some("")` or `Some` of an empty value: join will get no ZAK. `None`: not known.
    pub zak: Option<String>,
    /// Seconds since the epoch to judge times by; the caller's clock when `None`.
    pub now: Option<i64>,
}

/// The whole diagnosis.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// What kind of token it is.
    pub kind: TokenKind,
    /// The decoded header, if it is JSON, and its text.
    pub header: Option<(JsonValue, String)>,
    /// The decoded payload, if it is JSON, and its text.
    pub payload: Option<(JsonValue, String)>,
    /// `Some(true)` when the HMAC matches the secret given, `None` when none was given.
    pub signature_verified: Option<bool>,
    /// `iat`, when it is a number.
    pub issued_at: Option<i64>,
    /// `exp`, when it is a number.
    pub expires_at: Option<i64>,
    /// Problems and facts, in the order of the checks.
    pub findings: Vec<Finding>,
}

impl Report {
    /// True when no finding is an error.
    pub fn ok(&self) -> bool {
        !self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The report as compact JSON with camelCase keys (the header and payload as decoded objects).
    pub fn to_json(&self) -> String {
        let mut out = String::from("{");
        push_key(&mut out, "ok");
        push_bool(&mut out, self.ok());
        push_key(&mut out, "kind");
        push_string(&mut out, self.kind.as_str());
        for (name, part) in [("header", &self.header), ("payload", &self.payload)] {
            push_key(&mut out, name);
            // Text the strict reader accepted is valid JSON, so it is embedded as it is.
            out.push_str(part.as_ref().map_or("null", |(_, text)| text.as_str()));
        }
        push_key(&mut out, "signatureVerified");
        match self.signature_verified {
            Some(verified) => push_bool(&mut out, verified),
            None => out.push_str("null"),
        }
        push_key(&mut out, "issuedAt");
        push_optional_integer(&mut out, self.issued_at);
        push_key(&mut out, "expiresAt");
        push_optional_integer(&mut out, self.expires_at);
        push_key(&mut out, "findings");
        push_array(&mut out, &self.findings, |out, finding| {
            out.push('{');
            push_key(out, "code");
            push_string(out, finding.code.as_str());
            push_key(out, "severity");
            push_string(out, finding.severity.as_str());
            if let Some(field) = &finding.field {
                push_key(out, "field");
                push_string(out, field);
            }
            push_key(out, "message");
            push_string(out, &finding.message);
            push_key(out, "fix");
            push_string(out, &finding.fix);
            push_key(out, "zoomErrors");
            push_array(out, finding.zoom_errors, |out, code| {
                push_integer(out, *code)
            });
            out.push('}');
        });
        out.push('}');
        out
    }
}

// Claims a Meeting SDK signature may carry.
const KNOWN_CLAIMS: [&str; 8] = [
    "appKey",
    "sdkKey",
    "mn",
    "role",
    "iat",
    "exp",
    "tokenExp",
    "video_webrtc_mode",
];

// Names people put in payloads for a known claim, lower-cased with `_` and `-` removed.
const CLAIM_ALIASES: [(&str, &str); 9] = [
    ("meetingnumber", "mn"),
    ("meetingno", "mn"),
    ("meetingid", "mn"),
    ("appkey", "appKey"),
    ("sdkkey", "sdkKey"),
    ("apikey", "appKey"),
    ("clientid", "appKey"),
    ("tokenexp", "tokenExp"),
    ("videowebrtcmode", "video_webrtc_mode"),
];

const EXPIRES_SOON_SECONDS: i64 = 300;

/// Longer than any signature: Zoom's are a few hundred characters. Longer tokens are reported, not
/// decoded, so that a huge paste costs no more than reading its length.
pub const MAX_TOKEN_LENGTH: usize = 16 * 1024;

/// What messages and the decoded parts show in place of the secret.
const REDACTED: &str = "[the secret]";
// A secret this short cannot be told apart from ordinary text, so it is not searched for.
const SHORTEST_REDACTED_SECRET: usize = 4;

/// Inspects `token` as a Meeting SDK signature. `clock` is used when the context has no `now`.
pub fn inspect_signature(token: &str, context: &InspectContext, clock: i64) -> Report {
    let mut doctor = Doctor {
        context,
        now: context.now.unwrap_or(clock),
        report: Report {
            kind: TokenKind::Unknown,
            header: None,
            payload: None,
            signature_verified: None,
            issued_at: None,
            expires_at: None,
            findings: Vec::new(),
        },
    };
    doctor.run(token);
    let mut report = doctor.report;
    if let Some(secret) = &context.sdk_secret {
        redact(&mut report, secret);
    }
    report
}

/// Replaces the secret wherever the report would show it: in messages (a key claim or an expected
/// key that is the secret) and in the decoded header and payload.
fn redact(report: &mut Report, secret: &str) {
    if secret.chars().count() < SHORTEST_REDACTED_SECRET {
        return;
    }
    for finding in &mut report.findings {
        for text in [&mut finding.message, &mut finding.fix] {
            if text.contains(secret) {
                *text = text.replace(secret, REDACTED);
            }
        }
    }
    for (value, text) in [&mut report.header, &mut report.payload]
        .into_iter()
        .flatten()
    {
        if value.redact(secret, REDACTED) {
            let mut rewritten = String::new();
            value.write(&mut rewritten);
            *text = rewritten;
        }
    }
}

/// Inspects `token` with a context read from a JS value: context problems come first in the
/// findings, as `CONTEXT_INVALID`.
pub fn inspect_with_context_input(token: &str, context: &InputValue, clock: i64) -> Report {
    let (context, problems) = context_from_input(context);
    let mut report = inspect_signature(token, &context, clock);
    report.findings.splice(0..0, problems);
    report
}

/// Reads the inspection context from a JS value; problems become `CONTEXT_INVALID` findings
/// rather than exceptions, since inspection never throws.
pub fn context_from_input(input: &InputValue) -> (InspectContext, Vec<Finding>) {
    let mut context = InspectContext::default();
    let mut problems = Vec::new();
    let entries = match input {
        InputValue::Undefined | InputValue::Null => return (context, problems),
        InputValue::Object(entries) => entries.as_slice(),
        other => {
            problems.push(context_problem(
                "context",
                format!("The context must be an object; got {}.", other.describe()),
            ));
            return (context, problems);
        }
    };
    for (name, value) in entries {
        let text = match value {
            InputValue::String(text) => Some(text.clone()),
            InputValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                Some((*n as i64).to_string())
            }
            _ => None,
        };
        let absent = matches!(value, InputValue::Undefined | InputValue::Null);
        match name.as_str() {
            "sdkSecret" | "clientSecret" if !absent => match value {
                InputValue::String(secret) => context.sdk_secret = Some(secret.clone()),
                other => problems.push(context_problem(
                    name,
                    format!("{name} must be a string; got {}.", other.describe()),
                )),
            },
            "sdkKey" | "clientId" if !absent => match value {
                InputValue::String(key) => context.sdk_key = Some(key.clone()),
                other => problems.push(context_problem(
                    name,
                    format!("{name} must be a string; got {}.", other.describe()),
                )),
            },
            "meetingNumber" if !absent => match text {
                Some(number) => context.meeting_number = Some(number),
                None => problems.push(context_problem(
                    name,
                    format!(
                        "meetingNumber must be a string or a whole number; got {}.",
                        value.describe()
                    ),
                )),
            },
            "zak" => match value {
                InputValue::String(zak) => context.zak = Some(zak.clone()),
                _ if absent => context.zak = Some(String::new()),
                other => problems.push(context_problem(
                    name,
                    format!("zak must be a string; got {}.", other.describe()),
                )),
            },
            "now" if !absent => match value {
                InputValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e12 => {
                    context.now = Some(*n as i64)
                }
                _ => problems.push(context_problem(
                    name,
                    "now must be whole seconds since the epoch (not milliseconds).".into(),
                )),
            },
            "sdkSecret" | "clientSecret" | "sdkKey" | "clientId" | "meetingNumber" | "now" => {}
            other => problems.push(context_problem(
                other,
                format!(
                    "Unknown context member `{other}`; inspectSignature reads sdkSecret, sdkKey, \
                     meetingNumber, zak and now."
                ),
            )),
        }
    }
    (context, problems)
}

fn context_problem(field: &str, message: String) -> Finding {
    Finding {
        code: FindingCode::ContextInvalid,
        severity: Severity::Warning,
        field: Some(field.to_string()),
        message,
        fix: "Correct the context passed to inspectSignature; the check it feeds was skipped."
            .into(),
        zoom_errors: &[],
    }
}

struct Doctor<'a> {
    context: &'a InspectContext,
    now: i64,
    report: Report,
}

/// A time claim read as seconds, when it can be.
struct Time {
    seconds: Option<i64>,
}

impl Doctor<'_> {
    fn add(
        &mut self,
        code: FindingCode,
        severity: Severity,
        field: Option<&str>,
        message: impl Into<String>,
        fix: impl Into<String>,
        zoom_errors: &'static [i64],
    ) {
        self.report.findings.push(Finding {
            code,
            severity,
            field: field.map(str::to_string),
            message: message.into(),
            fix: fix.into(),
            zoom_errors,
        });
    }

    fn run(&mut self, raw: &str) {
        if raw.len() > MAX_TOKEN_LENGTH {
            self.add(
                FindingCode::TokenTooLong,
                Severity::Error,
                None,
                format!(
                    "This is more than {MAX_TOKEN_LENGTH} characters long; a Zoom signature is a few \
                     hundred. It was not decoded."
                ),
                "Pass only the signature: the string your signature endpoint returns in \
                 `signature`, or what generateSignature returns.",
                &[],
            );
            return;
        }
        let token = self.trimmed(raw);
        if token.is_empty() {
            self.add(
                FindingCode::TokenEmpty,
                Severity::Error,
                None,
                "The signature is empty.",
                "Pass the token itself: the string your signature endpoint returns in `signature`, \
                 or what generateSignature returns.",
                &[],
            );
            return;
        }
        let parts: Vec<&str> = token.split('.').collect();
        let [header_part, payload_part, signature_part] = parts.as_slice() else {
            self.not_jwt(token, parts.len());
            return;
        };
        if token.starts_with('{') {
            self.not_jwt(token, parts.len());
            return;
        }
        let header = self.segment_json(header_part, "header");
        let payload = self.segment_json(payload_part, "payload");
        if let Some((value, _)) = &header {
            self.check_header(value);
        }
        if let Some((value, _)) = &payload {
            self.check_payload(value);
        }
        let alg = header
            .as_ref()
            .and_then(|(value, _)| value.get("alg"))
            .and_then(JsonValue::as_str)
            .and_then(HmacAlgorithm::from_name);
        self.report.header = header;
        let key = token_key(payload.as_ref().map(|(value, _)| value));
        self.report.payload = payload;
        let signing_input = token
            .rfind('.')
            .and_then(|dot| token.get(..dot))
            .unwrap_or_default();
        self.check_signature(signing_input, signature_part, alg, key);
    }

    fn trimmed<'t>(&mut self, raw: &'t str) -> &'t str {
        let quotes: &[char] = &['"', '\'', '`'];
        let token = raw.trim().trim_matches(quotes).trim();
        if token.len() != raw.len() && !token.is_empty() {
            let what = if raw.trim().len() != raw.len() {
                "white space or a line break"
            } else {
                "quotes"
            };
            self.add(
                FindingCode::TokenNotTrimmed,
                Severity::Error,
                None,
                format!(
                    "The signature has {what} around it; Zoom would receive those characters too."
                ),
                "Trim the token before passing it to join (the rest of this report is about the \
                 trimmed token).",
                &[3712],
            );
        }
        token
    }

    fn not_jwt(&mut self, token: &str, parts: usize) {
        let looks_like_response = token.starts_with('{') && token.contains("signature");
        let message = if looks_like_response {
            "This is a JSON object (the whole response of a signature endpoint?), not a signature."
                .to_string()
        } else {
            format!(
                "A signature is a JWT: three base64url parts separated by dots. This has {parts}."
            )
        };
        let fix = if looks_like_response {
            "Pass only the token: `response.signature` (e.g. `(await res.json()).signature`)."
        } else {
            "Pass the whole token, exactly as made, without cutting or joining anything."
        };
        self.add(
            FindingCode::TokenNotJwt,
            Severity::Error,
            None,
            message,
            fix,
            &[1, 200],
        );
    }

    /// Decodes one of the first two segments and parses it as a JSON object.
    fn segment_json(&mut self, part: &str, name: &str) -> Option<(JsonValue, String)> {
        let bytes = self.segment_bytes(part, name)?;
        let (code, what) = if name == "header" {
            (FindingCode::HeaderNotJson, "header")
        } else {
            (FindingCode::PayloadNotJson, "payload")
        };
        let parsed = String::from_utf8(bytes)
            .map_err(|_| "it is not UTF-8 text".to_string())
            .and_then(|text| match json_value::parse(&text) {
                Ok(value @ JsonValue::Object(_)) => Ok((value, text)),
                Ok(other) => Err(format!("it is {}, not an object", other.kind())),
                Err(problem) => Err(format!("it is not JSON ({problem})")),
            });
        match parsed {
            Ok(ok) => Some(ok),
            Err(problem) => {
                self.add(
                    code,
                    Severity::Error,
                    Some(what),
                    format!("The {what} decodes, but {problem}."),
                    format!(
                        "Make the {what} with JSON.stringify of an object (or let generateSignature make it)."
                    ),
                    &[3712],
                );
                None
            }
        }
    }

    /// Decodes a segment, reporting padding and the standard alphabet and reading past them.
    fn segment_bytes(&mut self, part: &str, name: &str) -> Option<Vec<u8>> {
        if part.contains('=') {
            self.add(
                FindingCode::Base64Padding,
                Severity::Error,
                Some(name),
                format!("The {name} segment ends with `=` padding; JWTs use base64url without padding."),
                "Remove every `=` from the segments, e.g. `.replace(/=+$/, '')` on each, or use a \
                 base64url encoder that does not pad (Java: Base64.getUrlEncoder().withoutPadding()).",
                &[3712],
            );
        }
        if part.contains('+') || part.contains('/') {
            self.add(
                FindingCode::Base64Alphabet,
                Severity::Error,
                Some(name),
                format!("The {name} segment uses standard base64 (`+` or `/`), not base64url."),
                "Encode with base64url: `+` becomes `-` and `/` becomes `_`, no padding.",
                &[3712],
            );
        }
        let normalised: String = part
            .chars()
            .filter(|c| *c != '=')
            .map(|c| match c {
                '+' => '-',
                '/' => '_',
                other => other,
            })
            .collect();
        match crate::base64url::decode(normalised.as_bytes()) {
            Some(bytes) if !bytes.is_empty() || name == "signature" => Some(bytes),
            _ => {
                self.add(
                    FindingCode::SegmentNotBase64,
                    Severity::Error,
                    Some(name),
                    format!("The {name} segment is not base64url (it is empty, cut short, or has other characters)."),
                    "Copy the whole token again; if you make it yourself, base64url-encode each part.",
                    &[3712],
                );
                None
            }
        }
    }

    fn check_header(&mut self, header: &JsonValue) {
        match header.get("alg") {
            Some(JsonValue::String(alg)) if alg == "HS256" => {}
            other => self.add(
                FindingCode::AlgNotHs256,
                Severity::Error,
                Some("alg"),
                format!(
                    "The header's alg is {}, but Zoom signatures are HS256.",
                    describe_claim(other)
                ),
                "Sign with HMAC SHA-256 and the header {\"alg\":\"HS256\",\"typ\":\"JWT\"}.",
                &[3712],
            ),
        }
        match header.get("typ") {
            Some(JsonValue::String(typ)) if typ == "JWT" => {}
            other => self.add(
                FindingCode::TypNotJwt,
                Severity::Warning,
                Some("typ"),
                format!(
                    "The header's typ is {}, not \"JWT\".",
                    describe_claim(other)
                ),
                "Use the header {\"alg\":\"HS256\",\"typ\":\"JWT\"}, as every Zoom sample does.",
                &[],
            ),
        }
    }

    fn check_payload(&mut self, payload: &JsonValue) {
        let has = |name: &str| payload.get(name).is_some();
        self.report.kind = if has("app_key") || has("tpc") {
            TokenKind::VideoSdk
        } else if has("iss") && !has("appKey") && !has("sdkKey") {
            TokenKind::RestApiJwt
        } else if has("appKey") || has("sdkKey") || has("mn") {
            TokenKind::MeetingSdk
        } else {
            TokenKind::Unknown
        };
        match self.report.kind {
            TokenKind::VideoSdk => {
                self.add(
                    FindingCode::VideoSdkToken,
                    Severity::Error,
                    None,
                    "This is a Video SDK token (it has app_key / tpc); a Video SDK token cannot \
                     join Zoom meetings.",
                    "Make a Meeting SDK signature with the key and secret of a Meeting SDK (or \
                     General) app: appKey, sdkKey, mn, role, iat, exp, tokenExp.",
                    &[3712],
                );
                return;
            }
            TokenKind::RestApiJwt => {
                self.add(
                    FindingCode::RestApiJwt,
                    Severity::Error,
                    None,
                    "This looks like a REST API token of a JWT app (it has iss and no key claim), \
                     not a Meeting SDK signature; JWT apps are deprecated and their keys are refused \
                     since Web SDK 2.7.0.",
                    "Create a Meeting SDK (or General) app in the Zoom App Marketplace and sign \
                     with its Client ID and Client Secret.",
                    &[3712],
                );
                return;
            }
            TokenKind::MeetingSdk | TokenKind::Unknown => {}
        }
        self.check_key(payload);
        self.check_meeting_number(payload);
        self.check_role(payload);
        self.check_times(payload);
        self.check_other_claims(payload);
    }

    fn check_key(&mut self, payload: &JsonValue) {
        let mut key_of = |name: &str| match payload.get(name) {
            None => None,
            Some(JsonValue::String(key)) if !key.is_empty() => Some(key.clone()),
            Some(other) => {
                self.add(
                    FindingCode::KeyNotString,
                    Severity::Error,
                    Some(name),
                    format!(
                        "{name} is {}, not the key as a string.",
                        describe_claim(Some(other))
                    ),
                    "Put your SDK key / Client ID in appKey and sdkKey as strings.",
                    &[3712],
                );
                None
            }
        };
        let app_key = key_of("appKey");
        let sdk_key = key_of("sdkKey");
        let secret = self.context.sdk_secret.as_deref();
        if let Some(name) = [("appKey", &app_key), ("sdkKey", &sdk_key)]
            .iter()
            .find(|(_, key)| key.is_some() && key.as_deref() == secret)
            .map(|(name, _)| *name)
        {
            self.add(
                FindingCode::SecretInToken,
                Severity::Error,
                Some(name),
                format!(
                    "{name} holds the secret given: the token carries its own secret in clear. \
                     Anyone who sees the token (it is sent to Zoom with every join, and often \
                     logged) can read the secret and sign tokens for your app."
                ),
                "Treat the secret as leaked: regenerate it in the Zoom App Marketplace (your app, \
                 App Credentials), then sign with the key (Client ID) in appKey and sdkKey and the \
                 new secret as the secret.",
                &[3712, 3704],
            );
        }
        match (&app_key, &sdk_key) {
            (None, None) if payload.get("appKey").is_none() && payload.get("sdkKey").is_none() => {
                self.add(
                    FindingCode::KeyMissing,
                    Severity::Error,
                    Some("appKey"),
                    "The payload has neither appKey nor sdkKey. The Component View refuses it \
                     (\"appKey can not empty in the signature\"); the Client View logs an error \
                     and hangs.",
                    "Add appKey (and sdkKey) with your SDK key / Client ID.",
                    &[],
                )
            }
            (None, Some(_)) if payload.get("appKey").is_none() => self.add(
                FindingCode::AppkeyMissing,
                Severity::Warning,
                Some("appKey"),
                "Only sdkKey is present; the signature requires appKey since Web SDK 5.0.0.",
                "Add appKey with the same value as sdkKey.",
                &[3712],
            ),
            (Some(a), Some(s)) if a != s => self.add(
                FindingCode::KeyMismatch,
                Severity::Error,
                Some("sdkKey"),
                "appKey and sdkKey differ; the SDK sends appKey, and the HMAC must match that app's secret.",
                "Put the same SDK key / Client ID in both.",
                &[3712, 3704],
            ),
            _ => {}
        }
        if let (Some(expected), Some(found)) = (&self.context.sdk_key, app_key.or(sdk_key)) {
            if expected.trim() != found {
                self.add(
                    FindingCode::KeyNotExpected,
                    Severity::Error,
                    Some("appKey"),
                    format!(
                        "The token carries the key \"{found}\", not the one expected (\"{}\").",
                        expected.trim()
                    ),
                    "Sign with the key and secret of the app you mean to use: both from the same \
                     Meeting SDK app's App Credentials page.",
                    &[3712, 3704],
                );
            }
        }
    }

    fn check_meeting_number(&mut self, payload: &JsonValue) {
        let digits = match payload.get("mn") {
            None => {
                self.add(
                    FindingCode::MnMissing,
                    Severity::Error,
                    Some("mn"),
                    "The payload has no mn. Without mn and role a signature is valid only for the \
                     native SDKs, not for the Web SDK.",
                    "Add mn: the meeting number that will be joined, digits only.",
                    &[3712, 3706],
                );
                return;
            }
            Some(JsonValue::String(text))
                if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) =>
            {
                text.clone()
            }
            Some(JsonValue::Number(value, text))
                if value.fract() == 0.0
                    && *value >= 0.0
                    && text.bytes().all(|b| b.is_ascii_digit()) =>
            {
                text.clone()
            }
            Some(other) => {
                let fix = match other.as_str().and_then(digits_only_form) {
                    Some(digits) => format!("Use the digits only: \"{digits}\"."),
                    None => "Put the 9 to 11 digit meeting ID in mn, digits only.".into(),
                };
                self.add(
                    FindingCode::MnNotDigits,
                    Severity::Error,
                    Some("mn"),
                    format!(
                        "mn is {}, which is not a meeting number of digits only.",
                        describe_claim(Some(other))
                    ),
                    fix,
                    &[3706, 3712],
                );
                return;
            }
        };
        if !MEETING_NUMBER_DIGITS.contains(&digits.len()) {
            self.add(
                FindingCode::MnLength,
                Severity::Error,
                Some("mn"),
                format!(
                    "mn has {} digits; Zoom meeting IDs have 9 to 11.",
                    digits.len()
                ),
                "Copy the meeting ID again from the invite; a sample page may have cut it at the \
                 first space (857 4606 5432 became 8574606).",
                &[3706, 3707],
            );
        }
        if let Some(expected) = &self.context.meeting_number {
            let expected_digits =
                meeting_number_digits(expected).unwrap_or_else(|| expected.trim().to_string());
            if expected_digits != digits {
                self.add(
                    FindingCode::MnMismatch,
                    Severity::Error,
                    Some("mn"),
                    format!(
                        "The token is for meeting {digits}, but join will be called with {expected_digits}."
                    ),
                    "Make the signature for the meeting number you pass to join (the same digits in both).",
                    &[3706, 3712],
                );
            }
        }
    }

    fn check_role(&mut self, payload: &JsonValue) {
        match payload.get("role") {
            None => self.add(
                FindingCode::RoleMissing,
                Severity::Error,
                Some("role"),
                "The payload has no role; the Web SDK needs it.",
                "Add role: 0 to join as participant, 1 to start as host.",
                &[3712, 3708],
            ),
            Some(JsonValue::Number(value, _)) if *value == 0.0 => {}
            Some(JsonValue::Number(value, _)) if *value == 1.0 => {
                if self
                    .context
                    .zak
                    .as_deref()
                    .is_some_and(|zak| zak.trim().is_empty())
                {
                    self.add(
                        FindingCode::RoleHostWithoutZak,
                        Severity::Warning,
                        Some("role"),
                        "role is 1 (host), but no ZAK will be passed to join. Starting a meeting \
                         as host needs the host's ZAK; a non-host with role 1 gets \"Signature is invalid\".",
                        "Pass the host's ZAK (from the REST API, GET /users/me/zak) to join, or use role 0 to join as participant.",
                        &[3712, 3708],
                    );
                }
            }
            Some(other) => self.add(
                FindingCode::RoleInvalid,
                Severity::Error,
                Some("role"),
                format!(
                    "role is {}; it must be the number 0 or 1.",
                    describe_claim(Some(other))
                ),
                "Write role as a JSON number: 0 (participant) or 1 (host).",
                &[3708, 3712],
            ),
        }
    }

    /// Reads a time claim, reporting strings, fractions and milliseconds.
    fn time(&mut self, payload: &JsonValue, name: &str) -> Option<Time> {
        let value = payload.get(name)?;
        let number = match value {
            JsonValue::Number(value, _) => Some(*value),
            JsonValue::String(text) => parse_f64(text.trim()).filter(|v| v.is_finite()),
            _ => None,
        };
        let Some(number) = number else {
            self.add(
                FindingCode::TimeNotInteger,
                Severity::Error,
                Some(name),
                format!(
                    "{name} is {}, not seconds since the epoch.",
                    describe_claim(Some(value))
                ),
                format!("Write {name} as a whole JSON number of seconds."),
                &[3712, 3705],
            );
            return Some(Time { seconds: None });
        };
        if matches!(value, JsonValue::String(_)) || number.fract() != 0.0 {
            self.add(
                FindingCode::TimeNotInteger,
                Severity::Error,
                Some(name),
                format!(
                    "{name} is {}; Zoom wants a whole number of seconds, not a string or a fraction.",
                    describe_claim(Some(value))
                ),
                format!("Write {name} as an integer JSON number, e.g. Math.floor(Date.now() / 1000)."),
                &[3712],
            );
        }
        if number.abs() >= MILLISECONDS_FROM as f64 {
            self.add(
                FindingCode::TimeInMilliseconds,
                Severity::Error,
                Some(name),
                format!("{name} is in milliseconds; Zoom wants seconds since the epoch."),
                format!(
                    "Divide by 1000: {name} = Math.floor(Date.now() / 1000) (minus 30 s for iat)."
                ),
                &[3712, 3705],
            );
            return Some(Time { seconds: None });
        }
        Some(Time {
            seconds: Some(number.floor() as i64),
        })
    }

    fn check_times(&mut self, payload: &JsonValue) {
        let iat = self.time(payload, "iat");
        let exp = self.time(payload, "exp");
        let token_exp = self.time(payload, "tokenExp");
        if iat.is_none() {
            self.add(
                FindingCode::IatMissing,
                Severity::Error,
                Some("iat"),
                "The payload has no iat (issued-at).",
                "Add iat: seconds since the epoch, a little in the past (now - 30).",
                &[3712],
            );
        }
        if exp.is_none() {
            self.add(
                FindingCode::ExpMissing,
                Severity::Error,
                Some("exp"),
                "The payload has no exp (expiry).",
                "Add exp: iat plus 1800 to 172800 seconds (Zoom's samples use 7200).",
                &[3712, 3705],
            );
        }
        if token_exp.is_none() {
            self.add(
                FindingCode::TokenExpMissing,
                Severity::Warning,
                Some("tokenExp"),
                "The payload has no tokenExp; every current Zoom sample sends it, equal to exp.",
                "Add tokenExp with the same value as exp.",
                &[],
            );
        }
        let iat = iat.and_then(|t| t.seconds);
        let exp = exp.and_then(|t| t.seconds);
        let token_exp = token_exp.and_then(|t| t.seconds);
        self.report.issued_at = iat;
        self.report.expires_at = exp;
        let now = self.now;

        if let Some(iat) = iat.filter(|iat| *iat > now) {
            let ahead = iat - now;
            self.add(
                FindingCode::IatInFuture,
                Severity::Error,
                Some("iat"),
                format!(
                    "iat is {} ahead of this clock: either the clock that made the token is fast, \
                     or this one is slow. Zoom refuses tokens issued in the future.",
                    describe_seconds(ahead)
                ),
                "Back-date iat: iat = now - 30 (or up to - 120 for slow clocks), and keep the \
                 signing machine's clock synchronised (NTP).",
                &[3712, 3705],
            );
        }
        if let Some(exp) = exp {
            if exp <= now {
                self.add(
                    FindingCode::Expired,
                    Severity::Error,
                    Some("exp"),
                    format!("The signature expired {} ago.", describe_seconds(now - exp)),
                    "Make a new signature; join within its lifetime.",
                    &[3705],
                );
            } else if exp - now < EXPIRES_SOON_SECONDS {
                self.add(
                    FindingCode::ExpiresSoon,
                    Severity::Warning,
                    Some("exp"),
                    format!("The signature expires in {}.", describe_seconds(exp - now)),
                    "Make a fresh signature just before joining.",
                    &[3705],
                );
            }
        }
        if let (Some(iat), Some(exp)) = (iat, exp) {
            let lifetime = exp - iat;
            if lifetime < MIN_EXPIRATION_SECONDS {
                self.add(
                    FindingCode::ExpTooShort,
                    Severity::Error,
                    Some("exp"),
                    format!(
                        "exp is {lifetime} s after iat; Zoom requires at least 1800 s (30 minutes)."
                    ),
                    "Set exp = iat + a value from 1800 to 172800 (e.g. 7200).",
                    &[3712, 3705],
                );
            } else if lifetime > MAX_EXPIRATION_SECONDS {
                self.add(
                    FindingCode::ExpTooLong,
                    Severity::Error,
                    Some("exp"),
                    format!(
                        "exp is {} after iat; Zoom allows at most 48 hours.",
                        describe_seconds(lifetime)
                    ),
                    "Set exp = iat + a value from 1800 to 172800 (e.g. 7200).",
                    &[3712],
                );
            }
        }
        if let (Some(iat), Some(token_exp)) = (iat, token_exp) {
            if token_exp - iat < MIN_EXPIRATION_SECONDS {
                self.add(
                    FindingCode::TokenExpTooShort,
                    Severity::Error,
                    Some("tokenExp"),
                    format!(
                        "tokenExp is {} s after iat; it must be at least 1800 s.",
                        token_exp - iat
                    ),
                    "Set tokenExp equal to exp.",
                    &[3712],
                );
            }
        }
    }

    fn check_other_claims(&mut self, payload: &JsonValue) {
        let mode = payload.get("video_webrtc_mode");
        let valid_mode = match mode {
            None => true,
            Some(JsonValue::Number(value, _)) => *value == 0.0 || *value == 1.0,
            Some(_) => false,
        };
        if !valid_mode {
            self.add(
                FindingCode::WebrtcModeInvalid,
                Severity::Error,
                Some("video_webrtc_mode"),
                format!(
                    "video_webrtc_mode is {}; it must be the number 0 or 1.",
                    describe_claim(mode)
                ),
                "Write video_webrtc_mode as 0 or 1, or leave it out.",
                &[3712],
            );
        }
        let JsonValue::Object(members) = payload else {
            return;
        };
        for (name, _) in members {
            if KNOWN_CLAIMS.contains(&name.as_str()) {
                continue;
            }
            match intended_claim(name) {
                Some(meant) => self.add(
                    FindingCode::UnknownClaim,
                    Severity::Warning,
                    Some(name),
                    format!("The claim {name} is not one Zoom reads; it looks like a misspelling of {meant}."),
                    format!("Rename {name} to {meant}."),
                    &[],
                ),
                None => self.add(
                    FindingCode::UnknownClaim,
                    Severity::Info,
                    Some(name),
                    format!("The claim {name} is not part of a Meeting SDK signature; Zoom ignores it."),
                    "Nothing to do, unless you meant one of appKey, sdkKey, mn, role, iat, exp, tokenExp, video_webrtc_mode.",
                    &[],
                ),
            }
        }
    }

    fn check_signature(
        &mut self,
        signing_input: &str,
        part: &str,
        alg: Option<HmacAlgorithm>,
        key: Option<String>,
    ) {
        if part.is_empty() {
            self.add(
                FindingCode::SignatureEmpty,
                Severity::Error,
                Some("signature"),
                "The third part is empty: the token is not signed.",
                "Sign it with HS256 and your SDK secret / Client Secret.",
                &[3712],
            );
            return;
        }
        let mac = self.segment_bytes(part, "signature");
        let Some(secret) = self.context.sdk_secret.clone() else {
            return;
        };
        let (Some(mac), Some(alg)) = (mac, alg) else {
            return;
        };
        let matches = |key_bytes: &[u8]| {
            constant_time_eq(&alg.mac(key_bytes, signing_input.as_bytes()), &mac)
        };
        if matches(secret.as_bytes()) {
            self.report.signature_verified = Some(true);
            if secret.trim() != secret {
                self.secret_whitespace(true);
            }
            self.add(
                FindingCode::SignatureVerified,
                Severity::Info,
                Some("signature"),
                "The signature matches the secret given.",
                "Nothing to do. If Zoom still refuses it, see the other findings and the join error.",
                &[],
            );
            return;
        }
        self.report.signature_verified = Some(false);
        self.add(
            FindingCode::SignatureMismatch,
            Severity::Error,
            Some("signature"),
            "The signature does not match the secret given: Zoom will answer \"Signature is invalid\".",
            "Sign with the secret of the same app as the key (SDK secret or Client Secret, from the \
             same App Credentials page), and check the token was not changed after signing.",
            &[3712],
        );
        let keys: Vec<String> = [key, self.context.sdk_key.clone()]
            .into_iter()
            .flatten()
            .collect();
        if keys.iter().any(|k| matches(k.as_bytes())) {
            self.add(
                FindingCode::SecretIsKey,
                Severity::Error,
                Some("signature"),
                "The token was signed with the SDK key / Client ID as the secret: key and secret were swapped.",
                "Sign with the SDK secret / Client Secret; the key goes in appKey and sdkKey.",
                &[3712],
            );
        }
        let secret_units: Vec<u16> = secret.encode_utf16().collect();
        if hex_decode(&secret_units).is_some_and(|bytes| matches(&bytes)) {
            self.add(
                FindingCode::SecretHexDecoded,
                Severity::Error,
                Some("signature"),
                "The token was signed with the secret's hex-decoded bytes: jsrsasign treats an \
                 even-length all-hex secret string as hex, while Zoom uses the secret's text.",
                "Pass the secret to KJUR.jws.JWS.sign as {utf8: secret}, or use generateSignature.",
                &[3712],
            );
        }
        let trimmed = secret.trim();
        let variants = [
            format!("{trimmed}\n"),
            format!("{trimmed}\r\n"),
            format!("{trimmed} "),
            format!(" {trimmed}"),
            trimmed.to_string(),
        ];
        if variants
            .iter()
            .any(|v| v != &secret && matches(v.as_bytes()))
        {
            self.secret_whitespace(false);
        }
    }

    fn secret_whitespace(&mut self, verified_with_it: bool) {
        let message = if verified_with_it {
            "The secret given has white space around it, and the token was signed with it; Zoom's copy of the secret has none."
        } else {
            "The token was signed with white space or a line break around the secret (e.g. \
             read from a file or an environment variable with a trailing newline), or the secret \
             given here has some."
        };
        self.add(
            FindingCode::SecretWhitespace,
            Severity::Error,
            Some("signature"),
            message,
            "Trim the secret before signing (secret.trim()).",
            &[3712],
        );
    }
}

/// The key a payload carries, `appKey` first as the SDK reads it.
fn token_key(payload: Option<&JsonValue>) -> Option<String> {
    let payload = payload?;
    ["appKey", "sdkKey"]
        .iter()
        .find_map(|name| payload.get(name).and_then(JsonValue::as_str))
        .map(str::to_string)
}

fn intended_claim(name: &str) -> Option<&'static str> {
    let wanted = normalise_name(name);
    CLAIM_ALIASES
        .iter()
        .find(|(alias, _)| *alias == wanted)
        .map(|(_, claim)| *claim)
        .or_else(|| {
            KNOWN_CLAIMS
                .iter()
                .find(|claim| normalise_name(claim) == wanted)
                .copied()
        })
}

/// A claim's value for a message: short values written out, others named by kind.
fn describe_claim(value: Option<&JsonValue>) -> String {
    match value {
        None => "missing".into(),
        Some(JsonValue::String(text)) if text.chars().count() <= 40 => {
            format!("the string \"{text}\"")
        }
        Some(JsonValue::Number(_, text)) if text.len() <= 24 => text.clone(),
        Some(other) => other.kind().into(),
    }
}

fn describe_seconds(seconds: i64) -> String {
    let seconds = seconds.max(0);
    if seconds < 120 {
        format!("{seconds} s")
    } else if seconds < 7200 {
        format!("{} min", seconds / 60)
    } else if seconds < 172_800 {
        format!("{} h {} min", seconds / 3600, seconds % 3600 / 60)
    } else {
        format!("{} days", seconds / 86_400)
    }
}
