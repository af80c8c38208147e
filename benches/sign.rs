//! Native micro-benchmark of the core (`make bench` reads its two result lines). The standard
//! harness is unstable and criterion is heavy, so this times batches with `Instant` and reports
//! the median over rounds.
#![allow(missing_docs, clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::Instant;

use zoomsig::doctor::{InspectContext, inspect_signature};
use zoomsig::{MeetingNumber, Role, SignatureRequest};

fn median_ns_per_call(mut call: impl FnMut()) -> f64 {
    // Batch size for about 20 ms, then 25 rounds.
    let mut batch = 100u32;
    loop {
        let start = Instant::now();
        for _ in 0..batch {
            call();
        }
        if start.elapsed().as_millis() >= 20 || batch >= 10_000_000 {
            break;
        }
        batch *= 2;
    }
    let mut rounds: Vec<f64> = (0..25)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                call();
            }
            start.elapsed().as_nanos() as f64 / f64::from(batch)
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds[rounds.len() / 2]
}

fn main() {
    let request = SignatureRequest {
        sdk_key: "abcdEFGHijklMNOPqrst12".into(),
        sdk_secret: "fakeClientSecretForTesting0123456".into(),
        meeting_number: MeetingNumber::Text("85746065432".into()),
        role: Role::Participant,
        expiration_seconds: None,
        video_webrtc_mode: None,
        iat: Some(1_764_201_600),
        include_sdk_key: true,
    };
    let generate = median_ns_per_call(|| {
        black_box(black_box(&request).sign(1_764_201_630).ok());
    });
    let token = request.sign(0).unwrap_or_default();
    let context = InspectContext {
        sdk_secret: Some(request.sdk_secret.clone()),
        meeting_number: Some("85746065432".into()),
        now: Some(1_764_201_700),
        ..InspectContext::default()
    };
    let inspect = median_ns_per_call(|| {
        black_box(inspect_signature(black_box(&token), &context, 0));
    });
    println!("generate_ns_per_token: {generate:.0}");
    println!("inspect_ns_per_token: {inspect:.0}");
}
