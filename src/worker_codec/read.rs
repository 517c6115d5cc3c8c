//! The decoding half of the worker wire format.

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::Error;

pub struct Reader<'de>(pub &'de [u8]);

type Out<T> = Result<T, Error>;

impl<'de> Reader<'de> {
    fn take(&mut self, n: usize) -> Out<&'de [u8]> {
        if self.0.len() < n {
            return Err(Error);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn eight(&mut self) -> Out<[u8; 8]> {
        self.take(8)?.try_into().map_err(|_| Error)
    }
    fn u64(&mut self) -> Out<u64> {
        Ok(u64::from_le_bytes(self.eight()?))
    }
    fn i64(&mut self) -> Out<i64> {
        Ok(i64::from_le_bytes(self.eight()?))
    }
    fn len(&mut self) -> Out<usize> {
        let bytes: [u8; 4] = self.take(4)?.try_into().map_err(|_| Error)?;
        Ok(u32::from_le_bytes(bytes) as usize)
    }
    fn str(&mut self) -> Out<&'de str> {
        let len = self.len()?;
        std::str::from_utf8(self.take(len)?).map_err(|_| Error)
    }
    fn byte(&mut self) -> Out<u8> {
        Ok(self.take(1)?[0])
    }
}

/// Reads an integer of the wide wire type and narrows it, refusing values that do not fit.
macro_rules! integer {
    ($($method:ident => $visit:ident, $ty:ty, $read:ident;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
            let wide = self.$read()?;
            visitor.$visit(<$ty>::try_from(wide).map_err(|_| Error)?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    // The format does not describe itself, so a type must say what it expects. The one derived
    // type that does not is an adjacently tagged enum's unit variant (`Probe::Pending`): its
    // content is written as nothing and read back through `deserialize_any`, so "any" reads as
    // unit. Any other caller gets a unit it did not expect, which its visitor refuses.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        visitor.visit_unit()
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Out<V::Value> {
        Err(Error)
    }
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        match self.byte()? {
            0 => visitor.visit_bool(false),
            1 => visitor.visit_bool(true),
            _ => Err(Error),
        }
    }
    integer! {
        deserialize_i8 => visit_i8, i8, i64;
        deserialize_i16 => visit_i16, i16, i64;
        deserialize_i32 => visit_i32, i32, i64;
        deserialize_i64 => visit_i64, i64, i64;
        deserialize_u8 => visit_u8, u8, u64;
        deserialize_u16 => visit_u16, u16, u64;
        deserialize_u32 => visit_u32, u32, u64;
        deserialize_u64 => visit_u64, u64, u64;
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        // Written widened from f32, so narrowing gives back the same value.
        visitor.visit_f32(f64::from_bits(self.u64()?) as f32)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        visitor.visit_f64(f64::from_bits(self.u64()?))
    }
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        let code = u32::try_from(self.u64()?).map_err(|_| Error)?;
        visitor.visit_char(char::from_u32(code).ok_or(Error)?)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        visitor.visit_borrowed_str(self.str()?)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        self.deserialize_str(visitor)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        let len = self.len()?;
        visitor.visit_borrowed_bytes(self.take(len)?)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        self.deserialize_bytes(visitor)
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        match self.byte()? {
            0 => visitor.visit_none(),
            1 => visitor.visit_some(self),
            _ => Err(Error),
        }
    }
    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        visitor.visit_unit()
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Out<V::Value> {
        visitor.visit_unit()
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Out<V::Value> {
        visitor.visit_newtype_struct(self)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        let len = self.len()?;
        visitor.visit_seq(Counted {
            reader: self,
            left: len,
        })
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Out<V::Value> {
        visitor.visit_seq(Counted {
            reader: self,
            left: len,
        })
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        len: usize,
        visitor: V,
    ) -> Out<V::Value> {
        self.deserialize_tuple(len, visitor)
    }
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        let len = self.len()?;
        visitor.visit_map(Counted {
            reader: self,
            left: len,
        })
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Out<V::Value> {
        self.deserialize_tuple(fields.len(), visitor)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Out<V::Value> {
        visitor.visit_enum(self)
    }
    // Identifiers reach the reader only as an adjacently tagged enum's tag, which the writer
    // wrote as a unit variant: its index.
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        visitor.visit_u32(u32::try_from(self.len()?).map_err(|_| Error)?)
    }
    fn is_human_readable(&self) -> bool {
        false
    }
}

/// A sequence, tuple, struct or map whose element count is known.
struct Counted<'a, 'de> {
    reader: &'a mut Reader<'de>,
    left: usize,
}

impl<'de> de::SeqAccess<'de> for Counted<'_, 'de> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Out<Option<T::Value>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }
    fn size_hint(&self) -> Option<usize> {
        // A corrupt length must not make a collection reserve gigabytes up front.
        Some(self.left.min(4096))
    }
}

impl<'de> de::MapAccess<'de> for Counted<'_, 'de> {
    type Error = Error;
    // A map is counted by its entries: each key is the next element.
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Out<Option<K::Value>> {
        de::SeqAccess::next_element_seed(self, seed)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Out<V::Value> {
        seed.deserialize(&mut *self.reader)
    }
    fn size_hint(&self) -> Option<usize> {
        de::SeqAccess::size_hint(self)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = Error;
    type Variant = Self;
    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Out<(V::Value, Self)> {
        let index = u32::try_from(self.len()?).map_err(|_| Error)?;
        let deserializer: de::value::U32Deserializer<Error> = index.into_deserializer();
        Ok((seed.deserialize(deserializer)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = Error;
    fn unit_variant(self) -> Out<()> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Out<T::Value> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Out<V::Value> {
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Out<V::Value> {
        de::Deserializer::deserialize_tuple(self, fields.len(), visitor)
    }
}
