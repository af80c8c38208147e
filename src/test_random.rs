//! A seeded xorshift generator for the property tests inside the crate: deterministic, and no
//! dependency for a test.

/// The next 64 random bits at each call, from `seed` (which must not be 0).
pub fn xorshift(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}
