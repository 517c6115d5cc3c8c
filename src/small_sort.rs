//! A stable insertion sort for the app's few short lists, far smaller in wasm than `slice::sort`.
//!
//! Each `sort`/`sort_by_key` call site in the app bundle instantiated the standard library's
//! stable sort (driftsort: about 4 KB of wasm per element type, 12.6 KB for three types), while
//! every list the app sorts holds a few dozen items at most (GPU features, timing samples, the
//! answers that could flip a verdict), where an insertion sort is as fast.

/// Sorts `items` so that no item is `less` than the one before it, keeping the order of equal
/// items. Quadratic: meant for lists of tens of items.
pub fn sort_by<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods, clippy::disallowed_types)] // tests: the app bundle's size rules do not apply
mod tests {
    use super::sort_by;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // A fixed pseudo-random sequence with many ties, so stability is exercised.
        let mut state = 7u32;
        let items: Vec<(u32, usize)> = (0..200)
            .map(|i| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((state >> 16) % 9, i)
            })
            .collect();
        let mut ours = items.clone();
        sort_by(&mut ours, |a, b| a.0 < b.0);
        let mut std_sorted = items;
        std_sorted.sort_by_key(|item| item.0);
        assert_eq!(ours, std_sorted);
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, |a, b| a < b);
        assert!(empty.is_empty());
        let mut one = vec![5];
        sort_by(&mut one, |a, b| a < b);
        assert_eq!(one, [5]);
    }
}
