//! The exceptions and console texts the SDK's own decoding of a malformed signature produces,
//! which have no code.

use super::codes::{Entry, cause};

const NO_KEY_IN_SIGNATURE: Entry = Entry {
    name: "SIGNATURE_WITHOUT_APP_KEY",
    meaning: "The signature's payload has neither appKey nor sdkKey, so the SDK refused it before contacting Zoom.",
    signature_related: true,
    causes: &[
        cause(
            "APPKEY_MISSING",
            "The payload was built without the key claim, or under another name (apiKey, clientId, or app_key as in a Video SDK token).",
        ),
        cause(
            "CLIENT_VIEW_HANGS",
            "In the Client View the same console line also appears when the signature is empty or not a JWT at all; the join then hangs without calling error.",
        ),
    ],
    fixes: &[
        "Put your Client ID (or SDK Key) in the payload as appKey; Zoom's samples also copy it into sdkKey.",
    ],
};

const NOT_A_JWT: Entry = Entry {
    name: "SIGNATURE_NOT_A_JWT",
    meaning: "The signature is not a JWT string: the SDK found no second dot-separated part to decode.",
    signature_related: true,
    causes: &[
        cause("TOKEN_FORM", "An empty signature."),
        cause(
            "RESPONSE_AS_SIGNATURE",
            "Something other than the token string: the whole {signature: ...} response object, or a string without dots.",
        ),
    ],
    fixes: &[
        "Pass the token string itself (e.g. data.signature), made of three dot-separated base64url parts.",
    ],
};

const NOT_BASE64URL: Entry = Entry {
    name: "SIGNATURE_NOT_BASE64URL",
    meaning: "A part of the signature is not valid base64url, so the SDK could not decode its payload.",
    signature_related: true,
    causes: &[
        cause(
            "BASE64_FORM",
            "A segment holds characters outside the base64url alphabet, or has an impossible length.",
        ),
        cause(
            "TOKEN_ALTERED",
            "The token was cut, wrapped or altered on its way (quotes, spaces, URL encoding).",
        ),
        cause(
            "PAYLOAD_NOT_JSON_LOG",
            "In the Client View, \"Invalid token specified: invalid base64\" is also logged when the payload decodes but is not JSON.",
        ),
    ],
    fixes: &[
        "Encode each segment as base64url (A-Z, a-z, 0-9, - and _) without = padding, and pass the token unchanged.",
    ],
};

const PAYLOAD_NOT_JSON: Entry = Entry {
    name: "SIGNATURE_PAYLOAD_NOT_JSON",
    meaning: "The signature's middle part decodes, but not to JSON, so the SDK could not read its claims.",
    signature_related: true,
    causes: &[
        cause(
            "TOKEN_FORM",
            "The payload was signed as arbitrary text instead of JSON.stringify of the claims object (jsrsasign signs a string payload without checking it).",
        ),
        cause(
            "PARTS_MIXED",
            "The parts are in the wrong order, or belong to a different kind of token.",
        ),
    ],
    fixes: &[
        "Build the payload as a JSON object of the claims (appKey, sdkKey, mn, role, iat, exp, tokenExp) and encode that.",
    ],
};

const JWT_APP_API_KEY: Entry = Entry {
    name: "JWT_APP_API_KEY",
    meaning: "join was given an apiKey, the key of a JWT app; Web SDK 2.7.0 and later refuse it.",
    signature_related: true,
    causes: &[cause(
        "KEY_APP_TYPE",
        "Code written for SDKs before 2.7.0, which signed with a JWT app's API key and secret. JWT apps are deprecated; such a key cannot join.",
    )],
    fixes: &[
        "Remove apiKey from join, and sign with the Client ID and Client Secret of a General app with the Meeting SDK enabled (appKey in the signature).",
    ],
};

const ZAK_AND_OBF: Entry = Entry {
    name: "ZAK_AND_OBF_TOKEN",
    meaning: "join was given both zak and obfToken; the Component View accepts only one.",
    signature_related: false,
    causes: &[cause(
        "BOTH_CREDENTIALS",
        "Both user credentials were passed to join.",
    )],
    fixes: &[
        "Pass zak to start or join as the user, or obfToken to join on a user's behalf, not both.",
    ],
};

/// Recognises the exceptions the SDK's own decoding throws for a malformed token. Chromium's
/// wording is what was observed; the error names also cover other browsers' wording.
pub(super) fn malformed_token(kind: Option<&str>, message: Option<&str>) -> Option<&'static Entry> {
    let text = message.unwrap_or_default().to_ascii_lowercase();
    let has = |needle: &str| text.contains(needle);
    if has("appkey can not empty") || has("please add appkey") {
        Some(&NO_KEY_IN_SIGNATURE)
    } else if has("jwt app type api key") {
        Some(&JWT_APP_API_KEY)
    } else if has("zak and obftoken are mutually exclusive") {
        Some(&ZAK_AND_OBF)
    } else if has("'replace'") {
        Some(&NOT_A_JWT)
    } else if kind == Some("InvalidCharacterError")
        || has("atob")
        || has("invalid base64")
        || has("base64 string is not of the correct length")
    {
        Some(&NOT_BASE64URL)
    } else if kind == Some("SyntaxError") || has("is not valid json") {
        Some(&PAYLOAD_NOT_JSON)
    } else {
        None
    }
}
