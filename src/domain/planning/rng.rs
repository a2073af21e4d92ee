//! The random numbers of a 双随机 draw: SplitMix64 (Steele, Lea and Flood, "Fast splittable
//! pseudorandom number generators", OOPSLA 2014; the seeding generator of Java's
//! `SplittableRandom` and of xoshiro). Chosen over a crate because a draw must be re-run by
//! anyone, years later, on any machine, and checked by the public (一公开): the whole generator
//! is the six lines below, specified in docs/planning.md with test vectors, and cannot change
//! under a dependency upgrade (rand's `StdRng` says its algorithm may change between versions).

/// SplitMix64 over a 64-bit seed.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in `0..n` (`n` > 0), without modulo bias: draws at or above the largest
    /// multiple of `n` are drawn again.
    pub fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let x = self.next_u64();
            if x < zone {
                return x % n;
            }
        }
    }

    /// Moves `k` elements chosen uniformly to the front of `items`, in drawn order (the first
    /// `k` steps of a Fisher–Yates shuffle), and returns them.
    pub fn choose<T: Clone>(&mut self, items: &mut [T], k: usize) -> Vec<T> {
        let n = items.len();
        for i in 0..k.min(n) {
            let j = i + self.below((n - i) as u64) as usize;
            items.swap(i, j);
        }
        items[..k.min(n)].to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published reference values for seed 1234567 (the test vectors of the xoshiro
    /// authors' splitmix64.c), so another program can check its port against docs/planning.md.
    #[test]
    fn matches_the_reference_sequence() {
        let mut rng = SplitMix64::new(1234567);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(
            first,
            [
                6457827717110365317,
                3203168211198807973,
                9817491932198370423
            ]
        );
    }

    #[test]
    fn choose_is_a_permutation_prefix() {
        let mut rng = SplitMix64::new(42);
        let mut items: Vec<u32> = (0..10).collect();
        let chosen = rng.choose(&mut items, 4);
        assert_eq!(chosen.len(), 4);
        let mut all = items.clone();
        all.sort();
        assert_eq!(all, (0..10).collect::<Vec<_>>());
        assert!(chosen.iter().all(|c| *c < 10));
    }
}
