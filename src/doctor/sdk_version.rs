//! What changed with the SDK version the page loads (`context.sdkVersion`): the signature format
//! (2.3.0), `sdkKey` in `join()` (up to 3.x), `appKey` (5.0.0, in [`super::claims`]) and the
//! Component View's warning about `sdkKey` (5.0.0).

use super::json::Json;
use super::{Doctor, FindingCode, Severity, TokenKind};

impl Doctor<'_> {
    pub(super) fn check_sdk_version(&mut self, payload: Option<&Json>) {
        let Some(version) = self.context.sdk_version else {
            return;
        };
        // The rules below are the Meeting SDK's; Video SDK versions are numbered on their own.
        let video = self.report.kind == TokenKind::VideoSdk
            || self.context.intended_sdk() == Some(super::Sdk::Video);
        if video {
            return;
        }
        if !version.at_least(2, 3) {
            self.add(
                FindingCode::OldSdkVersion,
                Severity::Error,
                None,
                format!(
                    "Web SDK {version} predates the JWT signature (2.3.0, March 2022): it takes \
                     Zoom's older signature, made with a JWT app's key, which Zoom no longer \
                     accepts since JWT apps were shut down in 2023."
                ),
                "Upgrade the Meeting SDK for Web (the current one takes this JWT), and sign with \
                 the Client ID and secret of a General app with the Meeting SDK enabled.",
                &[3712, 3704],
            );
            return;
        }
        if self.report.kind != TokenKind::MeetingSdk {
            return;
        }
        if !version.at_least(4, 0) {
            self.add(
                FindingCode::JoinNeedsSdkKey,
                Severity::Info,
                None,
                format!(
                    "Web SDK {version} also takes the key in join(), as sdkKey: the Component View \
                     before 4.0.0 refuses a join without it (\"sdkKey can not empty\"). From 4.0.0 \
                     the SDK reads the key from the signature."
                ),
                "Pass sdkKey (the same key as appKey) in the options of join().",
                &[],
            );
        }
        // Seen in the Component View of 4.1.0 and 6.2.0; 4.0.x was not measured. Without appKey
        // the token has a bigger problem, which claims.rs names.
        let both_keys =
            payload.is_some_and(|p| p.get("sdkKey").is_some() && p.get("appKey").is_some());
        if version.at_least(4, 1) && both_keys {
            self.add(
                FindingCode::SdkkeyDeprecated,
                Severity::Info,
                Some("sdkKey"),
                format!(
                    "Web SDK {version}'s Component View logs \"The sdkKey will be deprecated in the \
                     signature after v5.0.0\" for every signature with an sdkKey claim, Zoom's own \
                     sample's included. It is a warning only: the SDK uses appKey."
                ),
                "Nothing to do; to silence it, leave sdkKey out of the payload \
                 (generateSignature({ ..., includeSdkKey: false })).",
                &[],
            );
        }
    }
}
