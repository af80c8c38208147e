//! What each code the SDK reports means, from Zoom's SDK 6.2.0 tables, its error page, its
//! samples and forum threads, and the exact server texts it maps to codes.

pub(super) struct Entry {
    pub(super) name: &'static str,
    pub(super) meaning: &'static str,
    pub(super) signature_related: bool,
    pub(super) causes: &'static [JoinCause],
    pub(super) fixes: &'static [&'static str],
}

/// One usual cause of an error: a stable code (the doctor's, when the doctor can speak of it:
/// `crate::doctor::Cause`) and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JoinCause {
    /// The stable SCREAMING_SNAKE_CASE code.
    pub code: &'static str,
    /// What the cause is, in a sentence.
    pub text: &'static str,
}

pub(super) const fn cause(code: &'static str, text: &'static str) -> JoinCause {
    JoinCause { code, text }
}

// Shared lines: several codes end in the same few mistakes.
const OFFLINE_LOOKS_VALID: JoinCause = cause(
    "OFFLINE_ANY_TOKEN",
    "Without Zoom's server (offline, blocked network) every token fails this way, valid or not: a wrong secret, an expired token or a wrong mn are only detected by the server, so this code says nothing about the signature.",
);
const RECAPTCHA_LOG: JoinCause = cause(
    "RECAPTCHA_LOG",
    "If the Client View console shows \"You have been limit by zoom, verfy recaptcha and try again\", that line is printed for any network failure; it does not mean Zoom rate-limited you.",
);
const CHECK_NETWORK: &str = "Open the browser's network panel and check the POST to https://<webEndpoint>/api/v1/wc/info (zoom.us by default): it must reach Zoom. The SDK keeps only the host name of webEndpoint and always uses https on port 443.";
const CHECK_OFFLINE: &str = "Check the token itself with zoomsig (claims, time window, HMAC against your secret): that works offline, where the SDK cannot tell a good token from a bad one.";
const CROSS_ACCOUNT_PUBLISH: JoinCause = cause(
    "EXTERNAL_MEETING",
    "The meeting belongs to a Zoom account other than the one that created the SDK app, and the app has not passed Zoom's app review (it may stay unlisted). Whether that applies cannot be checked offline.",
);
const CROSS_ACCOUNT_OBF: JoinCause = cause(
    "EXTERNAL_MEETING",
    "Since March 2, 2026 (Zoom's changelog said February 23), joining a meeting hosted by another account also needs user attribution: a ZAK or an OBF token passed to join. This cannot be checked offline.",
);
const SAME_MN: &str = "Use the same digits-only meeting number (9 to 11 digits, no spaces or dashes) in the signature's mn and in join's meetingNumber.";

