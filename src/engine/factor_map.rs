//! A value per factor in a fixed array indexed by the factor, instead of a `BTreeMap`.
//!
//! The factors are a closed set of thirteen, so an array does everything the map did; each map
//! type had brought its own copy of the B-tree's insert, remove and rebalancing code into the app
//! bundle (about 7 KB of wasm per key and value type).

use super::Factor;

const LEN: usize = Factor::ALL.len();

/// At most one `V` per factor, iterated in the contract's order (the order of `Factor::ALL`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FactorMap<V>([Option<V>; LEN]);

impl<V> Default for FactorMap<V> {
    fn default() -> Self {
        Self(std::array::from_fn(|_| None))
    }
}

impl<V> FactorMap<V> {
    /// Sets the factor's value, returning the one it replaces.
    pub fn insert(&mut self, factor: Factor, value: V) -> Option<V> {
        self.0[factor as usize].replace(value)
    }

    /// Removes and returns the factor's value.
    pub fn remove(&mut self, factor: Factor) -> Option<V> {
        self.0[factor as usize].take()
    }

    pub fn get(&self, factor: Factor) -> Option<&V> {
        self.0[factor as usize].as_ref()
    }

    pub fn contains(&self, factor: Factor) -> bool {
        self.get(factor).is_some()
    }

    /// How many factors have a value.
    pub fn len(&self) -> usize {
        self.0.iter().flatten().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The factors with a value and their values, in the contract's order.
    pub fn iter(&self) -> impl Iterator<Item = (Factor, &V)> + '_ {
        Factor::ALL
            .iter()
            .zip(&self.0)
            .filter_map(|(&factor, value)| Some((factor, value.as_ref()?)))
    }

    /// The factors with a value, in the contract's order.
    pub fn factors(&self) -> impl Iterator<Item = Factor> + '_ {
        self.iter().map(|(factor, _)| factor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_factor_indexes_its_own_place_in_the_contracts_order() {
        for (i, &factor) in Factor::ALL.iter().enumerate() {
            assert_eq!(factor as usize, i);
        }
    }

    #[test]
    fn behaves_like_a_map_ordered_by_the_contract() {
        let mut map = FactorMap::default();
        assert!(map.is_empty());
        assert_eq!(map.insert(Factor::Knowledge, 3), None);
        assert_eq!(map.insert(Factor::Privacy, 1), None);
        assert_eq!(map.insert(Factor::Privacy, 2), Some(1));
        assert_eq!(map.len(), 2);
        assert!(map.contains(Factor::Privacy) && !map.contains(Factor::Cost));
        let pairs: Vec<_> = map.iter().map(|(f, v)| (f, *v)).collect();
        assert_eq!(pairs, [(Factor::Privacy, 2), (Factor::Knowledge, 3)]);
        assert_eq!(map.remove(Factor::Privacy), Some(2));
        assert_eq!(map.get(Factor::Privacy), None);
        assert_eq!(map.factors().collect::<Vec<_>>(), [Factor::Knowledge]);
    }
}
