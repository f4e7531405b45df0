//! Sets of positions (questions, parameters) as bit sets: the evaluator builds many small ones on
//! every answer, and a bit set is both faster and far less code in the wasm than a tree set.

/// A set of positions, iterated in increasing order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Indices(Vec<u64>);

impl Indices {
    /// Adds `i`.
    pub(crate) fn insert(&mut self, i: usize) {
        let word = i / 64;
        if word >= self.0.len() {
            self.0.resize(word + 1, 0);
        }
        self.0[word] |= 1 << (i % 64);
    }

    /// Whether `i` is in the set.
    pub(crate) fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Adds every position of `other`.
    pub(crate) fn extend(&mut self, other: &Indices) {
        if other.0.len() > self.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (mine, theirs) in self.0.iter_mut().zip(&other.0) {
            *mine |= theirs;
        }
    }

    /// Number of positions.
    pub(crate) fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The positions, in increasing order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(n, &word)| {
            let mut rest = word;
            core::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    n * 64 + bit
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn behaves_like_a_sorted_set() {
        let picks = [3usize, 0, 64, 63, 200, 3, 129, 64];
        let mut set = Indices::default();
        let mut reference = BTreeSet::new();
        for &i in &picks {
            set.insert(i);
            reference.insert(i);
        }
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            reference.iter().copied().collect::<Vec<_>>()
        );
        assert_eq!(set.len(), reference.len());
        assert!(set.contains(129) && !set.contains(128) && !set.contains(5000));

        let mut other = Indices::default();
        other.insert(1);
        other.insert(500);
        set.extend(&other);
        assert_eq!(set.len(), reference.len() + 2);
        assert!(set.contains(1) && set.contains(500));
        assert_eq!(Indices::default().iter().count(), 0);
    }
}
