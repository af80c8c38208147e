//! What the report says of each cause of a refused join: ruled out by a check that passed, or
//! still open, ranked for this token and context, with how a person checks it by hand. Causes
//! the findings show are neither: they are what the findings say.

use super::causes::{Cause, Remaining, RuledOut, found_causes};
use super::json::{self, Json};
use super::secret::NotChecked;
use super::{Doctor, TokenKind};

/// `iat` this close to the clock (or later) leaves no room for a Zoom server whose clock is behind.
const RECENT_IAT_SECONDS: i64 = 60;

impl Doctor<'_> {
    /// Fills the report's `ruled_out` and `remaining` from its findings and what was checked.
    pub(super) fn weigh_causes(&mut self) {
        let codes: Vec<_> = self.report.findings.iter().map(|f| f.code).collect();
        let found: Vec<Cause> = found_causes(&codes).into_iter().map(|(_, c)| c).collect();
        let is_jwt = self.report.header.is_some() && self.report.payload.is_some();
        let meeting_sdk = is_jwt && self.report.kind == TokenKind::MeetingSdk;
        let video_sdk = is_jwt && self.report.kind == TokenKind::VideoSdk;
        let ranked = if video_sdk {
            self.ranked_video()
        } else {
            self.ranked()
        };
        for cause in ranked.into_iter().filter(|c| !found.contains(c)) {
            let ruled_out = if video_sdk {
                self.rules_out_video(cause)
            } else {
                self.rules_out(cause, is_jwt, meeting_sdk)
            };
            if let Some(because) = ruled_out {
                self.report.ruled_out.push(RuledOut {
                    code: cause,
                    because: because.into(),
                });
            } else if meeting_sdk || video_sdk {
                let open = if video_sdk {
                    self.still_open_video(cause)
                } else {
                    self.still_open(cause)
                };
                if let Some((message, check)) = open {
                    self.report.remaining.push(Remaining {
                        code: cause,
                        message,
                        check,
                    });
                }
            }
        }
    }

    fn payload_claim(&self, name: &str) -> Option<&Json> {
        self.report.payload.as_ref()?.get(name)
    }

    /// What excludes `cause`, when the report checked it and found nothing.
    fn rules_out(&self, cause: Cause, is_jwt: bool, meeting_sdk: bool) -> Option<&'static str> {
        let verified = self.report.signature_verified == Some(true);
        match cause {
            Cause::TokenForm if is_jwt => Some(
                "the token is three trimmed parts, and its header and payload are JSON objects",
            ),
            Cause::Base64Form
                if is_jwt
                    && !matches!(
                        self.report.signature_not_checked,
                        Some(NotChecked::Unsigned | NotChecked::Unreadable)
                    ) =>
            {
                Some("all three parts are unpadded base64url")
            }
            Cause::Header if is_jwt => Some("the header is HS256, typ JWT"),
            Cause::SecretEncoding if verified => {
                Some("the HMAC matches the secret's UTF-8 bytes, which is what Zoom checks")
            }
            Cause::Times if meeting_sdk => Some(
                "iat, exp and tokenExp are whole seconds, the lifetime is 30 minutes to 48 hours, \
                 and the token is current by this clock",
            ),
            Cause::MeetingMismatch if meeting_sdk && self.context.meeting_number.is_some() => {
                Some("mn is the meeting number join will get")
            }
            Cause::RoleHost
                if meeting_sdk
                    && self
                        .payload_claim("role")
                        .and_then(json::number)
                        .is_some_and(|(role, _)| role == 0.0) =>
            {
                Some("role is 0: the token joins as a participant")
            }
            Cause::AppkeyMissing if meeting_sdk && self.payload_claim("appKey").is_some() => {
                Some("appKey is in the payload")
            }
            Cause::AppkeyMissing
                if meeting_sdk
                    && self
                        .context
                        .sdk_version
                        .is_some_and(|version| !version.at_least(5, 0)) =>
            {
                Some("the SDK version given reads sdkKey; appKey is required from 5.0.0")
            }
            _ => None,
        }
    }

    /// What an open cause is for this token, and how to check it; `None` for a cause that does
    /// not apply (a host's ZAK for a participant's token).
    fn still_open(&self, cause: Cause) -> Option<(String, String)> {
        let version = self.context.sdk_version;
        let secret_checked = self.report.signature_verified.is_some();
        Some(match cause {
            Cause::KeyAppType => (
                match version {
                    Some(v) if !v.at_least(2, 7) => format!(
                        "The key may not be a Meeting SDK key. Web SDK {v} still accepted a JWT \
                         app's API key; from 2.7.0 only Meeting SDK credentials are accepted, and \
                         JWT apps were shut down in 2023."
                    ),
                    _ => "The key may not be a Meeting SDK key: Web SDK 2.7.0 and later accept only \
                          Meeting SDK credentials, the Client ID and secret of a General app with \
                          the Meeting SDK enabled (or the SDK key and secret of an older Meeting \
                          SDK app). A JWT app's API key (which worked up to 2.3.5 and is refused \
                          now), an OAuth or Server-to-Server OAuth app's Client ID, or a Video SDK \
                          key makes a token that looks exactly like a good one, and Zoom answers \
                          3712."
                        .to_string(),
                },
                "In the Zoom App Marketplace (marketplace.zoom.us), Manage, open the app the key \
                 comes from: it must be a General app with Meeting SDK turned on (Features, Embed) \
                 or a Meeting SDK app, and its App Credentials' Client ID (or SDK Key) must be the \
                 token's appKey. A JWT, OAuth, Server-to-Server OAuth or Video SDK app will not do: \
                 create a General app and use its credentials."
                    .into(),
            ),
            Cause::KeySecretPair => (
                if secret_checked {
                    "The HMAC matches the secret given, which proves only that this secret signed \
                     the token, not that it is the secret of the app whose key is in appKey: a \
                     secret copied from another app (or a Video SDK or JWT app) gives this same \
                     report, and Zoom answers 3712."
                        .to_string()
                } else {
                    "The HMAC was not checked (no secret was given), so the token may be signed \
                     with the secret of another app than the key's."
                        .to_string()
                },
                "On the App Credentials page of the app whose Client ID is the token's appKey, copy \
                 the Client Secret again (or regenerate it) and sign with that; the key and the \
                 secret must come from the same page."
                    .into(),
            ),
            Cause::ExternalMeeting => (
                "If the meeting belongs to another Zoom account than the one that created the app, \
                 Zoom lets the app join only after its app review (it may stay unlisted), and \
                 since March 2, 2026 only with the user's ZAK or an OBF token (errors 4011 and 4012 \
                 to 4015; a draft app has been seen getting 3712 or 200 instead)."
                    .into(),
                "Join a meeting created by the account that owns the app: if that works, this is \
                 the cause. Then submit the app for review and pass zak or obfToken to join."
                    .into(),
            ),
            Cause::SecretEncoding => (
                "The HMAC was not checked (no secret was given), so a secret turned into other \
                 bytes than its text (jsrsasign reads an even-length all-hex secret as hex, jjwt \
                 decodes a string key as base64) cannot be seen."
                    .into(),
                "Give the secret to inspectSignature (sdkSecret), which tries those readings too."
                    .into(),
            ),
            Cause::MeetingMismatch => (
                "The meeting number join will get was not given, so mn was not compared with it."
                    .into(),
                "Pass meetingNumber to inspectSignature, or compare mn in the payload with the \
                 meeting number you pass to join: the same digits."
                    .into(),
            ),
            Cause::RoleHost => {
                self.payload_claim("role")
                    .and_then(json::number)
                    .filter(|(role, _)| *role == 1.0)?;
                (
                    "role is 1 (host): Zoom accepts it only for the meeting's host, with the \
                     host's own ZAK; another user's ZAK, or an expired one, gets 3712 or 3708."
                        .into(),
                    "Fetch the host's ZAK just before joining (REST API, GET \
                     /v2/users/me/token?type=zak, as the host), or sign with role 0 to join as a \
                     participant."
                        .into(),
                )
            }
            Cause::AppInactive => (
                "An app that is deactivated gets 3710; an open 2026 report also shows 3712 on every \
                 web join for a Development (unpublished) General app, with no known cause."
                    .into(),
                "In the App Marketplace, check that the app is active; if it is in development, \
                 try a meeting of the app's own account first."
                    .into(),
            ),
            Cause::ZoomForGovernment => (
                "Keys of Zoom for Government (marketplace.zoomgov.com) work only against \
                 www.zoomgov.com, and commercial keys only against zoom.us."
                    .into(),
                "If the app is on zoomgov.com, pass webEndpoint: \"www.zoomgov.com\" to init; \
                 otherwise use a key from marketplace.zoom.us."
                    .into(),
            ),
            Cause::ClockSkew => self.clock_skew(),
            // Checked on every token the doctor reads (open only when it could not be read), or
            // the Video SDK's.
            _ => return None,
        })
    }

    fn clock_skew(&self) -> (String, String) {
        let ahead = self.report.issued_at.map(|iat| self.now - iat);
        let how_far = match ahead {
            Some(seconds) if seconds >= 0 => format!("iat is {seconds} s before this clock"),
            _ => "iat is not before this clock".into(),
        };
        (
            format!(
                "Zoom refuses a token issued in its future: {how_far}, so a Zoom server whose \
                 clock is behind this machine's by more than that sees the token as issued in the \
                 future (users have needed to back-date iat by 120 to 400 s)."
            ),
            "Compare this machine's clock with an accurate one (timedatectl, or \
             https://time.is), and back-date iat by 30 to 120 s (zoomsig backs it 30 s by \
             default; pass iat to choose)."
                .into(),
        )
    }

    /// What excludes `cause` for a Video SDK token, when the report checked it.
    fn rules_out_video(&self, cause: Cause) -> Option<&'static str> {
        let has = |name: &str| self.payload_claim(name).is_some();
        match cause {
            Cause::TokenForm => Some(
                "the token is three trimmed parts, and its header and payload are JSON objects",
            ),
            Cause::Base64Form
                if !matches!(
                    self.report.signature_not_checked,
                    Some(NotChecked::Unsigned | NotChecked::Unreadable)
                ) =>
            {
                Some("all three parts are unpadded base64url")
            }
            Cause::Header => Some("the header is HS256, typ JWT"),
            Cause::SecretEncoding if self.report.signature_verified == Some(true) => {
                Some("the HMAC matches the secret's UTF-8 bytes, which is what Zoom checks")
            }
            Cause::Times => Some(
                "iat and exp are whole seconds, the lifetime is 30 minutes to 48 hours, and the \
                 token is current by this clock",
            ),
            Cause::TopicMismatch if self.context.topic.is_some() => {
                Some("tpc is the topic join will get (Zoom ignores case)")
            }
            Cause::RoleType => Some("role_type is the number 0 or 1"),
            Cause::VideoClaims => Some(
                "session_key, user_identity / user_key and geo_regions are within Zoom's limits",
            ),
            Cause::AppkeyMissing if has("app_key") => Some("app_key is in the payload"),
            _ => None,
        }
    }

    /// What an open cause is for a Video SDK token, and how to check it.
    fn still_open_video(&self, cause: Cause) -> Option<(String, String)> {
        Some(match cause {
            Cause::VideoKeyType => (
                "The key may not be a Video SDK key: a Meeting SDK app's Client ID (or any other \
                 app's key) makes a token that looks exactly like a good one, and the Video SDK \
                 answers \"Verify JWT failed\". Video SDK and Meeting SDK credentials are not \
                 interchangeable."
                    .into(),
                "Open the SDK credentials of your Zoom Video SDK account (a Video SDK account's, not \
                 a Meeting SDK or General app's Client ID): its SDK Key must be the token's \
                 app_key, and its SDK Secret the secret."
                    .into(),
            ),
            Cause::KeySecretPair => (
                if self.report.signature_verified.is_some() {
                    "The HMAC matches the secret given, which proves only that this secret signed \
                     the token, not that it is the secret of the key in app_key."
                        .to_string()
                } else {
                    "The HMAC was not checked (no secret was given), so the token may be signed \
                     with another account's secret."
                        .to_string()
                },
                "Copy the SDK Key and the SDK Secret again from the same Video SDK credentials page \
                 and sign with those."
                    .into(),
            ),
            Cause::SecretEncoding => (
                "The HMAC was not checked (no secret was given), so a secret turned into other \
                 bytes than its text (jsrsasign reads an even-length all-hex secret as hex) cannot \
                 be seen."
                    .into(),
                "Give the secret to inspectSignature (sdkSecret), which tries those readings too."
                    .into(),
            ),
            Cause::TopicMismatch => (
                "The topic join will get was not given, so tpc was not compared with it.".into(),
                "Pass topic to inspectSignature, or compare tpc with the topic you pass to \
                 client.join: the same text (Zoom ignores case)."
                    .into(),
            ),
            Cause::SessionKeyMismatch => (
                if self.payload_claim("session_key").is_some() {
                    "If the host started the session with a session key, every attendee's token \
                     must carry the same one; whether this one matches only Zoom knows."
                        .to_string()
                } else {
                    "The token has no session_key: if the host started the session with one, \
                     Zoom refuses this join (\"invalid session key\")."
                        .to_string()
                },
                "Ask how the host's token was made, and give the same sessionKey \
                 (generateVideoToken) to every attendee."
                    .into(),
            ),
            Cause::OtherVideoAccount => (
                "A session belongs to the Video SDK account whose key started it; keys of other \
                 Video SDK accounts cannot join it (\"This account does not exist or does not \
                 belong to you\")."
                    .into(),
                "Join with a token made with the same account's key as the host's.".into(),
            ),
            Cause::ClockSkew => self.clock_skew(),
            _ => return None,
        })
    }

    /// A Video SDK token's causes, most likely first: the key's type leads, as for meetings.
    fn ranked_video(&self) -> Vec<Cause> {
        let recent_iat = self
            .report
            .issued_at
            .is_some_and(|iat| self.now - iat < RECENT_IAT_SECONDS);
        let mut order = vec![
            Cause::VideoKeyType,
            Cause::SecretEncoding,
            Cause::KeySecretPair,
            Cause::TopicMismatch,
        ];
        if recent_iat {
            order.push(Cause::ClockSkew);
        }
        order.extend([Cause::SessionKeyMismatch, Cause::OtherVideoAccount]);
        if !recent_iat {
            order.push(Cause::ClockSkew);
        }
        order.extend([
            Cause::TokenForm,
            Cause::Base64Form,
            Cause::Header,
            Cause::Times,
            Cause::RoleType,
            Cause::VideoClaims,
            Cause::AppkeyMissing,
        ]);
        order
    }

    /// Every cause, most likely first: the key's app type leads (the usual cause of a token that
    /// is right in every other way), then what the context left unchecked, then the rest.
    fn ranked(&self) -> Vec<Cause> {
        let recent_iat = self
            .report
            .issued_at
            .is_some_and(|iat| self.now - iat < RECENT_IAT_SECONDS);
        let mut order = vec![
            Cause::KeyAppType,
            Cause::SecretEncoding,
            Cause::KeySecretPair,
            Cause::MeetingMismatch,
        ];
        if recent_iat {
            order.push(Cause::ClockSkew);
        }
        order.extend([Cause::ExternalMeeting, Cause::RoleHost]);
        if !recent_iat {
            order.push(Cause::ClockSkew);
        }
        order.extend([
            Cause::AppInactive,
            Cause::ZoomForGovernment,
            Cause::TokenForm,
            Cause::Base64Form,
            Cause::Header,
            Cause::Times,
            Cause::AppkeyMissing,
        ]);
        order
    }
}