const CODES: &[(i64, Entry)] = &[
    (
        1,
        Entry {
            name: "FAIL",
            meaning: "The Client View's catch-all join failure (\"Fail to join the meeting.\"); it does not say why.",
            signature_related: false,
            causes: &[
                cause(
                    "NETWORK_FAILURE",
                    "The request to Zoom's server failed at the network level (offline, DNS, proxy, firewall): the Client View reports every such failure as 1.",
                ),
                OFFLINE_LOOKS_VALID,
                RECAPTCHA_LOG,
                cause(
                    "RESPONSE_AS_SIGNATURE",
                    "The whole response of the signature endpoint (e.g. the text of {\"signature\": ...}) was passed as signature instead of the token string; Zoom staff traced errorCode 1 to that.",
                ),
            ],
            fixes: &[
                CHECK_NETWORK,
                "Pass only the token string, e.g. signature: data.signature, not the response object or its text.",
                CHECK_OFFLINE,
            ],
        },
    ),
    (
        200,
        Entry {
            name: "FAIL",
            meaning: "The Component View's catch-all join failure: Zoom's server refused the join with a reply the SDK has no code of its own for, so it passes the server's text on as the reason.",
            signature_related: false,
            causes: &[
                cause(
                    "UNMAPPED_SERVER_ERROR",
                    "A server error the Component View does not map (for example \"meeting does not exist\") is reported as 200 with the server's own text; read that text.",
                ),
                cause(
                    "EXTERNAL_MEETING",
                    "An app still in Draft joining a meeting of another account got 200 \"Fail to join the meeting.\" (Web SDK 3.9.0; Zoom staff called it expected). Whether your app and meeting are in that case cannot be checked offline.",
                ),
            ],
            fixes: &[
                "Read the reason text: it is Zoom's explanation, unchanged.",
                "For meetings of other accounts, get the app through Zoom's app review and pass a ZAK or OBF token to join.",
                "Test with a meeting of the account that owns the SDK app to tell account policy apart from other causes.",
            ],
        },
    ),
    (
        3,
        Entry {
            name: "NOT_SUPPORT",
            meaning: "The Client View refused the join options before contacting Zoom: one of the option names is not one it accepts (\"Join parameters: X are invalid!\").",
            signature_related: false,
            causes: &[
                cause(
                    "OPTION_OF_OTHER_VIEW",
                    "An option named for the Component View: the Client View wants passWord, and password is rejected.",
                ),
                cause(
                    "MISSPELT_OPTION",
                    "A misspelt or extra option in the object given to ZoomMtg.join.",
                ),
            ],
            fixes: &[
                "Rename or remove the option named in the message; the Client View takes meetingNumber, userName, passWord, signature, userEmail, tk, zak, obfToken, customerKey and a few others.",
            ],
        },
    ),
    (
        3001,
        Entry {
            name: "MEETING_NOT_EXIST",
            meaning: "Zoom has no meeting with the meeting number given.",
            signature_related: false,
            causes: &[
                cause(
                    "MEETING_NUMBER_TYPO",
                    "A typo in the meeting number, or a number that lost digits: the web sample's clean-up turns a pasted \"857 4606 5432\" into 8574606.",
                ),
                cause(
                    "MEETING_MISMATCH",
                    "The signature's mn names a different meeting than the one joined; which code Zoom returns for that (3001, 3706, 3707 or 3712) is not documented.",
                ),
            ],
            fixes: &[
                SAME_MN,
                "Copy the meeting number again from the invitation or the host.",
            ],
        },
    ),
    (
        3004,
        Entry {
            name: "WRONG_PASSCODE",
            meaning: "The meeting passcode given to join is wrong or missing.",
            signature_related: false,
            causes: &[
                cause(
                    "PASSCODE_WRONG",
                    "No passcode, or the wrong one, for a meeting that has one.",
                ),
                cause(
                    "PASSCODE_OPTION_NAME",
                    "The passcode under the wrong option name: the Client View takes passWord, the Component View password.",
                ),
            ],
            fixes: &[
                "Pass the meeting's passcode as passWord (Client View) or password (Component View).",
            ],
        },
    ),
    (
        3008,
        Entry {
            name: "MEETING_NOT_STARTED",
            meaning: "The meeting exists but has not been started yet.",
            signature_related: false,
            causes: &[cause(
                "MEETING_NOT_STARTED",
                "The host has not started the meeting.",
            )],
            fixes: &[
                "Wait for the host to start the meeting, then join again.",
                "To start it yourself, sign with role 1 and pass the host's ZAK as zak.",
            ],
        },
    ),
    (
        3610,
        Entry {
            name: "MEETING_NOT_EXIST",
            meaning: "The Client View's code for a meeting that does not exist (it reports Zoom's server error 3001 this way).",
            signature_related: false,
            causes: &[
                cause(
                    "MEETING_NUMBER_TYPO",
                    "A typo in the meeting number, or a number that lost digits while being cleaned up.",
                ),
                cause(
                    "MEETING_MISMATCH",
                    "The signature's mn names a different meeting than the one joined; which code Zoom returns for that is not documented.",
                ),
            ],
            fixes: &[SAME_MN],
        },
    ),
    (
        3704,
        Entry {
            name: "API_KEY_WRONG",
            meaning: "Zoom does not accept the key in the signature (appKey, or sdkKey): it is not the key of an SDK app it knows.",
            signature_related: true,
            causes: &[
                cause(
                    "KEY_APP_TYPE",
                    "A key that is not a Meeting SDK key: the API key of a JWT app (JWT apps are deprecated; what Zoom's server answers for such a key cannot be known offline), or a Video SDK key, which is not interchangeable.",
                ),
                cause(
                    "KEY_SECRET_PAIR",
                    "A typo, stray whitespace, or the key of a different app than the secret.",
                ),
                cause(
                    "ZOOM_FOR_GOVERNMENT",
                    "A commercial key used against Zoom for Government, or the reverse (an inference, not confirmed).",
                ),
            ],
            fixes: &[
                "Put the Client ID of a General app with the Meeting SDK enabled (or the SDK Key of an older Meeting SDK app) in appKey.",
                "Take the key and the secret from the same app.",
                "For Zoom for Government, use a key from marketplace.zoomgov.com and webEndpoint \"www.zoomgov.com\".",
            ],
        },
    ),
    (
        3705,
        Entry {
            name: "SIGNATURE_EXPIRED",
            meaning: "Zoom considers the signature expired: its time claims (iat, exp, tokenExp) put now outside the token's lifetime.",
            signature_related: true,
            causes: &[
                cause(
                    "TIMES",
                    "exp is already past: the token was cached or reused after it ran out.",
                ),
                cause(
                    "TIMES",
                    "iat, exp or tokenExp written in milliseconds, or as strings, instead of whole seconds.",
                ),
                cause(
                    "TIMES",
                    "exp - iat is outside 1800 to 172800 seconds (30 minutes to 48 hours).",
                ),
                cause(
                    "CLOCK_SKEW",
                    "The signing machine's clock is wrong, or the time was computed in the wrong time zone (e.g. Java's LocalDateTime.now().toInstant(ZoneOffset.UTC)).",
                ),
            ],
            fixes: &[
                "Make a fresh signature for each join, with iat = the current time in seconds.",
                "Set exp and tokenExp to iat plus 1800 to 172800 seconds (Zoom's samples use 7200), as numbers.",
                "Keep the signing server's clock in sync.",
            ],
        },
    ),
    (
        3706,
        Entry {
            name: "MEETING_NUMBER_WRONG",
            meaning: "Zoom says the meeting number is wrong: the signature's mn is malformed or does not match the meeting joined.",
            signature_related: true,
            causes: &[
                cause(
                    "MEETING_MISMATCH",
                    "mn in the signature differs from the meetingNumber passed to join.",
                ),
                cause(
                    "MEETING_MISMATCH",
                    "mn holds spaces or dashes, or lost digits (the web sample's clean-up turns \"857 4606 5432\" into 8574606).",
                ),
            ],
            fixes: &[SAME_MN, "Sign a new token whenever the meeting changes."],
        },
    ),
    (
        3707,
        Entry {
            name: "MEETING_NUMBER_NOT_FOUND",
            meaning: "Zoom found no meeting with this meeting number.",
            signature_related: false,
            causes: &[
                cause(
                    "MEETING_NUMBER_TYPO",
                    "A typo in the meeting number, or a number that lost digits while being cleaned up.",
                ),
                cause(
                    "MEETING_MISMATCH",
                    "The signature's mn names another meeting than intended.",
                ),
            ],
            fixes: &[SAME_MN],
        },
    ),
    (
        3708,
        Entry {
            name: "ROLE_ERROR",
            meaning: "Zoom rejected the role in the signature.",
            signature_related: true,
            causes: &[
                cause("ROLE_HOST", "role is not the number 0 or 1."),
                cause(
                    "ROLE_HOST",
                    "role 1 (host) for a user who is not the meeting's host, or without the host's ZAK.",
                ),
            ],
            fixes: &[
                "Sign with role 0 to join as a participant.",
                "Use role 1 only to start the meeting as its host, and pass the host's ZAK as zak.",
            ],
        },
    ),
    (
        3709,
        Entry {
            name: "HOST_NOT_FOUND",
            meaning: "Zoom could not find the host of this meeting.",
            signature_related: false,
            causes: &[cause(
                "HOST_NOT_FOUND",
                "Zoom's server reported that it found no host for the meeting; it gives no more detail, and which situations lead there is not documented.",
            )],
            fixes: &[
                "Check that the meeting number is the meeting you mean, then ask the meeting's owner or Zoom support.",
            ],
        },
    ),
    (
        3710,
        Entry {
            name: "API_KEY_DISABLED",
            meaning: "The key in the signature belongs to an app Zoom has deactivated.",
            signature_related: true,
            causes: &[
                cause(
                    "APP_INACTIVE",
                    "The SDK app whose key is in appKey (or sdkKey) is deactivated or disabled.",
                ),
                cause(
                    "KEY_APP_TYPE",
                    "A key from a deprecated JWT app; which code Zoom's server returns for those cannot be known offline.",
                ),
            ],
            fixes: &[
                "Check the app's state on the Zoom App Marketplace, or sign with the Client ID and secret of an active General app with the Meeting SDK enabled.",
            ],
        },
    ),
    (
        3711,
        Entry {
            name: "CANNOT_HOST_OTHER_MEETING",
            meaning: "Zoom refused to let this user host the meeting because they cannot host another meeting at the same time.",
            signature_related: false,
            causes: &[cause(
                "HOSTING_ELSEWHERE",
                "The user starting the meeting as host (role 1 with a ZAK) is already hosting another meeting.",
            )],
            fixes: &["End the other meeting first, or join with role 0 as a participant."],
        },
    ),
    (
        3712,
        Entry {
            name: "INVALID_SIGNATURE",
            meaning: "Zoom's server rejected the signature: the HMAC does not verify against the app's secret, or a claim, the key or the encoding is not what it accepts.",
            signature_related: true,
            causes: &[
                cause(
                    "KEY_APP_TYPE",
                    "A key that is not a Meeting SDK key: a JWT app's API key (it worked with Web SDK 2.3.5 and earlier; 2.7.0 and later accept only Meeting SDK credentials), an OAuth or Server-to-Server OAuth app's Client ID, or a Video SDK key.",
                ),
                cause(
                    "KEY_SECRET_PAIR",
                    "Signed with the wrong secret: the secret of another app than the key in appKey, a Video SDK secret, or a JWT app's API secret.",
                ),
                cause(
                    "SECRET_ENCODING",
                    "The secret turned into bytes other than its UTF-8 text: jsrsasign reads an even-length all-hex secret as hex and keeps only the low byte of non-ASCII characters; jjwt's signWith(HS256, String) decodes the string as base64.",
                ),
                cause(
                    "BASE64_FORM",
                    "Segments encoded as standard base64 (with = padding, + or /) instead of unpadded base64url; padding appears only for some lengths, which fits \"works sometimes\" reports.",
                ),
                cause(
                    "HEADER",
                    "A header other than {\"alg\":\"HS256\",\"typ\":\"JWT\"}.",
                ),
                cause(
                    "TIMES",
                    "iat, exp or tokenExp in milliseconds or as strings; exp - iat outside 1800 to 172800 seconds.",
                ),
                cause(
                    "CLOCK_SKEW",
                    "iat slightly in the future because of clock skew between the signer and Zoom's servers.",
                ),
                cause("ROLE_HOST", "role 1 for a user who is not the host."),
                cause("MEETING_MISMATCH", "mn different from the meeting joined."),
                cause(
                    "APPKEY_MISSING",
                    "No appKey claim (only sdkKey): required since Web SDK 5.0.0, though whether Zoom's server enforces it is unconfirmed.",
                ),
                cause(
                    "EXTERNAL_MEETING",
                    "An unpublished app joining a meeting of another account was reported as \"Signature invalid\" too; that cannot be checked offline.",
                ),
                cause(
                    "APP_INACTIVE",
                    "An open 2026 report also shows 3712 for a Development app on the web SDK with no known cause.",
                ),
            ],
            fixes: &[
                "Check the token with zoomsig against your secret: it recomputes the HMAC and says which claim or encoding is off.",
                "Sign with the Client Secret of the same app whose Client ID is in appKey, HMAC-SHA256 over the UTF-8 bytes of the secret.",
                "Encode all three segments as base64url without = padding.",
                "Use whole seconds: iat = now (back-dating by 30 seconds, as Zoom's samples once did, absorbs small clock skew), exp = tokenExp = iat + 1800 to 172800.",
                "Include appKey; sign with role 0 unless starting as host with the host's ZAK; use the meeting number you join as mn.",
            ],
        },
    ),
    (
        3713,
        Entry {
            name: "NO_PERMISSION",
            meaning: "Zoom refused the join for lack of permission, without saying which.",
            signature_related: false,
            causes: &[
                cause(
                    "ADMIN_BLOCKED",
                    "Account admins can allow or block specific SDK apps from joining their meetings; which code a blocked app gets is unconfirmed.",
                ),
                CROSS_ACCOUNT_PUBLISH,
            ],
            fixes: &[
                "Ask the admin of the account that hosts the meeting whether your SDK app is allowed.",
                "For meetings of other accounts, get the app through Zoom's app review.",
            ],
        },
    ),
    (
        4003,
        Entry {
            name: "INVALID_PARAMETER",
            meaning: "The Client View rejected a join option before contacting Zoom.",
            signature_related: false,
            causes: &[
                cause(
                    "MEETING_NUMBER_TOO_LONG",
                    "meetingNumber longer than 12 characters.",
                ),
                cause(
                    "USER_NAME_LENGTH",
                    "userName empty or longer than 128 characters.",
                ),
                cause("PASSCODE_TOO_LONG", "passWord longer than 32 characters."),
                cause("TOKEN_FORM", "An empty signature."),
                cause("SCRIPT_IN_OPTION", "\"<script>\" in any option value."),
            ],
            fixes: &[
                "Check the option the message names: a digits-only meeting number, a userName of 1 to 128 characters, a passcode of at most 32, a non-empty signature string.",
            ],
        },
    ),
    (
        4011,
        Entry {
            name: "CROSS_ACCOUNT_JOIN_ERROR",
            meaning: "Zoom refused to let this SDK app join a meeting hosted by another Zoom account, because the app is not published on the Zoom Marketplace (Section 6.1 of Zoom's API License Terms of Use).",
            signature_related: false,
            causes: &[CROSS_ACCOUNT_PUBLISH],
            fixes: &[
                "Submit the app to Zoom's app review; it may be published unlisted.",
                "Until then, test with meetings of the account that created the app.",
                "Once reviewed, also pass a ZAK or OBF token for meetings of other accounts (required since March 2, 2026).",
            ],
        },
    ),
    (
        4012,
        Entry {
            name: "ANONYMOUS_JOIN_NOT_ALLOWED",
            meaning: "The SDK app may not join this meeting anonymously: Zoom wants a signed-in Zoom user behind the join, shown by a ZAK or an OBF token.",
            signature_related: false,
            causes: &[CROSS_ACCOUNT_OBF],
            fixes: &[
                "Authenticate the Zoom user, then pass their ZAK as zak, or an OBF token (GET /v2/users/{userId}/token?type=onbehalf) as obfToken; never both.",
                "Meetings of the app's own account need only the signature.",
            ],
        },
    ),
    (
        4013,
        Entry {
            name: "NO_OBF_TOKEN",
            meaning: "Zoom expected an OBF (on behalf of) token with this join and got none.",
            signature_related: false,
            causes: &[CROSS_ACCOUNT_OBF],
            fixes: &[
                "Get an OBF token for the authorizing user with GET /v2/users/{userId}/token?type=onbehalf and pass it to join as obfToken.",
            ],
        },
    ),
    (
        4014,
        Entry {
            name: "INVALID_OBF_TOKEN",
            meaning: "Zoom rejected the OBF token passed to join.",
            signature_related: false,
            causes: &[
                cause(
                    "OBF_EXPIRED",
                    "The OBF token has expired: it lasts 2 hours unless a longer life (up to a year) was requested.",
                ),
                cause(
                    "OBF_NOT_OBF",
                    "The value passed as obfToken is not an OBF token (e.g. a ZAK or the signature).",
                ),
            ],
            fixes: &[
                "Request a fresh OBF token (GET /v2/users/{userId}/token?type=onbehalf) shortly before joining.",
            ],
        },
    ),
    (
        4015,
        Entry {
            name: "OBF_MEETING_MISMATCH",
            meaning: "The OBF token was issued for another meeting than the one being joined.",
            signature_related: false,
            causes: &[cause(
                "OBF_OTHER_MEETING",
                "An OBF token reused from another meeting, or a meeting number in join that differs from the token's.",
            )],
            fixes: &[
                "Get the OBF token for the meeting you join, and join with that same meeting number.",
            ],
        },
    ),
    (
        4016,
        Entry {
            name: "RECORDING_TOKEN_EXPIRED",
            meaning: "The recording token passed to join has expired.",
            signature_related: false,
            causes: &[cause(
                "RECORDING_TOKEN_OLD",
                "The recordingToken was fetched too long before the join.",
            )],
            fixes: &["Fetch a new recording token and join again."],
        },
    ),
    (
        4017,
        Entry {
            name: "AUTHORIZED_USER_NOT_IN_MEETING",
            meaning: "The Zoom user who authorized the join (the owner of the OBF token) is not in the meeting.",
            signature_related: false,
            causes: &[cause(
                "OBF_OWNER_ABSENT",
                "An OBF token only works while the user it was issued for is in the meeting.",
            )],
            fixes: &["Have that user join the meeting first, then join with the OBF token."],
        },
    ),
    (
        4018,
        Entry {
            name: "LOGIN_CREDENTIALS_CONFLICT",
            meaning: "Zoom reported a conflict with the login credentials given for the join; the SDK gives no more detail.",
            signature_related: false,
            causes: &[cause(
                "CREDENTIAL_CONFLICT",
                "The user credential passed to join (ZAK or OBF token) conflicts with another login; Zoom documents nothing more.",
            )],
            fixes: &[
                "Pass a single user credential, zak or obfToken, belonging to the intended user; if it persists, ask Zoom.",
            ],
        },
    ),
    (
        5001,
        Entry {
            name: "ASSETS_NOT_ACCESSIBLE",
            meaning: "The Component View could not load its media library (\"dependent assets are not accessible\") and stopped before sending the signature to Zoom.",
            signature_related: false,
            causes: &[
                cause(
                    "ASSETS_UNREACHABLE",
                    "source.zoom.us and its CloudFront fallback are unreachable (offline, firewall, content blocker).",
                ),
                cause(
                    "ASSET_PATH_WRONG",
                    "assetPath points to a place that does not serve the SDK's dist/lib/av files.",
                ),
            ],
            fixes: &[
                "Allow source.zoom.us, or serve the package's dist/lib/av yourself and pass its URL as assetPath to init.",
                "An offline test that ends in 5001 has not tested the signature at all.",
            ],
        },
    ),
    (
        5013,
        Entry {
            name: "INVALID_KEY_OR_SIGNATURE",
            meaning: "The Component View's core join found the key or the signature empty (\"Invalid apiKey/sdkKey and/or signature\") and did not contact Zoom.",
            signature_related: true,
            causes: &[
                cause(
                    "TOKEN_FORM",
                    "An empty or missing signature reached the join.",
                ),
                cause(
                    "APPKEY_MISSING",
                    "No usable appKey or sdkKey value in the signature.",
                ),
            ],
            fixes: &[
                "Pass the token string as signature and make sure its payload carries appKey (your Client ID or SDK Key).",
            ],
        },
    ),
    (
        -3000,
        Entry {
            name: "CONNECTION_ERROR",
            meaning: "The Component View could not reach Zoom's server (\"connection error\").",
            signature_related: false,
            causes: &[
                cause(
                    "NETWORK_FAILURE",
                    "Offline, DNS failure, proxy or firewall blocking the POST to https://<webEndpoint>/api/v1/wc/info.",
                ),
                OFFLINE_LOOKS_VALID,
                RECAPTCHA_LOG,
            ],
            fixes: &[CHECK_NETWORK, CHECK_OFFLINE],
        },
    ),
];

/// Exact texts the SDK maps from a server reply of code 200 (its `Yj` table), plus the display
/// texts it then shows, so a caller who only kept the reason still gets the code.
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

pub(super) fn known_code(code: i64) -> Option<(i64, &'static Entry)> {
    CODES
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(known, entry)| (*known, entry))
}

pub(super) fn server_text_code(text: &str) -> Option<i64> {
    SERVER_TEXTS
        .iter()
        .find(|(server_text, _)| *server_text == text)
        .map(|(_, code)| *code)
}
